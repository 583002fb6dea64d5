"""Days, slots and intervals for the tests to book, asked of the API over the calendar's real
horizon (today to the end of its booking window) instead of counted from today's date: what
the API offers already leaves out holidays, the patron's day, closures, weekends, the notice
and what other tests took, so a test holds on any date and at any hour."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.graphql import GraphQLClient

ROME = ZoneInfo("Europe/Rome")
"""The zone of every demo calendar."""
LONGEST_RANGE_DAYS = 62
"""The most days one `freeSlots` or `resourceAvailability` answer covers."""
HORIZON = """query($id: ID!) { calendar(id: $id) {
  bookingWindowDays timeZone cancelDaysBefore } }"""
OPENING_DAYS = """query($id: ID!) { calendar(id: $id) { openingHours { weekdays } } }"""
LEEWAY = timedelta(hours=1)
"""Time for a test to run between asking for a slot and changing its appointment."""
SLOTS = """query($id: ID!, $start: Date!, $end: Date!) {
  freeSlots(calendarId: $id, start: $start, end: $end) { start end capacity free } }"""
RESOURCE_HORIZON = """query($id: ID!) { node(id: $id) { ... on Resource {
  calendar { bookingWindowDays timeZone } } } }"""
AVAILABILITY = """query($id: ID!, $start: Date!, $end: Date!) {
  resourceAvailability(resourceId: $id, start: $start, end: $end) { start end } }"""


def today(zone: ZoneInfo = ROME) -> date:
    """Today on the test session's clock (tests/clock.py), in `zone`."""
    return datetime.now(zone).date()


def local(moment: str, zone: ZoneInfo = ROME) -> datetime:
    return datetime.fromisoformat(moment).astimezone(zone)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """`hour:minute` on the wall clocks of Rome on `day`."""
    return datetime.combine(day, time(hour, minute), tzinfo=ROME)


def by_local_day(
    api: GraphQLClient, query: str, item_id: str, window_days: int, zone: ZoneInfo
) -> dict[date, list[dict[str, Any]]]:
    """What `query` answers from tomorrow to the end of the window, by local day, soonest
    first. Today is left out: a slot starting in a minute may be gone by the time a test
    books it."""
    first, last = today(zone) + timedelta(days=1), today(zone) + timedelta(days=window_days)
    found: dict[date, list[dict[str, Any]]] = {}
    while first <= last:
        end = min(last, first + timedelta(days=LONGEST_RANGE_DAYS - 1))
        answer = api(query, {"id": item_id, "start": first.isoformat(), "end": end.isoformat()})
        for item in next(iter(answer.data.values())):
            found.setdefault(local(item["start"], zone).date(), []).append(item)
        first = end + timedelta(days=1)
    return found


def open_days(
    api: GraphQLClient, calendar: str, *, changeable: bool = False
) -> dict[date, list[dict[str, Any]]]:
    """The calendar's free slots by local day, from tomorrow to the end of its booking window;
    only those a citizen may still cancel or move (before the cut-off) if `changeable`."""
    horizon = api(HORIZON, {"id": calendar}).data["calendar"]
    zone = ZoneInfo(horizon["timeZone"])
    found = by_local_day(api, SLOTS, calendar, horizon["bookingWindowDays"], zone)
    if not changeable:
        return found
    cut_off = datetime.now(UTC) + timedelta(days=horizon["cancelDaysBefore"]) + LEEWAY
    later = {
        day: [slot for slot in slots if datetime.fromisoformat(slot["start"]) > cut_off]
        for day, slots in found.items()
    }
    return {day: slots for day, slots in later.items() if slots}


def free_slot(
    api: GraphQLClient,
    calendar: str,
    wanted: Callable[[dict[str, Any]], bool] = lambda slot: True,
    *,
    from_day: int = 0,
    changeable: bool = False,
) -> dict[str, Any]:
    """The soonest free slot that is `wanted`, on the `from_day`-th open day or later (tests
    that share the demo world spread over different days so as not to meet); one a citizen
    may still cancel or move if `changeable`."""
    days = list(open_days(api, calendar, changeable=changeable).items())
    for _, found in days[from_day:]:
        for slot in found:
            if wanted(slot):
                return slot
    raise AssertionError(f"no wanted free slot in the horizon of {calendar} (open: {len(days)})")


MY_APPOINTMENTS = """{ myAppointments(first: 100) { edges { node { start end status } } } }"""


def not_booked_by(api: GraphQLClient, token: str) -> Callable[[dict[str, Any]], bool]:
    """A `wanted` for `free_slot`: the slots at which the citizen has no place yet (one person
    takes one place at a time, and the demo has booked one for each citizen)."""
    edges = api(MY_APPOINTMENTS, token=token).data["myAppointments"]["edges"]
    taken = [
        (datetime.fromisoformat(node["start"]), datetime.fromisoformat(node["end"]))
        for node in (edge["node"] for edge in edges)
        if node["status"] in ("DRAFT", "PENDING", "APPROVED")
    ]

    def wanted(slot: dict[str, Any]) -> bool:
        start, end = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
        return not any(start < other_end and other_start < end for other_start, other_end in taken)

    return wanted


def open_day(api: GraphQLClient, calendar: str, *, from_day: int = 0) -> date:
    """The `from_day`-th day the calendar has free slots on (0: the soonest)."""
    days = sorted(open_days(api, calendar))
    assert len(days) > from_day, f"{calendar} has {len(days)} open days in its horizon"
    return days[from_day]


def closed_day(api: GraphQLClient, calendar: str) -> date:
    """The first day after today on a weekday the calendar never opens (not merely one whose
    slots are all taken)."""
    rules = api(OPENING_DAYS, {"id": calendar}).data["calendar"]["openingHours"]
    open_weekdays = {weekday for rule in rules for weekday in rule["weekdays"]}
    assert len(open_weekdays) < 7, f"{calendar} opens every day of the week"
    day = today() + timedelta(days=1)
    while day.isoweekday() in open_weekdays:
        day += timedelta(days=1)
    return day


def free_intervals(api: GraphQLClient, resource: str) -> dict[date, list[tuple[time, time]]]:
    """A resource's free intervals as local times by local day, from tomorrow to the end of its
    booking window."""
    horizon = api(RESOURCE_HORIZON, {"id": resource}).data["node"]["calendar"]
    zone = ZoneInfo(horizon["timeZone"])
    found = by_local_day(api, AVAILABILITY, resource, horizon["bookingWindowDays"], zone)
    return {
        day: [(local(i["start"], zone).time(), local(i["end"], zone).time()) for i in intervals]
        for day, intervals in found.items()
    }


def day_free_from_to(
    api: GraphQLClient, resource: str, begin: time, end: time, *, from_day: int = 0
) -> date:
    """The `from_day`-th day (0: the soonest) on which the resource is free from `begin` to
    `end` in one stretch: as its opening hours give it with nobody booked, when these are
    its hours."""
    days = [
        day
        for day, intervals in sorted(free_intervals(api, resource).items())
        if (begin, end) in intervals
    ]
    assert len(days) > from_day, f"{resource} is free {begin}-{end} on {len(days)} days"
    return days[from_day]
