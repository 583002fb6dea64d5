"""Who may call a field, declared on it: one field extension enforces the rule before the
resolver runs and writes it into the field's description, so the playground shows exactly what
is enforced.

The declaration says which roles may call at all. What a caller may then reach (their own
practices, the practices of their offices) is the use cases' object scope (`auth.scope`), named
in the declaration's `scope` text.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition
from strawberry.types.field import StrawberryField

from auth.viewer import Viewer
from models.user import Role
from resolvers.errors import ErrorCode
from resolvers.wording import say
from schema.base import FieldError, Info

FORBIDDEN = "FORBIDDEN"


class Audience(Enum):
    """Who may call a field, by role within the municipality the request is addressed to."""

    ANYONE = "anyone, logged in or not"
    SIGNED_IN = "a logged-in user"
    CITIZEN = "CITIZEN"
    CITIZEN_OR_STAFF = "CITIZEN, or OPERATOR/OPERATOR_ADMIN/TENANT_ADMIN"
    STAFF = "OPERATOR or OPERATOR_ADMIN, or TENANT_ADMIN"
    TENANT_ADMIN = "TENANT_ADMIN of the municipality (or PLATFORM_ADMIN)"

    def admits(self, viewer: Viewer, tenant_slug: str) -> bool:
        """Tokens are bound to one municipality (the app refuses another's, but for platform
        admins), so roles are the viewer's in this one."""
        staff = viewer.is_staff_of(tenant_slug)
        citizen = viewer.authenticated and viewer.has(Role.CITIZEN)
        return {
            Audience.ANYONE: True,
            Audience.SIGNED_IN: viewer.authenticated,
            Audience.CITIZEN: citizen,
            Audience.CITIZEN_OR_STAFF: citizen or staff,
            Audience.STAFF: staff,
            Audience.TENANT_ADMIN: viewer.is_tenant_admin_of(tenant_slug),
        }[self]

    def refusal_message(self) -> str:
        """What a caller outside the audience reads, in the request's language."""
        if self is Audience.STAFF:
            return say("Only the municipality's staff can do this.")
        if self is Audience.TENANT_ADMIN:
            return say("Only the municipality's administrators can do this.")
        if self is Audience.CITIZEN:
            return say("Only citizens can do this: please log in with your own account.")
        return say("Please log in to do this.")


class Requires(FieldExtension):
    """`Requires(Audience.STAFF, "of the practice's office")` on a field: callers outside the
    audience get FORBIDDEN (in the payload's `errors` for a mutation with one, as a GraphQL
    error otherwise, or null for a field declared `quiet`) and the resolver never runs."""

    def __init__(self, audience: Audience, scope: str | None = None, *, quiet: bool = False):
        self.audience = audience
        self.scope = scope
        self.quiet = quiet
        self.field: StrawberryField | None = None

    def describe(self) -> str:
        if self.audience is Audience.ANYONE:
            text = "Requires: nothing (public)"
        else:
            text = f"Requires: {self.audience.value}"
        if self.scope:
            text += f"; {self.scope}"
        if self.quiet:
            text += "; null for anyone else"
        return text + "."

    def apply(self, field: StrawberryField) -> None:
        self.field = field
        own = (field.description or "").strip()
        if not own.endswith(self.describe()):  # the root types are shared by every build
            field.description = f"{own} {self.describe()}".strip()

    def refusal(self) -> Any:
        """What a caller outside the audience gets."""
        if self.quiet:
            return None
        payload = payload_type(self.field)
        message = self.audience.refusal_message()
        if payload is None:
            raise GraphQLError(message, extensions={"code": FORBIDDEN})
        definition = payload.__strawberry_definition__  # type: ignore[attr-defined]
        values: dict[str, Any] = {
            item.python_name: None for item in definition.fields if item.base_resolver is None
        }
        values["errors"] = [FieldError(field=None, code=ErrorCode.FORBIDDEN, message=message)]
        return payload(**values)

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        if not self.audience.admits(info.context.viewer, info.context.tenant.slug):
            return self.refusal()
        return next_(source, info, **kwargs)

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info, **kwargs: Any
    ) -> Any:
        if not self.audience.admits(info.context.viewer, info.context.tenant.slug):
            return self.refusal()
        return await next_(source, info, **kwargs)


def payload_type(field: StrawberryField | None) -> type | None:
    """The field's return type when it is an object with an `errors` list (a mutation's
    payload), else None."""
    if field is None:
        return None
    kind = field.type
    if isinstance(kind, StrawberryOptional):
        kind = kind.of_type
    if isinstance(kind, StrawberryList) or not has_object_definition(kind):
        return None
    names = {item.python_name for item in kind.__strawberry_definition__.fields}
    return kind if "errors" in names else None


def declared(field: StrawberryField) -> Requires | None:
    """The permission declared on a field, if any (for the schema's own tests and docs)."""
    return next((ext for ext in field.extensions if isinstance(ext, Requires)), None)
