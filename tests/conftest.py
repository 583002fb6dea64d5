"""The test world: real servers (embedded unless DATABASE_URL / MONGODB_URL / REDIS_URL are
set), a fresh test database, the demo data seeded through the CLI's code path, and a
`sportello serve` process that the tests talk to over HTTP."""

from __future__ import annotations

import asyncio
import mailbox
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_policy
from pathlib import Path
from typing import Any

import httpx
import pytest
import strawberry
from sqlalchemy import Column, Table, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table)
from schema.root import build_schema
from server.database import create_engine, open_stores, recreate_database
from server.embedded import EmbeddedStack
from server.migrate import upgrade
from server.seeding import seed_platform
from server.settings import Settings
from server.state import AppState
from tests.clock import follow_session_clock, python_command
from tests.graphql import GraphQLClient, LiveServer

ROOT = Path(__file__).resolve().parent.parent
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
"""`gw0`, `gw1`… when pytest-xdist runs the suite in several processes (`make test-python` does):
each worker has a world of its own, named after it."""
_WORKER_SUFFIX = f"_{XDIST_WORKER}" if XDIST_WORKER else ""
TEST_DATABASE = (os.environ.get("SPORTELLO_TEST_DATABASE") or "sportello_test") + _WORKER_SUFFIX
"""The test database, dropped and created on the PostgreSQL server (the tests' other databases
are named after it): another name keeps runs on one shared server apart."""
TEST_MONGO_DATABASE = "sportello_test" + _WORKER_SUFFIX
# Own directory per parallel checkout (SPORTELLO_TEST_DATA_DIR overrides it) and per worker: the
# embedded servers of a stack are stopped by the process that started them.
TEST_DATA_DIR = Path(os.environ.get("SPORTELLO_TEST_DATA_DIR") or ROOT / ".sportello" / "test") / (
    XDIST_WORKER or "main"
)


STORE_FREE_MODULES = {
    "test_contacts",
    "test_deploy_files",
    "test_fiscal_code",
    "test_form_profile",
    "test_formio_components",
    "test_formio_differential",
    "test_formio_order",
    "test_formio_properties",
    "test_formio_samples",
    "test_ical",
    "test_language",
    "test_practice_states",
    "test_properties",
    "test_receipt",
    "test_schema_file",
    "test_settings",
    "test_slots",
    "test_slots_properties",
    "test_tokens",
    "test_clock",
}
"""Modules whose tests touch no store: .ci/run's second pass, against the machine's own
PostgreSQL and Redis, leaves them out (`-m "not store_free"`), since they cannot differ there."""


def pytest_configure(config: pytest.Config) -> None:
    follow_session_clock()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.module.__name__.rpartition(".")[2] if item.module else ""
        if module in STORE_FREE_MODULES:
            item.add_marker(pytest.mark.store_free)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def isolated_redis_url(url: str) -> str:
    """Tests use Redis database 15 (14, 13… for further xdist workers), so a developer's own data
    in database 0 is never touched and workers sharing a server do not flush each other's."""
    index = 15 - int(XDIST_WORKER.removeprefix("gw") or 0)
    return str(httpx.URL(url).copy_with(path=f"/{index}"))


@pytest.fixture(scope="session")
def store_urls() -> Iterator[dict[str, str]]:
    stack = EmbeddedStack(
        TEST_DATA_DIR,
        postgres="DATABASE_URL" not in os.environ,
        mongodb="MONGODB_URL" not in os.environ,
        redis="REDIS_URL" not in os.environ,
    )
    urls = stack.start()
    try:
        server_database = os.environ.get("DATABASE_URL") or urls.database_url or ""
        yield {
            "DATABASE_URL": asyncio.run(recreate_database(server_database, TEST_DATABASE)),
            "MONGODB_URL": os.environ.get("MONGODB_URL") or urls.mongodb_url or "",
            "MONGODB_DATABASE": TEST_MONGO_DATABASE,
            "REDIS_URL": isolated_redis_url(os.environ.get("REDIS_URL") or urls.redis_url or ""),
        }
    finally:
        stack.stop()


TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-0123456789"


def server_settings(urls: dict[str, str]) -> Settings:
    """The settings of the test server: its stores, data directory and secret."""
    return Settings(
        DATABASE_URL=urls["DATABASE_URL"],
        MONGODB_URL=urls["MONGODB_URL"],
        MONGODB_DATABASE=urls["MONGODB_DATABASE"],
        REDIS_URL=urls["REDIS_URL"],
        SPORTELLO_DATA_DIR=urls["SPORTELLO_DATA_DIR"],
        SPORTELLO_SECRET_KEY=TEST_SECRET_KEY,
    )


@asynccontextmanager
async def as_owner(database_url: str) -> AsyncIterator[AsyncConnection]:
    """A transaction as the database's login role, which owns the tables and so is bound by no
    row-level security policy: for emptying and restoring the test world, never in a test of
    what the application sees."""
    engine = create_engine(database_url, pool_size=1)
    try:
        async with engine.begin() as connection:
            yield connection
    finally:
        await engine.dispose()


async def reset_and_seed(urls: dict[str, str]) -> None:
    """Empty every store of the test world and load the demo municipalities again."""
    settings = server_settings(urls)
    stores = await open_stores(
        urls["DATABASE_URL"], urls["MONGODB_URL"], urls["MONGODB_DATABASE"], urls["REDIS_URL"]
    )
    state = AppState.open(settings, stores)
    try:
        async with as_owner(urls["DATABASE_URL"]) as connection:
            await connection.execute(text("TRUNCATE tenant CASCADE"))
        for name in await stores.mongo.list_collection_names():
            await stores.mongo[name].delete_many({})
        await stores.redis.flushdb()
        await seed_platform(state, local_passwords=True)
    finally:
        await state.close()


@dataclass
class Snapshot:
    """The rows and documents of the seeded world, to put back after a test that changed them.

    Seeding again would be the same world, only slower: the demo practices are made through
    the use cases (validation, receipts) and cost seconds each time.
    """

    rows: dict[str, list[dict[str, Any]]]
    documents: dict[str, list[dict[str, Any]]]


def writable_columns(table: Table) -> list[Column[Any]]:
    return [column for column in table.columns if column.computed is None]


async def take_snapshot(urls: dict[str, str]) -> Snapshot:
    stores = await open_stores(
        urls["DATABASE_URL"], urls["MONGODB_URL"], urls["MONGODB_DATABASE"], urls["REDIS_URL"]
    )
    try:
        rows = {}
        async with as_owner(urls["DATABASE_URL"]) as connection:
            for table in SQLModel.metadata.sorted_tables:
                result = await connection.execute(select(*writable_columns(table)))
                rows[table.name] = [dict(row._mapping) for row in result]
        documents = {
            name: await stores.mongo[name].find({}).to_list(None)
            for name in await stores.mongo.list_collection_names()
        }
        return Snapshot(rows, documents)
    finally:
        await stores.close()


async def restore(urls: dict[str, str], snapshot: Snapshot) -> None:
    stores = await open_stores(
        urls["DATABASE_URL"], urls["MONGODB_URL"], urls["MONGODB_DATABASE"], urls["REDIS_URL"]
    )
    try:
        tables = SQLModel.metadata.sorted_tables
        async with as_owner(urls["DATABASE_URL"]) as connection:
            names = ", ".join(f'"{table.name}"' for table in tables)
            await connection.execute(text(f"TRUNCATE {names} CASCADE"))
            for table in tables:
                if snapshot.rows[table.name]:
                    await connection.execute(insert(table), snapshot.rows[table.name])
        for name in await stores.mongo.list_collection_names():
            await stores.mongo[name].delete_many({})
        for name, documents in snapshot.documents.items():
            if documents:
                await stores.mongo[name].insert_many(documents)
        await stores.redis.flushdb()
    finally:
        await stores.close()


@pytest.fixture(scope="session")
def seeded(
    store_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, str], Snapshot]:
    """A migrated test database holding the demo data, the server's data directory, and a
    snapshot of that world taken before any test changes it."""
    upgrade(store_urls["DATABASE_URL"])
    urls = {**store_urls, "SPORTELLO_DATA_DIR": str(tmp_path_factory.mktemp("data"))}
    asyncio.run(reset_and_seed(urls))
    return urls, asyncio.run(take_snapshot(urls))


@pytest.fixture(scope="session")
def world(seeded: tuple[dict[str, str], Snapshot]) -> dict[str, str]:
    return seeded[0]


@pytest.fixture(scope="session")
def snapshot(seeded: tuple[dict[str, str], Snapshot]) -> Snapshot:
    return seeded[1]


@pytest.fixture(scope="session")
def server(world: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """`sportello serve` in its own process, as a deployment runs it."""
    port = free_port()
    env = {
        **os.environ,
        **world,
        "SPORTELLO_SECRET_KEY": TEST_SECRET_KEY,
        "SPORTELLO_LOG_LEVEL": "WARNING",
    }
    log = tmp_path_factory.mktemp("logs") / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            python_command("server", "serve", "--port", str(port)),
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sportello serve exited:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError(f"sportello serve did not become healthy:\n{log.read_text()}")
    yield LiveServer(base_url, env, log)
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def api(server: LiveServer) -> Iterator[GraphQLClient]:
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        yield GraphQLClient(http)


@pytest.fixture
def fresh_world(world: dict[str, str], snapshot: Snapshot) -> Iterator[None]:
    """For tests that change data: the demo world is restored after them."""
    yield
    asyncio.run(restore(world, snapshot))


@dataclass(frozen=True)
class MailServer:
    """A real SMTP server (aiosmtpd, tests/smtp_server.py) that requires a login and keeps
    every mail it accepts in a Maildir."""

    url: str
    """`smtp://user:password@127.0.0.1:<port>`, as SPORTELLO_SMTP_URL."""
    maildir: Path

    def messages(self, subject: str | None = None) -> list[EmailMessage]:
        """The mails received so far (with that subject, if given)."""
        box = mailbox.Maildir(self.maildir, create=False)
        parsed = [
            message_from_bytes(box.get_bytes(key), _class=EmailMessage, policy=email_policy)
            for key in box.iterkeys()
        ]
        return [mail for mail in parsed if subject is None or mail["Subject"] == subject]


def wait_until_listening(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{what} did not listen on {port}")


@pytest.fixture(scope="session")
def mail_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MailServer]:
    maildir = tmp_path_factory.mktemp("mail") / "maildir"  # made by the server, with cur/ new/
    port = free_port()
    user, password = "sportello", "mail-secret"
    script = ROOT / "tests" / "smtp_server.py"
    process = subprocess.Popen(
        [sys.executable, str(script), str(port), str(maildir), user, password],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_listening(port, process, "the SMTP server")
        yield MailServer(f"smtp://{user}:{password}@127.0.0.1:{port}", maildir)
    finally:
        process.terminate()
        process.wait(timeout=20)


@dataclass(frozen=True)
class LiveWorker:
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    log: Path


def worker_env(world: dict[str, str], mail_server: MailServer) -> dict[str, str]:
    """The environment of a test worker: the test stores, INFO logs (one line per job) and
    the test SMTP server."""
    return {
        **os.environ,
        **world,
        "SPORTELLO_SECRET_KEY": TEST_SECRET_KEY,
        "SPORTELLO_LOG_LEVEL": "INFO",
        "SPORTELLO_SMTP_URL": mail_server.url,
    }


def start_worker(env: dict[str, str], log: Path, *options: str) -> LiveWorker:
    """`sportello worker` in its own process, returned once it logged `worker.ready`."""
    with log.open("w") as output:
        process = subprocess.Popen(
            python_command("server", "worker", *options),
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while '"worker.ready"' not in log.read_text():
        if process.poll() is not None:
            raise RuntimeError(f"sportello worker exited:\n{log.read_text()}")
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"sportello worker did not get ready:\n{log.read_text()}")
        time.sleep(0.1)
    return LiveWorker(process, env, log)


@pytest.fixture(scope="session")
def worker(
    world: dict[str, str], mail_server: MailServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveWorker]:
    """`sportello worker` on the test world, as a deployment runs it, sending mail to
    `mail_server`; it also runs the tests' own tasks (tests/worker_tasks.py)."""
    log = tmp_path_factory.mktemp("logs") / "worker.log"
    live = start_worker(worker_env(world, mail_server), log, "--tasks-module", "tests.worker_tasks")
    yield live
    live.process.terminate()
    live.process.wait(timeout=30)


@pytest.fixture(scope="session")
def code_schema() -> strawberry.Schema:
    """The schema as the code builds it, once per test process: the root types are shared
    module objects, and relay's node field can be set up only once."""
    return build_schema()
