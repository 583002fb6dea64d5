"""The municipality a request is addressed to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from models.i18n import Language
from models.tenant import Tenant as TenantRow
from resolvers import tenant_admin
from schema.base import FieldError, Info, field_errors
from schema.permissions import Audience, Requires

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
    origins: strawberry.Private[list[str]]

    @strawberry.field(
        extensions=[Requires(Audience.TENANT_ADMIN, quiet=True)],
        description="Origins (scheme://host[:port]) of other websites whose pages may call "
        "the API from a browser, besides the origin of siteUrl.",
    )
    def allowed_origins(self) -> list[str] | None:
        return self.origins

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
            origins=list(row.allowed_origins),
        )

    @classmethod
    def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        """Only the tenant of the request is reachable through it."""
        tenant = info.context.tenant
        return [cls.from_row(tenant) if node_id == str(tenant.id) else None for node_id in node_ids]


@strawberry.input(description="The look of the municipality; omitted fields stay as they are.")
class ThemeInput:
    logo_url: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="An http(s) address, or a path on this server; null removes the logo.",
    )
    primary_color: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="The brand colour as #rrggbb; null returns to the default colour.",
    )


@strawberry.input(description="Settings of the municipality; omitted fields stay as they are.")
class UpdateTenantInput:
    theme: ThemeInput | None = strawberry.UNSET
    allowed_origins: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces the list of origins (scheme://host[:port]) allowed by CORS.",
    )


@strawberry.type
class TenantPayload:
    tenant: Tenant | None
    errors: list[FieldError]


def theme_changes(theme: ThemeInput | None) -> dict[str, str | None] | None:
    """The theme keys sent, by their stored (camelCase) name; null values clear a key."""
    if theme is None or theme is strawberry.UNSET:
        return None
    sent = {"logoUrl": theme.logo_url, "primaryColor": theme.primary_color}
    return {key: value for key, value in sent.items() if value is not strawberry.UNSET}


@strawberry.type
class TenantMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change the municipality's theme and the websites allowed to call the API "
        "from a browser.",
    )
    async def update_tenant(self, info: Info, input: UpdateTenantInput) -> TenantPayload:
        origins = input.allowed_origins
        outcome = await tenant_admin.update_tenant(
            info.context,
            theme_changes(input.theme),
            None if origins is strawberry.UNSET else origins,
        )
        tenant = Tenant.from_row(outcome.value) if outcome.value is not None else None
        return TenantPayload(tenant=tenant, errors=field_errors(outcome.problems))
