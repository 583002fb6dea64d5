"""Writing outbox events, always inside the transaction of the change they announce."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from models.outbox import Event


def record_event(
    session: AsyncSession,
    tenant_id: uuid.UUID,
    event_type: str,
    aggregate_id: uuid.UUID,
    aggregate_version: int,
    payload: dict[str, Any],
) -> Event:
    event = Event(
        tenant_id=tenant_id,
        type=event_type,
        aggregate_id=aggregate_id,
        aggregate_version=aggregate_version,
        payload=payload,
    )
    session.add(event)
    return event
