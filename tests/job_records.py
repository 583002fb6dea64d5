"""What the tests' jobs leave in Redis, so a test can see which ran, when, on which attempt
and in which process: a list `test-jobs:<marker>` with one JSON entry per run."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

from resolvers.jobs import JobContext


def record_key(marker: str) -> str:
    return f"test-jobs:{marker}"


async def record(ctx: JobContext, payload: dict[str, Any], **extra: Any) -> None:
    entry = {
        "at": datetime.now(UTC).isoformat(),
        "attempt": ctx.attempt,
        "job_id": ctx.job_id,
        "pid": os.getpid(),
        **extra,
    }
    await ctx.redis.rpush(record_key(payload["marker"]), json.dumps(entry))
