"""Form.io form definitions in MongoDB: a head per form and one document per saved version."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, ClassVar

import pymongo
from beanie import Document
from pydantic import Field

from models.clock import utcnow


class FormHead(Document):
    """What every version of one form shares; `current_version` is the latest saved."""

    tenant_id: uuid.UUID
    key: str | None = None
    """A stable name that others refer to (shared blocks, demo data); unique per tenant."""
    title: str
    current_version: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "forms"
        indexes: ClassVar = [
            pymongo.IndexModel([("tenant_id", 1), ("updated_at", -1)]),
            pymongo.IndexModel(
                [("tenant_id", 1), ("key", 1)],
                unique=True,
                partialFilterExpression={"key": {"$type": "string"}},
            ),
        ]


class FormVersion(Document):
    """One saved version of a form: the Form.io JSON exactly as the builder produced it."""

    form_id: str
    tenant_id: uuid.UUID
    version: int
    title: str
    definition: dict[str, Any]
    author_id: uuid.UUID | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "form_versions"
        indexes: ClassVar = [
            pymongo.IndexModel([("form_id", 1), ("version", -1)], unique=True),
        ]
