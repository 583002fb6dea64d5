"""The offices decide on the bookings of their rooms: they list those waiting for approval,
approve or refuse them (a refusal with its reason, read by the citizen), and see nothing of
another office's rooms. Rooms tell citizens where they are, show a photo and say how to pay."""

from __future__ import annotations

import base64
import uuid
from datetime import time
from typing import Any

import httpx
import pytest

from tests.bookable import day_free_from_to
from tests.graphql import GraphQLClient, LiveServer
from tests.practices import ADMIN, GIULIA, MARIO, OPERATOR, SCHOOL_OPERATOR
from tests.test_appointments import mutate
from tests.test_practices import sql
from tests.test_resource_bookings import BOOK, at, resource_id

pytestmark = pytest.mark.date_sensitive

ROW = """id status start end purpose attendees organisation outcomeNote
  citizen { fullName fiscalCode } resource { slug name }"""
LIST = f"""query($status: BookingStatus, $resourceId: ID, $start: DateTime, $end: DateTime,
    $after: String) {{
  resourceBookings(status: $status, resourceId: $resourceId, start: $start, end: $end,
      first: 100, after: $after) {{
    totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ {ROW} }} }} }} }}"""
DECISION = "resourceBooking { id status outcomeNote } errors { field code message }"
APPROVE = f"""mutation($input: BookingDecisionInput!) {{
  approveBooking(input: $input) {{ {DECISION} }} }}"""
REFUSE = f"""mutation($input: BookingDecisionInput!) {{
  refuseBooking(input: $input) {{ {DECISION} }} }}"""
MINE = """{ myResourceBookings(first: 100) { edges { node { id status outcomeNote } } } }"""
UPDATE_RESOURCE = """mutation($input: UpdateResourceInput!) {
  updateResource(input: $input) {
    resource { address photo { url alt } paymentInstructions } errors { field code } } }"""
DETAILS = """query($id: ID!) { resource(id: $id) {
  address photo { url alt } paymentInstructions pricePerHourCents } }"""


def listed(
    api: GraphQLClient, token: str, **variables: Any
) -> tuple[int, dict[str, dict[str, Any]]]:
    """The total and the bookings by id the viewer's list shows, every page of it."""
    found: dict[str, dict[str, Any]] = {}
    after = None
    while True:
        page = api(LIST, {**variables, "after": after}, token=token).data["resourceBookings"]
        found.update({edge["node"]["id"]: edge["node"] for edge in page["edges"]})
        if not page["pageInfo"]["hasNextPage"]:
            return page["totalCount"], found
        after = page["pageInfo"]["endCursor"]


def book_the_hall(api: GraphQLClient, token: str, from_day: int, purpose: str) -> dict[str, Any]:
    """An evening of the council hall (moderated), waiting for the school office."""
    hall = resource_id_of(api, "sala-consiliare")
    day = day_free_from_to(api, hall, time(9), time(23), from_day=from_day)
    booked = mutate(
        api,
        BOOK,
        token,
        resourceId=hall,
        start=at(day, 18),
        end=at(day, 20),
        purpose=purpose,
        attendees=30,
        organisation="Comitato di quartiere",
    )
    assert booked["errors"] == []
    assert booked["booking"]["status"] == "PENDING"
    return dict(booked["booking"])


def resource_id_of(api: GraphQLClient, slug: str) -> str:
    edges = api("{ resources(first: 100) { edges { node { id slug } } } }").data["resources"]
    return next(e["node"]["id"] for e in edges["edges"] if e["node"]["slug"] == slug)


def my_booking(api: GraphQLClient, token: str, booking_id: str) -> dict[str, Any]:
    edges = api(MINE, token=token).data["myResourceBookings"]["edges"]
    return next(edge["node"] for edge in edges if edge["node"]["id"] == booking_id)


def test_the_school_office_lists_a_pending_room_booking_and_approves_it(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario = api.login(*MARIO)
    purpose = f"Assemblea {uuid.uuid4()}"
    booking = book_the_hall(api, mario, 5, purpose)
    operator = api.login(*SCHOOL_OPERATOR)

    total, pending = listed(api, operator)
    assert booking["id"] in pending
    assert total == len(pending)
    assert {node["status"] for node in pending.values()} == {"PENDING"}
    row = pending[booking["id"]]
    assert row["citizen"] == {"fullName": "Mario Rossi", "fiscalCode": MARIO[0]}
    assert row["resource"] == {"slug": "sala-consiliare", "name": "Sala consiliare"}
    assert (row["purpose"], row["attendees"], row["organisation"]) == (
        purpose,
        30,
        "Comitato di quartiere",
    )
    gym = resource_id_of(api, "palestra-comunale")
    assert listed(api, operator, resourceId=gym)[1] == {}
    _, in_its_evening = listed(api, operator, start=booking["start"], end=booking["end"])
    assert list(in_its_evening) == [booking["id"]]

    approved = mutate(api, APPROVE, operator, id=booking["id"])
    assert approved["errors"] == []
    assert approved["resourceBooking"]["status"] == "APPROVED"
    assert booking["id"] not in listed(api, operator)[1]
    assert booking["id"] in listed(api, operator, status="APPROVED")[1]
    assert booking["id"] in listed(api, operator, status=None)[1]
    assert my_booking(api, mario, booking["id"])["status"] == "APPROVED"

    again = mutate(api, APPROVE, operator, id=booking["id"])
    assert [error["code"] for error in again["errors"]] == ["TRANSITION_NOT_ALLOWED"]
    booking_uuid = base64.b64decode(booking["id"]).decode().split(":", 1)[1]
    events = sql(
        world,
        "SELECT type FROM event WHERE aggregate_id = :id ORDER BY created_at",
        id=uuid.UUID(booking_uuid),
    )
    assert [row[0] for row in events] == ["resource_booking.booked", "resource_booking.approved"]


def test_another_offices_operator_sees_no_room_booking_and_cannot_decide_one(
    api: GraphQLClient,
) -> None:
    mario = api.login(*MARIO)
    booking = book_the_hall(api, mario, 6, "Festa della scuola")
    registry = api.login(*OPERATOR)

    assert listed(api, registry) == (0, {})
    assert listed(api, registry, status=None) == (0, {})
    for mutation in (APPROVE, REFUSE):
        answer = mutate(api, mutation, registry, id=booking["id"], note="Non è mia")
        assert answer["resourceBooking"] is None
        assert [error["code"] for error in answer["errors"]] == ["NOT_FOUND"]
    node = api(
        "query($id: ID!) { node(id: $id) { id } }", {"id": booking["id"]}, token=registry
    ).data["node"]
    assert node is None
    assert my_booking(api, mario, booking["id"])["status"] == "PENDING"

    admin = api.login(*ADMIN)
    assert booking["id"] in listed(api, admin)[1]


def test_a_refusal_tells_the_citizen_why_and_frees_the_evening_for_another(
    api: GraphQLClient,
) -> None:
    mario, giulia = api.login(*MARIO), api.login(*GIULIA)
    booking = book_the_hall(api, mario, 7, "Cena sociale")
    operator = api.login(*SCHOOL_OPERATOR)
    reason = "La sala è chiusa per la manutenzione dell'impianto elettrico."

    refused = mutate(api, REFUSE, operator, id=booking["id"], note=reason)
    assert refused["errors"] == []
    assert refused["resourceBooking"] == {
        "id": booking["id"],
        "status": "REFUSED",
        "outcomeNote": reason,
    }
    assert my_booking(api, mario, booking["id"])["outcomeNote"] == reason
    assert booking["id"] not in listed(api, operator)[1]

    other = mutate(
        api,
        BOOK,
        giulia,
        resourceId=resource_id_of(api, "sala-consiliare"),
        start=booking["start"],
        end=booking["end"],
        attendees=10,
    )
    assert other["errors"] == []
    assert other["booking"]["status"] == "PENDING"

    too_long = mutate(api, REFUSE, operator, id=other["booking"]["id"], note="x" * 2001)
    assert [(e["field"], e["code"]) for e in too_long["errors"]] == [("note", "INVALID")]


def test_the_list_is_for_staff_and_its_period_is_bounded(api: GraphQLClient) -> None:
    citizen = api(LIST, token=api.login(*MARIO))
    assert citizen.error_codes == ["FORBIDDEN"]
    operator = api.login(*SCHOOL_OPERATOR)
    span = {"start": "2027-01-01T00:00:00+01:00", "end": "2028-02-01T00:00:00+01:00"}
    assert api(LIST, span, token=operator).error_codes == ["INVALID"]
    backwards = {"start": span["end"], "end": span["start"]}
    assert api(LIST, backwards, token=operator).error_codes == ["INVALID"]


def test_rooms_say_where_they_are_show_a_served_photo_and_how_to_pay(
    api: GraphQLClient, world: dict[str, str], server: LiveServer
) -> None:
    hall = api(DETAILS, {"id": resource_id(world, "sala-consiliare")}).data["resource"]
    assert hall["address"] == "Piazza del Municipio 1, primo piano, 56030 Bugliano (PI)"
    assert hall["photo"]["url"] == "/bugliano/photos/sala-consiliare.svg"
    assert hall["photo"]["alt"].startswith("La sala consiliare:")
    assert "pagoPA" in hall["paymentInstructions"]
    english = api.http.post(
        "/bugliano/graphql",
        json={"query": DETAILS, "variables": {"id": resource_id(world, "sala-consiliare")}},
        headers={"accept-language": "en"},
    ).json()["data"]["resource"]
    assert english["photo"]["alt"].startswith("The council hall:")

    with httpx.Client(base_url=server.base_url) as http:
        photo = http.get(hall["photo"]["url"])
        assert photo.status_code == 200
        assert photo.headers["content-type"] == "image/svg+xml"
        assert "<title" in photo.text
        assert http.get("/bugliano/photos/sala-inesistente.svg").status_code == 404
        assert http.get("/bugliano/photos/Sala-Consiliare.svg").status_code == 404

    library = api(DETAILS, {"id": resource_id(world, "sala-riunioni-biblioteca")}).data
    assert library["resource"]["pricePerHourCents"] is None
    assert library["resource"]["paymentInstructions"] is None


def test_admins_set_a_rooms_address_photo_and_payment_instructions(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    admin = api.login(*ADMIN)
    gym = resource_id(world, "palestra-comunale")
    fields = {
        "address": "  Via dello Sport 5  ",
        "photoUrl": "https://www.comune.bugliano.pi.it/foto/palestra.jpg",
        "photoAlt": {"it": "La palestra vista dalla tribuna"},
        "paymentInstructions": {"it": "Bonifico alla tesoreria comunale."},
    }
    changed = api(UPDATE_RESOURCE, {"input": {"id": gym, "fields": fields}}, token=admin).data
    assert changed["updateResource"] == {
        "resource": {
            "address": "Via dello Sport 5",
            "photo": {
                "url": "https://www.comune.bugliano.pi.it/foto/palestra.jpg",
                "alt": "La palestra vista dalla tribuna",
            },
            "paymentInstructions": "Bonifico alla tesoreria comunale.",
        },
        "errors": [],
    }
    wrong = {
        "address": "V" * 301,
        "photoUrl": "http://www.comune.bugliano.pi.it/foto/palestra.jpg",
        "photoAlt": {"de": "Die Turnhalle"},
    }
    refused = api(UPDATE_RESOURCE, {"input": {"id": gym, "fields": wrong}}, token=admin).data
    assert refused["updateResource"]["resource"] is None
    assert {(e["field"], e["code"]) for e in refused["updateResource"]["errors"]} == {
        ("address", "INVALID"),
        ("photoUrl", "INVALID"),
        ("photoAlt", "INVALID"),
    }
