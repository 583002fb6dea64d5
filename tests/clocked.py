"""`python -m tests.clocked server serve …`: runs a module as `python -m` would, on the test
session's clock (tests/clock.py)."""

from __future__ import annotations

import runpy
import sys

from tests.clock import follow_session_clock

if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m tests.clocked MODULE [ARGUMENT …]")
    follow_session_clock()
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
