"""Starting one more `sportello serve` beside the session's, with settings of its own; and
the mark of tests that compile stylesheets."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.clock import python_command
from tests.conftest import ROOT, TEST_SECRET_KEY, free_port
from tests.graphql import LiveServer

KIT = ROOT / "frontend" / "node_modules" / "bootstrap-italia" / "package.json"
"""Bootstrap Italia, which the stylesheets are compiled from."""
needs_node_modules = pytest.mark.skipif(
    not KIT.exists(), reason="frontend/node_modules is not installed (`make test` installs it)"
)


@contextmanager
def serve(world: dict[str, str], log: Path, **settings: str) -> Iterator[LiveServer]:
    """A server on the test stores with these extra settings (environment variables), logging
    at INFO into `log`; stopped at the end."""
    port = free_port()
    env = {
        **os.environ,
        **world,
        "SPORTELLO_SECRET_KEY": TEST_SECRET_KEY,
        "SPORTELLO_LOG_LEVEL": "INFO",
        **settings,
    }
    with log.open("w") as output:
        process = subprocess.Popen(
            python_command("server", "serve", "--port", str(port)),
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"sportello serve exited:\n{log.read_text()}")
            try:
                if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"sportello serve did not become healthy:\n{log.read_text()}")
            time.sleep(0.2)
        yield LiveServer(base_url, env, log)
    finally:
        process.terminate()
        process.wait(timeout=20)
