"""The municipality's operators: the offices and services they are bound to, who may be given
a practice, and the list of colleagues the operators' app offers as assignees."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass

from sqlalchemy import delete, exists
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.scope import StaffScope
from models.catalogue import Service
from models.office import Office, OperatorOffice, OperatorService, ServiceOffice
from models.practice import Practice
from models.user import Role, User, UserKind
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page
from resolvers.wording import say

MAX_BINDINGS = 100
"""Offices, and services, one operator may be bound to."""


async def handling_office(session: AsyncSession, service_id: uuid.UUID) -> uuid.UUID | None:
    """The office a new practice of the service belongs to: of those handling the service, the
    first by slug (a service usually has one); None when no office handles it, and then only
    the tenant's admins see the practice until they give it to an operator."""
    return (
        await session.exec(
            select(Office.id)
            .join(ServiceOffice, col(ServiceOffice.office_id) == col(Office.id))
            .where(ServiceOffice.service_id == service_id)
            .order_by(col(Office.slug))
            .limit(1)
        )
    ).first()


async def scope_of_operator(session: AsyncSession, operator: User) -> StaffScope:
    rows = await session.exec(
        select(OperatorOffice.office_id).where(OperatorOffice.user_id == operator.id)
    )
    services = await session.exec(
        select(OperatorService.service_id).where(OperatorService.user_id == operator.id)
    )
    service_ids = frozenset(services.all())
    return StaffScope(office_ids=frozenset(rows.all()), service_ids=service_ids or None)


async def office_for_assignee(
    session: AsyncSession, operator: User, practice: Practice, keep_office: bool
) -> uuid.UUID | Problem | None:
    """The office the practice belongs to once `operator` holds it: its own office if the
    operator works there (a tenant admin works everywhere); with `keep_office` False (the
    tenant's admins assigning) another office of the operator's that handles the service, or
    any of theirs for a practice no office had. A problem when the operator may not hold it."""
    message = say("This operator does not work on this application.")
    refused = Problem("operatorId", ErrorCode.FORBIDDEN, message)
    if Role.TENANT_ADMIN in operator.roles:
        return practice.office_id
    scope = await scope_of_operator(session, operator)
    if scope.covers_practice(practice.office_id, practice.service_id):
        assert practice.office_id is not None
        return practice.office_id
    if keep_office or (
        scope.service_ids is not None and practice.service_id not in scope.service_ids
    ):
        return refused
    handling = select(ServiceOffice.office_id).where(
        ServiceOffice.office_id == Office.id, ServiceOffice.service_id == practice.service_id
    )
    candidates = select(Office.id).where(col(Office.id).in_(sorted(scope.office_ids)))
    if practice.office_id is not None:
        candidates = candidates.where(exists(handling))
    office = (
        await session.exec(candidates.order_by(~exists(handling), col(Office.slug)).limit(1))
    ).first()
    return office or refused


@dataclass(frozen=True)
class StaffFilter:
    office_id: uuid.UUID | None = None


async def list_staff(
    ctx: Context, where: StaffFilter, page: PageRequest, with_total: bool
) -> Page[User]:
    """Operators of the viewer's offices (every operator for the tenant's admins), by name;
    empty for anyone else."""
    scope = await ctx.staff_scope()
    if not scope.staff:
        return Page([], False, False, 0 if with_total else None)
    statement = select(User).where(
        User.tenant_id == ctx.tenant.id, User.kind != UserKind.CITIZEN, col(User.active)
    )
    offices = set(scope.office_ids) if not scope.everything else None
    if where.office_id is not None:
        offices = {where.office_id} if offices is None else offices & {where.office_id}
    if offices is not None:
        bound = select(OperatorOffice.user_id).where(
            OperatorOffice.user_id == User.id, col(OperatorOffice.office_id).in_(sorted(offices))
        )
        statement = statement.where(exists(bound))
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            SortKey(col(User.family_name) + " " + col(User.given_name)),
            col(User.id),
            page,
            lambda row: row[0],
            with_total,
        )


@dataclass(frozen=True)
class Binding:
    operator_id: uuid.UUID
    office_ids: Sequence[uuid.UUID]
    service_ids: Sequence[uuid.UUID] = ()
    """Empty: every service of those offices."""


def binding_problems(binding: Binding) -> list[Problem]:
    problems = []
    for name, ids in (("officeIds", binding.office_ids), ("serviceIds", binding.service_ids)):
        if len(ids) > MAX_BINDINGS:
            message = say("Give at most {count} items.", count=MAX_BINDINGS)
            problems.append(Problem(name, ErrorCode.INVALID, message))
    return problems


async def bind_operator(ctx: Context, binding: Binding) -> Outcome[User]:
    """Replace the offices and services an operator works on (admins only)."""
    if problems := binding_problems(binding):
        return Outcome.failed(*problems)
    office_ids, service_ids = set(binding.office_ids), set(binding.service_ids)
    async with ctx.db() as session, session.begin():
        operator = await session.get(User, binding.operator_id, with_for_update=True)
        if operator is None or operator.tenant_id != ctx.tenant.id:
            message = say("This operator does not exist.")
            return Outcome.failed(Problem("operatorId", ErrorCode.NOT_FOUND, message))
        if operator.kind == UserKind.CITIZEN:
            message = say("A citizen's account cannot work in an office.")
            return Outcome.failed(Problem("operatorId", ErrorCode.INVALID, message))
        problems = [
            *await missing(session, ctx, Office, office_ids, "officeIds", "office"),
            *await missing(session, ctx, Service, service_ids, "serviceIds", "service"),
        ]
        if problems:
            return Outcome.failed(*problems)
        await session.exec(delete(OperatorOffice).where(col(OperatorOffice.user_id) == operator.id))
        await session.exec(
            delete(OperatorService).where(col(OperatorService.user_id) == operator.id)
        )
        session.add_all(OperatorOffice(user_id=operator.id, office_id=i) for i in office_ids)
        session.add_all(OperatorService(user_id=operator.id, service_id=i) for i in service_ids)
    with suppress(KeyError):  # what the request's loader holds of the operator is stale now
        ctx.loaders.operator_offices.clear(operator.id)
    return Outcome(operator)


async def missing(
    session: AsyncSession,
    ctx: Context,
    model: type[Office] | type[Service],
    ids: set[uuid.UUID],
    field: str,
    what: str,
) -> list[Problem]:
    """A problem for each id that is not one of the tenant's `model` rows."""
    if not ids:
        return []
    found = set(
        (
            await session.exec(
                select(model.id).where(model.tenant_id == ctx.tenant.id, col(model.id).in_(ids))
            )
        ).all()
    )
    return [Problem(field, ErrorCode.NOT_FOUND, unknown(what, i)) for i in sorted(ids - found)]


def unknown(what: str, row_id: uuid.UUID) -> str:
    if what == "office":
        return say("There is no office with the id {id}.", id=row_id)
    return say("There is no service with the id {id}.", id=row_id)
