"""Variable intervals of a resource (room, hall, field): free stretches and why a request fails."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from models.slots.local_time import days_between, local_date, require_aware
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

Blocked = tuple[datetime, datetime]


@dataclass(frozen=True)
class IntervalRules:
    """A resource's calendar; the slot length and capacity of its opening hours are unused."""

    zone: str
    opening_hours: tuple[OpeningHours, ...]
    closures: tuple[Closure, ...] = ()
    holidays: frozenset[date] = frozenset()
    minimum_minutes: int = 30
    maximum_minutes: int = 240
    granularity_minutes: int = 30
    buffer_minutes: int = 0
    minimum_notice: timedelta = timedelta(0)
    booking_window_days: int = 90

    def __post_init__(self) -> None:
        check_schedule(self)
        if not 1 <= self.minimum_minutes <= self.maximum_minutes:
            raise ValueError("1 ≤ minimum_minutes ≤ maximum_minutes")
        if self.granularity_minutes < 1 or self.buffer_minutes < 0:
            raise ValueError("granularity_minutes ≥ 1 and buffer_minutes ≥ 0")

    @property
    def granularity(self) -> timedelta:
        return timedelta(minutes=self.granularity_minutes)


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime


def blocked_range(start: datetime, end: datetime, buffer_minutes: int) -> tuple[datetime, datetime]:
    """What a booking occupies: [start, end + buffer), the buffer being the time to tidy up."""
    return start, end + timedelta(minutes=buffer_minutes)


@dataclass(frozen=True)
class _Span:
    """Opening ranges that overlap or touch, merged: a booking may run across them."""

    start: datetime
    end: datetime
    ranges: tuple[OpeningRange, ...]

    def holds(self, start: datetime, end: datetime) -> bool:
        return self.start <= start and end <= self.end


def _spans(ranges: Iterable[OpeningRange]) -> list[_Span]:
    spans: list[_Span] = []
    for each in sorted(ranges, key=lambda r: (r.start, r.end, r.hours.id)):
        if spans and each.start <= spans[-1].end:
            last = spans.pop()
            spans.append(_Span(last.start, max(last.end, each.end), (*last.ranges, each)))
        else:
            spans.append(_Span(each.start, each.end, (each,)))
    return spans


def _grid(span: _Span, step: timedelta) -> list[datetime]:
    """Where a booking may start or end: each opening's begin and every `step` after it
    (real elapsed time, as for fixed slots) up to its end."""
    points: set[datetime] = set()
    for each in span.ranges:
        point = each.start
        while point <= each.end:
            points.add(point)
            point += step
    return sorted(points)


def _on_grid(point: datetime, ranges: Sequence[OpeningRange], step: timedelta) -> bool:
    return any((point - each.start) % step == timedelta(0) for each in ranges)


def _blocked(occupations: Iterable[Occupation], buffer: timedelta) -> list[Blocked]:
    """Where no new booking may lie, merged and sorted.

    A booking blocks its interval plus the buffer after it, and so does the new one: the
    database's exclusion constraint compares blocked ranges. So a new booking must start at
    least a buffer after an existing one ends and end at least a buffer before the next begins.
    """
    widened = sorted((each.start - buffer, each.end + buffer) for each in occupations)
    merged: list[Blocked] = []
    for start, end in widened:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _pieces(span: _Span, blocked: list[Blocked], ends: list[datetime]) -> Iterator[Blocked]:
    """The parts of `span` outside every blocked range."""
    cursor = span.start
    for start, end in blocked[bisect_right(ends, span.start) :]:
        if start >= span.end:
            break
        if cursor < start:
            yield cursor, start
        cursor = max(cursor, end)
    if cursor < span.end:
        yield cursor, span.end


def _snapped(
    piece: Blocked, grid: list[datetime], earliest: datetime, minimum: timedelta
) -> Interval | None:
    """The longest stretch of `piece` from and to grid points, starting no sooner than
    `earliest`; None if it is shorter than `minimum`."""
    first = bisect_left(grid, max(piece[0], earliest))
    last = bisect_right(grid, piece[1]) - 1
    if first >= len(grid) or last < 0 or grid[last] - grid[first] < minimum:
        return None
    return Interval(grid[first], grid[last])


def free_intervals(
    rules: IntervalRules,
    first_day: date,
    last_day: date,
    now: datetime,
    taken: Iterable[Occupation],
) -> list[Interval]:
    """The maximal free stretches of the local dates `first_day`..`last_day`, sorted.

    Each lies inside opening hours (touching ones merged), starts and ends on the grid, starts
    no sooner than now plus the minimum notice on a day within the booking window, is at
    least `minimum_minutes` long, and keeps clear of the bookings taken (see `_blocked`).
    Any grid-aligned part of a stretch between the minimum and the maximum may be booked.
    """
    now = require_aware(now, "now")
    window = BookingWindow.at(rules, now)
    ranges = [
        opening
        for day in window.days(rules, first_day, last_day)
        for opening in opening_ranges(rules, day)
    ]
    blocked = _blocked(counting(taken, now), timedelta(minutes=rules.buffer_minutes))
    ends = [end for _, end in blocked]
    minimum = timedelta(minutes=rules.minimum_minutes)
    found = []
    for span in _spans(ranges):
        grid = _grid(span, rules.granularity)
        for piece in _pieces(span, blocked, ends):
            interval = _snapped(piece, grid, window.earliest, minimum)
            if interval is not None:
                found.append(interval)
    return found


def _placement_problems(
    rules: IntervalRules, start: datetime, end: datetime, days: list[date]
) -> list[str]:
    """OUTSIDE_OPENING_HOURS and OFF_GRID, closures aside."""
    ranges = [opening for day in days for opening in opening_ranges(rules, day)]
    span = next((each for each in _spans(ranges) if each.holds(start, end)), None)
    if span is not None:
        grid = set(_grid(span, rules.granularity))
        return [] if start in grid and end in grid else ["OFF_GRID"]
    # Outside opening hours, still tell whether the times are aligned as the openings are.
    aligned = not ranges or all(_on_grid(p, ranges, rules.granularity) for p in (start, end))
    return ["OUTSIDE_OPENING_HOURS"] + ([] if aligned else ["OFF_GRID"])


def interval_problems(
    rules: IntervalRules, start: datetime, end: datetime, now: datetime
) -> list[str]:
    """Why the interval [start, end) may not be booked now; empty if it may, taken bookings
    aside (the caller checks them against `blocked_range`).

    Codes, in this order: OUTSIDE_OPENING_HOURS, OFF_GRID, TOO_SHORT, TOO_LONG, TOO_SOON,
    TOO_FAR (starts on a day past the booking window), CLOSED (a day it touches is a closure
    or a holiday); END_BEFORE_START alone when `end` is not after `start`.
    """
    start, end = require_aware(start, "start"), require_aware(end, "end")
    now = require_aware(now, "now")
    if end <= start:
        return ["END_BEFORE_START"]
    zone = ZoneInfo(rules.zone)
    first, last = local_date(start, zone), local_date(end - timedelta.resolution, zone)
    problems = _placement_problems(rules, start, end, days_between(first - timedelta(1), last))
    length = end - start
    if length < timedelta(minutes=rules.minimum_minutes):
        problems.append("TOO_SHORT")
    if length > timedelta(minutes=rules.maximum_minutes):
        problems.append("TOO_LONG")
    window = BookingWindow.at(rules, now)
    if start < window.earliest:
        problems.append("TOO_SOON")
    if first > window.last_day:
        problems.append("TOO_FAR")
    if any(is_closed(rules, day) for day in days_between(first, last)):
        problems.append("CLOSED")
    return problems
