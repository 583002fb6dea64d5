"""Seeding the demo municipalities into real stores: complete, kept apart, and idempotent."""

from __future__ import annotations

import asyncio
import json
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from sqlalchemy import text
from sqlmodel import SQLModel, select
from stdnum.it import codicefiscale

from auth.passwords import verify_password
from models.booking import ResourceBooking
from models.catalogue import Category, Service, ServiceGroup, ServiceStatus
from models.form import FormHead, FormVersion
from models.office import Office, OperatorOffice, ServiceOffice
from models.tenant import Tenant
from models.user import User
from resolvers import seed
from resolvers.seed import DEMO_DIR, DEMO_TENANTS, DemoForm, SeedReport, load_demo, seed_demo
from server.database import Stores, open_stores, recreate_database
from server.migrate import upgrade
from server.seeding import seed_platform
from server.state import AppState
from tests.bookable import ROME, today
from tests.conftest import TEST_DATABASE, as_owner, server_settings

# A database of its own (per xdist worker), so seeding from scratch leaves the HTTP tests' alone.
SEED_DATABASE = f"{TEST_DATABASE}_seed_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
JAVASCRIPT_KEYS = {"custom", "customConditional", "calculateValue", "customDefaultValue"}
# The report's name for the rows of each table.
KINDS: dict[type[SQLModel], str] = {
    Tenant: "tenants",
    Office: "offices",
    Category: "categories",
    ServiceGroup: "groups",
    Service: "services",
    User: "users",
}
ACCOUNTS = {
    "admin": "admin",
    "operatore": "operatore",
    "operatrice-tributi": "operatore",
    "operatrice-anagrafe": "operatore",
    "operatore-scuola": "operatore",
    "RSSMRA80A01H501U": "cittadino",
}


@pytest.fixture(scope="module")
def seed_urls(store_urls: dict[str, str]) -> dict[str, str]:
    """The test servers, with a migrated PostgreSQL database and a MongoDB database for seeding."""
    database_url = asyncio.run(recreate_database(store_urls["DATABASE_URL"], SEED_DATABASE))
    upgrade(database_url)
    return {**store_urls, "DATABASE_URL": database_url, "MONGODB_DATABASE": SEED_DATABASE}


@asynccontextmanager
async def empty_stores(urls: dict[str, str]) -> AsyncIterator[Stores]:
    stores = await open_stores(
        urls["DATABASE_URL"], urls["MONGODB_URL"], urls["MONGODB_DATABASE"], urls["REDIS_URL"]
    )
    try:
        async with as_owner(urls["DATABASE_URL"]) as connection:
            await connection.execute(text("TRUNCATE tenant CASCADE"))
        await FormHead.delete_all()
        await FormVersion.delete_all()
        yield stores
    finally:
        await stores.close()


@dataclass
class World:
    """Everything seeding writes, read back from the stores."""

    rows: dict[type[SQLModel], list[Any]]
    service_offices: set[tuple[uuid.UUID, uuid.UUID]]
    operator_offices: set[tuple[uuid.UUID, uuid.UUID]]
    heads: dict[str, FormHead]
    versions: list[FormVersion]

    def of(self, model: type[SQLModel], tenant_id: uuid.UUID) -> list[Any]:
        return [row for row in self.rows[model] if row.tenant_id == tenant_id]

    def tenant(self, slug: str) -> Tenant:
        return next(t for t in self.rows[Tenant] if t.slug == slug)

    def user(self, tenant: str, username: str) -> User:
        tenant_id = self.tenant(tenant).id
        return next(u for u in self.of(User, tenant_id) if u.username == username)

    def snapshot(self) -> dict[str, Any]:
        """Every column of every row and document, to compare two states of the stores."""
        return {
            "rows": {
                model.__name__: sorted(columns(row) for row in rows)
                for model, rows in self.rows.items()
            },
            "links": (self.service_offices, self.operator_offices),
            "heads": sorted(str(head.model_dump()) for head in self.heads.values()),
            "versions": sorted(str(version.model_dump()) for version in self.versions),
        }


def columns(row: SQLModel) -> str:
    """The loaded column values of a row, updated_at included."""
    return repr(sorted((k, v) for k, v in vars(row).items() if not k.startswith("_")))


async def read_world(stores: Stores) -> World:
    async with stores.cross_tenant_sessions() as session:
        rows = {model: list((await session.exec(select(model))).all()) for model in KINDS}
        service_offices = {
            (link.service_id, link.office_id)
            for link in (await session.exec(select(ServiceOffice))).all()
        }
        operator_offices = {
            (link.user_id, link.office_id)
            for link in (await session.exec(select(OperatorOffice))).all()
        }
    heads = {str(head.id): head for head in await FormHead.find_all().to_list()}
    versions = await FormVersion.find_all().to_list()
    return World(rows, service_offices, operator_offices, heads, versions)


def run(urls: dict[str, str], *seedings: bool) -> tuple[list[SeedReport], list[World]]:
    """Seed empty stores once per entry of `seedings` (its `local_passwords`), reading the
    world back after each run."""

    async def scenario() -> tuple[list[SeedReport], list[World]]:
        reports, worlds = [], []
        async with empty_stores(urls) as stores:
            for local_passwords in seedings:
                seeded = await seed_demo(
                    stores.cross_tenant_sessions, local_passwords=local_passwords
                )
                reports.append(seeded)
                worlds.append(await read_world(stores))
        return reports, worlds

    return asyncio.run(scenario())


def demo_counts() -> dict[str, int]:
    """How many of each kind the demo files describe."""
    demos = [load_demo(name) for name in DEMO_TENANTS]
    return {
        "tenants": len(demos),
        "offices": sum(len(d.offices) for d in demos),
        "categories": sum(len(d.categories) for d in demos),
        "groups": sum(len(d.groups) for d in demos),
        "forms": sum(len(d.forms) for d in demos),
        "services": sum(len(d.services) for d in demos),
        "users": sum(len(d.users) for d in demos),
    }


@pytest.mark.date_sensitive
def test_first_seeding_creates_the_demo_world(seed_urls: dict[str, str]) -> None:
    [report], [world] = run(seed_urls, True)
    assert report.total("updated") == report.total("unchanged") == 0, str(report)
    created = {kind: report.counts[kind]["created"] for kind in demo_counts()}
    assert created == demo_counts()
    assert {kind: len(world.rows[model]) for model, kind in KINDS.items()} == {
        kind: demo_counts()[kind] for kind in KINDS.values()
    }
    bugliano = world.tenant("bugliano")
    assert len(world.of(Service, bugliano.id)) >= 12
    assert len(world.of(Category, bugliano.id)) >= 8


@pytest.mark.date_sensitive
def test_the_demo_books_its_rooms_on_days_they_are_open(
    seed_urls: dict[str, str], tmp_path: Path
) -> None:
    # Seeded on Monday 30 November 2026, "next Tuesday" is 8 December, a holiday: the rooms
    # are closed and a booking on it would be refused (it stopped `make run` on such days).
    async def seed_and_read() -> list[datetime]:
        async with empty_stores(seed_urls) as stores:
            settings = server_settings({**seed_urls, "SPORTELLO_DATA_DIR": str(tmp_path)})
            state = AppState.open(settings, stores)
            try:
                await seed_platform(state, local_passwords=False)
            finally:
                await state.storage.close()
            async with stores.cross_tenant_sessions() as session:
                return list((await session.exec(select(ResourceBooking.start_at))).all())

    with time_machine.travel(datetime(2026, 11, 30, 10, tzinfo=ROME), tick=True):
        starts = asyncio.run(seed_and_read())
    days = sorted(start.astimezone(ROME).date() for start in starts)
    assert len(days) == 2
    assert date(2026, 12, 8) not in days
    assert all(date(2026, 12, 8) < day <= date(2026, 12, 14) for day in days)


def test_mario_rossi_logs_in_with_his_normalized_fiscal_code(seed_urls: dict[str, str]) -> None:
    [_], [world] = run(seed_urls, True)
    mario = world.user("bugliano", "RSSMRA80A01H501U")
    assert mario.fiscal_code == "RSSMRA80A01H501U"
    assert (mario.given_name, mario.family_name, mario.kind) == ("Mario", "Rossi", "citizen")
    assert str(mario.birth_date) == "1980-01-01"
    assert mario.roles == ["CITIZEN"]
    citizens = [u for u in world.rows[User] if u.kind == "citizen"]
    assert len(citizens) >= 3
    assert all(u.username == u.fiscal_code for u in citizens)


def test_demo_accounts_have_their_passwords_and_offices(seed_urls: dict[str, str]) -> None:
    [_], [world] = run(seed_urls, True)
    for username, password in ACCOUNTS.items():
        stored = world.user("bugliano", username).password_hash
        assert asyncio.run(verify_password(stored, password)), username
    stored = world.user("valdifiori", "admin-valdifiori").password_hash
    assert asyncio.run(verify_password(stored, "admin"))
    assert world.user("bugliano", "admin").roles == ["TENANT_ADMIN"]
    offices = {office.id: office.slug for office in world.rows[Office]}
    bound = {
        (world_user.username, offices[office_id])
        for user_id, office_id in world.operator_offices
        for world_user in world.rows[User]
        if world_user.id == user_id
    }
    assert bound == {
        ("operatore", "ufficio-anagrafe"),
        ("operatrice-anagrafe", "ufficio-anagrafe"),
        ("operatrice-tributi", "ufficio-tributi"),
        ("operatore-scuola", "ufficio-scuola"),
    }


def test_every_service_points_at_its_form_in_version_one(seed_urls: dict[str, str]) -> None:
    [_], [world] = run(seed_urls, True)
    versions = {(v.form_id, v.version): v for v in world.versions}
    for service in world.rows[Service]:
        head = world.heads[str(service.form_id)]
        assert head.tenant_id == service.tenant_id, service.slug
        assert head.current_version == 1, service.slug
        version = versions[(str(head.id), 1)]
        assert version.definition == json.loads(
            (DEMO_DIR / "forms" / f"{head.key}.json").read_text()
        )
    assert len(world.versions) == len(world.heads)


@pytest.mark.date_sensitive
def test_seeding_twice_changes_nothing(seed_urls: dict[str, str]) -> None:
    [first, again], [before, after] = run(seed_urls, True, True)
    assert again.changed() == 0, str(again)
    assert again.total("unchanged") == first.total("created")
    assert after.snapshot() == before.snapshot()


def test_a_changed_demo_form_gets_a_new_version(
    seed_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = seed.load_form

    async def scenario() -> tuple[SeedReport, World]:
        async with empty_stores(seed_urls) as stores:
            await seed_demo(stores.cross_tenant_sessions, local_passwords=True)
            monkeypatch.setattr(seed, "load_form", changed_form)
            report = await seed_demo(stores.cross_tenant_sessions, local_passwords=True)
            return report, await read_world(stores)

    def changed_form(key: str) -> DemoForm:
        form = original(key)
        if key != "library-card":
            return form
        return replace(
            form, title="Tessera della biblioteca", definition={**form.definition, "x": 1}
        )

    report, world = asyncio.run(scenario())
    assert report.counts["forms"]["updated"] == 1
    assert report.changed() == 1, str(report)
    head = next(h for h in world.heads.values() if h.key == "library-card")
    assert (head.current_version, head.title) == (2, "Tessera della biblioteca")
    assert sorted(v.version for v in world.versions if v.form_id == str(head.id)) == [1, 2]


def test_valdifiori_is_apart(seed_urls: dict[str, str]) -> None:
    [_], [world] = run(seed_urls, True)
    valdifiori = world.tenant("valdifiori")
    services = world.of(Service, valdifiori.id)
    assert {s.slug for s in services} == {"certificati", "patrocinio-eventi"}
    own_categories = {c.id for c in world.of(Category, valdifiori.id)}
    own_offices = {o.id for o in world.of(Office, valdifiori.id)}
    for service in services:
        assert service.category_id in own_categories
        assert world.heads[str(service.form_id)].tenant_id == valdifiori.id
    for service_id, office_id in world.service_offices:
        assert (service_id in {s.id for s in services}) == (office_id in own_offices)
    assert {u.username for u in world.of(User, valdifiori.id)} == {"admin-valdifiori"}
    for service in world.of(Service, world.tenant("bugliano").id):
        assert service.category_id not in own_categories
        assert world.heads[str(service.form_id)].tenant_id != valdifiori.id


def test_production_seeding_stores_no_passwords(seed_urls: dict[str, str]) -> None:
    _, [production, local, production_again] = run(seed_urls, False, True, False)
    assert {u.password_hash for u in production.rows[User]} == {None}
    assert None not in {u.password_hash for u in local.rows[User]}
    assert {u.password_hash for u in production_again.rows[User]} == {None}


def all_dicts(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from all_dicts(value)
    elif isinstance(node, list):
        for item in node:
            yield from all_dicts(item)


def test_demo_forms_carry_no_javascript() -> None:
    paths = sorted((DEMO_DIR / "forms").glob("*.json"))
    assert paths
    for path in paths:
        for node in all_dicts(json.loads(path.read_text())):
            assert not JAVASCRIPT_KEYS & set(node), (path.name, node.get("key"))
            assert node.get("type") != "javascript", (path.name, node)


def test_every_demo_form_belongs_to_one_service() -> None:
    used = [form.key for name in DEMO_TENANTS for form in load_demo(name).forms]
    files = sorted(path.stem for path in (DEMO_DIR / "forms").glob("*.json"))
    assert sorted(used) == files
    assert sum(len(load_demo(name).services) for name in DEMO_TENANTS) == len(files)


def test_bugliano_catalogue_is_translated_and_varied() -> None:
    bugliano = load_demo("bugliano")
    assert len(bugliano.services) >= 12
    for service in bugliano.services:
        for field in seed.TRANSLATED_SERVICE_TEXTS:
            assert set(service.values[field]) == {"it", "en"}, (service.key, field)
            assert all(service.values[field].values()), (service.key, field)
    statuses = {s.values["status"] for s in bugliano.services}
    assert {ServiceStatus.SUSPENDED, ServiceStatus.PRIVATE, ServiceStatus.SCHEDULED} <= statuses
    for service in bugliano.services:
        scheduled = service.values["status"] is ServiceStatus.SCHEDULED
        assert scheduled == (service.values["publish_from"] is not None), service.key
    registry = {"cambio-residenza", "certificati-anagrafici"}
    assert all("anagrafe" in s.values["keywords"] for s in bugliano.services if s.key in registry)


@pytest.mark.date_sensitive
def test_a_seasonal_demo_service_is_open_whenever_the_demo_is_loaded() -> None:
    midnight = datetime.combine(today(), time(0), tzinfo=ROME)
    assert seed.parse_instant("-P90D") == midnight - timedelta(days=90)
    assert seed.parse_instant("P120D") == midnight + timedelta(days=120)
    assert seed.parse_instant("2026-06-01T00:00:00+02:00") == datetime(2026, 5, 31, 22, tzinfo=UTC)
    transport = next(s for s in load_demo("bugliano").services if s.key == "trasporto-scolastico")
    assert transport.values["status"] is ServiceStatus.SCHEDULED
    assert transport.values["publish_from"] < datetime.now(UTC) < transport.values["publish_until"]


def test_citizens_birth_data_match_their_fiscal_codes() -> None:
    citizens = [
        u for name in DEMO_TENANTS for u in load_demo(name).users if u.values["fiscal_code"]
    ]
    assert len(citizens) >= 3
    for citizen in citizens:
        code = citizen.values["fiscal_code"]
        assert codicefiscale.get_birth_date(code) == citizen.values["birth_date"], code
        assert codicefiscale.get_gender(code) == citizen.values["gender"], code
