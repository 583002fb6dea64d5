"""The catalogue as the API shows it: categories, service groups, offices and services."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from models.catalogue import Category as CategoryRow
from models.catalogue import Service as ServiceRow
from models.catalogue import ServiceAccessLevel, ServiceStatus
from models.catalogue import ServiceGroup as ServiceGroupRow
from models.office import Office as OfficeRow
from resolvers.catalogue import may_open
from resolvers.context import Context
from schema.base import Info, load_nodes
from schema.form import Form

strawberry.enum(
    ServiceStatus,
    description="AVAILABLE (1), SUSPENDED (2: visible, no new applications), PRIVATE (3: by "
    "direct link only), SCHEDULED (4: available between two dates), CANCELLED (0).",
)
strawberry.enum(
    ServiceAccessLevel,
    description="The weakest login that may apply: ANONYMOUS (0), SOCIAL (1000), "
    "SPID_L1 (2000), SPID_L2 (3000), CIE (4000).",
)


@strawberry.type(description="A topic of the catalogue; topics form a tree.")
class Category(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    description: str | None
    position: int
    parent_id: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: CategoryRow, ctx: Context) -> Category:
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=ctx.text(row.name) or row.slug,
            description=ctx.text(row.description),
            position=row.position,
            parent_id=row.parent_id,
        )

    @strawberry.field
    async def parent(self, info: Info) -> Category | None:
        if self.parent_id is None:
            return None
        row = await info.context.loaders.category.load(self.parent_id)
        return None if row is None else Category.from_row(row, info.context)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.category, node_ids, lambda r: cls.from_row(r, ctx))


@strawberry.type(description="Services presented together, e.g. every tax service.")
class ServiceGroup(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    description: str | None
    position: int

    @classmethod
    def from_row(cls, row: ServiceGroupRow, ctx: Context) -> ServiceGroup:
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=ctx.text(row.name) or row.slug,
            description=ctx.text(row.description),
            position=row.position,
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.service_group, node_ids, lambda r: cls.from_row(r, ctx))


@strawberry.type(description="An office of the municipality (Ufficio).")
class Office(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    address: str | None
    email: str | None
    phone: str | None

    @classmethod
    def from_row(cls, row: OfficeRow, ctx: Context) -> Office:
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=ctx.text(row.name) or row.slug,
            address=row.address,
            email=row.contacts.get("email"),
            phone=row.contacts.get("phone"),
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.office, node_ids, lambda r: cls.from_row(r, ctx))


@strawberry.type(
    description="Something a citizen can ask for online. Texts follow "
    "Accept-Language, falling back to the municipality's default language."
)
class Service(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    short_description: str | None
    description: str | None
    how_to: str | None
    requirements: str | None
    costs: str | None
    outcome: str | None
    legal_basis: str | None
    status: ServiceStatus
    status_code: int = strawberry.field(description="The status as the SDC numeric code.")
    access_level: ServiceAccessLevel
    payment_required: bool
    booking_required: bool
    max_response_days: int | None
    publish_from: datetime | None
    publish_until: datetime | None
    topics: list[str]
    keywords: list[str]
    created_at: datetime
    updated_at: datetime
    category_id: strawberry.Private[uuid.UUID | None]
    group_id: strawberry.Private[uuid.UUID | None]
    form_id: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: ServiceRow, ctx: Context) -> Service:
        text = ctx.text
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=text(row.name) or row.slug,
            short_description=text(row.short_description),
            description=text(row.description),
            how_to=text(row.how_to),
            requirements=text(row.requirements),
            costs=text(row.costs),
            outcome=text(row.outcome),
            legal_basis=text(row.legal_basis),
            status=row.status,
            status_code=row.status.value,
            access_level=row.access_level,
            payment_required=row.payment_required,
            booking_required=row.booking_required,
            max_response_days=row.max_response_days,
            publish_from=row.publish_from,
            publish_until=row.publish_until,
            topics=row.topics,
            keywords=row.keywords,
            created_at=row.created_at,
            updated_at=row.updated_at,
            category_id=row.category_id,
            group_id=row.group_id,
            form_id=row.form_id,
        )

    @strawberry.field
    async def category(self, info: Info) -> Category | None:
        if self.category_id is None:
            return None
        row = await info.context.loaders.category.load(self.category_id)
        return None if row is None else Category.from_row(row, info.context)

    @strawberry.field
    async def group(self, info: Info) -> ServiceGroup | None:
        if self.group_id is None:
            return None
        row = await info.context.loaders.service_group.load(self.group_id)
        return None if row is None else ServiceGroup.from_row(row, info.context)

    @strawberry.field(description="The Form.io form citizens fill to apply.")
    async def form(self, info: Info) -> Form | None:
        if self.form_id is None:
            return None
        head = await info.context.loaders.form.load(self.form_id)
        return None if head is None else Form.from_document(head)

    @strawberry.field(description="The offices that handle this service.")
    async def offices(self, info: Info) -> list[Office]:
        rows = await info.context.loaders.offices_by_service.load(uuid.UUID(self.id))
        return [Office.from_row(row, info.context) for row in rows]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(
            ctx.loaders.service,
            node_ids,
            lambda row: cls.from_row(row, ctx),
            lambda row: may_open(ctx, row),
        )
