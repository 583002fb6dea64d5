"""Appointments: holding a slot, confirming, cancelling and rescheduling it, the office's steps.

A booking never trusts the client's times: the slot is recomputed from the calendar's rules.
Parallel requests for one calendar and local day queue on an advisory lock, so they are served
one after the other instead of failing in storms; the desk is then chosen among those free,
and the exclusion constraint of `models.booking` makes a double booking impossible whatever
happens in Python. Holds that have expired are set aside under the same lock before counting,
so a late worker never keeps a slot blocked.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import OCCUPYING, BookingStatus, Calendar, Meeting
from models.clock import utcnow
from models.ical import CalendarEntry, ics
from models.slots import Slot, slot_at, slot_problem
from models.tenant import Tenant
from models.user import Role, User
from resolvers.calendars import calendar_rules, find_calendar
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused
from resolvers.idempotency import claim, remember
from resolvers.jobs import JobContext, enqueue, task
from resolvers.limits import (
    EMAIL,
    FISCAL_CODE,
    NAME,
    PHONE,
    instant_problem,
    outside_every_window,
    too_long,
)
from resolvers.outbox import record_event

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


SLOT_MESSAGES = {
    "NOT_A_SLOT": "there is no slot of this calendar starting then",
    "TOO_SOON": "this slot is too soon to be booked",
    "TOO_FAR": "this slot is too far ahead to be booked",
    "CLOSED": "the office is closed that day",
}


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
        raise Refused(Problem("start", ErrorCode.SLOT_UNAVAILABLE, SLOT_MESSAGES[reason]))
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
    return [Problem("start", ErrorCode.SLOT_UNAVAILABLE, SLOT_MESSAGES[reason])]


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
    if ctx.viewer.user_id is None or not (staff or ctx.viewer.has(Role.CITIZEN)):
        return Problem(None, ErrorCode.FORBIDDEN, "log in to book")
    if staff and not (hold.name or "").strip():
        return Problem("name", ErrorCode.REQUIRED, "say who the appointment is for")
    return None


def hold_problems(hold: HoldRequest) -> list[Problem]:
    """The request's own problems, found before any store is asked."""
    return [
        *start_problems(hold.start),
        *too_long("name", hold.name, NAME),
        *too_long("email", hold.email, EMAIL),
        *too_long("phone", hold.phone, PHONE),
        *too_long("fiscalCode", hold.fiscal_code, FISCAL_CODE),
    ]


async def hold_slot(ctx: Context, hold: HoldRequest) -> Outcome[Meeting]:
    """Reserve a desk of the slot for the calendar's hold time; confirm it to keep it."""
    if problem := booker_problem(ctx, hold):
        return Outcome.failed(problem)
    if problems := hold_problems(hold):
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
        return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, "no such appointment"))
    return Outcome(meeting)


async def place_hold(session: AsyncSession, ctx: Context, hold: HoldRequest) -> Meeting:
    calendar = await find_calendar(session, ctx, hold.calendar_id)
    if calendar is None:
        raise Refused(Problem("calendarId", ErrorCode.NOT_FOUND, "no such calendar"))
    await lock_day(session, calendar, hold.start)
    await expire_stale_holds(session, calendar.id)
    slot = await bookable_slot(session, ctx, calendar, hold.start)
    desk = await free_desk(session, calendar.id, slot)
    if desk is None:
        raise Refused(Problem("start", ErrorCode.SLOT_FULL, "every desk of this slot is taken"))
    staff = ctx.viewer.is_staff_of(ctx.tenant.slug)
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
    session.add(meeting)
    try:
        await session.flush()
    except IntegrityError as error:  # the constraint's word is final
        raise Refused(Problem("start", ErrorCode.SLOT_FULL, "this slot was just taken")) from error
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
    async with job.sessions() as session, session.begin():
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
    async with job.sessions() as session:
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
