"""What one request may carry, over HTTP: a body within its size, JSON within its depth, a
multipart map that fits, a document within its length and tokens wherever it is parsed (a text
beside a persisted-query hash included). Each is refused with a 4xx and a code, never a 500."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from server.request_limits import MAX_JSON_DEPTH
from server.settings import Settings
from tests.graphql import LiveServer
from tests.test_persisted_queries import HASH, extensions

DEFAULTS = Settings()
NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        yield client


def code_of(response: httpx.Response) -> str:
    return str(response.json()["errors"][0]["extensions"]["code"])


def aliases(count: int, name: str = "a") -> str:
    """A document of `count` aliased fields: many tokens, and as long as one wants."""
    return "{ " + " ".join(f"{name}{n}: __typename" for n in range(count)) + " }"


def nested(depth: int) -> str:
    """JSON of `depth` lists nested in each other (written out: too deep for `json.dumps`)."""
    return "[" * depth + "]" * depth


# Finding 2: a text beside a known hash was parsed without limits and sorted (8 s, /healthz
# waiting); it now meets the limits of every document before any parse.


def test_a_megabyte_of_aliases_beside_a_known_hash_is_refused_unread(http: httpx.Client) -> None:
    text = aliases(50_000, "alias_")
    assert len(text) > DEFAULTS.max_body_bytes
    response = http.post(
        "/bugliano/graphql", json={"query": text, "extensions": json.loads(extensions(HASH))}
    )
    assert response.status_code == 413
    assert code_of(response) == "REQUEST_TOO_LARGE"


def test_a_text_too_long_beside_a_known_hash_is_refused_before_it_is_parsed(
    http: httpx.Client,
) -> None:
    text = aliases(50_000)
    assert DEFAULTS.max_query_length < len(text) < DEFAULTS.max_body_bytes
    response = http.post(
        "/bugliano/graphql", json={"query": text, "extensions": json.loads(extensions(HASH))}
    )
    assert response.status_code == 400
    assert code_of(response) == "QUERY_TOO_LARGE"


def test_a_text_of_too_many_tokens_beside_a_known_hash_is_refused_over_post_and_get(
    http: httpx.Client,
) -> None:
    text = aliases(DEFAULTS.max_query_tokens)  # 3 tokens an alias, a short text
    posted = http.post(
        "/bugliano/graphql", json={"query": text, "extensions": json.loads(extensions(HASH))}
    )
    got = http.get("/bugliano/graphql", params={"query": text, "extensions": extensions(HASH)})
    for response in (posted, got):
        assert response.status_code == 400
        assert code_of(response) == "TOO_MANY_TOKENS"


def test_documents_without_a_hash_meet_the_same_limits_with_the_same_codes(
    http: httpx.Client,
) -> None:
    too_long = http.post("/bugliano/graphql", json={"query": aliases(50_000)})
    assert code_of(too_long) == "QUERY_TOO_LARGE"
    too_many = http.post("/bugliano/graphql", json={"query": aliases(DEFAULTS.max_query_tokens)})
    assert code_of(too_many) == "TOO_MANY_TOKENS"
    text = "{ tenant { slug } }"
    padded = http.post(
        "/bugliano/graphql", json={"query": text.ljust(DEFAULTS.max_query_length)}
    ).json()
    assert padded["data"] == {"tenant": {"slug": "bugliano"}}, "within the length: answered"


# Finding 5, the transport: sizes and depths that gave a 500 or were accepted.


def test_a_json_body_larger_than_the_limit_is_refused_before_it_is_read(
    http: httpx.Client,
) -> None:
    body = json.dumps({"query": "{ tenant { slug } }", "variables": {"x": "a" * 30_000_000}})
    declared = http.post(
        "/bugliano/graphql", content=body.encode(), headers={"Content-Type": "application/json"}
    )
    assert declared.status_code == 413
    assert code_of(declared) == "REQUEST_TOO_LARGE"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it comes
        data = body[: 2 * DEFAULTS.max_body_bytes].encode()
        for start in range(0, len(data), 65_536):
            yield data[start : start + 65_536]

    streamed = http.post(
        "/bugliano/graphql", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert code_of(streamed) == "REQUEST_TOO_LARGE"


def test_variables_nested_too_deep_are_refused_in_a_post_a_get_and_a_multipart_request(
    http: httpx.Client,
) -> None:
    deep = f'{{"ids": {nested(990)}}}'
    posted = http.post(
        "/bugliano/graphql",
        content=f'{{"query": {json.dumps(NODES)}, "variables": {deep}}}'.encode(),
        headers={"Content-Type": "application/json"},
    )
    got = http.get("/bugliano/graphql", params={"query": NODES, "variables": deep})
    operations = f'{{"query": {json.dumps(NODES)}, "variables": {deep}}}'
    multipart = http.post(
        "/bugliano/graphql",
        files={"operations": (None, operations), "map": (None, "{}")},
        headers={"Apollo-Require-Preflight": "true"},
    )
    for response in (posted, got, multipart):
        assert response.status_code == 400, response.text
        assert code_of(response) == "JSON_TOO_DEEP"


def test_variables_within_the_depth_are_read(http: httpx.Client) -> None:
    within = f'{{"ids": {nested(MAX_JSON_DEPTH - 1)}}}'
    response = http.get("/bugliano/graphql", params={"query": NODES, "variables": within})
    assert response.status_code == 200
    assert response.json()["errors"][0]["message"].startswith("Variable '$ids'")


@pytest.mark.parametrize(
    "files_map",
    [
        {"0": ["variables.file.x"]},  # into null
        {"0": ["variables.ids.x"]},  # into a list, by a name
        [1],
        {"0": [1]},
    ],
)
def test_a_multipart_map_that_does_not_fit_its_operations_is_a_400(
    http: httpx.Client, files_map: Any
) -> None:
    operations = {"query": NODES, "variables": {"file": None, "ids": []}}
    response = http.post(
        "/bugliano/graphql",
        files={
            "operations": (None, json.dumps(operations)),
            "map": (None, json.dumps(files_map)),
            "0": ("a.txt", b"hello", "text/plain"),
        },
        headers={"Apollo-Require-Preflight": "true"},
    )
    assert response.status_code == 400, response.text
    assert code_of(response) == "INVALID_MULTIPART"


def test_multipart_operations_sent_as_a_file_are_a_400(http: httpx.Client) -> None:
    response = http.post(
        "/bugliano/graphql",
        files={
            "operations": ("operations.json", json.dumps({"query": NODES}).encode()),
            "map": (None, "{}"),
        },
        headers={"Apollo-Require-Preflight": "true"},
    )
    assert response.status_code == 400
    assert code_of(response) == "INVALID_MULTIPART"
