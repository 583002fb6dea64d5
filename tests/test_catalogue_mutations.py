"""Tenant admins change the catalogue; bad input is refused whole and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.graphql import GraphQLClient

SERVICE_FIELDS = (
    "service { id slug name status keywords category { slug } } errors { field code message }"
)
CREATE = f"""mutation($input: ServiceFieldsInput!) {{
  createService(input: $input) {{ {SERVICE_FIELDS} }} }}"""
UPDATE = f"""mutation($input: UpdateServiceInput!) {{
  updateService(input: $input) {{ {SERVICE_FIELDS} }} }}"""
SET_STATUS = f"""mutation($input: SetServiceStatusInput!) {{
  setServiceStatus(input: $input) {{ {SERVICE_FIELDS} }} }}"""
COUNT = "{ services(first: 1) { totalCount } }"


@pytest.fixture
def admin(api: GraphQLClient, fresh_world: None) -> Iterator[str]:
    return api.login("admin", "admin")


def first_category(api: GraphQLClient) -> dict[str, str]:
    edge = api("{ categories(first: 1) { edges { node { id slug } } } }").data["categories"]
    return dict(edge["edges"][0]["node"])


def test_admin_creates_a_service_that_the_public_finds(api: GraphQLClient, admin: str) -> None:
    category = first_category(api)
    payload = api(
        CREATE,
        {
            "input": {
                "slug": "contributo-affitto",
                "name": {"it": "Contributo affitto", "en": "Rent allowance"},
                "shortDescription": {"it": "Sostegno al pagamento del canone di locazione"},
                "categoryId": category["id"],
                "accessLevel": "SPID_L2",
                "keywords": ["locazione", "sostegno"],
                "maxResponseDays": 30,
            }
        },
        token=admin,
    ).data["createService"]
    assert payload["errors"] == []
    assert payload["service"]["category"]["slug"] == category["slug"]
    found = api(
        '{ services(first: 5, filter: {text: "locazione"}) { edges { node { slug } } } }'
    ).data["services"]["edges"]
    assert found[0]["node"]["slug"] == "contributo-affitto"


def test_every_problem_is_reported_at_once_and_nothing_changes(
    api: GraphQLClient, admin: str
) -> None:
    before = api(COUNT).data["services"]["totalCount"]
    payload = api(
        CREATE,
        {
            "input": {
                "slug": "Not A Slug!",
                "name": {"en": "English only"},
                "description": {"de": "Nur Deutsch"},
                "maxResponseDays": 0,
            }
        },
        token=admin,
    ).data["createService"]
    assert payload["service"] is None
    problems = {(e["field"], e["code"]) for e in payload["errors"]}
    assert ("slug", "INVALID") in problems
    assert ("name", "REQUIRED") in problems
    assert ("description", "INVALID") in problems
    assert api(COUNT).data["services"]["totalCount"] == before


def test_references_must_exist_in_the_same_municipality(api: GraphQLClient, admin: str) -> None:
    foreign = api("{ categories(first: 1) { edges { node { id } } } }", tenant="valdifiori")
    foreign_id = foreign.data["categories"]["edges"][0]["node"]["id"]
    payload = api(
        CREATE,
        {"input": {"slug": "x-prova", "name": {"it": "Prova"}, "categoryId": foreign_id}},
        token=admin,
    ).data["createService"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("categoryId", "NOT_FOUND")]


def test_slugs_are_unique_per_municipality(api: GraphQLClient, admin: str) -> None:
    existing = api("{ services(first: 1) { edges { node { slug } } } }").data["services"]
    slug = existing["edges"][0]["node"]["slug"]
    payload = api(CREATE, {"input": {"slug": slug, "name": {"it": "Doppione"}}}, token=admin)
    assert [(e["field"], e["code"]) for e in payload.data["createService"]["errors"]] == [
        ("slug", "UNIQUE")
    ]


def test_update_changes_only_the_fields_sent(api: GraphQLClient, admin: str) -> None:
    service = api("{ services(first: 1) { edges { node { id name keywords } } } }").data[
        "services"
    ]["edges"][0]["node"]
    payload = api(
        UPDATE, {"input": {"id": service["id"], "fields": {"keywords": ["nuova"]}}}, token=admin
    ).data["updateService"]
    assert payload["errors"] == []
    assert payload["service"]["keywords"] == ["nuova"]
    assert payload["service"]["name"] == service["name"]


def test_withdrawn_service_leaves_the_public_catalogue(api: GraphQLClient, admin: str) -> None:
    service = api("{ services(first: 1) { edges { node { id slug } } } }").data["services"][
        "edges"
    ][0]["node"]
    payload = api(
        SET_STATUS, {"input": {"id": service["id"], "status": "CANCELLED"}}, token=admin
    ).data["setServiceStatus"]
    assert payload["service"]["status"] == "CANCELLED"
    query = "query($s: String!) { service(slug: $s) { status } }"
    assert api(query, {"s": service["slug"]}).data["service"] is None
    assert api(query, {"s": service["slug"]}, token=admin).data["service"]["status"] == "CANCELLED"


def test_scheduling_needs_a_start_date(api: GraphQLClient, admin: str) -> None:
    service_id = api("{ services(first: 1) { edges { node { id } } } }").data["services"]["edges"][
        0
    ]["node"]["id"]
    refused = api(SET_STATUS, {"input": {"id": service_id, "status": "SCHEDULED"}}, token=admin)
    assert [(e["field"], e["code"]) for e in refused.data["setServiceStatus"]["errors"]] == [
        ("publishFrom", "REQUIRED")
    ]
    accepted = api(
        SET_STATUS,
        {
            "input": {
                "id": service_id,
                "status": "SCHEDULED",
                "publishFrom": "2020-01-01T00:00:00+01:00",
                "publishUntil": "2099-01-01T00:00:00+01:00",
            }
        },
        token=admin,
    )
    assert accepted.data["setServiceStatus"]["service"]["status"] == "SCHEDULED"


CATEGORY = """mutation($input: CategoryFieldsInput!) { createCategory(input: $input) {
  category { id slug name parent { slug } } errors { field code } } }"""
UPDATE_CATEGORY = """mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) {
  category { id parent { slug } } errors { field code } } }"""


def test_categories_form_a_tree_without_cycles(api: GraphQLClient, admin: str) -> None:
    parent = api(CATEGORY, {"input": {"slug": "sport", "name": {"it": "Sport"}}}, token=admin)
    parent_id = parent.data["createCategory"]["category"]["id"]
    child = api(
        CATEGORY,
        {"input": {"slug": "palestre", "name": {"it": "Palestre"}, "parentId": parent_id}},
        token=admin,
    ).data["createCategory"]["category"]
    assert child["parent"]["slug"] == "sport"
    cycle = api(
        UPDATE_CATEGORY,
        {"input": {"id": parent_id, "fields": {"parentId": child["id"]}}},
        token=admin,
    ).data["updateCategory"]
    assert [(e["field"], e["code"]) for e in cycle["errors"]] == [("parentId", "CYCLE")]
