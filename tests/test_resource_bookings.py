"""Citizens book rooms and halls for intervals; no interval ever overlaps another booking."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx
import pytest

from tests.bookable import AVAILABILITY, ROME, day_free_from_to
from tests.graphql import GraphQLClient, LiveServer
from tests.practices import GIULIA, MARIO, OPERATOR, SCHOOL_OPERATOR, fresh_key
from tests.test_appointments import mutate
from tests.test_practices import sql

pytestmark = pytest.mark.date_sensitive

BOOKING = "booking { id status statusCode start end priceCents attendees }"
ERRORS = "errors { field code message }"
BOOK = f"""mutation($input: BookResourceInput!) {{
  bookResource(input: $input) {{ {BOOKING} {ERRORS} }} }}"""
CANCEL = f"""mutation($input: CancelResourceBookingInput!) {{
  cancelResourceBooking(input: $input) {{ {BOOKING} {ERRORS} }} }}"""
APPROVE = """mutation($input: BookingDecisionInput!) {
  approveBooking(input: $input) { resourceBooking { id status } errors { code } } }"""


def resource_id(world: dict[str, str], slug: str) -> str:
    rows = sql(world, "SELECT id FROM resource WHERE slug = :slug", slug=slug)
    return base64.b64encode(f"Resource:{rows[0][0]}".encode()).decode()


def at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), tzinfo=ROME).isoformat()


def test_resources_are_listed_and_filtered(api: GraphQLClient) -> None:
    everything = api(
        "{ resources(first: 10) { totalCount edges { node { slug kind capacity } } } }"
    )
    slugs = [edge["node"]["slug"] for edge in everything.data["resources"]["edges"]]
    assert slugs == ["palestra-comunale", "sala-consiliare", "sala-riunioni-biblioteca"]
    big = api("{ resources(first: 10, minCapacity: 50) { edges { node { slug } } } }")
    assert [e["node"]["slug"] for e in big.data["resources"]["edges"]] == ["sala-consiliare"]


def test_a_citizen_books_a_room_and_its_interval_and_buffer_leave_the_availability(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario = api.login(*MARIO)
    hall = resource_id(world, "sala-consiliare")
    day = day_free_from_to(api, hall, time(9), time(23), from_day=2)
    booked = mutate(
        api,
        BOOK,
        mario,
        resourceId=hall,
        start=at(day, 18),
        end=at(day, 20),
        purpose="Assemblea di condominio",
        attendees=40,
    )
    assert booked["errors"] == []
    assert booked["booking"]["status"] == "PENDING"
    assert booked["booking"]["priceCents"] == 5000
    listed = api(
        "{ myResourceBookings(first: 10) { totalCount edges { node { id resource { slug } } } } }",
        token=mario,
    ).data["myResourceBookings"]
    assert {"id": booked["booking"]["id"], "resource": {"slug": "sala-consiliare"}} in [
        edge["node"] for edge in listed["edges"]
    ]
    free = api(AVAILABILITY, {"id": hall, "start": day.isoformat(), "end": day.isoformat()})
    stretches = [
        (
            datetime.fromisoformat(i["start"]).astimezone(ROME).time(),
            datetime.fromisoformat(i["end"]).astimezone(ROME).time(),
        )
        for i in free.data["resourceAvailability"]
    ]
    # a booking before 18:00 must end by 17:30: its own buffer of 30 minutes follows it
    assert (time(9), time(17, 30)) in stretches
    assert (time(20, 30), time(23)) in stretches
    after_buffer = mutate(api, BOOK, mario, resourceId=hall, start=at(day, 20), end=at(day, 21))
    assert [e["code"] for e in after_buffer["errors"]] == ["INTERVAL_TAKEN"]
    registry_operator = api.login(*OPERATOR)
    not_theirs = api(APPROVE, {"input": {"id": booked["booking"]["id"]}}, token=registry_operator)
    assert [e["code"] for e in not_theirs.data["approveBooking"]["errors"]] == ["NOT_FOUND"]
    operator = api.login(*SCHOOL_OPERATOR)
    approved = api(APPROVE, {"input": {"id": booked["booking"]["id"]}}, token=operator)
    assert approved.data["approveBooking"]["resourceBooking"]["status"] == "APPROVED"
    cancelled = mutate(api, CANCEL, mario, id=booked["booking"]["id"])
    assert cancelled["booking"]["status"] == "CANCELLED"


def test_intervals_off_the_rules_are_refused(api: GraphQLClient, world: dict[str, str]) -> None:
    giulia = api.login(*GIULIA)
    gym = resource_id(world, "palestra-comunale")
    day = day_free_from_to(api, gym, time(8), time(22), from_day=3)
    cases = {
        (at(day, 10, 10), at(day, 11, 10)): "INTERVAL_UNAVAILABLE",
        (at(day, 21), at(day, 23)): "INTERVAL_UNAVAILABLE",
        (at(day, 10), at(day, 10)): "INTERVAL_UNAVAILABLE",
    }
    for (start, end), code in cases.items():
        refused = mutate(api, BOOK, giulia, resourceId=gym, start=start, end=end)
        assert {e["code"] for e in refused["errors"]} == {code}
    crowd = mutate(
        api, BOOK, giulia, resourceId=gym, start=at(day, 10), end=at(day, 11), attendees=500
    )
    assert [e["field"] for e in crowd["errors"]] == ["attendees"]


def test_fifty_parallel_bookings_of_one_interval_give_exactly_one(
    api: GraphQLClient, server: LiveServer, world: dict[str, str]
) -> None:
    tokens = [api.login(*MARIO), api.login(*GIULIA), api.login("VRDLCU92L20E715F", "cittadino")]
    room = resource_id(world, "sala-riunioni-biblioteca")
    day = day_free_from_to(api, room, time(9), time(19), from_day=4)
    began = datetime.now(UTC)

    def book(turn: int) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            return mutate(
                GraphQLClient(http),
                BOOK,
                tokens[turn % 3],
                resourceId=room,
                start=at(day, 10),
                end=at(day, 12),
                idempotencyKey=fresh_key(),
            )

    with ThreadPoolExecutor(max_workers=25) as pool:
        answers = list(pool.map(book, range(50)))
    won = [answer for answer in answers if answer["errors"] == []]
    lost = [[e["code"] for e in answer["errors"]] for answer in answers if answer["errors"]]
    assert len(won) == 1
    assert lost == [["INTERVAL_TAKEN"]] * 49
    start = datetime.combine(day, time(10), tzinfo=ROME)
    rows = sql(
        world,
        "SELECT count(*) FROM resource_booking b JOIN resource r ON r.id = b.resource_id "
        "WHERE r.slug = 'sala-riunioni-biblioteca' AND b.start_at < :end AND b.end_at > :start "
        "AND b.created_at >= :began",
        start=start,
        end=start + timedelta(hours=2),
        began=began,
    )
    assert rows == [(1,)]
