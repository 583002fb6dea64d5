"""The root Query."""

from __future__ import annotations

import re

import strawberry
from graphql import GraphQLError
from strawberry import relay

from resolvers import accounts, catalogue, forms
from resolvers.catalogue import Prefetch, ServiceFilter, ServiceSort, ServiceSortField
from resolvers.limits import filter_problem, search_problem
from resolvers.wording import say
from schema.base import (
    Info,
    connection,
    decode_id,
    optional_id,
    page_request,
    pagination_errors,
    refuse_invalid,
    selected_paths,
)
from schema.catalogue import Category, Service, ServiceGroup, ServiceStatus
from schema.connections import (
    CategoryConnection,
    FormConnection,
    ServiceConnection,
    ServiceGroupConnection,
)
from schema.form import Form
from schema.permissions import Audience, Requires
from schema.tenant import Tenant
from schema.user import User

strawberry.enum(ServiceSortField)

PAGE_DOC = "Relay pagination: `first`/`after` forward, `last`/`before` backward; at most 100."


@strawberry.input
class ServiceFilterInput:
    categories: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="Services in these categories or any of their subcategories."
    )
    groups: list[relay.GlobalID] | None = None
    statuses: list[ServiceStatus] | None = None
    text: str | None = strawberry.field(
        default=None,
        description="Words to search in names, keywords, topics and descriptions; accents "
        "are ignored and close misspellings still match.",
    )


@strawberry.input
class ServiceSortInput:
    field: ServiceSortField = strawberry.field(
        description="NAME (in the request's language), UPDATED or RELEVANCE (with a text filter)."
    )
    descending: bool = False


def service_filter(where: ServiceFilterInput | None) -> ServiceFilter:
    if where is None:
        return ServiceFilter()
    refuse_invalid(
        search_problem(where.text)
        or filter_problem(categories=where.categories, groups=where.groups, statuses=where.statuses)
    )
    return ServiceFilter(
        category_ids=[decode_id(gid, "Category") for gid in where.categories or []],
        group_ids=[decode_id(gid, "ServiceGroup") for gid in where.groups or []],
        statuses=list(where.statuses or []),
        text=where.text,
    )


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


SERVICE_COLUMN_OF_FIELD = {"statusCode": "status"}


def prefetch_for(selected: set[str]) -> Prefetch:
    """What a catalogue page must load, from the fields selected on its nodes."""
    prefix = "edges.node."
    fields = {path[len(prefix) :] for path in selected if path.startswith(prefix)}
    direct = {name for name in fields if "." not in name}
    return Prefetch(
        columns=frozenset(snake(SERVICE_COLUMN_OF_FIELD.get(name, name)) for name in direct),
        category="category" in direct,
        group="group" in direct,
        form="form" in direct,
    )


@strawberry.type
class Query:
    node: relay.Node | None = relay.node(
        extensions=[Requires(Audience.ANYONE, "each node only if its type lets the caller see it")]
    )
    nodes: list[relay.Node | None] = relay.node(
        extensions=[Requires(Audience.ANYONE, "each node only if its type lets the caller see it")]
    )

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="The logged-in user; null for anonymous callers.",
    )
    async def me(self, info: Info) -> User | None:
        user = await accounts.me(info.context)
        return None if user is None else User.from_row(user)

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="The municipality this request is addressed to.",
    )
    def tenant(self, info: Info) -> Tenant:
        return Tenant.from_row(info.context.tenant)

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="Topics of the catalogue, in their set order. " + PAGE_DOC,
    )
    async def categories(
        self,
        info: Info,
        parent: relay.GlobalID | None = None,
        roots_only: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> CategoryConnection:
        with pagination_errors():
            page = await catalogue.list_categories(
                info.context,
                optional_id(parent, "Category"),
                roots_only,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(
            CategoryConnection, page, lambda row: Category.from_row(row, info.context)
        )

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)], description="Groups of services. " + PAGE_DOC
    )
    async def service_groups(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ServiceGroupConnection:
        with pagination_errors():
            page = await catalogue.list_service_groups(
                info.context,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(
            ServiceGroupConnection, page, lambda row: ServiceGroup.from_row(row, info.context)
        )

    @strawberry.field(
        extensions=[
            Requires(Audience.ANYONE, "unpublished services only for the municipality's staff")
        ],
        description="The catalogue: published services for the public, every service for the "
        "municipality's staff. Sorted by name unless a text filter asks for relevance. " + PAGE_DOC,
    )
    async def services(
        self,
        info: Info,
        filter: ServiceFilterInput | None = None,
        sort: ServiceSortInput | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ServiceConnection:
        selected = selected_paths(info)
        with pagination_errors():
            page = await catalogue.list_services(
                info.context,
                service_filter(filter),
                ServiceSort(sort.field, sort.descending) if sort else ServiceSort(),
                page_request(first, after, last, before),
                prefetch_for(selected),
                "totalCount" in selected,
            )
        return connection(
            ServiceConnection,
            page,
            lambda listing: Service.from_row(listing.service, info.context, listing.related),
        )

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)], description="A service by id or by slug."
    )
    async def service(
        self, info: Info, id: relay.GlobalID | None = None, slug: str | None = None
    ) -> Service | None:
        if (id is None) == (slug is None):
            raise GraphQLError(
                say("Pass exactly one of `id` and `slug`."), extensions={"code": "INVALID"}
            )
        row = await catalogue.find_service(info.context, optional_id(id, "Service"), slug)
        return None if row is None else Service.from_row(row, info.context)

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="A form by id, with its current definition and versions.",
    )
    async def form(self, info: Info, id: relay.GlobalID) -> Form | None:
        if id.type_name != "Form":
            return None
        head = await info.context.loaders.form.load(id.node_id)
        return None if head is None else Form.from_document(head)

    @strawberry.field(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="The municipality's forms, newest first. " + PAGE_DOC,
    )
    async def forms(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> FormConnection:
        with pagination_errors():
            page = await forms.list_forms(
                info.context,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(FormConnection, page, Form.from_document)
