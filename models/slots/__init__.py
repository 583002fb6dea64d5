"""Slot computation for appointments and resource bookings: pure, in the calendar's time zone."""

from models.slots.fixed import CalendarRules, Slot, free_slots, slot_at, slot_problem
from models.slots.intervals import (
    Interval,
    IntervalRules,
    blocked_range,
    free_intervals,
    interval_problems,
)
from models.slots.public_holidays import italian_holidays
from models.slots.rules import Closure, Occupation, OpeningHours

__all__ = [
    "CalendarRules",
    "Closure",
    "Interval",
    "IntervalRules",
    "Occupation",
    "OpeningHours",
    "Slot",
    "blocked_range",
    "free_intervals",
    "free_slots",
    "interval_problems",
    "italian_holidays",
    "slot_at",
    "slot_problem",
]
