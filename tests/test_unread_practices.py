"""Practices with messages the viewer has not read (`practices(filter: {unread: true})`): what
a citizen's desk ("Scrivania") puts first, and what the office has still to read."""

from __future__ import annotations

from typing import Any

from tests.graphql import GraphQLClient
from tests.practices import MARIO, OPERATOR

LIST = """query($unread: Boolean, $mine: Boolean!) {
  practices(first: 100, filter: {unread: $unread, mine: $mine}) {
    totalCount edges { node { id unreadCount } }
  }
}"""
MARK_READ = """mutation($input: MarkMessagesReadInput!) {
  markMessagesRead(input: $input) { errors { code } } }"""


def listed(api: GraphQLClient, token: str, unread: bool | None, mine: bool) -> dict[str, int]:
    variables: dict[str, Any] = {"unread": unread, "mine": mine}
    edges = api(LIST, variables, token=token).data["practices"]["edges"]
    return {edge["node"]["id"]: edge["node"]["unreadCount"] for edge in edges}


def test_a_citizen_lists_the_practices_with_news_from_the_office(
    api: GraphQLClient, fresh_world: None
) -> None:
    mario = api.login(*MARIO)
    every = listed(api, mario, None, mine=True)
    unread = listed(api, mario, True, mine=True)
    read = listed(api, mario, False, mine=True)
    # The demo office wrote to Mario on practices he has not opened since.
    assert unread
    assert all(count > 0 for count in unread.values())
    assert all(count == 0 for count in read.values())
    assert {**unread, **read} == every

    practice = next(iter(unread))
    payload = api(MARK_READ, {"input": {"practiceId": practice}}, token=mario).data
    assert payload["markMessagesRead"]["errors"] == []
    assert practice not in listed(api, mario, True, mine=True)
    assert practice in listed(api, mario, False, mine=True)


def test_the_office_lists_what_citizens_wrote_it_has_not_read(
    api: GraphQLClient, fresh_world: None
) -> None:
    operator = api.login(*OPERATOR)
    unread = listed(api, operator, True, mine=False)
    read = listed(api, operator, False, mine=False)
    # Demo citizens asked the office about their practices; the office has not answered.
    assert unread
    assert all(count > 0 for count in unread.values())
    assert all(count == 0 for count in read.values())
