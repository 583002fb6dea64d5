"""Lists of appointments: a citizen's own, and an office's agenda for its operators."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import col, or_, select

from models.base import utcnow
from models.booking import Calendar, Meeting
from resolvers.context import Context

MAX_AGENDA = 500
"""An agenda lists at most this many appointments (a fortnight of a busy office)."""


async def my_appointments(ctx: Context, include_past: bool) -> list[Meeting]:
    if ctx.viewer.user_id is None:
        return []
    statement = select(Meeting).where(
        Meeting.tenant_id == ctx.tenant.id,
        or_(col(Meeting.citizen_id) == ctx.viewer.user_id, Meeting.booked_by == ctx.viewer.user_id),
    )
    if not include_past:
        statement = statement.where(col(Meeting.end_at) > utcnow())
    async with ctx.db() as session:
        rows = await session.exec(statement.order_by(col(Meeting.start_at)).limit(MAX_AGENDA))
        return list(rows.all())


async def office_agenda(
    ctx: Context, office_id: uuid.UUID, start: datetime, end: datetime
) -> list[Meeting]:
    """Every appointment on the office's calendars between two instants, in time order."""
    if not ctx.viewer.is_staff_of(ctx.tenant.slug):
        return []
    async with ctx.db() as session:
        rows = await session.exec(
            select(Meeting)
            .join(Calendar, col(Calendar.id) == col(Meeting.calendar_id))
            .where(
                Calendar.tenant_id == ctx.tenant.id,
                Calendar.office_id == office_id,
                col(Meeting.start_at) < end,
                col(Meeting.end_at) > start,
            )
            .order_by(col(Meeting.start_at), col(Meeting.desk))
            .limit(MAX_AGENDA)
        )
        return list(rows.all())
