"""The processes the tests start read the session's clock, or the one a test gives them."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from tests.clock import clock_at, python_command
from tests.conftest import ROOT

pytestmark = pytest.mark.date_sensitive


def clock_of_a_child(env: dict[str, str]) -> datetime:
    shown = subprocess.run(
        python_command("tests.clock"), cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return datetime.fromisoformat(shown.stdout.strip())


def test_a_process_started_by_the_tests_reads_the_sessions_clock() -> None:
    before = datetime.now(UTC)
    seen = clock_of_a_child(dict(os.environ))
    assert before <= seen <= datetime.now(UTC)


def test_a_process_can_be_started_at_a_moment_of_the_tests_choice() -> None:
    for moment in ("2027-03-28T01:59:59+01:00", "2028-02-29T23:59:59+01:00"):
        instant = datetime.fromisoformat(moment)
        seen = clock_of_a_child({**os.environ, **clock_at(instant)})
        assert instant <= seen < instant + timedelta(seconds=30), moment
