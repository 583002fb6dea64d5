"""The tenant: a municipality (an "Ente") using the platform."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Column, String, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.it import iva

from models.base import created_field, id_field, json_object_field, updated_field

SITE_LINKS = ("transparency", "privacy", "legalNotes", "cookies", "siteMap", "reportProblem")
"""The pages of a municipality's site that the Designers Italia model links from every footer:
"Amministrazione trasparente", privacy notice, legal notes, cookie policy, site map, and where
to report a problem."""


class InvalidVatNumber(ValueError):
    """A partita IVA with a wrong structure or check digit."""


def normalize_vat_number(value: str) -> str:
    """The partita IVA as its 11 digits (spaces and an `IT` prefix dropped), or
    InvalidVatNumber."""
    try:
        return str(iva.validate(value))
    except StdnumValidationError as error:
        raise InvalidVatNumber(f"invalid VAT number {value!r}: {error}") from error


class Tenant(SQLModel, table=True):
    id: uuid.UUID = id_field()
    slug: str = Field(max_length=63, unique=True, index=True)
    name: str = Field(max_length=200)
    istat_code: str = Field(max_length=6, unique=True)
    fiscal_code: str = Field(max_length=16)
    aoo_code: str | None = Field(default=None, max_length=64)
    site_url: str | None = Field(default=None, max_length=500)
    default_language: str = Field(default="it", max_length=2)
    languages: list[str] = Field(
        default_factory=lambda: ["it"], sa_column=Column(ARRAY(String(2)), nullable=False)
    )
    theme: dict[str, str] = json_object_field()
    """Keys `logoUrl` and `primaryColor` (a `#rrggbb` colour)."""
    contacts: dict[str, str] = json_object_field()
    """Keys `email`, `pec`, `phone`, `address`."""
    vat_number: str | None = Field(default=None, max_length=11)
    """The partita IVA (11 digits), often equal to the fiscal code of a municipality."""
    parent_institution: dict[str, str] = json_object_field()
    """Keys `name` and `url`: the body the municipality belongs to (a region, a union of
    municipalities), named in the slim bar of every page."""
    links: dict[str, str] = json_object_field()
    """Pages of the municipality's own site the footer links to, by key (`SITE_LINKS`)."""
    allowed_origins: list[str] = Field(
        default_factory=list,
        sa_column=Column(ARRAY(String(300)), nullable=False, server_default=text("'{}'")),
    )
    """Origins (`https://host[:port]`) of other websites whose pages may call the API from a
    browser (CORS), besides the origin of `site_url`."""
    patron_day: str | None = Field(default=None, max_length=5)
    """`MM-DD` of the patron saint's feast: a holiday of the municipality's calendars."""
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()
