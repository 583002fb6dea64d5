"""Practices (a citizen's application to a service), their status history and yearly numbers."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint, text
from sqlalchemy import Enum as SQLEnum
from sqlmodel import Field, SQLModel

from models.base import (
    created_field,
    id_field,
    json_object_field,
    tenant_field,
    timestamp_field,
    updated_field,
)
from models.practice_states import Action, Actor, PracticeStatus


def _status_column(*, nullable: bool = False) -> Any:
    return Column(SQLEnum(PracticeStatus, native_enum=False, length=40), nullable=nullable)


def _reference(table: str, *, ondelete: str = "SET NULL", nullable: bool = True) -> Any:
    return Field(
        default=None,
        sa_column=Column(ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable),
    )


class Practice(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("tenant_id", "number"),
        Index("ix_practice_queue", "tenant_id", "status", "submitted_at"),
        Index("ix_practice_applicant", "tenant_id", "applicant_id", "updated_at"),
        Index("ix_practice_assignee", "tenant_id", "assignee_id"),
        Index("ix_practice_service", "tenant_id", "service_id"),
        # One open draft per citizen and service: starting an application again resumes it.
        Index(
            "practice_one_open_draft",
            "tenant_id",
            "applicant_id",
            "service_id",
            unique=True,
            postgresql_where=text("status = 'DRAFT'"),
        ),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    service_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("service.id", ondelete="RESTRICT"), nullable=False)
    )
    applicant_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("user.id", ondelete="RESTRICT"), nullable=False)
    )
    form_id: str = Field(max_length=64)
    form_version: int
    """The form version the practice is filled against, pinned when the draft is created."""
    data: dict[str, Any] = json_object_field()
    subject: str | None = Field(default=None, max_length=300)
    status: PracticeStatus = Field(default=PracticeStatus.DRAFT, sa_column=_status_column())
    number: str | None = Field(default=None, max_length=20)
    """`2026/000123`: given on submission, per tenant and year."""
    assignee_id: uuid.UUID | None = _reference("user")
    office_id: uuid.UUID | None = _reference("office")
    outcome_accepted: bool | None = None
    outcome_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    has_payment: bool = False
    notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    """The citizen's own compilation notes."""
    locale: str = Field(default="it", max_length=2)
    version: int = Field(default=1, sa_column=Column(Integer, nullable=False, server_default="1"))
    """Grows by one with every change; the `event_version` of its events."""
    created_at: datetime = created_field()
    submitted_at: datetime | None = timestamp_field()
    status_changed_at: datetime | None = timestamp_field()
    updated_at: datetime = updated_field()


class PracticeStatusChange(SQLModel, table=True):
    """History of a practice, append only: who did what, when, and why."""

    __tablename__ = "practice_status_change"
    __table_args__ = (Index("ix_practice_status_change_practice", "practice_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    practice_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("practice.id", ondelete="CASCADE"), nullable=False)
    )
    action: Action = Field(
        sa_column=Column(SQLEnum(Action, native_enum=False, length=40), nullable=False)
    )
    from_status: PracticeStatus | None = Field(
        default=None, sa_column=_status_column(nullable=True)
    )
    to_status: PracticeStatus = Field(sa_column=_status_column())
    actor: Actor = Field(
        sa_column=Column(SQLEnum(Actor, native_enum=False, length=16), nullable=False)
    )
    actor_id: uuid.UUID | None = _reference("user")
    """The acting user; null when the platform acted (`SYSTEM`)."""
    office_id: uuid.UUID | None = _reference("office")
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = created_field()


class PracticeCounter(SQLModel, table=True):
    """The last practice number given per tenant and year; its row lock keeps numbers gapless."""

    __tablename__ = "practice_counter"

    tenant_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    )
    year: int = Field(sa_column=Column(Integer, primary_key=True))
    last: int = Field(sa_column=Column(Integer, nullable=False))


def practice_number(year: int, sequence: int) -> str:
    return f"{year}/{sequence:06d}"


class MessageVisibility(StrEnum):
    APPLICANT = "APPLICANT"
    """Seen by the citizen and the staff."""
    INTERNAL = "INTERNAL"
    """An internal note: staff only."""


class Message(SQLModel, table=True):
    __table_args__ = (Index("ix_message_practice", "practice_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    practice_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("practice.id", ondelete="CASCADE"), nullable=False)
    )
    author_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("user.id", ondelete="RESTRICT"), nullable=False)
    )
    from_applicant: bool
    """Written by the practice's applicant (else by the staff)."""
    body: str = Field(sa_column=Column(Text, nullable=False))
    visibility: MessageVisibility = Field(
        sa_column=Column(SQLEnum(MessageVisibility, native_enum=False, length=16), nullable=False)
    )
    read_at: datetime | None = timestamp_field()
    """When the other side (the citizen, or any operator) first read it."""
    created_at: datetime = created_field()


class FilePurpose(StrEnum):
    FORM = "FORM"
    """Attached to a file component of the form."""
    MESSAGE = "MESSAGE"
    OUTCOME = "OUTCOME"
    INTEGRATION = "INTEGRATION"
    RECEIPT = "RECEIPT"


class StoredFile(SQLModel, table=True):
    """A file in the storage backend; its bytes live under `storage_key`."""

    __tablename__ = "stored_file"
    __table_args__ = (Index("ix_stored_file_practice", "practice_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    practice_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("practice.id", ondelete="CASCADE"), nullable=True),
    )
    message_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("message.id", ondelete="SET NULL"), nullable=True),
    )
    status_change_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(
            ForeignKey("practice_status_change.id", ondelete="SET NULL"), nullable=True
        ),
    )
    """Attached to a step of the history (an outcome, an integration request)."""
    internal: bool = False
    """Attached to an internal note: staff only."""
    uploaded_by: uuid.UUID | None = _reference("user")
    purpose: FilePurpose = Field(
        sa_column=Column(SQLEnum(FilePurpose, native_enum=False, length=16), nullable=False)
    )
    name: str = Field(max_length=255)
    content_type: str = Field(max_length=127)
    size: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=255)
    created_at: datetime = created_field()
