"""Property tests of the slot computation, against a brute-force reading of the zone's clocks."""

from __future__ import annotations

import functools
import itertools
import random
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.slots import (
    CalendarRules,
    Closure,
    Interval,
    IntervalRules,
    Occupation,
    OpeningHours,
    Slot,
    blocked_range,
    free_intervals,
    free_slots,
    interval_problems,
    slot_at,
    slot_problem,
)

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DST_DAYS = {
    "Europe/Rome": [date(2026, 3, 29), date(2026, 10, 25)],
    "America/New_York": [date(2026, 3, 8), date(2026, 11, 1)],
    # the clocks change at midnight: 00:00 does not exist in March, 24:00 repeats in November
    "America/Havana": [date(2026, 3, 8), date(2026, 11, 1)],
    "America/Santiago": [date(2026, 4, 4), date(2026, 9, 6)],
    "Australia/Lord_Howe": [date(2026, 4, 5), date(2026, 10, 4)],  # a half-hour change
    "Asia/Kolkata": [date(2026, 6, 1)],
    "UTC": [date(2026, 6, 1)],
}
INTERVAL_CODES = [
    "OUTSIDE_OPENING_HOURS",
    "OFF_GRID",
    "TOO_SHORT",
    "TOO_LONG",
    "TOO_SOON",
    "TOO_FAR",
    "CLOSED",
]
MINUTE = timedelta(minutes=1)


@functools.cache
def first_reading(zone: str, wall: datetime) -> datetime:
    """Brute force: the first UTC minute at which the zone's clocks read `wall` or later."""
    moment = wall.replace(tzinfo=UTC) - timedelta(hours=15)
    while moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None) < wall:
        moment += MINUTE
    return moment


def opening_of(zone: str, hours: OpeningHours, day: date) -> tuple[datetime, datetime]:
    """The real interval of `hours` on `day`: from the first reading of begin to that of end."""
    end_day = day + timedelta(days=1) if hours.end == time(0) else day
    return (
        first_reading(zone, datetime.combine(day, hours.begin)),
        first_reading(zone, datetime.combine(end_day, hours.end)),
    )


def days_of(first_day: date, last_day: date) -> list[date]:
    return [first_day + timedelta(n) for n in range((last_day - first_day).days + 1)]


def closed(day: date, closures: tuple[Closure, ...], holidays: frozenset[date]) -> bool:
    return day in holidays or any(c.first_day <= day <= c.last_day for c in closures)


def counts(occupation: Occupation, now: datetime) -> bool:
    expiry = occupation.hold_expires_at
    return expiry is None or expiry > now


# Strategies


def quarter_hours(*ranges: tuple[int, int]) -> st.SearchStrategy[time]:
    return st.one_of(*(st.integers(*r) for r in ranges)).map(lambda n: time(n // 4, n % 4 * 15))


ANY_TIME = quarter_hours((0, 95), (0, 16))
NIGHT = quarter_hours((88, 95), (0, 16), (0, 3), (8, 11))  # 22:00–04:00, 00:xx and 02:xx often
EVERY_DAY = frozenset(range(1, 8))
CHANGING_ZONES = sorted(set(DST_DAYS) - {"Asia/Kolkata", "UTC"})


@st.composite
def opening_hours(draw: st.DrawFn, ident: str, first_day: date, night: bool) -> OpeningHours:
    """Opening hours; at `night`, every day from 22:00 to 04:00 without validity dates."""
    begin = draw(NIGHT if night else ANY_TIME)
    until_midnight = (24 * 60 - (begin.hour * 60 + begin.minute)) // 15
    quarters = draw(st.integers(1, min(until_midnight, 24)) | st.integers(1, until_midnight))
    end_minutes = begin.hour * 60 + begin.minute + quarters * 15
    end = time(0) if end_minutes == 24 * 60 else time(end_minutes // 60, end_minutes % 60)

    def valid(low: int, high: int) -> st.SearchStrategy[date | None]:
        if night:
            return st.none()
        return st.none() | st.integers(low, high).map(lambda n: first_day + timedelta(n))

    weekdays = st.frozensets(st.integers(1, 7), min_size=1)
    return OpeningHours(
        weekdays=EVERY_DAY if night else draw(st.just(EVERY_DAY) | weekdays),
        begin=begin,
        end=end,
        valid_from=draw(valid(-4, 2)),
        valid_until=draw(valid(0, 6)),
        slot_minutes=draw(st.sampled_from([10, 15, 20, 30, 45, 60, 90])),
        buffer_minutes=draw(st.sampled_from([0, 0, 5, 10, 15])),
        capacity=draw(st.integers(0, 4)),
        id=ident,
    )


@st.composite
def periods(draw: st.DrawFn, zone: str, night: bool) -> tuple[date, date, datetime]:
    """First and last day asked, often (at `night`, always) around a DST change of `zone`, and
    now before them."""
    if night:
        around = draw(st.sampled_from(DST_DAYS[zone]))
        now = datetime.combine(around - timedelta(days=7), time(12), tzinfo=UTC)
        return around, around + timedelta(draw(st.integers(0, 1))), now
    around = draw(st.sampled_from(DST_DAYS[zone]) | st.dates(date(2026, 1, 10), date(2026, 12, 20)))
    first_day = around - timedelta(days=draw(st.integers(0, 2)))
    last_day = first_day + timedelta(days=draw(st.integers(0, 4)))
    before = timedelta(minutes=draw(st.integers(-24 * 60, 4 * 24 * 60)))
    now = datetime.combine(first_day, time(0), tzinfo=UTC) - before
    return first_day, last_day, now


@st.composite
def schedules(draw: st.DrawFn, zone: str, first_day: date, night: bool) -> dict[str, Any]:
    """The fields calendars of slots and of resources share; at `night`, no closure, no notice,
    the longest window."""
    count = draw(st.integers(1, 3))
    opening = tuple(draw(opening_hours(f"h{n}", first_day, night)) for n in range(count))
    if night:
        return {"zone": zone, "opening_hours": opening, "booking_window_days": 180}
    closures = draw(
        st.lists(
            st.tuples(st.integers(-3, 8), st.integers(0, 2)).map(
                lambda t: Closure(first_day + timedelta(t[0]), first_day + timedelta(sum(t)))
            ),
            max_size=2,
        )
    )
    holidays = draw(st.sets(st.integers(-2, 8).map(lambda n: first_day + timedelta(n)), max_size=2))
    notice = st.sampled_from([0, 0, 30, 120, 24 * 60]) | st.integers(0, 72 * 60)
    return {
        "zone": zone,
        "opening_hours": opening,
        "closures": tuple(closures),
        "holidays": frozenset(holidays),
        "minimum_notice": timedelta(minutes=draw(notice)),
        "booking_window_days": draw(st.sampled_from([0, 1, 3, 7, 30, 30, 180, 180])),
    }


@st.composite
def occupations(draw: st.DrawFn, first_day: date, now: datetime) -> list[Occupation]:
    """Meetings, many of them at a few busy times so that slots fill up."""
    origin = datetime.combine(first_day, time(0), tzinfo=UTC) - timedelta(hours=14)
    busy = draw(st.lists(st.integers(0, 6 * 24 * 4).map(lambda n: n * 15), min_size=1, max_size=4))
    found = []
    for _ in range(draw(st.integers(0, 30))):
        near = draw(st.sampled_from(busy)) + draw(st.integers(-60, 60))
        start = origin + timedelta(minutes=draw(st.just(near) | st.integers(0, 7 * 24 * 60)))
        end = start + timedelta(minutes=draw(st.integers(1, 180)))
        expiring = st.sampled_from([-1, 0, 1]) | st.integers(-60, 60)
        hold = draw(st.none() | expiring.map(lambda m: now + timedelta(minutes=m)))
        ident = draw(st.sampled_from(["", "", "h0", "h1", "h2"]))
        found.append(Occupation(start, end, hold, ident))
    return found


@st.composite
def slot_cases(
    draw: st.DrawFn, night: bool = False
) -> tuple[CalendarRules, date, date, datetime, list[Occupation]]:
    zone = draw(st.sampled_from(CHANGING_ZONES if night else sorted(DST_DAYS)))
    first_day, last_day, now = draw(periods(zone, night))
    rules = CalendarRules(**draw(schedules(zone, first_day, night)))
    return rules, first_day, last_day, now, draw(occupations(first_day, now))


@st.composite
def interval_cases(
    draw: st.DrawFn, night: bool = False
) -> tuple[IntervalRules, date, date, datetime, list[Occupation]]:
    zone = draw(st.sampled_from(CHANGING_ZONES if night else sorted(DST_DAYS)))
    first_day, last_day, now = draw(periods(zone, night))
    minimum = draw(st.sampled_from([15, 30, 60, 90]))
    rules = IntervalRules(
        **draw(schedules(zone, first_day, night)),
        minimum_minutes=minimum,
        maximum_minutes=minimum + draw(st.sampled_from([0, 30, 120, 600])),
        granularity_minutes=draw(st.sampled_from([15, 30, 60])),
        buffer_minutes=draw(st.sampled_from([0, 10, 15, 30])),
    )
    return rules, first_day, last_day, now, draw(occupations(first_day, now))


SLOT_CASES = slot_cases() | slot_cases(night=True)
INTERVAL_CASES = interval_cases() | interval_cases(night=True)


def expected_slots(
    rules: CalendarRules, first_day: date, last_day: date, now: datetime
) -> set[tuple[datetime, datetime, str]]:
    """Every bookable slot, built from the brute-force openings."""
    today = now.astimezone(ZoneInfo(rules.zone)).date()
    found = set()
    for day in days_of(first_day, min(last_day, today + timedelta(rules.booking_window_days))):
        if closed(day, rules.closures, rules.holidays):
            continue
        for hours in (h for h in rules.opening_hours if h.opens_on(day)):
            start, close = opening_of(rules.zone, hours, day)
            length = timedelta(minutes=hours.slot_minutes)
            while start + length <= close:
                if start >= now + rules.minimum_notice:
                    found.add((start, start + length, hours.id))
                start += length + timedelta(minutes=hours.buffer_minutes)
    return found


# Fixed slots


@SETTINGS
@given(SLOT_CASES)
def test_slots_are_exactly_those_of_open_bookable_days(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]],
) -> None:
    """None outside opening hours, on a closure or holiday, too soon or too far; none missing."""
    rules, first_day, last_day, now, taken = case
    slots = free_slots(rules, first_day, last_day, now, taken)
    assert {(s.start, s.end, s.opening_hours_id) for s in slots} == expected_slots(
        rules, first_day, last_day, now
    )


@SETTINGS
@given(SLOT_CASES)
def test_free_places_are_capacity_less_live_overlapping_meetings_never_negative(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]],
) -> None:
    rules, first_day, last_day, now, taken = case
    capacity = {hours.id: hours.capacity for hours in rules.opening_hours}
    for slot in free_slots(rules, first_day, last_day, now, taken):
        overlapping = [
            o
            for o in taken
            if counts(o, now)
            and o.start < slot.end
            and slot.start < o.end
            and o.opening_hours_id in ("", slot.opening_hours_id)
        ]
        assert slot.capacity == capacity[slot.opening_hours_id]
        assert 0 <= slot.free <= slot.capacity
        assert slot.free == max(0, slot.capacity - len(overlapping))
        if len(overlapping) >= slot.capacity:
            assert slot.free == 0  # a full booking leaves nothing to offer


@SETTINGS
@given(SLOT_CASES, st.data())
def test_a_slot_is_full_once_its_capacity_is_booked(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]], data: st.DataObject
) -> None:
    """Meetings drawn on the slots themselves, whole or in part: none over a full booking."""
    rules, first_day, last_day, now, _ = case
    empty = free_slots(rules, first_day, last_day, now, [])
    taken = []
    for slot in data.draw(st.lists(st.sampled_from(empty), max_size=8)) if empty else []:
        for _ in range(data.draw(st.integers(0, slot.capacity + 1))):
            length = (slot.end - slot.start) // MINUTE
            start = slot.start + data.draw(st.integers(-30, length - 1)) * MINUTE
            end = max(start, slot.start) + data.draw(st.integers(1, 90)) * MINUTE
            ident = data.draw(st.sampled_from(["", slot.opening_hours_id]))
            taken.append(Occupation(start, end, None, ident))
    for slot in free_slots(rules, first_day, last_day, now, taken):
        overlapping = sum(
            o.start < slot.end
            and slot.start < o.end
            and o.opening_hours_id in ("", slot.opening_hours_id)
            for o in taken
        )
        assert slot.free == max(0, slot.capacity - overlapping)


Rules = TypeVar("Rules", CalendarRules, IntervalRules)


def reordered(rules: Rules, shuffler: random.Random) -> Rules:
    """The same rules with their opening hours and closures in another order."""
    return replace(
        rules,
        opening_hours=tuple(shuffler.sample(rules.opening_hours, len(rules.opening_hours))),
        closures=tuple(shuffler.sample(rules.closures, len(rules.closures))),
    )


@SETTINGS
@given(SLOT_CASES, st.randoms(use_true_random=False))
def test_slots_do_not_depend_on_the_order_of_inputs(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]], shuffler: random.Random
) -> None:
    rules, first_day, last_day, now, taken = case
    assert free_slots(rules, first_day, last_day, now, taken) == free_slots(
        reordered(rules, shuffler), first_day, last_day, now, shuffler.sample(taken, len(taken))
    )


@SETTINGS
@given(SLOT_CASES)
def test_slots_are_sorted_unique_in_utc_and_do_not_overlap_within_an_opening_hour(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]],
) -> None:
    rules, first_day, last_day, now, taken = case
    slots = free_slots(rules, first_day, last_day, now, taken)
    keys = [(s.start, s.opening_hours_id) for s in slots]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert all(s.start.utcoffset() == timedelta(0) for s in slots)
    length = {h.id: timedelta(minutes=h.slot_minutes) for h in rules.opening_hours}
    assert all(s.end - s.start == length[s.opening_hours_id] for s in slots)  # in real time
    for _, group in itertools.groupby(sorted(slots, key=lambda s: s.opening_hours_id), key=_id):
        ordered = sorted(group, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(ordered))


def _id(slot: Slot) -> str:
    return slot.opening_hours_id


@SETTINGS
@given(SLOT_CASES, st.data())
def test_slot_at_agrees_with_free_slots(
    case: tuple[CalendarRules, date, date, datetime, list[Occupation]], data: st.DataObject
) -> None:
    rules, first_day, last_day, now, _ = case
    slots = free_slots(rules, first_day, last_day, now, [])
    for slot in slots:
        assert slot_at(rules, slot.start, now, slot.opening_hours_id) == slot
        assert slot_problem(rules, slot.start, now) is None
    starts = {slot.start for slot in slots}
    zone = ZoneInfo(rules.zone)
    origin = datetime.combine(first_day, time(0), tzinfo=UTC) - timedelta(hours=15)
    for minutes in data.draw(st.lists(st.integers(0, (last_day - first_day).days * 1440 + 2400))):
        moment = origin + timedelta(minutes=minutes)
        if not first_day <= moment.astimezone(zone).date() <= last_day:
            continue
        assert (slot_problem(rules, moment, now) is None) == (moment in starts)
        assert (slot_at(rules, moment, now) is None) == (moment not in starts)


# Intervals of resources


def widened(rules: IntervalRules, taken: list[Occupation], now: datetime) -> list[Occupation]:
    return [o for o in taken if counts(o, now)]


def clashes(start: datetime, end: datetime, buffer: int, others: list[Occupation]) -> bool:
    mine = blocked_range(start, end, buffer)
    return any(
        mine[0] < theirs[1] and theirs[0] < mine[1]
        for theirs in (blocked_range(o.start, o.end, buffer) for o in others)
    )


@SETTINGS
@given(INTERVAL_CASES)
def test_free_intervals_are_bookable_and_clear_of_bookings(
    case: tuple[IntervalRules, date, date, datetime, list[Occupation]],
) -> None:
    rules, first_day, last_day, now, taken = case
    found = free_intervals(rules, first_day, last_day, now, taken)
    live = widened(rules, taken, now)
    zone = ZoneInfo(rules.zone)
    for interval in found:
        assert interval.end - interval.start >= timedelta(minutes=rules.minimum_minutes)
        assert set(interval_problems(rules, interval.start, interval.end, now)) <= {"TOO_LONG"}
        assert not clashes(interval.start, interval.end, rules.buffer_minutes, live)
        assert first_day <= interval.start.astimezone(zone).date() <= last_day
    assert all(a.end < b.start for a, b in itertools.pairwise(found))


@SETTINGS
@given(INTERVAL_CASES, st.data())
def test_every_bookable_interval_lies_in_a_free_stretch(
    case: tuple[IntervalRules, date, date, datetime, list[Occupation]], data: st.DataObject
) -> None:
    rules, first_day, last_day, now, taken = case
    found = free_intervals(rules, first_day, last_day, now, taken)
    live = widened(rules, taken, now)
    zone = ZoneInfo(rules.zone)
    step = timedelta(minutes=rules.granularity_minutes)
    day = data.draw(st.sampled_from(days_of(first_day, last_day)))
    for hours in rules.opening_hours:
        opened, _ = opening_of(rules.zone, hours, day)
        for k, steps in data.draw(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 16)))):
            candidate = Interval(opened + k * step, opened + (k + steps) * step)
            if (candidate.end - MINUTE).astimezone(zone).date() > last_day:
                continue
            if interval_problems(rules, candidate.start, candidate.end, now):
                continue
            if clashes(candidate.start, candidate.end, rules.buffer_minutes, live):
                continue
            assert any(i.start <= candidate.start and candidate.end <= i.end for i in found)


@SETTINGS
@given(INTERVAL_CASES, st.randoms(use_true_random=False))
def test_free_intervals_do_not_depend_on_the_order_of_inputs(
    case: tuple[IntervalRules, date, date, datetime, list[Occupation]], shuffler: random.Random
) -> None:
    rules, first_day, last_day, now, taken = case
    assert free_intervals(rules, first_day, last_day, now, taken) == free_intervals(
        reordered(rules, shuffler), first_day, last_day, now, shuffler.sample(taken, len(taken))
    )


@SETTINGS
@given(INTERVAL_CASES, st.integers(-600, 12 * 1440), st.integers(-60, 600))
def test_interval_problems_are_known_codes_in_a_fixed_order(
    case: tuple[IntervalRules, date, date, datetime, list[Occupation]], offset: int, length: int
) -> None:
    rules, first_day, _, now, _ = case
    start = datetime.combine(first_day, time(0), tzinfo=UTC) + timedelta(minutes=offset)
    problems = interval_problems(rules, start, start + timedelta(minutes=length), now)
    if length <= 0:
        assert problems == ["END_BEFORE_START"]
    else:
        assert problems == [code for code in INTERVAL_CODES if code in problems]
        assert ("TOO_SHORT" in problems) == (length < rules.minimum_minutes)
        assert ("TOO_LONG" in problems) == (length > rules.maximum_minutes)
        assert ("TOO_SOON" in problems) == (start < now + rules.minimum_notice)
