"""Practices of citizens: reading one, saving a draft, submitting it against its form version."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.practices import strong_enough
from models.catalogue import Service, ServiceAccessLevel, ServiceStatus
from models.clock import ITALY, utcnow
from models.form import FormVersion
from models.formio import ValidationResult, validate_submission
from models.practice import FilePurpose, Practice, PracticeCounter, StoredFile, practice_number
from models.practice_states import Action, PracticeStatus
from models.user import User
from resolvers.applicant_profile import draft_data, submitted_data
from resolvers.catalogue import may_open
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem, Refused, error_code
from resolvers.idempotency import claim, remember
from resolvers.limits import TEXT, too_long
from resolvers.outbox import record_event
from resolvers.practice_drafts import start_or_resume
from resolvers.practice_lookup import (
    find_practice,
    get_practice,
    not_found,
    pinned_form,
    switches_of,
)
from resolvers.practice_queue import worked_clause
from resolvers.practice_transitions import Step, apply_steps, event_payload
from resolvers.receipts import store_receipt
from resolvers.staff import handling_office
from resolvers.status_words import practice_status
from resolvers.wording import say

MAX_DATA_BYTES = 1_000_000
OPEN_FOR_PRACTICES = (ServiceStatus.AVAILABLE, ServiceStatus.PRIVATE, ServiceStatus.SCHEDULED)


def check_data(data: Any) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem("data", ErrorCode.INVALID, say("The form data must be a JSON object."))]
    if len(json.dumps(data)) > MAX_DATA_BYTES:
        message = say("The form data may be at most {bytes} bytes of JSON.", bytes=MAX_DATA_BYTES)
        return [Problem("data", ErrorCode.INVALID, message)]
    return []


def draft_data_problems(data: Any | None) -> list[Problem]:
    """A draft's data: omitted (left as it is), or a JSON object within the size limit."""
    return [] if data is None else check_data(data)


async def latest_form_version(ctx: Context, form_id: str) -> FormVersion | None:
    return await FormVersion.find_one(
        {"form_id": form_id, "tenant_id": ctx.tenant.id}, sort=[("version", -1)]
    )


def service_problems(ctx: Context, service: Service | None, applicant: User) -> list[Problem]:
    """Why this citizen may not start a practice of this service, if anything stops them."""
    if service is None or not may_open(ctx, service):
        return [Problem("serviceId", ErrorCode.NOT_FOUND, say("This service does not exist."))]
    now = utcnow()
    if (
        service.status not in OPEN_FOR_PRACTICES
        or (service.publish_from is not None and service.publish_from > now)
        or (service.publish_until is not None and service.publish_until <= now)
    ):
        message = say("This service does not accept applications at the moment.")
        return [Problem("serviceId", ErrorCode.SERVICE_NOT_OPEN, message)]
    if service.form_id is None:
        message = say("This service cannot be applied for online.")
        return [Problem("serviceId", ErrorCode.NO_FORM, message)]
    if not strong_enough(applicant, service.access_level):
        message = login_needed(service.access_level)
        return [Problem("serviceId", ErrorCode.ACCESS_LEVEL_TOO_LOW, message)]
    return []


def login_needed(level: ServiceAccessLevel) -> str:
    """What a citizen whose login is too weak for the service reads."""
    if level is ServiceAccessLevel.CIE:
        return say("This service requires a login with the electronic identity card (CIE).")
    if level is ServiceAccessLevel.SPID_L2:
        return say("This service requires a login with SPID level 2 or CIE.")
    return say("This service requires a login with SPID or CIE.")


async def create_draft(
    ctx: Context, service_id: uuid.UUID, data: Any | None, notes: str | None
) -> Outcome[Practice]:
    """Start a draft of the service, or resume the citizen's open one: a citizen has at most
    one open draft per service. Given data replace the resumed draft's; without, it stays."""
    assert ctx.viewer.user_id is not None, "the schema admits citizens only"
    if problems := [*draft_data_problems(data), *too_long("notes", notes, TEXT)]:
        return Outcome.failed(*problems)
    async with ctx.db() as session, session.begin():
        applicant = await session.get(User, ctx.viewer.user_id)
        service = await session.get(Service, service_id)
        if service is not None and service.tenant_id != ctx.tenant.id:
            service = None
        if applicant is None:
            message = say("Your account was not found. Please log in again.")
            return Outcome.failed(Problem(None, ErrorCode.FORBIDDEN, message))
        if problems := service_problems(ctx, service, applicant):
            return Outcome.failed(*problems)
        assert service is not None
        assert service.form_id is not None
        version = await latest_form_version(ctx, service.form_id)
        if version is None:
            message = say("The form of this service is not ready yet.")
            return Outcome.failed(Problem("serviceId", ErrorCode.NO_FORM, message))
        new = Practice(
            tenant_id=ctx.tenant.id,
            service_id=service.id,
            applicant_id=applicant.id,
            form_id=service.form_id,
            form_version=version.version,
            # The applicant's name, fiscal code, birth data and contacts in the form's fields
            # for them, so nobody types what Sportello knows.
            data=draft_data(version.definition, {} if data is None else data, applicant),
            notes=notes,
            locale=ctx.language,
        )
        practice = await start_or_resume(session, new, data_given=data is not None)
    return Outcome(practice)


async def update_draft(
    ctx: Context, practice_id: uuid.UUID, data: Any | None, notes: str | None
) -> Outcome[Practice]:
    if problems := [*draft_data_problems(data), *too_long("notes", notes, TEXT)]:
        return Outcome.failed(*problems)
    async with ctx.db() as session, session.begin():
        practice = await find_practice(session, ctx, practice_id, for_update=True)
        if practice is None or practice.applicant_id != ctx.viewer.user_id:
            return Outcome.failed(not_found())
        if practice.status is not PracticeStatus.DRAFT:
            message = say(
                "Only a draft can be saved; this application is in the state “{status}”.",
                status=practice_status(practice.status),
            )
            return Outcome.failed(Problem("id", ErrorCode.TRANSITION_NOT_ALLOWED, message))
        if data is not None:
            practice.data = data
        if notes is not None:
            practice.notes = notes
        practice.version += 1
        session.add(practice)
    return Outcome(practice)


async def validate_practice_data(
    session: AsyncSession, ctx: Context, practice: Practice, data: dict[str, Any]
) -> ValidationResult | Problem:
    """Validate against the pinned form version; files must be the applicant's own uploads."""
    version = await pinned_form(ctx, practice)
    if version is None:
        message = say("The form this application was filled in with is missing.")
        return Problem("id", ErrorCode.NO_FORM, message)
    uploads = await session.exec(
        select(StoredFile).where(
            StoredFile.practice_id == practice.id,
            StoredFile.uploaded_by == practice.applicant_id,
            col(StoredFile.purpose).in_([FilePurpose.FORM, FilePurpose.INTEGRATION]),
        )
    )
    owned = {str(stored.id): stored for stored in uploads}

    def uploaded(reference: dict[str, Any]) -> bool:
        """One of the applicant's uploads, as stored: the limits then apply to the real file."""
        stored = owned.get(reference_id(reference.get("id")))
        return (
            stored is not None
            and reference.get("size") == stored.size
            and reference.get("type") == stored.content_type
        )

    applicant = await session.get(User, practice.applicant_id)
    if applicant is not None and isinstance(data, dict):
        # What the identity provider asserted stays as it asserted it, whatever was sent.
        data = submitted_data(version.definition, data, applicant)
    return validate_submission(
        version.definition, data, language=ctx.language, file_exists=uploaded
    )


def reference_id(value: Any) -> str:
    """A file reference's id: the file's uuid, or its global id as the API shows it."""
    text = str(value)
    try:
        decoded = base64.b64decode(text, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return text
    kind, _, node_id = decoded.partition(":")
    return node_id if kind == "File" else text


def form_problems(result: ValidationResult) -> list[Problem]:
    return [
        Problem(
            f"data.{problem.path}" if problem.path else "data",
            error_code(problem.code),
            problem.message,
        )
        for problem in result.problems
    ]


async def next_number(session: AsyncSession, tenant_id: uuid.UUID, sent_at: datetime) -> str:
    """The next number of the year `sent_at` falls in on Italian clocks (a practice sent at
    00:30 on 1 January is the new year's); the counter row stays locked until commit."""
    year = sent_at.astimezone(ITALY).year
    last = col(PracticeCounter.last)
    sequence: int = (
        await session.exec(
            insert(PracticeCounter)
            .values(tenant_id=tenant_id, year=year, last=1)
            .on_conflict_do_update(index_elements=["tenant_id", "year"], set_={"last": last + 1})
            .returning(last)
        )
    ).scalar_one()
    return practice_number(year, sequence)


@dataclass(frozen=True)
class Submission:
    practice_id: uuid.UUID
    data: Any
    """The final data (checked here); None: the saved draft's."""
    idempotency_key: str | None


async def submit_practice(ctx: Context, submission: Submission) -> Outcome[Practice]:
    """Keep the data given in the draft, then validate and send it: number, history, events
    and receipt in one transaction."""
    if ctx.viewer.user_id is None:
        return Outcome.failed(not_found())
    if submission.data is not None and (problems := check_data(submission.data)):
        return Outcome.failed(*problems)
    if submission.data is not None:
        # Saved first, as "Salva bozza" would: what the citizen sent stays in the draft even
        # when it is refused below. Not a draft (sent already, a replay): nothing to save.
        await update_draft(ctx, submission.practice_id, submission.data, None)
    request = {"practice": str(submission.practice_id), "data": submission.data}
    try:
        async with ctx.db() as session, session.begin():
            granted = await claim(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                submission.idempotency_key,
                "submitPractice",
                request,
            )
            if granted.problem is not None:
                raise Refused(granted.problem)
            if granted.replay is not None:
                return await replayed_practice(ctx, granted.replay)
            submitted = await send_draft(session, ctx, submission)
            await remember(
                session,
                ctx.tenant.id,
                ctx.viewer.user_id,
                submission.idempotency_key,
                {"practice": str(submitted.id)},
            )
    except Refused as refusal:
        return Outcome.failed(*refusal.problems)
    return Outcome(submitted)


async def send_draft(session: AsyncSession, ctx: Context, submission: Submission) -> Practice:
    """Validation, number, the two steps, events and receipt; `Refused` rolls all back."""
    practice = await find_practice(session, ctx, submission.practice_id)
    if practice is None or practice.applicant_id != ctx.viewer.user_id:
        raise Refused(not_found())
    data = practice.data if submission.data is None else submission.data
    checked = await validate_practice_data(session, ctx, practice, data)
    if isinstance(checked, Problem):
        raise Refused(checked)
    if not checked.valid:
        raise Refused(*form_problems(checked))
    service = await session.get(Service, practice.service_id)
    assert service is not None
    sent_at = utcnow()
    number = await next_number(session, ctx.tenant.id, sent_at)
    outcome = await apply_steps(
        session,
        ctx,
        practice,
        switches_of(service, practice),
        (Step(Action.SUBMIT), Step(Action.ACQUIRE, as_system=True)),
        changes={
            "data": checked.data,
            "number": number,
            "submitted_at": sent_at,
            "subject": ctx.text(service.name),
            "office_id": await handling_office(session, service.id),
        },
    )
    if outcome.value is None:
        raise Refused(*outcome.problems)
    submitted = outcome.value
    record_event(
        session,
        ctx.tenant.id,
        "practice.submitted",
        submitted.id,
        submitted.version,
        event_payload(submitted),
    )
    await store_receipt(session, ctx, submitted, service, checked.data)
    return submitted


async def replayed_practice(ctx: Context, result: dict[str, Any]) -> Outcome[Practice]:
    practice = await get_practice(ctx, uuid.UUID(result["practice"]))
    return Outcome(practice) if practice is not None else Outcome.failed(not_found())


async def count_by_status(ctx: Context) -> dict[PracticeStatus, int]:
    """The practices the viewer works per status, as the staff's queue shows them (no drafts)."""
    async with ctx.db() as session:
        rows = await session.exec(
            select(col(Practice.status), func.count())
            .where(Practice.tenant_id == ctx.tenant.id, worked_clause(ctx))
            .group_by(col(Practice.status))
        )
        counts: dict[PracticeStatus, int] = dict(rows.all())
        return counts
