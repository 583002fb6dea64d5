"""The base class of the embedded servers, their status and who owns them in this process."""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

from server.embedded.processes import live, read_int, size

if TYPE_CHECKING:
    from server.embedded.stack import EmbeddedStack

# One logger for the package: its records are named server.embedded whichever module logs.
log = logging.getLogger(__package__)

Progress = Callable[[str], None]

OWNER_FILE = "owner.pid"

# Server directory -> the stack of this process that owns its server. A stack that finds its
# own pid in owner.pid uses this to tell "another stack here owns it" from "a dead process
# that had our pid did".
held: dict[Path, EmbeddedStack] = {}


@dataclass(frozen=True)
class ServerStatus:
    """What `sportello embedded status` shows for one server."""

    name: str
    running: bool
    pid: int | None
    url: str | None
    owner_pid: int | None
    data_bytes: int


class Server(ABC):
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
        return read_int(self.directory / OWNER_FILE)

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
            return pid if self.directory in held else None
        process = live(pid)
        try:
            same = process is not None and abs(process.create_time() - started) < 0.1
        except psutil.Error:  # it exited just now
            same = False
        return pid if same else None

    def claim(self, stack: EmbeddedStack) -> None:
        me = psutil.Process()
        (self.directory / OWNER_FILE).write_text(f"{me.pid} {me.create_time()}\n")
        held[self.directory] = stack

    def release(self) -> None:
        (self.directory / OWNER_FILE).unlink(missing_ok=True)
        held.pop(self.directory, None)

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
            data_bytes=size(self.directory),
        )
