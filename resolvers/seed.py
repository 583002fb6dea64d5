"""Loads the demo municipalities (Bugliano and Valdifiori); running it again changes nothing."""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import SQLModel, col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.passwords import hash_password, verify_password
from models.base import utcnow
from models.catalogue import (
    TRANSLATED_SERVICE_TEXTS,
    Category,
    Service,
    ServiceAccessLevel,
    ServiceGroup,
    ServiceStatus,
)
from models.form import FormHead, FormVersion
from models.office import Office, OperatorOffice, ServiceOffice
from models.tenant import Tenant
from models.user import User, UserKind, normalize_fiscal_code

DEMO_DIR = Path(__file__).resolve().parent.parent / "server" / "demo"
DEMO_TENANTS = ("bugliano", "valdifiori")

Row = TypeVar("Row", bound=SQLModel)
Progress = Callable[[str], None]


@dataclass
class SeedReport:
    """How many rows or documents of each kind were created, updated or left unchanged."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def note(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def __str__(self) -> str:
        lines = [
            f"{kind:<10} created {c['created']:>3}  updated {c['updated']:>3}  "
            f"unchanged {c['unchanged']:>3}"
            for kind, c in self.counts.items()
        ]
        return "\n".join(lines)


def load_demo(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DEMO_DIR / f"{name}.json").read_text())
    return data


def load_form(key: str) -> dict[str, Any]:
    definition: dict[str, Any] = json.loads((DEMO_DIR / "forms" / f"{key}.json").read_text())
    return definition


def service_values(spec: dict[str, Any]) -> dict[str, Any]:
    """The columns of a service from its demo entry (references resolved by the caller)."""
    values: dict[str, Any] = {name: spec.get(name, {}) for name in TRANSLATED_SERVICE_TEXTS}
    values.update(
        status=ServiceStatus[spec.get("status", "AVAILABLE")],
        access_level=ServiceAccessLevel[spec["access_level"]],
        payment_required=spec.get("payment_required", False),
        booking_required=spec.get("booking_required", False),
        max_response_days=spec.get("max_response_days"),
        publish_from=parse_instant(spec.get("publish_from")),
        publish_until=parse_instant(spec.get("publish_until")),
        topics=spec.get("topics", []),
        keywords=spec.get("keywords", []),
    )
    return values


def parse_instant(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def user_values(spec: dict[str, Any]) -> dict[str, Any]:
    fiscal_code = spec.get("fiscal_code")
    values = {
        "kind": UserKind(spec["kind"]),
        "roles": spec["roles"],
        "given_name": spec["given_name"],
        "family_name": spec["family_name"],
        "gender": spec.get("gender"),
        "birth_date": date.fromisoformat(spec["birth_date"]) if "birth_date" in spec else None,
        "birth_place": spec.get("birth_place"),
        "email": spec.get("email"),
        "phone": spec.get("phone"),
        "fiscal_code": normalize_fiscal_code(fiscal_code) if fiscal_code else None,
    }
    # Citizens log in with their fiscal code.
    values["username"] = spec.get("username") or values["fiscal_code"]
    return values


class Seeder:
    """Upserts one demo municipality by natural keys inside one transaction."""

    def __init__(self, session: AsyncSession, report: SeedReport, local_passwords: bool) -> None:
        self.session = session
        self.report = report
        self.local_passwords = local_passwords

    async def upsert(
        self, kind: str, model: type[Row], key: dict[str, Any], values: dict[str, Any]
    ) -> Row:
        statement = select(model).filter_by(**key)
        row = (await self.session.exec(statement)).first()
        if row is None:
            row = model(**key, **values)
            self.session.add(row)
            await self.session.flush()
            self.report.note(kind, "created")
            return row
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        for name, value in changed.items():
            setattr(row, name, value)
        if changed and hasattr(row, "updated_at"):
            row.updated_at = utcnow()
        self.report.note(kind, "updated" if changed else "unchanged")
        return row

    async def sync_links(
        self,
        kind: str,
        model: type[Row],
        owner: str,
        owner_id: uuid.UUID,
        other: str,
        wanted: set[uuid.UUID],
    ) -> None:
        """Make the link table hold exactly `wanted` for one owner."""
        column = getattr(model, owner)
        present = set(
            (await self.session.exec(select(getattr(model, other)).where(column == owner_id))).all()
        )
        if present == wanted:
            self.report.note(kind, "unchanged")
            return
        await self.session.exec(
            delete(model).where(column == owner_id, col(getattr(model, other)).notin_(wanted))
        )
        for linked in wanted - present:
            self.session.add(model(**{owner: owner_id, other: linked}))
        self.report.note(kind, "updated" if present else "created")

    async def form(self, tenant_id: uuid.UUID, key: str) -> str:
        """The form's id, saving a new version when the demo file changed."""
        definition = load_form(key)
        head = await FormHead.find_one({"tenant_id": tenant_id, "key": key})
        if head is None:
            head = FormHead(tenant_id=tenant_id, key=key, title=definition["title"])
            await head.insert()
        else:
            latest = await FormVersion.find_one(
                {"form_id": str(head.id), "version": head.current_version}
            )
            if latest is not None and latest.definition == definition:
                self.report.note("forms", "unchanged")
                return str(head.id)
        head.current_version += 1
        head.title = definition["title"]
        head.updated_at = utcnow()
        await head.save()
        await FormVersion(
            form_id=str(head.id),
            tenant_id=tenant_id,
            version=head.current_version,
            title=head.title,
            definition=definition,
        ).insert()
        self.report.note("forms", "created" if head.current_version == 1 else "updated")
        return str(head.id)

    def password_hash(self, row_hash: str | None, password: str | None) -> str | None:
        if not self.local_passwords or not password:
            return None
        return row_hash if verify_password(row_hash, password) else hash_password(password)

    async def tenant(self, data: dict[str, Any], progress: Progress) -> None:
        spec = dict(data["tenant"])
        slug = spec.pop("slug")
        tenant = await self.upsert("tenants", Tenant, {"slug": slug}, spec)
        scope = {"tenant_id": tenant.id}
        progress(f"{slug}: offices, categories and groups")
        offices = {
            o["slug"]: await self.upsert(
                "offices",
                Office,
                {**scope, "slug": o["slug"]},
                {"name": o["name"], "address": o.get("address"), "contacts": o.get("contacts", {})},
            )
            for o in data["offices"]
        }
        categories: dict[str, Category] = {}
        for position, c in enumerate(data["categories"]):
            parent = categories[c["parent"]].id if c.get("parent") else None
            categories[c["slug"]] = await self.upsert(
                "categories",
                Category,
                {**scope, "slug": c["slug"]},
                {
                    "name": c["name"],
                    "description": c.get("description", {}),
                    "parent_id": parent,
                    "position": position,
                },
            )
        groups = {
            g["slug"]: await self.upsert(
                "groups",
                ServiceGroup,
                {**scope, "slug": g["slug"]},
                {"name": g["name"], "description": g.get("description", {}), "position": n},
            )
            for n, g in enumerate(data["groups"])
        }
        progress(f"{slug}: {len(data['services'])} services and their forms")
        for s in data["services"]:
            values = service_values(s)
            values["form_id"] = await self.form(tenant.id, s["form"])
            values["category_id"] = categories[s["category"]].id
            values["group_id"] = groups[s["group"]].id if s.get("group") else None
            service = await self.upsert("services", Service, {**scope, "slug": s["slug"]}, values)
            wanted = {offices[o].id for o in s.get("offices", [])}
            await self.sync_links(
                "links", ServiceOffice, "service_id", service.id, "office_id", wanted
            )
        progress(f"{slug}: {len(data['users'])} accounts")
        for u in data["users"]:
            values = user_values(u)
            found = (
                await self.session.exec(
                    select(User).where(
                        User.tenant_id == tenant.id, User.username == values["username"]
                    )
                )
            ).first()
            values["password_hash"] = self.password_hash(
                found.password_hash if found else None, u.get("password")
            )
            user = await self.upsert(
                "users", User, {**scope, "username": values.pop("username")}, values
            )
            wanted = {offices[o].id for o in u.get("offices", [])}
            await self.sync_links("links", OperatorOffice, "user_id", user.id, "office_id", wanted)


async def seed_demo(
    sessions: async_sessionmaker[AsyncSession],
    *,
    local_passwords: bool,
    progress: Progress | None = None,
) -> SeedReport:
    """Create or bring up to date the demo municipalities. Beanie must be initialised."""
    report = SeedReport()
    for name in DEMO_TENANTS:
        async with sessions() as session, session.begin():
            await Seeder(session, report, local_passwords).tenant(
                load_demo(name), progress or print
            )
    return report
