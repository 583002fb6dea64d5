"""Users as the API shows them: in full to themselves and to their tenant's staff, as a name to
citizens who meet them on their practices."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

import strawberry
from strawberry import relay

from models.user import Role, UserKind
from models.user import User as UserRow
from resolvers.context import Context
from schema.base import Info, load_nodes
from schema.catalogue import Office

strawberry.enum(Role)
strawberry.enum(UserKind)


@strawberry.type(description="A citizen, operator or administrator.")
class User(relay.Node):
    id: relay.NodeID[str]
    kind: UserKind
    roles: list[Role]
    username: str | None
    fiscal_code: str | None = strawberry.field(description="Codice fiscale, for citizens.")
    given_name: str
    family_name: str
    full_name: str
    gender: str | None
    birth_date: date | None
    birth_place: str | None
    email: str | None
    phone: str | None
    identity_provider: str

    @classmethod
    def from_row(cls, row: UserRow) -> User:
        return cls(
            id=str(row.id),
            kind=UserKind(row.kind),
            roles=[Role(role) for role in row.roles],
            username=row.username,
            fiscal_code=row.fiscal_code,
            given_name=row.given_name,
            family_name=row.family_name,
            full_name=row.full_name,
            gender=row.gender,
            birth_date=row.birth_date,
            birth_place=row.birth_place,
            email=row.email,
            phone=row.phone,
            identity_provider=row.identity_provider,
        )

    @classmethod
    def seen_by(cls, row: UserRow, ctx: Context) -> User:
        """A user named on a practice or an appointment, as the viewer may know them: in full
        to themself and to the tenant's staff; to a citizen, an operator is only a name (who
        acted, who wrote), never their username, roles or contacts."""
        if row.id == ctx.viewer.user_id or ctx.viewer.is_staff_of(ctx.tenant.slug):
            return cls.from_row(row)
        return cls(
            id=str(row.id),
            kind=UserKind(row.kind),
            roles=[],
            username=None,
            fiscal_code=None,
            given_name=row.given_name,
            family_name=row.family_name,
            full_name=row.full_name,
            gender=None,
            birth_date=None,
            birth_place=None,
            email=None,
            phone=None,
            identity_provider=row.identity_provider,
        )

    @strawberry.field(
        description="The offices an operator works in, by slug: shown to the operator and to "
        "the municipality's staff; empty for citizens and for anyone else."
    )
    async def offices(self, info: Info) -> list[Office]:
        ctx = info.context
        user_id = uuid.UUID(self.id)
        if self.kind is UserKind.CITIZEN or not (
            user_id == ctx.viewer.user_id or ctx.viewer.is_staff_of(ctx.tenant.slug)
        ):
            return []
        rows = await ctx.loaders.operator_offices.load(user_id)
        return [Office.from_row(row, ctx) for row in rows]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        """A user is visible to themself and to the administrators of their tenant."""
        ctx = info.context
        admin = ctx.viewer.is_tenant_admin_of(ctx.tenant.slug)
        return await load_nodes(
            ctx.loaders.user,
            node_ids,
            cls.from_row,
            lambda row: admin or row.id == ctx.viewer.user_id,
        )
