"""What the admin use cases of offices, calendars and resources share: limits, checks, saving."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from datetime import time
from typing import Any, TypeVar

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from models.booking import Calendar, Resource, ServiceCalendar
from models.clock import utcnow
from models.office import Office, ServiceOffice
from resolvers.catalogue_admin import (
    Changes,
    camel,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.wording import say

HOLD_MINUTES = (1, 120)
SLOT_MINUTES = (5, 480)
BUFFER_MINUTES = (0, 480)
DESKS = (1, 50)
GRANULARITY_MINUTES = (5, 480)
MAX_OPENING_HOURS = 50
"""Rows one calendar may have: several ranges a day, summer and winter hours, with room."""
RESOURCE_CALENDAR_PREFIX = "risorsa-"
"""A resource's own calendar is named after it: `risorsa-<resource slug>`."""
MAX_RESOURCE_SLUG = 100 - len(RESOURCE_CALENDAR_PREFIX)
MIDNIGHT = time(0)
UNIQUE_VIOLATION = "23505"


def forget(loader: DataLoader[uuid.UUID, Any], key: uuid.UUID) -> None:
    """Drop what the request's loader holds for `key`, if anything: it is stale now."""
    with suppress(KeyError):  # strawberry's cache deletes with `del`
        loader.clear(key)


def not_found(name: str, what: str) -> Problem:
    """NOT_FOUND for the `what` ("service", "office" or "calendar") named in `name`."""
    messages = {
        "service": say("This service does not exist."),
        "office": say("This office does not exist."),
        "calendar": say("This calendar does not exist."),
    }
    return Problem(name, ErrorCode.NOT_FOUND, messages[what])


def outside(name: str, value: int | None, low: int, high: int | None = None) -> list[Problem]:
    """A problem when `value` (if given) is not within `low`..`high` (no upper bound: None)."""
    if value is None or (low <= value and (high is None or value <= high)):
        return []
    if high is None:
        message = say("It must be at least {low}.", low=low)
    else:
        message = say("It must be between {low} and {high}.", low=low, high=high)
    return [Problem(name, ErrorCode.INVALID, message)]


def check_required(changes: Changes, creating: bool, *names: str) -> list[Problem]:
    """A new row needs these attributes."""
    missing = [name for name in names if creating and changes.get(name) is None]
    return [
        Problem(camel(name), ErrorCode.REQUIRED, say("This field is required.")) for name in missing
    ]


async def check_services(ctx: Context, service_ids: list[uuid.UUID] | None) -> list[Problem]:
    if not service_ids:
        return []
    found = await ctx.loaders.service.load_many(service_ids)
    return [
        not_found(f"serviceIds[{index}]", "service")
        for index, service in enumerate(found)
        if service is None
    ]


Owned = TypeVar("Owned", Office, Calendar, Resource)
Related = Callable[[AsyncSession, Any], Awaitable[None]]
"""Writes that go with a row in its transaction: links to services, a resource's calendar."""


def is_unique_violation(error: IntegrityError) -> bool:
    return getattr(error.orig, "sqlstate", None) == UNIQUE_VIOLATION


async def save_row(
    ctx: Context,
    model: type[Owned],
    row_id: uuid.UUID | None,
    changes: Changes,
    problems: list[Problem],
    row_checks: Callable[[Owned], list[Problem]],
    related: Related | None = None,
) -> Outcome[Owned]:
    """Create (no id) or update a row of the tenant, and what goes with it, in one transaction.

    As `catalogue_admin.persist`, but the problems found in the input so far are reported
    together with those of the row as it would become, and related rows are written with it.
    """
    row: Owned
    async with ctx.db() as session:
        if row_id is None:
            row = model(tenant_id=ctx.tenant.id, **changes)
            session.add(row)
        else:
            found = await session.get(model, row_id)
            if found is None or found.tenant_id != ctx.tenant.id:
                message = say("This item does not exist.")
                return Outcome.failed(Problem("id", ErrorCode.NOT_FOUND, message))
            row = found
            for name, value in changes.items():
                setattr(row, name, value)
        problems = [*problems, *row_checks(row)]
        if problems:
            return Outcome.failed(*problems)
        row.updated_at = utcnow()
        try:
            if related is not None:
                await related(session, row)
            await session.commit()
        except IntegrityError as error:
            if not is_unique_violation(error):
                raise
            message = say("Another item of this municipality already has this slug.")
            return Outcome.failed(Problem("slug", ErrorCode.UNIQUE, message))
    return Outcome(row)


def linking_services(
    link: type[ServiceOffice] | type[ServiceCalendar], owner: str, service_ids: list[uuid.UUID]
) -> Related:
    """Replace the services linked to the row (an office's or a calendar's) with these."""

    async def write(session: AsyncSession, row: Any) -> None:
        await session.flush()  # the row first: the links refer to it
        await session.exec(delete(link).where(col(getattr(link, owner)) == row.id))
        session.add_all(
            link(service_id=service_id, **{owner: row.id})
            for service_id in dict.fromkeys(service_ids)
        )

    return write
