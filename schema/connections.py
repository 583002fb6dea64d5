"""Relay connections of the catalogue and forms (`schema.base.connection` builds them)."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.base import TOTAL_COUNT
from schema.catalogue import Category, Service, ServiceGroup
from schema.form import Form


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
