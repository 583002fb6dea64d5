"""Until when a citizen may move or cancel an appointment online, and whether they may now."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from models.booking import BookingStatus

CANCELLABLE = frozenset({BookingStatus.DRAFT, BookingStatus.PENDING, BookingStatus.APPROVED})
"""A hold is given back, a booking called off."""
RESCHEDULABLE = frozenset({BookingStatus.PENDING, BookingStatus.APPROVED})
"""Only a booking moves; a hold is given back and another slot held instead."""


def change_deadline(start: datetime, days_before: int, zone: str) -> datetime:
    """The last instant a citizen may move or cancel online: `days_before` days before `start`
    on the calendar's wall clock, so an appointment at 10:00 may be changed until 10:00 of
    that day, also across a change of summer time (72 hours would say 09:00 or 11:00)."""
    local_start = start.astimezone(ZoneInfo(zone))
    return (local_start - timedelta(days=days_before)).astimezone(UTC)


def deadline_passed(deadline: datetime, now: datetime) -> bool:
    return now > deadline


def may_cancel(
    status: BookingStatus, deadline: datetime, now: datetime, *, office_staff: bool
) -> bool:
    """A hold always; a booking until the deadline, by its office at any time."""
    if status not in CANCELLABLE:
        return False
    return status is BookingStatus.DRAFT or office_staff or not deadline_passed(deadline, now)


def may_reschedule(
    status: BookingStatus, deadline: datetime, now: datetime, *, office_staff: bool
) -> bool:
    """A booking until the deadline, by its office at any time."""
    return status in RESCHEDULABLE and (office_staff or not deadline_passed(deadline, now))
