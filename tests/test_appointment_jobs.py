"""The worker expires unconfirmed holds and sends the day-before reminder with an .ics."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from resolvers.jobs import QUEUE
from server.worker import queue_changed
from tests.bookable import free_slot
from tests.conftest import LiveWorker, MailServer
from tests.graphql import GraphQLClient
from tests.practices import GIULIA, MARIO
from tests.test_appointments import CONFIRM, HOLD, calendar_id, expire_hold, mutate
from tests.test_practices import decode, sql

pytestmark = pytest.mark.date_sensitive

DUE_NOW = (  # the clock played forward: the job is due now, on both clocks it is read by
    "UPDATE job_queue.pgqueuer SET execute_after = now(), "
    "headers = jsonb_set(headers, '{run_at}', to_jsonb(CAST(:now AS text))) "
    "WHERE entrypoint = :task AND convert_from(payload, 'UTF8')::jsonb->>'meeting' = :meeting "
    "RETURNING id"
)
"""The queue picks a job by PostgreSQL's `now()`; the worker then waits for the `run_at` in its
headers by its own clock, the session's (tests/clock.py), which may be set to another day."""


def due_now(world: dict[str, str], task: str, meeting: str) -> bool:
    """Make the meeting's `task` due at once and tell the worker, as a new job would; whether
    there was such a job."""
    now = datetime.now(UTC).isoformat()
    found = sql(world, DUE_NOW, task=task, meeting=meeting, now=now)
    sql(world, "SELECT pg_notify(:channel, :event)", channel=QUEUE.channel, event=queue_changed())
    return bool(found)


def wait_for(condition: Callable[[], object], seconds: float = 30) -> bool:
    """The worker polls its queue every few seconds: give it time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_the_worker_marks_an_unconfirmed_hold_expired(
    api: GraphQLClient, world: dict[str, str], worker: LiveWorker
) -> None:
    mario = api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=9)
    held = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])["appointment"]
    meeting = decode(held["id"])
    expire_hold(world, held["id"])
    assert due_now(world, "meeting.expire_hold", meeting)

    def expired() -> bool:
        rows = sql(world, "SELECT status FROM meeting WHERE id = :id", id=meeting)
        return rows == [("EXPIRED",)]

    assert wait_for(expired)
    late = mutate(api, CONFIRM, mario, id=held["id"])
    assert [e["code"] for e in late["errors"]] == ["TRANSITION_NOT_ALLOWED"]


def test_the_day_before_the_citizen_gets_a_reminder_with_the_appointment(
    api: GraphQLClient, world: dict[str, str], worker: LiveWorker, mail_server: MailServer
) -> None:
    mario = api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=10)
    held = mutate(api, HOLD, mario, calendarId=registry, start=slot["start"])["appointment"]
    assert mutate(api, CONFIRM, mario, id=held["id"], message="Rinnovo")["errors"] == []
    assert due_now(world, "meeting.remind", decode(held["id"]))

    def reminded() -> list[EmailMessage]:
        return [
            message
            for message in mail_server.messages()
            if message["To"] == "mario.rossi@example.it"
            and "Promemoria" in str(message["Subject"])
            and decode(held["id"]) in message_ics(message)
        ]

    assert wait_for(reminded)
    invite = message_ics(reminded()[0])
    assert "BEGIN:VEVENT" in invite
    assert "STATUS:CONFIRMED" in invite


def message_ics(message: EmailMessage) -> str:
    for part in message.iter_attachments():
        if part.get_content_type() == "text/calendar":
            content = part.get_content()
            return content.decode() if isinstance(content, bytes) else str(content)
    return ""


def test_a_confirmed_appointment_is_mailed_at_once_with_its_ics(
    api: GraphQLClient, world: dict[str, str], worker: LiveWorker, mail_server: MailServer
) -> None:
    giulia = api.login(*GIULIA)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, from_day=11)
    held = mutate(api, HOLD, giulia, calendarId=registry, start=slot["start"])["appointment"]
    assert mutate(api, CONFIRM, giulia, id=held["id"])["errors"] == []

    def confirmed() -> list[EmailMessage]:
        return [
            message
            for message in mail_server.messages()
            if message["To"] == "giulia.bianchi@example.it"
            and "Appuntamento prenotato" in str(message["Subject"])
            and decode(held["id"]) in message_ics(message)
        ]

    assert wait_for(confirmed)
