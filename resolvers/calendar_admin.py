"""Setting up offices, their calendars (rules, opening hours, closures) and bookable resources.

Only the tenant's admins change them. Input is checked whole: every problem is reported at
once, and nothing is written unless there is none. The list of offices is public.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from models.base import utcnow
from models.booking import Calendar, CalendarKind, Closure, OpeningHour, Resource, ServiceCalendar
from models.office import Office, ServiceOffice
from models.slots.rules import MAX_BOOKING_WINDOW_DAYS
from resolvers.catalogue_admin import (
    Changes,
    camel,
    check_name_required,
    check_slug,
    check_translations,
)
from resolvers.context import Context
from resolvers.errors import ADMINS_ONLY, ErrorCode, Outcome, Problem
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page

HOLD_MINUTES = (1, 120)
SLOT_MINUTES = (5, 480)
BUFFER_MINUTES = (0, 480)
DESKS = (1, 50)
GRANULARITY_MINUTES = (5, 480)
MAX_OPENING_HOURS = 50
"""Rows one calendar may have: several ranges a day, summer and winter hours, with room."""
RESOURCE_CALENDAR_PREFIX = "risorsa-"
"""A resource's own calendar is named after it: `risorsa-<resource slug>`."""
MAX_RESOURCE_SLUG = 100 - len(RESOURCE_CALENDAR_PREFIX)
MIDNIGHT = time(0)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{3,30}$")
UNIQUE_VIOLATION = "23505"


def forget(loader: DataLoader[uuid.UUID, Any], key: uuid.UUID) -> None:
    """Drop what the request's loader holds for `key`, if anything: it is stale now."""
    with suppress(KeyError):  # strawberry's cache deletes with `del`
        loader.clear(key)


def not_found(name: str, what: str) -> Problem:
    return Problem(name, ErrorCode.NOT_FOUND, f"no such {what}")


def outside(name: str, value: int | None, low: int, high: int | None = None) -> list[Problem]:
    """A problem when `value` (if given) is not within `low`..`high` (no upper bound: None)."""
    if value is None or (low <= value and (high is None or value <= high)):
        return []
    message = f"must be at least {low}" if high is None else f"must be between {low} and {high}"
    return [Problem(name, ErrorCode.INVALID, message)]


def too_long(name: str, text: str | None, limit: int) -> list[Problem]:
    if text is None or len(text) <= limit:
        return []
    return [Problem(name, ErrorCode.INVALID, f"at most {limit} characters")]


def check_required(changes: Changes, creating: bool, *names: str) -> list[Problem]:
    """A new row needs these attributes."""
    missing = [name for name in names if creating and changes.get(name) is None]
    return [Problem(camel(name), ErrorCode.REQUIRED, "required") for name in missing]


async def check_services(ctx: Context, service_ids: list[uuid.UUID] | None) -> list[Problem]:
    if not service_ids:
        return []
    found = await ctx.loaders.service.load_many(service_ids)
    return [
        not_found(f"serviceIds[{index}]", "service")
        for index, service in enumerate(found)
        if service is None
    ]


Owned = TypeVar("Owned", Office, Calendar, Resource)
Related = Callable[[AsyncSession, Any], Awaitable[None]]
"""Writes that go with a row in its transaction: links to services, a resource's calendar."""


def is_unique_violation(error: IntegrityError) -> bool:
    return getattr(error.orig, "sqlstate", None) == UNIQUE_VIOLATION


async def save_row(
    ctx: Context,
    model: type[Owned],
    row_id: uuid.UUID | None,
    changes: Changes,
    problems: list[Problem],
    row_checks: Callable[[Owned], list[Problem]],
    related: Related | None = None,
) -> Outcome[Owned]:
    """Create (no id) or update a row of the tenant, and what goes with it, in one transaction.

    As `catalogue_admin.persist`, but the problems found in the input so far are reported
    together with those of the row as it would become, and related rows are written with it.
    """
    row: Owned
    async with ctx.db() as session:
        if row_id is None:
            row = model(tenant_id=ctx.tenant.id, **changes)
            session.add(row)
        else:
            found = await session.get(model, row_id)
            if found is None or found.tenant_id != ctx.tenant.id:
                return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, "not found"))
            row = found
            for name, value in changes.items():
                setattr(row, name, value)
        problems = [*problems, *row_checks(row)]
        if problems:
            return Outcome.failed(*problems)
        row.updated_at = utcnow()
        try:
            if related is not None:
                await related(session, row)
            await session.commit()
        except IntegrityError as error:
            if not is_unique_violation(error):
                raise
            message = "another entry of this municipality already has this slug"
            return Outcome.failed(Problem("slug", ErrorCode.UNIQUE, message))
    return Outcome(row)


def linking_services(
    link: type[ServiceOffice] | type[ServiceCalendar], owner: str, service_ids: list[uuid.UUID]
) -> Related:
    """Replace the services linked to the row (an office's or a calendar's) with these."""

    async def write(session: AsyncSession, row: Any) -> None:
        await session.flush()  # the row first: the links refer to it
        await session.exec(delete(link).where(col(getattr(link, owner)) == row.id))
        session.add_all(
            link(service_id=service_id, **{owner: row.id})
            for service_id in dict.fromkeys(service_ids)
        )

    return write


# ---------------------------------------------------------------------------------- offices


async def list_offices(ctx: Context, page: PageRequest, with_total: bool) -> Page[Office]:
    """The municipality's offices by slug."""
    async with ctx.db() as session:
        return await keyset_page(
            session,
            select(Office).where(col(Office.tenant_id) == ctx.tenant.id),
            SortKey(col(Office.slug)),
            col(Office.id),
            page,
            lambda row: row[0],
            with_total,
        )


def check_contacts(contacts: dict[str, str] | None) -> list[Problem]:
    problems = []
    for name, value in (contacts or {}).items():
        if name in ("email", "pec"):
            valid = len(value) <= 254 and EMAIL.match(value) is not None
        elif name == "phone":
            valid = PHONE.match(value) is not None
        else:
            parts = urlsplit(value)
            valid = len(value) <= 500 and parts.scheme in ("http", "https") and bool(parts.netloc)
        if not valid:
            problems.append(Problem(f"contacts.{name}", ErrorCode.INVALID, "not a valid " + name))
    return problems


async def save_office(
    ctx: Context, office_id: uuid.UUID | None, changes: Changes
) -> Outcome[Office]:
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
    service_ids = changes.pop("service_ids", None)
    creating = office_id is None
    if "address" in changes:
        changes["address"] = (changes["address"] or "").strip() or None
    problems = [
        *check_required(changes, creating, "slug"),
        *check_slug(changes),
        *check_name_required(ctx, changes, creating),
        *check_translations(ctx, changes, ("name",)),
        *too_long("address", changes.get("address"), 300),
        *check_contacts(changes.get("contacts")),
        *await check_services(ctx, service_ids),
    ]
    related = (
        None if service_ids is None else linking_services(ServiceOffice, "office_id", service_ids)
    )
    outcome = await save_row(ctx, Office, office_id, changes, problems, lambda _: [], related)
    if outcome.value is not None:
        ctx.loaders.office.prime(outcome.value.id, outcome.value, force=True)
    return outcome


async def create_office(ctx: Context, changes: Changes) -> Outcome[Office]:
    return await save_office(ctx, None, changes)


async def update_office(ctx: Context, office_id: uuid.UUID, changes: Changes) -> Outcome[Office]:
    return await save_office(ctx, office_id, changes)


# -------------------------------------------------------------------------------- calendars


@cache
def time_zones() -> frozenset[str]:
    """The IANA zone names `zoneinfo` knows (reading them scans the disk: once is enough)."""
    return frozenset(available_timezones())


def check_calendar(calendar: Calendar, changes: Changes) -> list[Problem]:
    """The calendar's booking rules as they would be after the changes."""
    problems = []
    if calendar.time_zone not in time_zones():
        message = "not a time zone of the IANA database, e.g. 'Europe/Rome'"
        problems.append(Problem("timeZone", ErrorCode.INVALID, message))
    if calendar.kind is CalendarKind.VARIABLE_SLOTS and changes.get("office_id") is not None:
        message = "a resource's calendar belongs to its resource, not to an office"
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
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
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
        message = "give one or more ISO weekdays, 1 (Monday) to 7 (Sunday)"
        problems.append(Problem(at("weekdays"), ErrorCode.INVALID, message))
    wall_clock = True
    for name, moment in (("begin", rule.begin), ("end", rule.end)):
        if moment.tzinfo is not None:
            wall_clock = False
            message = "a local wall-clock time, without an offset"
            problems.append(Problem(at(name), ErrorCode.INVALID, message))
    ordered = wall_clock and (rule.begin < rule.end or rule.end == MIDNIGHT)
    if wall_clock and not ordered:
        message = "must be after begin (00:00 for midnight)"
        problems.append(Problem(at("end"), ErrorCode.INVALID, message))
    slot_ok = not outside(at("slotMinutes"), rule.slot_minutes, *SLOT_MINUTES)
    problems += outside(at("slotMinutes"), rule.slot_minutes, *SLOT_MINUTES)
    if (
        kind is CalendarKind.FIXED_SLOTS
        and ordered
        and slot_ok
        and rule.slot_minutes > rule.minutes_open()
    ):
        message = "no slot of this length fits between begin and end"
        problems.append(Problem(at("slotMinutes"), ErrorCode.INVALID, message))
    problems += outside(at("bufferMinutes"), rule.buffer_minutes, *BUFFER_MINUTES)
    problems += outside(at("capacity"), rule.capacity, *DESKS)
    if rule.valid_from and rule.valid_until and rule.valid_from > rule.valid_until:
        message = "must not be before validFrom"
        problems.append(Problem(at("validUntil"), ErrorCode.INVALID, message))
    return problems


async def set_opening_hours(
    ctx: Context, calendar_id: uuid.UUID, rules: list[OpeningHoursRule]
) -> Outcome[Calendar]:
    """Replace every opening hour of the calendar with these rows.

    Appointments already booked stay; they keep holding their places.
    """
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
    async with ctx.db() as session:
        calendar = await find_calendar_row(session, ctx, calendar_id)
        if calendar is None:
            return Outcome.failed(not_found("calendarId", "calendar"))
        problems = []
        if len(rules) > MAX_OPENING_HOURS:
            message = f"at most {MAX_OPENING_HOURS} rows"
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
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
    last_day = request.last_day or request.first_day
    reason = (request.reason or "").strip() or None
    problems = []
    if last_day < request.first_day:
        problems.append(Problem("lastDay", ErrorCode.INVALID, "must not be before firstDay"))
    problems += too_long("reason", reason, 200)
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
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
    async with ctx.db() as session:
        closure = await session.get(Closure, closure_id)
        if closure is None or closure.tenant_id != ctx.tenant.id:
            return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, "not found"))
        await session.delete(closure)
        await session.commit()
    forget(ctx.loaders.closures, closure.calendar_id)
    return Outcome(closure)


# -------------------------------------------------------------------------------- resources


def check_resource(resource: Resource) -> list[Problem]:
    """The resource's booking rules as they would be after the changes."""
    problems = [
        *outside("capacity", resource.capacity, 1),
        *outside("granularityMinutes", resource.granularity_minutes, *GRANULARITY_MINUTES),
        *outside("minimumMinutes", resource.minimum_minutes, 1),
        *outside("bufferMinutes", resource.buffer_minutes, 0),
        *outside("pricePerHourCents", resource.price_per_hour_cents, 0),
    ]
    if resource.minimum_minutes > resource.maximum_minutes:
        message = "must not be shorter than minimumMinutes"
        problems.append(Problem("maximumMinutes", ErrorCode.INVALID, message))
    grid = resource.granularity_minutes
    if grid >= 1:
        for name, minutes in (
            ("minimumMinutes", resource.minimum_minutes),
            ("maximumMinutes", resource.maximum_minutes),
        ):
            if minutes % grid:
                message = f"must be a multiple of granularityMinutes ({grid})"
                problems.append(Problem(name, ErrorCode.INVALID, message))
    return problems


def resource_calendar(ctx: Context, moderated: bool | None) -> Related:
    """Create the resource's own calendar with it, or keep that calendar's name, slug and
    moderation in step with the resource's."""

    async def write(session: AsyncSession, resource: Any) -> None:
        if resource.calendar_id is None:
            calendar = Calendar(
                tenant_id=ctx.tenant.id,
                slug=RESOURCE_CALENDAR_PREFIX + resource.slug,
                kind=CalendarKind.VARIABLE_SLOTS,
                booking_window_days=90,
                moderated=bool(moderated),
            )
            session.add(calendar)
            resource.calendar_id = calendar.id
        else:
            found = await session.get(Calendar, resource.calendar_id)
            assert found is not None  # the foreign key sees to it
            calendar = found
            if moderated is not None:
                calendar.moderated = moderated
        calendar.slug = RESOURCE_CALENDAR_PREFIX + resource.slug
        calendar.name = resource.name
        calendar.updated_at = utcnow()
        # the calendar first: the resource refers to it
        await session.flush([calendar])

    return write


async def save_resource(
    ctx: Context, resource_id: uuid.UUID | None, changes: Changes
) -> Outcome[Resource]:
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
    moderated = changes.pop("moderated", None)
    creating = resource_id is None
    problems = [
        *check_required(changes, creating, "slug", "kind", "capacity"),
        # its calendar's slug has the prefix in front, within the same 100 characters
        *(check_slug(changes) or too_long("slug", changes.get("slug"), MAX_RESOURCE_SLUG)),
        *check_name_required(ctx, changes, creating),
        *check_translations(ctx, changes, ("name", "description")),
    ]
    outcome = await save_row(
        ctx,
        Resource,
        resource_id,
        changes,
        problems,
        check_resource,
        resource_calendar(ctx, moderated),
    )
    if outcome.value is not None:
        ctx.loaders.resource.prime(outcome.value.id, outcome.value, force=True)
        forget(ctx.loaders.calendar, outcome.value.calendar_id)
    return outcome


async def create_resource(ctx: Context, changes: Changes) -> Outcome[Resource]:
    """A resource and its own calendar of variable slots; set its opening hours on that."""
    return await save_resource(ctx, None, changes)


async def update_resource(
    ctx: Context, resource_id: uuid.UUID, changes: Changes
) -> Outcome[Resource]:
    return await save_resource(ctx, resource_id, changes)
