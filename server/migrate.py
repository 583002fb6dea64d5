"""Applies the Alembic migrations to a database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from server.database import create_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database to `revision` (the latest by default). Blocks: call off the event loop."""
    command.upgrade(alembic_config(database_url), revision)


def head_revision() -> str | None:
    """The newest revision among the migrations shipped with this code."""
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


async def database_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None when it was never migrated."""
    async with engine.connect() as connection:
        exists = await connection.scalar(text("SELECT to_regclass('alembic_version')"))
        if exists is None:
            return None
        return await connection.scalar(text("SELECT version_num FROM alembic_version"))


class DatabaseNotMigrated(RuntimeError):
    """The database schema is older (or newer) than this code expects."""


async def check_revision(engine: AsyncEngine) -> None:
    """Refuse to serve on a database the migrations have not brought to this code's head."""
    current, head = await database_revision(engine), head_revision()
    if current != head:
        raise DatabaseNotMigrated(
            f"the database is at revision {current or 'none'}, this code needs {head}: "
            "run `sportello migrate` (or `sportello serve --migrate`)"
        )


async def check_database(database_url: str) -> None:
    """`check_revision` as the URL's own login role: the application's role is created by a
    migration, so on a database never migrated it may not exist yet."""
    engine = create_engine(database_url, pool_size=1)
    try:
        await check_revision(engine)
    finally:
        await engine.dispose()
