"""What slots and intervals share: opening hours, closures, occupations and the booking window."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from models.slots.local_time import (
    MIDNIGHT,
    closing_instant,
    days_between,
    instant,
    local_date,
    require_aware,
)

MAX_BOOKING_WINDOW_DAYS = 180


@dataclass(frozen=True)
class OpeningHours:
    """A recurring opening: local wall-clock times on some ISO weekdays, within validity dates.

    An `end` of 00:00 means midnight at the end of the day.
    """

    weekdays: frozenset[int]
    begin: time
    end: time
    valid_from: date | None = None
    valid_until: date | None = None
    slot_minutes: int = 30
    buffer_minutes: int = 0
    capacity: int = 1
    id: str = ""

    def __post_init__(self) -> None:
        if not self.weekdays <= frozenset(range(1, 8)):
            raise ValueError(f"weekdays are ISO 1..7, got {sorted(self.weekdays)}")
        if self.begin.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("opening hours are wall-clock times: give them without tzinfo")
        if not (self.begin < self.end or self.end == MIDNIGHT):
            raise ValueError(f"an opening ends after it begins: {self.begin}–{self.end}")
        if self.slot_minutes < 1 or self.buffer_minutes < 0 or self.capacity < 0:
            raise ValueError("slot_minutes ≥ 1, buffer_minutes ≥ 0 and capacity ≥ 0")

    def opens_on(self, day: date) -> bool:
        """On `day`'s weekday and inside the validity dates (closures aside)."""
        return (
            day.isoweekday() in self.weekdays
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_until is None or day <= self.valid_until)
        )


@dataclass(frozen=True)
class Closure:
    """Local dates on which the calendar is closed, both included."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError(f"a closure ends after it begins: {self.first_day}–{self.last_day}")


@dataclass(frozen=True)
class Occupation:
    """An existing meeting or booking that takes a place.

    A DRAFT's hold counts only while `hold_expires_at` is after now. With `opening_hours_id`,
    a meeting takes a place of that opening hour's slots only (capacity is per opening hour);
    without it, of every slot it overlaps, which never offers a place twice.
    """

    start: datetime
    end: datetime
    hold_expires_at: datetime | None = None
    opening_hours_id: str = ""

    def counts_at(self, now: datetime) -> bool:
        held = self.hold_expires_at is None or self.hold_expires_at > now
        return held and self.start < self.end


def counting(taken: Iterable[Occupation], now: datetime) -> list[Occupation]:
    """The occupations that hold a place at `now`, in UTC."""
    found = []
    for occupation in taken:
        start = require_aware(occupation.start, "Occupation.start")
        end = require_aware(occupation.end, "Occupation.end")
        if occupation.hold_expires_at is not None:
            require_aware(occupation.hold_expires_at, "Occupation.hold_expires_at")
        if occupation.counts_at(now):
            found.append(Occupation(start, end, None, occupation.opening_hours_id))
    return found


class Schedule(Protocol):
    """The fields that calendars of slots and of intervals have in common."""

    @property
    def zone(self) -> str: ...
    @property
    def opening_hours(self) -> tuple[OpeningHours, ...]: ...
    @property
    def closures(self) -> tuple[Closure, ...]: ...
    @property
    def holidays(self) -> frozenset[date]: ...
    @property
    def minimum_notice(self) -> timedelta: ...
    @property
    def booking_window_days(self) -> int: ...


def check_schedule(schedule: Schedule) -> None:
    """Raise `ValueError` (or `ZoneInfoNotFoundError`) for rules no calendar may have."""
    ZoneInfo(schedule.zone)
    if not 0 <= schedule.booking_window_days <= MAX_BOOKING_WINDOW_DAYS:
        raise ValueError(f"the booking window is 0 to {MAX_BOOKING_WINDOW_DAYS} days")
    if schedule.minimum_notice < timedelta(0):
        raise ValueError("the minimum notice cannot be negative")


def is_closed(schedule: Schedule, day: date) -> bool:
    """A closure or a holiday."""
    return day in schedule.holidays or any(
        closure.first_day <= day <= closure.last_day for closure in schedule.closures
    )


@dataclass(frozen=True)
class OpeningRange:
    """One opening hour on one local date, as real instants in UTC: [start, end)."""

    hours: OpeningHours
    day: date
    start: datetime
    end: datetime


def opening_ranges(schedule: Schedule, day: date) -> list[OpeningRange]:
    """The openings of `day` (closures aside), in a fixed order whatever the input order.

    An opening lies between the first instants at which the clocks read its begin and its end
    (see `instant`); one that falls wholly in a skipped hour does not exist that day.
    """
    zone = ZoneInfo(schedule.zone)
    found = []
    for hours in schedule.opening_hours:
        if not hours.opens_on(day):
            continue
        start = instant(day, hours.begin, zone)
        end = closing_instant(day, hours.end, zone)
        if start < end:
            found.append(OpeningRange(hours, day, start, end))
    return sorted(found, key=lambda each: (each.start, each.end, each.hours.id))


@dataclass(frozen=True)
class BookingWindow:
    """When a booking may start: not before `earliest`, not on a local date after `last_day`.

    `earliest` is now plus the minimum notice, an instant; the window counts whole local days
    from today, so the last bookable day offers all its slots, not those before the hour of now.
    """

    earliest: datetime
    last_day: date

    @classmethod
    def at(cls, schedule: Schedule, now: datetime) -> BookingWindow:
        today = local_date(now, ZoneInfo(schedule.zone))
        return cls(now + schedule.minimum_notice, today + timedelta(schedule.booking_window_days))

    def days(self, schedule: Schedule, first_day: date, last_day: date) -> list[date]:
        """The open days from `first_day` to `last_day` on which something may be booked."""
        first = max(first_day, local_date(self.earliest, ZoneInfo(schedule.zone)))
        last = min(last_day, self.last_day)
        return [day for day in days_between(first, last) if not is_closed(schedule, day)]
