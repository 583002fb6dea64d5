"""Counts the PostgreSQL and MongoDB round trips of the current request.

The counter lives in a context variable set per request; DataLoader batches run in tasks
that inherit that context, so their queries are counted against the request that caused them.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pymongo import monitoring
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@dataclass
class RoundTrips:
    postgres: int = 0
    mongodb: int = 0


current_round_trips: ContextVar[RoundTrips | None] = ContextVar("round_trips", default=None)


def count_postgres_round_trips(engine: AsyncEngine) -> None:
    """Count every statement sent on this engine (one execute is one round trip)."""

    def before_cursor_execute(*_: Any) -> None:
        counter = current_round_trips.get()
        if counter is not None:
            counter.postgres += 1

    event.listen(engine.sync_engine, "before_cursor_execute", before_cursor_execute)


class MongoRoundTripListener(monitoring.CommandListener):
    """Count every command sent to MongoDB, including the getMore of long cursors."""

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        counter = current_round_trips.get()
        if counter is not None:
            counter.mongodb += 1

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        return None

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        return None
