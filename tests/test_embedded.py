"""The embedded servers: started, reused, adopted after a crash, stopped; real servers only."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import asyncpg
import psutil
import pymongo
import pytest
import redis

from server.embedded import EmbeddedStack, EmbeddedURLs, ServerStatus, status, stop_all
from server.embedded.processes import wait_until

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["postgres", "mongodb", "valkey"]

# A Sportello process that starts the stack and then just keeps running, like `serve`.
STACK_PROCESS = """
import json, sys, time
from pathlib import Path
from server.embedded import EmbeddedStack
stack = EmbeddedStack(Path(sys.argv[1]), postgres=True, mongodb=True, redis=True)
urls = stack.start()
print(json.dumps({"owned": stack.owned, "urls": urls.__dict__}), flush=True)
time.sleep(600)
"""


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """A short path (PostgreSQL's unix socket lives inside it) outside pytest's tmp_path.

    Every pytest session makes /tmp/pytest-of-<user> private again as it starts; when we run
    as root, another session running meanwhile would lock PostgreSQL's system user out of
    its own data.
    """
    path = Path(tempfile.mkdtemp(prefix="sportello-embedded-"))
    yield path
    stop_all(path)
    shutil.rmtree(path)


@pytest.fixture
def spawn(data_dir: Path) -> Iterator[Callable[[], subprocess.Popen[str]]]:
    """Start stacks in other processes; whatever still runs is killed after the test."""
    processes: list[subprocess.Popen[str]] = []

    def start() -> subprocess.Popen[str]:
        command = [sys.executable, "-c", STACK_PROCESS, str(data_dir)]
        processes.append(subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True))
        return processes[-1]

    yield start
    for process in processes:
        process.kill()
        process.wait()
        assert process.stdout is not None
        process.stdout.close()


def report(process: subprocess.Popen[str]) -> dict[str, Any]:
    """What a stack process printed once its stack had started."""
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, f"the stack process exited with {process.wait()}"
    result: dict[str, Any] = json.loads(line)
    return result


def everything(data_dir: Path, progress: list[str] | None = None) -> EmbeddedStack:
    messages = progress if progress is not None else []
    return EmbeddedStack(
        data_dir, postgres=True, mongodb=True, redis=True, progress=messages.append
    )


def sql(url: str | None, query: str) -> Any:
    async def run() -> Any:
        connection = await asyncpg.connect(url)
        try:
            return await connection.fetchval(query)
        finally:
            await connection.close()

    assert url is not None
    return asyncio.run(run())


def mongo(url: str | None) -> pymongo.MongoClient[dict[str, Any]]:
    assert url is not None
    return pymongo.MongoClient(url, serverSelectionTimeoutMS=5000)


def valkey(url: str | None) -> redis.Redis:
    assert url is not None
    return redis.Redis.from_url(url)


def write_data(urls: EmbeddedURLs) -> None:
    sql(urls.database_url, "CREATE TABLE kept AS SELECT 42 AS answer")
    with mongo(urls.mongodb_url) as client:
        client.sportello.kept.insert_one({"answer": 42})
    with valkey(urls.redis_url) as client:
        client.set("answer", "42")


def assert_data_kept(urls: EmbeddedURLs) -> None:
    assert sql(urls.database_url, "SELECT answer FROM kept") == 42
    with mongo(urls.mongodb_url) as client:
        document = client.sportello.kept.find_one()
    assert document is not None
    assert document["answer"] == 42
    with valkey(urls.redis_url) as client:
        assert client.get("answer") == b"42"


def running(data_dir: Path) -> list[str]:
    return [server.name for server in status(data_dir) if server.running]


def gone(pid: int | None) -> bool:
    """No such process, or only a zombie left for init to reap."""
    assert pid is not None
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def postgres_processes(pgdata: Path) -> list[psutil.Process]:
    """Backends of a killed postmaster, which postgres runs with the data dir as cwd."""
    found = []
    for process in psutil.process_iter():
        with suppress(psutil.Error):
            if process.status() != psutil.STATUS_ZOMBIE and process.cwd() == str(pgdata):
                found.append(process)
    return found


def test_first_start_serves_all_three_and_a_restart_keeps_the_data(data_dir: Path) -> None:
    progress: list[str] = []
    with everything(data_dir, progress) as urls:
        assert urls.database_url == (
            f"postgresql://postgres@/sportello?host={data_dir.resolve()}/postgres/data&port=5432"
        )
        assert sql(urls.database_url, "SELECT current_database()") == "sportello"
        with mongo(urls.mongodb_url) as client:
            assert client.admin.command("ping")["ok"] == 1
        write_data(urls)
    assert "starting PostgreSQL (first run: initialising the data directory)…" in progress
    assert [m.split(" ready in ")[0] for m in progress if " ready in " in m] == [
        "PostgreSQL",
        "MongoDB (SecantusDB)",
        "Valkey",
    ]
    assert running(data_dir) == []

    progress.clear()
    with everything(data_dir, progress) as again:
        assert again == urls  # the stored ports were free again
        assert_data_kept(again)
    assert "starting PostgreSQL…" in progress
    assert running(data_dir) == []


def test_a_second_stack_reuses_the_servers_and_leaves_them_running(data_dir: Path) -> None:
    owner = everything(data_dir)
    urls = owner.start()
    assert owner.owned == ("postgres", "mongodb", "valkey")
    progress: list[str] = []
    with everything(data_dir, progress) as guest_urls:
        assert guest_urls == urls
    assert progress == [
        f"{label}: reusing the server of process {os.getpid()}"
        for label in ("PostgreSQL", "MongoDB (SecantusDB)", "Valkey")
    ]
    assert running(data_dir) == NAMES
    assert sql(urls.database_url, "SELECT 1") == 1
    owner.stop()
    assert running(data_dir) == []


def test_concurrent_starts_share_servers_and_a_killed_app_s_servers_are_adopted(
    data_dir: Path, spawn: Callable[[], subprocess.Popen[str]]
) -> None:
    first, second = spawn(), spawn()
    reports = [report(first), report(second)]
    assert sorted(len(r["owned"]) for r in reports) == [0, 3]  # one started, one reused
    assert reports[0]["urls"] == reports[1]["urls"]
    urls = EmbeddedURLs(**reports[0]["urls"])
    write_data(urls)
    servers = status(data_dir)
    owner = next(p for p, r in zip((first, second), reports, strict=True) if r["owned"])
    assert {server.owner_pid for server in servers} == {owner.pid}

    for process in (first, second):
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert running(data_dir) == NAMES  # the crash took only the app down

    progress: list[str] = []
    heir = everything(data_dir, progress)
    assert heir.start() == urls
    assert heir.owned == ("postgres", "mongodb", "valkey")
    assert progress == [
        f"{label}: adopting the server left by a stopped process"
        for label in ("PostgreSQL", "MongoDB (SecantusDB)", "Valkey")
    ]
    assert_data_kept(urls)
    heir.stop()
    assert running(data_dir) == []
    assert all(gone(server.pid) for server in servers)


def test_files_of_killed_servers_and_recycled_pids_do_not_block_a_start(data_dir: Path) -> None:
    with everything(data_dir) as urls:
        write_data(urls)  # Valkey saves its keys as it stops
    crashed = everything(data_dir)
    crashed.start()
    for server in status(data_dir):
        assert server.pid is not None, server
        os.kill(server.pid, signal.SIGKILL)
    pgdata = data_dir / "postgres" / "data"
    assert wait_until(lambda: running(data_dir) == [] and not postgres_processes(pgdata), 10)

    # Their pid files now name a live process that is not the server: a recycled pid.
    postmaster = (pgdata / "postmaster.pid").read_text().splitlines()
    (pgdata / "postmaster.pid").write_text("\n".join([str(os.getpid()), *postmaster[1:]]))
    (data_dir / "mongodb" / "pid").write_text(str(os.getpid()))
    (data_dir / "valkey" / "valkey.pid").write_text(str(os.getpid()))
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past TIME_WAIT
        try:
            squatter.bind(("127.0.0.1", int((data_dir / "mongodb" / "port").read_text())))
            squatter.listen()
        except OSError:
            pass  # another process took the port meanwhile: the very case under test
        with everything(data_dir) as again:
            assert again.mongodb_url != urls.mongodb_url  # its port was taken meanwhile
            assert_data_kept(again)
            crashed.stop()  # its servers are gone: it must not stop the new ones
            assert running(data_dir) == NAMES
    assert running(data_dir) == []


def test_status_and_stop_all_stop_servers_whoever_owns_them(
    data_dir: Path, spawn: Callable[[], subprocess.Popen[str]]
) -> None:
    assert status(data_dir) == [ServerStatus(name, False, None, None, None, 0) for name in NAMES]
    assert stop_all(data_dir) == []

    app = spawn()
    urls = EmbeddedURLs(**report(app)["urls"])
    servers = status(data_dir)
    assert [server.url for server in servers] == [
        urls.database_url,
        urls.mongodb_url,
        urls.redis_url,
    ]
    assert {server.owner_pid for server in servers} == {app.pid}
    assert all(server.running for server in servers)
    assert all(server.data_bytes > 0 for server in servers)

    assert stop_all(data_dir) == NAMES
    assert app.poll() is None  # the app itself was left alone
    assert running(data_dir) == []
    assert all(gone(server.pid) for server in servers)
    assert all(server.data_bytes > 0 for server in status(data_dir))
    assert stop_all(data_dir) == []
