"""Pid, port, file and wait helpers of the embedded servers, and the error they raise."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

import psutil

START_TIMEOUT = 30.0
STOP_TIMEOUT = 15.0

# SecantusDB processes started by this process, kept to reap them when they stop.
children: dict[int, subprocess.Popen[bytes]] = {}


class EmbeddedError(RuntimeError):
    """An embedded server could not be started or does not answer."""


def read_int(path: Path) -> int | None:
    """The first number of a pid or port file; None when missing or garbled."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def live(pid: int | None) -> psutil.Process | None:
    """The process `pid` when it exists and is not a zombie waiting to be reaped."""
    if not pid:
        return None
    child = children.get(pid)
    if child is not None and child.poll() is not None:  # reaped now, however it ended
        children.pop(pid, None)
        return None
    try:
        process = psutil.Process(pid)
        return None if process.status() == psutil.STATUS_ZOMBIE else process
    except psutil.Error:
        return None


def is_server(pid: int | None, marker: str) -> bool:
    """Whether `pid` is alive and is our server, not a process that got a recycled pid."""
    process = live(pid)
    if process is None:
        return False
    try:
        return marker in " ".join(process.cmdline())
    except psutil.Error:
        return False


def terminate(
    pid: int, timeout: float = STOP_TIMEOUT, nudge: Callable[[], object] = lambda: None
) -> None:
    """SIGTERM lets the server shut down cleanly; SIGKILL when it does not in time.

    `nudge` runs while waiting, for servers that need a poke to notice their stop.
    """

    def stopped() -> bool:
        nudge()
        return live(pid) is None

    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        with suppress(ProcessLookupError):
            os.kill(pid, sig)
        if wait_until(stopped, wait):
            return
    raise EmbeddedError(f"process {pid} survived SIGKILL")


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        # Like the servers themselves: a port whose old connections linger in TIME_WAIT is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def stored_port(directory: Path) -> int:
    """The port of the last run when still free, so URLs stay stable; else a new free one."""
    path = directory / "port"
    port = read_int(path)
    if port is None or not port_free(port):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        path.write_text(f"{port}\n")
    return port


def tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            with suppress(OSError):  # files come and go while a server runs
                total += os.lstat(os.path.join(root, name)).st_size
    return total


def wait_until(check: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
