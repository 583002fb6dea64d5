"""Calendars, their slots and the appointments booked on them, as GraphQL types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

import strawberry
from strawberry import relay

from models.booking import BookingStatus, CalendarKind
from models.booking import Calendar as CalendarRow
from models.booking import Closure as ClosureRow
from models.booking import Meeting as MeetingRow
from models.ical import ics
from models.slots import Slot as SlotValue
from resolvers import calendars
from resolvers.appointment_changes import ChangeRights, change_rights, may_see
from resolvers.appointments import calendar_entry
from resolvers.context import Context
from schema.base import Info, load_nodes
from schema.catalogue import Office
from schema.user import User

strawberry.enum(
    BookingStatus,
    name="BookingStatus",
    description="Where an appointment or booking is; `statusCode` gives SDC's numeric code.",
)
strawberry.enum(CalendarKind)


@strawberry.type(description="A bookable slot; `free` places out of `capacity` desks.")
class Slot:
    calendar_id: relay.GlobalID = strawberry.field(description="The calendar to hold it on.")
    start: datetime
    end: datetime
    capacity: int
    free: int

    @classmethod
    def from_value(cls, calendar_id: uuid.UUID, slot: SlotValue) -> Slot:
        return cls(
            calendar_id=relay.GlobalID("Calendar", str(calendar_id)),
            start=slot.start,
            end=slot.end,
            capacity=slot.capacity,
            free=slot.free,
        )


@strawberry.type(description="When a calendar is open (local wall-clock times).")
class OpeningHours:
    weekdays: list[int] = strawberry.field(description="ISO weekdays: 1 Monday … 7 Sunday.")
    begin: time
    end: time
    valid_from: date | None
    valid_until: date | None
    slot_minutes: int
    buffer_minutes: int
    capacity: int


@strawberry.type(description="Days a calendar is closed, besides public holidays.")
class Closure(relay.Node):
    id: relay.NodeID[str]
    first_day: date
    last_day: date = strawberry.field(description="Included; the same as firstDay for one day.")
    reason: str | None

    @classmethod
    def from_row(cls, row: ClosureRow) -> Closure:
        return cls(
            id=str(row.id), first_day=row.first_day, last_day=row.last_day, reason=row.reason
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        return await load_nodes(info.context.loaders.closure, node_ids, cls.from_row)


@strawberry.type(description="An office's agenda, or a resource's, with its booking rules.")
class Calendar(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    kind: CalendarKind
    time_zone: str
    booking_window_days: int
    minimum_notice_hours: int
    hold_minutes: int = strawberry.field(description="How long a held slot stays held.")
    cancel_days_before: int = strawberry.field(
        description="Citizens may cancel or reschedule until this many days before."
    )
    moderated: bool = strawberry.field(description="Bookings wait for an operator's approval.")
    row: strawberry.Private[CalendarRow]

    @classmethod
    def from_row(cls, row: CalendarRow, ctx: Context) -> Calendar:
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=ctx.text(row.name) or row.slug,
            kind=row.kind,
            time_zone=row.time_zone,
            booking_window_days=row.booking_window_days,
            minimum_notice_hours=row.minimum_notice_hours,
            hold_minutes=row.hold_minutes,
            cancel_days_before=row.cancel_days_before,
            moderated=row.moderated,
            row=row,
        )

    @strawberry.field
    async def office(self, info: Info) -> Office | None:
        if self.row.office_id is None:
            return None
        row = await info.context.loaders.office.load(self.row.office_id)
        return None if row is None else Office.from_row(row, info.context)

    @strawberry.field
    async def opening_hours(self, info: Info) -> list[OpeningHours]:
        rows = await info.context.loaders.opening_hours.load(self.row.id)
        return [
            OpeningHours(
                weekdays=list(row.weekdays),
                begin=row.begin,
                end=row.end,
                valid_from=row.valid_from,
                valid_until=row.valid_until,
                slot_minutes=row.slot_minutes,
                buffer_minutes=row.buffer_minutes,
                capacity=row.capacity,
            )
            for row in rows
        ]

    @strawberry.field(description="Days it is closed besides public holidays, soonest first.")
    async def closures(self, info: Info) -> list[Closure]:
        rows = await info.context.loaders.closures.load(self.row.id)
        return [Closure.from_row(row) for row in rows]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.calendar, node_ids, lambda r: cls.from_row(r, ctx))


@strawberry.type(description="An appointment on a calendar's slot.")
class Appointment(relay.Node):
    id: relay.NodeID[str]
    status: BookingStatus
    start: datetime
    end: datetime
    hold_expires_at: datetime | None = strawberry.field(
        description="A held slot is kept until then unless confirmed."
    )
    message: str | None
    outcome_note: str | None
    reschedule_count: int
    name: str | None = strawberry.field(description="Who it is for, when booked on their behalf.")
    row: strawberry.Private[MeetingRow]

    @classmethod
    def from_row(cls, row: MeetingRow) -> Appointment:
        return cls(
            id=str(row.id),
            status=row.status,
            start=row.start_at,
            end=row.end_at,
            hold_expires_at=row.hold_expires_at,
            message=row.message,
            outcome_note=row.outcome_note,
            reschedule_count=row.reschedule_count,
            name=row.name,
            row=row,
        )

    @strawberry.field(description="SDC's numeric code of the status.")
    def status_code(self) -> int:
        return self.status.code

    async def rights(self, info: Info) -> ChangeRights:
        ctx = info.context
        calendar = await ctx.loaders.calendar.load(self.row.calendar_id)
        assert calendar is not None, "a meeting's calendar is a foreign key"
        return await change_rights(ctx, self.row, calendar)

    @strawberry.field(
        description="Until this instant the citizen may move or cancel it online: the "
        "calendar's `cancelDaysBefore` days before the start, on its local wall clock. "
        "The office may change it at any time."
    )
    async def change_deadline(self, info: Info) -> datetime:
        return (await self.rights(info)).deadline

    @strawberry.field(
        description="The change deadline has passed, on the server's clock: once booked, "
        "only the office can move or cancel it (also told of a hold, before it is confirmed)."
    )
    async def change_deadline_passed(self, info: Info) -> bool:
        return (await self.rights(info)).deadline_passed

    @strawberry.field(
        description="The viewer may cancel it now (cancelAppointment): a hold always, a "
        "booking until the change deadline, or at any time by the staff of its office."
    )
    async def can_cancel(self, info: Info) -> bool:
        return (await self.rights(info)).may_cancel

    @strawberry.field(
        description="The viewer may move it now (rescheduleAppointment): a pending or "
        "approved booking until the change deadline, or at any time by its office's staff."
    )
    async def can_reschedule(self, info: Info) -> bool:
        return (await self.rights(info)).may_reschedule

    @strawberry.field(description="The appointment as an iCalendar (.ics) file's text.")
    async def ics(self, info: Info) -> str | None:
        ctx = info.context
        calendar = await ctx.loaders.calendar.load(self.row.calendar_id)
        if calendar is None:
            return None
        entry = calendar_entry(self.row, calendar, ctx.tenant)
        return ics(entry, self.row.updated_at).decode()

    @strawberry.field
    async def calendar(self, info: Info) -> Calendar | None:
        row = await info.context.loaders.calendar.load(self.row.calendar_id)
        return None if row is None else Calendar.from_row(row, info.context)

    @strawberry.field(description="The citizen it is for (null when booked for a name).")
    async def citizen(self, info: Info) -> User | None:
        if self.row.citizen_id is None:
            return None
        row = await info.context.loaders.user.load(self.row.citizen_id)
        return None if row is None else User.seen_by(row, info.context)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        rows = await load_nodes(ctx.loaders.meeting, node_ids, lambda row: row)
        calendars = await ctx.loaders.calendar.load_many(
            [row.calendar_id for row in rows if row is not None]
        )
        by_id = {calendar.id: calendar for calendar in calendars if calendar is not None}
        scope = await ctx.staff_scope()
        return [
            cls.from_row(row)
            if row is not None and may_see(ctx, scope, row, by_id.get(row.calendar_id))
            else None
            for row in rows
        ]


async def slots_of(
    info: Info, calendar_ids: list[uuid.UUID], first_day: date, last_day: date
) -> list[Slot] | None:
    """The free slots of these calendars, in time order; None if one is unknown."""
    slots: list[Slot] = []
    for calendar_id in calendar_ids:
        found = await calendars.calendar_slots(info.context, calendar_id, first_day, last_day)
        if found is None:
            return None
        slots += [Slot.from_value(calendar_id, slot) for slot in found if slot.free > 0]
    return sorted(slots, key=lambda slot: (slot.start, str(slot.calendar_id)))
