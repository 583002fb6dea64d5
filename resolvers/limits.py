"""The most an input may hold, checked before any store work: free text by its meaning,
searches, lists of tags, and the dates and ranges of dates the API takes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from models.slots.rules import MAX_BOOKING_WINDOW_DAYS
from resolvers.errors import ErrorCode, Problem
from resolvers.wording import say

NAME = 200
"""Names and titles: of a service, an office, a resource, a person, an organisation."""
SHORT_REASON = 200
"""A reason shown beside a date: why a calendar is closed ("Ferragosto")."""
REASON = 2_000
"""Short free text: why a booking is made, cancelled or refused, notes, short descriptions."""
MOTIVATION = 5_000
"""The office's motivation of a step on a practice (a decision, a request for integration)."""
TEXT = 10_000
"""Long free text: messages, descriptions, instructions."""
ADDRESS = 300
"""A postal address."""
EMAIL = 254
PHONE = 32
FISCAL_CODE = 16
"""As the columns hold them; their form is checked where they are used."""
TAG = 100
"""One topic or keyword of a service."""
MAX_TAGS = 50
"""Topics or keywords one service may have."""

TRANSLATED_TEXT = {"name": NAME, "short_description": REASON, "photo_alt": NAME}
"""The limit of each translated text by its attribute; descriptions and the other long texts
have `TEXT`."""

MAX_FILTER_ITEMS = 100
"""Values one list of a filter may hold (services, categories, statuses, offices…)."""

SEARCH_LENGTH = 200
"""Characters of a search: a few words, never a document."""
SEARCH_WORDS = 20

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)
"""Dates outside these are refused wherever the API takes one: nothing of a service desk
happens there, and the calendar arithmetic near year 1 and year 9999 overflows."""
MAX_AGENDA_DAYS = 366
"""The longest stretch of an office's agenda one request may ask for."""
MAX_BOOKING_MINUTES = 7 * 24 * 60
"""The longest interval a resource may be booked for: its own maximum is at most this."""


def too_long(field: str, text: str | None, limit: int) -> list[Problem]:
    """A problem when `text` has more than `limit` characters."""
    if text is None or len(text) <= limit:
        return []
    return [Problem(field, ErrorCode.INVALID, say("Use at most {limit} characters.", limit=limit))]


def texts_too_long(field: str, texts: Mapping[str, str] | None, limit: int) -> list[Problem]:
    """Problems for the translations (language → text) longer than `limit`, on
    `<field>.<language>`."""
    return [
        problem
        for language, text in (texts or {}).items()
        for problem in too_long(f"{field}.{language}", text, limit)
    ]


def tags_problems(field: str, tags: Sequence[str] | None) -> list[Problem]:
    """Topics or keywords: at most `MAX_TAGS`, each of at most `TAG` characters."""
    if tags is None:
        return []
    if len(tags) > MAX_TAGS:
        message = say("Give at most {count} items.", count=MAX_TAGS)
        return [Problem(field, ErrorCode.INVALID, message)]
    return [
        problem
        for index, tag in enumerate(tags)
        for problem in too_long(f"{field}[{index}]", tag, TAG)
    ]


def filter_problem(**lists: Sequence[object] | None) -> str | None:
    """What is wrong with the lists of a filter, by argument name, or None."""
    for name, items in lists.items():
        if items is not None and len(items) > MAX_FILTER_ITEMS:
            return say(
                "`{name}` may list at most {count} values.", name=name, count=MAX_FILTER_ITEMS
            )
    return None


def search_problem(text: str | None) -> str | None:
    """What is wrong with a search text, or None: it is a few words, not a document."""
    if text is None:
        return None
    if len(text) > SEARCH_LENGTH:
        return say("Search with at most {count} characters.", count=SEARCH_LENGTH)
    if len(text.split()) > SEARCH_WORDS:
        return say("Search with at most {count} words.", count=SEARCH_WORDS)
    return None


def day_problem(day: date | datetime | None) -> str | None:
    """What is wrong with a date (or the date of an instant), or None."""
    if day is None:
        return None
    if isinstance(day, datetime):
        day = day.date()
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        return say(
            "Give a date between {first} and {last}.",
            first=EARLIEST_DAY.isoformat(),
            last=LATEST_DAY.isoformat(),
        )
    return None


def instant_problem(moment: datetime | None) -> str | None:
    """What is wrong with an instant, or None: it needs its offset from UTC (a wall-clock
    time alone names no instant) and a date within the bounds."""
    if moment is None:
        return None
    if moment.utcoffset() is None:
        return say("Give the offset from UTC, e.g. 2027-01-11T09:30:00+01:00.")
    return day_problem(moment)


def day_range_problem(first: date, last: date) -> str | None:
    """What is wrong with a range of days (both included), or None. Its length is not: the
    public queries over days (free slots, availability) answer the first days asked for."""
    problem = day_problem(first) or day_problem(last)
    if problem is not None:
        return problem
    if last < first:
        return say("The end date is before the start date.")
    return None


def period_problem(start: datetime, end: datetime, max_days: int) -> str | None:
    """What is wrong with a period between two instants, or None."""
    problem = instant_problem(start) or instant_problem(end)
    if problem is not None:
        return problem
    if end <= start:
        return say("The end is not after the start.")
    if end - start > timedelta(days=max_days):
        return say("Ask for at most {days} days from start to end.", days=max_days)
    return None


def outside_every_window(start: datetime, now: datetime) -> str | None:
    """TOO_SOON for a start in the past, TOO_FAR for one past the longest booking window a
    calendar may have: what the calendar's rules would say, known before reading them."""
    if start < now:
        return "TOO_SOON"
    if start > now + timedelta(days=MAX_BOOKING_WINDOW_DAYS + 2):
        return "TOO_FAR"
    return None
