"""EmbeddedStack, the servers one process needs, and status and stop_all for a data dir."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from server.embedded.base import Progress, Server, ServerStatus, held, log
from server.embedded.mongodb import Mongo
from server.embedded.postgres import Postgres
from server.embedded.processes import EmbeddedError, wait_until
from server.embedded.valkey import Valkey

# How long a server that is already running gets to answer before it counts as hung.
REUSE_TIMEOUT = 5.0
LOCK_FILE = "embedded.lock"


@dataclass(frozen=True)
class EmbeddedURLs:
    """Connection URLs of the requested servers; None for the ones not requested."""

    database_url: str | None = None
    mongodb_url: str | None = None
    redis_url: str | None = None


def _servers(data_dir: Path) -> list[Server]:
    return [Postgres(data_dir), Mongo(data_dir), Valkey(data_dir)]


@contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    """One start or stop at a time per data dir, across processes and threads."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / LOCK_FILE).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class EmbeddedStack:
    """The servers one process needs: started, reused or adopted together, stopped together.

    A server already run by another live Sportello process is reused and left running on
    stop(); one left running by a dead process is adopted and stopped like our own.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        postgres: bool,
        mongodb: bool,
        redis: bool,
        progress: Progress | None = None,
    ) -> None:
        self.data_dir = data_dir.resolve()
        wanted = {"postgres": postgres, "mongodb": mongodb, "valkey": redis}
        self._servers = [s for s in _servers(self.data_dir) if wanted[s.name]]
        self._progress = progress or log.info
        self._owned: list[Server] = []

    @property
    def owned(self) -> tuple[str, ...]:
        """Names of the servers this stack started or adopted, which its stop() stops."""
        return tuple(server.name for server in self._owned)

    def start(self) -> EmbeddedURLs:
        if self._servers:
            with _locked(self.data_dir):
                try:
                    for server in self._servers:
                        if server not in self._owned and self._acquire(server):
                            self._owned.append(server)
                except BaseException:
                    self._stop_owned()  # nobody would stop them: our caller got no URLs
                    raise
        urls = {server.name: server.url() for server in self._servers}
        return EmbeddedURLs(urls.get("postgres"), urls.get("mongodb"), urls.get("valkey"))

    def _acquire(self, server: Server) -> bool:
        """Reuse, adopt or start `server`; True when this stack now owns it."""
        server.directory.mkdir(parents=True, exist_ok=True)
        pid = server.pid()
        owner = server.live_owner()
        if pid is not None and wait_until(server.ready, REUSE_TIMEOUT):
            if owner is not None:
                self._progress(f"{server.label}: reusing the server of process {owner}")
                return False
            self._progress(f"{server.label}: adopting the server left by a stopped process")
        else:
            if pid is not None:
                if owner is not None:
                    raise EmbeddedError(
                        f"{server.label} (pid {pid}) of process {owner} does not answer"
                    )
                self._progress(f"{server.label}: restarting the hung server of a dead process")
                server.shutdown(pid)
            server.clear_stale()
            started = time.monotonic()
            server.launch(self._progress)
            self._progress(f"{server.label} ready in {time.monotonic() - started:.1f} s")
        server.claim(self)
        return True

    def stop(self) -> None:
        """Stop the servers this stack started or adopted; reused ones keep running."""
        if self._owned:
            with _locked(self.data_dir):
                self._stop_owned()

    def _stop_owned(self) -> None:
        for server in reversed(self._owned):
            # Unless stop_all() stopped it since, and maybe another process started a new one.
            if held.get(server.directory) is self and server.owner_pid() == os.getpid():
                server.stop()
        self._owned.clear()

    def __enter__(self) -> EmbeddedURLs:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def status(data_dir: Path) -> list[ServerStatus]:
    """The state of every embedded server of `data_dir`, running or not."""
    return [server.status() for server in _servers(data_dir.resolve())]


def stop_all(data_dir: Path) -> list[str]:
    """Stop every server running in `data_dir`, whoever owns it; the names of those stopped."""
    data_dir = data_dir.resolve()
    if not data_dir.exists():
        return []
    with _locked(data_dir):
        return [server.name for server in _servers(data_dir) if server.stop()]
