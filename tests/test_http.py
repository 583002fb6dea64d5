"""The HTTP surface beside GraphQL: health, metrics, request ids, CORS, GraphiQL, GET queries."""

from __future__ import annotations

import httpx

from tests.graphql import GraphQLClient, LiveServer


def test_health_checks_the_three_stores(server: LiveServer) -> None:
    response = httpx.get(f"{server.base_url}/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"postgres": "ok", "mongodb": "ok", "redis": "ok"},
    }


def test_metrics_are_in_prometheus_format(api: GraphQLClient, server: LiveServer) -> None:
    api("{ tenant { slug } }")
    body = httpx.get(f"{server.base_url}/metrics").text
    assert 'sportello_http_requests_total{method="POST",route="graphql",status="200"}' in body
    assert "sportello_store_round_trips_total" in body


def test_request_id_is_kept_or_made(api: GraphQLClient) -> None:
    given = api("{ tenant { slug } }", headers={"X-Request-ID": "abc-123"})
    assert given.headers["x-request-id"] == "abc-123"
    made = api("{ tenant { slug } }")
    assert len(made.headers["x-request-id"]) == 32


def test_cors_allows_the_configured_origins_only(server: LiveServer) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,authorization",
    }
    allowed = httpx.options(
        f"{server.base_url}/bugliano/graphql",
        headers={"Origin": "http://localhost:3000", **preflight},
    )
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:3000"
    refused = httpx.options(
        f"{server.base_url}/bugliano/graphql",
        headers={"Origin": "https://evil.example", **preflight},
    )
    assert "access-control-allow-origin" not in refused.headers


def test_browser_gets_graphiql(server: LiveServer) -> None:
    page = httpx.get(f"{server.base_url}/bugliano/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "graphiql" in page.text.lower()


def test_queries_work_over_get_for_caches(server: LiveServer) -> None:
    response = httpx.get(
        f"{server.base_url}/bugliano/graphql",
        params={"query": "{ tenant { slug } }"},
        headers={"Accept": "application/json"},
    )
    assert response.json()["data"] == {"tenant": {"slug": "bugliano"}}
    mutation = httpx.get(
        f"{server.base_url}/bugliano/graphql",
        params={
            "query": 'mutation { login(input: {username: "a", password: "b"}) { accessToken } }'
        },
        headers={"Accept": "application/json"},
    )
    assert mutation.status_code in (400, 405)


def test_malformed_json_body_is_a_400(server: LiveServer) -> None:
    response = httpx.post(
        f"{server.base_url}/bugliano/graphql",
        content=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "JSON" in response.text
