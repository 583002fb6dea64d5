"""Idempotency keys of creating mutations: the first result of a key is the only one."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey
from sqlmodel import Field, SQLModel

from models.base import created_field, json_object_field


class IdempotencyKey(SQLModel, table=True):
    __tablename__ = "idempotency_key"

    tenant_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    )
    user_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    )
    key: str = Field(max_length=100, primary_key=True)
    operation: str = Field(max_length=64)
    request_hash: str = Field(max_length=64)
    """SHA-256 of the operation's canonical input: the same key with another input is refused."""
    result: dict[str, Any] = json_object_field()
    """What the first request returned (the ids to load again)."""
    created_at: datetime = created_field()
