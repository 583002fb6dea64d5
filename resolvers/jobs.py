"""Background jobs: the task registry, and enqueueing in the caller's transaction (pgqueuer).

A use case registers its jobs where it lives::

    @task("meeting.expire_hold")
    async def expire_hold(ctx: JobContext, payload: dict[str, Any]) -> None: ...

and enqueues them with its own session, before it commits::

    await enqueue(session, "meeting.expire_hold", {"hold_id": str(hold.id)}, run_at=hold.expires_at)

The job is a row of the queue table written by that transaction: a rollback leaves no job,
a commit always leaves one. `sportello worker` (server/worker.py) runs them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pgqueuer.adapters.persistence.qb import (
    DBSettings,
    Durability,
    QueryBuilderEnvironment,
    QueryQueueBuilder,
    QuerySchedulerBuilder,
)
from pgqueuer.core.tm import TaskManager
from pgqueuer.ports.driver import Driver, NotifyCallback
from pgqueuer.queries import Queries
from pydantic_core import to_json
from pymongo.asynchronous.database import AsyncDatabase
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession
from structlog.typing import FilteringBoundLogger

from auth.viewer import Viewer
from models.clock import utcnow
from models.tenant import Tenant
from resolvers.context import Context
from resolvers.notify import Notifier
from resolvers.storage import FileStorage

QUEUE_SCHEMA = "job_queue"
"""The PostgreSQL schema holding pgqueuer's tables (created by migration 0003)."""

QUEUE = DBSettings(
    # Every name spelled out: pgqueuer would otherwise read them from PGQUEUER_* (and bare
    # legacy names such as CHANNEL or TRIGGER) in the environment.
    prefix="",
    db_schema=QUEUE_SCHEMA,
    channel="ch_pgqueuer",
    function="fn_pgqueuer_changed",
    statistics_table="pgqueuer_statistics",
    queue_status_type="pgqueuer_status",
    queue_table="pgqueuer",
    queue_table_log="pgqueuer_log",
    trigger="tg_pgqueuer_changed",
    schedules_table="pgqueuer_schedules",
    durability=Durability.durable,
)

RUN_AT_HEADER = "run_at"


def queue_queries(driver: Driver) -> Queries:
    """pgqueuer's queries over `driver`, on the objects of `QUEUE`."""
    return Queries(
        driver,
        qbe=QueryBuilderEnvironment(QUEUE),
        qbq=QueryQueueBuilder(QUEUE),
        qbs=QuerySchedulerBuilder(QUEUE),
    )


@dataclass(frozen=True)
class JobContext:
    """What a job gets besides its payload: the stores and services of the worker process."""

    cross_tenant_sessions: async_sessionmaker[AsyncSession]
    """A job is no request: its payload names rows of any tenant, so its sessions see every
    tenant's rows. Use cases called through `request_context` work in one tenant."""
    mongo: AsyncDatabase
    redis: Redis
    storage: FileStorage
    notifier: Notifier
    log: FilteringBoundLogger
    """The project's structlog logger, bound to the task name, job id and attempt."""
    request_context: Callable[[Tenant, Viewer, str], Context]
    """A resolvers `Context` (tenant, viewer, language) to call use cases with."""
    job_id: int
    attempt: int
    """0 on the first run, 1 on the first retry…"""


Task = Callable[[JobContext, dict[str, Any]], Awaitable[None]]


@dataclass(frozen=True)
class RegisteredTask:
    name: str
    function: Task
    retries: int
    """Retries after a failed run; then the job stays in the queue table as `failed`."""
    backoff: timedelta
    """Delay before the first retry, doubled for each next one (at most 10 minutes)."""


TASKS: dict[str, RegisteredTask] = {}
"""Every task of the imported modules, by name; the worker runs exactly these."""


def task(
    name: str, *, retries: int = 6, backoff: timedelta = timedelta(seconds=5)
) -> Callable[[Task], Task]:
    """Register the decorated coroutine as the job `name`; a failed run is retried with
    exponential backoff (defaults: 5 s, 10 s … 160 s, about five minutes in all).

    A job may run more than once (a retry after a crash, two workers racing a stale
    heartbeat): write it so that running it again changes nothing.
    """
    if retries < 0:
        raise ValueError("retries cannot be negative")

    def register(function: Task) -> Task:
        if name in TASKS:
            raise ValueError(f"task {name!r} is registered twice")
        TASKS[name] = RegisteredTask(name, function, retries, backoff)
        return function

    return register


class SessionDriver:
    """pgqueuer's driver port on the caller's SQLAlchemy connection: its statements go
    through SQLAlchemy (which begins the transaction if needed) and join that transaction."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection
        self._shutdown = asyncio.Event()

    async def fetch(self, query: str, *args: object) -> list[dict[str, object]]:
        result = await self.connection.exec_driver_sql(query, args)
        return [dict(row) for row in result.mappings()]

    async def execute(self, query: str, *args: object) -> str:
        await self.connection.exec_driver_sql(query, args)
        return ""

    async def add_listener(self, channel: str, callback: NotifyCallback) -> None:
        raise NotImplementedError("a session only enqueues; the worker listens")

    async def notify(self, channel: str, payload: str) -> None:
        raise NotImplementedError("a session only enqueues; the queue table notifies")

    @property
    def shutdown(self) -> asyncio.Event:
        return self._shutdown

    @property
    def tm(self) -> TaskManager:
        return TaskManager()

    async def __aenter__(self) -> SessionDriver:
        return self

    async def __aexit__(self, *_: object) -> None:
        return None


async def enqueue(
    session: AsyncSession,
    task: str,
    payload: dict[str, Any],
    *,
    run_at: datetime | None = None,
    dedupe_key: str | None = None,
) -> None:
    """Add a job in the session's transaction: it exists if and only if the caller commits.

    `payload` must be JSON-serialisable; UUIDs, datetimes and decimals are accepted and
    arrive in the job as strings. `run_at` (timezone-aware) delays the job: it never starts
    before that instant. While a job with the same `dedupe_key` is waiting or running, a
    new one with that key is silently not added.
    """
    if task not in TASKS:
        raise ValueError(f"no task {task!r}: import the module that registers it")
    headers: dict[str, str] | None = None
    delay: timedelta | None = None
    if run_at is not None:
        if run_at.tzinfo is None:
            raise ValueError("run_at must be timezone-aware")
        delay = max(run_at - utcnow(), timedelta(0))
        # The queue computes the due time from the transaction's start (NOW()), which may
        # be a little earlier; the worker waits for this exact instant before running.
        headers = {RUN_AT_HEADER: run_at.astimezone(UTC).isoformat()}
    queries = queue_queries(SessionDriver(await session.connection()))
    await queries.enqueue(
        task,
        to_json(payload),
        execute_after=delay,
        dedupe_key=dedupe_key,
        headers=headers,
        on_conflict="skip",
    )
