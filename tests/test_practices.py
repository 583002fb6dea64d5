"""Citizens fill a service's form, save drafts and submit them; the server validates them."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from server.database import create_engine
from tests.clock import clock_at
from tests.graphql import GraphQLClient, LiveServer
from tests.live_server import serve
from tests.practices import (
    GIULIA,
    MARIO,
    OPERATOR,
    SAVE_DRAFT,
    SUBMIT,
    certificate_data,
    draft,
    fresh_key,
    in_charge,
    payload,
    send_message,
    service_id,
    submitted,
)


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


def sql(world: dict[str, str], statement: str, **params: Any) -> list[Any]:
    """Rows straight from the database (committed), to check what the API must not show or
    to play the clock forward."""

    async def run() -> list[Any]:
        engine = create_engine(world["DATABASE_URL"], pool_size=1)
        try:
            async with engine.begin() as connection:
                return list((await connection.execute(text(statement), params)).all())
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_citizen_saves_a_draft_comes_back_and_submits_it(api: GraphQLClient, mario: str) -> None:
    partial = {"givenName": "Mario"}
    started = draft(api, mario, partial)
    assert started["status"] == "DRAFT"
    assert started["statusCode"] == 1000
    assert started["number"] is None
    assert "SUBMIT" in started["availableTransitions"]

    again = api(
        "query($id: ID!) { practice(id: $id) { data form { version definition } } }",
        {"id": started["id"]},
        token=mario,
    ).data["practice"]
    # What was typed, and the applicant's profile in the fields the form has for it.
    assert again["data"] == {
        **partial,
        "familyName": "Rossi",
        "fiscalCode": "RSSMRA80A01H501U",
        "email": "mario.rossi@example.it",
        "phone": "+39 333 1234567",
    }
    assert again["form"]["definition"]["components"]

    saved = payload(
        api(SAVE_DRAFT, {"input": {"id": started["id"], "data": certificate_data()}}, token=mario),
        "savePracticeDraft",
    )
    assert saved["errors"] == []
    sent = payload(api(SUBMIT, {"input": {"id": started["id"]}}, token=mario), "submitPractice")
    assert sent["errors"] == []
    practice = sent["practice"]
    assert practice["status"] == "SUBMITTED"
    assert practice["statusCode"] == 2000
    assert re.fullmatch(r"\d{4}/\d{6}", practice["number"])
    assert practice["subject"] == "Certificati anagrafici"
    assert practice["receipt"]["contentType"] == "application/pdf"
    assert "WITHDRAW" in practice["availableTransitions"]
    history = api(
        "query($id: ID!) { practice(id: $id) { history { action fromStatus toStatus actor } } }",
        {"id": practice["id"]},
        token=mario,
    ).data["practice"]["history"]
    assert [(h["action"], h["toStatus"], h["actor"]) for h in history] == [
        ("SUBMIT", "PRE_SUBMIT", "CITIZEN"),
        ("ACQUIRE", "SUBMITTED", "SYSTEM"),
    ]


def test_every_problem_comes_back_at_once_and_nothing_changes(
    api: GraphQLClient, mario: str, world: dict[str, str]
) -> None:
    bad = certificate_data() | {
        "givenName": "",
        "fiscalCode": "RSSMRA80A01H501X",
        "stamp": "gratis",
        "copies": 9,
        "nickname": "Super Mario",
    }
    started = draft(api, mario, bad)
    result = api(SUBMIT, {"input": {"id": started["id"]}}, token=mario, language="en")
    body = payload(result, "submitPractice")
    assert body["practice"] is None
    problems = {(error["field"], error["code"]) for error in body["errors"]}
    assert problems == {
        ("data.givenName", "REQUIRED"),
        ("data.fiscalCode", "INVALID_FISCAL_CODE"),
        ("data.stamp", "NOT_AN_OPTION"),
        ("data.copies", "MAX"),
        ("data.nickname", "UNKNOWN_FIELD"),
    }
    required = next(e for e in body["errors"] if e["code"] == "REQUIRED")
    assert "is required" in required["message"]
    italian = payload(
        api(SUBMIT, {"input": {"id": started["id"]}}, token=mario, language="it"), "submitPractice"
    )
    assert any("obbligatorio" in error["message"] for error in italian["errors"])
    rows = sql(
        world,
        "SELECT status, number FROM practice WHERE id = :id",
        id=decode(started["id"]),
    )
    assert rows == [("DRAFT", None)]
    assert sql(
        world, "SELECT count(*) FROM event WHERE aggregate_id = :id", id=decode(started["id"])
    ) == [(0,)]


def decode(global_id: str) -> str:
    import base64

    return base64.b64decode(global_id).decode().split(":", 1)[1]


@pytest.mark.date_sensitive
def test_numbers_are_consecutive_per_tenant_and_year(api: GraphQLClient, mario: str) -> None:
    first = submitted(api, mario)["number"]
    second = submitted(api, mario)["number"]
    year, sequence = first.split("/")
    next_in_year, first_of_next_year = f"{year}/{int(sequence) + 1:06d}", f"{int(year) + 1}/000001"
    assert second in (next_in_year, first_of_next_year)  # the year may change in between


@pytest.mark.date_sensitive
def test_a_practice_sent_after_midnight_on_new_years_eve_has_the_new_years_number(
    world: dict[str, str], fresh_world: None, tmp_path: Path
) -> None:
    # 00:30 in Rome is still 31 December in UTC: the number follows the municipality's clocks.
    new_year = datetime.fromisoformat("2027-01-01T00:30:00+01:00")
    with (
        serve(world, tmp_path / "serve.log", **clock_at(new_year)) as server,
        httpx.Client(base_url=server.base_url, timeout=30) as http,
    ):
        api = GraphQLClient(http)
        practice = submitted(api, api.login(*MARIO))
    assert practice["number"].startswith("2027/")
    assert new_year <= datetime.fromisoformat(practice["submittedAt"]) < new_year + timedelta(1)


def test_citizen_cannot_read_another_citizens_practice(api: GraphQLClient, mario: str) -> None:
    practice = submitted(api, mario)
    giulia = api.login(*GIULIA)
    query = "query($id: ID!) { practice(id: $id) { id } node(id: $id) { id } }"
    seen = api(query, {"id": practice["id"]}, token=giulia).data
    assert seen == {"practice": None, "node": None}
    listed = api("{ practices(first: 100) { edges { node { id } } } }", token=giulia).data
    assert practice["id"] not in {edge["node"]["id"] for edge in listed["practices"]["edges"]}
    refused = payload(
        api(SUBMIT, {"input": {"id": practice["id"]}}, token=giulia), "submitPractice"
    )
    assert [error["code"] for error in refused["errors"]] == ["NOT_FOUND"]


def test_the_office_does_not_see_drafts(api: GraphQLClient, mario: str) -> None:
    started = draft(api, mario, {"givenName": "Mario"})
    operator = api.login(*OPERATOR)
    seen = api(
        "query($id: ID!) { practice(id: $id) { id } }", {"id": started["id"]}, token=operator
    )
    assert seen.data["practice"] is None


def test_only_citizens_apply_and_strong_enough_logins(api: GraphQLClient, mario: str) -> None:
    anonymous = payload(
        api(
            SAVE_DRAFT,
            {"input": {"serviceId": service_id(api, "certificati-anagrafici"), "data": {}}},
        ),
        "savePracticeDraft",
    )
    assert [error["code"] for error in anonymous["errors"]] == ["FORBIDDEN"]
    wedding = payload(
        api(
            SAVE_DRAFT,
            {"input": {"serviceId": service_id(api, "matrimonio-civile"), "data": {}}},
            token=mario,
        ),
        "savePracticeDraft",
    )
    assert [error["code"] for error in wedding["errors"]] == ["ACCESS_LEVEL_TOO_LOW"]
    suspended = payload(
        api(
            SAVE_DRAFT,
            {"input": {"serviceId": service_id(api, "occupazione-suolo-pubblico"), "data": {}}},
            token=mario,
        ),
        "savePracticeDraft",
    )
    assert [error["code"] for error in suspended["errors"]] == ["SERVICE_NOT_OPEN"]


def test_the_same_submission_key_sent_concurrently_submits_once(
    api: GraphQLClient, server: LiveServer, mario: str, world: dict[str, str]
) -> None:
    started = draft(api, mario, certificate_data())
    key = fresh_key()

    def send(_: int) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            client = GraphQLClient(http)
            variables = {"input": {"id": started["id"], "idempotencyKey": key}}
            return payload(client(SUBMIT, variables, token=mario), "submitPractice")

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(send, range(6)))
    assert all(answer["errors"] == [] for answer in answers)
    assert len({answer["practice"]["number"] for answer in answers}) == 1
    practice_id = decode(started["id"])
    submits = sql(
        world,
        "SELECT count(*) FROM practice_status_change WHERE practice_id = :id AND action = 'SUBMIT'",
        id=practice_id,
    )
    assert submits == [(1,)]
    events = sql(
        world,
        "SELECT type, count(*) FROM event WHERE aggregate_id = :id GROUP BY type ORDER BY type",
        id=practice_id,
    )
    assert events == [("practice.status_changed", 2), ("practice.submitted", 1)]
    reused = payload(
        api(
            SUBMIT,
            {
                "input": {
                    "id": started["id"],
                    "idempotencyKey": key,
                    "data": certificate_data("Marco"),
                }
            },
            token=mario,
        ),
        "submitPractice",
    )
    assert [error["code"] for error in reused["errors"]] == ["IDEMPOTENCY_KEY_REUSED"]


def test_the_receipt_downloads_as_a_pdf(api: GraphQLClient, server: LiveServer, mario: str) -> None:
    practice = submitted(api, mario)
    url = api(
        "query($id: ID!) { practice(id: $id) { receipt { url name } } }",
        {"id": practice["id"]},
        token=mario,
    ).data["practice"]["receipt"]["url"]
    response = httpx.get(server.base_url + url, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_practice_keeps_the_form_version_it_was_started_with(
    api: GraphQLClient, mario: str, fresh_world: None
) -> None:
    started = draft(api, mario, certificate_data())
    query = """{ service(slug: "certificati-anagrafici") {
        form { id title currentVersion definition } } }"""
    form = api(query).data["service"]["form"]
    stricter = dict(form["definition"])
    stricter["components"] = [
        *form["definition"]["components"],
        {
            "type": "textfield",
            "key": "motivation",
            "label": "Motivo",
            "input": True,
            "validate": {"required": True},
        },
    ]
    admin = api.login("admin", "admin")
    saved = api(
        """mutation($input: SaveFormInput!) { saveForm(input: $input) {
             version { version } errors { code } } }""",
        {"input": {"formId": form["id"], "title": form["title"], "definition": stricter}},
        token=admin,
    ).data["saveForm"]
    assert saved["version"]["version"] == form["currentVersion"] + 1

    sent = payload(api(SUBMIT, {"input": {"id": started["id"]}}, token=mario), "submitPractice")
    assert sent["errors"] == []
    pinned = api(
        "query($id: ID!) { practice(id: $id) { form { version } } }",
        {"id": started["id"]},
        token=mario,
    ).data["practice"]["form"]
    assert pinned["version"] == form["currentVersion"]

    newer = draft(api, mario, certificate_data())
    refused = payload(api(SUBMIT, {"input": {"id": newer["id"]}}, token=mario), "submitPractice")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("data.motivation", "REQUIRED")]


STAFF_AS_SEEN = """query($id: ID!) { node(id: $id) { ... on Practice {
  assignee { fullName username roles email phone }
  history { by { fullName username roles email } }
  messages(first: 10) { edges { node { author { fullName username roles email } } } } } } }"""


def test_a_citizen_sees_the_operators_on_their_practice_by_name_only(
    api: GraphQLClient, mario: str
) -> None:
    operator = api.login(*OPERATOR)
    practice = in_charge(api, mario, operator)
    answer = send_message(api, operator, practice["id"], body="Serve un documento in più.")
    assert answer["errors"] == []

    def staff_seen_by(token: str) -> list[dict[str, Any]]:
        node = api(STAFF_AS_SEEN, {"id": practice["id"]}, token=token).data["node"]
        bys = [step["by"] for step in node["history"] if step["by"]]
        authors = [edge["node"]["author"] for edge in node["messages"]["edges"]]
        return [node["assignee"], *bys, *authors]

    staff = [seen for seen in staff_seen_by(mario) if seen["fullName"] != "Mario Rossi"]
    assert len(staff) >= 3  # the assignee, who took it in charge, who wrote
    for seen in staff:
        assert seen["fullName"]
        assert (seen["username"], seen["roles"], seen["email"]) == (None, [], None), seen
    by_the_office = staff_seen_by(operator)
    assert by_the_office[0]["username"] == "operatore"
    assert by_the_office[0]["roles"]
