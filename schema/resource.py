"""Bookable resources (rooms, halls, fields, equipment), their availability and bookings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry import relay

from models.booking import BookingStatus, ResourceKind
from models.booking import Resource as ResourceRow
from models.booking import ResourceBooking as BookingRow
from resolvers import resource_bookings
from resolvers.context import Context
from resolvers.errors import Outcome
from resolvers.limits import MAX_AGENDA_DAYS, day_range_problem, period_problem
from resolvers.resource_agenda import OfficeBookingFilter, office_bookings
from resolvers.resources import list_resources
from resolvers.wording import say
from schema.appointment import Calendar
from schema.base import (
    TOTAL_COUNT,
    FieldError,
    Info,
    connection,
    decode_id,
    field_errors,
    load_nodes,
    optional_id,
    page_request,
    pagination_errors,
    refuse_invalid,
    selected_paths,
)
from schema.permissions import Audience, Requires
from schema.user import User

strawberry.enum(ResourceKind)


@strawberry.type(description="A free stretch of a resource, on its booking grid.")
class Interval:
    start: datetime
    end: datetime


@strawberry.type(description="A picture and the text that stands for it.")
class Photo:
    url: str = strawberry.field(description="An https address, or a path on this server.")
    alt: str = strawberry.field(description="What it shows, in the request's language.")


@strawberry.type(description="A room, hall, sports field or piece of equipment to book.")
class Resource(relay.Node):
    id: relay.NodeID[str]
    slug: str
    name: str
    description: str | None
    kind: ResourceKind
    capacity: int = strawberry.field(description="People it holds.")
    minimum_minutes: int
    maximum_minutes: int
    granularity_minutes: int
    buffer_minutes: int = strawberry.field(description="Kept free after each booking.")
    price_per_hour_cents: int | None
    address: str | None = strawberry.field(description="Where it is: a postal address.")
    photo: Photo | None = strawberry.field(description="A photo of it, with its alt text.")
    payment_instructions: str | None = strawberry.field(
        description="How to pay for a booking, when it has a price."
    )
    row: strawberry.Private[ResourceRow]

    @classmethod
    def from_row(cls, row: ResourceRow, ctx: Context) -> Resource:
        name = ctx.text(row.name) or row.slug
        return cls(
            id=str(row.id),
            slug=row.slug,
            name=name,
            description=ctx.text(row.description),
            kind=row.kind,
            capacity=row.capacity,
            minimum_minutes=row.minimum_minutes,
            maximum_minutes=row.maximum_minutes,
            granularity_minutes=row.granularity_minutes,
            buffer_minutes=row.buffer_minutes,
            price_per_hour_cents=row.price_per_hour_cents,
            address=row.address,
            photo=(
                None
                if row.photo_url is None
                else Photo(url=row.photo_url, alt=ctx.text(row.photo_alt) or name)
            ),
            payment_instructions=ctx.text(row.payment_instructions),
            row=row,
        )

    @strawberry.field(description="Its opening hours, closures and booking rules.")
    async def calendar(self, info: Info) -> Calendar | None:
        row = await info.context.loaders.calendar.load(self.row.calendar_id)
        return None if row is None else Calendar.from_row(row, info.context)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        return await load_nodes(ctx.loaders.resource, node_ids, lambda r: cls.from_row(r, ctx))


@strawberry.type(description="A booking of a resource.")
class ResourceBooking(relay.Node):
    id: relay.NodeID[str]
    status: BookingStatus
    start: datetime
    end: datetime
    purpose: str | None
    attendees: int
    organisation: str | None
    price_cents: int | None = strawberry.field(description="Hours × the price per hour.")
    outcome_note: str | None = strawberry.field(
        description="The office's note on its decision: why it refused, when it did."
    )
    row: strawberry.Private[BookingRow]

    @classmethod
    def from_row(cls, row: BookingRow) -> ResourceBooking:
        return cls(
            id=str(row.id),
            status=row.status,
            start=row.start_at,
            end=row.end_at,
            purpose=row.purpose,
            attendees=row.attendees,
            organisation=row.organisation,
            price_cents=row.price_cents,
            outcome_note=row.outcome_note,
            row=row,
        )

    @strawberry.field
    def status_code(self) -> int:
        return self.status.code

    @strawberry.field(description="The citizen who booked it.")
    async def citizen(self, info: Info) -> User | None:
        if self.row.citizen_id is None:
            return None
        row = await info.context.loaders.user.load(self.row.citizen_id)
        return None if row is None else User.seen_by(row, info.context)

    @strawberry.field
    async def resource(self, info: Info) -> Resource | None:
        row = await info.context.loaders.resource.load(self.row.resource_id)
        return None if row is None else Resource.from_row(row, info.context)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        rows = await load_nodes(ctx.loaders.resource_booking, node_ids, lambda row: row)
        return [
            cls.from_row(row)
            if row is not None
            and (
                row.citizen_id == ctx.viewer.user_id
                or await resource_bookings.works_on_booking(ctx, row)
            )
            else None
            for row in rows
        ]


@strawberry.input
class BookResourceInput:
    resource_id: relay.GlobalID
    start: datetime
    end: datetime
    purpose: str | None = None
    attendees: int = 1
    organisation: str | None = None
    idempotency_key: str | None = strawberry.field(
        default=None, description="The same key again returns the first booking."
    )


@strawberry.input
class CancelResourceBookingInput:
    id: relay.GlobalID


@strawberry.type
class ResourceBookingPayload:
    booking: ResourceBooking | None
    errors: list[FieldError]


def booking_payload(outcome: Outcome[BookingRow]) -> ResourceBookingPayload:
    found = None if outcome.value is None else ResourceBooking.from_row(outcome.value)
    return ResourceBookingPayload(booking=found, errors=field_errors(outcome.problems))


@strawberry.type
class ResourceConnection(relay.Connection[Resource]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class ResourceBookingConnection(relay.Connection[ResourceBooking]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type
class ResourceQuery:
    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="Bookable resources by slug, filtered by kind and by the people they must "
        "hold. Relay pagination, at most 100 a page.",
    )
    async def resources(
        self,
        info: Info,
        kinds: list[ResourceKind] | None = None,
        min_capacity: int | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ResourceConnection:
        with pagination_errors():
            page = await list_resources(
                info.context,
                list(kinds or []),
                min_capacity,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(ResourceConnection, page, lambda r: Resource.from_row(r, info.context))

    @strawberry.field(extensions=[Requires(Audience.ANYONE)], description="A resource by id.")
    async def resource(self, info: Info, id: relay.GlobalID) -> Resource | None:
        row = await info.context.loaders.resource.load(decode_id(id, "Resource"))
        return None if row is None else Resource.from_row(row, info.context)

    @strawberry.field(
        extensions=[Requires(Audience.ANYONE)],
        description="Free intervals of a resource between two local dates (at most 62 days). "
        "Public; cacheable over GET.",
    )
    async def resource_availability(
        self, info: Info, resource_id: relay.GlobalID, start: date, end: date
    ) -> list[Interval]:
        refuse_invalid(day_range_problem(start, end))
        found = await resource_bookings.availability(
            info.context, decode_id(resource_id, "Resource"), start, end
        )
        if found is None:
            message = say("This resource does not exist.")
            raise GraphQLError(message, extensions={"code": "NOT_FOUND"})
        return [Interval(start=interval.start, end=interval.end) for interval in found]

    @strawberry.field(
        extensions=[Requires(Audience.SIGNED_IN, "the caller's own")],
        description="The current user's coming resource bookings, soonest first. Relay "
        "pagination, at most 100 a page.",
    )
    async def my_resource_bookings(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ResourceBookingConnection:
        with pagination_errors():
            page = await resource_bookings.my_bookings(
                info.context,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(ResourceBookingConnection, page, ResourceBooking.from_row)

    @strawberry.field(
        extensions=[
            Requires(
                Audience.STAFF,
                "the bookings of resources whose calendar belongs to the caller's offices; "
                "tenant admins all",
            )
        ],
        description="Bookings of resources for the offices that decide on them, soonest first: "
        "those with `status` (PENDING, waiting for approval, unless told; null for any), of "
        "one resource if given, overlapping `start`–`end` if given (at most "
        f"{MAX_AGENDA_DAYS} days apart). Relay pagination, at most 100 a page.",
    )
    async def resource_bookings(
        self,
        info: Info,
        status: BookingStatus | None = BookingStatus.PENDING,
        resource_id: relay.GlobalID | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ResourceBookingConnection:
        if start is not None and end is not None:
            refuse_invalid(period_problem(start, end, MAX_AGENDA_DAYS))
        wanted = OfficeBookingFilter(
            status=status, resource_id=optional_id(resource_id, "Resource"), start=start, end=end
        )
        with pagination_errors():
            page = await office_bookings(
                info.context,
                wanted,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(ResourceBookingConnection, page, ResourceBooking.from_row)


@strawberry.type
class ResourceMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN)],
        description="Book a resource for an interval on its grid: APPROVED, or PENDING when it "
        "needs an operator's approval. INTERVAL_UNAVAILABLE outside its rules, INTERVAL_TAKEN "
        "when another booking (plus its buffer) overlaps.",
    )
    async def book_resource(self, info: Info, input: BookResourceInput) -> ResourceBookingPayload:
        request = resource_bookings.BookingRequest(
            resource_id=decode_id(input.resource_id, "Resource"),
            start=input.start,
            end=input.end,
            purpose=input.purpose,
            attendees=input.attendees,
            organisation=input.organisation,
            idempotency_key=input.idempotency_key,
        )
        return booking_payload(await resource_bookings.book_resource(info.context, request))

    @strawberry.mutation(
        extensions=[Requires(Audience.SIGNED_IN, "its booker, or staff of the resource's office")],
        description="Cancel a booking of yours (or, for the office, any).",
    )
    async def cancel_resource_booking(
        self, info: Info, input: CancelResourceBookingInput
    ) -> ResourceBookingPayload:
        outcome = await resource_bookings.change_booking(
            info.context,
            decode_id(input.id, "ResourceBooking"),
            BookingStatus.CANCELLED,
            (BookingStatus.PENDING, BookingStatus.APPROVED),
            staff_only=False,
        )
        return booking_payload(outcome)
