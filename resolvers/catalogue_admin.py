"""Changing the catalogue: tenant admins create and edit services and categories."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from models.catalogue import TRANSLATED_SERVICE_TEXTS, Category, Service, ServiceStatus
from models.clock import utcnow
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import TEXT, TRANSLATED_TEXT, instant_problem, tags_problems, texts_too_long
from resolvers.wording import say

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_RESPONSE_DAYS = 3650

Changes = dict[str, Any]
"""Model attribute → new value, holding only the fields the client sent."""


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def check_slug(changes: Changes) -> list[Problem]:
    slug = changes.get("slug")
    if "slug" in changes and (not slug or len(slug) > 100 or not SLUG.match(slug)):
        message = say(
            "Use 1 to 100 lowercase letters, digits and single hyphens, e.g. cambio-residenza."
        )
        return [Problem("slug", ErrorCode.INVALID, message)]
    return []


def check_translations(ctx: Context, changes: Changes, names: tuple[str, ...]) -> list[Problem]:
    """Translated texts in the tenant's languages only, each within its limit by meaning."""
    problems = []
    for name in names:
        text = changes.get(name)
        if text is None:
            continue
        problems += texts_too_long(camel(name), text, TRANSLATED_TEXT.get(name, TEXT))
        unknown = sorted(set(text) - set(ctx.tenant.languages))
        if unknown:
            problems.append(
                Problem(
                    camel(name),
                    ErrorCode.INVALID,
                    say(
                        "These languages are not enabled for this municipality: {languages}.",
                        languages=", ".join(unknown),
                    ),
                )
            )
    return problems


def check_name_required(ctx: Context, changes: Changes, creating: bool) -> list[Problem]:
    if not creating and "name" not in changes:
        return []
    name = changes.get("name") or {}
    if not (name.get(ctx.tenant.default_language) or "").strip():
        return [
            Problem(
                "name",
                ErrorCode.REQUIRED,
                say(
                    "A name in the municipality's default language ({language}) is required.",
                    language=ctx.tenant.default_language,
                ),
            )
        ]
    return []


async def check_references(ctx: Context, changes: Changes) -> list[Problem]:
    problems = []
    if changes.get("category_id") and not await ctx.loaders.category.load(changes["category_id"]):
        message = say("This category does not exist.")
        problems.append(Problem("categoryId", ErrorCode.NOT_FOUND, message))
    if changes.get("group_id") and not await ctx.loaders.service_group.load(changes["group_id"]):
        message = say("This group of services does not exist.")
        problems.append(Problem("groupId", ErrorCode.NOT_FOUND, message))
    if changes.get("form_id") and not await ctx.loaders.form.load(changes["form_id"]):
        problems.append(Problem("formId", ErrorCode.NOT_FOUND, say("This form does not exist.")))
    return problems


def check_publication_dates(changes: Changes) -> list[Problem]:
    return [
        Problem(camel(name), ErrorCode.INVALID, message)
        for name in ("publish_from", "publish_until")
        if (message := instant_problem(changes.get(name))) is not None
    ]


def check_schedule(service: Service) -> list[Problem]:
    problems = []
    days = service.max_response_days
    if days is not None and not 1 <= days <= MAX_RESPONSE_DAYS:
        problems.append(
            Problem(
                "maxResponseDays",
                ErrorCode.INVALID,
                say("It must be between {low} and {high}.", low=1, high=MAX_RESPONSE_DAYS),
            )
        )
    start, end = service.publish_from, service.publish_until
    if start and end and start >= end:
        message = say("The end of publication must be after its start.")
        problems.append(Problem("publishUntil", ErrorCode.INVALID, message))
    if service.status is ServiceStatus.SCHEDULED and start is None:
        message = say("A scheduled service needs a publication start date.")
        problems.append(Problem("publishFrom", ErrorCode.REQUIRED, message))
    return problems


Row = TypeVar("Row", Service, Category)


async def persist(
    ctx: Context,
    model: type[Row],
    row_id: uuid.UUID | None,
    changes: Changes,
    row_checks: Callable[[Row], list[Problem]],
) -> Outcome[Row]:
    """Create (no id) or update one row of the tenant in one transaction.

    Nothing is committed when a check fails; a unique violation is reported on the slug.
    """
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
        row.updated_at = utcnow()
        problems = row_checks(row)
        if problems:
            return Outcome.failed(*problems)
        try:
            await session.commit()
        except IntegrityError:
            message = say("Another item of this municipality already has this slug.")
            return Outcome.failed(Problem("slug", ErrorCode.UNIQUE, message))
    return Outcome(row)


async def save_service(
    ctx: Context, service_id: uuid.UUID | None, changes: Changes
) -> Outcome[Service]:
    problems = [
        *check_slug(changes),
        *check_name_required(ctx, changes, creating=service_id is None),
        *check_translations(ctx, changes, TRANSLATED_SERVICE_TEXTS),
        *tags_problems("topics", changes.get("topics")),
        *tags_problems("keywords", changes.get("keywords")),
        *check_publication_dates(changes),
        *await check_references(ctx, changes),
    ]
    if problems:
        return Outcome.failed(*problems)
    outcome = await persist(ctx, Service, service_id, changes, check_schedule)
    if outcome.value is not None:
        ctx.loaders.service.prime(outcome.value.id, outcome.value, force=True)
    return outcome


async def create_service(ctx: Context, changes: Changes) -> Outcome[Service]:
    if not changes.get("slug"):
        return Outcome.failed(Problem("slug", ErrorCode.REQUIRED, say("A slug is required.")))
    return await save_service(ctx, None, changes)


async def update_service(ctx: Context, service_id: uuid.UUID, changes: Changes) -> Outcome[Service]:
    return await save_service(ctx, service_id, changes)


async def set_service_status(
    ctx: Context, service_id: uuid.UUID, status: ServiceStatus, changes: Changes
) -> Outcome[Service]:
    return await save_service(ctx, service_id, {**changes, "status": status})


async def would_cycle(ctx: Context, category_id: uuid.UUID, parent_id: uuid.UUID) -> bool:
    """True when `parent_id` is the category itself or one of its descendants."""
    async with ctx.db() as session:
        rows = await session.exec(
            select(Category.id, Category.parent_id).where(Category.tenant_id == ctx.tenant.id)
        )
        parents = dict(rows.all())
    seen: set[uuid.UUID] = set()
    current: uuid.UUID | None = parent_id
    while current is not None and current not in seen:
        if current == category_id:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


async def save_category(
    ctx: Context, category_id: uuid.UUID | None, changes: Changes
) -> Outcome[Category]:
    problems = [
        *check_slug(changes),
        *check_name_required(ctx, changes, creating=category_id is None),
        *check_translations(ctx, changes, ("name", "description")),
    ]
    parent_id = changes.get("parent_id")
    if parent_id is not None:
        if not await ctx.loaders.category.load(parent_id):
            message = say("This category does not exist.")
            problems.append(Problem("parentId", ErrorCode.NOT_FOUND, message))
        elif category_id is not None and await would_cycle(ctx, category_id, parent_id):
            message = say("A category cannot be placed under itself or one of its subcategories.")
            problems.append(Problem("parentId", ErrorCode.CYCLE, message))
    if problems:
        return Outcome.failed(*problems)
    outcome = await persist(ctx, Category, category_id, changes, lambda _: [])
    if outcome.value is not None:
        ctx.loaders.category.prime(outcome.value.id, outcome.value, force=True)
    return outcome


async def create_category(ctx: Context, changes: Changes) -> Outcome[Category]:
    if not changes.get("slug"):
        return Outcome.failed(Problem("slug", ErrorCode.REQUIRED, say("A slug is required.")))
    return await save_category(ctx, None, changes)


async def update_category(
    ctx: Context, category_id: uuid.UUID, changes: Changes
) -> Outcome[Category]:
    return await save_category(ctx, category_id, changes)
