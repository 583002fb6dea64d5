"""Reading calendars: their rules as the slot computation needs them, and their free slots."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import OCCUPYING, Calendar, Closure, Meeting, OpeningHour, ServiceCalendar
from models.clock import utcnow
from models.slots import (
    CalendarRules,
    Occupation,
    OpeningHours,
    Slot,
    free_slots,
    italian_holidays,
)
from models.slots import Closure as ClosedDays
from models.tenant import Tenant
from resolvers.context import Context

MAX_RANGE_DAYS = 62
"""The longest range of days one free-slots question may cover."""


def patron_day(tenant: Tenant) -> tuple[int, int] | None:
    """The municipality's patron saint's day (`MM-DD` in its settings), a local holiday."""
    value = tenant.patron_day
    if not value:
        return None
    month, day = value.split("-")
    return int(month), int(day)


def opening_hours_of(rows: Sequence[OpeningHour]) -> tuple[OpeningHours, ...]:
    return tuple(
        OpeningHours(
            weekdays=frozenset(row.weekdays),
            begin=row.begin,
            end=row.end,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            slot_minutes=row.slot_minutes,
            buffer_minutes=row.buffer_minutes,
            capacity=row.capacity,
            id=str(row.id),
        )
        for row in rows
    )


async def calendar_rules(
    session: AsyncSession, tenant: Tenant, calendar: Calendar, years: Sequence[int]
) -> CalendarRules:
    hours = await session.exec(select(OpeningHour).where(OpeningHour.calendar_id == calendar.id))
    closures = await session.exec(select(Closure).where(Closure.calendar_id == calendar.id))
    return CalendarRules(
        zone=calendar.time_zone,
        opening_hours=opening_hours_of(hours.all()),
        closures=tuple(ClosedDays(row.first_day, row.last_day) for row in closures),
        holidays=italian_holidays(years, patron_day(tenant)),
        minimum_notice=timedelta(hours=calendar.minimum_notice_hours),
        booking_window_days=calendar.booking_window_days,
    )


async def occupations(
    session: AsyncSession, calendar_id: uuid.UUID, start: datetime, end: datetime
) -> list[Occupation]:
    """The meetings holding a place between `start` and `end` (holds with their expiry)."""
    rows = await session.exec(
        select(Meeting.start_at, Meeting.end_at, Meeting.hold_expires_at).where(
            Meeting.calendar_id == calendar_id,
            col(Meeting.status).in_(OCCUPYING),
            col(Meeting.start_at) < end,
            col(Meeting.end_at) > start,
        )
    )
    return [Occupation(begin, finish, expiry) for begin, finish, expiry in rows.all()]


async def find_calendar(
    session: AsyncSession, ctx: Context, calendar_id: uuid.UUID
) -> Calendar | None:
    calendar = await session.get(Calendar, calendar_id)
    return calendar if calendar is not None and calendar.tenant_id == ctx.tenant.id else None


async def calendar_slots(
    ctx: Context, calendar_id: uuid.UUID, first_day: date, last_day: date
) -> list[Slot] | None:
    """Every slot of the days asked (full ones with `free` 0); None for an unknown calendar."""
    last_day = min(last_day, first_day + timedelta(days=MAX_RANGE_DAYS - 1))
    now = utcnow()
    async with ctx.db() as session:
        calendar = await find_calendar(session, ctx, calendar_id)
        if calendar is None:
            return None
        years = range(first_day.year, last_day.year + 1)
        rules = await calendar_rules(session, ctx.tenant, calendar, years)
        # a day more on each side covers any zone's offset from UTC
        start = datetime.combine(first_day - timedelta(days=1), time.min, tzinfo=UTC)
        end = datetime.combine(last_day + timedelta(days=2), time.min, tzinfo=UTC)
        taken = await occupations(session, calendar.id, start, end)
    return free_slots(rules, first_day, last_day, now, taken)


async def calendars_of_service(ctx: Context, service_id: uuid.UUID) -> list[uuid.UUID]:
    """The calendars a service's appointments are booked on."""
    async with ctx.db() as session:
        rows = await session.exec(
            select(ServiceCalendar.calendar_id)
            .join(Calendar, col(Calendar.id) == col(ServiceCalendar.calendar_id))
            .where(ServiceCalendar.service_id == service_id, Calendar.tenant_id == ctx.tenant.id)
            .order_by(col(Calendar.slug))
        )
        return list(rows.all())
