"""Ratings of the citizen area's pages, as the Designers Italia model asks at the bottom of each
one ("Quanto sono chiare le informazioni su questa pagina?"), and the rules a rating follows."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import Enum

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, SmallInteger, Text
from sqlalchemy import Enum as SQLEnum
from sqlmodel import Field, SQLModel

from models.base import created_field, id_field, tenant_field

MIN_STARS = 1
MAX_STARS = 5
GOOD_FROM_STARS = 4
"""From this many stars the follow-up asks what went well; below, what was difficult."""
MAX_COMMENT = 200
"""Characters of the optional comment, as the model's text box says ("massimo 200 caratteri")."""
MAX_PATH = 200
"""Characters of a page's path: the citizen area's addresses are short."""


class RatingAnswer(Enum):
    """The answers of the follow-up question; OTHER fits either."""

    # "Quali sono stati gli aspetti che hai preferito?" (4 or 5 stars)
    CLEAR = "CLEAR"
    COMPLETE = "COMPLETE"
    ON_TRACK = "ON_TRACK"
    NO_TECHNICAL_PROBLEMS = "NO_TECHNICAL_PROBLEMS"
    # "Dove hai incontrato le maggiori difficoltà?" (1 to 3 stars)
    UNCLEAR = "UNCLEAR"
    INCOMPLETE = "INCOMPLETE"
    LOST = "LOST"
    TECHNICAL_PROBLEMS = "TECHNICAL_PROBLEMS"
    OTHER = "OTHER"


GOOD_ANSWERS = frozenset(
    {
        RatingAnswer.CLEAR,
        RatingAnswer.COMPLETE,
        RatingAnswer.ON_TRACK,
        RatingAnswer.NO_TECHNICAL_PROBLEMS,
        RatingAnswer.OTHER,
    }
)
POOR_ANSWERS = frozenset(
    {
        RatingAnswer.UNCLEAR,
        RatingAnswer.INCOMPLETE,
        RatingAnswer.LOST,
        RatingAnswer.TECHNICAL_PROBLEMS,
        RatingAnswer.OTHER,
    }
)


def answers_for(stars: int) -> frozenset[RatingAnswer]:
    """The answers the follow-up question offers after `stars`."""
    return GOOD_ANSWERS if stars >= GOOD_FROM_STARS else POOR_ANSWERS


_SEGMENT = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+"
PAGE_PATH = re.compile(rf"/(?:{_SEGMENT}(?:/{_SEGMENT})*)?")
"""A page of the citizen area below its base (`/servizi/cambio-residenza`, `/` for the home):
an absolute path of URL characters, without query, fragment or empty segments."""


def normalize_page_path(path: str) -> str | None:
    """The path as it is stored (without a trailing slash, but for the home), or None when it
    is not a page's path."""
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    if len(path) > MAX_PATH or not PAGE_PATH.fullmatch(path):
        return None
    return path


class RatedPage(SQLModel, table=True):
    """A page that has been rated at least once: ratings are counted per page."""

    __tablename__ = "rated_page"
    __table_args__ = (Index("ix_rated_page_tenant_path", "tenant_id", "path", unique=True),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    path: str = Field(max_length=MAX_PATH)
    created_at: datetime = created_field()


class PageRating(SQLModel, table=True):
    """One visitor's rating of a page; anonymous: neither the person nor the address is kept."""

    __tablename__ = "page_rating"
    __table_args__ = (
        CheckConstraint(f"stars BETWEEN {MIN_STARS} AND {MAX_STARS}", name="page_rating_stars"),
        Index("ix_page_rating_page_created", "page_id", "created_at"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    page_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("rated_page.id", ondelete="CASCADE"), nullable=False)
    )
    stars: int = Field(sa_column=Column(SmallInteger, nullable=False))
    answer: RatingAnswer | None = Field(
        default=None,
        sa_column=Column(SQLEnum(RatingAnswer, native_enum=False, length=32), nullable=True),
    )
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = created_field()
