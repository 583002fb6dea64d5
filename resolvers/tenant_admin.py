"""Changing a municipality's own settings: its look, the websites that may call the API, and
what its pages say of it (`resolvers.tenant_site`)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from models.clock import utcnow
from models.tenant import Tenant
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.tenant_site import apply_site, checked_site
from resolvers.wording import say

TENANT_CHANGED = "sportello:tenant-changed"
"""Redis channel told the slug of a tenant whose settings changed: every server process then
forgets the origins it keeps for CORS and prepares the new stylesheet."""
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_ORIGINS = 50
MAX_URL_LENGTH = 300

Changes = dict[str, Any]
"""Input name → new value, holding only the fields the client sent."""


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of an http(s) URL, lowercased; None for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")


def is_image_address(value: str, *, secure_only: bool = False) -> bool:
    """An http(s) address (https only if `secure_only`: the pages load no other images), or a
    path on this server; at most `MAX_URL_LENGTH` characters."""
    if len(value) > MAX_URL_LENGTH:
        return False
    if value.startswith("/"):
        return not value.startswith("//")
    origin = origin_of(value)
    return origin is not None and (not secure_only or origin.startswith("https://"))


def check_origin(index: int, value: str) -> tuple[str | None, Problem | None]:
    """The origin as stored, or why it is refused: an origin has no path, query or user."""
    field = f"allowedOrigins.{index}"
    origin = origin_of(value)
    parts = urlsplit(value.strip())
    if origin is None or len(value) > MAX_URL_LENGTH:
        message = say("Use the origin of a website: http(s)://host or http(s)://host:port.")
        return None, Problem(field, ErrorCode.INVALID, message)
    if parts.path not in ("", "/") or parts.query or parts.fragment or "@" in parts.netloc:
        message = say(
            "An origin has no path, query or user name: did you mean {origin}?", origin=origin
        )
        return None, Problem(field, ErrorCode.INVALID, message)
    return origin, None


def checked_origins(values: list[str]) -> tuple[list[str], list[Problem]]:
    problems = []
    origins: list[str] = []
    if len(values) > MAX_ORIGINS:
        message = say("Give at most {count} origins.", count=MAX_ORIGINS)
        problems.append(Problem("allowedOrigins", ErrorCode.MAX, message))
    for index, value in enumerate(values):
        origin, problem = check_origin(index, value)
        if problem is not None:
            problems.append(problem)
        elif origin not in origins:
            origins.append(str(origin))
    return origins, problems


def checked_theme(theme: Changes) -> list[Problem]:
    problems = []
    colour = theme.get("primaryColor")
    if colour is not None and not COLOUR.match(colour):
        message = say("Write the colour as #rrggbb, e.g. #0066cc.")
        problems.append(Problem("theme.primaryColor", ErrorCode.INVALID, message))
    logo = theme.get("logoUrl")
    if logo is not None and not is_image_address(logo):
        message = say("Use an http(s) address, or a path on this server starting with /.")
        problems.append(Problem("theme.logoUrl", ErrorCode.INVALID, message))
    return problems


def new_theme(current: dict[str, str], changes: Changes) -> dict[str, str]:
    """The theme with the sent keys changed; a key sent as null is removed."""
    theme = {**current, **changes}
    return {key: value for key, value in theme.items() if value is not None}


async def update_tenant(
    ctx: Context,
    theme: Changes | None,
    allowed_origins: list[str] | None,
    site: Changes | None = None,
) -> Outcome[Tenant]:
    """Change the tenant's theme, allowed origins and what its pages say of it
    (`resolvers.tenant_site`); nothing is written if any is wrong."""
    problems = checked_theme(theme or {})
    origins, origin_problems = checked_origins(allowed_origins or [])
    problems += origin_problems
    site_values, site_problems = checked_site(site or {})
    problems += site_problems
    if problems:
        return Outcome.failed(*problems)
    async with ctx.db() as session:
        tenant = await session.get(Tenant, ctx.tenant.id)
        if tenant is None:
            message = say("This municipality does not exist.")
            return Outcome.failed(Problem(None, ErrorCode.NOT_FOUND, message))
        if theme is not None:
            tenant.theme = new_theme(tenant.theme, theme)
        if allowed_origins is not None:
            tenant.allowed_origins = origins
        apply_site(tenant, site_values)
        tenant.updated_at = utcnow()
        await session.commit()
        await session.refresh(tenant)
    await ctx.redis.publish(TENANT_CHANGED, tenant.slug)
    return Outcome(tenant)
