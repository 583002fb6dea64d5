"""CORS by municipality: the pages allowed to call a tenant's API from a browser.

A tenant's allowed origins are the origin of its website (`site_url`), the list it keeps
(`allowed_origins`, changed with `updateTenant`) and the platform's `SPORTELLO_ALLOWED_ORIGINS`.
They apply to `/{tenant}/graphql` and `/{tenant}/files/…`, and to `/graphql` for the tenant
named by `X-Tenant`. A preflight to `/graphql` cannot say its tenant (a browser does not send
the header it asks about), so it is answered for the origins of every tenant; the request
itself is then checked against its tenant's.

Each process keeps the origins for a short while; a change made through `updateTenant` is
announced on Redis and every process forgets the tenant's entry at once.
"""

from __future__ import annotations

import time

from sqlmodel import select
from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from models.tenant import Tenant
from resolvers.tenant_admin import origin_of
from server.state import AppState

PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name")
CACHE_SECONDS = 30
"""How long a process trusts the origins it read (changes from other processes are announced,
this bounds a missed announcement)."""
ALLOWED_HEADERS = [
    "authorization",
    "content-type",
    "accept-language",
    "x-tenant",
    "x-request-id",
    *PREFLIGHT_HEADERS,
]
EVERY_TENANT = ""
"""Cache key of the union of all tenants' origins (preflights to /graphql)."""


def tenant_origins(tenant: Tenant) -> list[str]:
    site = origin_of(tenant.site_url) if tenant.site_url else None
    return [*([site] if site else []), *tenant.allowed_origins]


class TenantOrigins:
    """The allowed origins per tenant, as this process last read them."""

    def __init__(self, platform_origins: list[str]) -> None:
        self.platform_origins = platform_origins
        self.cached: dict[str, tuple[float, list[str]]] = {}

    def forget(self, slug: str) -> None:
        self.cached.pop(slug, None)
        self.cached.pop(EVERY_TENANT, None)

    async def of(self, state: AppState, slug: str) -> list[str]:
        entry = self.cached.get(slug)
        if entry is not None and entry[0] > time.monotonic():
            return entry[1]
        query = select(Tenant)
        if slug != EVERY_TENANT:
            query = query.where(Tenant.slug == slug)
        # Before a tenant is known, or for every tenant: the platform's directory.
        async with state.stores.cross_tenant_sessions() as session:
            tenants = (await session.exec(query)).all()
        found = [origin for tenant in tenants for origin in tenant_origins(tenant)]
        origins = list(dict.fromkeys([*self.platform_origins, *found]))
        self.cached[slug] = (time.monotonic() + CACHE_SECONDS, origins)
        return origins


class TenantCORS:
    """ASGI middleware answering CORS for the API paths with each tenant's origins; other
    paths (the frontend's files, stylesheets) set their own headers."""

    def __init__(self, app: ASGIApp, origins: TenantOrigins) -> None:
        self.app = app
        self.origins = origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        slug = api_tenant(scope["path"], headers)
        if slug is None or "origin" not in headers:
            await self.app(scope, receive, send)
            return
        origins = await self.origins.of(scope["app"].state.sportello, slug)
        policy = CORSMiddleware(
            self.app,
            allow_origins=origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=ALLOWED_HEADERS,
            expose_headers=["x-request-id", "server-timing", "retry-after"],
            max_age=600,
        )
        await policy(scope, receive, send)


def api_tenant(path: str, headers: Headers) -> str | None:
    """The cache key of the origins that apply to an API path; None for other paths."""
    if path == "/graphql":
        return headers.get("x-tenant") or EVERY_TENANT
    parts = path.split("/")
    if len(parts) >= 3 and parts[1] and (parts[2:] == ["graphql"] or parts[2] == "files"):
        return parts[1]
    return None
