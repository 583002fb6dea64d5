"""Slot benchmark: a month of free slots of a 4-desk calendar, computed and served.

Prints the time of the pure computation (`models.slots.free_slots`) for a month of a calendar
open mornings and two afternoons with 4 desks and a busy month of appointments. Run with
`make bench-slots`; it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.slots import (  # noqa: E402
    CalendarRules,
    Occupation,
    OpeningHours,
    free_slots,
    italian_holidays,
)

DESKS = 4


def rules() -> CalendarRules:
    return CalendarRules(
        zone="Europe/Rome",
        opening_hours=(
            OpeningHours(frozenset({1, 2, 3, 4, 5}), clock(8, 30), clock(12, 30), capacity=DESKS),
            OpeningHours(frozenset({2, 4}), clock(15), clock(17, 30), capacity=DESKS),
        ),
        holidays=italian_holidays([2026, 2027], (8, 10)),
        booking_window_days=60,
    )


def busy_month(first: date, count: int, seed: int = 7) -> list[Occupation]:
    """`count` half-hour appointments spread over the month's opening hours."""
    picker = random.Random(seed)
    taken = []
    for _ in range(count):
        day = first + timedelta(days=picker.randrange(30))
        start = datetime.combine(day, clock(8, 30), tzinfo=UTC) + timedelta(
            minutes=30 * picker.randrange(8)
        )
        taken.append(Occupation(start, start + timedelta(minutes=30)))
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--appointments", type=int, default=500)
    options = parser.parse_args()
    now = datetime(2026, 11, 30, 7, tzinfo=UTC)
    first = date(2026, 12, 1)
    calendar = rules()
    taken = busy_month(first, options.appointments)
    free_slots(calendar, first, first + timedelta(days=30), now, taken)
    timings = []
    for _ in range(options.repeat):
        started = time.perf_counter()
        found = free_slots(calendar, first, first + timedelta(days=30), now, taken)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    print(f"a month of slots: {len(found)} slots, {DESKS} desks, {len(taken)} appointments")
    print(
        f"  median {statistics.median(timings):.2f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.2f} ms ({options.repeat} runs)"
    )


if __name__ == "__main__":
    main()
