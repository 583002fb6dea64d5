"""Demo ratings of the citizen area's pages: what visitors of a working site would have said,
so that the administrators' counts per page have something to show. Made through the same use
case as `ratePage`."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import func
from sqlmodel import select

from auth.viewer import Viewer
from models.page_rating import PageRating, RatingAnswer
from resolvers.context import Context
from resolvers.page_ratings import NewRating, rate_page

A = RatingAnswer
DEMO_RATINGS: dict[str, list[NewRating]] = {
    "bugliano": [
        NewRating("/", 5, A.CLEAR),
        NewRating("/", 4, A.NO_TECHNICAL_PROBLEMS),
        NewRating(
            "/servizi/cambio-residenza", 5, A.COMPLETE, "Ho trovato tutto quello che serviva."
        ),
        NewRating(
            "/servizi/cambio-residenza",
            2,
            A.INCOMPLETE,
            "Non è chiaro quali documenti servono per i familiari che si trasferiscono con me.",
        ),
        NewRating("/servizi/carta-identita-elettronica", 4, A.ON_TRACK),
        NewRating("/servizi/carta-identita-elettronica", 3, A.UNCLEAR),
        NewRating("/appuntamenti/prenota", 1, A.TECHNICAL_PROBLEMS, "Il calendario non si apriva."),
    ],
}


async def seed_demo_ratings(
    context_for: Callable[[Viewer], Context], tenant_id: uuid.UUID, slug: str
) -> int:
    """Rate the demo's pages once: a municipality that has ratings keeps them as they are.
    Returns how many were made."""
    ctx = context_for(Viewer())
    async with ctx.db() as session:
        existing = (
            await session.exec(
                select(func.count())
                .select_from(PageRating)
                .where(PageRating.tenant_id == tenant_id)
            )
        ).one()
    if existing:
        return 0
    made = 0
    for rating in DEMO_RATINGS.get(slug, []):
        outcome = await rate_page(ctx, rating)
        if outcome.value is None:
            raise RuntimeError(f"demo rating refused: {outcome.problems}")
        made += 1
    return made
