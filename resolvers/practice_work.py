"""The working life of a sent practice: taking it in charge, integrations, outcome, withdrawal."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.catalogue import Service
from models.practice import FilePurpose, MessageVisibility, Practice
from models.practice_states import Action, PracticeStatus
from models.user import User, UserKind
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.files import attachable
from resolvers.limits import MOTIVATION, too_long
from resolvers.messages import add_message
from resolvers.practice_lookup import find_practice, not_found, switches_of
from resolvers.practice_transitions import Step, apply_steps
from resolvers.practices import check_data, form_problems, validate_practice_data
from resolvers.staff import office_for_assignee
from resolvers.wording import say


@dataclass(frozen=True)
class Work:
    """One step of work on a practice, as a mutation asks for it."""

    practice_id: uuid.UUID
    message: str | None = None
    file_ids: Sequence[uuid.UUID] = ()
    data: Any = None
    """New form data (validated against the pinned form version) or None."""


def reason_problem(message: str | None, *, required: bool) -> Problem | None:
    text = (message or "").strip()
    if required and not text:
        return Problem("message", ErrorCode.REQUIRED, say("Give the reason."))
    problems = too_long("message", text, MOTIVATION)
    return problems[0] if problems else None


async def take_in_charge(ctx: Context, work: Work) -> Outcome[Practice]:
    return await assign(ctx, work, ctx.viewer.user_id)


async def assign(ctx: Context, work: Work, operator_id: uuid.UUID | None) -> Outcome[Practice]:
    """Give the practice to an operator: taking it in charge if new, re-assigning it if not.

    An operator gives a practice of their office to a colleague of that office (or takes it
    over); the tenant's admins may also move it to another office handling the service.
    """
    if operator_id is None:
        message = say("Choose the operator to assign the application to.")
        return Outcome.failed(Problem("operatorId", ErrorCode.REQUIRED, message))
    if problem := reason_problem(work.message, required=False):
        return Outcome.failed(problem)
    async with ctx.db() as session:
        operator = await session.get(User, operator_id)
        practice = await find_practice(session, ctx, work.practice_id)
        if practice is None:
            return Outcome.failed(not_found())
        if (
            operator is None
            or operator.tenant_id != ctx.tenant.id
            or operator.kind == UserKind.CITIZEN
            or not operator.active
        ):
            message = say("This operator does not exist.")
            return Outcome.failed(Problem("operatorId", ErrorCode.NOT_FOUND, message))
        scope = await ctx.staff_scope(session)
        office = await office_for_assignee(session, operator, practice, not scope.everything)
        if isinstance(office, Problem):
            return Outcome.failed(office)
    fresh = practice.status in (PracticeStatus.SUBMITTED, PracticeStatus.REGISTERED)
    action = Action.TAKE_IN_CHARGE if fresh else Action.REASSIGN
    return await run(
        ctx, work, [Step(action)], changes={"assignee_id": operator.id, "office_id": office}
    )


async def request_integration(ctx: Context, work: Work) -> Outcome[Practice]:
    if problem := reason_problem(work.message, required=True):
        return Outcome.failed(problem)
    return await run(
        ctx,
        work,
        [Step(Action.REQUEST_INTEGRATION)],
        attach=(FilePurpose.MESSAGE,),
        message_to=MessageVisibility.APPLICANT,
    )


async def run(
    ctx: Context,
    work: Work,
    steps: Sequence[Step],
    *,
    attach: Sequence[FilePurpose] = (),
    changes: dict[str, Any] | None = None,
    message_to: MessageVisibility | None = None,
) -> Outcome[Practice]:
    """Load, check files and data, take the steps; one transaction, nothing written on refusal.

    With `message_to`, the words and files of the step also reach the other side as a
    message of the practice.
    """
    async with ctx.db() as session, session.begin():
        practice = await find_practice(session, ctx, work.practice_id)
        if practice is None:
            return Outcome.failed(not_found())
        if problem := await attachable(session, ctx, practice, work.file_ids, attach):
            return Outcome.failed(problem)
        resolved_changes = dict(changes or {})
        if work.data is not None:
            checked = await validate_practice_data(session, ctx, practice, work.data)
            if isinstance(checked, Problem):
                return Outcome.failed(checked)
            if not checked.valid:
                return Outcome.failed(*form_problems(checked))
            resolved_changes["data"] = checked.data
        service = await session.get(Service, practice.service_id)
        assert service is not None
        messaged = message_to is not None and bool(work.message or work.file_ids)
        outcome = await apply_steps(
            session,
            ctx,
            practice,
            switches_of(service, practice),
            steps,
            message=work.message,
            changes=resolved_changes,
            attachments=() if messaged else work.file_ids,
        )
        if outcome.value is None:
            await session.rollback()
            return outcome
        if messaged and message_to is not None:
            await add_message(session, ctx, practice, work.message or "", message_to, work.file_ids)
    return outcome


async def answer_integration(ctx: Context, work: Work) -> Outcome[Practice]:
    """The citizen's answer: new data and files, words for the operator; back to the office."""
    if work.data is not None and (problems := check_data(work.data)):
        return Outcome.failed(*problems)
    if problem := reason_problem(work.message, required=False):
        return Outcome.failed(problem)
    steps = [
        Step(Action.START_INTEGRATION_ANSWER),
        Step(Action.ANSWER_INTEGRATION),
        Step(Action.RESUME, as_system=True),
    ]
    return await run(
        ctx,
        work,
        steps,
        attach=(FilePurpose.INTEGRATION, FilePurpose.MESSAGE),
        message_to=MessageVisibility.APPLICANT,
    )


async def decide(ctx: Context, work: Work, accepted: bool) -> Outcome[Practice]:
    """Accept or reject with a reason and optional outcome files."""
    if problem := reason_problem(work.message, required=not accepted):
        return Outcome.failed(problem)
    return await run(
        ctx,
        work,
        [Step(Action.ACCEPT if accepted else Action.REJECT)],
        attach=(FilePurpose.OUTCOME,),
        changes={"outcome_accepted": accepted, "outcome_reason": work.message},
    )


async def simple_step(ctx: Context, work: Work, action: Action) -> Outcome[Practice]:
    """Withdraw, reopen or revoke: one step with an optional reason (required to revoke)."""
    if problem := reason_problem(work.message, required=action is Action.REVOKE):
        return Outcome.failed(problem)
    return await run(ctx, work, [Step(action)])
