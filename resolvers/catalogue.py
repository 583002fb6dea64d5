"""Reading the catalogue: services (filtered, searched, paginated), categories, groups."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Float, and_, cast, func, literal_column, or_, true
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select

from models.catalogue import (
    LISTED_STATUSES,
    PUBLIC_STATUSES,
    Category,
    Service,
    ServiceGroup,
    ServiceStatus,
)
from models.clock import utcnow
from resolvers.context import Context
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page

ITALIAN: ColumnElement[Any] = literal_column("'italian'::regconfig")


class ServiceSortField(Enum):
    NAME = "name"
    UPDATED = "updated"
    RELEVANCE = "relevance"


@dataclass(frozen=True)
class ServiceFilter:
    category_ids: list[uuid.UUID] = field(default_factory=list)
    group_ids: list[uuid.UUID] = field(default_factory=list)
    statuses: list[ServiceStatus] = field(default_factory=list)
    text: str | None = None


@dataclass(frozen=True)
class ServiceSort:
    field: ServiceSortField | None = None
    descending: bool = False


@dataclass(frozen=True)
class Prefetch:
    """What the client selected on every node of a page: the service columns to read and the
    relations to load with the page instead of one by one."""

    columns: frozenset[str] = frozenset()
    category: bool = False
    group: bool = False
    form: bool = False

    def relations(self) -> list[str]:
        return [name for name in ("category", "group") if getattr(self, name)]


def sortable_text(expression: ColumnElement[Any]) -> ColumnElement[str]:
    return func.lower(func.sportello_unaccent(func.coalesce(expression, "")))


def localized_name(language: str, fallback: str) -> ColumnElement[str]:
    return sortable_text(
        func.coalesce(col(Service.name)[language].astext, col(Service.name)[fallback].astext)
    )


def published_now(now: datetime) -> ColumnElement[bool]:
    return and_(
        or_(col(Service.publish_from).is_(None), col(Service.publish_from) <= now),
        or_(col(Service.publish_until).is_(None), col(Service.publish_until) > now),
    )


def visibility(ctx: Context, statuses: Sequence[ServiceStatus]) -> ColumnElement[bool]:
    """Staff of the tenant see every service; everyone else what is published now."""
    if ctx.viewer.sees_unpublished_services(ctx.tenant.slug):
        return true()
    return and_(col(Service.status).in_(statuses), published_now(utcnow()))


def category_subtree(tenant_id: uuid.UUID, roots: list[uuid.UUID]) -> Any:
    """Ids of the given categories and all their descendants (a filter includes subtopics)."""
    tree = (
        select(col(Category.id))
        .where(col(Category.id).in_(roots), col(Category.tenant_id) == tenant_id)
        .cte("category_tree", recursive=True)
    )
    children = select(col(Category.id)).join(tree, col(Category.parent_id) == tree.c.id)
    return select(tree.union_all(children).c.id)


NAME_AND_SUMMARY_WEIGHTS: ColumnElement[Any] = literal_column("'{0, 0, 1, 1}'::real[]")
"""ts_rank weights {D, C, B, A}: matches in the name, keywords, topics or summary only. A word
found only in the long description (which holds every language's text, stemmed as Italian)
is not a match: "cane" would otherwise find the English "you can" of unrelated services."""
RELEVANCE_FLOOR = 0.5
"""Results scoring under this share of the best result's score are left out: close trigrams
of other words ("cane" and "canteen") must not follow the service that has the word."""


def text_match(text: str) -> tuple[ColumnElement[bool], ColumnElement[float]]:
    """Full-text match (Italian stemming, accents ignored) or a close trigram match for typos,
    scored so that the word itself beats its relatives ("residenza" before "residenti")."""
    query = func.websearch_to_tsquery(ITALIAN, func.sportello_unaccent(text))
    words = func.lower(func.sportello_unaccent(text))
    vector = col(Service.search_vector)
    matches = or_(
        and_(
            vector.op("@@")(query),
            func.ts_rank_cd(NAME_AND_SUMMARY_WEIGHTS, vector, query) > 0,
        ),
        words.op("<%")(col(Service.search_text)),
    )
    score = cast(
        func.ts_rank_cd(vector, query, 1)
        + 2 * func.strict_word_similarity(words, col(Service.search_text)),
        Float,
    )
    return matches, score


def relevant(
    clauses: list[ColumnElement[bool]], score: ColumnElement[float]
) -> ColumnElement[bool]:
    """Scores within RELEVANCE_FLOOR of the best among the services the clauses select."""
    best = select(func.max(score)).where(*clauses).scalar_subquery().correlate(None)
    return score >= RELEVANCE_FLOOR * best


def service_filters(ctx: Context, where: ServiceFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        col(Service.tenant_id) == ctx.tenant.id,
        visibility(ctx, LISTED_STATUSES),
    ]
    if where.category_ids:
        clauses.append(
            col(Service.category_id).in_(category_subtree(ctx.tenant.id, where.category_ids))
        )
    if where.group_ids:
        clauses.append(col(Service.group_id).in_(where.group_ids))
    if where.statuses:
        clauses.append(col(Service.status).in_(where.statuses))
    return clauses


def service_sort_key(
    ctx: Context, sort: ServiceSort, score: ColumnElement[float] | None
) -> SortKey:
    chosen = sort.field or (
        ServiceSortField.RELEVANCE if score is not None else ServiceSortField.NAME
    )
    if chosen is ServiceSortField.RELEVANCE and score is not None:
        # Most relevant first unless the client asks otherwise.
        return SortKey(score, descending=not sort.descending, kind="number")
    if chosen is ServiceSortField.UPDATED:
        return SortKey(col(Service.updated_at), descending=sort.descending, kind="datetime")
    name = localized_name(ctx.language, ctx.tenant.default_language)
    return SortKey(name, descending=sort.descending)


@dataclass
class ServiceListing:
    """A service of a catalogue page: only the columns the client asked for, plus the
    relations loaded with it (absent keys were not prefetched and go through the loaders)."""

    service: Any
    """The selected columns by name."""
    related: dict[str, Any]


ALWAYS_LOADED = ("id", "category_id", "group_id", "form_id")
SERVICE_TABLE = Service.__table__  # type: ignore[attr-defined]
RELATED_TABLES = {"category": Category.__table__, "group": ServiceGroup.__table__}  # type: ignore[attr-defined]


def listing_columns(prefetch: Prefetch) -> list[Any]:
    names = dict.fromkeys((*ALWAYS_LOADED, *prefetch.columns))
    columns = [SERVICE_TABLE.c[name] for name in names if name in SERVICE_TABLE.c]
    for relation in prefetch.relations():
        columns += [c.label(f"{relation}__{c.name}") for c in RELATED_TABLES[relation].c]
    return columns


def related_rows(row: Any, prefetch: Prefetch, seen: dict[Any, Any]) -> dict[str, Any]:
    """The joined category and group of a result row (None when unset), built once per id.

    They are plain attribute bags, not ORM objects: the schema only reads their fields, and
    building ORM instances for every row costs more than the rest of the page.
    """
    mapping = row._mapping
    related: dict[str, Any] = {}
    for relation in prefetch.relations():
        key = (relation, mapping[f"{relation}__id"])
        if key not in seen:
            prefix = f"{relation}__"
            values = {k[len(prefix) :]: v for k, v in mapping.items() if k.startswith(prefix)}
            seen[key] = None if values["id"] is None else SimpleNamespace(**values)
        related[relation] = seen[key]
    return related


async def list_services(
    ctx: Context,
    where: ServiceFilter,
    sort: ServiceSort,
    page: PageRequest,
    prefetch: Prefetch,
    with_total: bool,
) -> Page[ServiceListing]:
    """A page of the tenant's catalogue as the viewer may see it.

    Look-ahead: only the selected columns are read, the selected category and group come in
    the same query, and the selected forms in one MongoDB query, before the page is returned.
    """
    clauses = service_filters(ctx, where)
    score = None
    if where.text and where.text.strip():
        matches, score = text_match(where.text.strip())
        clauses.append(matches)
        clauses.append(relevant(list(clauses), score))
    statement = select(*listing_columns(prefetch)).select_from(SERVICE_TABLE)
    if prefetch.category:
        statement = statement.outerjoin(Category, col(Category.id) == col(Service.category_id))
    if prefetch.group:
        statement = statement.outerjoin(ServiceGroup, col(ServiceGroup.id) == col(Service.group_id))
    statement = statement.where(*clauses)

    seen: dict[Any, Any] = {}

    def node_of(row: Any) -> ServiceListing:
        return ServiceListing(dict(row._mapping), related_rows(row, prefetch, seen))

    async with ctx.db() as session:
        result = await keyset_page(
            session,
            statement,
            service_sort_key(ctx, sort, score),
            col(Service.id),
            page,
            node_of,
            with_total,
            id_of=lambda row: row.id,
        )
    if prefetch.form:
        await attach_forms(ctx, [edge.node for edge in result.edges])
    return result


async def attach_forms(ctx: Context, listings: list[ServiceListing]) -> None:
    form_ids = [listing.service["form_id"] for listing in listings if listing.service["form_id"]]
    heads = dict(zip(form_ids, await ctx.loaders.form.load_many(form_ids), strict=True))
    for listing in listings:
        listing.related["form"] = heads.get(listing.service["form_id"])


async def find_service(
    ctx: Context, service_id: uuid.UUID | None = None, slug: str | None = None
) -> Service | None:
    """A service by id or slug, if the viewer may open it (private ones by direct link too)."""
    if service_id is not None:
        service = await ctx.loaders.service.load(service_id)
    else:
        async with ctx.db() as session:
            found = await session.exec(
                select(Service).where(
                    col(Service.tenant_id) == ctx.tenant.id, col(Service.slug) == slug
                )
            )
            service = found.first()
    if service is None or not may_open(ctx, service):
        return None
    return service


def may_open(ctx: Context, service: Service) -> bool:
    if ctx.viewer.sees_unpublished_services(ctx.tenant.slug):
        return True
    now = utcnow()
    return (
        service.status in PUBLIC_STATUSES
        and (service.publish_from is None or service.publish_from <= now)
        and (service.publish_until is None or service.publish_until > now)
    )


async def list_categories(
    ctx: Context, parent_id: uuid.UUID | None, roots_only: bool, page: PageRequest, with_total: bool
) -> Page[Category]:
    clauses: list[ColumnElement[bool]] = [col(Category.tenant_id) == ctx.tenant.id]
    if parent_id is not None:
        clauses.append(col(Category.parent_id) == parent_id)
    elif roots_only:
        clauses.append(col(Category.parent_id).is_(None))
    key = SortKey(col(Category.position), kind="number")
    async with ctx.db() as session:
        return await keyset_page(
            session,
            select(Category).where(*clauses),
            key,
            col(Category.id),
            page,
            lambda row: row[0],
            with_total,
        )


async def list_service_groups(
    ctx: Context, page: PageRequest, with_total: bool
) -> Page[ServiceGroup]:
    key = SortKey(col(ServiceGroup.position), kind="number")
    async with ctx.db() as session:
        return await keyset_page(
            session,
            select(ServiceGroup).where(col(ServiceGroup.tenant_id) == ctx.tenant.id),
            key,
            col(ServiceGroup.id),
            page,
            lambda row: row[0],
            with_total,
        )
