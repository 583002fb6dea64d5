"""Reading the catalogue over HTTP, as the municipality's website and apps do."""

from __future__ import annotations

import pytest

from tests.graphql import GraphQLClient

SERVICES = """
query Services($first: Int, $after: String, $last: Int, $before: String,
               $filter: ServiceFilterInput, $sort: ServiceSortInput) {
  services(first: $first, after: $after, last: $last, before: $before,
           filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id slug name status statusCode category { name } } }
  }
}
"""


def slugs(result: dict) -> list[str]:
    return [edge["node"]["slug"] for edge in result["services"]["edges"]]


@pytest.mark.date_sensitive
def test_anonymous_visitor_sees_the_published_catalogue_sorted_by_name(
    api: GraphQLClient,
) -> None:
    data = api(SERVICES, {"first": 100}).data["services"]
    names = [edge["node"]["name"] for edge in data["edges"]]
    statuses = {edge["node"]["status"] for edge in data["edges"]}
    assert len(names) >= 10
    assert data["totalCount"] == len(names)
    assert names == sorted(names, key=lambda name: name.lower())
    assert statuses <= {"AVAILABLE", "SUSPENDED", "SCHEDULED"}


@pytest.mark.date_sensitive
def test_pages_walk_forward_and_backward_over_the_same_services(api: GraphQLClient) -> None:
    everything = slugs(api(SERVICES, {"first": 100}).data)
    forward: list[str] = []
    after = None
    while True:
        page = api(SERVICES, {"first": 4, "after": after}).data["services"]
        forward += [edge["node"]["slug"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert forward == everything

    backward: list[str] = []
    before = None
    while True:
        page = api(SERVICES, {"last": 3, "before": before}).data["services"]
        backward = [edge["node"]["slug"] for edge in page["edges"]] + backward
        if not page["pageInfo"]["hasPreviousPage"]:
            break
        before = page["pageInfo"]["startCursor"]
    assert backward == everything


def test_page_size_is_capped_and_bad_cursors_are_refused(api: GraphQLClient) -> None:
    assert api(SERVICES, {"first": 101}).error_codes == ["INVALID_PAGINATION"]
    assert api(SERVICES, {"first": 5, "after": "not-a-cursor"}).error_codes == [
        "INVALID_PAGINATION"
    ]
    assert api(SERVICES, {"first": 5, "last": 5}).error_codes == ["INVALID_PAGINATION"]


def test_search_ignores_accents_and_finds_residence_services(api: GraphQLClient) -> None:
    plain = slugs(api(SERVICES, {"first": 20, "filter": {"text": "anagrafe"}}).data)
    accented = slugs(api(SERVICES, {"first": 20, "filter": {"text": "anagrafè"}}).data)
    assert plain
    assert set(plain) == set(accented)
    assert any("residenza" in slug for slug in plain)


def test_search_tolerates_a_typo(api: GraphQLClient) -> None:
    exact = slugs(api(SERVICES, {"first": 5, "filter": {"text": "residenza"}}).data)
    typo = slugs(api(SERVICES, {"first": 5, "filter": {"text": "residneza"}}).data)
    assert exact
    assert typo
    assert typo[0] in exact


def test_search_finds_nothing_for_unrelated_words(api: GraphQLClient) -> None:
    data = api(SERVICES, {"first": 5, "filter": {"text": "astronave marziana"}}).data
    assert data["services"]["edges"] == []
    assert data["services"]["totalCount"] == 0


def test_filter_by_category_includes_its_subcategories(api: GraphQLClient) -> None:
    categories = api(
        "{ categories(first: 100) { edges { node { id slug parent { id } } } } }"
    ).data["categories"]["edges"]
    children = [edge["node"] for edge in categories if edge["node"]["parent"]]
    assert children, "the demo data has subcategories"
    parent_id = children[0]["parent"]["id"]
    under_parent = api(SERVICES, {"first": 100, "filter": {"categories": [parent_id]}}).data[
        "services"
    ]["edges"]
    under_child = api(SERVICES, {"first": 100, "filter": {"categories": [children[0]["id"]]}}).data[
        "services"
    ]["edges"]
    assert {e["node"]["slug"] for e in under_child} <= {e["node"]["slug"] for e in under_parent}


def test_filter_refuses_an_id_of_the_wrong_type(api: GraphQLClient) -> None:
    service_id = api(SERVICES, {"first": 1}).data["services"]["edges"][0]["node"]["id"]
    result = api(SERVICES, {"first": 5, "filter": {"categories": [service_id]}})
    assert result.error_codes == ["INVALID_ID"]


def test_sort_by_updated_descending(api: GraphQLClient) -> None:
    query = """{ services(first: 100, sort: {field: UPDATED, descending: true}) {
                   edges { node { updatedAt } } } }"""
    stamps = [e["node"]["updatedAt"] for e in api(query).data["services"]["edges"]]
    assert stamps == sorted(stamps, reverse=True)


def test_texts_follow_accept_language_with_fallback(api: GraphQLClient) -> None:
    query = "{ services(first: 100) { edges { node { slug name } } } }"
    italian = {
        e["node"]["slug"]: e["node"]["name"]
        for e in api(query, language="it").data["services"]["edges"]
    }
    english = {
        e["node"]["slug"]: e["node"]["name"]
        for e in api(query, language="en-GB,en;q=0.9").data["services"]["edges"]
    }
    german = {
        e["node"]["slug"]: e["node"]["name"]
        for e in api(query, language="de").data["services"]["edges"]
    }
    assert italian.keys() == english.keys()
    assert any(italian[slug] != english[slug] for slug in italian)
    assert german == italian  # Bugliano has no German: the default language answers


def test_service_by_slug_and_by_node_id_with_its_form(api: GraphQLClient) -> None:
    first = api(SERVICES, {"first": 1}).data["services"]["edges"][0]["node"]
    by_slug = api(
        """query($slug: String!) { service(slug: $slug) {
             id name form { id title currentVersion definition } offices { name } } }""",
        {"slug": first["slug"]},
    ).data["service"]
    assert by_slug["id"] == first["id"]
    assert by_slug["form"]["currentVersion"] >= 1
    assert isinstance(by_slug["form"]["definition"]["components"], list)
    node = api(
        "query($id: ID!) { node(id: $id) { ... on Service { slug } } }", {"id": first["id"]}
    ).data["node"]
    assert node == {"slug": first["slug"]}


def test_service_lookup_needs_exactly_one_key(api: GraphQLClient) -> None:
    assert api("{ service { id } }").error_codes == ["INVALID"]


def test_tenant_describes_the_municipality(api: GraphQLClient) -> None:
    tenant = api(
        "{ tenant { slug name istatCode defaultLanguage languages theme { primaryColor } } }"
    ).data["tenant"]
    assert tenant["slug"] == "bugliano"
    assert tenant["defaultLanguage"] == "IT"
    assert "EN" in tenant["languages"]


def test_municipalities_are_apart(api: GraphQLClient) -> None:
    bugliano = slugs(api(SERVICES, {"first": 100}).data)
    valdifiori = slugs(api(SERVICES, {"first": 100}, tenant="valdifiori").data)
    assert valdifiori
    assert not set(valdifiori) & set(bugliano)
    foreign_id = api(SERVICES, {"first": 1}, tenant="valdifiori").data["services"]["edges"][0][
        "node"
    ]["id"]
    node = api("query($id: ID!) { node(id: $id) { id } }", {"id": foreign_id}).data["node"]
    assert node is None


def test_unknown_tenant_is_a_404_with_a_code(api: GraphQLClient) -> None:
    result = api("{ tenant { slug } }", tenant="atlantide")
    assert result.status == 404
    assert result.error_codes == ["TENANT_NOT_FOUND"]


def test_tenant_can_be_named_by_header(api: GraphQLClient) -> None:
    result = api("{ tenant { slug } }", tenant=None, headers={"X-Tenant": "valdifiori"})
    assert result.data["tenant"]["slug"] == "valdifiori"
    assert api("{ tenant { slug } }", tenant=None).error_codes == ["TENANT_REQUIRED"]


def test_limits_refuse_too_deep_queries(api: GraphQLClient) -> None:
    deep = (
        "{ services(first: 1) { edges { node { category { parent { parent { parent { parent {"
        " parent { parent { parent { name } } } } } } } } } } } }"
    )
    result = api(deep)
    assert result.errors
    assert "depth" in result.errors[0]["message"]


def test_limits_refuse_too_many_aliases(api: GraphQLClient) -> None:
    aliases = " ".join(f"a{n}: tenant {{ slug }}" for n in range(31))
    result = api(f"{{ {aliases} }}")
    assert result.errors
    assert "aliases" in result.errors[0]["message"]


def test_the_service_with_the_word_comes_before_its_relatives(api: GraphQLClient) -> None:
    # "residenza" is the name of the residence change; the parking permit is for "residenti".
    found = slugs(api(SERVICES, {"first": 5, "filter": {"text": "residenza"}}).data)
    assert found.index("cambio-residenza") < found.index("permesso-sosta-residenti")


def test_words_close_to_the_one_searched_do_not_bring_unrelated_services(
    api: GraphQLClient,
) -> None:
    # "cane" (dog): not the canteen ("canteen" is a close trigram) nor the wedding.
    assert slugs(api(SERVICES, {"first": 10, "filter": {"text": "cane"}}).data) == [
        "anagrafe-canina"
    ]
