"""Ratings of the citizen area's pages: the Designers Italia question at the bottom of every
page ("Quanto sono chiare le informazioni su questa pagina?"), and their counts per page."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from models.page_rating import (
    MAX_COMMENT,
    MAX_PATH,
    MAX_STARS,
    MIN_STARS,
    RatingAnswer,
    normalize_page_path,
)
from models.page_rating import PageRating as PageRatingRow
from resolvers import page_ratings
from resolvers.page_ratings import RATINGS_PER_ADDRESS, NewRating, PageSummary
from schema.base import (
    TOTAL_COUNT,
    FieldError,
    Info,
    connection,
    field_errors,
    page_request,
    pagination_errors,
    selected_paths,
)
from schema.permissions import Audience, Requires
from schema.queries import PAGE_DOC

strawberry.enum(
    RatingAnswer,
    name="PageRatingAnswer",
    description="The answer to the follow-up question. After 4 or 5 stars, what went well: "
    "CLEAR, COMPLETE, ON_TRACK (the reader always knew they were doing it right), "
    "NO_TECHNICAL_PROBLEMS; after 1 to 3 stars, what was hard: UNCLEAR, INCOMPLETE, LOST, "
    "TECHNICAL_PROBLEMS. OTHER after any.",
)


@strawberry.type(description="One visitor's rating of a page; anonymous.")
class PageRating:
    path: str
    stars: int
    answer: RatingAnswer | None
    comment: str | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: PageRatingRow, path: str) -> PageRating:
        return cls(
            path=path,
            stars=row.stars,
            answer=row.answer,
            comment=row.comment,
            created_at=row.created_at,
        )


@strawberry.type
class StarCount:
    stars: int
    count: int


@strawberry.type
class AnswerCount:
    answer: RatingAnswer
    count: int


@strawberry.type(description="The ratings of one page of the citizen area, counted.")
class PageRatingSummary:
    path: str = strawberry.field(description="Below the citizen area, e.g. /servizi/tari.")
    count: int
    average: float = strawberry.field(description="Stars on average (1 to 5), to 2 decimals.")
    last_rated_at: datetime
    stars: list[StarCount] = strawberry.field(description="How many gave 1, 2, … 5 stars.")
    answers: list[AnswerCount] = strawberry.field(
        description="How many gave each answer to the follow-up question, most given first; "
        "answers nobody gave are left out."
    )
    comments: list[PageRating] = strawberry.field(
        description=f"The newest {page_ratings.LATEST_COMMENTS} ratings with a comment."
    )

    @classmethod
    def from_summary(cls, summary: PageSummary) -> PageRatingSummary:
        answers = sorted(
            ((answer, count) for answer, count in summary.answers.items() if count),
            key=lambda item: -item[1],
        )
        return cls(
            path=summary.path,
            count=summary.count,
            average=summary.average,
            last_rated_at=summary.last_rated_at,
            stars=[StarCount(stars=stars, count=count) for stars, count in summary.stars.items()],
            answers=[AnswerCount(answer=answer, count=count) for answer, count in answers],
            comments=[PageRating.from_row(row, summary.path) for row in summary.comments],
        )


@strawberry.type
class PageRatingSummaryConnection(relay.Connection[PageRatingSummary]):  # type: ignore[type-var]
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.input(description="A visitor's rating of a page.")
class RatePageInput:
    path: str = strawberry.field(
        description="The page's path below the citizen area of the municipality (`/` for its "
        f"home, `/servizi/cambio-residenza`), at most {MAX_PATH} characters."
    )
    stars: int = strawberry.field(description=f"From {MIN_STARS} to {MAX_STARS}.")
    answer: RatingAnswer | None = strawberry.field(
        default=None, description="One that goes with the stars given (see PageRatingAnswer)."
    )
    comment: str | None = strawberry.field(
        default=None, description=f"At most {MAX_COMMENT} characters."
    )


@strawberry.type
class RatePagePayload:
    rating: PageRating | None
    errors: list[FieldError]


@strawberry.type
class PageRatingQuery:
    @strawberry.field(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="The pages visitors rated, by path, each with its ratings counted. " + PAGE_DOC,
    )
    async def page_ratings(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> PageRatingSummaryConnection:
        selected = selected_paths(info)
        with pagination_errors():
            page = await page_ratings.list_page_ratings(
                info.context,
                page_request(first, after, last, before),
                with_total="totalCount" in selected,
                with_comments="edges.node.comments" in selected,
            )
        return connection(PageRatingSummaryConnection, page, PageRatingSummary.from_summary)


@strawberry.type
class PageRatingMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.ANYONE)],
        description="Rate a page of the citizen area: stars, then optionally an answer to the "
        "follow-up question and a comment. Nobody's identity or address is kept. At most "
        f"{RATINGS_PER_ADDRESS} ratings an hour from one connection: then TOO_MANY_ATTEMPTS, "
        "over HTTP a 429 answer with `Retry-After`.",
    )
    async def rate_page(self, info: Info, input: RatePageInput) -> RatePagePayload:
        rating = NewRating(
            path=input.path, stars=input.stars, answer=input.answer, comment=input.comment
        )
        outcome = await page_ratings.rate_page(info.context, rating)
        stored = None
        if outcome.value is not None:
            path = normalize_page_path(input.path) or input.path
            stored = PageRating.from_row(outcome.value, path)
        return RatePagePayload(rating=stored, errors=field_errors(outcome.problems))
