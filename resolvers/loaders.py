"""Per-request DataLoaders: every relation is fetched in one batch per request and tenant."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from beanie import SortDirection
from bson import ObjectId
from bson.errors import InvalidId
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col, func, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from models.booking import (
    Calendar,
    Closure,
    Meeting,
    OpeningHour,
    Resource,
    ResourceBooking,
    ServiceCalendar,
)
from models.catalogue import Category, Service, ServiceGroup
from models.form import FormHead, FormVersion
from models.office import Office, OperatorOffice, ServiceOffice
from models.practice import (
    Message,
    MessageVisibility,
    Practice,
    PracticeStatusChange,
    StoredFile,
)
from models.user import User
from resolvers.message_pages import MessagePageKey, message_pages_loader
from resolvers.pagination import Page

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Sessions = async_sessionmaker[AsyncSession]


def in_key_order(keys: Iterable[K], found: dict[K, V]) -> list[V | None]:
    return [found.get(key) for key in keys]


def by_id_loader(
    sessions: Sessions, tenant_id: uuid.UUID, model: Any
) -> DataLoader[uuid.UUID, Any]:
    """Rows of one tenant-owned table by primary key; missing or foreign rows load as None."""

    async def load(keys: list[uuid.UUID]) -> list[Any]:
        async with sessions() as session:
            rows = await session.exec(
                select(model).where(col(model.id).in_(keys), model.tenant_id == tenant_id)
            )
            return in_key_order(keys, {row.id: row for row in rows})

    return DataLoader(load_fn=load)


def users_loader(sessions: Sessions, tenant_id: uuid.UUID) -> DataLoader[uuid.UUID, User | None]:
    """Users of the tenant, plus platform admins (who belong to no tenant)."""

    async def load(keys: list[uuid.UUID]) -> list[User | None]:
        async with sessions() as session:
            rows = await session.exec(
                select(User).where(
                    col(User.id).in_(keys),
                    or_(col(User.tenant_id) == tenant_id, col(User.tenant_id).is_(None)),
                )
            )
            return in_key_order(keys, {row.id: row for row in rows})

    return DataLoader(load_fn=load)


def linked_offices_loader(
    sessions: Sessions, tenant_id: uuid.UUID, key_column: Any, office_column: Any
) -> DataLoader[uuid.UUID, list[Office]]:
    """The offices linked to each key through a link table, by slug: those handling a
    service, or those an operator works in."""

    async def load(keys: list[uuid.UUID]) -> list[list[Office]]:
        async with sessions() as session:
            rows = await session.exec(
                select(key_column, Office)
                .join(Office, col(Office.id) == office_column)
                .where(key_column.in_(keys), Office.tenant_id == tenant_id)
                .order_by(col(Office.slug))
            )
            grouped: dict[uuid.UUID, list[Office]] = defaultdict(list)
            for key, office in rows:
                grouped[key].append(office)
            return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def calendars_by_service_loader(
    sessions: Sessions, tenant_id: uuid.UUID
) -> DataLoader[uuid.UUID, list[Calendar]]:
    """The calendars each service's appointments are booked on, by slug."""

    async def load(keys: list[uuid.UUID]) -> list[list[Calendar]]:
        async with sessions() as session:
            rows = await session.exec(
                select(ServiceCalendar.service_id, Calendar)
                .join(Calendar, col(Calendar.id) == col(ServiceCalendar.calendar_id))
                .where(col(ServiceCalendar.service_id).in_(keys), Calendar.tenant_id == tenant_id)
                .order_by(col(Calendar.slug))
            )
            grouped: dict[uuid.UUID, list[Calendar]] = defaultdict(list)
            for service_id, calendar in rows:
                grouped[service_id].append(calendar)
            return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def grouped_loader(
    sessions: Sessions, tenant_id: uuid.UUID, model: Any, key_column: Any, *order: Any
) -> DataLoader[uuid.UUID, list[Any]]:
    """Rows of `model` per value of `key_column` (e.g. the history of each practice), ordered."""

    async def load(keys: list[uuid.UUID]) -> list[list[Any]]:
        async with sessions() as session:
            rows = await session.exec(
                select(model)
                .where(col(key_column).in_(keys), model.tenant_id == tenant_id)
                .order_by(*order)
            )
            grouped: dict[uuid.UUID, list[Any]] = defaultdict(list)
            for row in rows:
                grouped[getattr(row, key_column.key)].append(row)
            return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


def last_message_loader(
    sessions: Sessions, tenant_id: uuid.UUID, *, with_internal: bool
) -> DataLoader[uuid.UUID, Message | None]:
    """The newest message of each practice (internal notes only for the staff's loader)."""

    async def load(keys: list[uuid.UUID]) -> list[Message | None]:
        statement = (
            select(Message)
            .where(col(Message.practice_id).in_(keys), Message.tenant_id == tenant_id)
            .distinct(col(Message.practice_id))
            .order_by(col(Message.practice_id), col(Message.created_at).desc())
        )
        if not with_internal:
            statement = statement.where(Message.visibility == MessageVisibility.APPLICANT)
        async with sessions() as session:
            rows = await session.exec(statement)
            return in_key_order(keys, {row.practice_id: row for row in rows})

    return DataLoader(load_fn=load)


def unread_count_loader(
    sessions: Sessions, tenant_id: uuid.UUID, *, for_applicant: bool
) -> DataLoader[uuid.UUID, int]:
    """Messages of each practice the other side wrote and the reader has not read yet."""

    async def load(keys: list[uuid.UUID]) -> list[int]:
        async with sessions() as session:
            rows = await session.exec(
                select(Message.practice_id, func.count())
                .where(
                    col(Message.practice_id).in_(keys),
                    Message.tenant_id == tenant_id,
                    Message.visibility == MessageVisibility.APPLICANT,
                    col(Message.from_applicant) == (not for_applicant),
                    col(Message.read_at).is_(None),
                )
                .group_by(col(Message.practice_id))
            )
            counts = dict(rows.all())
            return [counts.get(key, 0) for key in keys]

    return DataLoader(load_fn=load)


def object_ids(keys: Iterable[str]) -> list[ObjectId]:
    ids = []
    for key in keys:
        try:
            ids.append(ObjectId(key))
        except (InvalidId, TypeError):
            continue
    return ids


def form_heads_loader(tenant_id: uuid.UUID) -> DataLoader[str, FormHead | None]:
    async def load(keys: list[str]) -> list[FormHead | None]:
        heads = await FormHead.find(
            {"_id": {"$in": object_ids(keys)}, "tenant_id": tenant_id}
        ).to_list()
        return in_key_order(keys, {str(head.id): head for head in heads})

    return DataLoader(load_fn=load)


FormVersionKey = tuple[str, int]


def form_versions_loader(tenant_id: uuid.UUID) -> DataLoader[FormVersionKey, FormVersion | None]:
    """Versions by (form id, version number): one query for every version asked in a request."""

    async def load(keys: list[FormVersionKey]) -> list[FormVersion | None]:
        wanted = [{"form_id": form_id, "version": version} for form_id, version in set(keys)]
        versions = await FormVersion.find({"$or": wanted, "tenant_id": tenant_id}).to_list()
        return in_key_order(keys, {(v.form_id, v.version): v for v in versions})

    return DataLoader(load_fn=load)


def form_history_loader(tenant_id: uuid.UUID) -> DataLoader[str, list[FormVersion]]:
    """Every version of each form, newest first."""

    async def load(keys: list[str]) -> list[list[FormVersion]]:
        versions = await FormVersion.find(
            {"form_id": {"$in": keys}, "tenant_id": tenant_id},
            sort=[("version", SortDirection.DESCENDING)],
        ).to_list()
        grouped: dict[str, list[FormVersion]] = defaultdict(list)
        for version in versions:
            grouped[version.form_id].append(version)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    """Every DataLoader of one request, scoped to its tenant."""

    category: DataLoader[uuid.UUID, Category | None]
    service_group: DataLoader[uuid.UUID, ServiceGroup | None]
    service: DataLoader[uuid.UUID, Service | None]
    office: DataLoader[uuid.UUID, Office | None]
    user: DataLoader[uuid.UUID, User | None]
    offices_by_service: DataLoader[uuid.UUID, list[Office]]
    operator_offices: DataLoader[uuid.UUID, list[Office]]
    form: DataLoader[str, FormHead | None]
    form_version: DataLoader[FormVersionKey, FormVersion | None]
    form_history: DataLoader[str, list[FormVersion]]
    practice: DataLoader[uuid.UUID, Practice | None]
    message: DataLoader[uuid.UUID, Message | None]
    practice_history: DataLoader[uuid.UUID, list[PracticeStatusChange]]
    practice_files: DataLoader[uuid.UUID, list[StoredFile]]
    stored_file: DataLoader[uuid.UUID, StoredFile | None]
    message_files: DataLoader[uuid.UUID, list[StoredFile]]
    status_change_files: DataLoader[uuid.UUID, list[StoredFile]]
    message_pages: DataLoader[MessagePageKey, Page[Message]]
    last_message: DataLoader[uuid.UUID, Message | None]
    last_public_message: DataLoader[uuid.UUID, Message | None]
    unread_by_applicant: DataLoader[uuid.UUID, int]
    unread_by_staff: DataLoader[uuid.UUID, int]
    calendar: DataLoader[uuid.UUID, Calendar | None]
    opening_hours: DataLoader[uuid.UUID, list[OpeningHour]]
    meeting: DataLoader[uuid.UUID, Meeting | None]
    resource: DataLoader[uuid.UUID, Resource | None]
    resource_booking: DataLoader[uuid.UUID, ResourceBooking | None]
    calendars_by_office: DataLoader[uuid.UUID, list[Calendar]]
    calendars_by_service: DataLoader[uuid.UUID, list[Calendar]]
    closure: DataLoader[uuid.UUID, Closure | None]
    closures: DataLoader[uuid.UUID, list[Closure]]

    @classmethod
    def for_tenant(cls, sessions: Sessions, tenant_id: uuid.UUID) -> Loaders:
        return cls(
            category=by_id_loader(sessions, tenant_id, Category),
            service_group=by_id_loader(sessions, tenant_id, ServiceGroup),
            service=by_id_loader(sessions, tenant_id, Service),
            office=by_id_loader(sessions, tenant_id, Office),
            user=users_loader(sessions, tenant_id),
            offices_by_service=linked_offices_loader(
                sessions, tenant_id, col(ServiceOffice.service_id), col(ServiceOffice.office_id)
            ),
            operator_offices=linked_offices_loader(
                sessions, tenant_id, col(OperatorOffice.user_id), col(OperatorOffice.office_id)
            ),
            form=form_heads_loader(tenant_id),
            form_version=form_versions_loader(tenant_id),
            form_history=form_history_loader(tenant_id),
            practice=by_id_loader(sessions, tenant_id, Practice),
            message=by_id_loader(sessions, tenant_id, Message),
            practice_history=grouped_loader(
                sessions,
                tenant_id,
                PracticeStatusChange,
                col(PracticeStatusChange.practice_id),
                col(PracticeStatusChange.created_at),
            ),
            practice_files=grouped_loader(
                sessions,
                tenant_id,
                StoredFile,
                col(StoredFile.practice_id),
                col(StoredFile.created_at),
            ),
            stored_file=by_id_loader(sessions, tenant_id, StoredFile),
            message_files=grouped_loader(
                sessions,
                tenant_id,
                StoredFile,
                col(StoredFile.message_id),
                col(StoredFile.created_at),
            ),
            status_change_files=grouped_loader(
                sessions,
                tenant_id,
                StoredFile,
                col(StoredFile.status_change_id),
                col(StoredFile.created_at),
            ),
            message_pages=message_pages_loader(sessions, tenant_id),
            last_message=last_message_loader(sessions, tenant_id, with_internal=True),
            last_public_message=last_message_loader(sessions, tenant_id, with_internal=False),
            unread_by_applicant=unread_count_loader(sessions, tenant_id, for_applicant=True),
            unread_by_staff=unread_count_loader(sessions, tenant_id, for_applicant=False),
            calendar=by_id_loader(sessions, tenant_id, Calendar),
            opening_hours=grouped_loader(
                sessions,
                tenant_id,
                OpeningHour,
                col(OpeningHour.calendar_id),
                col(OpeningHour.begin),
            ),
            meeting=by_id_loader(sessions, tenant_id, Meeting),
            resource=by_id_loader(sessions, tenant_id, Resource),
            resource_booking=by_id_loader(sessions, tenant_id, ResourceBooking),
            calendars_by_office=grouped_loader(
                sessions, tenant_id, Calendar, col(Calendar.office_id), col(Calendar.slug)
            ),
            calendars_by_service=calendars_by_service_loader(sessions, tenant_id),
            closure=by_id_loader(sessions, tenant_id, Closure),
            closures=grouped_loader(
                sessions,
                tenant_id,
                Closure,
                col(Closure.calendar_id),
                col(Closure.first_day),
                col(Closure.last_day),
            ),
        )
