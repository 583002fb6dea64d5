"""Connections to the three stores: the async SQLAlchemy engine, MongoDB with Beanie, Redis."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import asyncpg
from beanie import init_beanie
from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase
from redis.asyncio import Redis
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

from models.form import FormHead, FormVersion
from server.roundtrips import MongoRoundTripListener, count_postgres_round_trips
from server.row_security import (
    APP_ROLE,
    ScopedConnection,
    cross_tenant_sessions,
    scope_connections,
    tenant_sessions,
)

DOCUMENT_MODELS = [FormHead, FormVersion]

SERVER_SETTINGS = {
    # Catalogue search: a word with two letters swapped ("residneza") scores 0.5 against the
    # right word; the default threshold of 0.6 would miss it. Sent at connect, no round trip.
    "pg_trgm.word_similarity_threshold": "0.45",
}


def async_database_url(url: str) -> str:
    """The SQLAlchemy URL for asyncpg from a libpq-style `postgresql://` URL."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


def create_engine(url: str, pool_size: int = 10, *, acting_as: str | None = None) -> AsyncEngine:
    """An engine on `url`. `acting_as` names the role its connections switch to at connect
    (in the startup message: no round trip); the application's is `APP_ROLE`, bound by
    row-level security (server/row_security.py). Without it, the connections act as the URL's
    own login role, which owns the tables: for migrations and schema checks, never for the
    rows of a tenant."""
    settings = dict(SERVER_SETTINGS)
    if acting_as is not None:
        settings["role"] = acting_as
    engine = create_async_engine(
        async_database_url(url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        connect_args={"server_settings": settings, "connection_class": ScopedConnection},
    )
    count_postgres_round_trips(engine)
    scope_connections(engine)
    return engine


@dataclass
class Stores:
    """The open connections of one process; built in the app's lifespan, closed at shutdown.

    PostgreSQL sessions come from one of two factories, chosen by name at every use:
    `tenant_sessions(tenant_id)` for what a request does in its municipality, and
    `cross_tenant_sessions` for what is cross-tenant by nature (the worker's jobs, seeding,
    the CLI, finding a request's tenant)."""

    engine: AsyncEngine
    mongo_client: AsyncMongoClient
    mongo: AsyncDatabase
    redis: Redis
    cross_tenant_sessions: async_sessionmaker[AsyncSession] = field(init=False)
    _tenants: dict[uuid.UUID, async_sessionmaker[AsyncSession]] = field(
        default_factory=dict, init=False
    )

    def __post_init__(self) -> None:
        self.cross_tenant_sessions = cross_tenant_sessions(self.engine)

    def tenant_sessions(self, tenant_id: uuid.UUID) -> async_sessionmaker[AsyncSession]:
        """Sessions that see and write the rows of this tenant only."""
        sessions = self._tenants.get(tenant_id)
        if sessions is None:
            sessions = self._tenants[tenant_id] = tenant_sessions(self.engine, tenant_id)
        return sessions

    async def close(self) -> None:
        await self.engine.dispose()
        await self.mongo_client.close()
        await self.redis.aclose()


async def open_stores(
    database_url: str, mongodb_url: str, mongodb_database: str, redis_url: str, pool_size: int = 10
) -> Stores:
    engine = create_engine(database_url, pool_size, acting_as=APP_ROLE)
    mongo_client: AsyncMongoClient = AsyncMongoClient(
        mongodb_url,
        event_listeners=[MongoRoundTripListener()],
        tz_aware=True,
        uuidRepresentation="standard",
    )
    mongo = mongo_client[mongodb_database]
    await init_beanie(database=mongo, document_models=DOCUMENT_MODELS)
    redis = Redis.from_url(redis_url, decode_responses=True)
    return Stores(engine, mongo_client, mongo, redis)


async def recreate_database(server_url: str, name: str) -> str:
    """Drop and create database `name` on the server of `server_url`; return its URL.

    For the test suite and the benchmarks, which each work in a database of their own.
    """
    url = make_url(server_url)
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return url.set(database=name).render_as_string(hide_password=False)
