"""Column helpers shared by the PostgreSQL tables."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Column, DateTime, ForeignKey, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from models.clock import utcnow


def id_field() -> Any:
    return Field(default_factory=uuid.uuid4, primary_key=True)


def tenant_field() -> Any:
    """The owning tenant: every tenant-owned row carries it, first in its indexes."""
    return Field(
        sa_column=Column(ForeignKey("tenant.id", ondelete="CASCADE"), nullable=False, index=True)
    )


def created_field() -> Any:
    return Field(
        default_factory=utcnow,
        sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()),
    )


def updated_field() -> Any:
    return Field(
        default_factory=utcnow,
        sa_column=Column(
            DateTime(timezone=True), nullable=False, server_default=func.now(), onupdate=utcnow
        ),
    )


def timestamp_field(*, nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


def json_object_field() -> Any:
    return Field(
        default_factory=dict,
        sa_column=Column(JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    )


def json_list_field() -> Any:
    return Field(
        default_factory=list,
        sa_column=Column(JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    )
