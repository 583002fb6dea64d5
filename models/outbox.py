"""The outbox: events written in the same transaction as the change they announce."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from models.base import created_field, id_field, json_object_field, tenant_field, timestamp_field


class Event(SQLModel, table=True):
    __table_args__ = (
        Index(
            "ix_event_unpublished",
            "created_at",
            postgresql_where=text("published_at IS NULL"),
        ),
        Index("ix_event_aggregate", "aggregate_id", "aggregate_version"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    type: str = Field(max_length=64)
    """`practice.submitted`, `practice.status_changed`, `message.created`…"""
    aggregate_id: uuid.UUID
    aggregate_version: int
    payload: dict[str, Any] = json_object_field()
    created_at: datetime = created_field()
    published_at: datetime | None = timestamp_field()
