"""The applicant's own data, as forms are prefilled with it and identity fields kept."""

from __future__ import annotations

from typing import Any

from models.formio.profile import Profile, locked_paths, prefill
from models.user import IdentityProvider, Role, User
from resolvers.context import Context


def profile_of(user: User) -> Profile:
    """What Sportello knows of the person; identity fields are asserted when they logged in
    through an identity provider (SPID, CIE), and typed by themselves otherwise."""
    return Profile(
        values={
            "givenName": user.given_name,
            "familyName": user.family_name,
            "fiscalCode": user.fiscal_code,
            "birthDate": user.birth_date,
            "birthPlace": user.birth_place,
            "email": user.email,
            "phone": user.phone,
        },
        from_identity_provider=user.identity_provider != IdentityProvider.LOCAL.value,
    )


def draft_data(definition: dict[str, Any], data: dict[str, Any], user: User) -> dict[str, Any]:
    """A new draft's data: what was given, the profile in the fields left empty."""
    return prefill(definition, data, profile_of(user))


def submitted_data(definition: dict[str, Any], data: dict[str, Any], user: User) -> dict[str, Any]:
    """Sent data with the identity fields as the provider asserted them, whatever was sent."""
    return prefill(definition, data, profile_of(user), fill_empty=False)


def locked_fields(definition: dict[str, Any], user: User) -> list[str]:
    """The data paths of the form the applicant cannot change."""
    return locked_paths(definition, profile_of(user))


async def application_start(ctx: Context, form_id: str) -> tuple[dict[str, Any], list[str]] | None:
    """For a logged-in citizen, what a new application of the form starts with (their profile
    in its fields) and the fields they cannot change; None for anyone else. Nothing is saved."""
    if ctx.viewer.user_id is None or not ctx.viewer.has(Role.CITIZEN):
        return None
    user = await ctx.loaders.user.load(ctx.viewer.user_id)
    head = await ctx.loaders.form.load(form_id)
    if head is None:
        return None
    version = await ctx.loaders.form_version.load((form_id, head.current_version))
    if user is None or version is None:
        return None
    return draft_data(version.definition, {}, user), locked_fields(version.definition, user)
