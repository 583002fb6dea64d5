"""Messages on a sent practice between the citizen and the office, and the office's internal
notes that the citizen never sees."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.graphql import GraphQLClient, LiveServer
from tests.practices import (
    GIULIA,
    MARIO,
    MARK_READ,
    OPERATOR,
    SEND_MESSAGE,
    draft,
    fresh_key,
    payload,
    send_message,
    submitted,
    uploaded,
)

CONVERSATION = """query($id: ID!) { practice(id: $id) {
  unreadCount
  lastMessage { id body visibility }
  files { id }
  messages(first: 100) { totalCount edges { node {
    id body visibility fromApplicant readAt author { username fiscalCode }
    attachments { id name } } } } } }"""
PAGE = """query($id: ID!, $first: Int!, $after: String) { practice(id: $id) {
  messages(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { body } } } } }"""
MESSAGE_NODE = """query($id: ID!) { node(id: $id) {
  ... on Message { id body visibility attachments { id } } } }"""
QUEUE = """query($applicant: String!) {
  practices(filter: {applicant: $applicant, statuses: [SUBMITTED]}, first: 100) {
    edges { node { id lastMessage { body } unreadCount } } } }"""


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def operator(api: GraphQLClient) -> str:
    return api.login(*OPERATOR)


def pdf_bytes(text: str) -> bytes:
    """A tiny PDF: enough for the upload to be sniffed as one."""
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def conversation(api: GraphQLClient, token: str, practice_id: str) -> dict[str, Any]:
    practice = api(CONVERSATION, {"id": practice_id}, token=token).data["practice"]
    assert practice is not None
    return dict(practice)


def bodies(seen: dict[str, Any]) -> list[str]:
    return [edge["node"]["body"] for edge in seen["messages"]["edges"]]


def codes(body: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in body["errors"]]


def sent(api: GraphQLClient, token: str, practice_id: str, **input: Any) -> dict[str, Any]:
    body = send_message(api, token, practice_id, **input)
    assert body["errors"] == [], body["errors"]
    return dict(body["message"])


def unread(api: GraphQLClient, token: str, practice_id: str) -> int:
    query = "query($id: ID!) { practice(id: $id) { unreadCount } }"
    return int(api(query, {"id": practice_id}, token=token).data["practice"]["unreadCount"])


def test_the_citizen_and_the_office_write_to_each_other(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    question = sent(api, mario, practice["id"], body="Quando sarà pronto il certificato?")
    assert question["fromApplicant"] is True
    assert question["visibility"] == "APPLICANT"
    assert question["author"]["fiscalCode"] == MARIO[0]
    answer = sent(api, operator, practice["id"], body="Entro tre giorni lavorativi.")
    assert answer["fromApplicant"] is False
    assert answer["author"]["username"] == "operatore"

    for token in (mario, operator):
        seen = conversation(api, token, practice["id"])
        assert bodies(seen) == [
            "Quando sarà pronto il certificato?",
            "Entro tre giorni lavorativi.",
        ]
        assert seen["messages"]["totalCount"] == 2
        assert seen["lastMessage"]["id"] == answer["id"]


def test_nobody_else_writes_on_a_citizens_practice(api: GraphQLClient, mario: str) -> None:
    practice = submitted(api, mario)
    giulia = api.login(*GIULIA)
    for intruder, refusal in ((giulia, ("practiceId", "NOT_FOUND")), (None, (None, "FORBIDDEN"))):
        refused = payload(
            api(
                SEND_MESSAGE,
                {"input": {"practiceId": practice["id"], "body": "ciao"}},
                token=intruder,
            ),
            "sendMessage",
        )
        assert refused["message"] is None
        assert codes(refused) == [refusal]
    assert conversation(api, mario, practice["id"])["messages"]["totalCount"] == 0


def test_an_internal_note_stays_with_the_office(
    api: GraphQLClient, server: LiveServer, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    public = sent(api, operator, practice["id"], body="Abbiamo ricevuto la domanda.")
    evidence = uploaded(
        api, operator, practice["id"], "verbale.pdf", pdf_bytes("verbale"), purpose="MESSAGE"
    )
    note = sent(
        api,
        operator,
        practice["id"],
        body="Verificare la residenza storica.",
        visibility="INTERNAL",
        fileIds=[evidence["id"]],
    )
    assert note["visibility"] == "INTERNAL"
    assert [file["id"] for file in note["attachments"]] == [evidence["id"]]

    citizen = conversation(api, mario, practice["id"])
    assert bodies(citizen) == ["Abbiamo ricevuto la domanda."]
    assert citizen["messages"]["totalCount"] == 1
    assert citizen["lastMessage"]["id"] == public["id"]
    assert citizen["unreadCount"] == 1
    assert evidence["id"] not in [file["id"] for file in citizen["files"]]
    assert api(MESSAGE_NODE, {"id": note["id"]}, token=mario).data["node"] is None
    assert "Verificare" not in str(api(CONVERSATION, {"id": practice["id"]}, token=mario).body)

    office = conversation(api, operator, practice["id"])
    assert bodies(office) == ["Abbiamo ricevuto la domanda.", "Verificare la residenza storica."]
    assert office["lastMessage"] == {
        "id": note["id"],
        "body": "Verificare la residenza storica.",
        "visibility": "INTERNAL",
    }
    assert evidence["id"] in [file["id"] for file in office["files"]]
    node = api(MESSAGE_NODE, {"id": note["id"]}, token=operator).data["node"]
    assert node["attachments"] == [{"id": evidence["id"]}]
    assert httpx.get(server.base_url + evidence["url"], timeout=30).status_code == 200


def test_a_citizen_cannot_write_an_internal_note(api: GraphQLClient, mario: str) -> None:
    practice = submitted(api, mario)
    refused = send_message(api, mario, practice["id"], body="segreto", visibility="INTERNAL")
    assert refused["message"] is None
    assert codes(refused) == [("visibility", "FORBIDDEN")]
    assert conversation(api, mario, practice["id"])["messages"]["totalCount"] == 0
    office = conversation(api, api.login(*OPERATOR), practice["id"])
    assert office["messages"]["totalCount"] == 0


def test_unread_counts_are_each_sides_and_reading_resets_only_ones_own(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    assert unread(api, mario, practice["id"]) == unread(api, operator, practice["id"]) == 0
    sent(api, mario, practice["id"], body="Prima domanda")
    sent(api, mario, practice["id"], body="Seconda domanda")
    sent(api, operator, practice["id"], body="Risposta")
    sent(api, operator, practice["id"], body="Nota", visibility="INTERNAL")
    assert unread(api, mario, practice["id"]) == 1
    assert unread(api, operator, practice["id"]) == 2

    read = payload(
        api(MARK_READ, {"input": {"practiceId": practice["id"]}}, token=operator),
        "markMessagesRead",
    )
    assert read["errors"] == []
    assert read["practice"]["unreadCount"] == 0
    assert unread(api, operator, practice["id"]) == 0
    assert unread(api, mario, practice["id"]) == 1
    seen = conversation(api, mario, practice["id"])
    read_at = {edge["node"]["body"]: edge["node"]["readAt"] for edge in seen["messages"]["edges"]}
    assert read_at["Prima domanda"] is not None
    assert read_at["Risposta"] is None

    read = payload(
        api(MARK_READ, {"input": {"practiceId": practice["id"]}}, token=mario), "markMessagesRead"
    )
    assert read["practice"]["unreadCount"] == 0
    assert unread(api, mario, practice["id"]) == 0
    sent(api, mario, practice["id"], body="Terza domanda")
    assert unread(api, operator, practice["id"]) == 1


def test_messages_come_in_pages_oldest_first(api: GraphQLClient, mario: str, operator: str) -> None:
    practice = submitted(api, mario)
    written = [f"messaggio {n}" for n in range(5)]
    for n, body in enumerate(written):
        sent(api, mario if n % 2 == 0 else operator, practice["id"], body=body)

    read: list[str] = []
    after: str | None = None
    pages = 0
    while True:
        page = api(PAGE, {"id": practice["id"], "first": 2, "after": after}, token=mario).data[
            "practice"
        ]["messages"]
        assert page["totalCount"] == 5
        read += [edge["node"]["body"] for edge in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert read == written
    assert pages == 3


def test_an_empty_message_without_files_is_refused(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    for body in ("", "   \n\t"):
        refused = send_message(api, mario, practice["id"], body=body)
        assert refused["message"] is None
        assert codes(refused) == [("body", "REQUIRED")]
    assert conversation(api, mario, practice["id"])["messages"]["totalCount"] == 0

    attachment = uploaded(
        api, operator, practice["id"], "modulo.pdf", pdf_bytes("modulo"), purpose="MESSAGE"
    )
    only_a_file = sent(api, operator, practice["id"], body="", fileIds=[attachment["id"]])
    assert [file["name"] for file in only_a_file["attachments"]] == ["modulo.pdf"]
    assert conversation(api, mario, practice["id"])["messages"]["totalCount"] == 1


def test_the_same_message_key_sent_concurrently_writes_one_message(
    api: GraphQLClient, server: LiveServer, mario: str
) -> None:
    practice = submitted(api, mario)
    key = fresh_key()

    def send(_: int) -> dict[str, Any]:
        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            return send_message(
                GraphQLClient(http),
                mario,
                practice["id"],
                body="Una volta sola",
                idempotencyKey=key,
            )

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(send, range(6)))
    assert all(answer["errors"] == [] for answer in answers), answers
    assert len({answer["message"]["id"] for answer in answers}) == 1
    seen = conversation(api, mario, practice["id"])
    assert bodies(seen) == ["Una volta sola"]
    assert seen["messages"]["totalCount"] == 1

    reused = send_message(api, mario, practice["id"], body="Un'altra cosa", idempotencyKey=key)
    assert reused["message"] is None
    assert codes(reused) == [("idempotencyKey", "IDEMPOTENCY_KEY_REUSED")]
    assert conversation(api, mario, practice["id"])["messages"]["totalCount"] == 1


def test_the_office_queue_shows_the_last_message_and_the_unread_count(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = submitted(api, mario)
    quiet = submitted(api, mario)
    sent(api, mario, practice["id"], body="Ho allegato il documento sbagliato")
    sent(api, mario, practice["id"], body="Vi mando quello giusto")
    sent(api, operator, practice["id"], body="Nota per i colleghi", visibility="INTERNAL")

    rows = {
        edge["node"]["id"]: edge["node"]
        for edge in api(QUEUE, {"applicant": MARIO[0]}, token=operator).data["practices"]["edges"]
    }
    assert rows[practice["id"]]["unreadCount"] == 2
    assert rows[practice["id"]]["lastMessage"] == {"body": "Nota per i colleghi"}
    assert rows[quiet["id"]] == {"id": quiet["id"], "lastMessage": None, "unreadCount": 0}

    mine = {
        edge["node"]["id"]: edge["node"]
        for edge in api(QUEUE, {"applicant": MARIO[0]}, token=mario).data["practices"]["edges"]
    }
    assert mine[practice["id"]]["lastMessage"] == {"body": "Vi mando quello giusto"}
    assert mine[practice["id"]]["unreadCount"] == 0


def test_the_office_does_not_see_messages_on_a_draft(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    started = draft(api, mario, {"givenName": "Mario"})
    refused = send_message(api, operator, started["id"], body="Ciao")
    assert codes(refused) == [("practiceId", "NOT_FOUND")]
