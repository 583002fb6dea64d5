"""Fixed slots of an office's calendar: which exist, which may be booked, how many are free."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from models.slots.local_time import local_date, require_aware
from models.slots.rules import (
    BookingWindow,
    Closure,
    Occupation,
    OpeningHours,
    OpeningRange,
    check_schedule,
    counting,
    is_closed,
    opening_ranges,
)


@dataclass(frozen=True)
class CalendarRules:
    """An office's calendar as the slot computation needs it."""

    zone: str
    opening_hours: tuple[OpeningHours, ...]
    closures: tuple[Closure, ...] = ()
    holidays: frozenset[date] = frozenset()
    minimum_notice: timedelta = timedelta(0)
    booking_window_days: int = 30

    def __post_init__(self) -> None:
        check_schedule(self)


@dataclass(frozen=True)
class Slot:
    """A slot of one opening hour, in UTC; `free` places out of `capacity` (0 when full)."""

    start: datetime
    end: datetime
    capacity: int
    free: int
    opening_hours_id: str


def _slot_key(slot: Slot) -> tuple[datetime, str, datetime, int]:
    return slot.start, slot.opening_hours_id, slot.end, slot.capacity


def _slots_in(opening: OpeningRange) -> Iterator[Slot]:
    """The opening's slots, every one empty.

    Lengths are real elapsed time: a slot starts at the opening's begin and the next one slot
    length plus buffer later, in UTC, as long as it ends by the opening's end. So each slot
    lasts exactly its length even across a DST change (an opening 01:00–04:00 holds four
    30-minute slots on 2026-03-29 in Europe/Rome and eight on 2026-10-25, two of them at
    02:30, one before and one after the clocks go back), and no two slots of an opening overlap.
    """
    hours = opening.hours
    length = timedelta(minutes=hours.slot_minutes)
    step = length + timedelta(minutes=hours.buffer_minutes)
    start = opening.start
    while start + length <= opening.end:
        yield Slot(start, start + length, hours.capacity, hours.capacity, hours.id)
        start += step


class _Tally:
    """Occupations sorted by start and by end: those overlapping a range counted by bisection."""

    def __init__(self) -> None:
        self.starts: list[datetime] = []
        self.ends: list[datetime] = []

    def add(self, occupation: Occupation) -> None:
        self.starts.append(occupation.start)
        self.ends.append(occupation.end)

    def sort(self) -> None:
        self.starts.sort()
        self.ends.sort()

    def overlapping(self, start: datetime, end: datetime) -> int:
        # Those starting before `end`, less those already over by `start` (which all started
        # before `end` too, since an occupation ends after it starts).
        return bisect_left(self.starts, end) - bisect_right(self.ends, start)


def _tallies(occupations: Iterable[Occupation]) -> dict[str, _Tally]:
    """Occupations by opening hour id; "" holds those that count against every slot."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for occupation in occupations:
        tallies[occupation.opening_hours_id].add(occupation)
    for tally in tallies.values():
        tally.sort()
    return dict(tallies)


def _with_free(slot: Slot, tallies: dict[str, _Tally]) -> Slot:
    applying = {"", slot.opening_hours_id} & tallies.keys()
    taken = sum(tallies[key].overlapping(slot.start, slot.end) for key in applying)
    return replace(slot, free=max(0, slot.capacity - taken))


def free_slots(
    rules: CalendarRules,
    first_day: date,
    last_day: date,
    now: datetime,
    taken: Iterable[Occupation],
) -> list[Slot]:
    """The bookable slots of the local dates `first_day`..`last_day`, with their free places.

    Bookable: on an open day (validity, weekday, no closure, no holiday), starting no sooner
    than now plus the minimum notice, on a day within the booking window. Full slots are
    listed with `free` 0. Sorted by start, then opening hour id; the order of the inputs
    does not matter. Runs in O((slots + occupations) log occupations).
    """
    now = require_aware(now, "now")
    window = BookingWindow.at(rules, now)
    tallies = _tallies(counting(taken, now))
    slots = [
        _with_free(slot, tallies)
        for day in window.days(rules, first_day, last_day)
        for opening in opening_ranges(rules, day)
        for slot in _slots_in(opening)
        if slot.start >= window.earliest
    ]
    return sorted(slots, key=_slot_key)


def _slots_starting(rules: CalendarRules, start: datetime) -> list[Slot]:
    """The slots that start at `start`, closures and booking window aside."""
    day = local_date(start, ZoneInfo(rules.zone))
    found = [
        slot
        for opening in opening_ranges(rules, day)
        for slot in _slots_in(opening)
        if slot.start == start
    ]
    return sorted(found, key=_slot_key)


def _requested(
    rules: CalendarRules, start: datetime, now: datetime, opening_hours_id: str | None
) -> Slot | str:
    """The bookable slot starting at `start`, or the code of why there is none."""
    start = require_aware(start, "start")
    now = require_aware(now, "now")
    candidates = _slots_starting(rules, start)
    if opening_hours_id is not None:
        candidates = [slot for slot in candidates if slot.opening_hours_id == opening_hours_id]
    if not candidates:
        return "NOT_A_SLOT"
    window = BookingWindow.at(rules, now)
    day = local_date(start, ZoneInfo(rules.zone))
    if start < window.earliest:
        return "TOO_SOON"
    if day > window.last_day:
        return "TOO_FAR"
    if is_closed(rules, day):
        return "CLOSED"
    return candidates[0]


def slot_problem(
    rules: CalendarRules, start: datetime, now: datetime, opening_hours_id: str | None = None
) -> str | None:
    """Why no slot starting at `start` may be booked now, or None if one may.

    The codes, checked in this order: NOT_A_SLOT (no opening hour has a slot starting then,
    or not the one of `opening_hours_id` when given), TOO_SOON (before now plus the minimum
    notice), TOO_FAR (on a day past the booking window), CLOSED (a closure or a holiday).
    """
    found = _requested(rules, start, now, opening_hours_id)
    return found if isinstance(found, str) else None


def slot_at(
    rules: CalendarRules, start: datetime, now: datetime, opening_hours_id: str | None = None
) -> Slot | None:
    """The bookable slot starting exactly at `start`, all places free; None if there is none.

    The server recomputes a requested slot with this rather than trusting the client. Where
    overlapping opening hours both have a slot then, `opening_hours_id` picks one; without it,
    the one with the lowest id.
    """
    found = _requested(rules, start, now, opening_hours_id)
    return found if isinstance(found, Slot) else None
