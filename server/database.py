"""Connections to the three stores: the async SQLAlchemy engine, MongoDB with Beanie, Redis."""

from __future__ import annotations

from dataclasses import dataclass

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


def create_engine(url: str, pool_size: int = 10) -> AsyncEngine:
    engine = create_async_engine(
        async_database_url(url),
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        connect_args={"server_settings": SERVER_SETTINGS},
    )
    count_postgres_round_trips(engine)
    return engine


@dataclass
class Stores:
    """The open connections of one process; built in the app's lifespan, closed at shutdown."""

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    mongo_client: AsyncMongoClient
    mongo: AsyncDatabase
    redis: Redis

    async def close(self) -> None:
        await self.engine.dispose()
        await self.mongo_client.close()
        await self.redis.aclose()


async def open_stores(
    database_url: str, mongodb_url: str, mongodb_database: str, redis_url: str, pool_size: int = 10
) -> Stores:
    engine = create_engine(database_url, pool_size)
    sessions = async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)
    mongo_client: AsyncMongoClient = AsyncMongoClient(
        mongodb_url,
        event_listeners=[MongoRoundTripListener()],
        tz_aware=True,
        uuidRepresentation="standard",
    )
    mongo = mongo_client[mongodb_database]
    await init_beanie(database=mongo, document_models=DOCUMENT_MODELS)
    redis = Redis.from_url(redis_url, decode_responses=True)
    return Stores(engine, sessions, mongo_client, mongo, redis)


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
