"""Loads the demo municipalities (Bugliano and Valdifiori); running it again changes nothing."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.passwords import hash_password, verify_password
from models.catalogue import (
    TRANSLATED_SERVICE_TEXTS,
    Category,
    Service,
    ServiceAccessLevel,
    ServiceGroup,
    ServiceStatus,
)
from models.clock import ITALY, local_today, utcnow
from models.form import FormHead, FormVersion
from models.office import Office, OperatorOffice, ServiceOffice
from models.tenant import Tenant
from models.user import User, UserKind, normalize_fiscal_code

DEMO_DIR = Path(__file__).resolve().parent.parent / "server" / "demo"
DEMO_TENANTS = ("bugliano", "valdifiori")

Progress = Callable[[str], None]
Spec = dict[str, Any]


@dataclass
class SeedReport:
    """How many rows or documents of each kind were created, updated or left unchanged (and,
    for the office links, deleted because the demo files no longer list them)."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def note(self, kind: str, outcome: str, times: int = 1) -> None:
        self.counts.setdefault(kind, Counter())[outcome] += times

    def total(self, outcome: str) -> int:
        """How many of every kind had `outcome`: created, updated, unchanged or deleted."""
        return sum(counter[outcome] for counter in self.counts.values())

    def changed(self) -> int:
        return self.total("created") + self.total("updated") + self.total("deleted")

    def __str__(self) -> str:
        return "\n".join(
            f"{kind:<16} created {c['created']:>3}  updated {c['updated']:>3}  "
            f"unchanged {c['unchanged']:>3}  deleted {c['deleted']:>3}"
            for kind, c in self.counts.items()
        )


# Loading: the JSON files as plain structures whose values are ready for the columns.


@dataclass(frozen=True)
class Entry:
    """One row to upsert by its natural key; references to other entries go by their keys."""

    key: str
    values: Spec
    refs: Spec = field(default_factory=dict)


@dataclass(frozen=True)
class DemoForm:
    key: str
    title: str
    definition: Spec


@dataclass(frozen=True)
class DemoTenant:
    slug: str
    values: Spec
    offices: list[Entry]
    categories: list[Entry]
    groups: list[Entry]
    forms: list[DemoForm]
    services: list[Entry]
    users: list[Entry]


def read_json(path: Path) -> Spec:
    data: Spec = json.loads(path.read_text(encoding="utf-8"))
    return data


def load_form(key: str) -> DemoForm:
    definition = read_json(DEMO_DIR / "forms" / f"{key}.json")
    return DemoForm(key, definition["title"], definition)


def load_demo(name: str) -> DemoTenant:
    data = read_json(DEMO_DIR / f"{name}.json")
    return DemoTenant(
        slug=data["tenant"]["slug"],
        values=tenant_values(data["tenant"]),
        offices=[office_entry(o) for o in data["offices"]],
        categories=[ranked_entry(n, c) for n, c in enumerate(data["categories"])],
        groups=[ranked_entry(n, g) for n, g in enumerate(data["groups"])],
        forms=[load_form(key) for key in dict.fromkeys(s["form"] for s in data["services"])],
        services=[service_entry(s) for s in data["services"]],
        users=[user_entry(u) for u in data["users"]],
    )


def tenant_values(spec: Spec) -> Spec:
    return {
        "name": spec["name"],
        "istat_code": spec["istat_code"],
        "fiscal_code": spec["fiscal_code"],
        "aoo_code": spec.get("aoo_code"),
        "site_url": spec.get("site_url"),
        "default_language": spec.get("default_language", "it"),
        "languages": spec.get("languages", ["it"]),
        "theme": spec.get("theme", {}),
        "contacts": spec.get("contacts", {}),
        "vat_number": spec.get("vat_number"),
        "parent_institution": spec.get("parent_institution", {}),
        "links": spec.get("links", {}),
        "patron_day": spec.get("patron_day"),
    }


def office_entry(spec: Spec) -> Entry:
    values = {
        "name": spec["name"],
        "address": spec.get("address"),
        "contacts": spec.get("contacts", {}),
    }
    return Entry(spec["slug"], values)


def ranked_entry(position: int, spec: Spec) -> Entry:
    """A category or service group, kept in the order of the file."""
    values = {
        "name": spec["name"],
        "description": spec.get("description", {}),
        "position": position,
    }
    return Entry(spec["slug"], values, {"parent": spec.get("parent")})


def service_entry(spec: Spec) -> Entry:
    values: Spec = {name: spec.get(name, {}) for name in TRANSLATED_SERVICE_TEXTS}
    values.update(
        status=ServiceStatus[spec.get("status", "AVAILABLE")],
        access_level=ServiceAccessLevel[spec["access_level"]],
        payment_required=spec.get("payment_required", False),
        booking_required=spec.get("booking_required", False),
        protocol_required=spec.get("protocol_required", False),
        allow_withdraw=spec.get("allow_withdraw", True),
        allow_integration_request=spec.get("allow_integration_request", True),
        allow_reopening=spec.get("allow_reopening", False),
        max_response_days=spec.get("max_response_days"),
        publish_from=parse_instant(spec.get("publish_from")),
        publish_until=parse_instant(spec.get("publish_until")),
        topics=spec.get("topics", []),
        keywords=spec.get("keywords", []),
    )
    refs = {
        "form": spec["form"],
        "category": spec["category"],
        "group": spec.get("group"),
        "offices": spec.get("offices", []),
    }
    return Entry(spec["slug"], values, refs)


DAYS_FROM_TODAY = re.compile(r"(?P<sign>[+-]?)P(?P<days>\d{1,4})D")
"""`-P30D`, `P300D`: midnight in Italy that many days before or after the day of seeding."""


def parse_instant(value: str | None) -> datetime | None:
    """An ISO 8601 instant, or days from the day of seeding (`-P30D`), so that a demo service
    open for a season is open whenever the demo is loaded; the same all day, so seeding twice
    on one day changes nothing."""
    if value is None:
        return None
    relative = DAYS_FROM_TODAY.fullmatch(value)
    if relative is None:
        return datetime.fromisoformat(value)
    days = int(relative["days"]) * (-1 if relative["sign"] == "-" else 1)
    return datetime.combine(local_today(ITALY) + timedelta(days=days), time(0), tzinfo=ITALY)


def user_entry(spec: Spec) -> Entry:
    fiscal_code = normalize_fiscal_code(spec["fiscal_code"]) if "fiscal_code" in spec else None
    values = {
        "kind": UserKind(spec["kind"]),
        "roles": spec["roles"],
        "fiscal_code": fiscal_code,
        "given_name": spec["given_name"],
        "family_name": spec["family_name"],
        "gender": spec.get("gender"),
        "birth_date": date.fromisoformat(spec["birth_date"]) if "birth_date" in spec else None,
        "birth_place": spec.get("birth_place"),
        "email": spec.get("email"),
        "phone": spec.get("phone"),
        "spid_level": spec.get("spid_level"),
    }
    refs = {"password": spec.get("password"), "offices": spec.get("offices", [])}
    # Citizens log in with their fiscal code.
    username: str = spec["username"] if "username" in spec else values["fiscal_code"]
    return Entry(username, values, refs)


# Writing: upserts by natural key; a row is written only when a value differs.

Row = TypeVar("Row", Tenant, Office, Category, ServiceGroup, Service, User)
Link = TypeVar("Link", ServiceOffice, OperatorOffice)


@dataclass
class Ids:
    """Ids of one municipality's rows and forms by their keys in the demo files."""

    offices: dict[str, uuid.UUID] = field(default_factory=dict)
    categories: dict[str, uuid.UUID] = field(default_factory=dict)
    groups: dict[str, uuid.UUID] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)


class Seeder:
    """Upserts one demo municipality inside the caller's transaction."""

    def __init__(self, session: AsyncSession, report: SeedReport, local_passwords: bool) -> None:
        self.session = session
        self.report = report
        self.local_passwords = local_passwords

    async def find(self, model: type[Row], key: Spec) -> Row | None:
        return (await self.session.exec(select(model).filter_by(**key))).first()

    async def upsert(self, kind: str, model: type[Row], key: Spec, values: Spec) -> Row:
        return await self.write(kind, model, key, values, await self.find(model, key))

    async def write(
        self, kind: str, model: type[Row], key: Spec, values: Spec, row: Row | None
    ) -> Row:
        """Insert the row if `row` (the stored one) is None, else set the values that differ."""
        if row is None:
            row = model(**key, **values)
            self.session.add(row)
            await self.session.flush()
            self.report.note(kind, "created")
            return row
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        for name, value in changed.items():
            setattr(row, name, value)
        if changed:
            row.updated_at = utcnow()
        self.report.note(kind, "updated" if changed else "unchanged")
        return row

    async def link_offices(
        self, kind: str, model: type[Link], owner: str, owner_id: uuid.UUID, wanted: set[uuid.UUID]
    ) -> None:
        """Make the link table `model` link the owner to exactly the offices in `wanted`."""
        owner_column = getattr(model, owner)
        query = select(model.office_id).where(owner_column == owner_id)
        present = set((await self.session.exec(query)).all())
        if present - wanted:
            await self.session.exec(
                delete(model).where(owner_column == owner_id, col(model.office_id).notin_(wanted))
            )
        self.session.add_all(model(**{owner: owner_id, "office_id": o}) for o in wanted - present)
        self.report.note(kind, "created", len(wanted - present))
        self.report.note(kind, "unchanged", len(wanted & present))
        self.report.note(kind, "deleted", len(present - wanted))

    async def form(self, tenant_id: uuid.UUID, form: DemoForm) -> str:
        """The form's id; a new version is saved only when the definition differs."""
        head = await FormHead.find_one({"tenant_id": tenant_id, "key": form.key})
        if head is None:
            head, outcome = FormHead(tenant_id=tenant_id, key=form.key, title=form.title), "created"
        elif await latest_definition(head) == form.definition:
            self.report.note("forms", "unchanged")
            return str(head.id)
        else:
            outcome = "updated"
        head.current_version += 1
        head.title = form.title
        head.updated_at = utcnow()
        await head.save()
        await FormVersion(
            form_id=str(head.id),
            tenant_id=tenant_id,
            version=head.current_version,
            title=form.title,
            definition=form.definition,
        ).insert()
        self.report.note("forms", outcome)
        return str(head.id)

    async def by_slug(
        self, kind: str, model: type[Row], tenant_id: uuid.UUID, entry: Entry, values: Spec
    ) -> Row:
        return await self.upsert(kind, model, {"tenant_id": tenant_id, "slug": entry.key}, values)

    async def categories(self, tenant_id: uuid.UUID, entries: list[Entry], ids: Ids) -> None:
        """Parents come before their children in the file."""
        for entry in entries:
            parent = entry.refs["parent"]
            values = {**entry.values, "parent_id": ids.categories[parent] if parent else None}
            category = await self.by_slug("categories", Category, tenant_id, entry, values)
            ids.categories[entry.key] = category.id

    async def services(self, tenant_id: uuid.UUID, entries: list[Entry], ids: Ids) -> None:
        for entry in entries:
            refs = entry.refs
            values = {
                **entry.values,
                "form_id": ids.forms[refs["form"]],
                "category_id": ids.categories[refs["category"]],
                "group_id": ids.groups[refs["group"]] if refs["group"] else None,
            }
            service = await self.by_slug("services", Service, tenant_id, entry, values)
            offices = {ids.offices[slug] for slug in refs["offices"]}
            await self.link_offices(
                "service offices", ServiceOffice, "service_id", service.id, offices
            )

    async def password_hash(self, current: str | None, password: str | None) -> str | None:
        """A hash of the demo password (the current one while it still matches), or None."""
        if not self.local_passwords or not password:
            return None
        return (
            current if await verify_password(current, password) else await hash_password(password)
        )

    async def users(self, tenant_id: uuid.UUID, entries: list[Entry], ids: Ids) -> None:
        for entry in entries:
            key = {"tenant_id": tenant_id, "username": entry.key}
            found = await self.find(User, key)
            password_hash = await self.password_hash(
                found.password_hash if found else None, entry.refs["password"]
            )
            values = {**entry.values, "password_hash": password_hash}
            user = await self.write("users", User, key, values, found)
            offices = {ids.offices[slug] for slug in entry.refs["offices"]}
            await self.link_offices("operator offices", OperatorOffice, "user_id", user.id, offices)

    async def tenant(self, demo: DemoTenant, progress: Progress) -> None:
        tenant = await self.upsert("tenants", Tenant, {"slug": demo.slug}, demo.values)
        ids = Ids()
        progress(f"{demo.slug}: offices, categories and service groups")
        for entry in demo.offices:
            office = await self.by_slug("offices", Office, tenant.id, entry, entry.values)
            ids.offices[entry.key] = office.id
        await self.categories(tenant.id, demo.categories, ids)
        for entry in demo.groups:
            group = await self.by_slug("groups", ServiceGroup, tenant.id, entry, entry.values)
            ids.groups[entry.key] = group.id
        progress(f"{demo.slug}: {len(demo.forms)} forms")
        ids.forms = {form.key: await self.form(tenant.id, form) for form in demo.forms}
        progress(f"{demo.slug}: {len(demo.services)} services")
        await self.services(tenant.id, demo.services, ids)
        progress(f"{demo.slug}: {len(demo.users)} accounts")
        await self.users(tenant.id, demo.users, ids)


async def latest_definition(head: FormHead) -> Spec | None:
    latest = await FormVersion.find_one({"form_id": str(head.id), "version": head.current_version})
    return None if latest is None else latest.definition


def ignore(message: str) -> None:
    """The progress callback when the caller passes none."""


async def seed_demo(
    sessions: async_sessionmaker[AsyncSession],
    *,
    local_passwords: bool,
    progress: Progress | None = None,
) -> SeedReport:
    """Create or bring up to date the demo municipalities. Beanie must be initialised.

    Accounts get the demo passwords only with `local_passwords`; otherwise (production) no
    password hash is stored, and one stored by an earlier local seeding is removed.
    """
    report = SeedReport()
    say = progress or ignore
    for name in DEMO_TENANTS:
        demo = load_demo(name)
        say(f"{demo.slug}: municipality")
        async with sessions() as session, session.begin():
            await Seeder(session, report, local_passwords).tenant(demo, say)
    return report
