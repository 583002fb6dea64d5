"""The cost of a query, estimated before it runs: over the budget of the caller's role it is
refused with QUERY_TOO_COSTLY before any store work; within it, the answer says what it cost.
Every document of the frontend and of the partners' client fits the budget of who sends it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, OperationDefinitionNode, build_schema, parse, print_ast

from auth.viewer import ANONYMOUS, Viewer
from models.user import Role
from resolvers.pagination import MAX_PAGE_SIZE
from schema.query_cost import QUERY_TOO_COSTLY, operation_cost
from server.settings import REPOSITORY, Settings
from tests.graphql import GraphQLClient
from tests.practices import ADMIN, MARIO, OPERATOR


def code_schema() -> GraphQLSchema:
    """The code's schema, as `sportello export-schema` writes it: built in a process of its
    own, since strawberry's cannot be built twice in one (tests/test_schema_file.py builds it)."""
    exported = subprocess.run(
        [sys.executable, "-m", "server", "export-schema", "--output", "-"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    )
    return build_schema(exported.stdout)


SCHEMA = code_schema()
BUDGETS = Settings().query_cost_budgets
FRONTEND = REPOSITORY / "frontend" / "src"
PARTNER_CLIENT = REPOSITORY / "codegen" / "python" / "operations.graphql"

SIGNED_IN = uuid.UUID(int=1)
CITIZEN = Viewer(SIGNED_IN, "bugliano", frozenset({Role.CITIZEN}))
STAFF = Viewer(SIGNED_IN, "bugliano", frozenset({Role.OPERATOR}))


def cost(query: str, variables: dict[str, Any] | None = None) -> int:
    return operation_cost(SCHEMA, parse(query), None, variables)


def aliased(count: int, field: str) -> str:
    return "{ " + " ".join(f"a{n}: {field}" for n in range(count)) + " }"


PRACTICES_WITH_MESSAGES = "practices { edges { node { id messages { edges { node { body } } } } } }"
FINDING = aliased(30, PRACTICES_WITH_MESSAGES)
"""The probe's query: 30 aliases of a page of practices with their messages, each at the
default page of 20."""


# How the estimate counts


def test_each_object_costs_one_times_the_pages_around_it() -> None:
    query = """{ practices(first: 50) { totalCount pageInfo { hasNextPage }
      edges { node { id messages(first: 10) { edges { node { id } } } } } } }"""
    # the connection, its page info, 50 edges with a practice, on each a connection of 10
    # edges with a message
    assert cost(query) == 1 + 1 + 50 * (1 + 1 + (1 + 10 * 2))


def test_pages_default_to_20_and_never_count_more_than_a_page_holds() -> None:
    assert cost("{ services { edges { node { id } } } }") == 1 + 20 * 2
    assert cost("{ services(first: 5000) { edges { node { id } } } }") == 1 + MAX_PAGE_SIZE * 2
    assert cost("{ services(last: 3) { edges { node { id } } } }") == 1 + 3 * 2


def test_scalars_and_introspection_cost_nothing() -> None:
    assert cost("{ __typename tenant { slug name } }") == 1
    assert cost("{ __schema { types { name fields { name } } } }") == 0


def test_variables_fragments_and_aliases_count_as_written_out() -> None:
    written_out = """{ a: services(first: 7) { edges { node { id offices { id } } } }
                       b: services(first: 7) { edges { node { id offices { id } } } } }"""
    with_variables = """query($n: Int!, $m: Int = 7) {
      a: services(first: $n) { ...Page }
      b: services(first: $m) { edges { ... on ServiceEdge { node { ...Row } } } } }
      fragment Page on ServiceConnection { edges { node { ...Row } } }
      fragment Row on Service { id offices { id } }"""
    assert cost(with_variables, {"n": 7}) == cost(written_out) == 2 * (1 + 7 * (2 + 10))


def test_one_field_selected_twice_is_resolved_and_counted_once() -> None:
    twice = "{ tenant { slug } tenant { name } }"
    assert cost(twice) == cost("{ tenant { slug name } }") == 1


def test_skipped_selections_cost_nothing() -> None:
    query = """query($skip: Boolean!) { tenant { slug }
      services(first: 100) @skip(if: $skip) { edges { node { id } } } }"""
    assert cost(query, {"skip": True}) == 1
    assert cost(query, {"skip": False}) == 1 + 1 + 100 * 2


def test_nodes_cost_as_many_as_the_ids_given() -> None:
    query = "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Service { offices { id } } } }"
    assert cost(query, {"ids": ["a"] * 40}) == 40 * (1 + 10)


def test_the_findings_query_is_over_every_budget() -> None:
    assert cost(FINDING) == 30 * (1 + 20 * (1 + 1 + (1 + 20 * 2)))
    assert cost(FINDING) > BUDGETS.admin


def test_budgets_grow_with_the_role() -> None:
    platform_admin = Viewer(SIGNED_IN, None, frozenset({Role.PLATFORM_ADMIN}))
    budgets = [BUDGETS.of(viewer) for viewer in (ANONYMOUS, CITIZEN, STAFF, platform_admin)]
    assert budgets == [BUDGETS.anonymous, BUDGETS.citizen, BUDGETS.staff, BUDGETS.admin]
    assert budgets == sorted(set(budgets))
    operator_and_citizen = Viewer(SIGNED_IN, "bugliano", frozenset({Role.CITIZEN, Role.OPERATOR}))
    assert BUDGETS.of(operator_and_citizen) == BUDGETS.staff


# Every document the clients send fits the budget of the least of the roles that send it


def defining_file(operation: str) -> Path:
    pattern = re.compile(rf"^(query|mutation|subscription) {operation}\b", re.MULTILINE)
    found = [path for path in FRONTEND.rglob("*.graphql") if pattern.search(path.read_text())]
    assert len(found) == 1, f"{operation} is defined in {found}"
    return found[0]


def least_role(operation: str) -> Viewer:
    """The operators' app is staff's; the citizen's practices need a signed-in citizen; the
    rest (catalogue, booking, widgets, login, tenant) may be asked by anybody."""
    part = defining_file(operation).relative_to(FRONTEND).parts
    if part[0] == "operator":
        return STAFF
    if part[:2] == ("citizen", "practices"):
        return CITIZEN
    return ANONYMOUS


def largest_pages(operation: OperationDefinitionNode) -> dict[str, int]:
    """The variables as large as the server serves them: every `Int` a full page."""
    return {
        definition.variable.name.value: MAX_PAGE_SIZE
        for definition in operation.variable_definitions or ()
        if print_ast(definition.type).rstrip("!") == "Int"
    }


def operations(text: str) -> list[tuple[str, int]]:
    """Each operation of a document with its cost at the largest pages."""
    document = parse(text)
    return [
        (name, operation_cost(SCHEMA, document, name, largest_pages(definition)))
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode) and definition.name
        for name in [definition.name.value]
    ]


PERSISTED = [
    operation
    for text in json.loads(Settings().persisted_documents.read_text()).values()
    for operation in operations(text)
]


def test_the_frontend_sends_no_document_it_has_not_persisted() -> None:
    persisted = {name for name, _ in PERSISTED}
    defined = {
        match
        for path in FRONTEND.rglob("*.graphql")
        for match in re.findall(r"^(?:query|mutation) (\w+)", path.read_text(), re.MULTILINE)
    }
    assert defined == persisted


@pytest.mark.parametrize(("operation", "requested"), PERSISTED, ids=[n for n, _ in PERSISTED])
def test_every_persisted_document_fits_the_budget_of_its_least_role(
    operation: str, requested: int
) -> None:
    assert 0 < requested <= BUDGETS.of(least_role(operation))


def test_every_operation_of_the_partners_client_fits_a_citizens_budget() -> None:
    costs = dict(operations(PARTNER_CLIENT.read_text()))
    assert costs, "the client has operations"
    too_costly = {name: value for name, value in costs.items() if value > BUDGETS.citizen}
    assert too_costly == {}


# Over HTTP, against the running server


def test_the_findings_query_is_refused_before_any_store_work(api: GraphQLClient) -> None:
    operator = api.login(*OPERATOR)
    nothing = api("{ __typename }", token=operator)  # the tenant's lookup, before GraphQL
    refused = api(FINDING, token=operator)
    assert refused.status == 200
    assert refused.body["data"] is None
    assert refused.error_codes == [QUERY_TOO_COSTLY]
    requested = cost(FINDING)
    error = refused.errors[0]
    assert error["extensions"] == {
        "code": QUERY_TOO_COSTLY,
        "cost": requested,
        "budget": BUDGETS.staff,
    }
    assert f"{requested}" in error["message"]
    assert f"{BUDGETS.staff}" in error["message"]
    assert refused.body["extensions"]["cost"] == {"requested": requested, "budget": BUDGETS.staff}
    assert refused.round_trips == nothing.round_trips
    assert refused.round_trips.mongodb == 0


def test_the_operators_queue_is_answered_with_its_cost(api: GraphQLClient) -> None:
    text = next(
        text
        for text in json.loads(Settings().persisted_documents.read_text()).values()
        if "query OperatorQueue(" in text
    )
    result = api(text, {"first": 50}, token=api.login(*OPERATOR))
    assert result.data["practices"]["edges"]
    # the connection, its page info, 50 edges, each with a practice, its service, its
    # applicant and its assignee
    requested = 1 + 1 + 50 * (1 + 1 + 3)
    assert result.body["extensions"]["cost"] == {"requested": requested, "budget": BUDGETS.staff}


SERVICES = "services(first: 100) { edges { node { id } } }"  # 201
SERVICES_WITH_OFFICES = "services(first: 100) { edges { node { id offices { id } } } }"  # 1201


@pytest.mark.parametrize(
    ("query", "answered_for"),
    [
        (aliased(5, SERVICES), {"anonymous", "citizen", "staff", "admin"}),
        (aliased(13, SERVICES), {"citizen", "staff", "admin"}),
        (aliased(30, SERVICES), {"staff", "admin"}),
        (aliased(10, SERVICES_WITH_OFFICES), {"admin"}),
    ],
    ids=["1005", "2613", "6030", "12010"],
)
def test_each_role_has_its_own_budget(
    api: GraphQLClient, query: str, answered_for: set[str]
) -> None:
    tokens = {
        "anonymous": None,
        "citizen": api.login(*MARIO),
        "staff": api.login(*OPERATOR),
        "admin": api.login(*ADMIN),
    }
    budgets = {
        "anonymous": BUDGETS.anonymous,
        "citizen": BUDGETS.citizen,
        "staff": BUDGETS.staff,
        "admin": BUDGETS.admin,
    }
    for role, token in tokens.items():
        result = api(query, token=token)
        assert result.body["extensions"]["cost"] == {
            "requested": cost(query),
            "budget": budgets[role],
        }, role
        if role in answered_for:
            assert result.data, role
        else:
            assert result.error_codes == [QUERY_TOO_COSTLY], role
            assert result.body["data"] is None


def test_a_page_too_large_is_still_refused_by_its_resolver(api: GraphQLClient) -> None:
    # the estimate counts no more than a page holds: the resolver still says what is wrong
    result = api("{ services(first: 1000) { edges { node { id } } } }")
    assert result.error_codes == ["INVALID_PAGINATION"]
    assert result.body["extensions"]["cost"]["requested"] == 1 + MAX_PAGE_SIZE * 2
