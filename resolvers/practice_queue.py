"""Lists of practices: a citizen's own, and the work queue of the tenant's staff."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from sqlalchemy import ColumnElement, and_, exists, false, func, or_
from sqlmodel import col, select

from models.office import OperatorOffice, OperatorService
from models.practice import Message, MessageVisibility, Practice
from models.practice_states import PracticeStatus
from models.user import User
from resolvers.context import Context
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page


class PracticeSortField(Enum):
    SUBMITTED_AT = "SUBMITTED_AT"
    """When sent (drafts: when created)."""
    UPDATED_AT = "UPDATED_AT"
    CREATED_AT = "CREATED_AT"
    NUMBER = "NUMBER"


@dataclass(frozen=True)
class PracticeFilter:
    service_ids: list[uuid.UUID] = field(default_factory=list)
    statuses: list[PracticeStatus] = field(default_factory=list)
    office_ids: list[uuid.UUID] = field(default_factory=list)
    assignee_ids: list[uuid.UUID] = field(default_factory=list)
    unassigned: bool | None = None
    submitted_from: datetime | None = None
    submitted_until: datetime | None = None
    applicant: str | None = None
    """Part of the applicant's name, or their fiscal code."""
    mine: bool = False
    """Only the practices the viewer applied for (staff who are citizens too)."""
    unread: bool | None = None
    """With (True) or without (False) messages the viewer has not read, as `unreadCount`."""


def sort_key(sort: PracticeSortField, descending: bool) -> SortKey:
    if sort is PracticeSortField.NUMBER:
        return SortKey(func.coalesce(col(Practice.number), ""), descending)
    expression = {
        PracticeSortField.SUBMITTED_AT: func.coalesce(
            col(Practice.submitted_at), col(Practice.created_at)
        ),
        PracticeSortField.UPDATED_AT: col(Practice.updated_at),
        PracticeSortField.CREATED_AT: col(Practice.created_at),
    }[sort]
    return SortKey(expression, descending, kind="datetime")


def applicant_clause(text: str) -> ColumnElement[bool]:
    words = func.sportello_unaccent(
        func.lower(func.concat_ws(" ", col(User.given_name), col(User.family_name)))
    )
    pattern = "%" + text.strip().lower().replace("%", r"\%").replace("_", r"\_") + "%"
    return or_(
        col(User.fiscal_code) == text.strip().upper(),
        words.like(func.sportello_unaccent(pattern)),
    )


def worked_clause(ctx: Context) -> ColumnElement[bool]:
    """The sent practices the viewer works on (`auth.scope.StaffScope` as SQL, so a list needs
    no statement of its own for it): every one for the tenant's admins; for an operator, those of
    their offices, and of their services if they are bound to some; none for anyone else."""
    sent = col(Practice.status) != PracticeStatus.DRAFT
    if ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return sent
    if not ctx.viewer.is_staff_of(ctx.tenant.slug):
        return false()
    me = ctx.viewer.user_id
    offices = select(OperatorOffice.office_id).where(OperatorOffice.user_id == me)
    services = select(OperatorService.service_id).where(OperatorService.user_id == me)
    return and_(
        sent,
        col(Practice.office_id).in_(offices),
        or_(~exists(services), col(Practice.service_id).in_(services)),
    )


def scope_clauses(ctx: Context, where: PracticeFilter) -> list[ColumnElement[bool]]:
    """Whose practices the viewer may list: their own, and (staff) the sent ones they work."""
    clauses: list[ColumnElement[bool]] = [col(Practice.tenant_id) == ctx.tenant.id]
    mine = col(Practice.applicant_id) == ctx.viewer.user_id
    if where.mine or not ctx.viewer.is_staff_of(ctx.tenant.slug):
        clauses.append(mine)
    else:
        clauses.append(or_(worked_clause(ctx), mine))
    return clauses


def unread_clause(viewer_id: uuid.UUID) -> ColumnElement[bool]:
    """The practice has messages from the other side the viewer has not read: the office's
    for its applicant, the applicant's for the staff."""
    from_other_side = col(Message.from_applicant) == (col(Practice.applicant_id) != viewer_id)
    return exists().where(
        col(Message.practice_id) == col(Practice.id),
        col(Message.tenant_id) == col(Practice.tenant_id),
        col(Message.visibility) == MessageVisibility.APPLICANT,
        col(Message.read_at).is_(None),
        from_other_side,
    )


def filter_clauses(where: PracticeFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if where.service_ids:
        clauses.append(col(Practice.service_id).in_(where.service_ids))
    if where.statuses:
        clauses.append(col(Practice.status).in_(where.statuses))
    if where.office_ids:
        clauses.append(col(Practice.office_id).in_(where.office_ids))
    if where.assignee_ids:
        clauses.append(col(Practice.assignee_id).in_(where.assignee_ids))
    if where.unassigned is not None:
        unassigned = col(Practice.assignee_id).is_(None)
        clauses.append(unassigned if where.unassigned else ~unassigned)
    if where.submitted_from is not None:
        clauses.append(col(Practice.submitted_at) >= where.submitted_from)
    if where.submitted_until is not None:
        clauses.append(col(Practice.submitted_at) < where.submitted_until)
    return clauses


async def list_practices(
    ctx: Context,
    where: PracticeFilter,
    sort: PracticeSortField,
    descending: bool,
    page: PageRequest,
    with_total: bool,
) -> Page[Practice]:
    if ctx.viewer.user_id is None:
        return Page([], False, False, 0 if with_total else None)
    statement = select(Practice).where(and_(*scope_clauses(ctx, where), *filter_clauses(where)))
    if where.unread is not None:
        unread = unread_clause(ctx.viewer.user_id)
        statement = statement.where(unread if where.unread else ~unread)
    if where.applicant and where.applicant.strip():
        statement = statement.join(User, col(User.id) == col(Practice.applicant_id)).where(
            applicant_clause(where.applicant)
        )
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            sort_key(sort, descending),
            col(Practice.id),
            page,
            lambda row: row[0],
            with_total=with_total,
        )
