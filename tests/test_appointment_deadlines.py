"""Until when a citizen may move or cancel an appointment online: the rule
(models/appointment_changes.py) and what the API tells a client of it, on the server's clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from models.appointment_changes import change_deadline, may_cancel, may_reschedule
from models.booking import BookingStatus
from tests.bookable import ROME, free_slot, local, not_booked_by
from tests.graphql import GraphQLClient
from tests.practices import GIULIA, OPERATOR
from tests.test_appointments import CANCEL, CONFIRM, HOLD, calendar_id, mutate

pytestmark = pytest.mark.date_sensitive

RIGHTS = "changeDeadline changeDeadlinePassed canCancel canReschedule"
HOLD_RIGHTS = HOLD.replace("rescheduleCount", f"rescheduleCount {RIGHTS}")
CONFIRM_RIGHTS = CONFIRM.replace("rescheduleCount", f"rescheduleCount {RIGHTS}")
NODE_RIGHTS = f"query($id: ID!) {{ node(id: $id) {{ ... on Appointment {{ status {RIGHTS} }} }} }}"
SET_CANCEL_DAYS = """mutation($input: UpdateCalendarInput!) {
  updateCalendar(input: $input) { errors { code } } }"""

S = BookingStatus
NOON = datetime(2026, 12, 9, 11, tzinfo=UTC)
DEADLINE = NOON - timedelta(days=3)


def test_the_deadline_keeps_the_wall_clock_time_across_the_change_to_summer_time() -> None:
    # Monday 29 March 2027 at 10:00 in Rome (summer time); three days before is Friday 26
    # March at 10:00, in winter time: 09:00 UTC, not the 08:00 that 72 hours would give.
    start = datetime(2027, 3, 29, 10, tzinfo=ROME)
    assert change_deadline(start, 3, "Europe/Rome") == datetime(2027, 3, 26, 9, tzinfo=UTC)
    # and back in autumn: Wednesday 27 October 2027 at 10:00 (winter time) → 24th at 10:00 CEST
    autumn = datetime(2027, 10, 27, 10, tzinfo=ROME)
    assert change_deadline(autumn, 3, "Europe/Rome") == datetime(2027, 10, 24, 8, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "now", "office_staff", "cancel", "reschedule"),
    [
        (S.APPROVED, DEADLINE, False, True, True),  # the deadline itself still counts
        (S.PENDING, DEADLINE - timedelta(hours=1), False, True, True),
        (S.APPROVED, DEADLINE + timedelta(seconds=1), False, False, False),
        (S.APPROVED, DEADLINE + timedelta(days=1), True, True, True),  # the office always
        (S.DRAFT, DEADLINE + timedelta(days=1), False, True, False),  # a hold is given back
        (S.CANCELLED, DEADLINE - timedelta(days=1), False, False, False),
        (S.DONE, DEADLINE - timedelta(days=1), True, False, False),
    ],
)
def test_who_may_cancel_or_move_and_until_when(
    status: BookingStatus, now: datetime, office_staff: bool, cancel: bool, reschedule: bool
) -> None:
    assert may_cancel(status, DEADLINE, now, office_staff=office_staff) is cancel
    assert may_reschedule(status, DEADLINE, now, office_staff=office_staff) is reschedule


def rights(answer: dict[str, Any]) -> dict[str, Any]:
    return {key: answer[key] for key in RIGHTS.split()}


def set_cancel_days(api: GraphQLClient, calendar: str, days: int) -> None:
    admin = api.login("admin", "admin")
    answer = api(
        SET_CANCEL_DAYS,
        {"input": {"id": calendar, "fields": {"cancelDaysBefore": days}}},
        token=admin,
    )
    assert answer.data["updateCalendar"]["errors"] == []


def test_a_hold_says_until_when_the_booking_may_be_changed(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    giulia = api.login(*GIULIA)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, not_booked_by(api, giulia), from_day=4, changeable=True)
    held = mutate(api, HOLD_RIGHTS, giulia, calendarId=registry, start=slot["start"])
    assert held["errors"] == []
    # Three days before, at the same time on Rome's clocks.
    wall_clock = local(slot["start"]) - timedelta(days=3)
    found = rights(held["appointment"])
    assert datetime.fromisoformat(found.pop("changeDeadline")) == wall_clock
    assert found == {
        "changeDeadlinePassed": False,
        "canCancel": True,
        "canReschedule": False,  # a hold is not moved: it is given back
    }
    confirmed = mutate(api, CONFIRM_RIGHTS, giulia, id=held["appointment"]["id"])
    assert confirmed["appointment"]["status"] == "APPROVED"
    assert confirmed["appointment"]["canReschedule"] is True
    assert confirmed["appointment"]["canCancel"] is True
    assert mutate(api, CANCEL, giulia, id=held["appointment"]["id"])["errors"] == []
    cancelled = api(NODE_RIGHTS, {"id": held["appointment"]["id"]}, token=giulia).data["node"]
    assert (cancelled["canCancel"], cancelled["canReschedule"]) == (False, False)


def test_a_slot_sooner_than_the_notice_is_told_before_it_is_confirmed(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    giulia, operator = api.login(*GIULIA), api.login(*OPERATOR)
    registry = calendar_id(world, "agenda-anagrafe")
    set_cancel_days(api, registry, 60)
    slot = free_slot(api, registry, not_booked_by(api, giulia), from_day=5)
    held = mutate(api, HOLD_RIGHTS, giulia, calendarId=registry, start=slot["start"])
    assert held["appointment"]["changeDeadlinePassed"] is True
    assert datetime.fromisoformat(held["appointment"]["changeDeadline"]) < datetime.now(UTC)
    assert held["appointment"]["canCancel"] is True  # the hold may still be given back

    booked = mutate(api, CONFIRM_RIGHTS, giulia, id=held["appointment"]["id"])["appointment"]
    assert rights(booked) == {
        "changeDeadline": held["appointment"]["changeDeadline"],
        "changeDeadlinePassed": True,
        "canCancel": False,
        "canReschedule": False,
    }
    # What the fields say is what the mutations do.
    refused = mutate(api, CANCEL, giulia, id=booked["id"])
    assert [e["code"] for e in refused["errors"]] == ["TOO_LATE"]
    # The office's staff may still change it, and the API tells them so.
    seen_by_office = api(NODE_RIGHTS, {"id": booked["id"]}, token=operator).data["node"]
    assert seen_by_office["changeDeadlinePassed"] is True
    assert (seen_by_office["canCancel"], seen_by_office["canReschedule"]) == (True, True)
    assert mutate(api, CANCEL, operator, id=booked["id"])["errors"] == []
