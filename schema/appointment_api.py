"""Queries and mutations of appointments: free slots, holds, confirmations, the office's agenda."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from graphql import GraphQLError
from strawberry import relay

from models.booking import BookingStatus
from models.booking import Meeting as MeetingRow
from resolvers import agenda, appointment_changes, appointments, calendars, resource_bookings
from resolvers.errors import Outcome
from resolvers.limits import MAX_AGENDA_DAYS, day_range_problem, period_problem
from resolvers.wording import say
from schema.appointment import Appointment, Calendar, Slot, slots_of
from schema.base import (
    TOTAL_COUNT,
    FieldError,
    Info,
    connection,
    decode_id,
    field_errors,
    optional_id,
    page_request,
    pagination_errors,
    refuse_invalid,
    selected_paths,
)
from schema.permissions import Audience, Requires
from schema.resource import ResourceBooking

IDEMPOTENCY = "The same key again returns the first result and books nothing more."
PAGE_DOC = "Relay pagination: `first`/`after` forward, `last`/`before` backward; at most 100."


@strawberry.type
class AppointmentConnection(relay.Connection[Appointment]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.input
class HoldSlotInput:
    calendar_id: relay.GlobalID
    start: datetime = strawberry.field(description="The start of a slot from `freeSlots`.")
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)
    name: str | None = strawberry.field(
        default=None, description="Operators booking on someone's behalf: who it is for."
    )
    email: str | None = None
    phone: str | None = None
    fiscal_code: str | None = None


@strawberry.input
class ConfirmAppointmentInput:
    id: relay.GlobalID
    message: str | None = strawberry.field(default=None, description="The reason of the visit.")
    practice_id: relay.GlobalID | None = None


@strawberry.input
class CancelAppointmentInput:
    id: relay.GlobalID
    reason: str | None = None


@strawberry.input
class RescheduleAppointmentInput:
    id: relay.GlobalID
    start: datetime


@strawberry.input
class BookingDecisionInput:
    id: relay.GlobalID = strawberry.field(description="An Appointment's or a ResourceBooking's.")
    note: str | None = strawberry.field(
        default=None,
        description="The office's note, shown to the citizen: on a refusal, its reason.",
    )


@strawberry.type
class AppointmentPayload:
    appointment: Appointment | None
    errors: list[FieldError]


@strawberry.type(description="The appointment or resource booking an operator decided on.")
class BookingPayload:
    appointment: Appointment | None
    resource_booking: ResourceBooking | None
    errors: list[FieldError]


def payload(outcome: Outcome[MeetingRow]) -> AppointmentPayload:
    found = None if outcome.value is None else Appointment.from_row(outcome.value)
    return AppointmentPayload(appointment=found, errors=field_errors(outcome.problems))


@strawberry.type
class AppointmentQuery:
    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)], description="A calendar of an office or resource."
    )
    async def calendar(self, info: Info, id: relay.GlobalID) -> Calendar | None:
        row = await info.context.loaders.calendar.load(decode_id(id, "Calendar"))
        return None if row is None else Calendar.from_row(row, info.context)

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="Slots with free places between two local dates (at most 62 days), "
        "computed from opening hours, closures, holidays, capacity, bookings and holds. "
        "Public; cacheable over GET.",
    )
    async def free_slots(
        self,
        info: Info,
        start: date,
        end: date,
        calendar_id: relay.GlobalID | None = None,
        service_id: relay.GlobalID | None = None,
    ) -> list[Slot]:
        if (calendar_id is None) == (service_id is None):
            message = say("Pass exactly one of `calendarId` and `serviceId`.")
            raise GraphQLError(message, extensions={"code": "INVALID"})
        refuse_invalid(day_range_problem(start, end))
        if calendar_id is not None:
            ids = [decode_id(calendar_id, "Calendar")]
        else:
            assert service_id is not None
            service = decode_id(service_id, "Service")
            ids = await calendars.calendars_of_service(info.context, service)
        found = await slots_of(info, ids, start, end)
        if found is None:
            message = say("This calendar does not exist.")
            raise GraphQLError(message, extensions={"code": "NOT_FOUND"})
        return found

    @strawberry.field(
        extensions=[Requires(Audience.SIGNED_IN, "the caller's own")],
        description="The current user's appointments, soonest first. " + PAGE_DOC,
    )
    async def my_appointments(
        self,
        info: Info,
        include_past: bool = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> AppointmentConnection:
        with pagination_errors():
            page = await agenda.my_appointments(
                info.context,
                include_past,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(AppointmentConnection, page, Appointment.from_row)

    @strawberry.field(
        extensions=[Requires(Audience.STAFF, "of the office asked for")],
        description="Appointments of an office between two instants (at most "
        f"{MAX_AGENDA_DAYS} days), in time order. " + PAGE_DOC,
    )
    async def agenda(
        self,
        info: Info,
        office_id: relay.GlobalID,
        start: datetime,
        end: datetime,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> AppointmentConnection:
        refuse_invalid(period_problem(start, end, MAX_AGENDA_DAYS))
        with pagination_errors():
            page = await agenda.office_agenda(
                info.context,
                decode_id(office_id, "Office"),
                start,
                end,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(AppointmentConnection, page, Appointment.from_row)


@strawberry.type
class AppointmentMutation:
    @strawberry.mutation(
        extensions=[
            Requires(
                Audience.CITIZEN_OR_STAFF,
                "staff book for someone (`name`) on their offices' calendars",
            )
        ],
        description="Hold a slot for the calendar's hold time (e.g. 10 minutes); confirm it to "
        "keep it. The slot is recomputed from the calendar's rules: SLOT_UNAVAILABLE if it "
        "is not bookable, SLOT_FULL if every desk is taken. One person takes one place at a "
        "time (ALREADY_BOOKED) and holds only a few slots of a calendar unconfirmed "
        "(TOO_MANY_HOLDS). `email`, `phone` and `fiscalCode` are checked (INVALID_EMAIL, "
        "INVALID_PHONE, INVALID_FISCAL_CODE) and kept in one written form.",
    )
    async def hold_slot(self, info: Info, input: HoldSlotInput) -> AppointmentPayload:
        request = appointments.HoldRequest(
            calendar_id=decode_id(input.calendar_id, "Calendar"),
            start=input.start,
            idempotency_key=input.idempotency_key,
            name=input.name,
            email=input.email,
            phone=input.phone,
            fiscal_code=input.fiscal_code,
        )
        return payload(await appointments.hold_slot(info.context, request))

    @strawberry.mutation(
        extensions=[Requires(Audience.SIGNED_IN, "who held the slot")],
        description="Keep a held slot: APPROVED, or PENDING on a moderated calendar. "
        "HOLD_EXPIRED once the hold is over.",
    )
    async def confirm_appointment(
        self, info: Info, input: ConfirmAppointmentInput
    ) -> AppointmentPayload:
        confirmation = appointment_changes.Confirmation(
            decode_id(input.id, "Appointment"),
            input.message,
            optional_id(input.practice_id, "Practice"),
        )
        return payload(await appointment_changes.confirm(info.context, confirmation))

    @strawberry.mutation(
        extensions=[Requires(Audience.SIGNED_IN, "its booker, or staff of the calendar's office")],
        description="Cancel; citizens until the calendar's cut-off (TOO_LATE).",
    )
    async def cancel_appointment(
        self, info: Info, input: CancelAppointmentInput
    ) -> AppointmentPayload:
        meeting_id = decode_id(input.id, "Appointment")
        return payload(await appointment_changes.cancel(info.context, meeting_id, input.reason))

    @strawberry.mutation(
        extensions=[Requires(Audience.SIGNED_IN, "its booker, or staff of the calendar's office")],
        description="Move to another slot of the same calendar; the appointment's own place "
        "does not count against it. ALREADY_BOOKED if its person has another place then.",
    )
    async def reschedule_appointment(
        self, info: Info, input: RescheduleAppointmentInput
    ) -> AppointmentPayload:
        meeting_id = decode_id(input.id, "Appointment")
        return payload(await appointment_changes.reschedule(info.context, meeting_id, input.start))

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the calendar's office")],
        description="Approve a PENDING appointment or resource booking.",
    )
    async def approve_booking(self, info: Info, input: BookingDecisionInput) -> BookingPayload:
        return await decide(info, input, BookingStatus.APPROVED)

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the calendar's office")],
        description="Refuse a PENDING appointment or resource booking, with the reason in "
        "`note`; its time is free again for others.",
    )
    async def refuse_booking(self, info: Info, input: BookingDecisionInput) -> BookingPayload:
        return await decide(info, input, BookingStatus.REFUSED)

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the calendar's office")],
        description="Record how an appointment went: DONE or MISSED.",
    )
    async def mark_appointment_outcome(
        self, info: Info, input: BookingDecisionInput, outcome: BookingStatus
    ) -> AppointmentPayload:
        if outcome not in (BookingStatus.DONE, BookingStatus.MISSED):
            message = say("The outcome is DONE or MISSED.")
            raise GraphQLError(message, extensions={"code": "INVALID"})
        return await office(info, input, outcome)


async def decide(info: Info, input: BookingDecisionInput, target: BookingStatus) -> BookingPayload:
    """Approval and refusal take the id of an Appointment or of a ResourceBooking."""
    if input.id.type_name == "ResourceBooking":
        outcome = await resource_bookings.change_booking(
            info.context,
            decode_id(input.id, "ResourceBooking"),
            target,
            (BookingStatus.PENDING,),
            staff_only=True,
            note=input.note,
        )
        found = None if outcome.value is None else ResourceBooking.from_row(outcome.value)
        return BookingPayload(
            appointment=None, resource_booking=found, errors=field_errors(outcome.problems)
        )
    done = await office(info, input, target)
    return BookingPayload(appointment=done.appointment, resource_booking=None, errors=done.errors)


async def office(
    info: Info, input: BookingDecisionInput, target: BookingStatus
) -> AppointmentPayload:
    meeting_id = decode_id(input.id, "Appointment")
    return payload(
        await appointment_changes.office_step(info.context, meeting_id, target, input.note)
    )
