"""Operators work their offices' practices only (issue 11, finding 1), over HTTP against the real
servers: a practice belongs to its service's office from submission; an operator of another
office neither lists, reads, nor acts on it; an operator acts on a practice a colleague holds
only after reassigning it; the tenant's admins bind operators to offices and services."""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql import GraphQLClient
from tests.practices import (
    ACCEPT,
    ADMIN,
    ASSIGN,
    COLLEAGUE,
    MARIO,
    OPERATOR,
    REQUEST_INTEGRATION,
    SEND_MESSAGE,
    TAKE,
    TAX_OPERATOR,
    act,
    in_charge,
    payload,
    service_id,
    submitted,
)

READ = """query($id: ID!) {
  practice(id: $id) { id office { slug } assignee { username } availableTransitions data }
  node(id: $id) { id }
}"""
QUEUE = """query($filter: PracticeFilterInput) {
  practices(first: 100, filter: $filter) { totalCount edges { node { id office { slug } } } }
  practiceCounts { status count }
}"""
STAFF = """query($office: ID) {
  staff(first: 100, officeId: $office) { totalCount edges { node { username offices { slug } } } }
}"""
MY_OFFICES = "{ offices(first: 100, workedByMe: true) { edges { node { slug } } } }"
BIND = """mutation($input: SetOperatorOfficesInput!) {
  setOperatorOffices(input: $input) {
    operator { username offices { slug } } errors { field code message } } }"""


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def registry(api: GraphQLClient) -> str:
    """The operator of the registry office (Ufficio Anagrafe)."""
    return api.login(*OPERATOR)


@pytest.fixture
def tax(api: GraphQLClient) -> str:
    """The operator of the tax office (Ufficio Tributi)."""
    return api.login(*TAX_OPERATOR)


def codes(body: dict[str, Any]) -> list[str]:
    return [error["code"] for error in body["errors"]]


def ids(page: dict[str, Any]) -> set[str]:
    return {edge["node"]["id"] for edge in page["edges"]}


def global_id(api: GraphQLClient, token: str, query: str, path: str) -> str:
    data: Any = api(query, token=token).data
    for key in path.split("."):
        data = data[key]
    return str(data)


def office_id(api: GraphQLClient, slug: str) -> str:
    offices = api("{ offices(first: 100) { edges { node { id slug } } } }").data["offices"]
    return next(edge["node"]["id"] for edge in offices["edges"] if edge["node"]["slug"] == slug)


def test_a_practice_belongs_to_its_services_office_from_submission(
    api: GraphQLClient, mario: str, registry: str
) -> None:
    practice = submitted(api, mario)
    seen = api(READ, {"id": practice["id"]}, token=registry).data["practice"]
    assert seen["office"] == {"slug": "ufficio-anagrafe"}
    assert seen["assignee"] is None
    office = office_id(api, "ufficio-anagrafe")
    queue = api(QUEUE, {"filter": {"offices": [office], "unassigned": True}}, token=registry)
    assert practice["id"] in ids(queue.data["practices"])


def test_another_offices_operator_neither_lists_reads_nor_acts_on_a_practice(
    api: GraphQLClient, mario: str, registry: str, tax: str
) -> None:
    practice = submitted(api, mario)
    seen = api(READ, {"id": practice["id"]}, token=tax).data
    assert seen == {"practice": None, "node": None}

    listed = api(QUEUE, {}, token=tax).data
    offices = {edge["node"]["office"]["slug"] for edge in listed["practices"]["edges"]}
    assert practice["id"] not in ids(listed["practices"])
    assert offices <= {"ufficio-tributi"}
    registry_counts = api(QUEUE, {}, token=registry).data["practiceCounts"]
    assert listed["practiceCounts"] != registry_counts

    for mutation, extra in ((TAKE, {}), (ACCEPT, {"reason": "ok"})):
        assert codes(act(api, mutation, tax, id=practice["id"], **extra)) == ["NOT_FOUND"]
    note = {"practiceId": practice["id"], "body": "nota", "visibility": "INTERNAL"}
    refused = payload(api(SEND_MESSAGE, {"input": note}, token=tax), "sendMessage")
    assert codes(refused) == ["NOT_FOUND"]

    # the office's own operator still works it, and nothing the stranger tried was written
    taken = act(api, TAKE, registry, id=practice["id"])
    assert taken["errors"] == []
    assert taken["practice"]["assignee"] == {"username": "operatore"}


def test_a_colleague_reassigns_a_held_practice_before_acting_on_it(
    api: GraphQLClient, mario: str, registry: str
) -> None:
    practice = in_charge(api, mario, registry)
    colleague = api.login(*COLLEAGUE)
    seen = api(READ, {"id": practice["id"]}, token=colleague).data["practice"]
    assert seen["availableTransitions"] == ["REASSIGN"]
    ask = {"id": practice["id"], "message": "Manca la firma."}
    assert codes(act(api, REQUEST_INTEGRATION, colleague, **ask)) == ["HELD_BY_ANOTHER"]

    me = global_id(api, colleague, "{ me { id } }", "me.id")
    moved = act(api, ASSIGN, colleague, id=practice["id"], operatorId=me)
    assert moved["errors"] == []
    assert moved["practice"]["assignee"] == {"username": "operatrice-anagrafe"}
    asked = act(api, REQUEST_INTEGRATION, colleague, **ask)
    assert asked["practice"]["status"] == "REQUEST_INTEGRATION"
    # and now the first operator is the one who must take it back first
    first = api(READ, {"id": practice["id"]}, token=registry).data["practice"]
    assert set(first["availableTransitions"]) <= {"REASSIGN"}


def test_a_practice_goes_only_to_an_operator_of_its_office(
    api: GraphQLClient, mario: str, registry: str, tax: str
) -> None:
    practice = submitted(api, mario)
    stranger = global_id(api, tax, "{ me { id } }", "me.id")
    refused = act(api, ASSIGN, registry, id=practice["id"], operatorId=stranger)
    assert codes(refused) == ["FORBIDDEN"]
    assert api(READ, {"id": practice["id"]}, token=tax).data["practice"] is None


def test_the_staff_query_offers_the_colleagues_of_ones_offices(
    api: GraphQLClient, registry: str, tax: str, mario: str
) -> None:
    def usernames(token: str) -> set[str]:
        page = api(STAFF, {}, token=token).data["staff"]
        return {edge["node"]["username"] for edge in page["edges"]}

    assert usernames(registry) == {"operatore", "operatrice-anagrafe"}
    assert usernames(tax) == {"operatrice-tributi"}
    everyone = usernames(api.login(*ADMIN))
    assert {"operatore", "operatrice-anagrafe", "operatrice-tributi", "operatore-scuola"} <= (
        everyone
    )
    assert api(STAFF, {}, token=mario).error_codes == ["FORBIDDEN"]
    assert api(MY_OFFICES, token=tax).data["offices"]["edges"] == [
        {"node": {"slug": "ufficio-tributi"}}
    ]


@pytest.mark.usefixtures("fresh_world")
def test_the_admin_binds_an_operator_to_offices_and_single_services(
    api: GraphQLClient, mario: str, tax: str
) -> None:
    practice = submitted(api, mario)  # certificati-anagrafici, Ufficio Anagrafe
    operator_id = global_id(api, tax, "{ me { id } }", "me.id")
    registry_office = office_id(api, "ufficio-anagrafe")
    tax_office = office_id(api, "ufficio-tributi")
    bind = {"operatorId": operator_id, "officeIds": [tax_office, registry_office]}

    for caller in (tax, mario):
        assert codes(payload(api(BIND, {"input": bind}, token=caller), "setOperatorOffices")) == [
            "FORBIDDEN"
        ]
    admin = api.login(*ADMIN)
    bound = payload(api(BIND, {"input": bind}, token=admin), "setOperatorOffices")
    assert bound["errors"] == []
    assert bound["operator"]["offices"] == [
        {"slug": "ufficio-anagrafe"},
        {"slug": "ufficio-tributi"},
    ]
    assert api(READ, {"id": practice["id"]}, token=tax).data["practice"]["office"] == {
        "slug": "ufficio-anagrafe"
    }

    only_cards = bind | {"serviceIds": [service_id(api, "carta-identita-elettronica")]}
    narrowed = payload(api(BIND, {"input": only_cards}, token=admin), "setOperatorOffices")
    assert narrowed["errors"] == []
    assert api(READ, {"id": practice["id"]}, token=tax).data["practice"] is None

    citizen_id = global_id(api, mario, "{ me { id } }", "me.id")
    unknown = {"operatorId": citizen_id, "officeIds": [registry_office]}
    assert codes(payload(api(BIND, {"input": unknown}, token=admin), "setOperatorOffices")) == [
        "INVALID"
    ]
