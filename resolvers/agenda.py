"""Lists of appointments: a citizen's own, and an office's agenda for its operators."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ColumnElement
from sqlmodel import col, or_, select

from models.booking import Calendar, Meeting
from models.clock import utcnow
from resolvers.context import Context
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page

SOONEST_FIRST = SortKey(col(Meeting.start_at), kind="datetime")


async def meetings_page(
    ctx: Context, clauses: list[ColumnElement[bool]], page: PageRequest, with_total: bool
) -> Page[Meeting]:
    statement = (
        select(Meeting)
        .join(Calendar, col(Calendar.id) == col(Meeting.calendar_id))
        .where(col(Calendar.tenant_id) == ctx.tenant.id, *clauses)
    )
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            SOONEST_FIRST,
            col(Meeting.id),
            page,
            lambda row: row[0],
            with_total=with_total,
        )


async def my_appointments(
    ctx: Context, include_past: bool, page: PageRequest, with_total: bool
) -> Page[Meeting]:
    """The appointments the viewer booked or that are for them, soonest first."""
    if ctx.viewer.user_id is None:
        return Page([], False, False, 0 if with_total else None)
    mine = or_(
        col(Meeting.citizen_id) == ctx.viewer.user_id, col(Meeting.booked_by) == ctx.viewer.user_id
    )
    clauses = [mine] if include_past else [mine, col(Meeting.end_at) > utcnow()]
    return await meetings_page(ctx, clauses, page, with_total)


async def office_agenda(
    ctx: Context,
    office_id: uuid.UUID,
    start: datetime,
    end: datetime,
    page: PageRequest,
    with_total: bool,
) -> Page[Meeting]:
    """Every appointment on the office's calendars between two instants, in time order; empty
    for anyone but the office's staff."""
    if not (await ctx.staff_scope()).covers_office(office_id):
        return Page([], False, False, 0 if with_total else None)
    clauses = [
        col(Calendar.office_id) == office_id,
        col(Meeting.start_at) < end,
        col(Meeting.end_at) > start,
    ]
    return await meetings_page(ctx, clauses, page, with_total)
