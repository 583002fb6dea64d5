"""One person, one place a slot, and a few unconfirmed holds a calendar (issue 11, finding 7:
six holds by one citizen took three slots whole). PostgreSQL refuses a second place of a
person at the same time, whatever the Python code does; the cap on open holds is counted under
a lock of the person's own."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from itertools import pairwise
from typing import Any

import httpx
import pytest
from sqlalchemy.exc import IntegrityError
from stdnum.it import codicefiscale

from models.booking import DEFAULT_MAX_OPEN_HOLDS
from tests.bookable import free_slot, open_days
from tests.graphql import GraphQLClient, LiveServer
from tests.practices import GIULIA, MARIO, OPERATOR, fresh_key
from tests.test_appointments import (
    CANCEL,
    CONFIRM,
    HOLD,
    LUCA,
    RESCHEDULE,
    calendar_id,
    mutate,
    release_holds,
)
from tests.test_practices import decode, sql

pytestmark = pytest.mark.date_sensitive


def both_desks_free(slot: dict[str, Any]) -> bool:
    return bool(slot["free"] == 2)


def codes(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


def a_fiscal_code() -> str:
    """A fiscal code nobody in the demo has, with its right check letter."""
    digits = f"{uuid.uuid4().int % 100:02d}"
    body = f"NRANNA{digits}A41H501"
    return body + codicefiscale.calc_check_digit(body)


async def hold_in_parallel(
    server: LiveServer, token: str, holds: list[dict[str, str]]
) -> list[dict[str, Any]]:
    """Every hold sent at once, each on its own connection."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=60) as http:

        async def send(input: dict[str, str]) -> dict[str, Any]:
            response = await http.post(
                "/bugliano/graphql",
                json={"query": HOLD, "variables": {"input": input}},
                headers={"Authorization": f"Bearer {token}"},
            )
            body = response.json()
            assert "errors" not in body, body
            return dict(body["data"]["holdSlot"])

        return list(await asyncio.gather(*(send(input) for input in holds)))


def places_of(world: dict[str, str], citizen: str, start: str) -> list[tuple[str]]:
    return sql(
        world,
        'SELECT m.status FROM meeting m JOIN "user" u ON u.id = m.citizen_id '
        "WHERE u.fiscal_code = :citizen AND m.start_at = :start "
        "AND m.status IN ('DRAFT', 'PENDING', 'APPROVED')",
        citizen=citizen,
        start=datetime.fromisoformat(start),
    )


@pytest.mark.parametrize("requests", [20])
def test_parallel_holds_of_one_citizen_on_one_slot_give_exactly_one(
    api: GraphQLClient, server: LiveServer, world: dict[str, str], requests: int
) -> None:
    mario = api.login(*MARIO)
    release_holds(api, mario)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, both_desks_free, from_day=6)
    holds = [
        {"calendarId": registry, "start": slot["start"], "idempotencyKey": fresh_key()}
        for _ in range(requests)
    ]
    answers = asyncio.run(hold_in_parallel(server, mario, holds))
    won = [answer for answer in answers if answer["errors"] == []]
    lost = [codes(answer) for answer in answers if answer["errors"]]
    assert len(won) == 1
    assert lost == [[("start", "ALREADY_BOOKED")]] * (requests - 1)
    assert places_of(world, MARIO[0], slot["start"]) == [("DRAFT",)]
    # the other desk is still there for someone else
    giulia = api.login(*GIULIA)
    assert mutate(api, HOLD, giulia, calendarId=registry, start=slot["start"])["errors"] == []
    release_holds(api, mario)
    release_holds(api, giulia)


def test_a_citizen_cannot_take_a_second_desk_nor_move_onto_a_time_they_have(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    luca = api.login(*LUCA)
    release_holds(api, luca)
    registry = calendar_id(world, "agenda-anagrafe")
    days = list(open_days(api, registry, changeable=True).values())[7:]
    first, second = next(
        [a, b]
        for found in days
        for a, b in pairwise(found)
        if both_desks_free(a) and both_desks_free(b)
    )
    held = mutate(api, HOLD, luca, calendarId=registry, start=first["start"])["appointment"]
    again = mutate(api, HOLD, luca, calendarId=registry, start=first["start"])
    assert codes(again) == [("start", "ALREADY_BOOKED")]
    # in the municipality's language, Italian, for a request that names none
    assert again["errors"][0]["message"] == "Questa persona ha già un appuntamento a quest'ora."
    assert mutate(api, CONFIRM, luca, id=held["id"])["errors"] == []
    assert mutate(api, HOLD, luca, calendarId=registry, start=second["start"])["errors"] == []
    moved = mutate(api, RESCHEDULE, luca, id=held["id"], start=second["start"])
    assert codes(moved) == [("start", "ALREADY_BOOKED")]
    assert places_of(world, LUCA[0], first["start"]) == [("APPROVED",)]
    assert mutate(api, CANCEL, luca, id=held["id"])["errors"] == []
    release_holds(api, luca)


def test_open_holds_are_capped_per_person_and_calendar(
    api: GraphQLClient, server: LiveServer, world: dict[str, str]
) -> None:
    giulia = api.login(*GIULIA)
    release_holds(api, giulia)
    registry = calendar_id(world, "agenda-anagrafe")
    tax = calendar_id(world, "agenda-tributi")
    # one slot a day, so that the holds do not queue on one day's lock but only on the person's
    days = list(open_days(api, registry).values())[8:]
    slots = [next(slot for slot in found if both_desks_free(slot)) for found in days]
    extra = 3
    assert len(slots) >= DEFAULT_MAX_OPEN_HOLDS + extra + 1
    holds = [
        {"calendarId": registry, "start": slot["start"], "idempotencyKey": fresh_key()}
        for slot in slots[: DEFAULT_MAX_OPEN_HOLDS + extra]
    ]
    answers = asyncio.run(hold_in_parallel(server, giulia, holds))
    won = [answer for answer in answers if answer["errors"] == []]
    lost = [codes(answer) for answer in answers if answer["errors"]]
    assert len(won) == DEFAULT_MAX_OPEN_HOLDS
    assert lost == [[(None, "TOO_MANY_HOLDS")]] * extra
    refused = next(answer for answer in answers if answer["errors"])["errors"][0]
    assert refused["message"] == (
        f"Puoi avere al massimo {DEFAULT_MAX_OPEN_HOLDS} appuntamenti da confermare in questo "
        "calendario: prima conferma o annulla uno di questi."
    )

    # another calendar counts apart
    tax_slot = free_slot(api, tax, from_day=3)
    elsewhere = mutate(api, HOLD, giulia, calendarId=tax, start=tax_slot["start"])
    assert elsewhere["errors"] == []
    # a confirmed appointment is no longer an open hold
    assert mutate(api, CONFIRM, giulia, id=won[0]["appointment"]["id"])["errors"] == []
    later = mutate(api, HOLD, giulia, calendarId=registry, start=slots[-1]["start"])
    assert later["errors"] == []
    release_holds(api, giulia)
    assert mutate(api, CANCEL, giulia, id=won[0]["appointment"]["id"])["errors"] == []


def test_the_office_books_one_place_a_slot_for_one_fiscal_code(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator = api.login(*OPERATOR)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, both_desks_free, from_day=5)
    code = a_fiscal_code()
    held = mutate(
        api,
        HOLD,
        operator,
        calendarId=registry,
        start=slot["start"],
        name="Anna Neri",
        fiscalCode=code,
    )
    assert held["errors"] == []
    # the same person, written in lower case
    again = mutate(
        api,
        HOLD,
        operator,
        calendarId=registry,
        start=slot["start"],
        name="Anna Neri",
        fiscalCode=code.lower(),
    )
    assert codes(again) == [("start", "ALREADY_BOOKED")]
    # someone the office vouches for without a fiscal code takes the other desk
    walk_in = mutate(
        api, HOLD, operator, calendarId=registry, start=slot["start"], name="Bruno Neri"
    )
    assert walk_in["errors"] == []
    for appointment in (held["appointment"], walk_in["appointment"]):
        assert mutate(api, CANCEL, operator, id=appointment["id"])["errors"] == []


def test_the_database_itself_refuses_one_person_two_places_at_once(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    mario = api.login(*MARIO)
    release_holds(api, mario)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, both_desks_free, from_day=4)
    held = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])["appointment"]
    with pytest.raises(IntegrityError, match="meeting_one_per_citizen"):
        sql(
            world,
            "INSERT INTO meeting (id, tenant_id, calendar_id, desk, start_at, end_at, status, "
            "citizen_id, reschedule_count) SELECT gen_random_uuid(), tenant_id, calendar_id, "
            "desk + 1, start_at, end_at, 'APPROVED', citizen_id, 0 FROM meeting WHERE id = :id",
            id=decode(held["id"]),
        )
    release_holds(api, mario)
