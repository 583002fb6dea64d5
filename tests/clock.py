"""The test session's clock: the real one, or one set to an instant of our choosing.

`SPORTELLO_TEST_CLOCK=2026-12-31T23:58:00+01:00 pytest …` runs the session as if it started at
that instant: the pytest process and every Python process it starts through `python_command`
(the server, the worker, the CLI) travel there with time-machine and then run on at the real
pace, so the clocks of all of them agree. Only the Python processes travel: PostgreSQL's
`now()` stays the machine's, which is why the code decides nothing by the database's clock.

The instant is turned into `SPORTELLO_TEST_CLOCK_SHIFT` (seconds to add to the real time) when
the session starts; a child process reads the shift, not the instant, so that it starts where
the session's clock is by then and not back at the beginning.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime

import time_machine

CLOCK_VARIABLE = "SPORTELLO_TEST_CLOCK"
SHIFT_VARIABLE = "SPORTELLO_TEST_CLOCK_SHIFT"


def shift_from_environment() -> float | None:
    """Seconds the session's clock is ahead of the real one (negative: behind), or None.

    A shift already in the environment wins (this is a child of a shifted session); otherwise
    `SPORTELLO_TEST_CLOCK` is read and the shift is put into the environment for the children.
    """
    if shift := os.environ.get(SHIFT_VARIABLE):
        return float(shift)
    wanted = os.environ.get(CLOCK_VARIABLE)
    if not wanted:
        return None
    instant = datetime.fromisoformat(wanted)
    if instant.tzinfo is None:
        raise SystemExit(f"{CLOCK_VARIABLE} must name its UTC offset, e.g. {wanted}+01:00")
    shift = instant.timestamp() - time.time()
    os.environ[SHIFT_VARIABLE] = repr(shift)
    return shift


def follow_session_clock() -> None:
    """Move this process's clock to the session's (nothing to do on the real clock)."""
    shift = shift_from_environment()
    if shift is not None:
        time_machine.travel(datetime.fromtimestamp(time.time() + shift, UTC), tick=True).start()
        time.time()  # a travelling clock starts ticking when first read: from here, not later


def python_command(module: str, *arguments: str) -> list[str]:
    """`python -m module arguments…`, run on the session's clock (or on the clock its
    environment names with `clock_at`)."""
    return [sys.executable, "-m", "tests.clocked", module, *arguments]


def clock_at(instant: datetime) -> dict[str, str]:
    """The environment variable that starts a `python_command` process's clock at `instant`,
    whatever the session's clock: for a test about one moment (a new year, a DST change)."""
    hatch = time_machine.escape_hatch
    real_now = hatch.time.time() if hatch.is_travelling() else time.time()
    return {SHIFT_VARIABLE: repr(instant.timestamp() - real_now)}


if __name__ == "__main__":  # `python -m tests.clocked tests.clock`: the clock a process sees
    print(datetime.now(UTC).isoformat())
