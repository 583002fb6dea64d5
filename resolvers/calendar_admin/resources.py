"""Bookable resources and their own calendars (admins)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.booking import Calendar, CalendarKind, Resource
from models.clock import utcnow
from resolvers.calendar_admin.common import (
    GRANULARITY_MINUTES,
    MAX_RESOURCE_SLUG,
    RESOURCE_CALENDAR_PREFIX,
    Related,
    check_required,
    forget,
    outside,
    save_row,
)
from resolvers.catalogue_admin import (
    Changes,
    check_name_required,
    check_slug,
    check_translations,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import ADDRESS, MAX_BOOKING_MINUTES, too_long
from resolvers.tenant_admin import is_image_address
from resolvers.wording import say


def check_resource(resource: Resource) -> list[Problem]:
    """The resource's booking rules as they would be after the changes."""
    problems = [
        *outside("capacity", resource.capacity, 1),
        *outside("granularityMinutes", resource.granularity_minutes, *GRANULARITY_MINUTES),
        *outside("minimumMinutes", resource.minimum_minutes, 1),
        *outside("maximumMinutes", resource.maximum_minutes, 1, MAX_BOOKING_MINUTES),
        *outside("bufferMinutes", resource.buffer_minutes, 0),
        *outside("pricePerHourCents", resource.price_per_hour_cents, 0),
    ]
    if resource.minimum_minutes > resource.maximum_minutes:
        message = say("The maximum duration must not be shorter than the minimum duration.")
        problems.append(Problem("maximumMinutes", ErrorCode.INVALID, message))
    grid = resource.granularity_minutes
    if grid >= 1:
        for name, minutes in (
            ("minimumMinutes", resource.minimum_minutes),
            ("maximumMinutes", resource.maximum_minutes),
        ):
            if minutes % grid:
                message = say(
                    "It must be a multiple of the booking step ({minutes} minutes).", minutes=grid
                )
                problems.append(Problem(name, ErrorCode.INVALID, message))
    return problems


def resource_calendar(ctx: Context, moderated: bool | None) -> Related:
    """Create the resource's own calendar with it, or keep that calendar's name, slug and
    moderation in step with the resource's."""

    async def write(session: AsyncSession, resource: Any) -> None:
        if resource.calendar_id is None:
            calendar = Calendar(
                tenant_id=ctx.tenant.id,
                slug=RESOURCE_CALENDAR_PREFIX + resource.slug,
                kind=CalendarKind.VARIABLE_SLOTS,
                booking_window_days=90,
                moderated=bool(moderated),
            )
            session.add(calendar)
            resource.calendar_id = calendar.id
        else:
            found = await session.get(Calendar, resource.calendar_id)
            assert found is not None  # the foreign key sees to it
            calendar = found
            if moderated is not None:
                calendar.moderated = moderated
        calendar.slug = RESOURCE_CALENDAR_PREFIX + resource.slug
        calendar.name = resource.name
        calendar.updated_at = utcnow()
        # the calendar first: the resource refers to it
        await session.flush([calendar])

    return write


def check_place(changes: Changes) -> list[Problem]:
    """Its address and photo, as sent (blank ones are taken as none)."""
    for name in ("address", "photo_url"):
        if name in changes:
            changes[name] = (changes[name] or "").strip() or None
    photo = changes.get("photo_url")
    problems = too_long("address", changes.get("address"), ADDRESS)
    if photo is not None and not is_image_address(photo, secure_only=True):
        message = say("Use an https address, or a path on this server starting with /.")
        problems.append(Problem("photoUrl", ErrorCode.INVALID, message))
    return problems


async def save_resource(
    ctx: Context, resource_id: uuid.UUID | None, changes: Changes
) -> Outcome[Resource]:
    moderated = changes.pop("moderated", None)
    creating = resource_id is None
    problems = [
        *check_required(changes, creating, "slug", "kind", "capacity"),
        # its calendar's slug has the prefix in front, within the same 100 characters
        *(check_slug(changes) or too_long("slug", changes.get("slug"), MAX_RESOURCE_SLUG)),
        *check_name_required(ctx, changes, creating),
        *check_translations(
            ctx, changes, ("name", "description", "photo_alt", "payment_instructions")
        ),
        *check_place(changes),
    ]
    outcome = await save_row(
        ctx,
        Resource,
        resource_id,
        changes,
        problems,
        check_resource,
        resource_calendar(ctx, moderated),
    )
    if outcome.value is not None:
        ctx.loaders.resource.prime(outcome.value.id, outcome.value, force=True)
        forget(ctx.loaders.calendar, outcome.value.calendar_id)
    return outcome


async def create_resource(ctx: Context, changes: Changes) -> Outcome[Resource]:
    """A resource and its own calendar of variable slots; set its opening hours on that."""
    return await save_resource(ctx, None, changes)


async def update_resource(
    ctx: Context, resource_id: uuid.UUID, changes: Changes
) -> Outcome[Resource]:
    return await save_resource(ctx, resource_id, changes)
