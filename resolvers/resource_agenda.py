"""The bookings of resources as the offices that moderate them see them: the requests waiting for
a decision first of all."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, false
from sqlmodel import col, select

from models.booking import BookingStatus, Calendar, Resource, ResourceBooking
from resolvers.context import Context
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page

SOONEST_FIRST = SortKey(col(ResourceBooking.start_at), kind="datetime")


@dataclass(frozen=True)
class OfficeBookingFilter:
    status: BookingStatus | None = BookingStatus.PENDING
    """None: every status."""
    resource_id: uuid.UUID | None = None
    start: datetime | None = None
    """Bookings ending after it."""
    end: datetime | None = None
    """Bookings starting before it."""


async def scope_clause(ctx: Context) -> ColumnElement[bool]:
    """The resources whose calendar belongs to one of the viewer's offices, as SQL: every one for
    the tenant's admins (those of no office too), none for anyone but staff."""
    scope = await ctx.staff_scope()
    if scope.everything:
        return col(Calendar.tenant_id) == ctx.tenant.id
    if not scope.office_ids:
        return false()
    return col(Calendar.office_id).in_(scope.office_ids)


async def office_bookings(
    ctx: Context, wanted: OfficeBookingFilter, page: PageRequest, with_total: bool
) -> Page[ResourceBooking]:
    """The bookings of the resources the viewer moderates, soonest first."""
    clauses = [col(ResourceBooking.tenant_id) == ctx.tenant.id, await scope_clause(ctx)]
    if wanted.status is not None:
        clauses.append(col(ResourceBooking.status) == wanted.status)
    if wanted.resource_id is not None:
        clauses.append(col(ResourceBooking.resource_id) == wanted.resource_id)
    if wanted.start is not None:
        clauses.append(col(ResourceBooking.end_at) > wanted.start)
    if wanted.end is not None:
        clauses.append(col(ResourceBooking.start_at) < wanted.end)
    statement = (
        select(ResourceBooking)
        .join(Resource, col(Resource.id) == col(ResourceBooking.resource_id))
        .join(Calendar, col(Calendar.id) == col(Resource.calendar_id))
        .where(*clauses)
    )
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            SOONEST_FIRST,
            col(ResourceBooking.id),
            page,
            lambda row: row[0],
            with_total=with_total,
        )
