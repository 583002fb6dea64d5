"""A task only the worker of the SIGTERM test runs (the session's worker does not import it)."""

from __future__ import annotations

import asyncio
from typing import Any

from resolvers.jobs import JobContext, task
from tests.job_records import record


@task("test.stop.slow")
async def slow(ctx: JobContext, payload: dict[str, Any]) -> None:
    await record(ctx, payload, step="started")
    await asyncio.sleep(payload["seconds"])
    await record(ctx, payload, step="finished")
