"""Tasks that exist only in the tests: `sportello worker --tasks-module tests.worker_tasks`.
Each run is recorded in Redis (tests/job_records.py)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from resolvers.jobs import JobContext, task
from tests.job_records import record


@task("test.record")
async def record_run(ctx: JobContext, payload: dict[str, Any]) -> None:
    await record(ctx, payload)


@task("test.flaky", retries=3, backoff=timedelta(seconds=0.5))
async def flaky(ctx: JobContext, payload: dict[str, Any]) -> None:
    """Fails on its first `failures` runs."""
    await record(ctx, payload)
    if ctx.attempt < payload["failures"]:
        raise RuntimeError(f"failing on purpose, attempt {ctx.attempt}")


@task("test.hopeless", retries=1, backoff=timedelta(seconds=0.5))
async def hopeless(ctx: JobContext, payload: dict[str, Any]) -> None:
    await record(ctx, payload)
    raise RuntimeError("always fails")


@task("test.mail")
async def mail(ctx: JobContext, payload: dict[str, Any]) -> None:
    await ctx.notifier.send(
        payload["to"],
        payload["subject"],
        payload["text"],
        [(payload["filename"], payload["content"].encode(), "text/plain")],
    )
    await record(ctx, payload)
