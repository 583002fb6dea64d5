"""Finding the municipality a request is addressed to, and hearing of changes to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from redis.exceptions import RedisError
from sqlmodel import select

from models.tenant import Tenant
from resolvers.catalogue_admin import SLUG
from resolvers.tenant_admin import TENANT_CHANGED
from server.logs import log
from server.state import AppState

RETRY_SECONDS = 5
MAX_TENANT_SLUG = 63


async def find_tenant(state: AppState, slug: str) -> Tenant | None:
    """The municipality of a slug from the address or the X-Tenant header; None for one that
    cannot be a slug (a NUL character in `/bugliano%00/` never reaches the database)."""
    if len(slug) > MAX_TENANT_SLUG or not SLUG.match(slug):
        return None
    # Across tenants: the request's tenant is what this finds.
    async with state.stores.cross_tenant_sessions() as session:
        return (await session.exec(select(Tenant).where(Tenant.slug == slug))).first()


TenantChanged = Callable[[str], Awaitable[None]]


@asynccontextmanager
async def tenant_changes(state: AppState, handler: TenantChanged) -> AsyncIterator[None]:
    """While open, call `handler` with the slug of every tenant whose settings change (in any
    process: `updateTenant` announces it on Redis)."""
    task = asyncio.create_task(listen(state, handler))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def listen(state: AppState, handler: TenantChanged) -> None:
    while True:
        try:
            async with state.stores.redis.pubsub() as pubsub:
                await pubsub.subscribe(TENANT_CHANGED)
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        data = message["data"]
                        await told(handler, data.decode() if isinstance(data, bytes) else str(data))
        except (RedisError, OSError) as error:
            # Redis restarted or the connection dropped: listen again shortly; meanwhile the
            # cached origins expire on their own.
            log.warning("tenant changes: listening again", error=repr(error))
            await asyncio.sleep(RETRY_SECONDS)


async def told(handler: TenantChanged, slug: str) -> None:
    """One change handled; a failure is logged and does not stop the listening."""
    try:
        await handler(slug)
    except Exception:
        log.exception("tenant changes: handler failed", tenant=slug)
