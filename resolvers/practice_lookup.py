"""Finding a practice the viewer may read, and the service switches its machine runs on."""

from __future__ import annotations

import uuid

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.practices import is_applicant, may_read_practice, works_on
from models.catalogue import Service
from models.form import FormVersion
from models.practice import Practice
from models.practice_states import ServiceSwitches
from resolvers.context import Context
from resolvers.errors import ErrorCode, Problem
from resolvers.wording import say


def switches_of(service: Service, practice: Practice) -> ServiceSwitches:
    """The service switches the state machine needs.

    Payment before submission is not modelled yet (the payments issue brings its modes), so
    practices go straight to PRE_SUBMIT; `has_payment` is the practice's own flag.
    """
    return ServiceSwitches(
        protocol_required=service.protocol_required,
        allow_withdraw=service.allow_withdraw,
        allow_reopening=service.allow_reopening,
        allow_integration_request=service.allow_integration_request,
        has_payment=practice.has_payment,
    )


async def find_practice(
    session: AsyncSession, ctx: Context, practice_id: uuid.UUID, *, for_update: bool = False
) -> Practice | None:
    """The practice if it exists in this tenant and the viewer may read it."""
    statement = select(Practice).where(
        Practice.id == practice_id, Practice.tenant_id == ctx.tenant.id
    )
    if for_update:
        statement = statement.with_for_update()
    practice = (await session.exec(statement)).first()
    if practice is None:
        return None
    scope = await ctx.staff_scope(session)
    return practice if may_read_practice(ctx.viewer, scope, practice) else None


async def staff_view(ctx: Context, practice: Practice) -> bool:
    """Whether the viewer sees a practice they may read as its office does: internal notes,
    every file. Whoever may read a practice without having applied for it works on it, so the
    scope is read only for an applicant who is staff too."""
    if not is_applicant(ctx.viewer, practice.applicant_id):
        return True
    if not ctx.viewer.is_staff_of(ctx.tenant.slug):
        return False
    return works_on(await ctx.staff_scope(), practice)


async def get_practice(ctx: Context, practice_id: uuid.UUID) -> Practice | None:
    async with ctx.db() as session:
        return await find_practice(session, ctx, practice_id)


def not_found(field: str = "id") -> Problem:
    return Problem(field, ErrorCode.NOT_FOUND, say("This application does not exist."))


async def pinned_form(ctx: Context, practice: Practice) -> FormVersion | None:
    """The form version the practice is filled against, read once per request."""
    return await ctx.loaders.form_version.load((practice.form_id, practice.form_version))
