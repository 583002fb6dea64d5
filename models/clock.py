"""The one clock of the code: every "now" the server, the worker, the CLI and the demo read
comes from here, never from the database's `now()`.

Tests move it (and everything else in the process) with time-machine: see tests/clock.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

ITALY = ZoneInfo("Europe/Rome")
"""The wall clock of the municipalities: the year of a practice number, the dates on a receipt."""


def utcnow() -> datetime:
    """The current instant, timezone-aware."""
    return datetime.now(UTC)


def unix_now() -> int:
    """The current instant in whole seconds since the epoch, as JWT claims count time."""
    return int(utcnow().timestamp())


def local_today(zone: ZoneInfo) -> date:
    """Today's date on the wall clocks of `zone`."""
    return utcnow().astimezone(zone).date()
