"""Persisted documents: a client sends the hash of a known query instead of its text.

The frontend's queries are listed, hash → text, by GraphQL Code Generator
(`frontend/src/gql/persisted-documents.json`). A request naming one of them by hash alone is a
short GET URL, which browsers and CDNs can cache for anonymous readers. The request shape is
the one of Apollo's persisted queries, which urql's persistedExchange speaks:
`extensions={"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from graphql import GraphQLError, parse
from graphql.utilities import ast_to_dict
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import Message, Receive, Scope

from resolvers.wording import say
from schema.document_limits import DocumentLimits, limit_code
from server.logs import log
from server.request_limits import decode_json

HASH_PREFIX = "sha256:"


def not_found() -> JSONResponse:
    """Apollo's answer for an unknown hash: the client then sends the query text as well."""
    return JSONResponse(
        {
            "errors": [
                {
                    "message": "PersistedQueryNotFound",
                    "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
                }
            ]
        },
        headers={"cache-control": "no-store"},
    )


def bare_hash(value: str) -> str:
    return value.removeprefix(HASH_PREFIX).lower()


class PersistedDocuments:
    """The documents file, read again whenever it changes (codegen rewrites it while a
    developer's server runs), and the limits on the texts clients send beside a hash."""

    def __init__(self, path: Path, limits: DocumentLimits) -> None:
        self.path = path
        self.limits = limits
        self.stamp: tuple[int, int] | None = None
        self.documents: dict[str, str] = {}

    def get(self, hash_value: str) -> str | None:
        self.refresh()
        return self.documents.get(bare_hash(hash_value))

    def refresh(self) -> None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self.stamp, self.documents = None, {}
            return
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp == self.stamp:
            return
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            log.error("persisted documents unreadable", path=str(self.path), error=str(error))
            return
        self.documents = {bare_hash(key): text for key, text in entries.items()}
        self.stamp = stamp


ORDERED = {"values"}
"""The only lists of a document whose order means something: list values (`[1, 2]`)."""


def unordered(tree: Any, key: str = "") -> Any:
    """The AST as plain data with its order-free lists (fields, definitions, arguments...)
    sorted, so that two spellings of one document compare equal."""
    if isinstance(tree, dict):
        return {name: unordered(value, name) for name, value in tree.items() if name != "loc"}
    if isinstance(tree, list):
        items = [unordered(item) for item in tree]
        return items if key in ORDERED else sorted(items, key=lambda item: json.dumps(item))
    return tree


def canonical(document: str, limits: DocumentLimits | None = None) -> str | None:
    """A form in which two spellings of the same document are equal: the order of fields,
    definitions and arguments and the white space do not count. None if it does not parse.

    A client's text is parsed within `limits`, as any request's document is: a limit that
    stops the parser raises its `GraphQLError` (with the limit's code)."""
    try:
        tree = parse(document, no_location=True) if limits is None else limits.parse(document)
    except GraphQLError as error:
        if limit_code(error) is not None:
            raise
        return None
    return json.dumps(unordered(ast_to_dict(tree)), sort_keys=True)


def same_document(query: str, hash_value: str, known: str | None, limits: DocumentLimits) -> bool:
    """Whether the text sent beside a hash is the document the hash names: the stored one if
    the hash is known (clients print documents their own way), else the text's own hash.
    Raises the `GraphQLError` of a limit the text exceeds."""
    if known is not None:
        return canonical(query, limits) == canonical(known)
    return hashlib.sha256(query.encode()).hexdigest() == bare_hash(hash_value)


def requested_hash(extensions: Any) -> str | None:
    if isinstance(extensions, str):
        try:
            extensions = decode_json(extensions)
        except ValueError:
            return None
    if not isinstance(extensions, dict):
        return None
    persisted = extensions.get("persistedQuery")
    if isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str):
        return str(persisted["sha256Hash"])
    return None


@dataclass
class Resolved:
    """The request to hand on (with the document's text in it), or the answer to give."""

    scope: Scope
    receive: Receive
    answer: JSONResponse | None = None


def mismatch() -> JSONResponse:
    return JSONResponse(
        {
            "errors": [
                {
                    "message": say("The query does not match its persisted-query hash."),
                    "extensions": {"code": "PERSISTED_QUERY_HASH_MISMATCH"},
                }
            ]
        },
        status_code=400,
        headers={"cache-control": "no-store"},
    )


def over_limit(error: GraphQLError) -> JSONResponse:
    return JSONResponse(
        {"errors": [error.formatted]}, status_code=400, headers={"cache-control": "no-store"}
    )


def fill_in(operation: dict[str, Any], documents: PersistedDocuments) -> JSONResponse | None:
    """Put the persisted document an operation names by hash into it (in place); the answer
    to give instead if the hash is unknown, or does not match the text sent with it, or that
    text exceeds the limits of every document."""
    hash_value = requested_hash(operation.get("extensions"))
    if hash_value is None:
        return None
    known = documents.get(hash_value)
    query = operation.get("query")
    if query:
        try:
            same = same_document(str(query), hash_value, known, documents.limits)
        except GraphQLError as error:
            return over_limit(error)
        return None if same else mismatch()
    if known is None:
        return not_found()
    operation["query"] = known
    return None


async def resolve_persisted(
    request: Request, scope: Scope, receive: Receive, documents: PersistedDocuments
) -> Resolved:
    """The request with its persisted document's text, for GET (query string) and JSON POST."""
    if request.method == "GET":
        params = dict(parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True))
        had_query = bool(params.get("query"))
        answer = fill_in(params, documents)
        if answer is None and not had_query and params.get("query"):
            scope = {**scope, "query_string": urlencode(params).encode()}
        return Resolved(scope, receive, answer)
    if request.method != "POST" or "json" not in request.headers.get("content-type", ""):
        return Resolved(scope, receive)
    body = await request.body()
    try:
        operation = decode_json(body)
    except ValueError:
        operation = None
    if not isinstance(operation, dict):
        return Resolved(scope, replay(body, receive))
    had_query = bool(operation.get("query"))
    answer = fill_in(operation, documents)
    if answer is None and not had_query and operation.get("query"):
        body = json.dumps(operation).encode()
    return Resolved(scope, replay(body, receive), answer)


def replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` giving the (possibly rewritten) body again, after it was read once; then
    the connection's own events (a disconnect)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
