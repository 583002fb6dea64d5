"""Limits on what one GraphQL request may carry, checked before any of it is parsed: the size
of its body, the nesting of its JSON, a multipart map that fits its operations."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers
from starlette.types import Message, Receive

from resolvers.wording import megabytes, say

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects in a request's JSON (the body, GET `variables`,
multipart `operations` and `map`). Form.io definitions and their data nest about 15 deep;
Python's parsers give up near 1,000, which must never be reached."""


class RequestRefused(Exception):
    """The request is refused before it runs: an HTTP status, a stable code, a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def too_large(max_bytes: int) -> RequestRefused:
    message = say(
        "The request is too large: it may carry at most {megabytes} MB.",
        megabytes=megabytes(max_bytes),
    )
    return RequestRefused(413, "REQUEST_TOO_LARGE", message)


def is_multipart(headers: Headers) -> bool:
    """A GraphQL multipart request: one that carries uploads."""
    return headers.get("content-type", "").lower().startswith("multipart/")


def declared_too_large(headers: Headers, max_bytes: int) -> RequestRefused | None:
    """A refusal when the body declares more than `max_bytes`, before a byte of it is read."""
    length = headers.get("content-length", "")
    return too_large(max_bytes) if length.isdigit() and int(length) > max_bytes else None


def limit_body(receive: Receive, max_bytes: int) -> Receive:
    """A `receive` that raises `RequestRefused` (413) as soon as the body grows past
    `max_bytes`: a body sent in chunks declares no length, so it is counted as it comes."""
    received = 0

    async def limited() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > max_bytes:
                raise too_large(max_bytes)
        return message

    return limited


def json_depth(value: Any) -> int:
    """How deep arrays and objects nest in a parsed JSON value (a scalar is 0), without
    recursion."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in item)
    return deepest


def too_deep() -> RequestRefused:
    message = say("JSON may nest arrays and objects at most {depth} deep.", depth=MAX_JSON_DEPTH)
    return RequestRefused(400, "JSON_TOO_DEEP", message)


def decode_json(data: str | bytes) -> Any:
    """JSON of a request, refused (400 JSON_TOO_DEEP) when it nests deeper than
    `MAX_JSON_DEPTH`; malformed JSON raises `ValueError` as `json.loads` does."""
    try:
        value = json.loads(data)
    except RecursionError as error:
        raise too_deep() from error
    if json_depth(value) > MAX_JSON_DEPTH:
        raise too_deep()
    return value


def bad_multipart() -> RequestRefused:
    message = say(
        "`operations` and `map` must be JSON fields, and each path of `map` must lead to a "
        "variable of `operations`."
    )
    return RequestRefused(400, "INVALID_MULTIPART", message)
