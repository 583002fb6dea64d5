"""Row-level security on the application side: the role its connections act as, and the scope
(one tenant, or explicitly every tenant) that each transaction carries to PostgreSQL.

The policies (migration 0006, `migrations/row_security.py`) show the application role the rows
of the tenant named by the transaction's `sportello.tenant_id` and nothing else. The setting
travels in the message that opens the transaction: asyncpg sends `BEGIN` alone, by the simple
query protocol, which takes several statements, so `BEGIN; SET LOCAL …` costs no round trip
of its own. A connection of the application that begins a transaction through neither session
factory below names no tenant and sees no tenant's rows.
"""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session
from sqlmodel.ext.asyncio.session import AsyncSession

from migrations.row_security import APP_ROLE, PLATFORM_ROLE, TENANT_SETTING
from server.logs import log

__all__ = [
    "APP_ROLE",
    "PLATFORM_ROLE",
    "SCOPE",
    "TENANT_SETTING",
    "ScopedConnection",
    "ScopedSession",
    "cross_tenant_sessions",
    "scope_connections",
    "tenant_sessions",
]

SCOPE = "sportello_row_scope"
"""Key of `Session.info` holding the statements that scope the session's transactions."""


Scope = tuple[str, ...]
"""The statements that scope a transaction, sent with its `BEGIN`."""


def tenant_scope(tenant_id: uuid.UUID) -> Scope:
    """The application role (whatever role the engine's connections act as), and the tenant;
    a UUID's text is hex digits and dashes, with nothing to escape."""
    return (
        f"SET LOCAL ROLE {APP_ROLE}",
        f"SET LOCAL {TENANT_SETTING} = '{uuid.UUID(str(tenant_id))}'",
    )


CROSS_TENANT_SCOPE: Scope = (f"SET LOCAL ROLE {PLATFORM_ROLE}",)


class ScopedConnection(asyncpg.Connection):
    """An asyncpg connection that sends the scope of its next transaction with its `BEGIN`."""

    pending_scope: str = ""

    async def execute(  # asyncpg's own signature
        self,
        query: str,
        *args: Any,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> str:
        scoped = bool(self.pending_scope) and not args and query.startswith("BEGIN")
        if scoped:
            query = f"{query.rstrip().rstrip(';')}; {self.pending_scope};"
            self.pending_scope = ""
        try:
            result: str = await super().execute(query, *args, timeout=timeout)
        except Exception:
            if scoped:
                # BEGIN may have gone through without its scope: this connection must serve
                # no other statement. Closed, the pool replaces it.
                self.terminate()
            raise
        return result


class ScopedSession(Session):
    """A session whose every transaction is scoped by `info[SCOPE]` (see `after_begin`)."""


@event.listens_for(ScopedSession, "after_begin")
def scope_the_transaction(
    session: Session, transaction: SessionTransaction, connection: Connection
) -> None:
    """Hand the scope to the connection the transaction just took from the pool: SQLAlchemy's
    asyncpg adapter sends `BEGIN` with the transaction's first statement, after this event."""
    scope: Scope = session.info[SCOPE]
    driver = connection.connection.driver_connection
    if not isinstance(driver, ScopedConnection):
        raise TypeError("scoped sessions need an engine made by server.database.create_engine")
    if driver.is_in_transaction():
        # Not expected (the adapter begins lazily); correct, at the price of statements.
        log.warning("row_security.scope_after_begin", statements=len(scope))
        for statement in scope:
            connection.exec_driver_sql(statement)
    else:
        driver.pending_scope = "; ".join(scope)


def forget_scope(dbapi_connection: Any, _record: Any) -> None:
    """A connection back in the pool keeps no scope for whoever takes it next."""
    driver = getattr(dbapi_connection, "driver_connection", None)
    if isinstance(driver, ScopedConnection):
        driver.pending_scope = ""


def scope_connections(engine: AsyncEngine) -> None:
    event.listen(engine.sync_engine, "checkin", forget_scope)


def tenant_sessions(engine: AsyncEngine, tenant_id: uuid.UUID) -> async_sessionmaker[AsyncSession]:
    """Sessions that see and write the rows of one tenant only: the request's."""
    return async_sessionmaker(
        engine,
        class_=AsyncSession,
        sync_session_class=ScopedSession,
        expire_on_commit=False,
        info={SCOPE: tenant_scope(tenant_id)},
    )


def cross_tenant_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions acting as the platform role, which sees every tenant's rows: for work that is
    cross-tenant by nature (the worker's jobs, seeding, the CLI, finding a request's tenant),
    never for a request's own reads and writes."""
    return async_sessionmaker(
        engine,
        class_=AsyncSession,
        sync_session_class=ScopedSession,
        expire_on_commit=False,
        info={SCOPE: CROSS_TENANT_SCOPE},
    )
