"""Calendars of offices and resources, their opening hours and closures, and the bookings on them.

No place is ever given twice, and PostgreSQL itself sees to it: an appointment takes a numbered
desk of its calendar, and an exclusion constraint forbids two appointments on the same desk
at overlapping times while their status occupies the place (DRAFT, i.e. a hold, PENDING or
APPROVED). Two more forbid one person two such appointments at overlapping times on one
calendar, so nobody takes every desk of a slot. A resource booking occupies its interval
widened by the resource's buffer, under the same kind of constraint. Python chooses the desk;
the constraints are what make it certain.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from enum import Enum, StrEnum
from typing import Any

from sqlalchemy import (
    Column,
    Computed,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy import Enum as SQLEnum
from sqlalchemy.dialects.postgresql import ARRAY, TSTZRANGE, ExcludeConstraint
from sqlmodel import Field, SQLModel

from models.base import (
    created_field,
    id_field,
    json_object_field,
    tenant_field,
    timestamp_field,
    updated_field,
)


class CalendarKind(StrEnum):
    FIXED_SLOTS = "FIXED_SLOTS"
    """Appointments at an office, on slots of a fixed length."""
    VARIABLE_SLOTS = "VARIABLE_SLOTS"
    """A resource (room, hall, field) booked for intervals of the booker's choosing."""


class BookingStatus(Enum):
    """Meeting and booking states; the value is SDC's numeric code (EXPIRED is Sportello's)."""

    PENDING = 0
    APPROVED = 1
    REFUSED = 2
    MISSED = 3
    DONE = 4
    CANCELLED = 5
    DRAFT = 6
    EXPIRED = 7
    """A hold that was never confirmed; not an SDC state (SDC deletes such drafts)."""

    @property
    def code(self) -> int:
        return int(self.value)


OCCUPYING = (BookingStatus.DRAFT, BookingStatus.PENDING, BookingStatus.APPROVED)
"""Statuses that hold a place: the exclusion constraints apply to these only."""

OCCUPYING_SQL = "status IN ('DRAFT', 'PENDING', 'APPROVED')"

DEFAULT_MAX_OPEN_HOLDS = 2
"""Unconfirmed holds one person may have on one calendar at a time (`SPORTELLO_MAX_OPEN_HOLDS`)."""


def _status_column() -> Any:
    return Column(SQLEnum(BookingStatus, native_enum=False, length=16), nullable=False)


class ResourceKind(StrEnum):
    ROOM = "ROOM"
    HALL = "HALL"
    SPORTS_FIELD = "SPORTS_FIELD"
    EQUIPMENT = "EQUIPMENT"


class Calendar(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    office_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("office.id", ondelete="CASCADE"), nullable=True, index=True),
    )
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    kind: CalendarKind = Field(
        default=CalendarKind.FIXED_SLOTS,
        sa_column=Column(SQLEnum(CalendarKind, native_enum=False, length=16), nullable=False),
    )
    time_zone: str = Field(default="Europe/Rome", max_length=64)
    booking_window_days: int = 30
    minimum_notice_hours: int = 0
    hold_minutes: int = 10
    cancel_days_before: int = 3
    """Citizens may cancel or reschedule until this many days before the start."""
    moderated: bool = False
    """Bookings wait for an operator's approval (PENDING) instead of being APPROVED at once."""
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


class ServiceCalendar(SQLModel, table=True):
    """The calendars on which a service's appointments are booked."""

    __tablename__ = "service_calendar"

    service_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("service.id", ondelete="CASCADE"), primary_key=True)
    )
    calendar_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("calendar.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class OpeningHour(SQLModel, table=True):
    __tablename__ = "opening_hour"

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    calendar_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("calendar.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    weekdays: list[int] = Field(sa_column=Column(ARRAY(SmallInteger), nullable=False))
    """ISO weekdays, 1 = Monday … 7 = Sunday."""
    begin: time
    end: time
    valid_from: date | None = None
    valid_until: date | None = None
    slot_minutes: int = 30
    buffer_minutes: int = 0
    capacity: int = 1
    """Desks: how many people are seen at once."""
    created_at: datetime = created_field()


class Closure(SQLModel, table=True):
    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    calendar_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("calendar.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    first_day: date
    last_day: date
    reason: str | None = Field(default=None, max_length=200)
    created_at: datetime = created_field()


class Meeting(SQLModel, table=True):
    """An appointment on a calendar's slot, at one of its desks."""

    __table_args__ = (
        ExcludeConstraint(
            (Column("calendar_id"), "="),
            (Column("desk"), "="),
            (Column("during"), "&&"),
            name="meeting_no_double_booking",
            using="gist",
            where=text(OCCUPYING_SQL),
        ),
        # One person, one place at a time on a calendar: a citizen by account, someone the
        # office books for by fiscal code (without one, the office vouches for them).
        ExcludeConstraint(
            (Column("calendar_id"), "="),
            (Column("citizen_id"), "="),
            (Column("during"), "&&"),
            name="meeting_one_per_citizen",
            using="gist",
            where=text(f"{OCCUPYING_SQL} AND citizen_id IS NOT NULL"),
        ),
        ExcludeConstraint(
            (Column("calendar_id"), "="),
            (Column("fiscal_code"), "="),
            (Column("during"), "&&"),
            name="meeting_one_per_fiscal_code",
            using="gist",
            where=text(f"{OCCUPYING_SQL} AND citizen_id IS NULL AND fiscal_code IS NOT NULL"),
        ),
        Index("ix_meeting_calendar_start", "calendar_id", "start_at"),
        Index("ix_meeting_citizen", "tenant_id", "citizen_id", "start_at"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    calendar_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("calendar.id", ondelete="CASCADE"), nullable=False)
    )
    opening_hour_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("opening_hour.id", ondelete="SET NULL"), nullable=True),
    )
    desk: int = Field(sa_column=Column(SmallInteger, nullable=False))
    start_at: datetime = timestamp_field(nullable=False)
    end_at: datetime = timestamp_field(nullable=False)
    during: Any = Field(
        default=None,
        sa_column=Column(TSTZRANGE, Computed("tstzrange(start_at, end_at)", persisted=True)),
    )
    status: BookingStatus = Field(default=BookingStatus.DRAFT, sa_column=_status_column())
    hold_expires_at: datetime | None = timestamp_field()
    citizen_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("user.id", ondelete="SET NULL"), nullable=True),
    )
    booked_by: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("user.id", ondelete="SET NULL"), nullable=True),
    )
    """Who made the booking: the citizen, or an operator on someone's behalf."""
    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=32)
    fiscal_code: str | None = Field(default=None, max_length=16)
    practice_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("practice.id", ondelete="SET NULL"), nullable=True),
    )
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    outcome_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reschedule_count: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


class Resource(SQLModel, table=True):
    """A room, hall, field or piece of equipment, booked on its VARIABLE_SLOTS calendar."""

    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    calendar_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("calendar.id", ondelete="CASCADE"), nullable=False)
    )
    slug: str = Field(max_length=100)
    name: dict[str, str] = json_object_field()
    description: dict[str, str] = json_object_field()
    kind: ResourceKind = Field(
        sa_column=Column(SQLEnum(ResourceKind, native_enum=False, length=16), nullable=False)
    )
    capacity: int
    """People it holds."""
    minimum_minutes: int = 30
    maximum_minutes: int = 240
    granularity_minutes: int = 30
    buffer_minutes: int = 0
    price_per_hour_cents: int | None = None
    address: str | None = Field(default=None, max_length=300)
    """Where it is, as a postal address."""
    photo_url: str | None = Field(default=None, max_length=300)
    """An https address, or a path on this server (the demo's photos are served so)."""
    photo_alt: dict[str, str] = json_object_field()
    """What the photo shows, by language: its text alternative."""
    payment_instructions: dict[str, str] = json_object_field()
    """How to pay for a booking of a priced resource, by language."""
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()


class ResourceBooking(SQLModel, table=True):
    __tablename__ = "resource_booking"
    __table_args__ = (
        ExcludeConstraint(
            (Column("resource_id"), "="),
            (Column("blocked"), "&&"),
            name="resource_booking_no_overlap",
            using="gist",
            where=text(OCCUPYING_SQL),
        ),
        Index("ix_resource_booking_resource_start", "resource_id", "start_at"),
        # the offices' list of bookings to decide on: by status, soonest first
        Index("ix_resource_booking_status_start", "tenant_id", "status", "start_at"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = tenant_field()
    resource_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("resource.id", ondelete="CASCADE"), nullable=False)
    )
    start_at: datetime = timestamp_field(nullable=False)
    end_at: datetime = timestamp_field(nullable=False)
    blocked_until: datetime = timestamp_field(nullable=False)
    """The end plus the resource's buffer: nobody else may start before it."""
    blocked: Any = Field(
        default=None,
        sa_column=Column(TSTZRANGE, Computed("tstzrange(start_at, blocked_until)", persisted=True)),
    )
    status: BookingStatus = Field(default=BookingStatus.DRAFT, sa_column=_status_column())
    hold_expires_at: datetime | None = timestamp_field()
    citizen_id: uuid.UUID | None = Field(
        default=None,
        sa_column=Column(ForeignKey("user.id", ondelete="SET NULL"), nullable=True),
    )
    organisation: str | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    attendees: int = 1
    price_cents: int | None = None
    outcome_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    """The office's note on its decision: shown to the citizen as the reason of a refusal."""
    created_at: datetime = created_field()
    updated_at: datetime = updated_field()
