"""Offices, calendars, opening hours, closures and resources as tenant admins set them up, and
the public list of offices."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Annotated

import strawberry
from strawberry import relay

from models.booking import Calendar as CalendarRow
from models.booking import Closure as ClosureRow
from models.booking import Resource as ResourceRow
from models.booking import ResourceKind
from models.office import Office as OfficeRow
from resolvers import calendar_admin
from resolvers.catalogue_admin import Changes
from resolvers.errors import Outcome
from schema.appointment import Calendar, Closure
from schema.base import (
    TOTAL_COUNT,
    FieldError,
    Info,
    changes_of,
    connection,
    decode_id,
    field_errors,
    page_request,
    pagination_errors,
    selected_paths,
)
from schema.catalogue import Office
from schema.mutations import TranslatedTextInput
from schema.permissions import Audience, Requires
from schema.queries import PAGE_DOC
from schema.resource import Resource

OMITTED = "Omitted fields are left as they are."


@strawberry.type
class OfficeConnection(relay.Connection[Office]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


def decoded(changes: Changes, ids: dict[str, str], not_null: Iterable[str]) -> Changes:
    """Global ids sent (one, or a list) as uuids of the given types; nulls sent for fields
    that cannot be null dropped, as if omitted."""
    for name in not_null:
        if name in changes and changes[name] is None:
            del changes[name]
    for name, type_name in ids.items():
        value = changes.get(name)
        if isinstance(value, list):
            changes[name] = [decode_id(each, type_name) for each in value]
        elif value is not None:
            changes[name] = decode_id(value, type_name)
    return changes


@strawberry.input(description="How to reach an office; empty fields are left out.")
class ContactsInput:
    email: str | None = None
    pec: str | None = strawberry.field(default=None, description="Certified e-mail (PEC).")
    phone: str | None = None
    url: str | None = strawberry.field(default=None, description="An http(s) address.")

    def as_dict(self) -> dict[str, str]:
        return {name: text.strip() for name, text in vars(self).items() if text and text.strip()}


@strawberry.input(description="Fields of an office. " + OMITTED)
class OfficeFieldsInput:
    slug: str | None = strawberry.UNSET
    name: TranslatedTextInput | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    contacts: ContactsInput | None = strawberry.field(
        default=strawberry.UNSET, description="Replaces every contact of the office."
    )
    service_ids: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET, description="The services it handles: replaces the list."
    )


def office_changes(fields: OfficeFieldsInput) -> Changes:
    return decoded(changes_of(fields), {"service_ids": "Service"}, ("slug", "name", "contacts"))


@strawberry.input
class UpdateOfficeInput:
    id: relay.GlobalID
    fields: OfficeFieldsInput


@strawberry.type
class OfficePayload:
    office: Office | None
    errors: list[FieldError]


@strawberry.input(description="Fields of an office's calendar. " + OMITTED)
class CalendarFieldsInput:
    office_id: relay.GlobalID | None = strawberry.UNSET
    slug: str | None = strawberry.UNSET
    name: TranslatedTextInput | None = strawberry.UNSET
    time_zone: str | None = strawberry.field(
        default=strawberry.UNSET, description="An IANA zone; Europe/Rome when omitted."
    )
    booking_window_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="How far ahead one may book: 1 to 180 days."
    )
    minimum_notice_hours: int | None = strawberry.UNSET
    hold_minutes: int | None = strawberry.field(
        default=strawberry.UNSET, description="How long a held slot stays held: 1 to 120."
    )
    cancel_days_before: int | None = strawberry.UNSET
    moderated: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Bookings wait for an operator's approval."
    )
    service_ids: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET, description="The services booked on it: replaces the list."
    )


CALENDAR_NOT_NULL = (
    "office_id",
    "slug",
    "name",
    "time_zone",
    "booking_window_days",
    "minimum_notice_hours",
    "hold_minutes",
    "cancel_days_before",
    "moderated",
)


def calendar_changes(fields: CalendarFieldsInput) -> Changes:
    ids = {"office_id": "Office", "service_ids": "Service"}
    return decoded(changes_of(fields), ids, CALENDAR_NOT_NULL)


@strawberry.input
class UpdateCalendarInput:
    id: relay.GlobalID
    fields: CalendarFieldsInput


@strawberry.type
class CalendarPayload:
    calendar: Calendar | None
    errors: list[FieldError]


@strawberry.input(description="One range of opening hours, in the calendar's local time.")
class OpeningHoursInput:
    weekdays: list[int] = strawberry.field(description="ISO weekdays: 1 Monday … 7 Sunday.")
    begin: time
    end: time = strawberry.field(description="After begin; 00:00 for midnight.")
    valid_from: date | None = strawberry.field(
        default=None, description="First day it applies (e.g. summer hours); always if null."
    )
    valid_until: date | None = strawberry.field(default=None, description="Last day, included.")
    slot_minutes: int = strawberry.field(default=30, description="5 to 480.")
    buffer_minutes: int = strawberry.field(default=0, description="Kept free after each slot.")
    capacity: int = strawberry.field(default=1, description="Desks: people seen at once, 1–50.")


@strawberry.input
class SetOpeningHoursInput:
    calendar_id: relay.GlobalID
    hours: list[OpeningHoursInput] = strawberry.field(
        description="Every range of the calendar: replaces those it had."
    )


@strawberry.input
class AddClosureInput:
    calendar_id: relay.GlobalID
    first_day: date
    last_day: date | None = strawberry.field(default=None, description="Omit for one day.")
    reason: str | None = None


@strawberry.input
class RemoveClosureInput:
    id: relay.GlobalID


@strawberry.type
class ClosurePayload:
    closure: Closure | None
    calendar: Calendar | None
    errors: list[FieldError]


@strawberry.input(description="Fields of a bookable resource. " + OMITTED)
class ResourceFieldsInput:
    slug: str | None = strawberry.UNSET
    name: TranslatedTextInput | None = strawberry.UNSET
    description: TranslatedTextInput | None = strawberry.UNSET
    kind: ResourceKind | None = strawberry.UNSET
    capacity: int | None = strawberry.field(default=strawberry.UNSET, description="People.")
    minimum_minutes: int | None = strawberry.UNSET
    maximum_minutes: int | None = strawberry.UNSET
    granularity_minutes: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="The booking grid; the minimum and maximum are multiples of it.",
    )
    buffer_minutes: int | None = strawberry.UNSET
    price_per_hour_cents: int | None = strawberry.field(
        default=strawberry.UNSET, description="Null when free of charge."
    )
    moderated: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Bookings wait for an operator's approval."
    )
    address: str | None = strawberry.field(
        default=strawberry.UNSET, description="Where it is: a postal address."
    )
    photo_url: str | None = strawberry.field(
        default=strawberry.UNSET,
        description="An https address of a photo, or a path on this server starting with /.",
    )
    photo_alt: TranslatedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="What the photo shows, for who cannot see it."
    )
    payment_instructions: TranslatedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="How to pay for a booking of a priced resource."
    )


RESOURCE_NOT_NULL = (
    "slug",
    "name",
    "kind",
    "capacity",
    "minimum_minutes",
    "maximum_minutes",
    "granularity_minutes",
    "buffer_minutes",
    "moderated",
)


def resource_changes(fields: ResourceFieldsInput) -> Changes:
    changes = decoded(changes_of(fields), {}, RESOURCE_NOT_NULL)
    for name in ("description", "photo_alt", "payment_instructions"):
        if name in changes and changes[name] is None:
            changes[name] = {}
    return changes


@strawberry.input
class UpdateResourceInput:
    id: relay.GlobalID
    fields: ResourceFieldsInput


@strawberry.type
class ResourcePayload:
    resource: Resource | None
    errors: list[FieldError]


def office_payload(info: Info, outcome: Outcome[OfficeRow]) -> OfficePayload:
    found = None if outcome.value is None else Office.from_row(outcome.value, info.context)
    return OfficePayload(office=found, errors=field_errors(outcome.problems))


def calendar_payload(info: Info, outcome: Outcome[CalendarRow]) -> CalendarPayload:
    found = None if outcome.value is None else Calendar.from_row(outcome.value, info.context)
    return CalendarPayload(calendar=found, errors=field_errors(outcome.problems))


async def closure_payload(info: Info, outcome: Outcome[ClosureRow]) -> ClosurePayload:
    if outcome.value is None:
        return ClosurePayload(closure=None, calendar=None, errors=field_errors(outcome.problems))
    calendar = await info.context.loaders.calendar.load(outcome.value.calendar_id)
    return ClosurePayload(
        closure=Closure.from_row(outcome.value),
        calendar=None if calendar is None else Calendar.from_row(calendar, info.context),
        errors=[],
    )


def resource_payload(info: Info, outcome: Outcome[ResourceRow]) -> ResourcePayload:
    found = None if outcome.value is None else Resource.from_row(outcome.value, info.context)
    return ResourcePayload(resource=found, errors=field_errors(outcome.problems))


@strawberry.type
class AdminBookingQuery:
    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="The municipality's offices, by slug. " + PAGE_DOC,
    )
    async def offices(
        self,
        info: Info,
        worked_by_me: Annotated[
            bool,
            strawberry.argument(
                description="Only the offices whose work the viewer does: an operator's own, "
                "every one for the municipality's administrators, none for citizens."
            ),
        ] = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> OfficeConnection:
        with pagination_errors():
            page = await calendar_admin.list_offices(
                info.context,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
                worked_by_me,
            )
        return connection(OfficeConnection, page, lambda row: Office.from_row(row, info.context))

    @strawberry.field(extensions=[Requires(Audience.ANYONE)], description="An office by id.")
    async def office(self, info: Info, id: relay.GlobalID) -> Office | None:
        row = await info.context.loaders.office.load(decode_id(id, "Office"))
        return None if row is None else Office.from_row(row, info.context)


@strawberry.type
class AdminBookingMutation:
    @strawberry.mutation(extensions=[Requires(Audience.TENANT_ADMIN)], description="Add an office.")
    async def create_office(self, info: Info, input: OfficeFieldsInput) -> OfficePayload:
        outcome = await calendar_admin.create_office(info.context, office_changes(input))
        return office_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change an office and the services it handles.",
    )
    async def update_office(self, info: Info, input: UpdateOfficeInput) -> OfficePayload:
        outcome = await calendar_admin.update_office(
            info.context, decode_id(input.id, "Office"), office_changes(input.fields)
        )
        return office_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Add an appointment calendar (fixed slots) to an office; give it opening "
        "hours with `setOpeningHours`.",
    )
    async def create_calendar(self, info: Info, input: CalendarFieldsInput) -> CalendarPayload:
        outcome = await calendar_admin.create_calendar(info.context, calendar_changes(input))
        return calendar_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change a calendar's booking rules (a resource's too).",
    )
    async def update_calendar(self, info: Info, input: UpdateCalendarInput) -> CalendarPayload:
        outcome = await calendar_admin.update_calendar(
            info.context, decode_id(input.id, "Calendar"), calendar_changes(input.fields)
        )
        return calendar_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Replace the opening hours of a calendar (an office's or a resource's). "
        "Problems name the row, e.g. `hours[2].end`. Appointments already booked stay.",
    )
    async def set_opening_hours(self, info: Info, input: SetOpeningHoursInput) -> CalendarPayload:
        rules = [
            calendar_admin.OpeningHoursRule(
                weekdays=list(row.weekdays),
                begin=row.begin,
                end=row.end,
                valid_from=row.valid_from,
                valid_until=row.valid_until,
                slot_minutes=row.slot_minutes,
                buffer_minutes=row.buffer_minutes,
                capacity=row.capacity,
            )
            for row in input.hours
        ]
        outcome = await calendar_admin.set_opening_hours(
            info.context, decode_id(input.calendar_id, "Calendar"), rules
        )
        return calendar_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Close a calendar on a day or a range of days: it offers no slots then.",
    )
    async def add_closure(self, info: Info, input: AddClosureInput) -> ClosurePayload:
        request = calendar_admin.ClosureRequest(
            calendar_id=decode_id(input.calendar_id, "Calendar"),
            first_day=input.first_day,
            last_day=input.last_day,
            reason=input.reason,
        )
        return await closure_payload(info, await calendar_admin.add_closure(info.context, request))

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Open a calendar again on a closure's days.",
    )
    async def remove_closure(self, info: Info, input: RemoveClosureInput) -> ClosurePayload:
        outcome = await calendar_admin.remove_closure(info.context, decode_id(input.id, "Closure"))
        return await closure_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Add a bookable resource with its own calendar (variable slots); give it "
        "opening hours with `setOpeningHours` on `resource.calendar`.",
    )
    async def create_resource(self, info: Info, input: ResourceFieldsInput) -> ResourcePayload:
        outcome = await calendar_admin.create_resource(info.context, resource_changes(input))
        return resource_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change a bookable resource.",
    )
    async def update_resource(self, info: Info, input: UpdateResourceInput) -> ResourcePayload:
        outcome = await calendar_admin.update_resource(
            info.context, decode_id(input.id, "Resource"), resource_changes(input.fields)
        )
        return resource_payload(info, outcome)
