"""Appointments: holding a slot, confirming, cancelling and rescheduling it, the office's steps.

A booking never trusts the client's times: the slot is recomputed from the calendar's rules.
Parallel requests for one calendar and local day queue on an advisory lock, so they are served
one after the other instead of failing in storms; the desk is then chosen among those free,
and the exclusion constraint of `models.booking` makes a double booking impossible whatever
happens in Python. Holds that have expired are set aside under the same lock before counting,
so a late worker never keeps a slot blocked.

One person takes one place at a time on a calendar (two more exclusion constraints see to it)
and holds at most `Context.max_open_holds` unconfirmed slots of it: one person's holds on one
calendar queue on an advisory lock of their own, so that count is exact under any concurrency.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import OCCUPYING, BookingStatus, Calendar, Meeting
from models.clock import utcnow
from models.ical import CalendarEntry, ics
from models.slots import Slot, slot_at, slot_problem
from models.tenant import Tenant
from models.user import User
from resolvers.calendars import calendar_rules, find_calendar
from resolvers.contacts import checked_email, checked_fiscal_code, checked_phone
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused
from resolvers.idempotency import claim, remember
from resolvers.jobs import JobContext, enqueue, task
from resolvers.limits import NAME, instant_problem, outside_every_window, too_long
from resolvers.outbox import record_event
from resolvers.wording import say

EXPIRE_HOLD = "meeting.expire_hold"
REMIND = "meeting.remind"
CONFIRMATION = "meeting.confirmation"


async def lock_day(session: AsyncSession, calendar: Calendar, start: datetime) -> None:
    """Queue the requests for one calendar and local day (until the transaction ends)."""
    day = start.astimezone(ZoneInfo(calendar.time_zone)).date().isoformat()
    await session.exec(
        select(func.pg_advisory_xact_lock(func.hashtextextended(f"{calendar.id}:{day}", 0)))
    )


async def expire_stale_holds(session: AsyncSession, calendar_id: uuid.UUID) -> None:
    """Holds past their expiry stop counting now, whether or not the worker came by."""
    await session.exec(
        update(Meeting)
        .where(
            col(Meeting.calendar_id) == calendar_id,
            col(Meeting.status) == BookingStatus.DRAFT,
            col(Meeting.hold_expires_at) <= utcnow(),
        )
        .values(status=BookingStatus.EXPIRED, updated_at=utcnow())
    )


@dataclass(frozen=True)
class Person:
    """Whom an appointment is for, as one person's limits count it: a citizen by account;
    someone the office books for by fiscal code (without one, the office vouches for them)."""

    citizen_id: uuid.UUID | None = None
    fiscal_code: str | None = None

    @property
    def key(self) -> str:
        return f"citizen:{self.citizen_id}" if self.citizen_id else f"code:{self.fiscal_code}"

    def owns(self) -> ColumnElement[bool]:
        """The meetings that are this person's (the rows of their exclusion constraint)."""
        if self.citizen_id is not None:
            return col(Meeting.citizen_id) == self.citizen_id
        return and_(col(Meeting.citizen_id).is_(None), col(Meeting.fiscal_code) == self.fiscal_code)


def person_of(citizen_id: uuid.UUID | None, fiscal_code: str | None) -> Person | None:
    if citizen_id is not None:
        return Person(citizen_id=citizen_id)
    return Person(fiscal_code=fiscal_code) if fiscal_code else None


async def lock_person(session: AsyncSession, calendar: Calendar, person: Person) -> None:
    """Queue one person's holds on one calendar (until the transaction ends). Taken after
    `lock_day` and followed by no other lock, so two requests never wait on each other in a
    circle."""
    key = f"{calendar.id}:{person.key}"
    await session.exec(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))


def already_booked() -> Problem:
    message = say("This person already has an appointment at this time.")
    return Problem("start", ErrorCode.ALREADY_BOOKED, message)


async def has_place_at(
    session: AsyncSession,
    calendar_id: uuid.UUID,
    slot: Slot,
    person: Person,
    ignore: uuid.UUID | None = None,
) -> bool:
    """Whether the person already occupies a place of the calendar overlapping the slot."""
    statement = select(Meeting.id).where(
        Meeting.calendar_id == calendar_id,
        person.owns(),
        col(Meeting.status).in_(OCCUPYING),
        col(Meeting.start_at) < slot.end,
        col(Meeting.end_at) > slot.start,
    )
    if ignore is not None:
        statement = statement.where(Meeting.id != ignore)
    return (await session.exec(statement.limit(1))).first() is not None


async def open_holds(session: AsyncSession, calendar_id: uuid.UUID, person: Person) -> int:
    """The person's unconfirmed holds on the calendar (after `expire_stale_holds`: live ones)."""
    statement = select(func.count()).where(
        Meeting.calendar_id == calendar_id,
        person.owns(),
        col(Meeting.status) == BookingStatus.DRAFT,
    )
    return int((await session.exec(statement)).one())


async def refuse_second_place(
    session: AsyncSession, ctx: Context, calendar: Calendar, slot: Slot, person: Person
) -> None:
    """A person takes one place of a slot, and holds at most `ctx.max_open_holds` slots of a
    calendar unconfirmed; `Refused` otherwise."""
    await lock_person(session, calendar, person)
    if await has_place_at(session, calendar.id, slot, person):
        raise Refused(already_booked())
    if await open_holds(session, calendar.id, person) >= ctx.max_open_holds:
        message = say(
            "You can hold at most {count} unconfirmed appointments on this calendar: confirm "
            "or cancel one first.",
            count=ctx.max_open_holds,
        )
        raise Refused(Problem(None, ErrorCode.TOO_MANY_HOLDS, message))


def violated_constraint(error: IntegrityError) -> str | None:
    """The name of the constraint PostgreSQL refused the statement by (asyncpg says it)."""
    return getattr(error.orig.__cause__, "constraint_name", None) if error.orig else None


async def write_meeting(session: AsyncSession, meeting: Meeting) -> None:
    """Write the meeting now: the constraints' word is final, and a refusal says which rule."""
    session.add(meeting)
    try:
        await session.flush()
    except IntegrityError as error:
        constraint = violated_constraint(error)
        if constraint in ("meeting_one_per_citizen", "meeting_one_per_fiscal_code"):
            raise Refused(already_booked()) from error
        if constraint == "meeting_no_double_booking":
            message = say("This time was just taken: please choose another one.")
            raise Refused(Problem("start", ErrorCode.SLOT_FULL, message)) from error
        raise


async def free_desk(
    session: AsyncSession, calendar_id: uuid.UUID, slot: Slot, ignore: uuid.UUID | None = None
) -> int | None:
    """The lowest desk of the slot that no occupying meeting overlapping it has taken."""
    statement = select(Meeting.desk).where(
        Meeting.calendar_id == calendar_id,
        col(Meeting.status).in_(OCCUPYING),
        col(Meeting.start_at) < slot.end,
        col(Meeting.end_at) > slot.start,
    )
    if ignore is not None:
        statement = statement.where(Meeting.id != ignore)
    taken = set((await session.exec(statement)).all())
    return next((desk for desk in range(1, slot.capacity + 1) if desk not in taken), None)


def slot_message(reason: str) -> str:
    """Why no appointment can start then, by the reason `models.slots` gives."""
    return {
        "NOT_A_SLOT": say("No appointment of this calendar starts at this time."),
        "TOO_SOON": say("This time is too soon to be booked."),
        "TOO_FAR": say("This time is too far ahead to be booked."),
        "CLOSED": say("The office is closed on that day."),
    }[reason]


async def bookable_slot(
    session: AsyncSession, ctx: Context, calendar: Calendar, start: datetime
) -> Slot:
    """The slot starting at `start` as the calendar's rules make it; `Refused` if none."""
    now = utcnow()
    # the local date may be in the next or previous year of the UTC one (New Year's Eve)
    years = range(start.year - 1, start.year + 2)
    rules = await calendar_rules(session, ctx.tenant, calendar, years)
    slot = slot_at(rules, start, now)
    if slot is None:
        reason = slot_problem(rules, start, now) or "NOT_A_SLOT"
        raise Refused(Problem("start", ErrorCode.SLOT_UNAVAILABLE, slot_message(reason)))
    return slot


def start_problems(start: datetime) -> list[Problem]:
    """What a slot's start shows before the calendar is read: an instant in the past or past
    every booking window is refused at once, whatever the calendar."""
    message = instant_problem(start)
    if message is not None:
        return [Problem("start", ErrorCode.INVALID, message)]
    reason = outside_every_window(start, utcnow())
    if reason is None:
        return []
    return [Problem("start", ErrorCode.SLOT_UNAVAILABLE, slot_message(reason))]


def opening_hour_of(slot: Slot) -> uuid.UUID | None:
    return uuid.UUID(slot.opening_hours_id) if slot.opening_hours_id else None


@dataclass(frozen=True)
class HoldRequest:
    calendar_id: uuid.UUID
    start: datetime
    idempotency_key: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    fiscal_code: str | None = None
    """On someone's behalf (operators only): who the appointment is for."""


def booker_problem(ctx: Context, hold: HoldRequest) -> Problem | None:
    staff = ctx.viewer.is_staff_of(ctx.tenant.slug)
    if staff and not (hold.name or "").strip():
        return Problem("name", ErrorCode.REQUIRED, say("Say who the appointment is for."))
    return None


def checked_hold(hold: HoldRequest) -> tuple[HoldRequest, list[Problem]]:
    """The request with its contacts in their one written form, and its own problems, found
    before any store is asked."""
    email, email_problems = checked_email("email", hold.email)
    phone, phone_problems = checked_phone("phone", hold.phone)
    fiscal_code, fiscal_code_problems = checked_fiscal_code("fiscalCode", hold.fiscal_code)
    problems = [
        *start_problems(hold.start),
        *too_long("name", hold.name, NAME),
        *email_problems,
        *phone_problems,
        *fiscal_code_problems,
    ]
    return replace(hold, email=email, phone=phone, fiscal_code=fiscal_code), problems


async def hold_slot(ctx: Context, hold: HoldRequest) -> Outcome[Meeting]:
    """Reserve a desk of the slot for the calendar's hold time; confirm it to keep it."""
    if problem := booker_problem(ctx, hold):
        return Outcome.failed(problem)
    hold, problems = checked_hold(hold)
    if problems:
        return Outcome.failed(*problems)
    assert ctx.viewer.user_id is not None
    request = {"calendar": str(hold.calendar_id), "start": hold.start.isoformat(), "for": hold.name}
    try:
        async with ctx.db() as session, session.begin():
            granted = await claim(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                hold.idempotency_key,
                "holdSlot",
                request,
            )
            if granted.problem is not None:
                raise Refused(granted.problem)
            if granted.replay is not None:
                return await replayed(session, granted.replay)
            meeting = await place_hold(session, ctx, hold)
            await remember(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                hold.idempotency_key,
                {"meeting": str(meeting.id)},
            )
    except Refused as refusal:
        return Outcome.failed(*refusal.problems)
    return Outcome(meeting)


async def replayed(session: AsyncSession, result: dict[str, Any]) -> Outcome[Meeting]:
    meeting = await session.get(Meeting, uuid.UUID(result["meeting"]))
    if meeting is None:
        message = say("This appointment does not exist.")
        return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, message))
    return Outcome(meeting)


async def place_hold(session: AsyncSession, ctx: Context, hold: HoldRequest) -> Meeting:
    calendar = await find_calendar(session, ctx, hold.calendar_id)
    if calendar is None:
        raise Refused(
            Problem("calendarId", ErrorCode.NOT_FOUND, say("This calendar does not exist."))
        )
    staff = ctx.viewer.is_staff_of(ctx.tenant.slug)
    if staff and not (await ctx.staff_scope(session)).covers_office(calendar.office_id):
        message = say("Operators book only on the calendars of their own offices.")
        raise Refused(Problem("calendarId", ErrorCode.FORBIDDEN, message))
    await lock_day(session, calendar, hold.start)
    await expire_stale_holds(session, calendar.id)
    slot = await bookable_slot(session, ctx, calendar, hold.start)
    person = person_of(None if staff else ctx.viewer.user_id, hold.fiscal_code)
    if person is not None:
        await refuse_second_place(session, ctx, calendar, slot, person)
    desk = await free_desk(session, calendar.id, slot)
    if desk is None:
        raise Refused(Problem("start", ErrorCode.SLOT_FULL, say("This time is fully booked.")))
    expiry = utcnow() + timedelta(minutes=calendar.hold_minutes)
    meeting = Meeting(
        tenant_id=ctx.tenant.id,
        calendar_id=calendar.id,
        opening_hour_id=opening_hour_of(slot),
        desk=desk,
        start_at=slot.start,
        end_at=slot.end,
        status=BookingStatus.DRAFT,
        hold_expires_at=expiry,
        citizen_id=None if staff else ctx.viewer.user_id,
        booked_by=ctx.viewer.user_id,
        name=hold.name,
        email=hold.email,
        phone=hold.phone,
        fiscal_code=hold.fiscal_code,
    )
    await write_meeting(session, meeting)
    await enqueue(session, EXPIRE_HOLD, {"meeting": str(meeting.id)}, run_at=expiry)
    record_meeting_event(session, meeting, "meeting.held")
    return meeting


def record_meeting_event(session: AsyncSession, meeting: Meeting, event_type: str) -> None:
    record_event(
        session,
        meeting.tenant_id,
        event_type,
        meeting.id,
        meeting.reschedule_count + 1,
        {
            "meeting_id": str(meeting.id),
            "calendar_id": str(meeting.calendar_id),
            "status": meeting.status.name,
            "status_code": meeting.status.code,
            "start": meeting.start_at.isoformat(),
            "end": meeting.end_at.isoformat(),
            "citizen_id": str(meeting.citizen_id) if meeting.citizen_id else None,
        },
    )


@task(EXPIRE_HOLD)
async def expire_hold(job: JobContext, payload: dict[str, Any]) -> None:
    """The worker's sweep of one hold: EXPIRED if it was never confirmed."""
    async with job.cross_tenant_sessions() as session, session.begin():
        meeting = await session.get(Meeting, uuid.UUID(payload["meeting"]), with_for_update=True)
        if meeting is None or meeting.status is not BookingStatus.DRAFT:
            return
        if meeting.hold_expires_at is not None and meeting.hold_expires_at > utcnow():
            return
        meeting.status = BookingStatus.EXPIRED
        session.add(meeting)
        record_meeting_event(session, meeting, "meeting.expired")


def calendar_entry(meeting: Meeting, calendar: Calendar, tenant: Tenant) -> CalendarEntry:
    """The appointment as a calendar event: one uid for its whole life, a sequence per move."""
    name = calendar.name.get(tenant.default_language) or calendar.slug
    return CalendarEntry(
        uid=f"{meeting.id}@sportello",
        sequence=meeting.reschedule_count,
        start=meeting.start_at,
        end=meeting.end_at,
        summary=f"{tenant.name} – {name}",
        location=tenant.contacts.get("address"),
        description=meeting.message,
        organizer_name=tenant.name,
        organizer_email=tenant.contacts.get("email"),
        cancelled=meeting.status is BookingStatus.CANCELLED,
    )


async def mail_appointment(job: JobContext, payload: dict[str, Any], reminder: bool) -> None:
    """E-mail the appointment, with it as an .ics attachment, to whoever it is for."""
    async with job.cross_tenant_sessions() as session:
        meeting = await session.get(Meeting, uuid.UUID(payload["meeting"]))
        if (
            meeting is None
            or meeting.status not in (BookingStatus.APPROVED, BookingStatus.PENDING)
            or (reminder and meeting.status is not BookingStatus.APPROVED)
            or meeting.start_at.isoformat() != payload["start"]
        ):
            return  # cancelled, refused, or moved (the move scheduled its own mails)
        calendar = await session.get(Calendar, meeting.calendar_id)
        tenant = await session.get(Tenant, meeting.tenant_id)
        citizen = await session.get(User, meeting.citizen_id) if meeting.citizen_id else None
    address = meeting.email or (citizen.email if citizen else None)
    if calendar is None or tenant is None or address is None:
        job.log.info("appointment_mail.skipped", meeting=str(meeting.id), reason="no address")
        return
    when = meeting.start_at.astimezone(ZoneInfo(calendar.time_zone))
    place = calendar.name.get("it") or calendar.slug
    if reminder:
        subject = f"Promemoria appuntamento {when:%d/%m %H:%M} – {tenant.name}"
        opening = "le ricordiamo l'appuntamento di domani"
    else:
        subject = f"Appuntamento prenotato per il {when:%d/%m %H:%M} – {tenant.name}"
        opening = "la sua prenotazione è registrata per l'appuntamento del"
        if meeting.status is BookingStatus.PENDING:
            opening = "la sua richiesta attende la conferma dell'ufficio per l'appuntamento del"
    text = (
        f"Gentile utente,\n{opening} {when:%d/%m/%Y} alle {when:%H:%M} ({place}).\n\n{tenant.name}"
    )
    invite = ics(calendar_entry(meeting, calendar, tenant), utcnow())
    await job.notifier.send(address, subject, text, [("appuntamento.ics", invite, "text/calendar")])


@task(REMIND)
async def remind(job: JobContext, payload: dict[str, Any]) -> None:
    """The day-before e-mail, once per start of an approved appointment."""
    await mail_appointment(job, payload, reminder=True)


@task(CONFIRMATION)
async def send_confirmation(job: JobContext, payload: dict[str, Any]) -> None:
    """The e-mail sent when an appointment is confirmed (or moved)."""
    await mail_appointment(job, payload, reminder=False)
