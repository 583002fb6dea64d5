"""Tenants apart in the database too (issue 11): row-level security on every table of tenant
data, under the roles the application acts as, so that a query that forgets the tenant returns
no other municipality's rows."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.passwords import hash_password
from models.tenant import Tenant
from models.user import Role, User, UserKind
from server.database import Stores, create_engine, open_stores
from server.roundtrips import RoundTrips, current_round_trips
from server.row_security import (
    APP_ROLE,
    PLATFORM_ROLE,
    SCOPE,
    TENANT_SETTING,
    ScopedSession,
    tenant_sessions,
)
from tests.conftest import as_owner
from tests.graphql import GraphQLClient

T = TypeVar("T")

SHARED_TABLES = {"alembic_version"}
"""The only table of the application's schema that holds no tenant's data."""


@asynccontextmanager
async def application(world: dict[str, str]) -> AsyncIterator[tuple[Stores, dict[str, uuid.UUID]]]:
    """The stores as the server opens them, and the demo tenants' ids by slug."""
    stores = await open_stores(
        world["DATABASE_URL"], world["MONGODB_URL"], world["MONGODB_DATABASE"], world["REDIS_URL"]
    )
    try:
        async with stores.cross_tenant_sessions() as session:
            tenants = {t.slug: t.id for t in (await session.exec(select(Tenant))).all()}
        yield stores, tenants
    finally:
        await stores.close()


def run(
    world: dict[str, str], scenario: Callable[[Stores, dict[str, uuid.UUID]], Awaitable[T]]
) -> T:
    async def main() -> T:
        async with application(world) as (stores, tenants):
            return await scenario(stores, tenants)

    return asyncio.run(main())


async def rows(session: AsyncSession, statement: str, **params: Any) -> list[Any]:
    """Rows of plain SQL, in the session's transaction (and so under its scope)."""
    connection = await session.connection()
    return list((await connection.execute(text(statement), params)).all())


async def changed(session: AsyncSession, statement: str, **params: Any) -> int:
    """The number of rows an UPDATE or DELETE changed, in the session's transaction."""
    connection = await session.connection()
    return (await connection.execute(text(statement), params)).rowcount


async def tables_with_tenant_id(session: AsyncSession) -> list[str]:
    return [
        name
        for (name,) in await rows(
            session,
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
            " AND column_name = 'tenant_id' ORDER BY table_name",
        )
    ]


def test_the_application_role_is_no_superuser_cannot_bypass_row_security_and_owns_nothing(
    world: dict[str, str],
) -> None:
    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        attributes = (
            "SELECT current_user, rolsuper, rolbypassrls,"
            " (SELECT count(*) FROM pg_class WHERE relowner = pg_roles.oid) AS owned"
            " FROM pg_roles WHERE rolname = current_user"
        )
        async with stores.tenant_sessions(tenants["bugliano"])() as session:
            assert await rows(session, attributes) == [(APP_ROLE, False, False, 0)]
        async with stores.engine.connect() as connection:  # no session factory at all
            assert (await connection.execute(text(attributes))).all() == [
                (APP_ROLE, False, False, 0)
            ]
        async with stores.cross_tenant_sessions() as session:
            assert await rows(session, attributes) == [(PLATFORM_ROLE, False, False, 0)]
            # No FORCE: the owner (the role that migrates) is not bound, and needs not be;
            # the roles the application acts as are bound because they own nothing.
            forced = "SELECT count(*) FROM pg_class WHERE relforcerowsecurity"
            assert await rows(session, forced) == [(0,)]

    run(world, scenario)


def test_every_table_of_the_schema_has_row_security_for_the_application_role(
    world: dict[str, str],
) -> None:
    """A new table of tenant data gets its policies in its migration
    (`migrations/row_security.py`): `tenant_table` with a `tenant_id`, `child_table` without."""

    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        async with stores.cross_tenant_sessions() as session:
            guarded = dict(
                await rows(
                    session,
                    "SELECT relname, relrowsecurity FROM pg_class"
                    " WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')",
                )
            )
            policies = await rows(
                session,
                "SELECT tablename, policyname, roles::text[], cmd, qual, with_check"
                " FROM pg_policies WHERE schemaname = 'public'",
            )
            with_tenant_id = await tables_with_tenant_id(session)
        unguarded = sorted(t for t, on in guarded.items() if not on and t not in SHARED_TABLES)
        assert unguarded == [], f"tables without row-level security: {unguarded}"
        for table in set(guarded) - SHARED_TABLES:
            mine = [p for p in policies if p[0] == table and p[2] == [APP_ROLE] and p[3] == "ALL"]
            assert len(mine) == 1, f"{table}: one policy for {APP_ROLE} (tenant_rows)"
            _, _, _, _, seen, written = mine[0]
            assert TENANT_SETTING in seen, f"{table}: its rows are the transaction's tenant's"
            assert TENANT_SETTING in written, f"{table}: it writes the transaction's tenant's"
            if table in with_tenant_id:
                assert "tenant_id" in seen, f"{table}: {seen}"
            elif table != "tenant":
                assert "EXISTS" in seen, f"{table}: read through its parent, {seen}"
            assert any(p[0] == table and p[2] == [PLATFORM_ROLE] for p in policies)

    run(world, scenario)


def test_a_query_that_forgets_the_tenant_sees_only_the_sessions_tenant(
    world: dict[str, str],
) -> None:
    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        bugliano, valdifiori = tenants["bugliano"], tenants["valdifiori"]
        async with stores.cross_tenant_sessions() as session:
            tables = await tables_with_tenant_id(session)
            counts = {
                table: dict(
                    await rows(session, f'SELECT tenant_id, count(*) FROM "{table}" GROUP BY 1')
                )
                for table in tables
            }
        assert counts["practice"].get(bugliano, 0) > 0
        assert counts["practice"].get(valdifiori, 0) == 0  # the demo's practices are Bugliano's
        async with stores.tenant_sessions(valdifiori)() as session:
            # The deliberately unscoped query, for a municipality with no practices:
            assert await rows(session, "SELECT * FROM practice") == []
            assert await rows(session, "SELECT slug FROM tenant") == [("valdifiori",)]
        async with stores.tenant_sessions(bugliano)() as session:
            seen = await rows(session, "SELECT * FROM practice")
            assert len(seen) == counts["practice"][bugliano]
            assert {row.tenant_id for row in seen} == {bugliano}
        for slug, tenant_id in tenants.items():
            async with stores.tenant_sessions(tenant_id)() as session:
                for table in tables:
                    found = dict(
                        await rows(session, f'SELECT tenant_id, count(*) FROM "{table}" GROUP BY 1')
                    )
                    mine = {t: n for t, n in counts[table].items() if t == tenant_id}
                    assert found == mine, (slug, table)
        hidden = [t for t in tables if counts[t].get(bugliano)]
        assert len(hidden) >= len(tables) - 2, f"Bugliano's rows hidden from Valdifiori: {hidden}"

    run(world, scenario)


def test_link_tables_show_the_links_of_the_sessions_tenant_only(world: dict[str, str]) -> None:
    links = {
        "service_office": "SELECT s.tenant_id FROM service_office l JOIN service s"
        " ON s.id = l.service_id",
        "operator_office": "SELECT o.tenant_id FROM operator_office l JOIN office o"
        " ON o.id = l.office_id",
        "service_calendar": "SELECT s.tenant_id FROM service_calendar l JOIN service s"
        " ON s.id = l.service_id",
    }

    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        async with stores.cross_tenant_sessions() as session:
            owners = {table: [t for (t,) in await rows(session, q)] for table, q in links.items()}
        for slug, tenant_id in tenants.items():
            async with stores.tenant_sessions(tenant_id)() as session:
                for table in links:
                    [(count,)] = await rows(session, f"SELECT count(*) FROM {table}")
                    assert count == owners[table].count(tenant_id), (slug, table)
        assert {t for owned in owners.values() for t in owned} == set(tenants.values())

    run(world, scenario)


def test_a_tenants_session_cannot_write_another_tenants_rows(world: dict[str, str]) -> None:
    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        bugliano, valdifiori = tenants["bugliano"], tenants["valdifiori"]
        async with stores.tenant_sessions(bugliano)() as session, session.begin():
            theirs = {"t": valdifiori}
            update = "UPDATE practice SET updated_at = now() WHERE tenant_id = :t"
            assert await changed(session, update, **theirs) == 0
            assert (
                await changed(session, "UPDATE tenant SET name = 'X' WHERE id = :t", **theirs) == 0
            )
            assert await changed(session, "DELETE FROM service WHERE tenant_id = :t", **theirs) == 0
            await session.rollback()
        insert = (
            "INSERT INTO office (id, tenant_id, slug, name, contacts)"
            " VALUES (:id, :t, 'intrusa', '{}', '{}')"
        )
        with pytest.raises(DBAPIError, match="row-level security"):
            async with stores.tenant_sessions(bugliano)() as session, session.begin():
                await changed(session, insert, id=uuid.uuid4(), t=valdifiori)
        # Moving one of Bugliano's rows to Valdifiori is writing a row of Valdifiori.
        move = "UPDATE office SET tenant_id = :t WHERE tenant_id = :mine"
        with pytest.raises(DBAPIError, match="row-level security"):
            async with stores.tenant_sessions(bugliano)() as session, session.begin():
                await changed(session, move, t=valdifiori, mine=bugliano)

    run(world, scenario)


def test_without_a_tenant_the_application_role_sees_no_tenants_rows(world: dict[str, str]) -> None:
    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        async with stores.cross_tenant_sessions() as session:
            tables = await tables_with_tenant_id(session)
        async with stores.engine.connect() as connection:  # no session factory: no scope
            for table in [*tables, "tenant", "service_office", "operator_office"]:
                [(count,)] = await connection.execute(text(f'SELECT count(*) FROM "{table}"'))
                assert count == 0, table

    run(world, scenario)


def test_the_tenant_travels_with_begin_in_one_message(world: dict[str, str]) -> None:
    """The scope costs no round trip: it is sent in the simple-query message of `BEGIN`, and the
    round trips counted (one per statement, server/roundtrips.py) are the statements alone."""

    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        sent: list[str] = []
        counted = RoundTrips()
        token = current_round_trips.set(counted)
        try:
            async with stores.tenant_sessions(tenants["bugliano"])() as session:
                connection = await session.connection()
                driver = (await connection.get_raw_connection()).driver_connection
                assert driver is not None

                def log(query: Any) -> None:
                    sent.append(query.query)

                driver.add_query_logger(log)
                setting = await rows(
                    session, "SELECT current_user, current_setting('sportello.tenant_id')"
                )
                driver.remove_query_logger(log)
        finally:
            current_round_trips.reset(token)
        assert setting == [(APP_ROLE, str(tenants["bugliano"]))]
        assert counted.postgres == 1
        assert sent[0] == (
            f"BEGIN; SET LOCAL ROLE {APP_ROLE};"
            f" SET LOCAL {TENANT_SETTING} = '{tenants['bugliano']}';"
        )
        assert not any(query.startswith("SET") for query in sent)

    run(world, scenario)


PLATFORM_ADMIN = "piattaforma"


async def add_platform_admin(world: dict[str, str]) -> None:
    async with as_owner(world["DATABASE_URL"]) as connection:
        await connection.execute(
            User.__table__.insert().values(  # type: ignore[attr-defined]
                id=uuid.uuid4(),
                tenant_id=None,
                kind=UserKind.ADMIN.value,
                roles=[Role.PLATFORM_ADMIN.value],
                username=PLATFORM_ADMIN,
                password_hash=await hash_password(PLATFORM_ADMIN),
                given_name="Piera",
                family_name="Piattaforma",
                identity_provider="local",
                active=True,
            )
        )


def test_a_platform_admin_logs_in_at_every_municipality_and_no_tenant_writes_them(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    """Platform admins belong to no tenant: each tenant's sessions read them (to log in, to
    name them) and none changes them."""
    asyncio.run(add_platform_admin(world))
    me = "{ me { username roles } }"
    for tenant in ("bugliano", "valdifiori"):
        token = api.login(PLATFORM_ADMIN, PLATFORM_ADMIN, tenant=tenant)
        assert api(me, token=token, tenant=tenant).data["me"] == {
            "username": PLATFORM_ADMIN,
            "roles": [Role.PLATFORM_ADMIN.value],
        }

    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        async with stores.tenant_sessions(tenants["bugliano"])() as session, session.begin():
            rename = "UPDATE \"user\" SET given_name = 'Presa' WHERE tenant_id IS NULL"
            assert await changed(session, rename) == 0

    run(world, scenario)


def test_a_transaction_whose_scope_fails_leaves_no_connection_behind_without_one(
    world: dict[str, str],
) -> None:
    """Should the scope not take (a role missing, a grant forgotten), the statement fails and
    its connection is closed: the next transaction on the pool gets a fresh one, scoped."""

    async def scenario(stores: Stores, tenants: dict[str, uuid.UUID]) -> None:
        engine = create_engine(world["DATABASE_URL"], pool_size=1, acting_as=APP_ROLE)
        broken = async_sessionmaker(
            engine,
            class_=AsyncSession,
            sync_session_class=ScopedSession,
            info={SCOPE: ("SET LOCAL ROLE sportello_no_such_role",)},
        )
        try:
            with pytest.raises(DBAPIError, match="sportello_no_such_role"):
                async with broken() as session:
                    await rows(session, "SELECT count(*) FROM practice")
            async with tenant_sessions(engine, tenants["bugliano"])() as session:
                assert await rows(session, "SELECT DISTINCT tenant_id FROM practice") == [
                    (tenants["bugliano"],)
                ]
        finally:
            await engine.dispose()

    run(world, scenario)
