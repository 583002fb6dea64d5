"""Appointments as .ics: what a calendar app reads back."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from icalendar import Calendar

from models.ical import CalendarEntry, ics

START = datetime(2026, 12, 2, 7, 30, tzinfo=UTC)
END = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
STAMP = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def entry(**changes: Any) -> CalendarEntry:
    values: dict[str, Any] = {
        "uid": "42@sportello",
        "sequence": 0,
        "start": START,
        "end": END,
        "summary": "Comune di Bugliano – Sportello anagrafe",
        "location": "Piazza del Municipio 1",
        "description": "Rinnovo carta d'identità",
        "organizer_name": "Comune di Bugliano",
        "organizer_email": "urp@comune.bugliano.pi.it",
    }
    values.update(changes)
    return CalendarEntry(**values)


def event_of(content: bytes) -> Any:
    return next(iter(Calendar.from_ical(content).walk("VEVENT")))


def test_an_appointment_reads_back_as_one_confirmed_event() -> None:
    event = event_of(ics(entry(), STAMP))
    assert str(event["UID"]) == "42@sportello"
    assert event["DTSTART"].dt == START
    assert event["DTEND"].dt == END
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:urp@comune.bugliano.pi.it"
    assert "Rinnovo" in str(event["DESCRIPTION"])


def test_a_move_keeps_the_uid_and_raises_the_sequence_and_a_cancellation_says_so() -> None:
    moved = event_of(ics(entry(sequence=2), STAMP))
    assert int(moved["SEQUENCE"]) == 2
    cancelled = ics(entry(cancelled=True), STAMP)
    assert b"METHOD:CANCEL" in cancelled
    assert str(event_of(cancelled)["STATUS"]) == "CANCELLED"


def test_the_same_appointment_gives_the_same_bytes() -> None:
    assert ics(entry(), STAMP) == ics(entry(), STAMP)
