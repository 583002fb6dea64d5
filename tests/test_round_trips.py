"""Round trips to the stores do not grow with the length of the lists a request returns."""

from __future__ import annotations

from tests.graphql import GraphQLClient

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
