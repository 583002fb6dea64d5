"""Round trips to the stores do not grow with the length of the lists a request returns."""

from __future__ import annotations

import pytest

from tests.graphql import GraphQLClient
from tests.practices import ADMIN, MARIO, OPERATOR, SEND_MESSAGE, submitted

NESTED = """query($first: Int!) { services(first: $first) { edges { node {
  name category { name } group { name } form { title } offices { name } } } } }"""


def test_catalogue_with_relations_costs_the_same_for_100_as_for_5(api: GraphQLClient) -> None:
    few = api(NESTED, {"first": 5})
    many = api(NESTED, {"first": 100})
    assert len(many.data["services"]["edges"]) > len(few.data["services"]["edges"])
    assert few.round_trips == many.round_trips
    # tenant, the page with its categories and groups joined, the offices; one batch of forms
    assert many.round_trips.postgres == 3
    assert many.round_trips.mongodb == 1


def test_plain_catalogue_page_is_two_statements(api: GraphQLClient) -> None:
    result = api("{ services(first: 100) { edges { node { name } } } }")
    assert result.round_trips.postgres == 2
    assert result.round_trips.mongodb == 0


def test_node_lookups_are_batched(api: GraphQLClient) -> None:
    ids = [
        edge["node"]["id"]
        for edge in api("{ services(first: 8) { edges { node { id } } } }").data["services"][
            "edges"
        ]
    ]
    result = api(
        "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Service { name form { title } } } }",
        {"ids": ids},
    )
    assert len(result.data["nodes"]) == len(ids)
    assert result.round_trips.postgres == 2
    assert result.round_trips.mongodb == 1


def test_the_calendars_of_every_service_on_a_page_are_one_statement(api: GraphQLClient) -> None:
    query = """query($first: Int!) { services(first: $first) { edges { node {
      name calendars { slug office { name } } } } } }"""
    few = api(query, {"first": 5})
    many = api(query, {"first": 100})
    assert few.round_trips == many.round_trips
    # tenant, the page, the calendars of all its services, their offices
    assert many.round_trips.postgres == 4


PRACTICES_WITH_MESSAGES = """query($first: Int!) { practices(first: $first) { edges { node {
  id messages(first: 10) { totalCount edges { node { id body visibility } } } } } } }"""


@pytest.mark.parametrize("viewer", [ADMIN, OPERATOR])
def test_the_messages_of_a_page_of_practices_cost_the_same_for_20_as_for_2(
    api: GraphQLClient, viewer: tuple[str, str]
) -> None:
    mario = api.login(*MARIO)
    newest = submitted(api, mario)  # at the top of the page, whatever other tests sent before
    written = api(
        SEND_MESSAGE, {"input": {"practiceId": newest["id"], "body": "Salve"}}, token=mario
    )
    assert written.data["sendMessage"]["errors"] == []
    token = api.login(*viewer)
    few = api(PRACTICES_WITH_MESSAGES, {"first": 2}, token=token)
    many = api(PRACTICES_WITH_MESSAGES, {"first": 20}, token=token)
    practices = [edge["node"] for edge in many.data["practices"]["edges"]]
    assert len(practices) > len(few.data["practices"]["edges"]) == 2
    assert sum(practice["messages"]["totalCount"] for practice in practices) > 0
    assert few.round_trips == many.round_trips
    # tenant, the page of practices, every practice's page of messages, their totals (an
    # operator's offices are read by no statement of their own: the page carries them in SQL)
    assert many.round_trips.postgres == 4
