"""Offices of a tenant and who and what they serve (calendars come with appointments)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, ForeignKey, UniqueConstraint
from sqlmodel import Field, SQLModel

from models.base import created_field, id_field, json_object_field, tenant_field, updated_field


class Office(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    address: str | None = Field(default=None, max_length=300)
    contacts: dict[str, str] = json_object_field()
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


class ServiceOffice(SQLModel, table=True):
    """The offices that handle a service."""

    __tablename__ = "service_office"

    service_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    )
    office_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True, index=True)
    )


class OperatorOffice(SQLModel, table=True):
    """The offices an operator belongs to."""

    __tablename__ = "operator_office"

    user_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    )
    office_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("office.id", ondelete="CASCADE"), primary_key=True, index=True)
    )


class OperatorService(SQLModel, table=True):
    """The single services an operator is bound to; none means every service of their offices."""

    __tablename__ = "operator_service"

    user_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    )
    service_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
