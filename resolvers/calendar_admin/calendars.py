"""Calendars: their rules, opening hours and closures (admins)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from zoneinfo import available_timezones

from sqlalchemy import delete
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import Calendar, CalendarKind, Closure, OpeningHour, ServiceCalendar
from models.clock import utcnow
from models.slots.rules import MAX_BOOKING_WINDOW_DAYS
from resolvers.calendar_admin.common import (
    BUFFER_MINUTES,
    DESKS,
    HOLD_MINUTES,
    MAX_OPENING_HOURS,
    MIDNIGHT,
    SLOT_MINUTES,
    check_required,
    check_services,
    forget,
    linking_services,
    not_found,
    outside,
    save_row,
)
from resolvers.catalogue_admin import (
    Changes,
    check_name_required,
    check_slug,
    check_translations,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import SHORT_REASON, day_problem, too_long
from resolvers.wording import say


@cache
def time_zones() -> frozenset[str]:
    """The IANA zone names `zoneinfo` knows (reading them scans the disk: once is enough)."""
    return frozenset(available_timezones())


def check_calendar(calendar: Calendar, changes: Changes) -> list[Problem]:
    """The calendar's booking rules as they would be after the changes."""
    problems = []
    if calendar.time_zone not in time_zones():
        message = say("This is not a time zone of the IANA database, e.g. Europe/Rome.")
        problems.append(Problem("timeZone", ErrorCode.INVALID, message))
    if calendar.kind is CalendarKind.VARIABLE_SLOTS and changes.get("office_id") is not None:
        message = say("A resource's calendar belongs to its resource, not to an office.")
        problems.append(Problem("officeId", ErrorCode.INVALID, message))
    return [
        *problems,
        *outside("bookingWindowDays", calendar.booking_window_days, 1, MAX_BOOKING_WINDOW_DAYS),
        *outside("minimumNoticeHours", calendar.minimum_notice_hours, 0),
        *outside("holdMinutes", calendar.hold_minutes, *HOLD_MINUTES),
        *outside("cancelDaysBefore", calendar.cancel_days_before, 0),
    ]


async def save_calendar(
    ctx: Context, calendar_id: uuid.UUID | None, changes: Changes
) -> Outcome[Calendar]:
    service_ids = changes.pop("service_ids", None)
    creating = calendar_id is None
    office_id = changes.get("office_id")
    problems = [
        *check_required(changes, creating, "office_id", "slug"),
        *check_slug(changes),
        *check_name_required(ctx, changes, creating),
        *check_translations(ctx, changes, ("name",)),
        *await check_services(ctx, service_ids),
    ]
    if office_id is not None and await ctx.loaders.office.load(office_id) is None:
        problems.append(not_found("officeId", "office"))
    related = (
        None
        if service_ids is None
        else linking_services(ServiceCalendar, "calendar_id", service_ids)
    )
    outcome = await save_row(
        ctx,
        Calendar,
        calendar_id,
        changes,
        problems,
        lambda row: check_calendar(row, changes),
        related,
    )
    if outcome.value is not None:
        calendar = outcome.value
        ctx.loaders.calendar.prime(calendar.id, calendar, force=True)
        if calendar.office_id is not None:
            forget(ctx.loaders.calendars_by_office, calendar.office_id)
    return outcome


async def create_calendar(ctx: Context, changes: Changes) -> Outcome[Calendar]:
    """A calendar of an office, for appointments on fixed slots."""
    return await save_calendar(ctx, None, {**changes, "kind": CalendarKind.FIXED_SLOTS})


async def update_calendar(
    ctx: Context, calendar_id: uuid.UUID, changes: Changes
) -> Outcome[Calendar]:
    return await save_calendar(ctx, calendar_id, changes)


async def find_calendar_row(
    session: AsyncSession, ctx: Context, calendar_id: uuid.UUID
) -> Calendar | None:
    calendar = await session.get(Calendar, calendar_id)
    return calendar if calendar is not None and calendar.tenant_id == ctx.tenant.id else None


@dataclass(frozen=True)
class OpeningHoursRule:
    """One row of a calendar's opening hours, as an admin sends it."""

    weekdays: list[int]
    begin: time
    end: time
    valid_from: date | None = None
    valid_until: date | None = None
    slot_minutes: int = 30
    buffer_minutes: int = 0
    capacity: int = 1

    def minutes_open(self) -> int:
        """From begin to end on the clock; an end of 00:00 is midnight at the end of the day."""

        def minutes(moment: time) -> int:
            return moment.hour * 60 + moment.minute

        return (24 * 60 if self.end == MIDNIGHT else minutes(self.end)) - minutes(self.begin)


def check_opening_hours(index: int, rule: OpeningHoursRule, kind: CalendarKind) -> list[Problem]:
    """What is wrong with one row; its fields are named `hours[<index>].<field>`."""

    def at(name: str) -> str:
        return f"hours[{index}].{name}"

    problems = []
    if not rule.weekdays or not set(rule.weekdays) <= set(range(1, 8)):
        message = say("Choose one or more days of the week, 1 (Monday) to 7 (Sunday).")
        problems.append(Problem(at("weekdays"), ErrorCode.INVALID, message))
    wall_clock = True
    for name, moment in (("begin", rule.begin), ("end", rule.end)):
        if moment.tzinfo is not None:
            wall_clock = False
            message = say("Give a local time, without an offset from UTC.")
            problems.append(Problem(at(name), ErrorCode.INVALID, message))
    ordered = wall_clock and (rule.begin < rule.end or rule.end == MIDNIGHT)
    if wall_clock and not ordered:
        message = say("The end must be after the beginning (00:00 for midnight).")
        problems.append(Problem(at("end"), ErrorCode.INVALID, message))
    slot_ok = not outside(at("slotMinutes"), rule.slot_minutes, *SLOT_MINUTES)
    problems += outside(at("slotMinutes"), rule.slot_minutes, *SLOT_MINUTES)
    if (
        kind is CalendarKind.FIXED_SLOTS
        and ordered
        and slot_ok
        and rule.slot_minutes > rule.minutes_open()
    ):
        message = say("No appointment of this length fits between the beginning and the end.")
        problems.append(Problem(at("slotMinutes"), ErrorCode.INVALID, message))
    problems += outside(at("bufferMinutes"), rule.buffer_minutes, *BUFFER_MINUTES)
    problems += outside(at("capacity"), rule.capacity, *DESKS)
    problems += [
        Problem(at(name), ErrorCode.INVALID, bad_day)
        for name, day in (("validFrom", rule.valid_from), ("validUntil", rule.valid_until))
        if (bad_day := day_problem(day)) is not None
    ]
    if rule.valid_from and rule.valid_until and rule.valid_from > rule.valid_until:
        message = say("The last day of validity must not be before the first.")
        problems.append(Problem(at("validUntil"), ErrorCode.INVALID, message))
    return problems


async def set_opening_hours(
    ctx: Context, calendar_id: uuid.UUID, rules: list[OpeningHoursRule]
) -> Outcome[Calendar]:
    """Replace every opening hour of the calendar with these rows.

    Appointments already booked stay; they keep holding their places.
    """
    async with ctx.db() as session:
        calendar = await find_calendar_row(session, ctx, calendar_id)
        if calendar is None:
            return Outcome.failed(not_found("calendarId", "calendar"))
        problems = []
        if len(rules) > MAX_OPENING_HOURS:
            message = say("Give at most {count} rows.", count=MAX_OPENING_HOURS)
            problems.append(Problem("hours", ErrorCode.INVALID, message))
        for index, rule in enumerate(rules):
            problems += check_opening_hours(index, rule, calendar.kind)
        if problems:
            return Outcome.failed(*problems)
        await session.exec(delete(OpeningHour).where(col(OpeningHour.calendar_id) == calendar.id))
        rows = [
            OpeningHour(
                tenant_id=ctx.tenant.id,
                calendar_id=calendar.id,
                weekdays=sorted(set(rule.weekdays)),
                begin=rule.begin,
                end=rule.end,
                valid_from=rule.valid_from,
                valid_until=rule.valid_until,
                slot_minutes=rule.slot_minutes,
                buffer_minutes=rule.buffer_minutes,
                capacity=rule.capacity,
            )
            for rule in rules
        ]
        session.add_all(rows)
        calendar.updated_at = utcnow()
        await session.commit()
    ctx.loaders.calendar.prime(calendar.id, calendar, force=True)
    ordered = sorted(rows, key=lambda row: row.begin)
    ctx.loaders.opening_hours.prime(calendar.id, ordered, force=True)
    return Outcome(calendar)


@dataclass(frozen=True)
class ClosureRequest:
    calendar_id: uuid.UUID
    first_day: date
    last_day: date | None = None
    """None for a single day."""
    reason: str | None = None


async def add_closure(ctx: Context, request: ClosureRequest) -> Outcome[Closure]:
    """Close a calendar on a day or a range of days (both included): no slots then."""
    last_day = request.last_day or request.first_day
    reason = (request.reason or "").strip() or None
    problems = []
    if last_day < request.first_day:
        backwards = say("The last day must not be before the first day.")
        problems.append(Problem("lastDay", ErrorCode.INVALID, backwards))
    problems += [
        Problem(name, ErrorCode.INVALID, message)
        for name, day in (("firstDay", request.first_day), ("lastDay", request.last_day))
        if (message := day_problem(day)) is not None
    ]
    problems += too_long("reason", reason, SHORT_REASON)
    async with ctx.db() as session:
        calendar = await find_calendar_row(session, ctx, request.calendar_id)
        if calendar is None:
            problems.insert(0, not_found("calendarId", "calendar"))
        if problems:
            return Outcome.failed(*problems)
        closure = Closure(
            tenant_id=ctx.tenant.id,
            calendar_id=request.calendar_id,
            first_day=request.first_day,
            last_day=last_day,
            reason=reason,
        )
        session.add(closure)
        await session.commit()
    forget(ctx.loaders.closures, request.calendar_id)
    return Outcome(closure)


async def remove_closure(ctx: Context, closure_id: uuid.UUID) -> Outcome[Closure]:
    """Open the calendar again on the days of a closure; returns the closure removed."""
    async with ctx.db() as session:
        closure = await session.get(Closure, closure_id)
        if closure is None or closure.tenant_id != ctx.tenant.id:
            message = say("This closure does not exist.")
            return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, message))
        await session.delete(closure)
        await session.commit()
    forget(ctx.loaders.closures, closure.calendar_id)
    return Outcome(closure)
