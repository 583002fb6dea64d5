"""Idempotency keys: a creating mutation sent twice with one key writes once.

The key row is inserted in the mutation's own transaction. A concurrent request with the same
key waits on the primary key until the first commits (then it replays the first result) or
rolls back (then it proceeds as if it were first): PostgreSQL queues them, not Python.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from models.idempotency import IdempotencyKey
from resolvers.errors import ErrorCode, Problem
from resolvers.wording import say

MAX_KEY_LENGTH = 100


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming a key: go ahead, replay an earlier result, or refuse."""

    replay: dict[str, Any] | None = None
    problem: Problem | None = None

    @property
    def first(self) -> bool:
        return self.replay is None and self.problem is None


def request_hash(operation: str, request: dict[str, Any]) -> str:
    canonical = json.dumps([operation, request], sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


async def claim(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    key: str | None,
    operation: str,
    request: dict[str, Any],
) -> Claim:
    """Reserve `key` for this request inside the caller's transaction (no key: always first)."""
    if key is None:
        return Claim()
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        message = say("An idempotency key has 1 to {count} characters.", count=MAX_KEY_LENGTH)
        return Claim(problem=Problem("idempotencyKey", ErrorCode.INVALID, message))
    digest = request_hash(operation, request)
    inserted = await session.exec(
        insert(IdempotencyKey)
        .values(
            tenant_id=tenant_id,
            user_id=user_id,
            key=key,
            operation=operation,
            request_hash=digest,
        )
        .on_conflict_do_nothing()
        .returning(col(IdempotencyKey.key))
    )
    if inserted.first() is not None:
        return Claim()
    earlier = (
        await session.exec(
            select(IdempotencyKey).where(
                IdempotencyKey.tenant_id == tenant_id,
                IdempotencyKey.user_id == user_id,
                IdempotencyKey.key == key,
            )
        )
    ).one()
    if earlier.operation != operation or earlier.request_hash != digest:
        message = say("This idempotency key was already used for a different request.")
        return Claim(problem=Problem("idempotencyKey", ErrorCode.IDEMPOTENCY_KEY_REUSED, message))
    return Claim(replay=earlier.result)


async def remember(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    key: str | None,
    result: dict[str, Any],
) -> None:
    """Store what the first request returned, in the same transaction as its writes."""
    if key is None:
        return
    row = await session.get(IdempotencyKey, (tenant_id, user_id, key))
    if row is not None:
        row.result = result
        session.add(row)
