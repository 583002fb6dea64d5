"""Messages on a practice between the citizen and the office, and the office's internal notes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.practices import is_applicant, sees_internal_notes
from models.clock import utcnow
from models.practice import FilePurpose, Message, MessageVisibility, Practice, StoredFile
from models.practice_states import PracticeStatus
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused
from resolvers.files import attachable
from resolvers.idempotency import claim, remember
from resolvers.limits import TEXT, too_long
from resolvers.message_pages import MessagePageKey
from resolvers.outbox import record_event
from resolvers.pagination import Page, PageRequest
from resolvers.practice_lookup import find_practice, not_found, staff_view
from resolvers.wording import say


async def add_message(
    session: AsyncSession,
    ctx: Context,
    practice: Practice,
    body: str,
    visibility: MessageVisibility,
    file_ids: Sequence[uuid.UUID],
) -> Message:
    """A message with its files and its `message.created` event, in the caller's transaction."""
    assert ctx.viewer.user_id is not None
    message = Message(
        tenant_id=ctx.tenant.id,
        practice_id=practice.id,
        author_id=ctx.viewer.user_id,
        from_applicant=is_applicant(ctx.viewer, practice.applicant_id),
        body=body,
        visibility=visibility,
    )
    session.add(message)
    await session.flush()
    if file_ids:
        await session.exec(
            update(StoredFile)
            .where(col(StoredFile.id).in_(file_ids))
            .values(message_id=message.id, internal=visibility is MessageVisibility.INTERNAL)
        )
    record_event(
        session,
        ctx.tenant.id,
        "message.created",
        message.id,
        1,
        {
            "message_id": str(message.id),
            "practice_id": str(practice.id),
            "author_id": str(message.author_id),
            "visibility": visibility.value,
            "attachments": [str(file_id) for file_id in file_ids],
        },
    )
    return message


@dataclass(frozen=True)
class NewMessage:
    practice_id: uuid.UUID
    body: str
    visibility: MessageVisibility
    file_ids: Sequence[uuid.UUID]
    idempotency_key: str | None


def body_problems(ctx: Context, new: NewMessage) -> list[Problem]:
    problems = []
    if not new.body.strip() and not new.file_ids:
        message = say("Write a message or attach a file.")
        problems.append(Problem("body", ErrorCode.REQUIRED, message))
    problems += too_long("body", new.body, TEXT)
    return problems


async def send_message(ctx: Context, new: NewMessage) -> Outcome[Message]:
    if ctx.viewer.user_id is None:
        return Outcome.failed(not_found("practiceId"))
    if problems := body_problems(ctx, new):
        return Outcome.failed(*problems)
    request = {
        "practice": str(new.practice_id),
        "body": new.body,
        "visibility": new.visibility.value,
        "files": sorted(str(file_id) for file_id in new.file_ids),
    }
    try:
        async with ctx.db() as session, session.begin():
            granted = await claim(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                new.idempotency_key,
                "sendMessage",
                request,
            )
            if granted.problem is not None:
                raise Refused(granted.problem)
            if granted.replay is not None:
                earlier = await session.get(Message, uuid.UUID(granted.replay["message"]))
                return Outcome(earlier) if earlier else Outcome.failed(not_found("practiceId"))
            practice = await find_practice(session, ctx, new.practice_id)
            if practice is None:
                raise Refused(not_found("practiceId"))
            if practice.status is PracticeStatus.DRAFT:
                message = say("Send the application first: the office cannot read a draft.")
                raise Refused(Problem("practiceId", ErrorCode.TRANSITION_NOT_ALLOWED, message))
            internal = new.visibility is MessageVisibility.INTERNAL
            if internal and not sees_internal_notes(await ctx.staff_scope(session), practice):
                message = say("Only the office handling the application can write internal notes.")
                raise Refused(Problem("visibility", ErrorCode.FORBIDDEN, message))
            purposes = (FilePurpose.MESSAGE,)
            if problem := await attachable(session, ctx, practice, new.file_ids, purposes):
                raise Refused(problem)
            written = await add_message(
                session, ctx, practice, new.body, new.visibility, new.file_ids
            )
            await remember(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                new.idempotency_key,
                {"message": str(written.id)},
            )
    except Refused as refusal:
        return Outcome.failed(*refusal.problems)
    return Outcome(written)


def visible_messages(
    ctx: Context, practice_id: uuid.UUID, staff: bool
) -> list[ColumnElement[bool]]:
    """Conditions for the messages of a practice the viewer may see: internal notes only for
    `staff` working on it."""
    clauses: list[ColumnElement[bool]] = [
        col(Message.practice_id) == practice_id,
        col(Message.tenant_id) == ctx.tenant.id,
    ]
    if not staff:
        clauses.append(col(Message.visibility) == MessageVisibility.APPLICANT)
    return clauses


async def list_messages(
    ctx: Context, practice: Practice, page: PageRequest, with_total: bool
) -> Page[Message]:
    """Oldest first, as a conversation reads. Through a loader: the messages of every
    practice of a list are one statement (and their totals one more)."""
    staff = await staff_view(ctx, practice)
    return await ctx.loaders.message_pages.load(
        MessagePageKey(practice.id, page, with_internal=staff, with_total=with_total)
    )


async def mark_read(ctx: Context, practice_id: uuid.UUID) -> Outcome[Practice]:
    """Everything the other side wrote on the practice counts as read from now on."""
    async with ctx.db() as session, session.begin():
        practice = await find_practice(session, ctx, practice_id)
        if practice is None:
            return Outcome.failed(not_found("practiceId"))
        applicant = is_applicant(ctx.viewer, practice.applicant_id)
        staff = await staff_view(ctx, practice)
        await session.exec(
            update(Message)
            .where(
                *visible_messages(ctx, practice_id, staff),
                col(Message.from_applicant) == (not applicant),
                col(Message.read_at).is_(None),
            )
            .values(read_at=utcnow())
        )
    return Outcome(practice)
