"""Offices: listing them (public), creating and changing them (admins)."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

from sqlmodel import col, select

from models.office import Office, ServiceOffice
from resolvers.calendar_admin.common import (
    EMAIL,
    PHONE,
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
from resolvers.context import Context
from resolvers.errors import ADMINS_ONLY, ErrorCode, Outcome, Problem
from resolvers.limits import ADDRESS, too_long
from resolvers.pagination import Page, PageRequest, SortKey, keyset_page


async def list_offices(ctx: Context, page: PageRequest, with_total: bool) -> Page[Office]:
    """The municipality's offices by slug."""
    async with ctx.db() as session:
        return await keyset_page(
            session,
            select(Office).where(col(Office.tenant_id) == ctx.tenant.id),
            SortKey(col(Office.slug)),
            col(Office.id),
            page,
            lambda row: row[0],
            with_total,
        )


def check_contacts(contacts: dict[str, str] | None) -> list[Problem]:
    problems = []
    for name, value in (contacts or {}).items():
        if name in ("email", "pec"):
            valid = len(value) <= 254 and EMAIL.match(value) is not None
        elif name == "phone":
            valid = PHONE.match(value) is not None
        else:
            parts = urlsplit(value)
            valid = len(value) <= 500 and parts.scheme in ("http", "https") and bool(parts.netloc)
        if not valid:
            problems.append(Problem(f"contacts.{name}", ErrorCode.INVALID, "not a valid " + name))
    return problems


async def save_office(
    ctx: Context, office_id: uuid.UUID | None, changes: Changes
) -> Outcome[Office]:
    if not ctx.viewer.is_tenant_admin_of(ctx.tenant.slug):
        return Outcome.failed(ADMINS_ONLY)
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
