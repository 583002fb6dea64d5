"""Appointments as iCalendar (RFC 5545) events, for the citizen's own calendar app."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from icalendar import Calendar, Event


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    """Stable across reschedules, so calendar apps update the event instead of adding one."""
    sequence: int
    """Grows with each reschedule, as RFC 5545 asks of an updated event."""
    start: datetime
    end: datetime
    summary: str
    location: str | None
    description: str | None
    organizer_name: str
    organizer_email: str | None = None
    cancelled: bool = False


def ics(entry: CalendarEntry, stamp: datetime) -> bytes:
    """One VEVENT in a VCALENDAR; `stamp` (DTSTAMP) is passed in so output is reproducible."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sportello//Appointments//IT")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if entry.cancelled else "PUBLISH")
    event = Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.start)
    event.add("dtend", entry.end)
    event.add("summary", entry.summary)
    if entry.location:
        event.add("location", entry.location)
    if entry.description:
        event.add("description", entry.description)
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    if entry.organizer_email:
        event.add(
            "organizer", f"mailto:{entry.organizer_email}", parameters={"CN": entry.organizer_name}
        )
    calendar.add_component(event)
    return bytes(calendar.to_ical())
