"""The municipality's bookable resources, listed for the public."""

from __future__ import annotations

from sqlalchemy import ColumnElement
from sqlmodel import col, select

from models.booking import Resource, ResourceKind
from resolvers.context import Context
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page


async def list_resources(
    ctx: Context,
    kinds: list[ResourceKind],
    min_capacity: int | None,
    page: PageRequest,
    with_total: bool,
) -> Page[Resource]:
    """By slug; filtered by kind and by the people they must hold."""
    clauses: list[ColumnElement[bool]] = [col(Resource.tenant_id) == ctx.tenant.id]
    if kinds:
        clauses.append(col(Resource.kind).in_(kinds))
    if min_capacity is not None:
        clauses.append(col(Resource.capacity) >= min_capacity)
    async with ctx.db() as session:
        return await keyset_page(
            session,
            select(Resource).where(*clauses),
            SortKey(col(Resource.slug)),
            col(Resource.id),
            page,
            lambda row: row[0],
            with_total=with_total,
        )
