"""Alembic environment: runs the migrations on the async engine of the configured database."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import models  # noqa: F401  (registers every table on SQLModel.metadata)
from resolvers.jobs import QUEUE_SCHEMA
from server.database import create_engine

target_metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Autogenerate compares the models only: the job queue's objects (schema `job_queue`,
    pgqueuer's own SQL in migration 0003) are no models and must not look like removed ones."""
    if type_ == "schema":
        return name != QUEUE_SCHEMA
    if type_ == "table":
        return parent_names.get("schema_name") != QUEUE_SCHEMA and not (name or "").startswith(
            "pgqueuer"
        )
    return True


def run_on_connection(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine = create_engine(context.config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(run_on_connection)
    await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `sportello migrate`")
asyncio.run(run_online())
