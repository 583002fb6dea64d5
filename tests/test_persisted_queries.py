"""Persisted documents over HTTP: the frontend's queries sent by hash alone, as urql's
persistedExchange sends them, with the real documents file of the frontend."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from graphql import parse, print_ast

from server.settings import Settings
from tests.graphql import LiveServer

DOCUMENTS: dict[str, str] = json.loads(Settings().persisted_documents.read_text())


def public_categories_query() -> tuple[str, str]:
    """A document of the file that reads the catalogue's categories: anyone may run it, with
    `first` as its only required variable. Its hash and text."""
    for key, text in DOCUMENTS.items():
        operation = re.search(r"\bquery \w+(\(([^)]*)\))?", text)
        required = re.findall(r"\$(\w+): [^,)]*!", operation[2] or "") if operation else None
        if operation and "categories(" in text and set(required or []) <= {"first"}:
            return key, text
    raise AssertionError("the frontend has no public query of the categories")


HASH, DOCUMENT = public_categories_query()


def extensions(hash_value: str) -> str:
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": hash_value}})


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=30) as client:
        yield client


def get(http: httpx.Client, hash_value: str, **params: str) -> httpx.Response:
    return http.get(
        "/bugliano/graphql",
        params={
            "variables": json.dumps({"first": 5}),
            "extensions": extensions(hash_value),
            **params,
        },
    )


def categories(body: dict[str, Any]) -> list[str]:
    assert "errors" not in body, body
    return [edge["node"]["id"] for edge in body["data"]["categories"]["edges"]]


@pytest.mark.parametrize("prefixed", [True, False])
def test_a_known_hash_over_get_runs_its_document(http: httpx.Client, prefixed: bool) -> None:
    hash_value = HASH if prefixed else HASH.removeprefix("sha256:")
    response = get(http, hash_value)
    assert response.status_code == 200
    assert categories(response.json())
    assert response.headers["cache-control"] == "public, max-age=60"


def test_an_unknown_hash_asks_for_the_query_the_apollo_way(http: httpx.Client) -> None:
    response = get(http, "sha256:" + "0" * 64)
    assert response.status_code == 200
    assert response.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }
    assert response.headers["cache-control"] == "no-store"


def test_the_same_document_printed_otherwise_is_accepted_with_its_hash(
    http: httpx.Client,
) -> None:
    """Clients print documents their own way (urql does not sort fields as codegen does)."""
    printed = print_ast(parse(DOCUMENT))
    assert printed != DOCUMENT
    expected = categories(get(http, HASH).json())
    assert categories(get(http, HASH, query=printed).json()) == expected


def test_a_query_that_is_not_the_hashed_document_is_refused(http: httpx.Client) -> None:
    response = get(http, HASH, query="{ tenant { slug } }")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"


def test_an_unknown_hash_runs_a_query_of_that_hash(http: httpx.Client) -> None:
    """Apollo's automatic persisted queries: the hash of a new query is its text's sha256."""
    query = "{ tenant { slug } }"
    response = get(http, hashlib.sha256(query.encode()).hexdigest(), query=query)
    assert response.json()["data"] == {"tenant": {"slug": "bugliano"}}


def test_a_known_hash_over_post_runs_its_document(http: httpx.Client) -> None:
    response = http.post(
        "/bugliano/graphql",
        json={"variables": {"first": 5}, "extensions": json.loads(extensions(HASH))},
    )
    assert response.status_code == 200
    assert categories(response.json())
    assert response.headers["cache-control"] == "no-store"


def test_queries_without_a_hash_work_as_before(http: httpx.Client) -> None:
    response = http.get("/bugliano/graphql", params={"query": "{ tenant { slug } }"})
    assert response.json()["data"] == {"tenant": {"slug": "bugliano"}}
    assert response.headers["cache-control"] == "public, max-age=60"
