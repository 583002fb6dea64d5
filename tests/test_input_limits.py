"""Every input has a maximum, checked before any store work: dates and ranges of dates (a
booking from one millennium to the next used to compute rules for every year in between),
free text by its meaning, searches. Refusals are payload errors for mutations and GraphQL
errors with a code for queries; nothing is stored."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from resolvers.limits import (
    MAX_AGENDA_DAYS,
    MAX_BOOKING_MINUTES,
    MAX_FILTER_ITEMS,
    NAME,
    REASON,
    SEARCH_WORDS,
    SHORT_REASON,
    TEXT,
)
from tests.bookable import ROME, free_intervals, open_day
from tests.graphql import GraphQLClient
from tests.practices import ADMIN, MARIO, OPERATOR, SAVE_DRAFT, SEND_MESSAGE, TAKE
from tests.test_appointments import calendar_id
from tests.test_calendar_admin import (
    ADD_CLOSURE,
    CREATE_OFFICE,
    CREATE_RESOURCE,
    SET_HOURS,
    UPDATE_CALENDAR,
    run,
)
from tests.test_catalogue_mutations import CREATE as CREATE_SERVICE
from tests.test_practices import sql
from tests.test_resource_bookings import BOOK, resource_id

pytestmark = pytest.mark.date_sensitive

ERRORS = "errors { field code message }"
HOLD = f"""mutation($input: HoldSlotInput!) {{
  holdSlot(input: $input) {{ appointment {{ id }} {ERRORS} }} }}"""
RESCHEDULE = f"""mutation($input: RescheduleAppointmentInput!) {{
  rescheduleAppointment(input: $input) {{ appointment {{ id }} {ERRORS} }} }}"""
CONFIRM = f"""mutation($input: ConfirmAppointmentInput!) {{
  confirmAppointment(input: $input) {{ appointment {{ id }} {ERRORS} }} }}"""
CANCEL = f"""mutation($input: CancelAppointmentInput!) {{
  cancelAppointment(input: $input) {{ appointment {{ id }} {ERRORS} }} }}"""
APPROVE = f"""mutation($input: BookingDecisionInput!) {{
  approveBooking(input: $input) {{ appointment {{ id }} {ERRORS} }} }}"""
CREATE_CATEGORY = f"""mutation($input: CategoryFieldsInput!) {{
  createCategory(input: $input) {{ category {{ id }} {ERRORS} }} }}"""
SLOTS = """query($id: ID!, $start: Date!, $end: Date!) {
  freeSlots(calendarId: $id, start: $start, end: $end) { start } }"""
AVAILABILITY = """query($id: ID!, $start: Date!, $end: Date!) {
  resourceAvailability(resourceId: $id, start: $start, end: $end) { start } }"""
AGENDA = """query($office: ID!, $start: DateTime!, $end: DateTime!) {
  agenda(officeId: $office, start: $start, end: $end, first: 10) { totalCount } }"""
SEARCH = "query($text: String) { services(first: 5, filter: {text: $text}) { totalCount } }"
QUEUE = """query($filter: PracticeFilterInput) {
  practices(first: 5, filter: $filter) { totalCount } }"""


def global_id(type_name: str, key: uuid.UUID | str | None = None) -> str:
    """The global id of a row, or of one that does not exist."""
    return base64.b64encode(f"{type_name}:{key or uuid.uuid4()}".encode()).decode()


def problems(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


def count(world: dict[str, str], table: str) -> int:
    return int(sql(world, f"SELECT count(*) FROM {table}")[0][0])


def first_free_start(api: GraphQLClient, hall: str) -> datetime:
    """The start of the hall's soonest free interval, from the API."""
    day, intervals = min(free_intervals(api, hall).items())
    return datetime.combine(day, intervals[0][0], tzinfo=ROME)


def office_id(world: dict[str, str], slug: str) -> str:
    rows = sql(world, "SELECT id FROM office WHERE slug = :slug", slug=slug)
    return global_id("Office", rows[0][0])


# Finding 3: ranges of dates are bounded before any rule is computed.


def test_a_booking_into_the_next_millennium_is_refused_at_once(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    mario = api.login(*MARIO)
    hall = resource_id(world, "sala-consiliare")
    start = first_free_start(api, hall)
    before = count(world, "resource_booking")

    def book(begin: datetime | str, end: datetime | str) -> dict[str, Any]:
        begin = begin if isinstance(begin, str) else begin.isoformat()
        end = end if isinstance(end, str) else end.isoformat()
        result = api(BOOK, {"input": {"resourceId": hall, "start": begin, "end": end}}, token=mario)
        return dict(result.data["bookResource"])

    millennium = book(start, start.replace(year=start.year + 2000))
    assert millennium["booking"] is None
    assert problems(millennium) == [("end", "INVALID")]
    assert "2999-12-31" in millennium["errors"][0]["message"]

    centuries = book(start, start.replace(year=start.year + 500))
    assert ("start", "INTERVAL_UNAVAILABLE") in problems(centuries)
    assert "più lungo della prenotazione massima" in centuries["errors"][0]["message"]

    longest = book(start, start + timedelta(minutes=MAX_BOOKING_MINUTES + 30))
    assert "più lungo della prenotazione massima" in longest["errors"][0]["message"]

    ancient = book("0002-01-01T09:00:00+00:00", "9997-01-01T09:00:00+00:00")
    assert problems(ancient) == [("start", "INVALID"), ("end", "INVALID")]

    wall_clock = book("2030-01-07T09:00:00", "2030-01-07T10:00:00")
    assert problems(wall_clock) == [("start", "INVALID"), ("end", "INVALID")]
    assert "scostamento da UTC" in wall_clock["errors"][0]["message"]
    assert count(world, "resource_booking") == before


@pytest.mark.parametrize(
    ("start", "code"),
    [
        ("0001-01-01T09:00:00+00:00", "INVALID"),
        ("9999-12-31T09:00:00+00:00", "INVALID"),
        ("2999-01-07T09:00:00+01:00", "SLOT_UNAVAILABLE"),  # past every booking window
        ("2000-01-07T09:00:00+01:00", "SLOT_UNAVAILABLE"),  # in the past
    ],
)
def test_a_hold_or_a_move_to_an_impossible_start_is_refused_before_anything_is_read(
    api: GraphQLClient, world: dict[str, str], start: str, code: str
) -> None:
    mario = api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    held = api(HOLD, {"input": {"calendarId": registry, "start": start}}, token=mario)
    assert problems(held.data["holdSlot"]) == [("start", code)]
    # an appointment that does not exist: the start is refused before it is looked up
    moved = api(
        RESCHEDULE, {"input": {"id": global_id("Appointment"), "start": start}}, token=mario
    )
    assert problems(moved.data["rescheduleAppointment"]) == [("start", code)]


def test_free_slots_and_availability_refuse_dates_out_of_bounds_with_a_code(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    hall = resource_id(world, "sala-consiliare")
    for query, item in ((SLOTS, registry), (AVAILABILITY, hall)):
        for start, end in (
            ("0001-01-01", "0001-02-01"),
            ("9999-12-01", "9999-12-31"),
            ("0002-01-01", "9997-01-01"),
            ("2030-01-02", "2030-01-01"),
        ):
            result = api(query, {"id": item, "start": start, "end": end})
            assert result.error_codes == ["INVALID"], (query, start, end, result.errors)


def test_free_slots_over_a_long_range_answer_its_first_62_days_quickly(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    day = open_day(api, registry)
    far = api(SLOTS, {"id": registry, "start": day.isoformat(), "end": "2999-12-31"})
    near = api(
        SLOTS,
        {"id": registry, "start": day.isoformat(), "end": (day + timedelta(61)).isoformat()},
    )
    assert far.data == near.data


def test_the_agenda_covers_at_most_a_year_of_instants_with_their_offsets(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator = api.login(*OPERATOR)
    office = office_id(world, "ufficio-anagrafe")
    start = datetime(2030, 1, 1, tzinfo=ROME)
    within = api(
        AGENDA,
        {"office": office, "start": start.isoformat(), "end": (start + timedelta(7)).isoformat()},
        token=operator,
    )
    assert within.data["agenda"]["totalCount"] >= 0
    for begin, end in (
        (start, start + timedelta(days=MAX_AGENDA_DAYS + 1)),
        (start, start - timedelta(hours=1)),
        (datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, tzinfo=UTC)),
    ):
        result = api(
            AGENDA,
            {"office": office, "start": begin.isoformat(), "end": end.isoformat()},
            token=operator,
        )
        assert result.error_codes == ["INVALID"], (begin, end, result.errors)
    naive = api(
        AGENDA,
        {"office": office, "start": "2030-01-01T00:00:00", "end": "2030-01-02T00:00:00"},
        token=operator,
    )
    assert naive.error_codes == ["INVALID"]


def test_the_work_queue_refuses_submission_dates_out_of_bounds(api: GraphQLClient) -> None:
    operator = api.login(*OPERATOR)
    for value in ("0001-01-01T00:00:00+00:00", "2030-01-01T00:00:00"):
        result = api(QUEUE, {"filter": {"submittedFrom": value}}, token=operator)
        assert result.error_codes == ["INVALID"], value


def test_admin_dates_out_of_bounds_are_refused_and_nothing_changes(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    admin = api.login(*ADMIN)
    registry = calendar_id(world, "agenda-anagrafe")
    closures, hours = count(world, "closure"), count(world, "opening_hour")
    closure = run(
        api, ADD_CLOSURE, admin, calendarId=registry, firstDay="2030-01-01", lastDay="9997-01-01"
    )
    assert problems(closure) == [("lastDay", "INVALID")]
    opening = {
        "weekdays": [1],
        "begin": "09:00:00",
        "end": "12:00:00",
        "slotMinutes": 30,
        "bufferMinutes": 0,
        "capacity": 1,
        "validFrom": "0001-01-01",
        "validUntil": "9999-12-31",
    }
    set_hours = run(api, SET_HOURS, admin, calendarId=registry, hours=[opening])
    assert problems(set_hours) == [
        ("hours[0].validFrom", "INVALID"),
        ("hours[0].validUntil", "INVALID"),
    ]
    service = run(
        api,
        CREATE_SERVICE,
        admin,
        slug="servizio-senza-tempo",
        name={"it": "Servizio senza tempo"},
        status="SCHEDULED",
        publishFrom="0001-01-01T00:00:00+00:00",
    )
    assert ("publishFrom", "INVALID") in problems(service)
    resource = run(
        api,
        CREATE_RESOURCE,
        admin,
        slug="sala-eterna",
        kind="ROOM",
        capacity=10,
        name={"it": "Sala eterna"},
        maximumMinutes=MAX_BOOKING_MINUTES * 10,
    )
    assert problems(resource) == [("maximumMinutes", "INVALID")]
    assert (count(world, "closure"), count(world, "opening_hour")) == (closures, hours)
    assert not sql(world, "SELECT 1 FROM service WHERE slug = 'servizio-senza-tempo'")


# Finding 5: free text within its limit by meaning, searches within a few words.


def test_a_megabyte_of_purpose_is_refused_and_no_booking_is_made(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    mario = api.login(*MARIO)
    hall = resource_id(world, "sala-consiliare")
    start = first_free_start(api, hall)
    before = count(world, "resource_booking")
    booking = {"resourceId": hall, "start": start.isoformat()}
    booking["end"] = (start + timedelta(hours=1)).isoformat()
    result = api(
        BOOK,
        {"input": {**booking, "purpose": "x" * 1_000_000, "organisation": "y" * (NAME + 1)}},
        token=mario,
    ).data["bookResource"]
    assert result["booking"] is None
    assert problems(result) == [("purpose", "INVALID"), ("organisation", "INVALID")]
    assert result["errors"][0]["message"] == f"Usa al massimo {REASON} caratteri."
    assert count(world, "resource_booking") == before


def test_citizens_texts_are_refused_beyond_their_limits_before_anything_is_read(
    api: GraphQLClient,
) -> None:
    mario = api.login(*MARIO)
    appointment = global_id("Appointment")
    cases = [
        (CONFIRM, {"id": appointment, "message": "x" * (REASON + 1)}, "message"),
        (CANCEL, {"id": appointment, "reason": "x" * (REASON + 1)}, "reason"),
        (
            SAVE_DRAFT,
            {"serviceId": global_id("Service"), "data": {}, "notes": "x" * (TEXT + 1)},
            "notes",
        ),
        (
            SEND_MESSAGE,
            {
                "practiceId": global_id("Practice"),
                "body": "x" * (TEXT + 1),
                "visibility": "APPLICANT",
                "fileIds": [],
            },
            "body",
        ),
    ]
    for mutation, input, field in cases:
        name = mutation.split("{", 2)[1].split("(")[0].strip()
        payload = api(mutation, {"input": input}, token=mario).data[name]
        assert (field, "INVALID") in problems(payload), (name, payload)


def test_operators_texts_are_refused_beyond_their_limits(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator = api.login(*OPERATOR)
    registry = calendar_id(world, "agenda-anagrafe")
    held = api(
        HOLD,
        {
            "input": {
                "calendarId": registry,
                "start": "2999-01-07T09:00:00+01:00",
                "name": "x" * (NAME + 1),
                "email": "x" * 300,
            }
        },
        token=operator,
    ).data["holdSlot"]
    assert ("name", "INVALID") in problems(held)
    assert ("email", "INVALID") in problems(held)
    note = api(
        APPROVE,
        {"input": {"id": global_id("Appointment"), "note": "x" * (REASON + 1)}},
        token=operator,
    ).data["approveBooking"]
    assert problems(note) == [("note", "INVALID")]
    taken = api(
        TAKE, {"input": {"id": global_id("Practice"), "message": "x" * 1_000_000}}, token=operator
    ).data["takePracticeInCharge"]
    assert problems(taken) == [("message", "INVALID")]


def test_admins_names_and_descriptions_are_refused_beyond_their_limits(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    admin = api.login(*ADMIN)
    offices, categories = count(world, "office"), count(world, "category")
    office = run(api, CREATE_OFFICE, admin, slug="ufficio-lungo", name={"it": "x" * (NAME + 1)})
    assert problems(office) == [("name.it", "INVALID")]
    category = run(
        api,
        CREATE_CATEGORY,
        admin,
        slug="categoria-lunga",
        name={"it": "Categoria"},
        description={"it": "x" * (TEXT + 1)},
    )
    assert problems(category) == [("description.it", "INVALID")]
    service = run(
        api,
        CREATE_SERVICE,
        admin,
        slug="servizio-lungo",
        name={"it": "Servizio"},
        shortDescription={"it": "x" * (REASON + 1)},
        keywords=["parola"] * 51,
        topics=["x" * 101],
    )
    assert problems(service) == [
        ("shortDescription.it", "INVALID"),
        ("topics[0]", "INVALID"),
        ("keywords", "INVALID"),
    ]
    calendar = run(
        api,
        UPDATE_CALENDAR,
        admin,
        id=calendar_id(world, "agenda-anagrafe"),
        fields={"name": {"it": "x" * 1_000_000}},
    )
    assert problems(calendar) == [("name.it", "INVALID")]
    closure = run(
        api,
        ADD_CLOSURE,
        admin,
        calendarId=calendar_id(world, "agenda-anagrafe"),
        firstDay="2030-06-03",
        reason="x" * (SHORT_REASON + 1),
    )
    assert problems(closure) == [("reason", "INVALID")]
    assert (count(world, "office"), count(world, "category")) == (offices, categories)


def test_a_search_of_twenty_thousand_words_is_refused_with_a_code_and_no_sql(
    api: GraphQLClient,
) -> None:
    words = " ".join(f"parola{n}" for n in range(20_000))
    result = api(SEARCH, {"text": words})
    assert result.error_codes == ["INVALID"]
    assert "SELECT" not in result.errors[0]["message"]
    many = api(SEARCH, {"text": " ".join(["anagrafe"] * (SEARCH_WORDS + 1))})
    assert many.error_codes == ["INVALID"]
    assert api(SEARCH, {"text": "certificato di residenza"}).data["services"]["totalCount"] > 0


def test_filters_list_at_most_a_hundred_values(api: GraphQLClient) -> None:
    query = "query($ids: [ID!]) { services(first: 5, filter: {categories: $ids}) { totalCount } }"
    ids = [global_id("Category") for _ in range(MAX_FILTER_ITEMS + 1)]
    assert api(query, {"ids": ids}).error_codes == ["INVALID"]
    assert api(query, {"ids": ids[:MAX_FILTER_ITEMS]}).data["services"]["totalCount"] == 0


def test_a_queue_search_of_a_megabyte_is_refused_with_a_code(api: GraphQLClient) -> None:
    operator = api.login(*OPERATOR)
    result = api(QUEUE, {"filter": {"applicant": "x" * 1_000_000}}, token=operator)
    assert result.error_codes == ["INVALID"]
