"""The pages of messages of many practices at once: one statement for the pages of every
practice a list shows, one for their totals, however long the list."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from models.practice import Message, MessageVisibility
from resolvers.pagination import Edge, Page, PageRequest, SortKey, _after, encode_cursor


@dataclass(frozen=True)
class MessagePageKey:
    practice_id: uuid.UUID
    page: PageRequest
    with_internal: bool
    """Internal notes too: the viewer is staff working on the practice."""
    with_total: bool


Key = MessagePageKey
Result = Page[Message]

CONVERSATION = SortKey(col(Message.created_at), kind="datetime")
"""Oldest first, as a conversation reads; the message id breaks ties."""


def visible_clauses(
    tenant_id: uuid.UUID, practice_ids: Sequence[uuid.UUID], with_internal: bool
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [
        col(Message.practice_id).in_(practice_ids),
        col(Message.tenant_id) == tenant_id,
    ]
    if not with_internal:
        clauses.append(col(Message.visibility) == MessageVisibility.APPLICANT)
    return clauses


async def message_pages(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    practice_ids: Sequence[uuid.UUID],
    request: PageRequest,
    with_internal: bool,
    with_total: bool,
) -> dict[uuid.UUID, Result]:
    """The same page of each practice's messages, as `keyset_page` gives one practice's: the
    first `size + 1` rows after the cursors in every practice, numbered by a window."""
    clauses = visible_clauses(tenant_id, practice_ids, with_internal)
    forward = not request.backward
    id_column = col(Message.id)
    order = [CONVERSATION.expression, id_column]
    if not forward:
        order = [column.desc() for column in order]
    position = func.row_number().over(partition_by=col(Message.practice_id), order_by=order)
    ranked = select(Message, position.label("position")).where(*clauses)
    if request.after is not None:
        ranked = ranked.where(_after(CONVERSATION, id_column, request.after, forward=True))
    if request.before is not None:
        ranked = ranked.where(_after(CONVERSATION, id_column, request.before, forward=False))
    numbered = ranked.subquery()
    message = aliased(Message, numbered)
    rows = await session.exec(
        select(message)
        .where(numbered.c.position <= request.size + 1)
        .order_by(numbered.c.practice_id, numbered.c.position)
    )
    found: dict[uuid.UUID, list[Message]] = defaultdict(list)
    for row in rows:
        found[row.practice_id].append(row)

    totals: dict[uuid.UUID, int] = {}
    if with_total:
        counted = await session.exec(
            select(col(Message.practice_id), func.count())
            .where(*clauses)
            .group_by(col(Message.practice_id))
        )
        totals = dict(counted.all())

    pages = {}
    for practice_id in practice_ids:
        messages = found.get(practice_id, [])
        has_more = len(messages) > request.size
        messages = messages[: request.size]
        if not forward:
            messages.reverse()
        edges = [Edge(encode_cursor(row.created_at, row.id), row) for row in messages]
        total = totals.get(practice_id, 0) if with_total else None
        if forward:
            pages[practice_id] = Page(edges, has_more, request.after is not None, total)
        else:
            pages[practice_id] = Page(edges, request.before is not None, has_more, total)
    return pages


def message_pages_loader(
    sessions: async_sessionmaker[AsyncSession], tenant_id: uuid.UUID
) -> DataLoader[Key, Result]:
    """Pages of messages by practice: one batch per set of paging arguments and visibility,
    which in a list of practices is one for all of them."""

    async def load(keys: list[Key]) -> list[Result]:
        batches: dict[tuple[PageRequest, bool, bool], list[uuid.UUID]] = defaultdict(list)
        for key in keys:
            batches[(key.page, key.with_internal, key.with_total)].append(key.practice_id)
        pages: dict[Key, Result] = {}
        async with sessions() as session:
            for (request, with_internal, with_total), practice_ids in batches.items():
                batch = await message_pages(
                    session, tenant_id, practice_ids, request, with_internal, with_total
                )
                for practice_id, page in batch.items():
                    pages[Key(practice_id, request, with_internal, with_total)] = page
        return [pages[key] for key in keys]

    return DataLoader(load_fn=load)
