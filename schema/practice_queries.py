"""Queries of practices: a citizen's own, and the office's work queue."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from models.practice_states import PracticeStatus
from resolvers import practices
from resolvers.limits import filter_problem, instant_problem, search_problem
from resolvers.practice_lookup import get_practice
from resolvers.practice_queue import PracticeFilter, PracticeSortField, list_practices
from schema.base import (
    TOTAL_COUNT,
    Info,
    connection,
    decode_id,
    page_request,
    pagination_errors,
    refuse_invalid,
    selected_paths,
)
from schema.permissions import Audience, Requires
from schema.practice import Practice

strawberry.enum(PracticeSortField)

PAGE_DOC = "Relay pagination: `first`/`after` forward, `last`/`before` backward; at most 100."


@strawberry.type
class PracticeConnection(relay.Connection[Practice]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.input(description="Every given condition must hold.")
class PracticeFilterInput:
    services: list[relay.GlobalID] | None = None
    statuses: list[PracticeStatus] | None = None
    offices: list[relay.GlobalID] | None = None
    assignees: list[relay.GlobalID] | None = None
    unassigned: bool | None = strawberry.field(
        default=None, description="true: nobody's yet; false: somebody's."
    )
    submitted_from: datetime | None = None
    submitted_until: datetime | None = strawberry.field(default=None, description="Exclusive.")
    applicant: str | None = strawberry.field(
        default=None,
        description="Part of the applicant's name (accents ignored), or a fiscal code.",
    )
    mine: bool = strawberry.field(
        default=False, description="Only the practices the current user applied for."
    )
    unread: bool | None = strawberry.field(
        default=None,
        description="true: with messages from the other side the current user has not read "
        "(as unreadCount counts them); false: without.",
    )


@strawberry.input
class PracticeSortInput:
    field: PracticeSortField = PracticeSortField.SUBMITTED_AT
    descending: bool = True


@strawberry.type(description="How many practices are in one status.")
class PracticeStatusCount:
    status: PracticeStatus
    count: int


def practice_filter(where: PracticeFilterInput | None) -> PracticeFilter:
    if where is None:
        return PracticeFilter()
    refuse_invalid(
        search_problem(where.applicant)
        or instant_problem(where.submitted_from)
        or instant_problem(where.submitted_until)
        or filter_problem(
            services=where.services,
            statuses=where.statuses,
            offices=where.offices,
            assignees=where.assignees,
        )
    )
    return PracticeFilter(
        service_ids=[decode_id(gid, "Service") for gid in where.services or []],
        statuses=list(where.statuses or []),
        office_ids=[decode_id(gid, "Office") for gid in where.offices or []],
        assignee_ids=[decode_id(gid, "User") for gid in where.assignees or []],
        unassigned=where.unassigned,
        submitted_from=where.submitted_from,
        submitted_until=where.submitted_until,
        applicant=where.applicant,
        mine=where.mine,
        unread=where.unread,
    )


@strawberry.type
class PracticeQuery:
    @strawberry.field(
        extensions=[
            Requires(
                Audience.SIGNED_IN,
                "a citizen's own practices; to staff also the sent practices of their offices "
                "(every office's for TENANT_ADMIN)",
            )
        ],
        description="A citizen's own practices (drafts included), or for the municipality's "
        "staff the work queue of every sent practice. Newest first by default. " + PAGE_DOC,
    )
    async def practices(
        self,
        info: Info,
        filter: PracticeFilterInput | None = None,
        sort: PracticeSortInput | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PracticeConnection:
        sort = sort or PracticeSortInput()
        with pagination_errors():
            page = await list_practices(
                info.context,
                practice_filter(filter),
                sort.field,
                sort.descending,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(PracticeConnection, page, Practice.from_row)

    @strawberry.field(
        extensions=[
            Requires(Audience.SIGNED_IN, "its applicant, or staff of the practice's office")
        ],
        description="A practice the current user may read.",
    )
    async def practice(self, info: Info, id: relay.GlobalID) -> Practice | None:
        row = await get_practice(info.context, decode_id(id, "Practice"))
        return None if row is None else Practice.from_row(row)

    @strawberry.field(
        extensions=[Requires(Audience.STAFF, "counts the practices of the caller's offices")],
        description="Sent practices per status (the staff's queue counts); empty for others.",
    )
    async def practice_counts(self, info: Info) -> list[PracticeStatusCount]:
        counts = await practices.count_by_status(info.context)
        return [
            PracticeStatusCount(status=status, count=counts[status])
            for status in PracticeStatus
            if status in counts
        ]
