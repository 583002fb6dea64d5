"""Reading a viewer's staff scope: the offices and services an operator is bound to."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import literal, union_all
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.scope import EVERYTHING, NOBODY, StaffScope
from auth.viewer import Viewer
from models.office import Office, OperatorOffice, OperatorService


async def load_staff_scope(
    sessions: async_sessionmaker[AsyncSession],
    tenant_id: uuid.UUID,
    tenant_slug: str,
    viewer: Viewer,
    session: AsyncSession | None = None,
) -> StaffScope:
    """Everything for the tenant's admins, nothing for citizens; an operator's bindings in one
    statement (their offices of this tenant, and the services they are limited to), on
    `session` when the caller holds one."""
    if viewer.is_tenant_admin_of(tenant_slug):
        return EVERYTHING
    if viewer.user_id is None or not viewer.is_staff_of(tenant_slug):
        return NOBODY
    # sqlmodel's `select` types two-column selects poorly; the union's rows are (kind, id)
    offices: Any = (
        select(literal("office").label("kind"), col(OperatorOffice.office_id).label("id"))
        .join(Office, col(Office.id) == col(OperatorOffice.office_id))
        .where(OperatorOffice.user_id == viewer.user_id, Office.tenant_id == tenant_id)
    )
    services: Any = select(
        literal("service").label("kind"), col(OperatorService.service_id).label("id")
    ).where(OperatorService.user_id == viewer.user_id)
    statement = union_all(offices, services)
    if session is not None:
        rows = (await (await session.connection()).execute(statement)).all()
    else:
        async with sessions() as own:
            rows = (await (await own.connection()).execute(statement)).all()
    office_ids = frozenset(uuid.UUID(str(row_id)) for kind, row_id in rows if kind == "office")
    service_ids = frozenset(uuid.UUID(str(row_id)) for kind, row_id in rows if kind == "service")
    return StaffScope(office_ids=office_ids, service_ids=service_ids or None)
