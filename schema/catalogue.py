"""The catalogue as the API shows it: categories, service groups, offices and services."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from models.booking import CalendarKind
from models.catalogue import TRANSLATED_SERVICE_TEXTS, ServiceAccessLevel, ServiceStatus
from models.catalogue import Category as CategoryRow
from models.catalogue import ServiceGroup as ServiceGroupRow
from models.office import Office as OfficeRow
from resolvers.applicant_profile import application_start
from resolvers.catalogue import may_open
from resolvers.context import Context
from schema.base import Info, load_nodes
from schema.form import Form

if TYPE_CHECKING:
    from schema.appointment import Calendar

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

    @strawberry.field(description="The office's appointment calendars, by slug.")
    async def calendars(
        self, info: Info
    ) -> list[Annotated[Calendar, strawberry.lazy("schema.appointment")]]:
        # imported here: schema.appointment imports this module for its Office
        from schema.appointment import Calendar

        rows = await info.context.loaders.calendars_by_office.load(uuid.UUID(self.id))
        # the office's resources have calendars of their own, for bookings, not appointments
        return [
            Calendar.from_row(row, info.context)
            for row in rows
            if row.kind is CalendarKind.FIXED_SLOTS
        ]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.office, node_ids, lambda r: cls.from_row(r, ctx))


PLAIN_SERVICE_FIELDS = (
    "slug",
    "status",
    "access_level",
    "payment_required",
    "booking_required",
    "protocol_required",
    "allow_withdraw",
    "allow_integration_request",
    "allow_reopening",
    "max_response_days",
    "publish_from",
    "publish_until",
    "topics",
    "keywords",
    "created_at",
    "updated_at",
    "category_id",
    "group_id",
    "form_id",
)
"""Service fields copied as they are from the row (the translated ones are picked per language)."""


@strawberry.type(description="How a citizen's new application of a service starts.")
class ApplicationStart:
    data: JSON = strawberry.field(description="The form data a new draft starts with.")
    locked_fields: list[str] = strawberry.field(
        description="Data paths the applicant cannot change (see Practice.lockedFields)."
    )


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
    audience: str | None = strawberry.field(
        description='Who the service is for and who may apply ("A chi è rivolto").'
    )
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
    protocol_required: bool = strawberry.field(
        description="Practices are registered in the protocol (REGISTERED states)."
    )
    allow_withdraw: bool = strawberry.field(description="Citizens may withdraw their practices.")
    allow_integration_request: bool = strawberry.field(
        description="Operators may ask citizens for more information."
    )
    allow_reopening: bool = strawberry.field(description="Operators may reopen decided practices.")
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
    related: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, row: Any, ctx: Context, related: dict[str, Any] | None = None) -> Service:
        """Build from a model object or a mapping of the selected columns: fields the client
        did not select are never read, so a column left out is simply None here."""
        value: Callable[[str], Any] = row.get if isinstance(row, Mapping) else partial(getattr, row)

        texts: dict[str, Any] = {name: ctx.text(value(name)) for name in TRANSLATED_SERVICE_TEXTS}
        texts["name"] = texts["name"] or value("slug") or ""
        status = value("status")
        return cls(
            id=str(value("id")),
            **texts,
            **{name: value(name) for name in PLAIN_SERVICE_FIELDS},
            status_code=status.value if status is not None else 0,
            related=related or {},
        )

    # Relations are sync resolvers: they answer at once when the page prefetched the related
    # row, and hand graphql-core an awaitable through the loader only when it did not.
    @strawberry.field(graphql_type=Category | None)
    def category(self, info: Info) -> Any:
        if "category" in self.related:
            row = self.related["category"]
            return None if row is None else Category.from_row(row, info.context)
        return self._load(info, info.context.loaders.category, self.category_id, Category)

    @strawberry.field(graphql_type=ServiceGroup | None)
    def group(self, info: Info) -> Any:
        if "group" in self.related:
            row = self.related["group"]
            return None if row is None else ServiceGroup.from_row(row, info.context)
        return self._load(info, info.context.loaders.service_group, self.group_id, ServiceGroup)

    @strawberry.field(graphql_type=Form | None, description="The Form.io form citizens fill.")
    def form(self, info: Info) -> Any:
        if "form" in self.related:
            head = self.related["form"]
            return None if head is None else Form.from_document(head)
        if self.form_id is None:
            return None
        return self._load_form(info)

    async def _load_form(self, info: Info) -> Form | None:
        head = await info.context.loaders.form.load(self.form_id or "")
        return None if head is None else Form.from_document(head)

    @staticmethod
    async def _load(info: Info, loader: Any, key: uuid.UUID | None, kind: Any) -> Any:
        if key is None:
            return None
        row = await loader.load(key)
        return None if row is None else kind.from_row(row, info.context)

    @strawberry.field(
        description="For a logged-in citizen, how a new application starts: their profile in "
        "the form's fields for it, and the fields their identity provider asserted (read-only). "
        "Nothing is saved; null for anyone else or a service without a form."
    )
    async def application_start(self, info: Info) -> ApplicationStart | None:
        if self.form_id is None:
            return None
        start = await application_start(info.context, self.form_id)
        if start is None:
            return None
        data, locked = start
        return ApplicationStart(data=JSON(data), locked_fields=locked)

    @strawberry.field(description="The offices that handle this service.")
    async def offices(self, info: Info) -> list[Office]:
        rows = await info.context.loaders.offices_by_service.load(uuid.UUID(self.id))
        return [Office.from_row(row, info.context) for row in rows]

    @strawberry.field(
        description="The calendars its appointments are booked on (empty: not bookable), by slug."
    )
    async def calendars(
        self, info: Info
    ) -> list[Annotated[Calendar, strawberry.lazy("schema.appointment")]]:
        # imported here: schema.appointment imports this module for its Office
        from schema.appointment import Calendar

        rows = await info.context.loaders.calendars_by_service.load(uuid.UUID(self.id))
        return [Calendar.from_row(row, info.context) for row in rows]

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
