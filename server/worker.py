"""`sportello worker`: runs the jobs of `resolvers.jobs.TASKS` from the PostgreSQL queue."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import signal
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import asyncpg
from pgqueuer import Job, QueueManager, RetryRequested
from pgqueuer.core.executors import DatabaseRetryEntrypointExecutor, EntrypointExecutorParameters
from pgqueuer.db import AsyncpgPoolDriver
from pgqueuer.domain.models import Context as QueueContext
from pgqueuer.domain.models import TableChangedEvent
from pgqueuer.domain.types import Channel
from sqlalchemy.engine import make_url

from models.clock import utcnow
from resolvers.jobs import QUEUE, RUN_AT_HEADER, TASKS, JobContext, RegisteredTask, queue_queries
from resolvers.notify import Notifier, open_notifier
from server.database import open_stores
from server.logs import log
from server.row_security import PLATFORM_ROLE
from server.settings import Settings
from server.state import AppState

TASK_MODULES: tuple[str, ...] = ("resolvers.appointments",)
"""The modules whose `@task` functions production runs; a use case module with jobs is
listed here (importing it registers them)."""

LONGEST_BACKOFF = timedelta(minutes=10)
WAIT_IN_PLACE = timedelta(seconds=5)
"""A job picked this little before its `run_at` waits for it; earlier, it is put back."""
POLL_EVERY = timedelta(seconds=10)
"""Looking at the queue without being told: the safety net for a missed announcement and
for the jobs of a worker that died mid-run (taken over once their heartbeat is stale)."""


def load_tasks(extra_modules: Iterable[str] = ()) -> dict[str, RegisteredTask]:
    for module in (*TASK_MODULES, *extra_modules):
        importlib.import_module(module)
    return dict(TASKS)


def due_in(job: Job) -> timedelta:
    """How long until the job's `run_at`; zero or less when it is due."""
    run_at = (job.headers or {}).get(RUN_AT_HEADER)
    if not isinstance(run_at, str):
        return timedelta(0)
    return datetime.fromisoformat(run_at) - utcnow()


def queue_changed() -> str:
    """What pgqueuer's trigger announces on its channel when a job is added: every listening
    worker wakes up and looks at the queue."""
    event = TableChangedEvent(
        channel=Channel(QUEUE.channel),
        sent_at=utcnow(),
        type="table_changed_event",
        operation="update",
        table=QUEUE.queue_table,
    )
    return event.model_dump_json(exclude={"received_at"})


class RetryAnnouncer:
    """Announces a job put back in the queue once its delay is over.

    pgqueuer's trigger announces (NOTIFY) new jobs, not updated ones, so a job put back for
    a retry would otherwise wait for the next poll. The announcement is the event that the
    trigger sends; every worker listening wakes up and the first one free takes the job.
    """

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        self.timers: set[asyncio.TimerHandle] = set()
        self.sending: set[asyncio.Task[None]] = set()

    def after(self, delay: timedelta) -> None:
        loop = asyncio.get_running_loop()
        self.timers = {timer for timer in self.timers if timer.when() > loop.time()}
        # A little after the due time: the retry is written once the executor has returned.
        self.timers.add(loop.call_later(delay.total_seconds() + 0.05, self._send))

    def _send(self) -> None:
        task = asyncio.create_task(self._notify())
        self.sending.add(task)
        task.add_done_callback(self.sending.discard)

    async def _notify(self) -> None:
        try:
            await self.pool.execute("SELECT pg_notify($1, $2)", QUEUE.channel, queue_changed())
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("worker.announce_failed", error=str(error))  # the poll finds it

    async def close(self) -> None:
        for timer in self.timers:
            timer.cancel()
        await asyncio.gather(*self.sending, return_exceptions=True)


@dataclass
class LoggedRetryExecutor(DatabaseRetryEntrypointExecutor):
    """pgqueuer's retrying executor, with at most `gate` jobs at a time and one log line
    per run: task, job id, attempt, outcome, duration."""

    gate: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(1))
    on_retry: Callable[[timedelta], None] = lambda delay: None

    async def execute(self, job: Job, context: QueueContext) -> None:
        wait = due_in(job)
        if wait > WAIT_IN_PLACE:
            due_in_s = round(wait.total_seconds())
            log.info("job.not_due", task=job.entrypoint, job_id=job.id, due_in_s=due_in_s)
            self.on_retry(wait)
            raise RetryRequested(delay=wait, reason="not due yet")
        if wait > timedelta(0):
            await asyncio.sleep(wait.total_seconds())
        async with self.gate:
            await self._execute_logged(job, context)

    async def _execute_logged(self, job: Job, context: QueueContext) -> None:
        bound = log.bind(task=job.entrypoint, job_id=job.id, attempt=job.attempts)
        started = time.perf_counter()

        def elapsed() -> float:
            return round((time.perf_counter() - started) * 1000, 1)

        try:
            await super().execute(job, context)
        except RetryRequested as retry:
            bound.warning(
                "job.retrying",
                outcome="retrying",
                duration_ms=elapsed(),
                retry_in_s=retry.delay.total_seconds(),
                error=retry.reason,
                exc_info=retry.__cause__,
            )
            self.on_retry(retry.delay)
            raise
        except asyncio.CancelledError:
            bound.warning("job.cancelled", outcome="cancelled", duration_ms=elapsed())
            raise
        except Exception as error:
            bound.error("job.failed", outcome="failed", duration_ms=elapsed(), exc_info=error)
            raise
        bound.info("job.succeeded", outcome="succeeded", duration_ms=elapsed())


def job_runner(
    registered: RegisteredTask, state: AppState, notifier: Notifier
) -> Callable[[Job], Awaitable[None]]:
    async def run(job: Job) -> None:
        payload = json.loads(job.payload) if job.payload else {}
        context = JobContext(
            cross_tenant_sessions=state.stores.cross_tenant_sessions,
            mongo=state.stores.mongo,
            redis=state.stores.redis,
            storage=state.storage,
            notifier=notifier,
            log=log.bind(task=job.entrypoint, job_id=job.id, attempt=job.attempts),
            request_context=state.context,
            job_id=job.id,
            attempt=job.attempts,
        )
        await registered.function(context, payload)

    return run


def executor_factory(
    registered: RegisteredTask, gate: asyncio.Semaphore, announcer: RetryAnnouncer
) -> Callable[[EntrypointExecutorParameters], LoggedRetryExecutor]:
    def build(parameters: EntrypointExecutorParameters) -> LoggedRetryExecutor:
        return LoggedRetryExecutor(
            parameters,
            max_attempts=registered.retries,
            initial_delay=registered.backoff,
            max_delay=LONGEST_BACKOFF,
            gate=gate,
            on_retry=announcer.after,
        )

    return build


def queue_dsn(database_url: str) -> str:
    """A DSN for asyncpg itself from the libpq-style URL of the settings."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


@dataclass
class Worker:
    """The queue consumer of one process; `stop()` lets the running jobs finish."""

    settings: Settings
    concurrency: int
    tasks: dict[str, RegisteredTask]
    on_ready: Callable[[], None] = lambda: None
    manager: QueueManager | None = None
    stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def stop(self, reason: str) -> None:
        if self.stopping.is_set():
            log.warning("worker.already_stopping", reason=reason)
            return
        log.info("worker.stopping", reason=reason)
        self.stopping.set()
        if self.manager is not None:
            self.manager.shutdown.set()

    async def run(self) -> None:
        settings = self.settings
        stores = await open_stores(
            settings.database_url or "",
            settings.mongodb_url or "",
            settings.mongodb_database,
            settings.redis_url or "",
            pool_size=self.concurrency,
        )
        state = AppState.open(settings, stores)
        # Listener and dequeue, heartbeat and log writes: pgqueuer's own few connections,
        # on the queue of every tenant, as the platform's role.
        pool = await asyncpg.create_pool(
            queue_dsn(settings.database_url or ""),
            min_size=2,
            max_size=4,
            server_settings={"role": PLATFORM_ROLE},
        )
        announcer = RetryAnnouncer(pool)
        try:
            notifier = open_notifier(settings.smtp_url, settings.mail_from)
            if settings.production and not settings.smtp_url:
                log.warning("worker.mail_to_log_only", hint="set SPORTELLO_SMTP_URL")
            manager = QueueManager(queue_queries(AsyncpgPoolDriver(pool)), Channel(QUEUE.channel))
            gate = asyncio.Semaphore(self.concurrency)
            for name, registered in self.tasks.items():
                manager.entrypoint(
                    name,
                    accepts_context=False,
                    on_failure="hold",
                    executor_factory=executor_factory(registered, gate, announcer),
                )(job_runner(registered, state, notifier))
            await manager.verify_structure()
            self.manager = manager
            if self.stopping.is_set():
                return
            log.info("worker.ready", tasks=sorted(self.tasks), concurrency=self.concurrency)
            self.on_ready()
            # pgqueuer picks up to `max_concurrent_tasks` jobs in batches of half that; the
            # gate keeps the running ones to `concurrency` (it needs at least two picks).
            batch = max(1, self.concurrency // 2)
            await manager.run(
                dequeue_timeout=POLL_EVERY,
                batch_size=batch,
                max_concurrent_tasks=max(self.concurrency, 2 * batch),
            )
        finally:
            await announcer.close()
            await pool.close()
            await state.close()
            log.info("worker.stopped")


async def run_worker(
    settings: Settings,
    concurrency: int,
    extra_modules: Iterable[str] = (),
    on_ready: Callable[[], None] = lambda: None,
) -> None:
    """Run jobs until SIGTERM or SIGINT, then wait for the running ones and return."""
    # Our `job.*` lines say what pgqueuer's INFO lines say, with the outcome and duration.
    logging.getLogger("pgqueuer").setLevel(logging.WARNING)
    worker = Worker(settings, concurrency, load_tasks(extra_modules), on_ready)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, worker.stop, signal.Signals(signum).name)
    try:
        await worker.run()
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
