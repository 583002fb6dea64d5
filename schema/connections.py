"""Relay connections of the schema, built from the resolvers' keyset pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from strawberry import relay

from resolvers.pagination import Page
from schema.catalogue import Category, Service, ServiceGroup
from schema.form import Form

TOTAL_COUNT = "Number of items matching the filters, across all pages."


@strawberry.type
class ServiceConnection(relay.Connection[Service]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class CategoryConnection(relay.Connection[Category]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class ServiceGroupConnection(relay.Connection[ServiceGroup]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class FormConnection(relay.Connection[Form]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


C = TypeVar("C", ServiceConnection, CategoryConnection, ServiceGroupConnection, FormConnection)


def connection(cls: type[C], page: Page[Any], build: Callable[[Any], Any]) -> C:
    edges = [relay.Edge(cursor=edge.cursor, node=build(edge.node)) for edge in page.edges]
    return cls(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=page.total_count,
    )
