"""The catalogue of a tenant: categories (topics), service groups and services."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum

from sqlalchemy import Column, Computed, ForeignKey, Index, Text, UniqueConstraint
from sqlalchemy import Enum as SQLEnum
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlmodel import Field, SQLModel

from models.base import (
    created_field,
    id_field,
    json_list_field,
    json_object_field,
    tenant_field,
    timestamp_field,
    updated_field,
)


class ServiceStatus(Enum):
    """Service states; the value is the SDC numeric code."""

    CANCELLED = 0
    AVAILABLE = 1
    SUSPENDED = 2
    PRIVATE = 3
    SCHEDULED = 4


class ServiceAccessLevel(Enum):
    """The weakest login that may submit; the value is the SDC numeric code."""

    ANONYMOUS = 0
    SOCIAL = 1000
    SPID_L1 = 2000
    SPID_L2 = 3000
    CIE = 4000


LISTED_STATUSES = (ServiceStatus.AVAILABLE, ServiceStatus.SUSPENDED, ServiceStatus.SCHEDULED)
"""Statuses shown in the public catalogue (PRIVATE is reachable only by direct link)."""

PUBLIC_STATUSES = (*LISTED_STATUSES, ServiceStatus.PRIVATE)
"""Statuses an anonymous visitor may open by id or slug."""

TRANSLATED_SERVICE_TEXTS = (
    "name",
    "short_description",
    "description",
    "audience",
    "how_to",
    "requirements",
    "costs",
    "outcome",
    "legal_basis",
)


class Category(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    description: dict[str, str] = json_object_field()
    parent_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("category.id", ondelete="SET NULL"), nullable=True, index=True),
    )
    position: int = 0
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


class ServiceGroup(SQLModel, table=True):
    __tablename__ = "service_group"
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    description: dict[str, str] = json_object_field()
    position: int = 0
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


SEARCH_TEXT_SQL = "sportello_search_text(name, short_description, keywords, topics)"
SEARCH_VECTOR_SQL = (
    "sportello_search_vector(name, short_description, description, keywords, topics)"
)


class Service(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("tenant_id", "slug"),
        Index("ix_service_search_vector", "search_vector", postgresql_using="gin"),
        Index(
            "ix_service_search_text_trgm",
            "search_text",
            postgresql_using="gin",
            postgresql_ops={"search_text": "gin_trgm_ops"},
        ),
        Index("ix_service_tenant_status", "tenant_id", "status"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    short_description: dict[str, str] = json_object_field()
    description: dict[str, str] = json_object_field()
    audience: dict[str, str] = json_object_field()
    """Who the service is for and who may apply (the "A chi è rivolto" section)."""
    how_to: dict[str, str] = json_object_field()
    requirements: dict[str, str] = json_object_field()
    costs: dict[str, str] = json_object_field()
    outcome: dict[str, str] = json_object_field()
    legal_basis: dict[str, str] = json_object_field()
    status: ServiceStatus = Field(
        default=ServiceStatus.AVAILABLE,
        sa_column=Column(SQLEnum(ServiceStatus, native_enum=False, length=16), nullable=False),
    )
    access_level: ServiceAccessLevel = Field(
        default=ServiceAccessLevel.SPID_L2,
        sa_column=Column(SQLEnum(ServiceAccessLevel, native_enum=False, length=16), nullable=False),
    )
    category_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("category.id", ondelete="SET NULL"), nullable=True, index=True),
    )
    group_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(
            ForeignKey("service_group.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )
    form_id: str | None = Field(default=None, max_length=64)
    """Id of the Form.io form in MongoDB (a `FormHead`)."""
    payment_required: bool = False
    protocol_required: bool = False
    allow_withdraw: bool = True
    allow_integration_request: bool = True
    allow_reopening: bool = False
    booking_required: bool = False
    max_response_days: int | None = None
    publish_from: datetime | None = timestamp_field()
    publish_until: datetime | None = timestamp_field()
    topics: list[str] = json_list_field()
    keywords: list[str] = json_list_field()
    search_text: str | None = Field(
        default=None, sa_column=Column(Text, Computed(SEARCH_TEXT_SQL, persisted=True))
    )
    search_vector: str | None = Field(
        default=None, sa_column=Column(TSVECTOR, Computed(SEARCH_VECTOR_SQL, persisted=True))
    )
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()
