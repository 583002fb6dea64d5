"""Tenant admins set up offices, calendars, opening hours, closures and resources; bad input is
refused whole, with every problem at once, and changes nothing."""

from __future__ import annotations

import base64
import uuid
from datetime import date, time, timedelta
from typing import Any

import pytest

from models.slots import italian_holidays
from tests.bookable import free_intervals, local, open_days, today
from tests.graphql import GraphQLClient
from tests.practices import ADMIN, GIULIA, OPERATOR
from tests.test_appointments import calendar_id
from tests.test_practices import decode, sql
from tests.test_resource_bookings import resource_id

pytestmark = pytest.mark.date_sensitive

ERRORS = "errors { field code message }"
OFFICE = "office { id slug name address email phone calendars { slug } }"
CALENDAR = """calendar { id slug name kind timeZone bookingWindowDays minimumNoticeHours
  holdMinutes cancelDaysBefore moderated office { slug }
  openingHours { weekdays begin end validFrom validUntil slotMinutes bufferMinutes capacity } }"""
RESOURCE = """resource { id slug name kind capacity minimumMinutes maximumMinutes
  granularityMinutes bufferMinutes pricePerHourCents calendar { id slug kind moderated } }"""
CREATE_OFFICE = f"""mutation($input: OfficeFieldsInput!) {{
  createOffice(input: $input) {{ {OFFICE} {ERRORS} }} }}"""
UPDATE_OFFICE = f"""mutation($input: UpdateOfficeInput!) {{
  updateOffice(input: $input) {{ {OFFICE} {ERRORS} }} }}"""
CREATE_CALENDAR = f"""mutation($input: CalendarFieldsInput!) {{
  createCalendar(input: $input) {{ {CALENDAR} {ERRORS} }} }}"""
UPDATE_CALENDAR = f"""mutation($input: UpdateCalendarInput!) {{
  updateCalendar(input: $input) {{ {CALENDAR} {ERRORS} }} }}"""
SET_HOURS = f"""mutation($input: SetOpeningHoursInput!) {{
  setOpeningHours(input: $input) {{ {CALENDAR} {ERRORS} }} }}"""
ADD_CLOSURE = f"""mutation($input: AddClosureInput!) {{
  addClosure(input: $input) {{ closure {{ id firstDay lastDay reason }} calendar {{ slug }}
  {ERRORS} }} }}"""
REMOVE_CLOSURE = f"""mutation($input: RemoveClosureInput!) {{
  removeClosure(input: $input) {{ closure {{ id }} {ERRORS} }} }}"""
CREATE_RESOURCE = f"""mutation($input: ResourceFieldsInput!) {{
  createResource(input: $input) {{ {RESOURCE} {ERRORS} }} }}"""
UPDATE_RESOURCE = f"""mutation($input: UpdateResourceInput!) {{
  updateResource(input: $input) {{ {RESOURCE} {ERRORS} }} }}"""
OFFICES = "{ offices(first: 20) { totalCount edges { node { id slug calendars { slug } } } } }"
HOURS = "query($id: ID!) { calendar(id: $id) { openingHours { weekdays begin end } } }"


@pytest.fixture
def admin(api: GraphQLClient, fresh_world: None) -> str:
    return api.login(*ADMIN)


def run(api: GraphQLClient, mutation: str, token: str | None, **input: Any) -> dict[str, Any]:
    """The payload of a mutation taking one `input`."""
    name = mutation.split("{", 2)[1].split("(")[0].strip()
    return dict(api(mutation, {"input": input}, token=token).data[name])


def problems(payload: dict[str, Any]) -> set[tuple[str | None, str]]:
    return {(error["field"], error["code"]) for error in payload["errors"]}


def offices(api: GraphQLClient) -> dict[str, dict[str, Any]]:
    edges = api(OFFICES).data["offices"]["edges"]
    return {edge["node"]["slug"]: edge["node"] for edge in edges}


def service_id(api: GraphQLClient, slug: str, tenant: str = "bugliano") -> str:
    query = "query($slug: String!) { service(slug: $slug) { id } }"
    return str(api(query, {"slug": slug}, tenant=tenant).data["service"]["id"])


def foreign_id(api: GraphQLClient, listing: str) -> str:
    """The id of the first service or office of another municipality."""
    query = f"{{ {listing}(first: 1) {{ edges {{ node {{ id }} }} }} }}"
    return str(api(query, tenant="valdifiori").data[listing]["edges"][0]["node"]["id"])


def offices_of(api: GraphQLClient, service_slug: str) -> list[str]:
    query = "query($slug: String!) { service(slug: $slug) { offices { slug } } }"
    found = api(query, {"slug": service_slug}).data["service"]["offices"]
    return [office["slug"] for office in found]


def gid(type_name: str, row_id: uuid.UUID) -> str:
    return base64.b64encode(f"{type_name}:{row_id}".encode()).decode()


def count(world: dict[str, str], table: str) -> int:
    return int(sql(world, f"SELECT count(*) FROM {table}")[0][0])


def working_days(window_days: int) -> set[date]:
    """The days from tomorrow to the end of a booking window that are no holiday in Bugliano
    (whose patron saint's day is 10 August): what a calendar open every day offers."""
    days = {today() + timedelta(days=n) for n in range(1, window_days + 1)}
    return days - italian_holidays({day.year for day in days}, (8, 10))


def test_offices_are_listed_by_slug_with_their_calendars(api: GraphQLClient) -> None:
    listed = api(OFFICES).data["offices"]
    slugs = [edge["node"]["slug"] for edge in listed["edges"]]
    assert slugs == sorted(slugs)
    assert listed["totalCount"] == len(slugs) == 4
    by_slug = offices(api)
    assert by_slug["ufficio-anagrafe"]["calendars"] == [{"slug": "agenda-anagrafe"}]
    assert by_slug["ufficio-scuola"]["calendars"] == []
    one = api(
        "query($id: ID!) { office(id: $id) { slug calendars { slug } } }",
        {"id": by_slug["ufficio-tributi"]["id"]},
    ).data["office"]
    assert one == {"slug": "ufficio-tributi", "calendars": [{"slug": "agenda-tributi"}]}
    page = api("{ offices(first: 2) { edges { node { slug } } pageInfo { endCursor } } }")
    after = api(
        "query($after: String!) { offices(first: 2, after: $after) { edges { node { slug } } } }",
        {"after": page.data["offices"]["pageInfo"]["endCursor"]},
    )
    assert [e["node"]["slug"] for e in after.data["offices"]["edges"]] == slugs[2:4]


def test_calendars_of_every_office_cost_one_round_trip(api: GraphQLClient) -> None:
    few = api("{ offices(first: 1) { edges { node { calendars { slug } } } } }")
    many = api("{ offices(first: 20) { edges { node { calendars { slug } } } } }")
    assert few.round_trips == many.round_trips
    assert many.round_trips.postgres == 3  # tenant, the page, the calendars of every office


def test_admin_creates_an_office_that_handles_services(api: GraphQLClient, admin: str) -> None:
    payload = run(
        api,
        CREATE_OFFICE,
        admin,
        slug="ufficio-sport",
        name={"it": "Ufficio sport", "en": "Sports office"},
        address="Piazza del Comune 1, Bugliano",
        contacts={"email": "sport@comune.bugliano.pi.it", "phone": "+39 050 000000"},
        serviceIds=[service_id(api, "prenotazione-sale-comunali")],
    )
    assert payload["errors"] == []
    assert payload["office"] == {
        "id": payload["office"]["id"],
        "slug": "ufficio-sport",
        "name": "Ufficio sport",
        "address": "Piazza del Comune 1, Bugliano",
        "email": "sport@comune.bugliano.pi.it",
        "phone": "+39 050 000000",
        "calendars": [],
    }
    assert "ufficio-sport" in offices_of(api, "prenotazione-sale-comunali")
    assert "ufficio-sport" in offices(api)


def test_update_office_changes_only_the_fields_sent_and_replaces_its_services(
    api: GraphQLClient, admin: str
) -> None:
    office = offices(api)["ufficio-tecnico"]
    payload = run(
        api,
        UPDATE_OFFICE,
        admin,
        id=office["id"],
        fields={"address": "Via Roma 2", "serviceIds": [service_id(api, "ritiro-ingombranti")]},
    )
    assert payload["errors"] == []
    assert payload["office"]["address"] == "Via Roma 2"
    assert payload["office"]["slug"] == "ufficio-tecnico"
    assert offices_of(api, "ritiro-ingombranti") == ["ufficio-tecnico"]
    assert "ufficio-tecnico" not in offices_of(api, "comunicazione-inizio-lavori")


def test_every_office_problem_is_reported_at_once_and_nothing_changes(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    links = count(world, "service_office")
    payload = run(
        api,
        CREATE_OFFICE,
        admin,
        slug="Ufficio Sport!",
        name={"en": "English only"},
        address="x" * 301,
        contacts={"email": "not-an-address", "url": "ftp://example.org"},
        serviceIds=[service_id(api, "prenotazione-sale-comunali"), foreign_id(api, "services")],
    )
    assert payload["office"] is None
    assert problems(payload) == {
        ("slug", "INVALID"),
        ("name", "REQUIRED"),
        ("address", "INVALID"),
        ("contacts.email", "INVALID_EMAIL"),
        ("contacts.url", "INVALID"),
        ("serviceIds[1]", "NOT_FOUND"),
    }
    assert api(OFFICES).data["offices"]["totalCount"] == 4
    assert count(world, "service_office") == links


EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]


def new_calendar(api: GraphQLClient, token: str, **fields: Any) -> dict[str, Any]:
    office = offices(api)["ufficio-scuola"]
    payload = run(
        api,
        CREATE_CALENDAR,
        token,
        officeId=office["id"],
        slug="agenda-scuola",
        name={"it": "Sportello scuola", "en": "School desk"},
        **fields,
    )
    assert payload["errors"] == []
    return dict(payload["calendar"])


def opening(begin: str, end: str, **rest: Any) -> dict[str, Any]:
    return {"weekdays": EVERY_DAY, "begin": begin, "end": end, **rest}


def clock(slot: dict[str, Any]) -> tuple[str, str, int, int]:
    start, end = local(slot["start"]), local(slot["end"])
    return f"{start:%H:%M}", f"{end:%H:%M}", slot["capacity"], slot["free"]


def test_admin_creates_a_calendar_whose_opening_hours_give_free_slots(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    calendar = new_calendar(
        api,
        admin,
        timeZone="Europe/Rome",
        bookingWindowDays=30,
        minimumNoticeHours=0,
        holdMinutes=15,
        cancelDaysBefore=1,
        serviceIds=[service_id(api, "mensa-scolastica")],
    )
    assert calendar["kind"] == "FIXED_SLOTS"
    assert calendar["office"] == {"slug": "ufficio-scuola"}
    assert (calendar["holdMinutes"], calendar["cancelDaysBefore"]) == (15, 1)
    assert calendar["openingHours"] == []
    assert open_days(api, calendar["id"]) == {}

    payload = run(
        api,
        SET_HOURS,
        admin,
        calendarId=calendar["id"],
        hours=[opening("09:00", "11:00", slotMinutes=40, bufferMinutes=10, capacity=3)],
    )
    assert payload["errors"] == []
    assert payload["calendar"]["openingHours"] == [
        {
            "weekdays": EVERY_DAY,
            "begin": "09:00:00",
            "end": "11:00:00",
            "validFrom": None,
            "validUntil": None,
            "slotMinutes": 40,
            "bufferMinutes": 10,
            "capacity": 3,
        }
    ]
    by_day = open_days(api, calendar["id"])
    assert set(by_day) == working_days(30)
    for found in by_day.values():
        assert [clock(slot) for slot in found] == [
            ("09:00", "09:40", 3, 3),
            ("09:50", "10:30", 3, 3),
        ]
    assert {"slug": "agenda-scuola"} in offices(api)["ufficio-scuola"]["calendars"]
    linked = sql(
        world,
        "SELECT s.slug FROM service_calendar l JOIN service s ON s.id = l.service_id "
        "WHERE l.calendar_id = :id",
        id=decode(calendar["id"]),
    )
    assert [row[0] for row in linked] == ["mensa-scolastica"]


def test_summer_hours_apply_only_within_their_validity(api: GraphQLClient, admin: str) -> None:
    calendar = new_calendar(api, admin)
    switch = today() + timedelta(days=4)  # every day is open: two or more of them come before
    payload = run(
        api,
        SET_HOURS,
        admin,
        calendarId=calendar["id"],
        hours=[
            opening("09:00", "10:00", slotMinutes=60, validUntil=switch.isoformat()),
            opening(
                "15:00", "16:00", slotMinutes=60, validFrom=(switch + timedelta(1)).isoformat()
            ),
        ],
    )
    assert payload["errors"] == []
    by_day = open_days(api, calendar["id"])
    assert any(day <= switch for day in by_day)
    assert any(day > switch for day in by_day)
    for day, found in by_day.items():
        expected = ("09:00", "10:00") if day <= switch else ("15:00", "16:00")
        assert [clock(slot)[:2] for slot in found] == [expected]


def test_every_calendar_problem_is_reported_at_once_and_nothing_changes(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    before = count(world, "calendar"), count(world, "service_calendar")
    payload = run(
        api,
        CREATE_CALENDAR,
        admin,
        slug="Agenda!",
        name={"de": "Nur Deutsch"},
        timeZone="Europe/Roma",
        bookingWindowDays=181,
        minimumNoticeHours=-1,
        holdMinutes=0,
        cancelDaysBefore=-1,
        serviceIds=[foreign_id(api, "services")],
    )
    assert payload["calendar"] is None
    assert problems(payload) == {
        ("officeId", "REQUIRED"),
        ("slug", "INVALID"),
        ("name", "REQUIRED"),
        ("name", "INVALID"),
        ("timeZone", "INVALID"),
        ("bookingWindowDays", "INVALID"),
        ("minimumNoticeHours", "INVALID"),
        ("holdMinutes", "INVALID"),
        ("cancelDaysBefore", "INVALID"),
        ("serviceIds[0]", "NOT_FOUND"),
    }
    assert (count(world, "calendar"), count(world, "service_calendar")) == before


def test_update_calendar_changes_only_the_fields_sent(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    payload = run(
        api, UPDATE_CALENDAR, admin, id=registry, fields={"holdMinutes": 20, "moderated": True}
    )
    assert payload["errors"] == []
    calendar = payload["calendar"]
    assert (calendar["holdMinutes"], calendar["moderated"]) == (20, True)
    assert (calendar["slug"], calendar["bookingWindowDays"]) == ("agenda-anagrafe", 30)
    assert len(calendar["openingHours"]) == 2

    elsewhere = run(
        api, UPDATE_CALENDAR, admin, id=registry, fields={"officeId": foreign_id(api, "offices")}
    )
    assert problems(elsewhere) == {("officeId", "NOT_FOUND")}
    hall = calendar_id(world, "risorsa-sala-consiliare")
    office = offices(api)["ufficio-anagrafe"]["id"]
    moved = run(api, UPDATE_CALENDAR, admin, id=hall, fields={"officeId": office})
    assert problems(moved) == {("officeId", "INVALID")}


def test_bad_opening_hours_are_named_by_row_and_the_old_ones_stay(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    registry = calendar_id(world, "agenda-anagrafe")
    before = api(HOURS, {"id": registry}).data
    payload = run(
        api,
        SET_HOURS,
        admin,
        calendarId=registry,
        hours=[
            opening("08:30", "12:30"),
            opening("09:00", "12:00", weekdays=[]),
            opening("12:00", "11:00", slotMinutes=4, capacity=51),
            opening(
                "09:00",
                "10:00",
                weekdays=[0, 8],
                slotMinutes=90,
                bufferMinutes=-5,
                validFrom="2030-06-30",
                validUntil="2030-06-01",
            ),
        ],
    )
    assert payload["calendar"] is None
    assert problems(payload) == {
        ("hours[1].weekdays", "INVALID"),
        ("hours[2].end", "INVALID"),
        ("hours[2].slotMinutes", "INVALID"),
        ("hours[2].capacity", "INVALID"),
        ("hours[3].weekdays", "INVALID"),
        ("hours[3].slotMinutes", "INVALID"),
        ("hours[3].bufferMinutes", "INVALID"),
        ("hours[3].validUntil", "INVALID"),
    }
    assert api(HOURS, {"id": registry}).data == before
    unknown = run(api, SET_HOURS, admin, calendarId=gid("Calendar", uuid.uuid4()), hours=[])
    assert problems(unknown) == {("calendarId", "NOT_FOUND")}


def test_a_closure_takes_away_a_days_slots_until_it_is_removed(
    api: GraphQLClient, admin: str
) -> None:
    calendar = new_calendar(api, admin)
    hours = [opening("09:00", "11:00", slotMinutes=60)]
    assert run(api, SET_HOURS, admin, calendarId=calendar["id"], hours=hours)["errors"] == []
    before = open_days(api, calendar["id"])
    day = sorted(before)[1]

    refused = run(
        api,
        ADD_CLOSURE,
        admin,
        calendarId=calendar["id"],
        firstDay=day.isoformat(),
        lastDay=(day - timedelta(days=1)).isoformat(),
        reason="x" * 201,
    )
    assert problems(refused) == {("lastDay", "INVALID"), ("reason", "INVALID")}
    assert open_days(api, calendar["id"]) == before

    added = run(
        api,
        ADD_CLOSURE,
        admin,
        calendarId=calendar["id"],
        firstDay=day.isoformat(),
        reason="Disinfestazione",
    )
    assert added["errors"] == []
    assert added["closure"]["firstDay"] == added["closure"]["lastDay"] == day.isoformat()
    assert added["calendar"] == {"slug": "agenda-scuola"}
    node = "query($id: ID!) { node(id: $id) { ... on Closure { reason } } }"
    found = api(node, {"id": added["closure"]["id"]}).data["node"]
    assert found == {"reason": "Disinfestazione"}
    closed = open_days(api, calendar["id"])
    assert closed == {other: found for other, found in before.items() if other != day}

    removed = run(api, REMOVE_CLOSURE, admin, id=added["closure"]["id"])
    assert removed == {"closure": {"id": added["closure"]["id"]}, "errors": []}
    assert open_days(api, calendar["id"]) == before
    again = run(api, REMOVE_CLOSURE, admin, id=added["closure"]["id"])
    assert problems(again) == {("id", "NOT_FOUND")}


def test_admin_creates_a_resource_with_its_own_calendar_and_opens_it(
    api: GraphQLClient, admin: str
) -> None:
    payload = run(
        api,
        CREATE_RESOURCE,
        admin,
        slug="sala-prove",
        name={"it": "Sala prove musicali", "en": "Rehearsal room"},
        description={"it": "Insonorizzata, con impianto audio"},
        kind="ROOM",
        capacity=8,
        minimumMinutes=60,
        maximumMinutes=180,
        granularityMinutes=30,
        bufferMinutes=15,
        pricePerHourCents=1200,
        moderated=True,
    )
    assert payload["errors"] == []
    resource = payload["resource"]
    assert resource["calendar"]["slug"] == "risorsa-sala-prove"
    assert (resource["calendar"]["kind"], resource["calendar"]["moderated"]) == (
        "VARIABLE_SLOTS",
        True,
    )
    assert (resource["minimumMinutes"], resource["maximumMinutes"]) == (60, 180)
    assert resource["pricePerHourCents"] == 1200

    assert free_intervals(api, resource["id"]) == {}
    hours = [opening("17:00", "21:00")]
    opened = run(api, SET_HOURS, admin, calendarId=resource["calendar"]["id"], hours=hours)
    assert opened["errors"] == []
    free = free_intervals(api, resource["id"])
    assert set(free) == working_days(90)  # a resource's calendar is booked up to 90 days ahead
    assert set(map(tuple, free.values())) == {((time(17), time(21)),)}
    listed = api("{ resources(first: 10) { edges { node { slug } } } }").data["resources"]
    assert {"node": {"slug": "sala-prove"}} in listed["edges"]


def test_every_resource_problem_is_reported_at_once_and_nothing_changes(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    before = count(world, "resource"), count(world, "calendar")
    payload = run(
        api,
        CREATE_RESOURCE,
        admin,
        slug="s" * 93,
        description={"de": "Nur Deutsch"},
        capacity=0,
        minimumMinutes=45,
        maximumMinutes=30,
        granularityMinutes=30,
        bufferMinutes=-1,
        pricePerHourCents=-1,
    )
    assert payload["resource"] is None
    assert problems(payload) == {
        ("slug", "INVALID"),
        ("kind", "REQUIRED"),
        ("name", "REQUIRED"),
        ("description", "INVALID"),
        ("capacity", "INVALID"),
        ("minimumMinutes", "INVALID"),
        ("maximumMinutes", "INVALID"),
        ("bufferMinutes", "INVALID"),
        ("pricePerHourCents", "INVALID"),
    }
    assert (count(world, "resource"), count(world, "calendar")) == before


def test_update_resource_checks_the_rules_it_would_have_and_keeps_its_calendar_in_step(
    api: GraphQLClient, admin: str, world: dict[str, str]
) -> None:
    hall = resource_id(world, "sala-consiliare")
    refused = run(api, UPDATE_RESOURCE, admin, id=hall, fields={"maximumMinutes": 45})
    assert problems(refused) == {("maximumMinutes", "INVALID")}
    payload = run(
        api,
        UPDATE_RESOURCE,
        admin,
        id=hall,
        fields={
            "name": {"it": "Sala del consiglio"},
            "moderated": False,
            "pricePerHourCents": None,
        },
    )
    assert payload["errors"] == []
    resource = payload["resource"]
    assert (resource["name"], resource["pricePerHourCents"]) == ("Sala del consiglio", None)
    assert (resource["maximumMinutes"], resource["capacity"]) == (240, 80)
    assert resource["calendar"]["moderated"] is False
    names = sql(world, "SELECT name FROM calendar WHERE slug = 'risorsa-sala-consiliare'")
    assert names[0][0]["it"] == "Sala del consiglio"


def test_slugs_are_unique_per_municipality(api: GraphQLClient, admin: str) -> None:
    office = run(api, CREATE_OFFICE, admin, slug="ufficio-anagrafe", name={"it": "Doppione"})
    assert problems(office) == {("slug", "UNIQUE")}
    calendar = run(
        api,
        CREATE_CALENDAR,
        admin,
        officeId=offices(api)["ufficio-scuola"]["id"],
        slug="agenda-tributi",
        name={"it": "Doppione"},
    )
    assert problems(calendar) == {("slug", "UNIQUE")}
    resource = run(
        api,
        CREATE_RESOURCE,
        admin,
        slug="palestra-comunale",
        name={"it": "Doppione"},
        kind="SPORTS_FIELD",
        capacity=10,
    )
    assert problems(resource) == {("slug", "UNIQUE")}


def every_change(api: GraphQLClient, world: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """One attempt at each admin mutation, valid as far as the input goes."""
    office = offices(api)["ufficio-scuola"]["id"]
    registry = calendar_id(world, "agenda-anagrafe")
    hall = resource_id(world, "sala-consiliare")
    return [
        (CREATE_OFFICE, {"slug": "ufficio-sport", "name": {"it": "Sport"}}),
        (UPDATE_OFFICE, {"id": office, "fields": {"address": "Via Roma 2"}}),
        (CREATE_CALENDAR, {"officeId": office, "slug": "agenda-x", "name": {"it": "X"}}),
        (UPDATE_CALENDAR, {"id": registry, "fields": {"holdMinutes": 20}}),
        (SET_HOURS, {"calendarId": registry, "hours": []}),
        (ADD_CLOSURE, {"calendarId": registry, "firstDay": str(today())}),
        (REMOVE_CLOSURE, {"id": gid("Closure", uuid.uuid4())}),
        (
            CREATE_RESOURCE,
            {"slug": "sala-x", "name": {"it": "X"}, "kind": "ROOM", "capacity": 4},
        ),
        (UPDATE_RESOURCE, {"id": hall, "fields": {"capacity": 1}}),
    ]


@pytest.mark.parametrize("who", ["operator", "citizen", "anonymous"])
def test_only_the_municipalitys_admins_may_set_up_offices_and_calendars(
    api: GraphQLClient, fresh_world: None, world: dict[str, str], who: str
) -> None:
    token = {"operator": OPERATOR, "citizen": GIULIA}.get(who)
    bearer = api.login(*token) if token else None
    tables = ("office", "calendar", "opening_hour", "closure", "resource", "service_office")
    before = [count(world, table) for table in tables]
    for mutation, input in every_change(api, world):
        payload = run(api, mutation, bearer, **input)
        assert payload["errors"] == [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Questa operazione è riservata agli amministratori del Comune.",
            }
        ], mutation
    assert [count(world, table) for table in tables] == before
    registry = calendar_id(world, "agenda-anagrafe")
    assert len(api(HOURS, {"id": registry}).data["calendar"]["openingHours"]) == 2
