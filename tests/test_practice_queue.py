"""The office's work queue: filters, sorts, pages, and a fixed number of round trips."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.graphql import GraphQLClient
from tests.practices import GIULIA, MARIO, OPERATOR, certificate_data, draft, service_id, submitted

QUEUE = """query($filter: PracticeFilterInput, $sort: PracticeSortInput, $first: Int,
                 $after: String) {
  practices(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node {
      id number status submittedAt
      service { slug name } applicant { givenName familyName fiscalCode }
      assignee { username } lastMessage { body } unreadCount
    } }
  }
}"""


@pytest.fixture
def operator(api: GraphQLClient) -> str:
    return api.login(*OPERATOR)


def queue(api: GraphQLClient, token: str, **variables: object) -> dict:
    return dict(api(QUEUE, variables, token=token).data["practices"])


def numbers(page: dict) -> list[str]:
    return [edge["node"]["number"] for edge in page["edges"]]


def test_the_demo_office_has_practices_in_every_state(api: GraphQLClient, operator: str) -> None:
    counts = api("{ practiceCounts { status count } }", token=operator).data["practiceCounts"]
    statuses = {row["status"] for row in counts}
    assert {
        "SUBMITTED",
        "PENDING",
        "REQUEST_INTEGRATION",
        "PENDING_AFTER_INTEGRATION",
        "COMPLETE",
        "CANCELLED",
        "WITHDRAWN",
        "REVOKED",
    } <= statuses
    assert "DRAFT" not in statuses
    # Luca's demo draft: other tests start (and so first delete) drafts as Mario and Giulia
    luca = api.login("VRDLCU92L20E715F", "cittadino")
    own = queue(api, luca, first=100, filter={"statuses": ["DRAFT"]})
    assert own["totalCount"] >= 1
    assert api("{ practiceCounts { count } }", token=luca).error_codes == ["FORBIDDEN"]


@pytest.mark.date_sensitive
def test_filters_narrow_the_queue(api: GraphQLClient, operator: str) -> None:
    mario = api.login(*MARIO)
    mine = submitted(api, mario)
    by_name = queue(api, operator, first=100, filter={"applicant": "róssi"})
    assert mine["number"] in numbers(by_name)
    assert {edge["node"]["applicant"]["familyName"] for edge in by_name["edges"]} == {"Rossi"}
    by_code = queue(api, operator, first=100, filter={"applicant": MARIO[0].lower()})
    assert numbers(by_code) == numbers(by_name)

    fresh = queue(api, operator, first=100, filter={"statuses": ["SUBMITTED"], "unassigned": True})
    assert mine["number"] in numbers(fresh)
    assert all(edge["node"]["assignee"] is None for edge in fresh["edges"])
    assert all(edge["node"]["status"] == "SUBMITTED" for edge in fresh["edges"])

    service = service_id(api, "anagrafe-canina")
    dogs = queue(api, operator, first=100, filter={"services": [service]})
    assert dogs["edges"]
    assert {edge["node"]["service"]["slug"] for edge in dogs["edges"]} == {"anagrafe-canina"}

    now = datetime.now(UTC)
    window = {
        "submittedFrom": (now - timedelta(minutes=5)).isoformat(),
        "submittedUntil": (now + timedelta(minutes=5)).isoformat(),
    }
    recent = queue(api, operator, first=100, filter=window)
    assert mine["number"] in numbers(recent)
    future = {"submittedFrom": (now + timedelta(days=1)).isoformat()}
    assert queue(api, operator, first=100, filter=future)["totalCount"] == 0


def test_a_citizen_lists_only_their_own_practices(api: GraphQLClient) -> None:
    giulia = api.login(*GIULIA)
    own = queue(api, giulia, first=100)
    assert own["totalCount"] >= 1
    assert {edge["node"]["applicant"]["fiscalCode"] for edge in own["edges"]} == {GIULIA[0]}
    assert api(QUEUE, {"first": 10}).error_codes == ["FORBIDDEN"]


def test_pages_follow_each_other_without_gaps_in_the_chosen_order(
    api: GraphQLClient, operator: str
) -> None:
    sort = {"field": "NUMBER", "descending": False}
    everything = numbers(queue(api, operator, first=100, sort=sort))
    assert everything == sorted(everything)
    seen: list[str] = []
    after = None
    while True:
        page = queue(api, operator, first=7, after=after, sort=sort)
        seen += numbers(page)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == everything[: len(seen)]
    assert len(seen) == len(everything)
    refused = api(QUEUE, {"first": 500}, token=operator)
    assert refused.error_codes == ["INVALID_PAGINATION"]


def test_the_queue_costs_the_same_round_trips_for_5_and_50_practices(
    api: GraphQLClient, operator: str
) -> None:
    mario = api.login(*MARIO)
    while queue(api, operator, first=1)["totalCount"] < 50:
        submitted(api, mario, certificate_data())
    small = api(QUEUE, {"first": 5}, token=operator)
    large = api(QUEUE, {"first": 50}, token=operator)
    assert len(large.data["practices"]["edges"]) == 50
    assert small.round_trips == large.round_trips
    # the tenant, the page, its total count, then one batch each for services, users
    # (applicants and assignees together), last messages and unread counts; no MongoDB
    assert (large.round_trips.postgres, large.round_trips.mongodb) == (7, 0)


def test_a_draft_is_listed_for_its_citizen(api: GraphQLClient) -> None:
    mario = api.login(*MARIO)
    started = draft(api, mario, {"givenName": "Mario"})
    drafts = queue(api, mario, first=100, filter={"statuses": ["DRAFT"]})
    assert started["id"] in {edge["node"]["id"] for edge in drafts["edges"]}
