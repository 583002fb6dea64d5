"""Rating the pages of the citizen area (Designers Italia's "Quanto sono chiare le informazioni
su questa pagina?"): anyone rates, within bounds and a budget per connection; the municipality's
administrators read the ratings counted per page, and only their own municipality's.

Each test claims its own client address with `X-Forwarded-For` (trusted from loopback), so the
budget of one is not spent by another."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.page_ratings import RATINGS_PER_ADDRESS
from tests.graphql import GraphQLClient, Result
from tests.practices import ADMIN, MARIO, OPERATOR

RATE = """mutation($input: RatePageInput!) {
  ratePage(input: $input) {
    rating { path stars answer comment }
    errors { field code message }
  }
}"""
SUMMARIES = """{ pageRatings(first: 100) {
  totalCount
  edges { node {
    path count average
    stars { stars count }
    answers { answer count }
    comments { stars answer comment }
  } }
} }"""


def rate(
    api: GraphQLClient,
    address: str,
    *,
    tenant: str = "bugliano",
    token: str | None = None,
    **rating: Any,
) -> Result:
    return api(
        RATE,
        {"input": rating},
        tenant=tenant,
        token=token,
        language="en",
        headers={"x-forwarded-for": address},
    )


def summaries(api: GraphQLClient, token: str, tenant: str = "bugliano") -> dict[str, Any]:
    edges = api(SUMMARIES, tenant=tenant, token=token).data["pageRatings"]["edges"]
    return {edge["node"]["path"]: edge["node"] for edge in edges}


def test_an_anonymous_visitor_rates_a_page_and_the_admin_reads_it_counted(
    api: GraphQLClient, fresh_world: None
) -> None:
    path = "/servizi/matrimonio-civile"
    first = rate(
        api,
        "198.51.100.1",
        path=path + "/",
        stars=5,
        answer="CLEAR",
        comment="  Tutto chiaro, grazie.  ",
    ).data["ratePage"]
    assert first == {
        "rating": {
            "path": path,
            "stars": 5,
            "answer": "CLEAR",
            "comment": "Tutto chiaro, grazie.",
        },
        "errors": [],
    }
    rate(api, "198.51.100.1", path=path, stars=2, answer="LOST")
    rate(api, "198.51.100.1", path=path, stars=2, answer="OTHER")
    rate(api, "198.51.100.1", path="/prenotazioni", stars=4)

    admin = api.login(*ADMIN)
    pages = summaries(api, admin)
    page = pages[path]
    assert page["count"] == 3
    assert page["average"] == 3.0
    assert page["stars"] == [
        {"stars": 1, "count": 0},
        {"stars": 2, "count": 2},
        {"stars": 3, "count": 0},
        {"stars": 4, "count": 0},
        {"stars": 5, "count": 1},
    ]
    assert sorted(page["answers"], key=lambda a: a["answer"]) == [
        {"answer": "CLEAR", "count": 1},
        {"answer": "LOST", "count": 1},
        {"answer": "OTHER", "count": 1},
    ]
    assert page["comments"] == [{"stars": 5, "answer": "CLEAR", "comment": "Tutto chiaro, grazie."}]
    assert pages["/prenotazioni"]["count"] == 1
    assert pages["/prenotazioni"]["answers"] == []
    assert pages["/prenotazioni"]["comments"] == []


def test_ratings_out_of_bounds_are_refused_each_with_a_clear_error(
    api: GraphQLClient, fresh_world: None
) -> None:
    address = "198.51.100.2"
    admin = api.login(*ADMIN)
    before = summaries(api, admin)
    cases: list[tuple[dict[str, Any], str, str]] = [
        ({"path": "/", "stars": 0}, "stars", "from 1 to 5 stars"),
        ({"path": "/", "stars": 6}, "stars", "from 1 to 5 stars"),
        (
            {"path": "/", "stars": 5, "answer": "LOST"},
            "answer",
            "LOST is an answer for 1 to 3 stars",
        ),
        (
            {"path": "/", "stars": 1, "answer": "CLEAR"},
            "answer",
            "CLEAR is an answer for 4 or 5 stars",
        ),
        ({"path": "/", "stars": 3, "comment": "x" * 201}, "comment", "at most 200 characters"),
        ({"path": "servizi", "stars": 3}, "path", "path of a page"),
        ({"path": "/servizi?q=tari", "stars": 3}, "path", "path of a page"),
        ({"path": "//evil.example/x", "stars": 3}, "path", "path of a page"),
        ({"path": "/" + "p" * 200, "stars": 3}, "path", "path of a page"),
    ]
    for rating, field, message in cases:
        payload = rate(api, address, **rating).data["ratePage"]
        assert payload["rating"] is None, rating
        assert [(e["field"], e["code"]) for e in payload["errors"]] == [(field, "INVALID")]
        assert message in payload["errors"][0]["message"], payload["errors"]
    # Text the database cannot hold is refused before anything is counted, too.
    payload = rate(api, address, path="/", stars=3, comment="a\x00b").data["ratePage"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [("comment", "INVALID")]
    assert summaries(api, admin) == before


def test_one_connection_may_rate_only_so_often(api: GraphQLClient, fresh_world: None) -> None:
    address = "198.51.100.3"
    for _ in range(RATINGS_PER_ADDRESS):
        assert rate(api, address, path="/accessibilita", stars=4).data["ratePage"]["errors"] == []
    refused = rate(api, address, path="/accessibilita", stars=4)
    assert refused.status == 429
    assert int(refused.headers["retry-after"]) > 0
    assert [e["code"] for e in refused.data["ratePage"]["errors"]] == ["TOO_MANY_ATTEMPTS"]
    # Another connection still rates.
    assert (
        rate(api, "198.51.100.4", path="/accessibilita", stars=4).data["ratePage"]["errors"] == []
    )
    assert summaries(api, api.login(*ADMIN))["/accessibilita"]["count"] == RATINGS_PER_ADDRESS + 1


@pytest.mark.parametrize("account", [MARIO, OPERATOR, None])
def test_only_the_admins_read_the_ratings(
    api: GraphQLClient, fresh_world: None, account: tuple[str, str] | None
) -> None:
    rate(api, "198.51.100.5", path="/", stars=1, comment="Non trovo nulla")
    token = api.login(*account) if account else None
    result = api("{ pageRatings(first: 5) { edges { node { path count } } } }", token=token)
    assert result.error_codes == ["FORBIDDEN"]
    assert result.body["data"] is None


def test_an_admin_never_sees_another_municipalitys_ratings(
    api: GraphQLClient, fresh_world: None
) -> None:
    rate(api, "198.51.100.6", path="/servizi/certificati", stars=2, comment="Valdifiori")
    rate(api, "198.51.100.6", tenant="valdifiori", path="/servizi/certificati", stars=4)
    bugliano = summaries(api, api.login(*ADMIN))
    valdifiori = summaries(api, api.login("admin-valdifiori", "admin", "valdifiori"), "valdifiori")
    assert bugliano["/servizi/certificati"]["count"] == 1
    assert bugliano["/servizi/certificati"]["stars"][1] == {"stars": 2, "count": 1}
    assert valdifiori["/servizi/certificati"]["count"] == 1
    assert valdifiori["/servizi/certificati"]["average"] == 4.0
    assert valdifiori["/servizi/certificati"]["comments"] == []


def test_the_demo_admin_finds_what_visitors_said_newest_first(api: GraphQLClient) -> None:
    pages = summaries(api, api.login(*ADMIN))
    residence = pages["/servizi/cambio-residenza"]
    assert residence["count"] == 2
    assert residence["average"] == 3.5
    assert [comment["stars"] for comment in residence["comments"]] == [2, 5]
    assert residence["comments"][0]["answer"] == "INCOMPLETE"
