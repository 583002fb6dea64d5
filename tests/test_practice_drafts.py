"""A citizen has one open draft per service: starting again resumes it, even when twenty starts
arrive at once; a draft can be deleted (own drafts only, never a sent practice); what a refused
submission carried stays in the draft."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.graphql import GraphQLClient, LiveServer
from tests.practices import (
    DELETE_DRAFT,
    GIULIA,
    MARIO,
    OPERATOR,
    SAVE_DRAFT,
    SUBMIT,
    certificate_data,
    draft,
    open_drafts,
    payload,
    service_id,
    submitted,
    uploaded,
)
from tests.test_practice_files import IDENTITY_CARD, identity_card_data, pdf

CERTIFICATES = "certificati-anagrafici"
READ = """query($id: ID!) { practice(id: $id) { id status data files { id } } }"""
FILE_URL = "query($id: ID!) { node(id: $id) { ... on File { url } } }"


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def giulia(api: GraphQLClient) -> str:
    return api.login(*GIULIA)


def start(
    api: GraphQLClient, token: str, service: str, data: dict[str, Any] | None = None
) -> dict[str, Any]:
    """`savePracticeDraft` with a service, as "Presenta la domanda online" starts an application."""
    input: dict[str, Any] = {"serviceId": service}
    if data is not None:
        input["data"] = data
    return payload(api(SAVE_DRAFT, {"input": input}, token=token), "savePracticeDraft")


def delete(api: GraphQLClient, token: str, practice_id: str) -> dict[str, Any]:
    return payload(
        api(DELETE_DRAFT, {"input": {"id": practice_id}}, token=token), "deletePracticeDraft"
    )


def codes(body: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in body["errors"]]


def test_starting_a_service_again_resumes_the_open_draft(api: GraphQLClient, mario: str) -> None:
    first = draft(api, mario, {"givenName": "Mario"})
    service = service_id(api, CERTIFICATES)

    again = start(api, mario, service)
    assert again["errors"] == []
    assert again["practice"]["id"] == first["id"]
    assert again["practice"]["data"] == first["data"], "resumed as it was"

    saved = start(api, mario, service, {"givenName": "Maria"})
    assert saved["practice"]["id"] == first["id"]
    # The data given are saved in it (with the applicant's profile where they said nothing).
    assert saved["practice"]["data"]["givenName"] == "Maria"
    assert [found["id"] for found in open_drafts(api, mario, service)] == [first["id"]]


def test_a_sent_practice_is_not_resumed_and_other_citizens_have_their_own(
    api: GraphQLClient, mario: str, giulia: str
) -> None:
    sent = submitted(api, mario)
    service = service_id(api, CERTIFICATES)
    mine = start(api, mario, service)["practice"]
    assert mine["id"] != sent["id"]
    assert mine["status"] == "DRAFT"
    assert mine["data"]["givenName"] == "Mario", "a new draft: only the applicant's profile"
    assert "stamp" not in mine["data"]
    theirs = start(api, giulia, service)["practice"]
    assert theirs["id"] != mine["id"]


@pytest.mark.parametrize("requests", [20])
def test_twenty_parallel_starts_give_one_draft(
    api: GraphQLClient, server: LiveServer, mario: str, requests: int
) -> None:
    service = service_id(api, IDENTITY_CARD)
    for left in open_drafts(api, mario, service):
        assert delete(api, mario, left["id"])["errors"] == []

    def begin(turn: int) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            return start(GraphQLClient(http), mario, service, {"givenName": f"Mario {turn}"})

    with ThreadPoolExecutor(max_workers=requests) as pool:
        answers = list(pool.map(begin, range(requests)))
    assert [answer["errors"] for answer in answers] == [[]] * requests
    ids = {answer["practice"]["id"] for answer in answers}
    assert len(ids) == 1
    drafts = open_drafts(api, mario, service)
    assert [found["id"] for found in drafts] == list(ids)
    # the last save won, whichever it was: the draft holds one of the starts' data whole
    assert drafts[0]["data"]["givenName"] in [f"Mario {turn}" for turn in range(requests)]


def test_a_citizen_deletes_their_draft_with_its_files(
    api: GraphQLClient, server: LiveServer, mario: str
) -> None:
    practice = draft(api, mario, identity_card_data(), service=IDENTITY_CARD)
    file = uploaded(api, mario, practice["id"], "denuncia.pdf", pdf(), component="report")
    link = api(FILE_URL, {"id": file["id"]}, token=mario).data["node"]["url"]
    assert httpx.get(server.base_url + link).status_code == 200

    deleted = delete(api, mario, practice["id"])
    assert deleted == {"deletedId": practice["id"], "errors": []}
    assert api(READ, {"id": practice["id"]}, token=mario).data["practice"] is None
    assert api(FILE_URL, {"id": file["id"]}, token=mario).data["node"] is None
    gone = httpx.get(server.base_url + link)
    assert gone.status_code == 404
    assert gone.json()["code"] == "FILE_NOT_FOUND"
    assert open_drafts(api, mario, service_id(api, IDENTITY_CARD)) == []

    again = delete(api, mario, practice["id"])
    assert again["deletedId"] is None
    assert codes(again) == [("id", "NOT_FOUND")]


def test_another_citizens_draft_cannot_be_deleted(
    api: GraphQLClient, mario: str, giulia: str
) -> None:
    theirs = draft(api, giulia, {"givenName": "Giulia"})
    refused = delete(api, mario, theirs["id"])
    assert refused["deletedId"] is None
    assert codes(refused) == [("id", "NOT_FOUND")]
    assert refused["errors"][0]["message"] == "Questa pratica non esiste."
    still = api(READ, {"id": theirs["id"]}, token=giulia).data["practice"]
    assert still["status"] == "DRAFT"


def test_a_sent_practice_cannot_be_deleted(api: GraphQLClient, mario: str) -> None:
    sent = submitted(api, mario)
    refused = delete(api, mario, sent["id"])
    assert refused["deletedId"] is None
    assert codes(refused) == [("id", "TRANSITION_NOT_ALLOWED")]
    assert refused["errors"][0]["message"].startswith(
        "Si può eliminare solo una bozza: questa pratica è nello stato «Acquisita»."
    )
    assert api(READ, {"id": sent["id"]}, token=mario).data["practice"]["status"] == "SUBMITTED"


def test_the_office_cannot_delete_drafts(api: GraphQLClient, mario: str) -> None:
    started = draft(api, mario, {"givenName": "Mario"})
    operator = api.login(*OPERATOR)
    refused = delete(api, operator, started["id"])
    assert refused["deletedId"] is None
    assert [error["code"] for error in refused["errors"]] == ["FORBIDDEN"]
    assert api(READ, {"id": started["id"]}, token=mario).data["practice"]["status"] == "DRAFT"


def test_a_refused_submission_keeps_what_the_citizen_sent(api: GraphQLClient, mario: str) -> None:
    started = draft(api, mario, {"givenName": "Mario"})
    corrected = certificate_data(given="Maria") | {"familyName": ""}
    refused = payload(
        api(SUBMIT, {"input": {"id": started["id"], "data": corrected}}, token=mario),
        "submitPractice",
    )
    assert refused["practice"] is None
    assert codes(refused) == [("data.familyName", "REQUIRED")]

    kept = api(READ, {"id": started["id"]}, token=mario).data["practice"]
    assert kept["status"] == "DRAFT"
    assert kept["data"] == corrected

    sent = payload(
        api(SUBMIT, {"input": {"id": started["id"], "data": certificate_data()}}, token=mario),
        "submitPractice",
    )
    assert sent["errors"] == []
    assert sent["practice"]["status"] == "SUBMITTED"
    # a sent practice is no draft to save into: sending it again changes nothing
    again = payload(
        api(SUBMIT, {"input": {"id": started["id"], "data": corrected}}, token=mario),
        "submitPractice",
    )
    assert again["practice"] is None
    assert (
        api(READ, {"id": started["id"]}, token=mario).data["practice"]["data"]
        == (sent["practice"]["data"])
    )
