"""Moving a practice through the state machine: one guarded update, its history and events.

Every status change of every mutation goes through `apply_steps`, so the rules of
`models.practice_states` are checked in one place. The update is guarded by the status the
rules were checked against (`… WHERE status = <expected>`): of two operators deciding the same
practice at once, the second finds the status changed and gets a payload error.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.practices import actors_of, held_by_another
from auth.scope import StaffScope
from models.clock import utcnow
from models.practice import Practice, PracticeStatusChange, StoredFile
from models.practice_states import (
    Action,
    Actor,
    PracticeStatus,
    RefusalCode,
    ServiceSwitches,
    TransitionRefused,
    available_actions,
    next_status,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.outbox import record_event
from resolvers.status_words import practice_status
from resolvers.wording import say


@dataclass(frozen=True)
class Step:
    action: Action
    as_system: bool = False
    """The platform takes this step (e.g. acquiring a practice right after the citizen sends it)."""


def advance(
    current: PracticeStatus, action: Action, actors: Sequence[Actor], switches: ServiceSwitches
) -> tuple[PracticeStatus, Actor]:
    """The status after the first of the viewer's roles that may take `action`.

    When none may, the refusal that says the most is raised: a rule that exists but is off
    for the service beats one that exists for another actor, which beats no rule at all.
    """
    refusals: list[TransitionRefused] = []
    for actor in actors:
        try:
            return next_status(current, action, actor, switches), actor
        except TransitionRefused as refusal:
            refusals.append(refusal)
    if not refusals:
        raise TransitionRefused(RefusalCode.NOT_ALLOWED_FOR_ACTOR, f"{action} is not yours to do")
    rank = [
        RefusalCode.DISABLED_FOR_SERVICE,
        RefusalCode.NOT_ALLOWED_FOR_ACTOR,
        RefusalCode.NOT_ALLOWED_FROM_STATUS,
    ]
    raise min(refusals, key=lambda refusal: rank.index(refusal.code))


HOLDER_ONLY_EXEMPT = frozenset({Action.REASSIGN})
"""What an operator may do to a practice another operator holds: take it over."""


def actors_for(ctx: Context, scope: StaffScope, practice: Practice, action: Action) -> list[Actor]:
    """The viewer's roles that may take `action`: an operator acts on a practice another
    operator holds only by reassigning it."""
    actors = actors_of(ctx.viewer, scope, practice)
    if action not in HOLDER_ONLY_EXEMPT and held_by_another(ctx.viewer, scope, practice):
        actors = [actor for actor in actors if actor is not Actor.OPERATOR]
    return actors


def viewer_actions(
    ctx: Context, scope: StaffScope, practice: Practice, switches: ServiceSwitches
) -> list[Action]:
    """What the viewer may do to the practice now (`Practice.availableTransitions`)."""
    return [
        action
        for action in Action
        if any(
            action in available_actions(practice.status, actor, switches)
            for actor in actors_for(ctx, scope, practice, action)
        )
    ]


def refused_step(
    ctx: Context,
    scope: StaffScope,
    practice: Practice,
    status: PracticeStatus,
    switches: ServiceSwitches,
    step: Step,
    refusal: TransitionRefused,
) -> Problem:
    """Why the step was refused; HELD_BY_ANOTHER when only the hold of another operator
    stands in the way of one of the practice's operators."""
    held = not step.as_system and held_by_another(ctx.viewer, scope, practice)
    if held and Actor.OPERATOR in actors_of(ctx.viewer, scope, practice):
        try:
            next_status(status, step.action, Actor.OPERATOR, switches)
        except TransitionRefused:
            pass
        else:
            message = say(
                "Another operator is handling this application: assign it to yourself first."
            )
            return Problem(None, ErrorCode.HELD_BY_ANOTHER, message)
    return Problem(None, ErrorCode.TRANSITION_NOT_ALLOWED, refusal_message(refusal, status))


def refusal_message(refusal: TransitionRefused, status: PracticeStatus) -> str:
    """Why a step is refused, for the person who tried it (the domain's own text names the
    action and the status by their codes)."""
    if refusal.code is RefusalCode.DISABLED_FOR_SERVICE:
        return say("This service does not allow this step.")
    if refusal.code is RefusalCode.NOT_ALLOWED_FOR_ACTOR:
        return say("You may not take this step on this application.")
    return say(
        "This step is not possible while the application is in the state “{status}”.",
        status=practice_status(status),
    )


def event_payload(practice: Practice, change: PracticeStatusChange | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "practice_id": str(practice.id),
        "number": practice.number,
        "service_id": str(practice.service_id),
        "applicant_id": str(practice.applicant_id),
        "status": practice.status.name,
        "status_code": practice.status.code,
    }
    if change is not None:
        payload |= {
            "action": change.action.value,
            "from_status": change.from_status.name if change.from_status else None,
            "to_status": change.to_status.name,
            "actor": change.actor.value,
            "actor_id": str(change.actor_id) if change.actor_id else None,
            "message": change.message,
        }
    return payload


async def apply_steps(
    session: AsyncSession,
    ctx: Context,
    practice: Practice,
    switches: ServiceSwitches,
    steps: Sequence[Step],
    *,
    message: str | None = None,
    changes: dict[str, Any] | None = None,
    attachments: Sequence[uuid.UUID] = (),
) -> Outcome[Practice]:
    """Take `steps` in order from the practice's status, writing history and events.

    `changes` are other columns set in the same guarded update; `message` and `attachments`
    (uploaded files) go with the viewer's own step. On refusal nothing is written; the
    caller's transaction decides the rest.
    """
    scope = await ctx.staff_scope(session)
    expected = practice.status
    status = expected
    taken: list[tuple[Step, PracticeStatus, PracticeStatus, Actor]] = []
    for step in steps:
        actors = [Actor.SYSTEM] if step.as_system else actors_for(ctx, scope, practice, step.action)
        try:
            target, actor = advance(status, step.action, actors, switches)
        except TransitionRefused as refusal:
            problem = refused_step(ctx, scope, practice, status, switches, step, refusal)
            return Outcome.failed(problem)
        taken.append((step, status, target, actor))
        status = target

    now = utcnow()
    values: dict[str, Any] = {
        "status": status,
        "version": col(Practice.version) + len(taken),
        "updated_at": now,
        **(changes or {}),
    }
    if status is not expected:
        values["status_changed_at"] = now
    updated = (
        await session.exec(
            update(Practice)
            .where(
                col(Practice.id) == practice.id,
                col(Practice.tenant_id) == ctx.tenant.id,
                col(Practice.status) == expected,
            )
            .values(**values)
            .returning(col(Practice.id))
            .execution_options(synchronize_session=False)
        )
    ).first()
    if updated is None:
        return Outcome.failed(await changed_meanwhile(session, practice.id))
    await session.refresh(practice)

    version = practice.version - len(taken)
    for step, before, after, actor in taken:
        version += 1
        change = PracticeStatusChange(
            tenant_id=ctx.tenant.id,
            practice_id=practice.id,
            action=step.action,
            from_status=before,
            to_status=after,
            actor=actor,
            actor_id=None if actor is Actor.SYSTEM else ctx.viewer.user_id,
            office_id=practice.office_id,
            message=message if actor is not Actor.SYSTEM else None,
        )
        session.add(change)
        if attachments and actor is not Actor.SYSTEM:
            await session.flush()
            await session.exec(
                update(StoredFile)
                .where(col(StoredFile.id).in_(attachments))
                .values(status_change_id=change.id)
            )
            attachments = ()
        record_event(
            session,
            ctx.tenant.id,
            "practice.status_changed",
            practice.id,
            version,
            event_payload(practice, change),
        )
    return Outcome(practice)


async def changed_meanwhile(session: AsyncSession, practice_id: uuid.UUID) -> Problem:
    now = await session.scalar(select(col(Practice.status)).where(Practice.id == practice_id))
    if not isinstance(now, PracticeStatus):
        message = say("This application no longer exists.")
    else:
        message = say(
            "The application changed meanwhile: it is now in the state “{status}”. Reload the "
            "page and try again.",
            status=practice_status(now),
        )
    return Problem(None, ErrorCode.TRANSITION_NOT_ALLOWED, message)
