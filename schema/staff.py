"""The municipality's operators: who works in which office, and the colleagues one may give a
practice to."""

from __future__ import annotations

import strawberry
from strawberry import relay

from models.user import User as UserRow
from resolvers import staff
from resolvers.errors import Outcome
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
    selected_paths,
)
from schema.permissions import Audience, Requires
from schema.queries import PAGE_DOC
from schema.user import User


@strawberry.type
class StaffConnection(relay.Connection[User]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.input(description="Where an operator works.")
class SetOperatorOfficesInput:
    operator_id: relay.GlobalID
    office_ids: list[relay.GlobalID] = strawberry.field(
        description=f"The offices, at most {staff.MAX_BINDINGS}; empty: none (no practices)."
    )
    service_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list,
        description="Only these services of those offices; empty (the default): every service.",
    )


@strawberry.type
class OperatorPayload:
    operator: User | None
    errors: list[FieldError]


@strawberry.type
class StaffQuery:
    @strawberry.field(
        extensions=[Requires(Audience.STAFF, "the operators of the caller's offices")],
        description="Operators of the viewer's offices, by family name (every operator of the "
        "municipality for its administrators): whom a practice may be given to. Empty for "
        "citizens. " + PAGE_DOC,
    )
    async def staff(
        self,
        info: Info,
        office_id: relay.GlobalID | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> StaffConnection:
        where = staff.StaffFilter(office_id=optional_id(office_id, "Office"))
        with pagination_errors():
            page = await staff.list_staff(
                info.context,
                where,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(StaffConnection, page, User.from_row)


@strawberry.type
class StaffMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Set the offices an operator works in, and optionally the only services "
        "of theirs they work on; replaces the previous ones. The operator then lists, reads and "
        "acts on those offices' practices, appointments and bookings only.",
    )
    async def set_operator_offices(
        self, info: Info, input: SetOperatorOfficesInput
    ) -> OperatorPayload:
        binding = staff.Binding(
            operator_id=decode_id(input.operator_id, "User"),
            office_ids=[decode_id(i, "Office") for i in input.office_ids],
            service_ids=[decode_id(i, "Service") for i in input.service_ids],
        )
        outcome: Outcome[UserRow] = await staff.bind_operator(info.context, binding)
        found = None if outcome.value is None else User.from_row(outcome.value)
        return OperatorPayload(operator=found, errors=field_errors(outcome.problems))
