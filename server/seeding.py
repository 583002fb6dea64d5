"""Loading the demo: the municipalities' catalogues and accounts, then their practices."""

from __future__ import annotations

from functools import partial

from sqlmodel import select

from auth.viewer import Viewer
from models.tenant import Tenant
from resolvers.context import Context
from resolvers.demo_calendars import seed_demo_calendars
from resolvers.demo_practices import seed_demo_practices
from resolvers.demo_ratings import seed_demo_ratings
from resolvers.seed import Progress, SeedReport, seed_demo
from server.state import AppState


def contexts_of(state: AppState, tenant: Tenant, viewer: Viewer) -> Context:
    return state.context(tenant, viewer, tenant.default_language)


async def seed_platform(
    state: AppState, *, local_passwords: bool, progress: Progress | None = None
) -> SeedReport:
    """Create or bring up to date the demo; running it twice changes nothing."""
    # Municipalities, their catalogues and accounts are the platform's to create: across
    # tenants. Practices and calendars go through the use cases, each in its tenant.
    report = await seed_demo(
        state.stores.cross_tenant_sessions, local_passwords=local_passwords, progress=progress
    )
    async with state.stores.cross_tenant_sessions() as session:
        tenants = (await session.exec(select(Tenant).order_by(Tenant.slug))).all()
    for tenant in tenants:
        if progress is not None:
            progress(f"{tenant.slug}: practices, calendars, resources and page ratings")
        practices = await seed_demo_practices(
            partial(contexts_of, state, tenant), tenant.id, tenant.slug
        )
        report.note("practices", "created", practices.created)
        report.note("practices", "unchanged", practices.unchanged)
        calendars = await seed_demo_calendars(
            partial(contexts_of, state, tenant), tenant.id, tenant.slug
        )
        report.note("calendars", "created", calendars)
        ratings = await seed_demo_ratings(
            partial(contexts_of, state, tenant), tenant.id, tenant.slug
        )
        report.note("page ratings", "created", ratings)
    return report
