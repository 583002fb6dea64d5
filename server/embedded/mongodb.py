"""The embedded MongoDB-protocol server, SecantusDB."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pymongo
from pymongo.errors import PyMongoError

from server.embedded.base import Progress, Server
from server.embedded.processes import (
    START_TIMEOUT,
    EmbeddedError,
    children,
    is_server,
    live,
    port_open,
    read_int,
    stored_port,
    tail,
    terminate,
    wait_until,
)


class Mongo(Server):
    """SecantusDB, a MongoDB-wire-protocol server over WiredTiger, as a child process."""

    name = "mongodb"
    label = "MongoDB (SecantusDB)"

    @property
    def storage(self) -> Path:
        return self.directory / "data"

    def pid(self) -> int | None:
        pid = read_int(self.directory / "pid")
        return pid if is_server(pid, f"--storage-path {self.storage}") else None

    def url(self) -> str | None:
        port = read_int(self.directory / "port")
        return None if port is None else f"mongodb://127.0.0.1:{port}/?directConnection=true"

    def ready(self) -> bool:
        port = read_int(self.directory / "port")
        if port is None or not port_open(port):  # a quick no before pymongo's slower one
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
        port = stored_port(self.directory)
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
        children[child.pid] = child
        (self.directory / "pid").write_text(f"{child.pid}\n")
        if not wait_until(lambda: live(child.pid) is None or self.ready(), START_TIMEOUT):
            terminate(child.pid)
        if live(child.pid) is None:
            raise EmbeddedError(
                f"SecantusDB did not start on port {port}; last lines of {log_file}:\n"
                + tail(log_file)
            )

    def shutdown(self, pid: int) -> None:
        port = read_int(self.directory / "port") or 0
        # On SIGTERM secantusd closes its listening socket, but its accept thread only
        # notices on the next connection: without one, every stop would wait 2 s for it.
        terminate(pid, nudge=lambda: port_open(port))
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
