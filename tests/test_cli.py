"""The command line refuses to serve a database the migrations have not prepared."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time
from pathlib import Path

from server.database import recreate_database
from tests.clock import python_command
from tests.conftest import ROOT, free_port
from tests.graphql import LiveServer


def test_serve_on_an_unmigrated_database_says_what_to_run(server: LiveServer) -> None:
    empty = asyncio.run(recreate_database(server.env["DATABASE_URL"], "sportello_unmigrated"))
    result = subprocess.run(
        python_command("server", "serve", "--port", "1"),
        cwd=ROOT,
        env={**server.env, "DATABASE_URL": empty, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "run `sportello migrate`" in result.stderr


def test_every_command_documents_itself() -> None:
    for command in (
        ["serve"],
        ["migrate"],
        ["seed"],
        ["token"],
        ["export-schema"],
        ["embedded", "status"],
        ["embedded", "stop"],
        ["worker"],
    ):
        shown = subprocess.run(
            python_command("server", *command, "--help"),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Usage:" in shown, command


def test_serve_with_worker_runs_the_jobs_beside_the_server_and_stops_them_with_it(
    server: LiveServer, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            python_command("server", "serve", "--port", str(free_port()), "--with-worker"),
            cwd=ROOT,
            env={**server.env, "SPORTELLO_LOG_LEVEL": "INFO"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while "worker.ready" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert "worker.ready" in log.read_text()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert "worker.stopped" in log.read_text()
