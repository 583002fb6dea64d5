"""Citizens book appointments on free slots; nobody is ever double-booked."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
import pytest

from models.slots import italian_holidays
from tests.bookable import at, closed_day, free_slot, local, not_booked_by, open_day, open_days
from tests.graphql import GraphQLClient, LiveServer
from tests.practices import GIULIA, MARIO, OPERATOR, TAX_OPERATOR, fresh_key
from tests.test_practices import decode, sql

pytestmark = pytest.mark.date_sensitive

LUCA = ("VRDLCU92L20E715F", "cittadino")

CALENDAR = """query($slug: String!) { service(slug: $slug) { id } }"""
SLOTS = """query($id: ID!, $start: Date!, $end: Date!) {
  freeSlots(calendarId: $id, start: $start, end: $end) { start end capacity free } }"""
APPOINTMENT = "appointment { id status statusCode start end holdExpiresAt rescheduleCount }"
ERRORS = "errors { field code message }"
HOLD = f"""mutation($input: HoldSlotInput!) {{
  holdSlot(input: $input) {{ {APPOINTMENT} {ERRORS} }} }}"""
CONFIRM = f"""mutation($input: ConfirmAppointmentInput!) {{
  confirmAppointment(input: $input) {{ {APPOINTMENT} {ERRORS} }} }}"""
CANCEL = f"""mutation($input: CancelAppointmentInput!) {{
  cancelAppointment(input: $input) {{ {APPOINTMENT} {ERRORS} }} }}"""
RESCHEDULE = f"""mutation($input: RescheduleAppointmentInput!) {{
  rescheduleAppointment(input: $input) {{ {APPOINTMENT} {ERRORS} }} }}"""
APPROVE = f"""mutation($input: BookingDecisionInput!) {{
  approveBooking(input: $input) {{ {APPOINTMENT} {ERRORS} }} }}"""


def calendar_id(world: dict[str, str], slug: str) -> str:
    import base64

    rows = sql(world, "SELECT id FROM calendar WHERE slug = :slug", slug=slug)
    return base64.b64encode(f"Calendar:{rows[0][0]}".encode()).decode()


def slots(api: GraphQLClient, calendar: str, first: date, last: date) -> list[dict[str, Any]]:
    result = api(SLOTS, {"id": calendar, "start": first.isoformat(), "end": last.isoformat()})
    return list(result.data["freeSlots"])


def day_of(slot: dict[str, Any]) -> date:
    return local(slot["start"]).date()


def expire_hold(world: dict[str, str], appointment: str) -> None:
    """The hold's time runs out: it expired a second ago on the session's clock."""
    sql(
        world,
        "UPDATE meeting SET hold_expires_at = :past WHERE id = :id RETURNING id",
        past=datetime.now(UTC) - timedelta(seconds=1),
        id=decode(appointment),
    )


def mutate(api: GraphQLClient, mutation: str, token: str, **input: Any) -> dict[str, Any]:
    name = mutation.split("{", 2)[1].split("(")[0].strip()
    return dict(api(mutation, {"input": input}, token=token).data[name])


MY_HOLDS = """{ myAppointments(first: 100) { edges { node { id status } } } }"""


def release_holds(api: GraphQLClient, token: str) -> None:
    """Cancel the citizen's unconfirmed holds, as they would: a person holds only a few slots
    of a calendar at a time, and the tests after this one may need to hold some."""
    edges = api(MY_HOLDS, token=token).data["myAppointments"]["edges"]
    for node in (edge["node"] for edge in edges):
        if node["status"] == "DRAFT":
            assert mutate(api, CANCEL, token, id=node["id"])["errors"] == []


def test_free_slots_follow_the_opening_hours_and_are_public(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    days = open_days(api, registry)
    assert len(days) >= 10
    years = {day.year for day in days}
    assert not set(days) & italian_holidays(years, (8, 10)), "Bugliano's holidays are closed"
    for slot in (slot for found in days.values() for slot in found):
        start, end = local(slot["start"]), local(slot["end"])
        assert start.isoweekday() <= 5
        assert end - start == timedelta(minutes=30)
        morning = time(8, 30) <= start.time() and end.time() <= time(12, 30)
        afternoon = start.isoweekday() in (2, 4) and time(15) <= start.time()
        assert morning or (afternoon and end.time() <= time(17, 30))
        assert 0 < slot["free"] <= slot["capacity"] == 2
    over_get = api.http.get(
        "/bugliano/graphql",
        params={
            "query": SLOTS,
            "variables": f'{{"id": "{registry}", "start": "{min(days)}", "end": "{min(days)}"}}',
        },
    )
    assert over_get.status_code == 200
    assert over_get.json()["data"]["freeSlots"]


def test_a_citizen_holds_confirms_and_cancels_an_appointment(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario = api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, not_booked_by(api, mario), from_day=2, changeable=True)
    day = day_of(slot)
    held = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])
    assert held["errors"] == []
    assert held["appointment"]["status"] == "DRAFT"
    assert held["appointment"]["holdExpiresAt"] is not None
    after_hold = {s["start"]: s["free"] for s in slots(api, registry, day, day)}
    assert after_hold.get(slot["start"], 0) == slot["free"] - 1

    confirmed = mutate(api, CONFIRM, mario, id=held["appointment"]["id"], message="CIE")
    assert confirmed["errors"] == []
    assert confirmed["appointment"]["status"] == "APPROVED"
    assert confirmed["appointment"]["statusCode"] == 1
    listed = api(
        "{ myAppointments(first: 100) { totalCount edges { node { id status } } } }", token=mario
    ).data["myAppointments"]
    mine = [edge["node"] for edge in listed["edges"]]
    assert {"id": held["appointment"]["id"], "status": "APPROVED"} in mine
    assert listed["totalCount"] == len(mine)

    cancelled = mutate(api, CANCEL, mario, id=held["appointment"]["id"], reason="imprevisto")
    assert cancelled["appointment"]["status"] == "CANCELLED"
    restored = {s["start"]: s["free"] for s in slots(api, registry, day, day)}
    assert restored[slot["start"]] == slot["free"]


def test_the_client_cannot_choose_its_own_times(api: GraphQLClient, world: dict[str, str]) -> None:
    mario = api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=2)
    shifted = (datetime.fromisoformat(slot["start"]) + timedelta(minutes=7)).isoformat()
    refused = mutate(api, HOLD, mario, calendarId=registry, start=shifted)
    assert [e["code"] for e in refused["errors"]] == ["SLOT_UNAVAILABLE"]
    shut = at(closed_day(api, registry), 9).isoformat()
    closed = mutate(api, HOLD, mario, calendarId=registry, start=shut)
    assert [e["code"] for e in closed["errors"]] == ["SLOT_UNAVAILABLE"]


def test_an_expired_hold_frees_its_slot_even_before_the_worker_and_cannot_be_confirmed(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario, giulia, luca = api.login(*MARIO), api.login(*GIULIA), api.login(*LUCA)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, lambda s: s["free"] == 2, from_day=3)
    first = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])["appointment"]
    second = mutate(api, HOLD, giulia, calendarId=registry, start=slot["start"])["appointment"]
    full = mutate(api, HOLD, luca, calendarId=registry, start=slot["start"])
    assert [e["code"] for e in full["errors"]] == ["SLOT_FULL"]
    expire_hold(world, first["id"])
    taken = mutate(api, HOLD, luca, calendarId=registry, start=slot["start"])
    assert taken["errors"] == []
    swept = mutate(api, CONFIRM, mario, id=first["id"])  # set EXPIRED when the slot was taken
    assert [e["code"] for e in swept["errors"]] == ["TRANSITION_NOT_ALLOWED"]
    expire_hold(world, second["id"])
    late = mutate(api, CONFIRM, giulia, id=second["id"])  # still DRAFT, but past its expiry
    assert [e["code"] for e in late["errors"]] == ["HOLD_EXPIRED"]
    release_holds(api, luca)


def test_a_reschedule_overlapping_the_citizens_own_appointment_succeeds(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    luca = api.login("VRDLCU92L20E715F", "cittadino")
    tax = calendar_id(world, "agenda-tributi")
    days = open_days(api, tax, changeable=True).values()
    first, second = next(found for found in days if len(found) >= 2)[:2]
    held = mutate(api, HOLD, luca, calendarId=tax, start=first["start"])["appointment"]
    pending = mutate(api, CONFIRM, luca, id=held["id"])["appointment"]
    assert pending["status"] == "PENDING"
    moved = mutate(api, RESCHEDULE, luca, id=held["id"], start=second["start"])
    assert moved["errors"] == []
    assert moved["appointment"]["start"] == second["start"]
    assert moved["appointment"]["rescheduleCount"] == 1
    back = mutate(api, RESCHEDULE, luca, id=held["id"], start=first["start"])
    assert back["errors"] == []
    registry_operator = api.login(*OPERATOR)
    not_theirs = mutate(api, APPROVE, registry_operator, id=held["id"])
    assert [e["code"] for e in not_theirs["errors"]] == ["NOT_FOUND"]
    operator = api.login(*TAX_OPERATOR)
    approved = mutate(api, APPROVE, operator, id=held["id"])
    assert approved["appointment"]["status"] == "APPROVED"
    assert [e["code"] for e in mutate(api, APPROVE, luca, id=held["id"])["errors"]] == ["FORBIDDEN"]


def test_citizens_change_nothing_after_the_cut_off(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    giulia, admin = api.login(*GIULIA), api.login("admin", "admin")
    registry = calendar_id(world, "agenda-anagrafe")
    longer = api(
        """mutation($input: UpdateCalendarInput!) {
             updateCalendar(input: $input) { errors { code } } }""",
        {"input": {"id": registry, "fields": {"cancelDaysBefore": 60}}},
        token=admin,
    ).data["updateCalendar"]
    assert longer["errors"] == []
    slot = free_slot(api, registry, from_day=8)
    held = mutate(api, HOLD, giulia, calendarId=registry, start=slot["start"])["appointment"]
    mutate(api, CONFIRM, giulia, id=held["id"])
    refused = mutate(api, CANCEL, giulia, id=held["id"])
    assert [e["code"] for e in refused["errors"]] == ["TOO_LATE"]
    moved = mutate(api, RESCHEDULE, giulia, id=held["id"], start=slot["start"])
    assert [e["code"] for e in moved["errors"]] == ["TOO_LATE"]
    operator = api.login(*OPERATOR)
    assert mutate(api, CANCEL, operator, id=held["id"])["errors"] == []


@pytest.mark.parametrize("requests", [50])
def test_fifty_parallel_holds_on_a_slot_of_two_desks_give_exactly_two(
    api: GraphQLClient, server: LiveServer, world: dict[str, str], requests: int
) -> None:
    tokens = [api.login(*MARIO), api.login(*GIULIA), api.login(*LUCA)]
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, lambda s: s["free"] == 2, from_day=5)
    began = datetime.now(UTC)

    def hold(turn: int) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            client = GraphQLClient(http)
            return mutate(
                client,
                HOLD,
                tokens[turn % 3],
                calendarId=registry,
                start=slot["start"],
                idempotencyKey=fresh_key(),
            )

    with ThreadPoolExecutor(max_workers=25) as pool:
        answers = list(pool.map(hold, range(requests)))
    won = [answer for answer in answers if answer["errors"] == []]
    lost = [[e["code"] for e in answer["errors"]] for answer in answers if answer["errors"]]
    assert len(won) == 2
    # a citizen who won a desk is told that they have it; the others that the slot is full
    assert {code for codes in lost for code in codes} <= {"SLOT_FULL", "ALREADY_BOOKED"}
    assert all(len(codes) == 1 for codes in lost)
    rows = sql(
        world,
        "SELECT desk, status, citizen_id FROM meeting WHERE start_at = :start "
        "AND created_at >= :began ORDER BY desk",
        start=datetime.fromisoformat(slot["start"]),
        began=began,
    )
    assert [(desk, status) for desk, status, _ in rows] == [(1, "DRAFT"), (2, "DRAFT")]
    assert rows[0][2] != rows[1][2], "two citizens, one desk each"
    for token in tokens:
        release_holds(api, token)


AGENDA = """query($office: ID!, $start: DateTime!, $end: DateTime!) {
  agenda(officeId: $office, start: $start, end: $end, first: 100) { edges { node {
    id status name start citizen { familyName } } } } }"""
OUTCOME = f"""mutation($input: BookingDecisionInput!, $outcome: BookingStatus!) {{
  markAppointmentOutcome(input: $input, outcome: $outcome) {{ {APPOINTMENT} {ERRORS} }} }}"""


def office_id(world: dict[str, str], slug: str) -> str:
    import base64

    rows = sql(world, "SELECT id FROM office WHERE slug = :slug", slug=slug)
    return base64.b64encode(f"Office:{rows[0][0]}".encode()).decode()


def test_an_operator_books_for_someone_and_sees_the_offices_agenda(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator = api.login(*OPERATOR)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=6)
    anonymous_name = mutate(api, HOLD, operator, calendarId=registry, start=slot["start"])
    assert [e["field"] for e in anonymous_name["errors"]] == ["name"]
    held = mutate(
        api,
        HOLD,
        operator,
        calendarId=registry,
        start=slot["start"],
        name="Anna Neri",
        phone="+39 333 0000000",
    )["appointment"]
    assert mutate(api, CONFIRM, operator, id=held["id"])["errors"] == []
    start = local(slot["start"]).replace(hour=0, minute=0)
    agenda = api(
        AGENDA,
        {
            "office": office_id(world, "ufficio-anagrafe"),
            "start": start.isoformat(),
            "end": (start + timedelta(days=1)).isoformat(),
        },
        token=operator,
    ).data["agenda"]["edges"]
    mine = next(edge["node"] for edge in agenda if edge["node"]["id"] == held["id"])
    assert mine == {
        "id": held["id"],
        "status": "APPROVED",
        "name": "Anna Neri",
        "start": slot["start"],
        "citizen": None,
    }
    mario = api.login(*MARIO)
    window = {
        "office": office_id(world, "ufficio-anagrafe"),
        "start": start.isoformat(),
        "end": (start + timedelta(days=1)).isoformat(),
    }
    assert api(AGENDA, window, token=mario).error_codes == ["FORBIDDEN"]
    # another office's operator gets an empty agenda: the registry's is not theirs
    tax_operator = api.login(*TAX_OPERATOR)
    assert api(AGENDA, window, token=tax_operator).data["agenda"]["edges"] == []


def test_the_office_records_how_an_appointment_went(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario, operator = api.login(*MARIO), api.login(*OPERATOR)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=7)
    held = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])["appointment"]
    mutate(api, CONFIRM, mario, id=held["id"])
    early = api(OUTCOME, {"input": {"id": held["id"]}, "outcome": "DONE"}, token=operator)
    assert [e["code"] for e in early.data["markAppointmentOutcome"]["errors"]] == [
        "TRANSITION_NOT_ALLOWED"
    ]
    sql(
        world,
        "UPDATE meeting SET start_at = start_at - interval '30 days', "
        "end_at = end_at - interval '30 days' WHERE id = :id RETURNING id",
        id=decode(held["id"]),
    )
    done = api(
        OUTCOME, {"input": {"id": held["id"], "note": "ok"}, "outcome": "MISSED"}, token=operator
    ).data["markAppointmentOutcome"]
    assert done["appointment"]["status"] == "MISSED"
    assert done["appointment"]["statusCode"] == 3


def test_a_services_slots_come_from_its_calendars_and_an_appointment_has_its_ics(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    service = api(CALENDAR, {"slug": "carta-identita-elettronica"}).data["service"]["id"]
    day = open_day(api, calendar_id(world, "agenda-anagrafe"), from_day=4)
    query = """query($id: ID!, $start: Date!, $end: Date!) {
      freeSlots(serviceId: $id, start: $start, end: $end) { calendarId start } }"""
    found = api(query, {"id": service, "start": day.isoformat(), "end": day.isoformat()})
    calendars = {slot["calendarId"] for slot in found.data["freeSlots"]}
    assert calendars == {calendar_id(world, "agenda-anagrafe")}
    mario = api.login(*MARIO)
    first = found.data["freeSlots"][0]
    held = mutate(api, HOLD, mario, calendarId=first["calendarId"], start=first["start"])
    text = api(
        "query($id: ID!) { node(id: $id) { ... on Appointment { ics } } }",
        {"id": held["appointment"]["id"]},
        token=mario,
    ).data["node"]["ics"]
    assert "BEGIN:VEVENT" in text
    assert decode(held["appointment"]["id"]) in text
    release_holds(api, mario)


def test_anonymous_free_slots_over_get_are_cacheable_and_private_answers_are_not(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    params = {
        "query": SLOTS,
        "variables": f'{{"id": "{registry}", "start": "2026-12-01", "end": "2026-12-02"}}',
    }
    public = api.http.get("/bugliano/graphql", params=params)
    assert public.headers["cache-control"] == "public, max-age=60"
    mario = api.login(*MARIO)
    private = api.http.get(
        "/bugliano/graphql", params=params, headers={"Authorization": f"Bearer {mario}"}
    )
    assert private.headers["cache-control"] == "no-store"
    posted = api(SLOTS, {"id": registry, "start": "2026-12-01", "end": "2026-12-02"})
    assert posted.headers["cache-control"] == "no-store"


def test_a_service_names_the_calendars_it_is_booked_on(api: GraphQLClient) -> None:
    query = """{ services(first: 100) { edges { node { slug calendars { slug moderated } } } } }"""
    found = {
        edge["node"]["slug"]: edge["node"]["calendars"]
        for edge in api(query).data["services"]["edges"]
    }
    assert found["carta-identita-elettronica"] == [{"slug": "agenda-anagrafe", "moderated": False}]
    assert found["riduzione-tari"] == [{"slug": "agenda-tributi", "moderated": True}]
    assert found["matrimonio-civile"] == [], "no desk books weddings online"
    bookable = {slug for slug, calendars in found.items() if calendars}
    assert bookable == {
        "certificati-anagrafici",
        "carta-identita-elettronica",
        "cambio-residenza",
        "riduzione-tari",
    }
