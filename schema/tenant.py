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


@strawberry.type(
    description="The body the municipality belongs to (a region, a union of municipalities), "
    "named in the header of its pages."
)
class ParentInstitution:
    name: str
    url: str | None


@strawberry.type(description="Pages of the municipality's own site that every footer links to.")
class SiteLinks:
    transparency: str | None = strawberry.field(
        description='The "Amministrazione trasparente" section.'
    )
    privacy: str | None = strawberry.field(description="The privacy notice.")
    legal_notes: str | None
    cookies: str | None = strawberry.field(description="The cookie policy.")
    site_map: str | None
    report_problem: str | None = strawberry.field(
        description='Where to report a problem with a service ("segnala disservizio").'
    )

    @classmethod
    def from_stored(cls, links: dict[str, str]) -> SiteLinks:
        return cls(**{name: links.get(key) for name, key in SITE_LINK_NAMES.items()})


SITE_LINK_NAMES = {
    "transparency": "transparency",
    "privacy": "privacy",
    "legal_notes": "legalNotes",
    "cookies": "cookies",
    "site_map": "siteMap",
    "report_problem": "reportProblem",
}
"""Python attribute → stored key (`models.tenant.SITE_LINKS`)."""


@strawberry.type(description="A municipality (Ente) using the platform.")
class Tenant(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    istat_code: str = strawberry.field(description="ISTAT code of the municipality.")
    fiscal_code: str
    vat_number: str | None = strawberry.field(description="The VAT number (partita IVA).")
    site_url: str | None
    parent_institution: ParentInstitution | None
    links: SiteLinks
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
            vat_number=row.vat_number,
            site_url=row.site_url,
            parent_institution=(
                ParentInstitution(
                    name=row.parent_institution["name"], url=row.parent_institution.get("url")
                )
                if row.parent_institution.get("name")
                else None
            ),
            links=SiteLinks.from_stored(row.links),
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


@strawberry.input(description="The body the municipality belongs to; omitted fields stay.")
class ParentInstitutionInput:
    name: str | None = strawberry.field(default=strawberry.UNSET, description="Null removes it.")
    url: str | None = strawberry.field(
        default=strawberry.UNSET, description="An http(s) address; null removes it."
    )


@strawberry.input(
    description="Pages of the municipality's site, as http(s) addresses; omitted fields stay "
    "as they are, null removes a link."
)
class SiteLinksInput:
    transparency: str | None = strawberry.UNSET
    privacy: str | None = strawberry.UNSET
    legal_notes: str | None = strawberry.UNSET
    cookies: str | None = strawberry.UNSET
    site_map: str | None = strawberry.UNSET
    report_problem: str | None = strawberry.UNSET


@strawberry.input(description="The municipality's contacts; omitted fields stay, null removes.")
class TenantContactsInput:
    email: str | None = strawberry.UNSET
    pec: str | None = strawberry.field(
        default=strawberry.UNSET, description="Certified e-mail (PEC) address."
    )
    phone: str | None = strawberry.field(
        default=strawberry.UNSET, description="Written back in international form."
    )
    address: str | None = strawberry.UNSET


@strawberry.input(description="Settings of the municipality; omitted fields stay as they are.")
class UpdateTenantInput:
    theme: ThemeInput | None = strawberry.UNSET
    allowed_origins: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces the list of origins (scheme://host[:port]) allowed by CORS.",
    )
    site_url: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="The municipality's own website (http(s)); its origin may call the API.",
    )
    vat_number: str | None = strawberry.field(
        default=strawberry.UNSET, description="The partita IVA: 11 digits with a check digit."
    )
    parent_institution: ParentInstitutionInput | None = strawberry.UNSET
    links: SiteLinksInput | None = strawberry.UNSET
    contacts: TenantContactsInput | None = strawberry.UNSET


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


def site_changes(input: UpdateTenantInput) -> dict[str, Any]:
    """What the pages say of the municipality, as sent (`resolvers.tenant_site`); a nested
    object sent as null clears all its keys."""
    changes: dict[str, Any] = {}
    for name in ("site_url", "vat_number"):
        if (value := getattr(input, name)) is not strawberry.UNSET:
            changes[name] = value
    objects: dict[str, tuple[Any, dict[str, str]]] = {
        "parent_institution": (input.parent_institution, {"name": "name", "url": "url"}),
        "links": (input.links, SITE_LINK_NAMES),
        "contacts": (input.contacts, {key: key for key in ("email", "pec", "phone", "address")}),
    }
    for name, (value, keys) in objects.items():
        if value is strawberry.UNSET:
            continue
        changes[name] = {
            stored: None if value is None else getattr(value, attribute)
            for attribute, stored in keys.items()
            if value is None or getattr(value, attribute) is not strawberry.UNSET
        }
    return changes


@strawberry.type
class TenantMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change the municipality's theme, the websites allowed to call the API "
        "from a browser, and what its pages say of it: its site, parent institution, VAT "
        "number, contacts and the links of every footer.",
    )
    async def update_tenant(self, info: Info, input: UpdateTenantInput) -> TenantPayload:
        origins = input.allowed_origins
        outcome = await tenant_admin.update_tenant(
            info.context,
            theme_changes(input.theme),
            None if origins is strawberry.UNSET else origins,
            site_changes(input),
        )
        tenant = Tenant.from_row(outcome.value) if outcome.value is not None else None
        return TenantPayload(tenant=tenant, errors=field_errors(outcome.problems))
