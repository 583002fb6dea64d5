"""`sportello worker` and the job queue: jobs exist exactly when their transaction commits,
run on time, are retried, stop cleanly; mail goes out through a real SMTP server."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import asyncpg
import pytest
import structlog
from aiosmtplib import SMTPAuthenticationError
from redis import Redis
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

import tests.stop_tasks
import tests.worker_tasks  # noqa: F401
from resolvers.jobs import QUEUE_SCHEMA, enqueue
from resolvers.notify import LogNotifier, SmtpNotifier, SmtpServer
from server.database import create_engine, recreate_database
from server.worker import queue_dsn
from tests.conftest import (
    ROOT,
    TEST_DATABASE,
    TEST_SECRET_KEY,
    LiveWorker,
    MailServer,
    start_worker,
    worker_env,
)
from tests.job_records import record_key


@pytest.fixture(scope="module")
def redis(world: dict[str, str]) -> Iterator[Redis]:
    client = Redis.from_url(world["REDIS_URL"], decode_responses=True)
    yield client
    client.close()


def runs(redis: Redis, marker: str) -> list[dict[str, Any]]:
    return [json.loads(entry) for entry in redis.lrange(record_key(marker), 0, -1)]


def wait_for(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {seconds} s")
        time.sleep(0.05)


async def _in_transaction(
    database_url: str, commit: bool, jobs: list[tuple[str, dict[str, Any], dict[str, Any]]]
) -> None:
    engine = create_engine(database_url, pool_size=1)
    try:
        sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
        async with sessions() as session:
            for task, payload, options in jobs:
                await enqueue(session, task, payload, **options)
            if commit:
                await session.commit()
            else:
                await session.rollback()
    finally:
        await engine.dispose()


def enqueue_and_commit(
    world: dict[str, str], task: str, payload: dict[str, Any], **options: Any
) -> None:
    asyncio.run(_in_transaction(world["DATABASE_URL"], True, [(task, payload, options)]))


def enqueue_and_roll_back(world: dict[str, str], task: str, payload: dict[str, Any]) -> None:
    asyncio.run(_in_transaction(world["DATABASE_URL"], False, [(task, payload, {})]))


async def _queue_rows(database_url: str, marker: str) -> list[dict[str, Any]]:
    connection = await asyncpg.connect(queue_dsn(database_url))
    try:
        rows = await connection.fetch(
            f"SELECT status::text, attempts FROM {QUEUE_SCHEMA}.pgqueuer "
            "WHERE convert_from(payload, 'UTF8')::jsonb ->> 'marker' = $1",
            marker,
        )
        return [dict(row) for row in rows]
    finally:
        await connection.close()


def queue_rows(world: dict[str, str], marker: str) -> list[dict[str, Any]]:
    return asyncio.run(_queue_rows(world["DATABASE_URL"], marker))


def new_marker() -> str:
    return uuid4().hex


def test_a_job_committed_with_its_transaction_runs(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    marker = new_marker()
    enqueue_and_commit(world, "test.record", {"marker": marker})
    wait_for(lambda: len(runs(redis, marker)) == 1)
    [run] = runs(redis, marker)
    assert run["attempt"] == 0
    assert run["pid"] == worker.process.pid
    wait_for(lambda: queue_rows(world, marker) == [])  # done jobs leave the queue table
    log = worker.log.read_text()
    line = next(
        json.loads(entry)
        for entry in log.splitlines()
        if '"job.succeeded"' in entry and f'"job_id": {run["job_id"]}' in entry
    )
    assert line["task"] == "test.record"
    assert line["outcome"] == "succeeded"
    assert line["duration_ms"] >= 0


def test_a_job_of_a_rolled_back_transaction_never_runs(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    rolled_back, committed = new_marker(), new_marker()
    # The enqueue is the transaction's first statement: the job row still belongs to it.
    enqueue_and_roll_back(world, "test.record", {"marker": rolled_back})
    enqueue_and_commit(world, "test.record", {"marker": committed})
    wait_for(lambda: len(runs(redis, committed)) == 1)
    time.sleep(0.5)
    assert runs(redis, rolled_back) == []
    assert queue_rows(world, rolled_back) == []


def test_jobs_of_one_transaction_commit_together_with_it(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    first, second = new_marker(), new_marker()
    asyncio.run(
        _in_transaction(
            world["DATABASE_URL"],
            True,
            [("test.record", {"marker": first}, {}), ("test.record", {"marker": second}, {})],
        )
    )
    wait_for(lambda: len(runs(redis, first)) == 1 and len(runs(redis, second)) == 1)


@pytest.mark.date_sensitive
def test_a_delayed_job_runs_only_after_its_time(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    marker = new_marker()
    run_at = datetime.now(UTC) + timedelta(seconds=2)
    enqueue_and_commit(world, "test.record", {"marker": marker}, run_at=run_at)
    time.sleep(1)
    assert runs(redis, marker) == []
    assert queue_rows(world, marker) == [{"status": "queued", "attempts": 0}]
    wait_for(lambda: len(runs(redis, marker)) == 1)
    assert datetime.fromisoformat(runs(redis, marker)[0]["at"]) >= run_at


@pytest.mark.date_sensitive
def test_a_waiting_job_with_the_same_dedupe_key_is_not_added_again(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    marker = new_marker()
    run_at = datetime.now(UTC) + timedelta(seconds=1.5)
    for _ in range(3):
        enqueue_and_commit(
            world, "test.record", {"marker": marker}, run_at=run_at, dedupe_key=marker
        )
    assert len(queue_rows(world, marker)) == 1
    wait_for(lambda: len(runs(redis, marker)) == 1)
    time.sleep(0.5)
    assert len(runs(redis, marker)) == 1


@pytest.mark.date_sensitive
def test_a_failing_job_is_retried_until_it_succeeds(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    marker = new_marker()
    enqueue_and_commit(world, "test.flaky", {"marker": marker, "failures": 2})
    wait_for(lambda: len(runs(redis, marker)) == 3)
    attempts = runs(redis, marker)
    assert [run["attempt"] for run in attempts] == [0, 1, 2]
    first, second, third = (datetime.fromisoformat(run["at"]) for run in attempts)
    # Backoff 0.5 s, then 1 s.
    assert second - first >= timedelta(seconds=0.5)
    assert third - second >= timedelta(seconds=1)
    wait_for(lambda: queue_rows(world, marker) == [])
    log = worker.log.read_text()
    assert log.count('"job.retrying"') >= 2
    assert "failing on purpose, attempt 0" in log


def test_a_job_failing_past_its_retries_is_kept_as_failed(
    worker: LiveWorker, world: dict[str, str], redis: Redis
) -> None:
    marker = new_marker()
    enqueue_and_commit(world, "test.hopeless", {"marker": marker})
    wait_for(lambda: queue_rows(world, marker) == [{"status": "failed", "attempts": 1}])
    assert [run["attempt"] for run in runs(redis, marker)] == [0, 1]
    assert '"job.failed"' in worker.log.read_text()


def test_sigterm_lets_the_running_job_finish_then_exits_0(
    world: dict[str, str], mail_server: MailServer, redis: Redis, tmp_path: Any
) -> None:
    log = tmp_path / "worker.log"
    own = start_worker(worker_env(world, mail_server), log, "--tasks-module", "tests.stop_tasks")
    try:
        marker = new_marker()
        enqueue_and_commit(world, "test.stop.slow", {"marker": marker, "seconds": 1.5})
        wait_for(lambda: len(runs(redis, marker)) == 1)
        own.process.send_signal(signal.SIGTERM)
        assert own.process.wait(timeout=30) == 0
    finally:
        if own.process.poll() is None:
            own.process.kill()
    assert [run["step"] for run in runs(redis, marker)] == ["started", "finished"]
    assert {run["pid"] for run in runs(redis, marker)} == {own.process.pid}
    text = log.read_text()
    assert '"worker.stopping"' in text
    assert '"worker.stopped"' in text
    assert text.index('"worker.stopping"') < text.index('"job.succeeded"')


def test_the_worker_refuses_an_unmigrated_database(world: dict[str, str]) -> None:
    unmigrated = f"{TEST_DATABASE}_unmigrated"
    empty = asyncio.run(recreate_database(world["DATABASE_URL"], unmigrated))
    result = subprocess.run(
        [sys.executable, "-m", "server", "worker"],
        cwd=ROOT,
        env={
            **os.environ,
            **world,
            "SPORTELLO_SECRET_KEY": TEST_SECRET_KEY,
            "DATABASE_URL": empty,
            "COLUMNS": "200",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "run `sportello migrate`" in result.stderr


def test_worker_help_documents_its_options() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "server", "worker", "--help"],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Usage:" in shown
    assert "--concurrency" in shown
    assert "--tasks-module" in shown


def test_the_worker_refuses_a_wrong_smtp_url_before_starting_anything() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "server", "worker"],
        cwd=ROOT,
        env={**os.environ, "SPORTELLO_SMTP_URL": "http://mail.example.org", "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "SPORTELLO_SMTP_URL must start with smtp:// or smtps://" in result.stderr


def test_a_job_mails_through_the_worker_s_smtp_settings(
    worker: LiveWorker, world: dict[str, str], mail_server: MailServer, redis: Redis
) -> None:
    marker = new_marker()
    payload = {
        "marker": marker,
        "to": "mario.rossi@example.org",
        "subject": f"Promemoria {marker}",
        "text": "Domani alle 10:00, Ufficio Anagrafe.",
        "filename": "appuntamento.txt",
        "content": "Sala 2",
    }
    enqueue_and_commit(world, "test.mail", payload)
    wait_for(lambda: len(mail_server.messages(payload["subject"])) == 1)
    [mail] = mail_server.messages(payload["subject"])
    assert mail["To"] == "mario.rossi@example.org"
    assert mail["From"] == "Sportello <noreply@localhost>"
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_filename() == "appuntamento.txt"
    assert attachment.get_content() == "Sala 2"


def test_the_smtp_notifier_delivers_a_mail_with_an_attachment(mail_server: MailServer) -> None:
    subject = f"Ricevuta {new_marker()}"
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40
    notifier = SmtpNotifier(SmtpServer.from_url(mail_server.url), "Comune <comune@example.org>")
    asyncio.run(
        notifier.send(
            "giulia.bianchi@example.org",
            subject,
            "In allegato la ricevuta della pratica.",
            [("ricevuta.pdf", pdf, "application/pdf")],
        )
    )
    [mail] = mail_server.messages(subject)
    assert mail["From"] == "Comune <comune@example.org>"
    assert mail["To"] == "giulia.bianchi@example.org"
    assert mail["Message-ID"].endswith("@example.org>")
    body = mail.get_body(("plain",))
    assert body is not None
    assert body.get_content().strip() == "In allegato la ricevuta della pratica."
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "ricevuta.pdf"
    assert attachment.get_content() == pdf


def test_the_smtp_notifier_logs_in_with_the_url_s_credentials(mail_server: MailServer) -> None:
    wrong = mail_server.url.replace(":mail-secret@", ":wrong@")
    notifier = SmtpNotifier(SmtpServer.from_url(wrong), "Sportello <noreply@localhost>")
    with pytest.raises(SMTPAuthenticationError):
        asyncio.run(notifier.send("a@example.org", f"Rifiutata {new_marker()}", "testo"))


def test_smtp_urls_are_read_with_tls_ports_and_escaped_credentials() -> None:
    assert SmtpServer.from_url("smtp://mail.comune.it") == SmtpServer(
        "mail.comune.it", 25, None, None, use_tls=False, start_tls=None
    )
    assert SmtpServer.from_url("smtp://user:p%40ss@mail.comune.it:587?starttls=1") == SmtpServer(
        "mail.comune.it", 587, "user", "p@ss", use_tls=False, start_tls=True
    )
    assert SmtpServer.from_url("smtps://u:p@mail.comune.it") == SmtpServer(
        "mail.comune.it", 465, "u", "p", use_tls=True, start_tls=False
    )
    assert SmtpServer.from_url("smtp://h:2525?starttls=0").start_tls is False
    for bad in ("http://h", "smtp://", "smtp://h?starttls=maybe", "smtps://h?starttls=1"):
        with pytest.raises(ValueError, match="SPORTELLO_SMTP_URL"):
            SmtpServer.from_url(bad)


def test_without_smtp_url_mail_goes_to_the_log_only() -> None:
    notifier = LogNotifier("Sportello <noreply@localhost>")
    with structlog.testing.capture_logs() as logs:
        asyncio.run(
            notifier.send("a@example.org", "Oggetto", "Testo", [("a.txt", b"abc", "text/plain")])
        )
    assert logs == [
        {
            "event": "mail.logged",
            "log_level": "info",
            "mail_from": "Sportello <noreply@localhost>",
            "to": "a@example.org",
            "subject": "Oggetto",
            "text": "Testo",
            "attachments": [{"filename": "a.txt", "content_type": "text/plain", "bytes": 3}],
        }
    ]


def test_enqueue_refuses_unknown_tasks_and_naive_times(world: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"no task 'test\.nothing'"):
        enqueue_and_commit(world, "test.nothing", {})
    with pytest.raises(ValueError, match="timezone-aware"):
        enqueue_and_commit(
            world, "test.record", {"marker": new_marker()}, run_at=datetime(2030, 1, 1)
        )
