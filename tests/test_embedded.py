"""The embedded servers: started once, reused, adopted after a crash, stopped cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import asyncpg
import pymongo
import pytest
import redis
from sqlalchemy.engine import make_url

from server.embedded import EmbeddedStack, status, stop_all

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir() -> Path:
    """A short path of its own: unix sockets live inside it."""
    path = Path(f"/tmp/sportello-embedded-{os.getpid()}")
    yield path
    stop_all(path)
    subprocess.run(["rm", "-rf", str(path)], check=False)


def postgres_value(url: str, sql: str) -> object:
    async def run() -> object:
        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        connection = await asyncpg.connect(dsn)
        try:
            return await connection.fetchval(sql)
        finally:
            await connection.close()

    return asyncio.run(run())


def everything(data_dir: Path) -> EmbeddedStack:
    return EmbeddedStack(data_dir, postgres=True, mongodb=True, redis=True)


def test_first_start_serves_all_three_and_a_restart_keeps_the_data(data_dir: Path) -> None:
    stack = everything(data_dir)
    urls = stack.start()
    assert urls.database_url
    assert urls.mongodb_url
    assert urls.redis_url
    postgres_value(urls.database_url, "CREATE TABLE kept AS SELECT 42 AS answer")
    pymongo.MongoClient(urls.mongodb_url).test.kept.insert_one({"answer": 42})
    redis.Redis.from_url(urls.redis_url).set("answer", "42")
    stack.stop()
    assert not any(server.running for server in status(data_dir))

    again = everything(data_dir)
    urls = again.start()
    try:
        assert postgres_value(urls.database_url or "", "SELECT answer FROM kept") == 42
        assert pymongo.MongoClient(urls.mongodb_url).test.kept.find_one()["answer"] == 42
        assert redis.Redis.from_url(urls.redis_url or "").get("answer") == b"42"
    finally:
        again.stop()


def test_a_second_process_reuses_without_owning(data_dir: Path) -> None:
    owner = everything(data_dir)
    urls = owner.start()
    guest = everything(data_dir)
    guest_urls = guest.start()
    assert guest_urls == urls
    assert guest.owned == []
    guest.stop()
    assert all(server.running for server in status(data_dir))
    owner.stop()
    assert not any(server.running for server in status(data_dir))


def test_servers_of_a_killed_app_are_adopted_and_then_stopped(data_dir: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from server.embedded import EmbeddedStack
        EmbeddedStack(Path({str(data_dir)!r}), postgres=True, mongodb=True, redis=True).start()
        print("up", flush=True)
        time.sleep(600)
    """)
    crashed = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert crashed.stdout is not None
    assert crashed.stdout.readline().strip() == "up"
    os.kill(crashed.pid, signal.SIGKILL)
    crashed.wait()
    orphans = status(data_dir)
    assert all(server.running for server in orphans)

    heir = everything(data_dir)
    urls = heir.start()
    assert {server.name for server in heir.owned} == {"postgres", "mongodb", "valkey"}
    assert postgres_value(urls.database_url or "", "SELECT 1") == 1
    heir.stop()
    assert not any(server.running for server in status(data_dir))
    for orphan in orphans:
        assert orphan.pid is not None
        assert not Path(f"/proc/{orphan.pid}").exists() or _zombie(orphan.pid)


def _zombie(pid: int) -> bool:
    time.sleep(0.2)
    return "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_stale_files_of_a_dead_server_do_not_block_a_start(data_dir: Path) -> None:
    stack = everything(data_dir)
    stack.start()
    stack.stop()
    (data_dir / "mongodb" / "pid").write_text("999999")
    (data_dir / "valkey" / "valkey.pid").write_text("999999")
    (data_dir / "postgres" / "owner.pid").write_text("999999")
    again = everything(data_dir)
    urls = again.start()
    try:
        assert pymongo.MongoClient(urls.mongodb_url).admin.command("ping")["ok"] == 1
    finally:
        again.stop()


def test_cli_reports_and_stops_the_servers(data_dir: Path) -> None:
    stack = everything(data_dir)
    stack.start()
    env = {**os.environ, "SPORTELLO_DATA_DIR": str(data_dir)}
    shown = subprocess.run(
        [sys.executable, "-m", "server", "embedded", "status"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "postgres" in shown
    assert "mongodb" in shown
    assert "valkey" in shown
    stopped = subprocess.run(
        [sys.executable, "-m", "server", "embedded", "stop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    assert "postgres" in stopped
    assert not any(server.running for server in status(data_dir))
