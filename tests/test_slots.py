"""The slot computation (models/slots) against DOMAIN.md's "Slots", DST days of 2026 included."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

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
    italian_holidays,
    slot_at,
    slot_problem,
)

ROME = ZoneInfo("Europe/Rome")
WEEKDAYS = frozenset({1, 2, 3, 4, 5})
EVERY_DAY = frozenset(range(1, 8))
MONDAY = date(2026, 3, 2)
SPRING_FORWARD = date(2026, 3, 29)  # Europe/Rome: 02:00 CET → 03:00 CEST
FALL_BACK = date(2026, 10, 25)  # Europe/Rome: 03:00 CEST → 02:00 CET


def rome(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute, fold=fold), tzinfo=ROME)


def hours(begin: str, end: str, weekdays: frozenset[int] = EVERY_DAY, **extra: Any) -> OpeningHours:
    return OpeningHours(weekdays, time.fromisoformat(begin), time.fromisoformat(end), **extra)


def calendar(*opening: OpeningHours, **extra: Any) -> CalendarRules:
    return CalendarRules("Europe/Rome", opening, **extra)


def week_before(day: date) -> datetime:
    """A `now` a week before `day`, well inside the default booking window."""
    return datetime.combine(day - timedelta(days=7), time(12), tzinfo=UTC)


def local_starts(slots: list[Slot]) -> list[str]:
    """Starts as the zone's clocks show them, with the offset to tell repeated times apart."""
    return [slot.start.astimezone(ROME).strftime("%H:%M%z") for slot in slots]


def day_slots(rules: CalendarRules, day: date, taken: list[Occupation] | None = None) -> list[Slot]:
    return free_slots(rules, day, day, week_before(day), taken or [])


# Fixed slots: which exist


def test_a_morning_opening_has_eight_half_hour_slots() -> None:
    slots = day_slots(calendar(hours("08:00", "12:00")), MONDAY)
    assert local_starts(slots) == [f"{h:02}:{m:02}+0100" for h in range(8, 12) for m in (0, 30)]
    assert all(slot.end - slot.start == timedelta(minutes=30) for slot in slots)
    assert all(slot.start.tzinfo is UTC for slot in slots)


def test_slots_repeat_every_length_plus_buffer() -> None:
    slots = day_slots(calendar(hours("09:00", "11:00", slot_minutes=20, buffer_minutes=10)), MONDAY)
    assert local_starts(slots) == ["09:00+0100", "09:30+0100", "10:00+0100", "10:30+0100"]
    assert [slot.end.astimezone(ROME).strftime("%H:%M") for slot in slots][-1] == "10:50"


def test_a_slot_exists_only_if_it_ends_by_the_opening_end() -> None:
    slots = day_slots(calendar(hours("09:00", "10:45")), MONDAY)
    assert local_starts(slots) == ["09:00+0100", "09:30+0100", "10:00+0100"]


def test_an_opening_may_end_at_midnight() -> None:
    slots = day_slots(calendar(hours("22:00", "00:00", slot_minutes=60)), MONDAY)
    assert local_starts(slots) == ["22:00+0100", "23:00+0100"]
    assert slots[-1].end == rome(MONDAY + timedelta(days=1), 0)


def test_several_ranges_a_day() -> None:
    rules = calendar(hours("09:00", "10:00"), hours("15:00", "16:00"))
    assert local_starts(day_slots(rules, MONDAY)) == [
        "09:00+0100",
        "09:30+0100",
        "15:00+0100",
        "15:30+0100",
    ]


def test_opening_hours_apply_on_their_weekdays_only() -> None:
    rules = calendar(hours("09:00", "10:00", weekdays=frozenset({1})))
    slots = free_slots(rules, MONDAY, MONDAY + timedelta(days=6), week_before(MONDAY), [])
    assert {slot.start.astimezone(ROME).date() for slot in slots} == {MONDAY}


def test_validity_periods_switch_to_summer_hours() -> None:
    winter = hours("09:00", "10:00", valid_until=date(2026, 6, 14), id="winter")
    summer = hours("08:00", "09:00", valid_from=date(2026, 6, 15), id="summer")
    rules = calendar(winter, summer, booking_window_days=180)
    now = datetime(2026, 6, 1, tzinfo=UTC)
    slots = free_slots(rules, date(2026, 6, 12), date(2026, 6, 16), now, [])
    by_day = {(s.start.astimezone(ROME).date(), s.opening_hours_id) for s in slots}
    assert by_day == {
        (date(2026, 6, 12), "winter"),
        (date(2026, 6, 13), "winter"),
        (date(2026, 6, 14), "winter"),
        (date(2026, 6, 15), "summer"),
        (date(2026, 6, 16), "summer"),
    }


def test_overlapping_opening_hours_give_slots_of_both_sorted_by_start_then_id() -> None:
    rules = calendar(
        hours("09:00", "10:00", capacity=2, id="b"), hours("09:30", "10:30", capacity=1, id="a")
    )
    slots = day_slots(rules, MONDAY)
    assert [(s.start.astimezone(ROME).strftime("%H:%M"), s.opening_hours_id) for s in slots] == [
        ("09:00", "b"),
        ("09:30", "a"),
        ("09:30", "b"),
        ("10:00", "a"),
    ]
    assert [s.capacity for s in slots] == [2, 1, 2, 1]


def test_no_slots_on_a_closure() -> None:
    rules = calendar(
        hours("09:00", "10:00"), closures=(Closure(MONDAY, MONDAY + timedelta(days=1)),)
    )
    slots = free_slots(rules, MONDAY, MONDAY + timedelta(days=2), week_before(MONDAY), [])
    assert {s.start.astimezone(ROME).date() for s in slots} == {MONDAY + timedelta(days=2)}


def test_no_slots_on_easter_monday_or_the_patron_day() -> None:
    rules = calendar(hours("09:00", "10:00"), holidays=italian_holidays([2026], (4, 7)))
    easter_monday = date(2026, 4, 6)
    slots = free_slots(
        rules, easter_monday, easter_monday + timedelta(2), week_before(easter_monday), []
    )
    assert {s.start.astimezone(ROME).date() for s in slots} == {date(2026, 4, 8)}


def test_reversed_days_give_no_slots() -> None:
    rules = calendar(hours("09:00", "10:00"))
    assert free_slots(rules, MONDAY, MONDAY - timedelta(days=1), week_before(MONDAY), []) == []


# Fixed slots: when they may be booked


def test_slots_before_now_plus_notice_are_not_offered() -> None:
    rules = calendar(hours("08:00", "12:00"), minimum_notice=timedelta(hours=2))
    now = rome(MONDAY, 8, 40)
    slots = free_slots(rules, MONDAY, MONDAY, now, [])
    assert local_starts(slots) == ["11:00+0100", "11:30+0100"]


def test_a_slot_starting_exactly_now_plus_notice_is_offered() -> None:
    rules = calendar(hours("08:00", "12:00"))
    slots = free_slots(rules, MONDAY, MONDAY, rome(MONDAY, 11), [])
    assert local_starts(slots) == ["11:00+0100", "11:30+0100"]


def test_the_booking_window_counts_whole_local_days() -> None:
    rules = calendar(hours("08:00", "09:00"), booking_window_days=2)
    now = rome(MONDAY, 15)
    slots = free_slots(rules, MONDAY, MONDAY + timedelta(days=5), now, [])
    assert {s.start.astimezone(ROME).date() for s in slots} == {
        MONDAY + timedelta(days=1),
        MONDAY + timedelta(days=2),
    }
    assert len(slots) == 4  # the 08:00 slots of the last day too, though now is 15:00


def test_a_zero_window_offers_only_what_is_left_of_today() -> None:
    rules = calendar(hours("08:00", "10:00"), booking_window_days=0)
    slots = free_slots(rules, MONDAY, MONDAY + timedelta(days=3), rome(MONDAY, 9), [])
    assert local_starts(slots) == ["09:00+0100", "09:30+0100"]


# Fixed slots: free places


def test_free_places_are_capacity_less_overlapping_meetings() -> None:
    rules = calendar(hours("09:00", "10:00", capacity=3))
    taken = [
        Occupation(rome(MONDAY, 9), rome(MONDAY, 9, 30)),
        Occupation(rome(MONDAY, 9, 15), rome(MONDAY, 9, 45)),  # overlaps both slots
    ]
    assert [s.free for s in day_slots(rules, MONDAY, taken)] == [1, 2]


def test_free_places_never_go_below_zero() -> None:
    rules = calendar(hours("09:00", "09:30", capacity=2))
    taken = [Occupation(rome(MONDAY, 9), rome(MONDAY, 9, 30)) for _ in range(5)]
    assert [(s.capacity, s.free) for s in day_slots(rules, MONDAY, taken)] == [(2, 0)]


def test_meetings_touching_a_slot_do_not_take_its_place() -> None:
    rules = calendar(hours("09:00", "10:30"))
    taken = [
        Occupation(rome(MONDAY, 8, 30), rome(MONDAY, 9)),
        Occupation(rome(MONDAY, 9, 30), rome(MONDAY, 10)),
        Occupation(rome(MONDAY, 10, 30), rome(MONDAY, 11)),
    ]
    assert [s.free for s in day_slots(rules, MONDAY, taken)] == [1, 0, 1]


def test_expired_holds_free_their_place_and_live_ones_do_not() -> None:
    rules = calendar(hours("09:00", "10:30"))
    now = week_before(MONDAY)
    taken = [
        Occupation(rome(MONDAY, 9), rome(MONDAY, 9, 30), hold_expires_at=now - timedelta(1)),
        Occupation(rome(MONDAY, 9, 30), rome(MONDAY, 10), hold_expires_at=now),
        Occupation(rome(MONDAY, 10), rome(MONDAY, 10, 30), now + timedelta(minutes=1)),
    ]
    assert [s.free for s in free_slots(rules, MONDAY, MONDAY, now, taken)] == [1, 1, 0]


def test_capacity_is_per_opening_hour_when_the_meeting_names_it() -> None:
    rules = calendar(hours("09:00", "09:30", id="a"), hours("09:00", "09:30", id="b"))
    taken = [Occupation(rome(MONDAY, 9), rome(MONDAY, 9, 30), opening_hours_id="a")]
    assert [(s.opening_hours_id, s.free) for s in day_slots(rules, MONDAY, taken)] == [
        ("a", 0),
        ("b", 1),
    ]


def test_a_meeting_without_opening_hour_takes_a_place_in_every_slot_it_overlaps() -> None:
    rules = calendar(hours("09:00", "09:30", id="a"), hours("09:00", "09:30", id="b"))
    taken = [Occupation(rome(MONDAY, 9), rome(MONDAY, 9, 30))]
    assert [s.free for s in day_slots(rules, MONDAY, taken)] == [0, 0]


def test_results_do_not_depend_on_the_order_of_inputs() -> None:
    opening = (hours("09:00", "11:00", id="a", capacity=2), hours("10:00", "12:00", id="b"))
    closures = (Closure(MONDAY + timedelta(1), MONDAY + timedelta(1)), Closure(MONDAY, MONDAY))
    taken = [
        Occupation(rome(MONDAY + timedelta(2), 10), rome(MONDAY + timedelta(2), 11)),
        Occupation(rome(MONDAY + timedelta(3), 9), rome(MONDAY + timedelta(3), 10), None, "a"),
    ]
    forward = calendar(*opening, closures=closures)
    backward = calendar(*reversed(opening), closures=tuple(reversed(closures)))
    now, last = week_before(MONDAY), MONDAY + timedelta(days=6)
    assert free_slots(forward, MONDAY, last, now, taken) == free_slots(
        backward, MONDAY, last, now, list(reversed(taken))
    )


def test_naive_datetimes_are_refused_as_bugs() -> None:
    rules = calendar(hours("09:00", "10:00"))
    with pytest.raises(ValueError, match="aware"):
        free_slots(rules, MONDAY, MONDAY, datetime(2026, 3, 1), [])
    with pytest.raises(ValueError, match="aware"):
        free_slots(
            rules,
            MONDAY,
            MONDAY,
            week_before(MONDAY),
            [Occupation(datetime(2026, 3, 2, 9), rome(MONDAY, 10))],
        )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: hours("10:00", "09:00"), "ends after it begins"),
        (lambda: hours("09:00", "09:00"), "ends after it begins"),
        (lambda: hours("09:00", "10:00", weekdays=frozenset({0})), "ISO 1..7"),
        (lambda: hours("09:00", "10:00", slot_minutes=0), "slot_minutes"),
        (lambda: hours("09:00", "10:00", capacity=-1), "capacity"),
        (lambda: calendar(hours("09:00", "10:00"), booking_window_days=181), "window"),
        (lambda: calendar(hours("09:00", "10:00"), minimum_notice=timedelta(-1)), "notice"),
        (lambda: Closure(MONDAY, MONDAY - timedelta(days=1)), "ends after it begins"),
        (lambda: resource(hours("09:00", "10:00"), minimum_minutes=90, maximum_minutes=60), "≤"),
    ],
)
def test_impossible_rules_are_refused(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ZoneInfoNotFoundError):
        CalendarRules("Europe/Atlantis", ())


# Fixed slots: the DST days of 2026 in Europe/Rome


def test_a_morning_opening_has_eight_slots_on_the_spring_dst_day() -> None:
    slots = day_slots(calendar(hours("08:00", "12:00")), SPRING_FORWARD)
    assert len(slots) == 8
    assert slots[0].start == datetime(2026, 3, 29, 6, tzinfo=UTC)  # 08:00 CEST
    assert local_starts(slots)[-1] == "11:30+0200"


def test_a_morning_opening_has_eight_slots_on_the_autumn_dst_day() -> None:
    slots = day_slots(calendar(hours("08:00", "12:00")), FALL_BACK)
    assert len(slots) == 8
    assert slots[0].start == datetime(2026, 10, 25, 7, tzinfo=UTC)  # 08:00 CET


def test_a_night_opening_loses_the_skipped_hour_in_spring() -> None:
    slots = day_slots(calendar(hours("01:00", "04:00")), SPRING_FORWARD)
    assert local_starts(slots) == ["01:00+0100", "01:30+0100", "03:00+0200", "03:30+0200"]
    assert all(slot.end - slot.start == timedelta(minutes=30) for slot in slots)


def test_a_slot_across_the_spring_change_lasts_its_real_length() -> None:
    slots = day_slots(calendar(hours("01:00", "04:00", slot_minutes=60)), SPRING_FORWARD)
    assert [(s.start, s.end) for s in slots] == [
        (rome(SPRING_FORWARD, 1), rome(SPRING_FORWARD, 3)),  # 01:00 CET to 03:00 CEST: one hour
        (rome(SPRING_FORWARD, 3), rome(SPRING_FORWARD, 4)),
    ]
    assert all(s.end - s.start == timedelta(hours=1) for s in slots)


def test_a_night_opening_has_the_repeated_hour_twice_in_autumn() -> None:
    slots = day_slots(calendar(hours("01:00", "04:00")), FALL_BACK)
    assert local_starts(slots) == [
        "01:00+0200",
        "01:30+0200",
        "02:00+0200",
        "02:30+0200",
        "02:00+0100",
        "02:30+0100",
        "03:00+0100",
        "03:30+0100",
    ]
    assert len({slot.start for slot in slots}) == 8
    assert all(b.start - a.start == timedelta(minutes=30) for a, b in itertools.pairwise(slots))


def test_a_slot_across_the_autumn_change_lasts_its_real_length() -> None:
    slots = day_slots(calendar(hours("02:00", "03:00", slot_minutes=60)), FALL_BACK)
    # 02:00 CEST to 03:00 CET is two real hours: two one-hour slots, the second from 02:00 CET
    assert local_starts(slots) == ["02:00+0200", "02:00+0100"]


def test_an_opening_at_the_nonexistent_0230_opens_when_the_clocks_jump() -> None:
    rules = calendar(hours("02:30", "04:00"))
    assert local_starts(day_slots(rules, SPRING_FORWARD)) == ["03:00+0200", "03:30+0200"]
    assert local_starts(day_slots(rules, SPRING_FORWARD - timedelta(7))) == [
        "02:30+0100",
        "03:00+0100",
        "03:30+0100",
    ]


def test_an_opening_wholly_in_the_skipped_hour_has_no_slots() -> None:
    assert day_slots(calendar(hours("02:00", "03:00")), SPRING_FORWARD) == []


def test_an_opening_ending_at_the_repeated_0230_ends_at_its_first_occurrence() -> None:
    slots = day_slots(calendar(hours("01:00", "02:30")), FALL_BACK)
    assert local_starts(slots) == ["01:00+0200", "01:30+0200", "02:00+0200"]


def test_the_nonexistent_0230_is_no_slot_of_a_day_opening() -> None:
    rules = calendar(hours("08:00", "12:00"))
    # 02:30 "+01:00" does not exist on the wall clock; as an instant it is 03:30 CEST
    nonexistent = datetime(2026, 3, 29, 2, 30, tzinfo=ROME)
    assert slot_problem(rules, nonexistent, week_before(SPRING_FORWARD)) == "NOT_A_SLOT"


def test_both_repeated_0230_slots_can_be_requested() -> None:
    rules = calendar(hours("01:00", "04:00"))
    now = week_before(FALL_BACK)
    first, second = rome(FALL_BACK, 2, 30, fold=0), rome(FALL_BACK, 2, 30, fold=1)
    found = [slot_at(rules, first, now), slot_at(rules, second, now)]
    assert [s.start if s else None for s in found] == [
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ]


def test_the_slot_after_the_spring_jump_is_found_whichever_offset_names_it() -> None:
    rules = calendar(hours("01:00", "04:00"))
    now = week_before(SPRING_FORWARD)
    as_cest = rome(SPRING_FORWARD, 3, 30)
    as_cet = datetime(2026, 3, 29, 2, 30, tzinfo=ROME)  # the same instant, read before the jump
    assert slot_at(rules, as_cest, now) == slot_at(rules, as_cet, now) is not None


# slot_at and slot_problem: the server recomputes the requested slot


def test_slot_at_gives_the_slot_with_all_places_free() -> None:
    rules = calendar(hours("09:00", "10:00", capacity=3, id="desk"))
    slot = slot_at(rules, rome(MONDAY, 9, 30), week_before(MONDAY))
    assert slot == Slot(rome(MONDAY, 9, 30), rome(MONDAY, 10), 3, 3, "desk")
    assert slot.start.tzinfo is UTC


def test_slot_at_accepts_the_start_in_any_offset() -> None:
    rules = calendar(hours("09:00", "10:00"))
    as_utc = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    assert slot_at(rules, as_utc, week_before(MONDAY)) is not None


@pytest.mark.parametrize(
    ("start", "now", "problem"),
    [
        (rome(MONDAY, 9, 30), week_before(MONDAY), None),
        (rome(MONDAY, 9, 10), week_before(MONDAY), "NOT_A_SLOT"),
        (rome(MONDAY, 10), week_before(MONDAY), "NOT_A_SLOT"),  # would end after 10:00
        (rome(MONDAY - timedelta(1), 9), week_before(MONDAY), "NOT_A_SLOT"),  # a Sunday
        (rome(MONDAY, 9), rome(MONDAY, 8, 30), "TOO_SOON"),
        (rome(MONDAY, 9), rome(MONDAY, 10), "TOO_SOON"),
        (rome(MONDAY, 9), rome(MONDAY - timedelta(31), 12), "TOO_FAR"),
        (rome(date(2026, 4, 6), 9), week_before(date(2026, 4, 6)), "CLOSED"),  # Easter Monday
    ],
)
def test_slot_problem_says_why_a_start_is_not_bookable(
    start: datetime, now: datetime, problem: str | None
) -> None:
    rules = calendar(
        hours("09:00", "10:00", weekdays=WEEKDAYS),
        minimum_notice=timedelta(hours=1),
        holidays=italian_holidays([2026], None),
    )
    assert slot_problem(rules, start, now) == problem
    assert (slot_at(rules, start, now) is None) == (problem is not None)


def test_slot_problem_reports_a_closure_as_closed() -> None:
    rules = calendar(hours("09:00", "10:00"), closures=(Closure(MONDAY, MONDAY),))
    assert slot_problem(rules, rome(MONDAY, 9), week_before(MONDAY)) == "CLOSED"


def test_slot_at_picks_the_opening_hour_asked_or_the_lowest_id() -> None:
    rules = calendar(hours("09:00", "10:00", id="b"), hours("09:00", "10:00", id="a"))
    now = week_before(MONDAY)
    lowest = slot_at(rules, rome(MONDAY, 9), now)
    assert lowest is not None
    assert lowest.opening_hours_id == "a"
    chosen = slot_at(rules, rome(MONDAY, 9), now, opening_hours_id="b")
    assert chosen is not None
    assert chosen.opening_hours_id == "b"
    assert slot_problem(rules, rome(MONDAY, 9), now, opening_hours_id="c") == "NOT_A_SLOT"


# Italian holidays


def test_italian_holidays_include_the_national_ones_and_easter_monday() -> None:
    days = italian_holidays([2026, 2027], None)
    for day in [
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 4, 6),  # Easter Monday 2026
        date(2026, 4, 25),
        date(2026, 5, 1),
        date(2026, 6, 2),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 12, 8),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2027, 3, 29),  # Easter Monday 2027
    ]:
        assert day in days
    assert date(2026, 4, 7) not in days
    assert date(2026, 6, 29) not in days


def test_italian_holidays_add_the_patron_day_of_every_year() -> None:
    days = italian_holidays([2026, 2027], (6, 29))  # Saints Peter and Paul, Rome
    assert {date(2026, 6, 29), date(2027, 6, 29)} <= days


def test_a_patron_day_on_29_february_falls_in_leap_years_only() -> None:
    days = italian_holidays([2027, 2028], (2, 29))
    assert date(2028, 2, 29) in days
    assert not any(day.year == 2027 and day.month in (2, 3) and day.day < 10 for day in days)
    with pytest.raises(ValueError, match="day is out of range"):
        italian_holidays([2026], (2, 30))


# Intervals of resources


def resource(*opening: OpeningHours, **extra: Any) -> IntervalRules:
    return IntervalRules("Europe/Rome", opening, **extra)


def local_spans(intervals: list[Interval]) -> list[str]:
    return [f"{i.start.astimezone(ROME):%H:%M}-{i.end.astimezone(ROME):%H:%M}" for i in intervals]


def day_intervals(
    rules: IntervalRules, day: date, taken: list[Occupation] | None = None
) -> list[str]:
    return local_spans(free_intervals(rules, day, day, week_before(day), taken or []))


def test_a_free_day_is_one_stretch_of_the_opening() -> None:
    assert day_intervals(resource(hours("09:00", "18:00")), MONDAY) == ["09:00-18:00"]


def test_a_booking_and_its_buffer_are_kept_clear_on_the_grid() -> None:
    rules = resource(hours("09:00", "18:00"), buffer_minutes=15)
    taken = [Occupation(rome(MONDAY, 11), rome(MONDAY, 12))]
    # blocked 11:00–12:15; a new booking's own buffer must end by 11:00 too: free until 10:45
    assert day_intervals(rules, MONDAY, taken) == ["09:00-10:30", "12:30-18:00"]


def test_stretches_shorter_than_the_minimum_are_left_out() -> None:
    rules = resource(hours("09:00", "12:00"), minimum_minutes=60)
    taken = [Occupation(rome(MONDAY, 9, 30), rome(MONDAY, 10, 30))]
    assert day_intervals(rules, MONDAY, taken) == ["10:30-12:00"]


def test_expired_holds_do_not_block_a_resource() -> None:
    rules = resource(hours("09:00", "12:00"))
    now = week_before(MONDAY)
    taken = [Occupation(rome(MONDAY, 10), rome(MONDAY, 11), hold_expires_at=now)]
    assert local_spans(free_intervals(rules, MONDAY, MONDAY, now, taken)) == ["09:00-12:00"]


def test_touching_openings_merge_and_separate_ones_do_not() -> None:
    rules = resource(hours("09:00", "13:00"), hours("13:00", "15:00"), hours("16:00", "18:00"))
    assert day_intervals(rules, MONDAY) == ["09:00-15:00", "16:00-18:00"]


def test_each_opening_keeps_its_own_grid() -> None:
    rules = resource(hours("09:15", "11:00"), minimum_minutes=60)
    assert day_intervals(rules, MONDAY) == ["09:15-10:45"]


def test_notice_and_window_bound_the_stretches() -> None:
    rules = resource(
        hours("09:00", "18:00"), minimum_notice=timedelta(hours=1), booking_window_days=1
    )
    found = free_intervals(rules, MONDAY, MONDAY + timedelta(3), rome(MONDAY, 10, 10), [])
    assert [(i.start, i.end) for i in found] == [
        (rome(MONDAY, 11, 30), rome(MONDAY, 18)),
        (rome(MONDAY + timedelta(1), 9), rome(MONDAY + timedelta(1), 18)),
    ]


def test_closed_days_have_no_stretches() -> None:
    rules = resource(hours("09:00", "18:00"), holidays=italian_holidays([2026], None))
    easter_monday = date(2026, 4, 6)
    assert day_intervals(rules, easter_monday) == []


def test_a_resource_opening_across_the_spring_change_is_measured_in_real_time() -> None:
    rules = resource(hours("00:00", "06:00"), minimum_minutes=90)
    found = free_intervals(rules, SPRING_FORWARD, SPRING_FORWARD, week_before(SPRING_FORWARD), [])
    assert [(i.start, i.end) for i in found] == [
        (rome(SPRING_FORWARD, 0), rome(SPRING_FORWARD, 6))  # five real hours
    ]
    now = week_before(SPRING_FORWARD)
    one_real_hour = (rome(SPRING_FORWARD, 1), rome(SPRING_FORWARD, 3))
    assert interval_problems(rules, *one_real_hour, now) == ["TOO_SHORT"]


def test_blocked_range_adds_the_buffer_after_the_booking() -> None:
    start, end = rome(MONDAY, 9), rome(MONDAY, 10)
    assert blocked_range(start, end, 15) == (start, rome(MONDAY, 10, 15))
    assert blocked_range(start, end, 0) == (start, end)


@pytest.mark.parametrize(
    ("start", "end", "problems"),
    [
        ((9, 0), (10, 0), []),
        ((9, 0), (12, 0), []),
        ((9, 10), (10, 10), ["OFF_GRID"]),
        ((9, 0), (10, 10), ["OFF_GRID"]),
        ((9, 0), (9, 30), ["TOO_SHORT"]),
        ((9, 0), (13, 0), ["TOO_LONG"]),
        ((8, 0), (9, 30), ["OUTSIDE_OPENING_HOURS"]),
        ((17, 30), (18, 30), ["OUTSIDE_OPENING_HOURS"]),  # across the opening's end
        ((12, 0), (14, 30), ["OUTSIDE_OPENING_HOURS"]),  # across the lunch break
        ((7, 50), (8, 20), ["OUTSIDE_OPENING_HOURS", "OFF_GRID", "TOO_SHORT"]),
        ((10, 0), (10, 0), ["END_BEFORE_START"]),
        ((10, 0), (9, 0), ["END_BEFORE_START"]),
    ],
)
def test_interval_problems_say_what_is_wrong(
    start: tuple[int, int], end: tuple[int, int], problems: list[str]
) -> None:
    rules = resource(
        hours("09:00", "13:00"), hours("14:00", "18:00"), minimum_minutes=60, maximum_minutes=180
    )
    found = interval_problems(rules, rome(MONDAY, *start), rome(MONDAY, *end), week_before(MONDAY))
    assert found == problems


def test_interval_problems_check_notice_window_and_closures() -> None:
    rules = resource(
        hours("09:00", "18:00"),
        minimum_notice=timedelta(hours=2),
        booking_window_days=10,
        closures=(Closure(MONDAY + timedelta(1), MONDAY + timedelta(1)),),
    )
    now = rome(MONDAY, 8)
    assert interval_problems(rules, rome(MONDAY, 9), rome(MONDAY, 10), now) == ["TOO_SOON"]
    assert interval_problems(rules, rome(MONDAY, 10), rome(MONDAY, 11), now) == []
    tuesday = MONDAY + timedelta(1)
    assert interval_problems(rules, rome(tuesday, 10), rome(tuesday, 11), now) == ["CLOSED"]
    later = MONDAY + timedelta(11)
    assert interval_problems(rules, rome(later, 10), rome(later, 11), now) == ["TOO_FAR"]


def test_an_interval_may_run_past_midnight_when_both_days_are_open() -> None:
    rules = resource(hours("20:00", "00:00"), hours("00:00", "02:00"))
    now = week_before(MONDAY)
    start, end = rome(MONDAY, 23), rome(MONDAY + timedelta(1), 1)
    assert interval_problems(rules, start, end, now) == []
    closed_tuesday = resource(
        *rules.opening_hours, closures=(Closure(MONDAY + timedelta(1), MONDAY + timedelta(1)),)
    )
    assert interval_problems(closed_tuesday, start, end, now) == ["CLOSED"]


def test_free_stretches_are_bookable_and_their_neighbours_are_not() -> None:
    rules = resource(hours("09:00", "18:00"), buffer_minutes=30, maximum_minutes=600)
    taken = [Occupation(rome(MONDAY, 12), rome(MONDAY, 13))]
    now = week_before(MONDAY)
    found = free_intervals(rules, MONDAY, MONDAY, now, taken)
    assert local_spans(found) == ["09:00-11:30", "13:30-18:00"]
    for interval in found:
        assert interval_problems(rules, interval.start, interval.end, now) == []
    # the caller's clash check compares blocked ranges: one grid step more would overlap
    theirs = blocked_range(rome(MONDAY, 12), rome(MONDAY, 13), rules.buffer_minutes)
    fits = blocked_range(rome(MONDAY, 9), rome(MONDAY, 11, 30), rules.buffer_minutes)
    too_long = blocked_range(rome(MONDAY, 9), rome(MONDAY, 12), rules.buffer_minutes)
    assert fits[1] <= theirs[0] < too_long[1]
    assert blocked_range(rome(MONDAY, 13), rome(MONDAY, 14), 30)[0] < theirs[1]
