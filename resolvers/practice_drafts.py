"""A citizen's drafts: one open draft per service, started or resumed at once; deleting one."""

from __future__ import annotations

import uuid
from typing import Any

import structlog
from sqlalchemy import func, text
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.practice import Practice, StoredFile
from models.practice_states import PracticeStatus
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.practice_lookup import find_practice, not_found
from resolvers.status_words import practice_status
from resolvers.wording import say

log = structlog.get_logger("sportello")

OPEN_DRAFT_KEY = ["tenant_id", "applicant_id", "service_id"]
OPEN_DRAFT = text("status = 'DRAFT'")
"""The partial unique index `practice_one_open_draft`: its columns and predicate, as ON CONFLICT
names them to infer it (a literal: a bound parameter would not match the index's predicate)."""


async def start_or_resume(session: AsyncSession, new: Practice, *, data_given: bool) -> Practice:
    """`new` inserted, or, when the applicant already has an open draft of the service, that
    draft with `new`'s data (if `data_given`) and notes (if any). Concurrent calls wait for each
    other on the index, so they all end in the same row."""
    statement = insert(Practice).values(
        id=new.id,
        tenant_id=new.tenant_id,
        service_id=new.service_id,
        applicant_id=new.applicant_id,
        form_id=new.form_id,
        form_version=new.form_version,
        data=new.data,
        notes=new.notes,
        locale=new.locale,
        status=PracticeStatus.DRAFT,
    )
    changes: dict[str, Any] = {}
    if data_given:
        changes["data"] = statement.excluded.data
    if new.notes is not None:
        changes["notes"] = statement.excluded.notes
    if changes:
        changes |= {"version": col(Practice.version) + 1, "updated_at": func.now()}
    else:  # resumed as it is: an update that changes nothing still returns (and locks) the row
        changes["status"] = statement.excluded.status
    upsert = statement.on_conflict_do_update(
        index_elements=OPEN_DRAFT_KEY, index_where=OPEN_DRAFT, set_=changes
    ).returning(Practice)
    practice: Practice = (
        await session.exec(upsert, execution_options={"populate_existing": True})
    ).scalar_one()
    return practice


async def delete_draft(ctx: Context, practice_id: uuid.UUID) -> Outcome[uuid.UUID]:
    """Delete one of the viewer's own drafts with its files; a sent practice stays (withdrawing
    it is the citizen's way out). The files' bytes go once the rows are gone for good."""
    async with ctx.db() as session, session.begin():
        practice = await find_practice(session, ctx, practice_id, for_update=True)
        if practice is None or practice.applicant_id != ctx.viewer.user_id:
            return Outcome.failed(not_found())
        if practice.status is not PracticeStatus.DRAFT:
            message = say(
                "Only a draft can be deleted; this application is in the state “{status}”. "
                "A sent application can be withdrawn, if the service allows it.",
                status=practice_status(practice.status),
            )
            return Outcome.failed(Problem("id", ErrorCode.TRANSITION_NOT_ALLOWED, message))
        keys = (
            await session.exec(
                select(StoredFile.storage_key).where(StoredFile.practice_id == practice.id)
            )
        ).all()
        # history, messages and file records go with it (ON DELETE CASCADE)
        await session.delete(practice)
    for key in keys:
        try:
            await ctx.storage.delete(key)
        except Exception:  # the draft is gone either way; the bytes stay, unreferenced
            log.exception("draft.file_not_deleted", practice=str(practice_id), key=key)
    return Outcome(practice_id)
