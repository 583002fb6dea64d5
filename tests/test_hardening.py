"""A server in production mode: HSTS on every answer, no schema introspection, no GraphiQL,
and metrics only for the scraper holding the token; development keeps its conveniences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.graphql import LiveServer
from tests.live_server import serve

METRICS_TOKEN = "scraper-token-0123456789"
INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture(scope="module")
def production(
    world: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    base = tmp_path_factory.mktemp("production")
    with serve(
        world,
        base / "serve.log",
        SPORTELLO_ENV="production",
        SPORTELLO_DATA_DIR=str(base / "data"),
        SPORTELLO_METRICS_TOKEN=METRICS_TOKEN,
    ) as server:
        yield server


def test_production_answers_carry_hsts(production: LiveServer) -> None:
    answer = httpx.get(f"{production.base_url}/healthz")
    assert answer.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_production_refuses_introspection_and_has_no_graphiql(production: LiveServer) -> None:
    url = f"{production.base_url}/bugliano/graphql"
    refused = httpx.post(url, json={"query": INTROSPECTION}).json()
    assert refused["data"] is None
    assert "introspection" in refused["errors"][0]["message"].lower()
    page = httpx.get(url, headers={"Accept": "text/html"})
    assert "graphiql" not in page.text.lower()
    plain = httpx.post(url, json={"query": "{ tenant { name } }"}).json()
    assert plain["data"]["tenant"]["name"]


def test_metrics_need_the_scrapers_token_in_production(production: LiveServer) -> None:
    url = f"{production.base_url}/metrics"
    assert httpx.get(url).status_code == 401
    wrong = httpx.get(url, headers={"Authorization": "Bearer guess"})
    assert (wrong.status_code, wrong.json()["code"]) == (401, "METRICS_TOKEN_REQUIRED")
    scraped = httpx.get(url, headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert scraped.status_code == 200
    assert "sportello_" in scraped.text or "python_info" in scraped.text


def test_development_keeps_introspection_and_open_metrics(server: LiveServer) -> None:
    answer = httpx.post(f"{server.base_url}/bugliano/graphql", json={"query": INTROSPECTION})
    assert answer.json()["data"]["__schema"]["queryType"]["name"] == "Query"
    assert httpx.get(f"{server.base_url}/metrics").status_code == 200


def test_metrics_with_a_token_set_need_it_in_development_too(
    world: dict[str, str], tmp_path: Path
) -> None:
    with serve(world, tmp_path / "serve.log", SPORTELLO_METRICS_TOKEN=METRICS_TOKEN) as server:
        assert httpx.get(f"{server.base_url}/metrics").status_code == 401
        headers = {"Authorization": f"Bearer {METRICS_TOKEN}"}
        assert httpx.get(f"{server.base_url}/metrics", headers=headers).status_code == 200
