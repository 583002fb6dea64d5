"""The office works sent practices through the state machine of DOMAIN.md, one step at a time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.graphql import GraphQLClient, LiveServer
from tests.practices import (
    ACCEPT,
    ADMIN,
    ANSWER_INTEGRATION,
    ASSIGN,
    COLLEAGUE,
    MARIO,
    OPERATOR,
    REJECT,
    REOPEN,
    REQUEST_INTEGRATION,
    REVOKE,
    TAKE,
    WITHDRAW,
    act,
    certificate_data,
    in_charge,
    submitted,
)
from tests.test_practices import decode, sql

HISTORY = """query($id: ID!) { practice(id: $id) {
  status availableTransitions
  history { action fromStatus toStatus actor message by { username fullName } }
  messages(first: 10) { edges { node { body fromApplicant } } } } }"""


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def operator(api: GraphQLClient) -> str:
    return api.login(*OPERATOR)


def ok(body: dict[str, Any]) -> dict[str, Any]:
    assert body["errors"] == [], body["errors"]
    return dict(body["practice"])


def codes(body: dict[str, Any]) -> list[str]:
    return [error["code"] for error in body["errors"]]


def test_a_practice_from_submission_to_acceptance_through_an_integration(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    assert "TAKE_IN_CHARGE" not in practice["availableTransitions"]
    seen = api(HISTORY, {"id": practice["id"]}, token=operator).data["practice"]
    assert seen["availableTransitions"] == ["TAKE_IN_CHARGE"]
    admin = api.login(*ADMIN)
    by_admin = api(HISTORY, {"id": practice["id"]}, token=admin).data["practice"]
    assert by_admin["availableTransitions"] == ["TAKE_IN_CHARGE", "REVOKE"]

    taken = ok(act(api, TAKE, operator, id=practice["id"]))
    assert taken["status"] == "PENDING"
    assert taken["assignee"]["username"] == "operatore"

    asked = ok(
        act(api, REQUEST_INTEGRATION, operator, id=practice["id"], message="Manca la firma.")
    )
    assert asked["status"] == "REQUEST_INTEGRATION"
    assert api(HISTORY, {"id": practice["id"]}, token=mario).data["practice"][
        "availableTransitions"
    ] == ["START_INTEGRATION_ANSWER", "WITHDRAW"]

    corrected = certificate_data() | {"copies": 2}
    answered = ok(
        act(
            api,
            ANSWER_INTEGRATION,
            mario,
            id=practice["id"],
            data=corrected,
            message="Ecco, firmato.",
        )
    )
    assert answered["status"] == "PENDING_AFTER_INTEGRATION"
    assert answered["data"]["copies"] == 2

    accepted = ok(act(api, ACCEPT, operator, id=practice["id"], reason="Tutto in regola."))
    assert accepted["status"] == "COMPLETE"
    assert accepted["statusCode"] == 7000
    assert accepted["outcome"] == {"accepted": True, "reason": "Tutto in regola."}

    final = api(HISTORY, {"id": practice["id"]}, token=mario).data["practice"]
    assert [(h["action"], h["toStatus"], h["actor"]) for h in final["history"]] == [
        ("SUBMIT", "PRE_SUBMIT", "CITIZEN"),
        ("ACQUIRE", "SUBMITTED", "SYSTEM"),
        ("TAKE_IN_CHARGE", "PENDING", "OPERATOR"),
        ("REQUEST_INTEGRATION", "REQUEST_INTEGRATION", "OPERATOR"),
        ("START_INTEGRATION_ANSWER", "DRAFT_FOR_INTEGRATION", "CITIZEN"),
        ("ANSWER_INTEGRATION", "SUBMITTED_AFTER_INTEGRATION", "CITIZEN"),
        ("RESUME", "PENDING_AFTER_INTEGRATION", "SYSTEM"),
        ("ACCEPT", "COMPLETE", "OPERATOR"),
    ]
    assert final["history"][3]["message"] == "Manca la firma."
    # the citizen knows who asked by name, not by the operator's account
    assert final["history"][3]["by"] == {"username": None, "fullName": "Paolo Conti"}
    bodies = [(e["node"]["body"], e["node"]["fromApplicant"]) for e in final["messages"]["edges"]]
    assert bodies == [("Manca la firma.", False), ("Ecco, firmato.", True)]
    assert final["availableTransitions"] == []


def test_an_invalid_integration_answer_changes_nothing(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    ok(act(api, REQUEST_INTEGRATION, operator, id=practice["id"], message="Correggere."))
    refused = act(
        api, ANSWER_INTEGRATION, mario, id=practice["id"], data=certificate_data() | {"copies": 0}
    )
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("data.copies", "MIN")]
    assert api(HISTORY, {"id": practice["id"]}, token=mario).data["practice"]["status"] == (
        "REQUEST_INTEGRATION"
    )


def test_a_forbidden_transition_is_a_payload_error(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    assert codes(act(api, TAKE, mario, id=practice["id"])) == ["FORBIDDEN"]
    assert codes(act(api, ACCEPT, operator, id=practice["id"])) == ["TRANSITION_NOT_ALLOWED"]
    # revoking is the tenant admin's, declared on the mutation: refused before anything runs
    assert codes(act(api, REVOKE, operator, id=practice["id"], message="no")) == ["FORBIDDEN"]
    ok(act(api, TAKE, operator, id=practice["id"]))
    assert codes(act(api, REJECT, operator, id=practice["id"])) == ["REQUIRED"]
    rejected = ok(act(api, REJECT, operator, id=practice["id"], reason="Requisiti mancanti."))
    assert rejected["status"] == "CANCELLED"
    assert codes(act(api, WITHDRAW, mario, id=practice["id"])) == ["TRANSITION_NOT_ALLOWED"]
    assert codes(act(api, REOPEN, operator, id=practice["id"])) == ["TRANSITION_NOT_ALLOWED"]


def test_the_citizen_withdraws_an_undecided_practice(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    withdrawn = ok(act(api, WITHDRAW, mario, id=practice["id"], message="Non serve più."))
    assert withdrawn["status"] == "WITHDRAWN"
    assert withdrawn["statusCode"] == 20000


def test_only_the_tenant_admin_revokes(api: GraphQLClient, mario: str, operator: str) -> None:
    practice = in_charge(api, mario, operator)
    ok(act(api, ACCEPT, operator, id=practice["id"]))
    admin = api.login(*ADMIN)
    assert codes(act(api, REVOKE, admin, id=practice["id"])) == ["REQUIRED"]
    revoked = ok(act(api, REVOKE, admin, id=practice["id"], message="Dichiarazioni false."))
    assert revoked["status"] == "REVOKED"


def test_an_operator_assigns_a_practice_to_a_colleague(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    other = api.login(*COLLEAGUE)
    other_id = api("{ me { id } }", token=other).data["me"]["id"]
    reassigned = ok(act(api, ASSIGN, operator, id=practice["id"], operatorId=other_id))
    assert reassigned["status"] == "PENDING"
    assert reassigned["assignee"]["username"] == "operatrice-anagrafe"
    citizen_id = api("{ me { id } }", token=mario).data["me"]["id"]
    assert codes(act(api, ASSIGN, operator, id=practice["id"], operatorId=citizen_id)) == [
        "NOT_FOUND"
    ]


def test_two_operators_deciding_at_once_end_with_one_outcome_and_one_event(
    api: GraphQLClient, server: LiveServer, mario: str, operator: str, world: dict[str, str]
) -> None:
    practice = in_charge(api, mario, operator)
    other = api.login(*ADMIN)  # the tenant's admin acts on a practice an operator holds

    def decide(turn: int) -> dict[str, Any]:
        mutation, token = (ACCEPT, operator) if turn % 2 else (REJECT, other)
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            client = GraphQLClient(http)
            return act(client, mutation, token, id=practice["id"], reason=f"decisione {turn}")

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(decide, range(24)))
    winners = [answer for answer in answers if answer["errors"] == []]
    assert len(winners) == 1
    assert all(
        codes(answer) == ["TRANSITION_NOT_ALLOWED"] for answer in answers if answer["errors"]
    )
    final = winners[0]["practice"]["status"]
    assert final in ("COMPLETE", "CANCELLED")
    practice_id = decode(practice["id"])
    decisions = sql(
        world,
        "SELECT count(*) FROM practice_status_change WHERE practice_id = :id "
        "AND action IN ('ACCEPT', 'REJECT')",
        id=practice_id,
    )
    assert decisions == [(1,)]
    events = sql(
        world,
        "SELECT count(*) FROM event WHERE aggregate_id = :id "
        "AND payload->>'action' IN ('ACCEPT', 'REJECT')",
        id=practice_id,
    )
    assert events == [(1,)]
    versions = sql(
        world,
        "SELECT aggregate_version FROM event WHERE aggregate_id = :id "
        "AND type = 'practice.status_changed' ORDER BY aggregate_version",
        id=practice_id,
    )
    assert [row[0] for row in versions] == list(range(2, 2 + len(versions)))
