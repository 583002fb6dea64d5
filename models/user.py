"""Users of a tenant — citizens, operators, admins — and the roles they hold."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, String, UniqueConstraint
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field, SQLModel
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.it import codicefiscale

from models.base import created_field, id_field, updated_field


class UserKind(StrEnum):
    CITIZEN = "citizen"
    OPERATOR = "operator"
    ADMIN = "admin"


class Role(StrEnum):
    CITIZEN = "CITIZEN"
    OPERATOR = "OPERATOR"
    OPERATOR_ADMIN = "OPERATOR_ADMIN"
    TENANT_ADMIN = "TENANT_ADMIN"
    PLATFORM_ADMIN = "PLATFORM_ADMIN"
    PARTNER = "PARTNER"


class IdentityProvider(StrEnum):
    LOCAL = "local"
    SPID = "spid"
    CIE = "cie"


class InvalidFiscalCode(ValueError):
    """A codice fiscale with a wrong structure or check letter."""


def normalize_fiscal_code(value: str) -> str:
    """The fiscal code in canonical form, or InvalidFiscalCode naming what is wrong."""
    try:
        return str(codicefiscale.validate(value))
    except StdnumValidationError as error:
        raise InvalidFiscalCode(f"invalid fiscal code {value!r}: {error}") from error


def normalize_username(value: str) -> str:
    """The one form of a login name, for the account lookup and the login throttle alike:
    Unicode NFKC (full-width letters become ASCII), no surrounding whitespace, lower case.
    A fiscal code given as a username matches in any case, as its upper-case form."""
    return unicodedata.normalize("NFKC", value).strip().lower()


class User(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("tenant_id", "username", postgresql_nulls_not_distinct=True),
        UniqueConstraint("tenant_id", "fiscal_code"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("tenant.id", ondelete="CASCADE"), nullable=True, index=True),
    )
    """Null only for platform admins, who belong to no tenant."""
    kind: UserKind = Field(sa_column=Column(String(16), nullable=False))
    roles: list[str] = Field(
        default_factory=list, sa_column=Column(ARRAY(String(32)), nullable=False)
    )
    username: str | None = Field(default=None, max_length=150)
    password_hash: str | None = Field(default=None, max_length=200)
    fiscal_code: str | None = Field(default=None, max_length=16)
    given_name: str = Field(max_length=100)
    family_name: str = Field(max_length=100)
    gender: str | None = Field(default=None, max_length=1)
    birth_date: date | None = None
    birth_place: str | None = Field(default=None, max_length=100)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    identity_provider: str = Field(default=IdentityProvider.LOCAL.value, max_length=16)
    spid_level: int | None = None
    active: bool = True
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"
