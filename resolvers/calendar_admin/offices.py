"""Offices: listing them (public), creating and changing them (admins)."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from sqlmodel import col, select

from models.office import Office, ServiceOffice
from resolvers.calendar_admin.common import (
    check_required,
    check_services,
    linking_services,
    save_row,
)
from resolvers.catalogue_admin import (
    Changes,
    check_name_required,
    check_slug,
    check_translations,
)
from resolvers.contacts import checked_email, checked_phone
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import ADDRESS, too_long
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page
from resolvers.wording import say


async def list_offices(
    ctx: Context, page: PageRequest, with_total: bool, worked_only: bool = False
) -> Page[Office]:
    """The municipality's offices by slug; with `worked_only`, those whose work the viewer
    does (every one for the tenant's admins, none for citizens)."""
    statement = select(Office).where(col(Office.tenant_id) == ctx.tenant.id)
    if worked_only:
        scope = await ctx.staff_scope()
        if not scope.everything:
            statement = statement.where(col(Office.id).in_(sorted(scope.office_ids)))
    async with ctx.db() as session:
        return await keyset_page(
            session,
            statement,
            SortKey(col(Office.slug)),
            col(Office.id),
            page,
            lambda row: row[0],
            with_total,
        )


def check_contacts(contacts: dict[str, str] | None) -> list[Problem]:
    """Problems of the office's contacts; its e-mail addresses and phone number are put into
    their one written form in `contacts` itself."""
    problems = []
    for name, value in list((contacts or {}).items()):
        field = f"contacts.{name}"
        if name == "url":
            parts = urlsplit(value)
            if not (len(value) <= 500 and parts.scheme in ("http", "https") and parts.netloc):
                message = say("This is not a valid web address, e.g. https://www.example.it.")
                problems.append(Problem(field, ErrorCode.INVALID, message))
            continue
        check = checked_phone if name == "phone" else checked_email
        written, refused = check(field, value)
        problems += refused
        if contacts is not None and written is not None:
            contacts[name] = written
    return problems


async def save_office(
    ctx: Context, office_id: uuid.UUID | None, changes: Changes
) -> Outcome[Office]:
    service_ids = changes.pop("service_ids", None)
    creating = office_id is None
    if "address" in changes:
        changes["address"] = (changes["address"] or "").strip() or None
    problems = [
        *check_required(changes, creating, "slug"),
        *check_slug(changes),
        *check_name_required(ctx, changes, creating),
        *check_translations(ctx, changes, ("name",)),
        *too_long("address", changes.get("address"), ADDRESS),
        *check_contacts(changes.get("contacts")),
        *await check_services(ctx, service_ids),
    ]
    related = (
        None if service_ids is None else linking_services(ServiceOffice, "office_id", service_ids)
    )
    outcome = await save_row(ctx, Office, office_id, changes, problems, lambda _: [], related)
    if outcome.value is not None:
        ctx.loaders.office.prime(outcome.value.id, outcome.value, force=True)
    return outcome


async def create_office(ctx: Context, changes: Changes) -> Outcome[Office]:
    return await save_office(ctx, None, changes)


async def update_office(ctx: Context, office_id: uuid.UUID, changes: Changes) -> Outcome[Office]:
    return await save_office(ctx, office_id, changes)
