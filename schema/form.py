"""Form.io form definitions and their versions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from models.form import FormHead
from models.form import FormVersion as FormVersionDocument
from resolvers.loaders import object_ids
from schema.base import Info


@strawberry.type(
    description="One saved version of a form: the Form.io JSON as the builder made it."
)
class FormVersion:
    version: int
    title: str
    definition: JSON
    created_at: datetime

    @classmethod
    def from_document(cls, document: FormVersionDocument) -> FormVersion:
        return cls(
            version=document.version,
            title=document.title,
            definition=JSON(document.definition),
            created_at=document.created_at,
        )


@strawberry.type(description="A Form.io form of the municipality; every save adds a version.")
class Form(relay.Node):
    id: relay.NodeID[str]
    key: str | None
    title: str
    current_version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_document(cls, head: FormHead) -> Form:
        return cls(
            id=str(head.id),
            key=head.key,
            title=head.title,
            current_version=head.current_version,
            created_at=head.created_at,
            updated_at=head.updated_at,
        )

    @strawberry.field(description="The Form.io JSON of the current version.")
    async def definition(self, info: Info) -> JSON | None:
        version = await info.context.loaders.form_version.load((self.id, self.current_version))
        return None if version is None else JSON(version.definition)

    @strawberry.field(description="A given version; earlier versions stay readable.")
    async def version(self, info: Info, number: int) -> FormVersion | None:
        version = await info.context.loaders.form_version.load((self.id, number))
        return None if version is None else FormVersion.from_document(version)

    @strawberry.field(description="Every version, newest first.")
    async def versions(self, info: Info) -> list[FormVersion]:
        history = await info.context.loaders.form_history.load(self.id)
        return [FormVersion.from_document(version) for version in history]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        keys = list(node_ids)
        valid = {str(oid) for oid in object_ids(keys)}
        heads = await info.context.loaders.form.load_many([k for k in keys if k in valid])
        found = {str(head.id): head for head in heads if head is not None}
        return [cls.from_document(found[key]) if key in found else None for key in keys]
