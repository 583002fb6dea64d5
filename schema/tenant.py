"""The municipality a request is addressed to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from models.i18n import Language
from models.tenant import Tenant as TenantRow
from schema.base import Info

strawberry.enum(Language)


@strawberry.type
class Theme:
    logo_url: str | None
    primary_color: str | None


@strawberry.type
class Contacts:
    email: str | None
    pec: str | None = strawberry.field(description="Certified e-mail (PEC) address.")
    phone: str | None
    address: str | None


@strawberry.type(description="A municipality (Ente) using the platform.")
class Tenant(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    istat_code: str = strawberry.field(description="ISTAT code of the municipality.")
    fiscal_code: str
    site_url: str | None
    default_language: Language
    languages: list[Language]
    theme: Theme
    contacts: Contacts

    @classmethod
    def from_row(cls, row: TenantRow) -> Tenant:
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=row.name,
            istat_code=row.istat_code,
            fiscal_code=row.fiscal_code,
            site_url=row.site_url,
            default_language=Language(row.default_language),
            languages=[Language(code) for code in row.languages],
            theme=Theme(
                logo_url=row.theme.get("logoUrl"), primary_color=row.theme.get("primaryColor")
            ),
            contacts=Contacts(
                email=row.contacts.get("email"),
                pec=row.contacts.get("pec"),
                phone=row.contacts.get("phone"),
                address=row.contacts.get("address"),
            ),
        )

    @classmethod
    def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        """Only the tenant of the request is reachable through it."""
        tenant = info.context.tenant
        return [cls.from_row(tenant) if node_id == str(tenant.id) else None for node_id in node_ids]
