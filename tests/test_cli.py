"""The command line: `serve` refuses an unmigrated database, every command documents itself,
and a stopped `serve` stops what it started (worker, embedded servers)."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from server.database import recreate_database
from server.embedded import status, stop_all
from tests.clock import python_command
from tests.conftest import ROOT, TEST_DATABASE, free_port
from tests.graphql import LiveServer

STORE_URLS = ("DATABASE_URL", "MONGODB_URL", "REDIS_URL")


def test_serve_on_an_unmigrated_database_says_what_to_run(server: LiveServer) -> None:
    unmigrated = f"{TEST_DATABASE}_unmigrated"
    empty = asyncio.run(recreate_database(server.env["DATABASE_URL"], unmigrated))
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


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_stopped_by_a_signal_stops_the_embedded_servers_it_started(
    stop: signal.Signals, tmp_path: Path
) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="sportello-serve-"))  # short: PostgreSQL's socket
    env = {
        **{name: value for name, value in os.environ.items() if name not in STORE_URLS},
        "SPORTELLO_DATA_DIR": str(data_dir),
    }
    port = free_port()
    try:
        with (tmp_path / "serve.log").open("w") as output:
            process = subprocess.Popen(
                python_command("server", "serve", "--migrate", "--port", str(port)),
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while not healthy(f"http://127.0.0.1:{port}") and time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(0.5)
        assert [server.name for server in status(data_dir) if server.running] == [
            "postgres",
            "mongodb",
            "valkey",
        ]
        process.send_signal(stop)
        process.wait(timeout=60)
        assert [server.name for server in status(data_dir) if server.running] == []
    finally:
        stop_all(data_dir)
        shutil.rmtree(data_dir)


def healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False
