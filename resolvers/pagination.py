"""Keyset pagination for Relay connections: cursors carry the sort value and the row id."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, literal, select, tuple_
from sqlmodel.ext.asyncio.session import AsyncSession

from resolvers.wording import say

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


class PaginationError(ValueError):
    """Bad `first`/`last`/`after`/`before` arguments; the message says which."""


@dataclass(frozen=True)
class PageRequest:
    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def __post_init__(self) -> None:
        if self.first is not None and self.last is not None:
            raise PaginationError(say("Pass either `first` or `last`, not both."))
        for name in ("first", "last"):
            value = getattr(self, name)
            if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
                message = say("`{name}` must be between 0 and {max}.", name=name, max=MAX_PAGE_SIZE)
                raise PaginationError(message)

    @property
    def backward(self) -> bool:
        return self.last is not None or (self.before is not None and self.first is None)

    @property
    def size(self) -> int:
        size = self.last if self.backward else self.first
        return DEFAULT_PAGE_SIZE if size is None else size


@dataclass(frozen=True)
class SortKey:
    """A total order for keyset pagination: an expression plus the row id as tie-breaker."""

    expression: Any
    """A column or SQL expression (ColumnElement or an ORM attribute)."""
    descending: bool = False
    kind: str = "text"  # "text", "number" or "datetime": how the value travels in a cursor


@dataclass
class Edge(Generic[T]):
    cursor: str
    node: T


@dataclass
class Page(Generic[T]):
    edges: list[Edge[T]]
    has_next_page: bool
    has_previous_page: bool
    total_count: int | None = None


def encode_cursor(value: Any, row_id: uuid.UUID) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    raw = json.dumps([value, str(row_id)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, key: SortKey) -> tuple[Any, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, row_id = json.loads(raw)
        if key.kind == "datetime":
            value = datetime.fromisoformat(value)
        elif key.kind == "number":
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError("cursor value is not a number")
        elif not isinstance(value, str):
            raise ValueError("cursor value is not text")
        return value, uuid.UUID(row_id)
    except (binascii.Error, ValueError, TypeError, json.JSONDecodeError) as error:
        raise PaginationError(
            say("The cursor {cursor} is not valid.", cursor=repr(cursor))
        ) from error


def _after(key: SortKey, id_column: Any, cursor: str, forward: bool) -> Any:
    value, row_id = decode_cursor(cursor, key)
    current = tuple_(key.expression, id_column)
    bound = tuple_(literal(value, key.expression.type), literal(row_id))
    return current < bound if key.descending == forward else current > bound


async def keyset_page(
    session: AsyncSession,
    statement: Select[Any],
    key: SortKey,
    id_column: Any,
    request: PageRequest,
    node_of: Callable[[Sequence[Any]], T],
    with_total: bool = False,
    id_of: Callable[[Any], uuid.UUID] = lambda row: row[0].id,
) -> Page[T]:
    """One page of `statement` in the order of `key`; `id_of` finds a result row's id.

    `statement` carries the filters only; ordering, bounds and the limit are added here.
    `node_of` turns a result row into the page's node (and may prime loaders with the rest).
    """
    total: int | None = None
    if with_total:
        counted = select(func.count()).select_from(statement.order_by(None).subquery())
        total = (await session.execute(counted)).scalar_one()

    forward = not request.backward
    bounded = statement.add_columns(key.expression.label("sort_value"))
    if request.after is not None:
        bounded = bounded.where(_after(key, id_column, request.after, forward=True))
    if request.before is not None:
        bounded = bounded.where(_after(key, id_column, request.before, forward=False))
    descending = key.descending if forward else not key.descending
    order = [key.expression.desc(), id_column.desc()] if descending else [key.expression, id_column]
    bounded = bounded.order_by(*order).limit(request.size + 1)

    rows = list((await session.execute(bounded)).all())
    has_more = len(rows) > request.size
    rows = rows[: request.size]
    if not forward:
        rows.reverse()
    edges = [Edge(encode_cursor(row.sort_value, id_of(row)), node_of(row)) for row in rows]
    if forward:
        return Page(edges, has_more, request.after is not None, total)
    return Page(edges, request.before is not None, has_more, total)
