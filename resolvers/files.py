"""Files of practices: uploading them (sniffed, limited, stored), attaching them, linking them."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.file_links import sign_download
from auth.practices import is_applicant, works_on
from auth.scope import StaffScope
from models.formio.tree import ctype, walk
from models.practice import FilePurpose, Practice, StoredFile
from models.practice_states import PracticeStatus
from models.uploads import check_upload, safe_filename, sniff_mime
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.idempotency import claim, remember
from resolvers.practice_lookup import get_practice, not_found, pinned_form
from resolvers.wording import say

CITIZEN_EDITABLE = (
    PracticeStatus.DRAFT,
    PracticeStatus.REQUEST_INTEGRATION,
    PracticeStatus.DRAFT_FOR_INTEGRATION,
)
"""Statuses in which the applicant may add files to the data of the practice."""


@dataclass(frozen=True)
class Upload:
    """A file as received: the client's name and the bytes read (at most the limit + 1)."""

    name: str
    content: bytes
    practice_id: uuid.UUID
    purpose: FilePurpose
    component: str | None = None
    idempotency_key: str | None = None


def purpose_problem(
    ctx: Context, scope: StaffScope, practice: Practice, purpose: FilePurpose
) -> Problem | None:
    """Who may upload what: form files by the applicant while editable, outcomes by the staff
    working on it."""
    applicant = is_applicant(ctx.viewer, practice.applicant_id)
    staff = works_on(scope, practice)
    allowed = {
        FilePurpose.FORM: applicant and practice.status in CITIZEN_EDITABLE,
        FilePurpose.INTEGRATION: applicant and practice.status in CITIZEN_EDITABLE,
        FilePurpose.MESSAGE: applicant or staff,
        FilePurpose.OUTCOME: staff,
        FilePurpose.RECEIPT: False,
    }[purpose]
    if allowed:
        return None
    message = say("You may not add this kind of file to this application now.")
    return Problem("purpose", ErrorCode.FORBIDDEN, message)


async def component_limits(
    ctx: Context, practice: Practice, key: str | None
) -> tuple[dict[str, Any] | None, Problem | None]:
    """The file component of the pinned form that the upload is for, if one is named."""
    if key is None:
        return None, None
    version = await pinned_form(ctx, practice)
    components = version.definition.get("components", []) if version is not None else []
    component = next(
        (c for c in walk(components) if c.get("key") == key and ctype(c) == "file"), None
    )
    if component is None:
        message = say("The form has no file field “{key}”.", key=key)
        return None, Problem("component", ErrorCode.NOT_FOUND, message)
    return component, None


async def upload_file(ctx: Context, upload: Upload) -> Outcome[StoredFile]:
    if ctx.viewer.user_id is None:
        return Outcome.failed(not_found("practiceId"))
    user_id = ctx.viewer.user_id
    practice = await get_practice(ctx, upload.practice_id)
    if practice is None:
        return Outcome.failed(not_found("practiceId"))
    if problem := purpose_problem(ctx, await ctx.staff_scope(), practice, upload.purpose):
        return Outcome.failed(problem)
    component, problem = await component_limits(ctx, practice, upload.component)
    if problem is not None:
        return Outcome.failed(problem)
    mime = sniff_mime(upload.content, upload.name)
    policy = ctx.upload_policy if component is None else ctx.upload_policy.within(component)
    codes = check_upload(policy, len(upload.content), mime)
    if codes:
        return Outcome.failed(
            *(Problem("file", ErrorCode(code), upload_message(code, mime)) for code in codes)
        )
    digest = hashlib.sha256(upload.content).hexdigest()
    request = {
        "practice": str(practice.id),
        "purpose": upload.purpose.value,
        "component": upload.component,
        "name": upload.name,
        "sha256": digest,
    }
    async with ctx.db() as session, session.begin():
        granted = await claim(
            session, ctx.tenant.id, user_id, upload.idempotency_key, "uploadFile", request
        )
        if granted.problem is not None:
            return Outcome.failed(granted.problem)
        if granted.replay is not None:
            replayed = await session.get(StoredFile, uuid.UUID(granted.replay["file"]))
            return Outcome(replayed) if replayed else Outcome.failed()
        stored = StoredFile(
            tenant_id=ctx.tenant.id,
            practice_id=practice.id,
            uploaded_by=user_id,
            purpose=upload.purpose,
            name=safe_filename(upload.name),
            content_type=mime,
            size=len(upload.content),
            sha256=digest,
            storage_key="",
        )
        stored.storage_key = f"{ctx.tenant.id}/{stored.id}"
        await ctx.storage.put(stored.storage_key, upload.content, mime)
        session.add(stored)
        await remember(
            session, ctx.tenant.id, user_id, upload.idempotency_key, {"file": str(stored.id)}
        )
    return Outcome(stored)


def upload_message(code: str, mime: str) -> str:
    """Why an upload is refused, by the code `models.uploads` gives."""
    if code == "FILE_TOO_LARGE":
        return say("The file is larger than allowed.")
    if code == "FILE_EMPTY":
        return say("The file is empty.")
    return say("Files of type {mime} are not accepted here.", mime=mime)


async def attachable(
    session: AsyncSession,
    ctx: Context,
    practice: Practice,
    file_ids: Sequence[uuid.UUID],
    purposes: Sequence[FilePurpose],
    field: str = "fileIds",
) -> Problem | None:
    """The files are the viewer's uploads to this practice, for these purposes, not yet used."""
    if not file_ids:
        return None
    rows = await session.exec(
        select(StoredFile).where(
            col(StoredFile.id).in_(file_ids),
            StoredFile.practice_id == practice.id,
            StoredFile.uploaded_by == ctx.viewer.user_id,
            col(StoredFile.purpose).in_(purposes),
            col(StoredFile.message_id).is_(None),
            col(StoredFile.status_change_id).is_(None),
        )
    )
    if len(rows.all()) != len(set(file_ids)):
        message = say(
            "Every file must be one you uploaded to this application for this purpose and have "
            "not sent yet."
        )
        return Problem(field, ErrorCode.NOT_FOUND, message)
    return None


def download_url(ctx: Context, stored: StoredFile) -> str:
    """A short-lived link for a file the viewer was allowed to see."""
    token = sign_download(
        ctx.tokens,
        key=stored.storage_key,
        filename=stored.name,
        content_type=stored.content_type,
        tenant_id=ctx.tenant.id,
        lifetime_seconds=ctx.download_link_seconds,
    )
    return f"/{ctx.tenant.slug}/files/{token}"
