"""The demo data: complete, well-formed, and loading it twice changes nothing."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import select

from models.catalogue import Service
from models.form import FormHead
from models.user import User
from resolvers.seed import DEMO_DIR, SeedReport, seed_demo
from server.database import open_stores

CODE_KEYS = {"customConditional", "calculateValue"}


def components(node: object) -> list[dict[str, Any]]:
    """Every Form.io component, however deeply nested."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if "type" in node and "key" in node:
            found.append(node)
        for value in node.values():
            found += components(value)
    elif isinstance(node, list):
        for item in node:
            found += components(item)
    return found


def test_demo_forms_carry_no_javascript() -> None:
    for path in sorted((DEMO_DIR / "forms").glob("*.json")):
        for component in components(json.loads(path.read_text())):
            assert not CODE_KEYS & set(component), (path.name, component["key"])
            assert "custom" not in component.get("validate", {}), (path.name, component["key"])


@dataclass
class DemoWorld:
    services: list[Service]
    users: list[User]
    heads: dict[str, FormHead]


async def reseed(world: dict[str, str]) -> tuple[SeedReport, DemoWorld]:
    stores = await open_stores(
        world["DATABASE_URL"], world["MONGODB_URL"], world["MONGODB_DATABASE"], world["REDIS_URL"]
    )
    try:
        report = await seed_demo(stores.sessions, local_passwords=True)
        async with stores.sessions() as session:
            services = (await session.exec(select(Service))).all()
            users = (await session.exec(select(User))).all()
        heads = {str(head.id): head for head in await FormHead.find_all().to_list()}
        return report, DemoWorld(list(services), list(users), heads)
    finally:
        await stores.close()


def test_seeding_again_changes_nothing(world: dict[str, str]) -> None:
    report, before = asyncio.run(reseed(world))
    assert report.changed() == 0, str(report)
    again, after = asyncio.run(reseed(world))
    assert again.changed() == 0
    stamps = {s.slug: s.updated_at for s in before.services}
    assert stamps == {s.slug: s.updated_at for s in after.services}


def test_demo_world_is_complete(world: dict[str, str]) -> None:
    _, found = asyncio.run(reseed(world))
    users = {u.username: u for u in found.users}
    assert len(found.services) >= 14
    for service in found.services:
        assert service.form_id in found.heads, service.slug
        assert found.heads[service.form_id].current_version >= 1
    mario = users["RSSMRA80A01H501U"]
    assert (mario.given_name, mario.family_name, mario.kind) == ("Mario", "Rossi", "citizen")
    assert {"admin", "operatore", "operatrice-tributi", "admin-valdifiori"} <= set(users)
    assert sum(1 for u in users.values() if u.kind == "citizen") >= 3


def test_production_seed_sets_no_local_passwords(world: dict[str, str]) -> None:
    async def run() -> list[str | None]:
        stores = await open_stores(
            world["DATABASE_URL"],
            world["MONGODB_URL"],
            world["MONGODB_DATABASE"],
            world["REDIS_URL"],
        )
        try:
            await seed_demo(stores.sessions, local_passwords=False)
            async with stores.sessions() as session:
                hashes = list((await session.exec(select(User.password_hash))).all())
            await seed_demo(stores.sessions, local_passwords=True)
            return hashes
        finally:
            await stores.close()

    assert set(asyncio.run(run())) == {None}


def test_demo_files_exist() -> None:
    assert Path(DEMO_DIR / "bugliano.json").exists()
    assert len(list((DEMO_DIR / "forms").glob("*.json"))) >= 14
