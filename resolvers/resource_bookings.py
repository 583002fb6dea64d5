"""Rooms, halls, fields and equipment: their free intervals and the bookings made on them.

As with appointments, requests for one resource and local day queue on an advisory lock, the
interval is checked against the resource's rules (never trusted), and the exclusion
constraint on `blocked` (the interval plus the buffer after it) is the final word.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import (
    OCCUPYING,
    BookingStatus,
    Calendar,
    Resource,
    ResourceBooking,
    ResourceKind,
)
from models.clock import utcnow
from models.slots import (
    Interval,
    IntervalRules,
    Occupation,
    blocked_range,
    free_intervals,
    interval_problems,
)
from resolvers.calendars import MAX_RANGE_DAYS, calendar_rules
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused
from resolvers.idempotency import claim, remember
from resolvers.limits import (
    MAX_BOOKING_MINUTES,
    NAME,
    REASON,
    instant_problem,
    outside_every_window,
    too_long,
)
from resolvers.outbox import record_event
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page
from resolvers.status_words import resource_booking_state
from resolvers.wording import say


def attendees_message(resource: Resource) -> str:
    """How many people may come, for a booking of more (or fewer than one)."""
    if resource.kind in (ResourceKind.ROOM, ResourceKind.HALL):
        return say("The room holds 1 to {capacity} people.", capacity=resource.capacity)
    return say(
        "At most {capacity} people can take part: give a number from 1 to {capacity}.",
        capacity=resource.capacity,
    )


def interval_message(code: str) -> str:
    """Why an interval cannot be booked, by the code `models.slots` gives."""
    return {
        "OUTSIDE_OPENING_HOURS": say("The resource is not open for all of this time."),
        "OFF_GRID": say("Start and end must fall on the booking steps of the resource."),
        "TOO_SHORT": say("This time is shorter than the resource's minimum booking."),
        "TOO_LONG": say("This time is longer than the resource's maximum booking."),
        "TOO_SOON": say("This time starts too soon to be booked."),
        "TOO_FAR": say("This time is too far ahead to be booked."),
        "CLOSED": say("The resource is closed on that day."),
        "END_BEFORE_START": say("The end comes before the start."),
    }[code]


async def find_resource(
    session: AsyncSession, ctx: Context, resource_id: uuid.UUID
) -> tuple[Resource, Calendar] | None:
    resource = await session.get(Resource, resource_id)
    if resource is None or resource.tenant_id != ctx.tenant.id:
        return None
    calendar = await session.get(Calendar, resource.calendar_id)
    assert calendar is not None
    return resource, calendar


async def interval_rules(
    session: AsyncSession, ctx: Context, resource: Resource, calendar: Calendar, years: range
) -> IntervalRules:
    rules = await calendar_rules(session, ctx.tenant, calendar, years)
    return IntervalRules(
        zone=rules.zone,
        opening_hours=rules.opening_hours,
        closures=rules.closures,
        holidays=rules.holidays,
        minimum_minutes=resource.minimum_minutes,
        maximum_minutes=resource.maximum_minutes,
        granularity_minutes=resource.granularity_minutes,
        buffer_minutes=resource.buffer_minutes,
        minimum_notice=rules.minimum_notice,
        booking_window_days=calendar.booking_window_days,
    )


async def taken_intervals(
    session: AsyncSession, resource_id: uuid.UUID, start: datetime, end: datetime
) -> list[Occupation]:
    rows = await session.exec(
        select(
            ResourceBooking.start_at, ResourceBooking.end_at, ResourceBooking.hold_expires_at
        ).where(
            ResourceBooking.resource_id == resource_id,
            col(ResourceBooking.status).in_(OCCUPYING),
            col(ResourceBooking.start_at) < end,
            col(ResourceBooking.blocked_until) > start,
        )
    )
    return [Occupation(begin, finish, expiry) for begin, finish, expiry in rows.all()]


async def availability(
    ctx: Context, resource_id: uuid.UUID, first_day: date, last_day: date
) -> list[Interval] | None:
    last_day = min(last_day, first_day + timedelta(days=MAX_RANGE_DAYS - 1))
    async with ctx.db() as session:
        found = await find_resource(session, ctx, resource_id)
        if found is None:
            return None
        resource, calendar = found
        years = range(first_day.year, last_day.year + 1)
        rules = await interval_rules(session, ctx, resource, calendar, years)
        start = datetime.combine(first_day - timedelta(days=1), time.min, tzinfo=UTC)
        end = datetime.combine(last_day + timedelta(days=2), time.min, tzinfo=UTC)
        taken = await taken_intervals(session, resource.id, start, end)
    return free_intervals(rules, first_day, last_day, utcnow(), taken)


@dataclass(frozen=True)
class BookingRequest:
    resource_id: uuid.UUID
    start: datetime
    end: datetime
    purpose: str | None = None
    attendees: int = 1
    organisation: str | None = None
    idempotency_key: str | None = None


def interval_codes(start: datetime, end: datetime) -> list[str]:
    """The codes of `interval_problems` that the times alone decide, whatever the resource:
    an interval longer than any resource's maximum, or starting in the past or past every
    booking window, is refused before a rule is computed for each of its days."""
    if end <= start:
        return ["END_BEFORE_START"]
    codes = ["TOO_LONG"] if end - start > timedelta(minutes=MAX_BOOKING_MINUTES) else []
    window = outside_every_window(start, utcnow())
    return codes if window is None else [*codes, window]


def request_problems(booking: BookingRequest) -> list[Problem]:
    """The request's own problems, found before any store is asked."""
    times = [
        Problem(name, ErrorCode.INVALID, message)
        for name, moment in (("start", booking.start), ("end", booking.end))
        if (message := instant_problem(moment)) is not None
    ]
    if not times:
        times = [
            Problem("start", ErrorCode.INTERVAL_UNAVAILABLE, interval_message(code))
            for code in interval_codes(booking.start, booking.end)
        ]
    return [
        *times,
        *too_long("purpose", booking.purpose, REASON),
        *too_long("organisation", booking.organisation, NAME),
    ]


async def book_resource(ctx: Context, booking: BookingRequest) -> Outcome[ResourceBooking]:
    """Book an interval: APPROVED at once, or PENDING when the resource needs approval."""
    assert ctx.viewer.user_id is not None, "the schema admits citizens only"
    if problems := request_problems(booking):
        return Outcome.failed(*problems)
    request = {
        "resource": str(booking.resource_id),
        "start": booking.start.isoformat(),
        "end": booking.end.isoformat(),
        "purpose": booking.purpose,
        "attendees": booking.attendees,
    }
    try:
        async with ctx.db() as session, session.begin():
            granted = await claim(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                booking.idempotency_key,
                "bookResource",
                request,
            )
            if granted.problem is not None:
                raise Refused(granted.problem)
            if granted.replay is not None:
                earlier = await session.get(ResourceBooking, uuid.UUID(granted.replay["booking"]))
                assert earlier is not None
                return Outcome(earlier)
            made = await place_booking(session, ctx, booking)
            await remember(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                booking.idempotency_key,
                {"booking": str(made.id)},
            )
    except Refused as refusal:
        return Outcome.failed(*refusal.problems)
    return Outcome(made)


async def place_booking(
    session: AsyncSession, ctx: Context, booking: BookingRequest
) -> ResourceBooking:
    found = await find_resource(session, ctx, booking.resource_id)
    if found is None:
        raise Refused(
            Problem("resourceId", ErrorCode.NOT_FOUND, say("This resource does not exist."))
        )
    resource, calendar = found
    if not 1 <= booking.attendees <= resource.capacity:
        message = attendees_message(resource)
        raise Refused(Problem("attendees", ErrorCode.INVALID, message))
    day = booking.start.astimezone(ZoneInfo(calendar.time_zone)).date().isoformat()
    await session.exec(
        select(func.pg_advisory_xact_lock(func.hashtextextended(f"{resource.id}:{day}", 0)))
    )
    await expire_stale_holds(session, resource.id)
    rules = await interval_rules(
        session, ctx, resource, calendar, range(booking.start.year - 1, booking.end.year + 2)
    )
    codes = interval_problems(rules, booking.start, booking.end, utcnow())
    if codes:
        raise Refused(
            *(Problem("start", ErrorCode.INTERVAL_UNAVAILABLE, interval_message(c)) for c in codes)
        )
    start, blocked_until = blocked_range(booking.start, booking.end, resource.buffer_minutes)
    clash = await taken_intervals(session, resource.id, start, blocked_until)
    if clash:
        message = say("The resource is already booked at this time.")
        raise Refused(Problem("start", ErrorCode.INTERVAL_TAKEN, message))
    hours = (booking.end - booking.start) / timedelta(hours=1)
    made = ResourceBooking(
        tenant_id=ctx.tenant.id,
        resource_id=resource.id,
        start_at=booking.start,
        end_at=booking.end,
        blocked_until=blocked_until,
        status=BookingStatus.PENDING if calendar.moderated else BookingStatus.APPROVED,
        citizen_id=ctx.viewer.user_id,
        organisation=booking.organisation,
        purpose=booking.purpose,
        attendees=booking.attendees,
        price_cents=(
            None
            if resource.price_per_hour_cents is None
            else round(resource.price_per_hour_cents * hours)
        ),
    )
    session.add(made)
    try:
        await session.flush()
    except IntegrityError as error:
        raise Refused(
            Problem(
                "start", ErrorCode.INTERVAL_TAKEN, say("This time was just booked by someone else.")
            )
        ) from error
    record_booking_event(session, made, "resource_booking.booked")
    return made


async def expire_stale_holds(session: AsyncSession, resource_id: uuid.UUID) -> None:
    await session.exec(
        update(ResourceBooking)
        .where(
            col(ResourceBooking.resource_id) == resource_id,
            col(ResourceBooking.status) == BookingStatus.DRAFT,
            col(ResourceBooking.hold_expires_at) <= utcnow(),
        )
        .values(status=BookingStatus.EXPIRED, updated_at=utcnow())
    )


def record_booking_event(session: AsyncSession, booking: ResourceBooking, event_type: str) -> None:
    record_event(
        session,
        booking.tenant_id,
        event_type,
        booking.id,
        1,
        {
            "booking_id": str(booking.id),
            "resource_id": str(booking.resource_id),
            "status": booking.status.name,
            "status_code": booking.status.code,
            "start": booking.start_at.isoformat(),
            "end": booking.end_at.isoformat(),
            "citizen_id": str(booking.citizen_id) if booking.citizen_id else None,
        },
    )


async def change_booking(
    ctx: Context,
    booking_id: uuid.UUID,
    target: BookingStatus,
    allowed: tuple[BookingStatus, ...],
    *,
    staff_only: bool,
    note: str | None = None,
) -> Outcome[ResourceBooking]:
    """One step of a booking: the citizen cancels, the office approves, refuses or cancels. The
    office's `note` (why it refused) is kept on the booking for the citizen to read. A step
    asked twice finds the booking moved on already: TRANSITION_NOT_ALLOWED, nothing written."""
    if problems := too_long("note", note, REASON):
        return Outcome.failed(*problems)
    async with ctx.db() as session, session.begin():
        booking = await session.get(ResourceBooking, booking_id, with_for_update=True)
        if booking is None or booking.tenant_id != ctx.tenant.id:
            return Outcome.failed(
                Problem("id", ErrorCode.NOT_FOUND, say("This booking does not exist."))
            )
        staff = await works_on_booking(ctx, booking, session)
        mine = booking.citizen_id == ctx.viewer.user_id
        if not (staff or mine):
            return Outcome.failed(
                Problem("id", ErrorCode.NOT_FOUND, say("This booking does not exist."))
            )
        if staff_only and not staff:
            message = say("Only the staff of the resource's office can do this.")
            return Outcome.failed(Problem(None, ErrorCode.FORBIDDEN, message))
        if booking.status not in allowed:
            message = resource_booking_state(booking.status)
            return Outcome.failed(Problem("id", ErrorCode.TRANSITION_NOT_ALLOWED, message))
        booking.status = target
        if note is not None:
            booking.outcome_note = note
        booking.updated_at = utcnow()
        session.add(booking)
        await session.flush()
        record_booking_event(session, booking, f"resource_booking.{target.name.lower()}")
    return Outcome(booking)


async def works_on_booking(
    ctx: Context, booking: ResourceBooking, session: AsyncSession | None = None
) -> bool:
    """The booking is of a resource whose calendar belongs to one of the viewer's offices (a
    resource of no office is the tenant admins' to moderate)."""
    scope = await ctx.staff_scope(session)
    if scope.everything or not scope.staff:
        return scope.everything
    resource = await ctx.loaders.resource.load(booking.resource_id)
    calendar = None if resource is None else await ctx.loaders.calendar.load(resource.calendar_id)
    return calendar is not None and scope.covers_office(calendar.office_id)


async def my_bookings(ctx: Context, page: PageRequest, with_total: bool) -> Page[ResourceBooking]:
    """The viewer's coming bookings, soonest first."""
    if ctx.viewer.user_id is None:
        return Page([], False, False, 0 if with_total else None)
    statement = select(ResourceBooking).where(
        ResourceBooking.tenant_id == ctx.tenant.id,
        ResourceBooking.citizen_id == ctx.viewer.user_id,
        col(ResourceBooking.end_at) > utcnow(),
    )
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            SortKey(col(ResourceBooking.start_at), kind="datetime"),
            col(ResourceBooking.id),
            page,
            lambda row: row[0],
            with_total=with_total,
        )
