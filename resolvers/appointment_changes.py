"""The life of an appointment after the hold: confirmation, cancellation, rescheduling, and the
office's approval, refusal and outcome."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from auth.practices import is_applicant
from auth.scope import StaffScope
from models.appointment_changes import (
    change_deadline,
    deadline_passed,
    may_cancel,
    may_reschedule,
)
from models.booking import BookingStatus, Calendar, Meeting
from models.clock import utcnow
from models.practice import Practice
from resolvers.appointments import (
    CONFIRMATION,
    REMIND,
    already_booked,
    bookable_slot,
    expire_stale_holds,
    free_desk,
    has_place_at,
    lock_day,
    opening_hour_of,
    person_of,
    record_meeting_event,
    start_problems,
    write_meeting,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused
from resolvers.jobs import enqueue
from resolvers.limits import REASON, too_long
from resolvers.status_words import appointment_state
from resolvers.wording import say

Change = Callable[[AsyncSession, Context, Meeting, Calendar], Awaitable[str]]
"""Changes a locked meeting (raising `Refused` when it may not) and names its event."""


def not_found() -> Problem:
    return Problem("id", ErrorCode.NOT_FOUND, say("This appointment does not exist."))


def is_booker(ctx: Context, meeting: Meeting) -> bool:
    """The citizen it is for, or whoever booked it."""
    return ctx.viewer.user_id is not None and ctx.viewer.user_id in (
        meeting.citizen_id,
        meeting.booked_by,
    )


def may_see(ctx: Context, scope: StaffScope, meeting: Meeting, calendar: Calendar | None) -> bool:
    """Its booker, and the staff of the calendar's office."""
    return is_booker(ctx, meeting) or (
        calendar is not None and scope.covers_office(calendar.office_id)
    )


async def change_meeting(ctx: Context, meeting_id: uuid.UUID, change: Change) -> Outcome[Meeting]:
    """Lock the meeting, apply `change`, record its event; nothing is written on refusal."""
    try:
        async with ctx.db() as session, session.begin():
            meeting = await session.get(Meeting, meeting_id, with_for_update=True)
            if meeting is None or meeting.tenant_id != ctx.tenant.id:
                raise Refused(not_found())
            calendar = await session.get(Calendar, meeting.calendar_id)
            assert calendar is not None
            if not may_see(ctx, await ctx.staff_scope(session), meeting, calendar):
                raise Refused(not_found())
            event_type = await change(session, ctx, meeting, calendar)
            meeting.updated_at = utcnow()
            session.add(meeting)
            await session.flush()
            record_meeting_event(session, meeting, event_type)
    except Refused as refusal:
        return Outcome.failed(*refusal.problems)
    return Outcome(meeting)


def refuse_status(meeting: Meeting, *allowed: BookingStatus) -> None:
    if meeting.status not in allowed:
        message = appointment_state(meeting.status)
        raise Refused(Problem("id", ErrorCode.TRANSITION_NOT_ALLOWED, message))


def cut_off(meeting: Meeting, calendar: Calendar) -> datetime:
    return change_deadline(meeting.start_at, calendar.cancel_days_before, calendar.time_zone)


@dataclass(frozen=True)
class ChangeRights:
    """What the viewer may still do with an appointment, on the server's clock: the same
    rules the cancel and reschedule mutations apply, so a client shows only what will pass."""

    deadline: datetime
    deadline_passed: bool
    may_cancel: bool
    may_reschedule: bool


async def change_rights(ctx: Context, meeting: Meeting, calendar: Calendar) -> ChangeRights:
    deadline, now = cut_off(meeting, calendar), utcnow()
    office_staff = (await ctx.staff_scope()).covers_office(calendar.office_id)
    return ChangeRights(
        deadline=deadline,
        deadline_passed=deadline_passed(deadline, now),
        may_cancel=may_cancel(meeting.status, deadline, now, office_staff=office_staff),
        may_reschedule=may_reschedule(meeting.status, deadline, now, office_staff=office_staff),
    )


async def refuse_late_citizen(ctx: Context, meeting: Meeting, calendar: Calendar) -> None:
    """Citizens change their appointments until the calendar's cut-off; the office always."""
    if (await ctx.staff_scope()).covers_office(calendar.office_id):
        return
    if deadline_passed(cut_off(meeting, calendar), utcnow()):
        raise Refused(Problem("id", ErrorCode.TOO_LATE, too_late(calendar.cancel_days_before)))


def too_late(days_before: int) -> str:
    """Why a citizen may no longer change an appointment online."""
    if days_before == 0:
        return say(
            "Online changes are possible until the appointment starts. Please contact the office."
        )
    if days_before == 1:
        return say(
            "Online changes are possible until the day before the appointment. Please contact "
            "the office."
        )
    return say(
        "Online changes are possible until {days} days before the appointment. Please contact "
        "the office.",
        days=days_before,
    )


@dataclass(frozen=True)
class Confirmation:
    meeting_id: uuid.UUID
    message: str | None = None
    practice_id: uuid.UUID | None = None


async def confirm(ctx: Context, confirmation: Confirmation) -> Outcome[Meeting]:
    """Keep a held slot: APPROVED, or PENDING when the calendar is moderated."""
    if problems := too_long("message", confirmation.message, REASON):
        return Outcome.failed(*problems)

    async def apply(
        session: AsyncSession, ctx: Context, meeting: Meeting, calendar: Calendar
    ) -> str:
        if not is_booker(ctx, meeting):
            raise Refused(not_found())
        refuse_status(meeting, BookingStatus.DRAFT)
        if meeting.hold_expires_at is not None and meeting.hold_expires_at <= utcnow():
            message = say("The reservation of this time has expired: please choose a time again.")
            raise Refused(Problem("id", ErrorCode.HOLD_EXPIRED, message))
        if confirmation.practice_id is not None:
            await link_practice(session, ctx, meeting, confirmation.practice_id)
        meeting.message = confirmation.message
        meeting.status = BookingStatus.PENDING if calendar.moderated else BookingStatus.APPROVED
        meeting.hold_expires_at = None
        await schedule_reminder(session, meeting)
        return "meeting.booked"

    return await change_meeting(ctx, confirmation.meeting_id, apply)


async def link_practice(
    session: AsyncSession, ctx: Context, meeting: Meeting, practice_id: uuid.UUID
) -> None:
    practice = await session.get(Practice, practice_id)
    if (
        practice is None
        or practice.tenant_id != ctx.tenant.id
        or not is_applicant(ctx.viewer, practice.applicant_id)
    ):
        raise Refused(
            Problem("practiceId", ErrorCode.NOT_FOUND, say("This application does not exist."))
        )
    meeting.practice_id = practice.id


async def schedule_reminder(session: AsyncSession, meeting: Meeting) -> None:
    """The confirmation e-mail now and the day-before reminder, keyed by the meeting and its
    start (a reschedule sends them anew; mails of an older start are dropped by their task)."""
    payload = {"meeting": str(meeting.id), "start": meeting.start_at.isoformat()}
    await enqueue(
        session, CONFIRMATION, payload, dedupe_key=f"{CONFIRMATION}:{meeting.id}:{payload['start']}"
    )
    remind_at = meeting.start_at - timedelta(days=1)
    if remind_at <= utcnow():
        return
    await enqueue(
        session,
        REMIND,
        payload,
        run_at=remind_at,
        dedupe_key=f"{REMIND}:{meeting.id}:{payload['start']}",
    )


async def cancel(ctx: Context, meeting_id: uuid.UUID, reason: str | None) -> Outcome[Meeting]:
    if problems := too_long("reason", reason, REASON):
        return Outcome.failed(*problems)

    async def apply(
        _session: AsyncSession, ctx: Context, meeting: Meeting, calendar: Calendar
    ) -> str:
        refuse_status(meeting, BookingStatus.DRAFT, BookingStatus.PENDING, BookingStatus.APPROVED)
        if meeting.status is not BookingStatus.DRAFT:
            await refuse_late_citizen(ctx, meeting, calendar)
        meeting.status = BookingStatus.CANCELLED
        meeting.outcome_note = reason
        return "meeting.cancelled"

    return await change_meeting(ctx, meeting_id, apply)


async def reschedule(ctx: Context, meeting_id: uuid.UUID, start: datetime) -> Outcome[Meeting]:
    """Move the appointment to another slot of its calendar; its own old place does not count."""
    if problems := start_problems(start):
        return Outcome.failed(*problems)

    async def apply(
        session: AsyncSession, ctx: Context, meeting: Meeting, calendar: Calendar
    ) -> str:
        refuse_status(meeting, BookingStatus.PENDING, BookingStatus.APPROVED)
        await refuse_late_citizen(ctx, meeting, calendar)
        await lock_day(session, calendar, start)
        await expire_stale_holds(session, calendar.id)
        slot = await bookable_slot(session, ctx, calendar, start)
        person = person_of(meeting.citizen_id, meeting.fiscal_code)
        if person is not None and await has_place_at(
            session, calendar.id, slot, person, ignore=meeting.id
        ):
            raise Refused(already_booked())
        desk = await free_desk(session, calendar.id, slot, ignore=meeting.id)
        if desk is None:
            raise Refused(Problem("start", ErrorCode.SLOT_FULL, say("This time is fully booked.")))
        meeting.start_at, meeting.end_at, meeting.desk = slot.start, slot.end, desk
        meeting.opening_hour_id = opening_hour_of(slot)
        meeting.reschedule_count += 1
        await write_meeting(session, meeting)
        await schedule_reminder(session, meeting)
        return "meeting.rescheduled"

    return await change_meeting(ctx, meeting_id, apply)


OFFICE_STEPS: dict[BookingStatus, tuple[BookingStatus, ...]] = {
    BookingStatus.APPROVED: (BookingStatus.PENDING,),
    BookingStatus.REFUSED: (BookingStatus.PENDING,),
    BookingStatus.DONE: (BookingStatus.APPROVED,),
    BookingStatus.MISSED: (BookingStatus.APPROVED,),
}


async def office_step(
    ctx: Context, meeting_id: uuid.UUID, target: BookingStatus, note: str | None
) -> Outcome[Meeting]:
    """Approve or refuse a pending booking, or record how an appointment went."""
    if problems := too_long("note", note, REASON):
        return Outcome.failed(*problems)

    async def apply(
        session: AsyncSession, _ctx: Context, meeting: Meeting, calendar: Calendar
    ) -> str:
        if not (await ctx.staff_scope(session)).covers_office(calendar.office_id):
            message = say("Only the staff of the calendar's office can do this.")
            raise Refused(Problem(None, ErrorCode.FORBIDDEN, message))
        refuse_status(meeting, *OFFICE_STEPS[target])
        if target in (BookingStatus.DONE, BookingStatus.MISSED) and meeting.start_at > utcnow():
            message = say("The appointment has not started yet.")
            raise Refused(Problem("id", ErrorCode.TRANSITION_NOT_ALLOWED, message))
        meeting.status = target
        if note is not None:
            meeting.outcome_note = note
        return f"meeting.{target.name.lower()}"

    return await change_meeting(ctx, meeting_id, apply)
