"""Visitors rating the pages of the citizen area, and the municipality's administrators reading
the ratings counted per page."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from auth.login_throttle import address_key
from models.page_rating import (
    MAX_COMMENT,
    MAX_STARS,
    MIN_STARS,
    PageRating,
    RatedPage,
    RatingAnswer,
    answers_for,
    normalize_page_path,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import too_long
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page
from resolvers.wording import say

RATINGS_PER_ADDRESS = 30
"""Ratings one client address may send to one municipality in `RATING_WINDOW_SECONDS`: a
person reading page after page stays far below, a script filling the table does not."""
RATING_WINDOW_SECONDS = 3600
LATEST_COMMENTS = 5
"""Comments shown with each page's counts, newest first."""


@dataclass(frozen=True)
class NewRating:
    path: str
    stars: int
    answer: RatingAnswer | None = None
    comment: str | None = None


def rating_problems(rating: NewRating) -> list[Problem]:
    """What keeps a rating from being stored, each on its field."""
    problems: list[Problem] = []
    if normalize_page_path(rating.path) is None:
        message = say("Give the path of a page of the citizen area, e.g. /servizi/tari.")
        problems.append(Problem("path", ErrorCode.INVALID, message))
    if not MIN_STARS <= rating.stars <= MAX_STARS:
        message = say("Give from {least} to {most} stars.", least=MIN_STARS, most=MAX_STARS)
        problems.append(Problem("stars", ErrorCode.INVALID, message))
    elif rating.answer is not None and rating.answer not in answers_for(rating.stars):
        if rating.answer in answers_for(MAX_STARS):
            message = say("{answer} is an answer for 4 or 5 stars.", answer=rating.answer.value)
        else:
            message = say("{answer} is an answer for 1 to 3 stars.", answer=rating.answer.value)
        problems.append(Problem("answer", ErrorCode.INVALID, message))
    problems += too_long("comment", rating.comment, MAX_COMMENT)
    return problems


async def claim_rating(ctx: Context) -> int | None:
    """Count one rating of the client's address; the seconds to wait when it has sent
    `RATINGS_PER_ADDRESS` in the window already. An unknown address (a Unix socket without
    proxy headers) is not counted, as for logging in."""
    address = address_key(ctx.client_address)
    if address is None:
        return None
    key = f"sportello:{{rating}}:{ctx.tenant.id}:{address}"
    async with ctx.redis.pipeline(transaction=True) as pipe:
        pipe.set(key, 0, ex=RATING_WINDOW_SECONDS, nx=True)
        pipe.incr(key)
        pipe.ttl(key)
        _, count, ttl = await pipe.execute()
    if int(count) <= RATINGS_PER_ADDRESS:
        return None
    return max(1, int(ttl))


async def rate_page(ctx: Context, rating: NewRating) -> Outcome[PageRating]:
    """Store an anonymous rating of a page: checked, then counted against the client's address."""
    problems = rating_problems(rating)
    if problems:
        return Outcome.failed(*problems)
    wait = await claim_rating(ctx)
    if wait is not None:
        ctx.retry_after = wait
        message = say(
            "Too many ratings from this connection: please try again in {seconds} seconds.",
            seconds=wait,
        )
        return Outcome.failed(Problem(None, ErrorCode.TOO_MANY_ATTEMPTS, message))
    path = normalize_page_path(rating.path)
    comment = (rating.comment or "").strip() or None
    async with ctx.db() as session:
        # One row per page, whoever rates it first; the no-op update makes RETURNING answer
        # for a page that exists already.
        page_id: uuid.UUID = (
            await session.exec(
                insert(RatedPage)
                .values(id=uuid.uuid4(), tenant_id=ctx.tenant.id, path=path)
                .on_conflict_do_update(index_elements=["tenant_id", "path"], set_={"path": path})
                .returning(col(RatedPage.id))
            )
        ).scalar_one()
        row = PageRating(
            tenant_id=ctx.tenant.id,
            page_id=page_id,
            stars=rating.stars,
            answer=rating.answer,
            comment=comment,
        )
        session.add(row)
        await session.commit()
        await session.refresh(row)
    return Outcome(row)


@dataclass
class PageSummary:
    """A page's ratings counted: how many, their average, how many of each star and answer."""

    page_id: uuid.UUID
    path: str
    count: int
    average: float
    last_rated_at: datetime
    stars: dict[int, int]
    answers: dict[RatingAnswer, int]
    comments: list[PageRating] = field(default_factory=list)


STAR_COLUMNS = {n: f"stars_{n}" for n in range(MIN_STARS, MAX_STARS + 1)}
ANSWER_COLUMNS = {answer: f"answer_{answer.value.lower()}" for answer in RatingAnswer}


def summary_columns() -> list[Any]:
    rating = col(PageRating.id)
    return [
        func.count(rating).label("count"),
        func.avg(col(PageRating.stars)).label("average"),
        func.max(col(PageRating.created_at)).label("last_rated_at"),
        *(
            func.count(rating).filter(col(PageRating.stars) == stars).label(name)
            for stars, name in STAR_COLUMNS.items()
        ),
        *(
            func.count(rating).filter(col(PageRating.answer) == answer).label(name)
            for answer, name in ANSWER_COLUMNS.items()
        ),
    ]


def summary_of(row: Any) -> PageSummary:
    page: RatedPage = row[0]
    return PageSummary(
        page_id=page.id,
        path=page.path,
        count=row.count,
        average=round(float(row.average), 2),
        last_rated_at=row.last_rated_at,
        stars={stars: getattr(row, name) for stars, name in STAR_COLUMNS.items()},
        answers={answer: getattr(row, name) for answer, name in ANSWER_COLUMNS.items()},
    )


async def latest_comments(
    ctx: Context, page_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[PageRating]]:
    """The newest `LATEST_COMMENTS` ratings with a comment of each page, in one statement."""
    if not page_ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=col(PageRating.page_id), order_by=col(PageRating.created_at).desc())
        .label("rank")
    )
    ranked = (
        select(PageRating, rank)
        .where(
            PageRating.tenant_id == ctx.tenant.id,
            col(PageRating.page_id).in_(page_ids),
            col(PageRating.comment).is_not(None),
        )
        .subquery()
    )
    rating = aliased(PageRating, ranked)
    newest = select(rating).where(ranked.c.rank <= LATEST_COMMENTS).order_by(ranked.c.rank)
    found: dict[uuid.UUID, list[PageRating]] = {}
    async with ctx.db() as session:
        for row in (await session.exec(newest)).all():
            found.setdefault(row.page_id, []).append(row)
    return found


async def list_page_ratings(
    ctx: Context, page: PageRequest, with_total: bool, with_comments: bool
) -> Page[PageSummary]:
    """The rated pages of the tenant by path, each with its ratings counted."""
    statement = (
        select(RatedPage, *summary_columns())
        .join(PageRating, col(PageRating.page_id) == col(RatedPage.id))
        .where(RatedPage.tenant_id == ctx.tenant.id)
        .group_by(col(RatedPage.id))
    )
    async with ctx.db() as session:
        found = await keyset_page(
            session,
            statement,
            SortKey(col(RatedPage.path)),
            col(RatedPage.id),
            page,
            summary_of,
            with_total=with_total,
        )
    if with_comments:
        comments = await latest_comments(ctx, [edge.node.page_id for edge in found.edges])
        for edge in found.edges:
            edge.node.comments = comments.get(edge.node.page_id, [])
    return found
