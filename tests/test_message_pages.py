"""The messages of a list of practices, fetched for all of them in one statement, page as each
practice's conversation alone does: forwards and backwards, with the same cursors and flags."""

from __future__ import annotations

from typing import Any

from tests.graphql import GraphQLClient
from tests.practices import ADMIN

CONNECTION = """totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id body } }"""
ARGUMENTS = "first: $first, after: $after, last: $last, before: $before"
VARIABLES = "$first: Int, $after: String, $last: Int, $before: String"
LIST = f"""query({VARIABLES}) {{ practices(first: 20) {{ edges {{ node {{ id
  messages({ARGUMENTS}) {{ {CONNECTION} }} }} }} }} }}"""
ONE = f"""query($id: ID!, {VARIABLES}) {{ practice(id: $id) {{
  messages({ARGUMENTS}) {{ {CONNECTION} }} }} }}"""


def conversations(api: GraphQLClient, token: str, **paging: Any) -> dict[str, Any]:
    """Each practice of the first page with its page of messages."""
    result = api(LIST, paging, token=token)
    return {
        edge["node"]["id"]: edge["node"]["messages"] for edge in result.data["practices"]["edges"]
    }


def ids(page: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in page["edges"]]


def test_a_list_gives_each_practice_the_page_it_has_alone(api: GraphQLClient) -> None:
    token = api.login(*ADMIN)
    everything = conversations(api, token, first=100)
    assert sum(len(ids(page)) > 2 for page in everything.values()) >= 1, "a long conversation"
    for paging in ({"first": 2}, {"last": 2}, {"first": 0}):
        in_a_list = conversations(api, token, **paging)
        assert in_a_list.keys() == everything.keys()
        for practice_id, page in in_a_list.items():
            alone = api(ONE, {"id": practice_id, **paging}, token=token).data["practice"]
            assert page == alone["messages"], (practice_id, paging)
            assert page["totalCount"] == len(ids(everything[practice_id]))


def test_paging_forwards_and_backwards_walks_the_whole_conversation(api: GraphQLClient) -> None:
    token = api.login(*ADMIN)
    everything = conversations(api, token, first=100)
    practice_id, whole = max(everything.items(), key=lambda item: len(ids(item[1])))
    expected = ids(whole)
    assert len(expected) > 2

    def page(**paging: Any) -> dict[str, Any]:
        result = api(ONE, {"id": practice_id, **paging}, token=token)
        return dict(result.data["practice"]["messages"])

    forwards: list[str] = []
    current = page(first=2)
    assert current["pageInfo"]["hasPreviousPage"] is False
    while True:
        forwards += ids(current)
        if not current["pageInfo"]["hasNextPage"]:
            break
        current = page(first=2, after=current["pageInfo"]["endCursor"])
        assert current["pageInfo"]["hasPreviousPage"] is True
    assert forwards == expected

    backwards: list[str] = []
    current = page(last=2)
    assert current["pageInfo"]["hasNextPage"] is False
    while True:
        backwards = ids(current) + backwards
        if not current["pageInfo"]["hasPreviousPage"]:
            break
        current = page(last=2, before=current["pageInfo"]["startCursor"])
        assert current["pageInfo"]["hasNextPage"] is True
    assert backwards == expected
