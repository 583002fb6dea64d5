"""Practices, their history, messages and files as GraphQL types."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from auth.practices import is_applicant, may_read_practice, sees_internal_notes
from models.practice import FilePurpose, MessageVisibility, StoredFile
from models.practice import Message as MessageRow
from models.practice import Practice as PracticeRow
from models.practice import PracticeStatusChange as StatusChangeRow
from models.practice_states import Action, Actor, PracticeStatus
from resolvers import messages as message_use_cases
from resolvers.applicant_profile import locked_fields
from resolvers.context import Context
from resolvers.files import download_url
from resolvers.practice_lookup import staff_view, switches_of
from resolvers.practice_transitions import viewer_actions
from schema.base import (
    TOTAL_COUNT,
    Info,
    connection,
    load_nodes,
    page_request,
    pagination_errors,
    selected_paths,
)
from schema.catalogue import Office, Service
from schema.form import FormVersion
from schema.user import User

strawberry.enum(
    PracticeStatus,
    name="PracticeStatus",
    description="Where a practice is in its life; `statusCode` gives SDC's numeric code.",
)
strawberry.enum(Action, name="PracticeAction", description="What a user can do to a practice.")
strawberry.enum(Actor, name="PracticeActor", description="Who took a step of the history.")
strawberry.enum(
    MessageVisibility, description="APPLICANT: seen by the citizen too; INTERNAL: staff only."
)
strawberry.enum(FilePurpose, description="What a file of a practice is for.")


@strawberry.type(
    description="A file of a practice; `url` downloads it for a short while. Its practice's "
    "applicant and office may read it (internal notes' files: the office only); reading it "
    "again (`node(id)`) gives a freshly signed `url`."
)
class File(relay.Node):
    id: relay.NodeID[str]
    name: str
    content_type: str = strawberry.field(description="Sniffed from the bytes, not trusted.")
    size: int
    sha256: str
    purpose: FilePurpose
    created_at: datetime
    url: str = strawberry.field(
        description="A signed download link, valid for a few minutes, relative to the server."
    )
    reference: JSON = strawberry.field(
        description="What to put in the form data for a file component: "
        "`{id, name, size, type}` as Form.io stores file values."
    )

    @classmethod
    def from_row(cls, row: StoredFile, ctx: Context) -> File:
        return cls(
            id=str(row.id),
            name=row.name,
            content_type=row.content_type,
            size=row.size,
            sha256=row.sha256,
            purpose=row.purpose,
            created_at=row.created_at,
            url=download_url(ctx, row),
            reference=JSON(
                {"id": str(row.id), "name": row.name, "size": row.size, "type": row.content_type}
            ),
        )

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        rows = await load_nodes(ctx.loaders.stored_file, node_ids, lambda row: row)
        practices = await ctx.loaders.practice.load_many(
            [row.practice_id for row in rows if row is not None and row.practice_id is not None]
        )
        by_id = {practice.id: practice for practice in practices if practice is not None}
        scope = await ctx.staff_scope()
        files: list[File | None] = []
        for row in rows:
            practice = by_id.get(row.practice_id) if row and row.practice_id else None
            visible = (
                row is not None
                and practice is not None
                and may_read_practice(ctx.viewer, scope, practice)
                and (shown_to_applicant(ctx, row) or await staff_view(ctx, practice))
            )
            files.append(cls.from_row(row, ctx) if visible and row is not None else None)
        return files


def shown_to_applicant(ctx: Context, row: StoredFile) -> bool:
    """The citizen's own uploads and the platform's files; the office's only once sent with a
    message or a step (an outcome still being prepared is not the citizen's yet), and never
    those of an internal note."""
    if row.internal:
        return False
    sent = row.message_id is not None or row.status_change_id is not None
    return sent or row.uploaded_by is None or row.uploaded_by == ctx.viewer.user_id


def visible_files(ctx: Context, rows: Iterable[StoredFile], staff: bool) -> list[File]:
    """Every file to staff working on the practice; to its applicant, what was sent to them."""
    return [File.from_row(row, ctx) for row in rows if staff or shown_to_applicant(ctx, row)]


@strawberry.type(description="One step of a practice's history.")
class PracticeStatusChange:
    action: Action
    from_status: PracticeStatus | None
    to_status: PracticeStatus
    actor: Actor = strawberry.field(description="SYSTEM when the platform took the step.")
    message: str | None
    created_at: datetime
    actor_id: strawberry.Private[uuid.UUID | None]
    row_id: strawberry.Private[uuid.UUID]
    staff_view: strawberry.Private[bool]
    """Seen by staff working on the practice (who see every file of the step)."""

    @classmethod
    def from_row(cls, row: StatusChangeRow, staff_view: bool) -> PracticeStatusChange:
        return cls(
            staff_view=staff_view,
            action=row.action,
            from_status=row.from_status,
            to_status=row.to_status,
            actor=row.actor,
            message=row.message,
            created_at=row.created_at,
            actor_id=row.actor_id,
            row_id=row.id,
        )

    @strawberry.field
    async def by(self, info: Info) -> User | None:
        if self.actor_id is None:
            return None
        row = await info.context.loaders.user.load(self.actor_id)
        return None if row is None else User.seen_by(row, info.context)

    @strawberry.field(description="Files given with this step (an outcome document, say).")
    async def attachments(self, info: Info) -> list[File]:
        rows = await info.context.loaders.status_change_files.load(self.row_id)
        return visible_files(info.context, rows, self.staff_view)


@strawberry.type(description="A message on a practice, or an internal note of the office.")
class Message(relay.Node):
    id: relay.NodeID[str]
    body: str
    visibility: MessageVisibility
    from_applicant: bool = strawberry.field(description="Written by the citizen who applied.")
    read_at: datetime | None = strawberry.field(description="When the other side first read it.")
    created_at: datetime
    author_id: strawberry.Private[uuid.UUID]
    row_id: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: MessageRow) -> Message:
        return cls(
            id=str(row.id),
            body=row.body,
            visibility=row.visibility,
            from_applicant=row.from_applicant,
            read_at=row.read_at,
            created_at=row.created_at,
            author_id=row.author_id,
            row_id=row.id,
        )

    @strawberry.field
    async def author(self, info: Info) -> User | None:
        row = await info.context.loaders.user.load(self.author_id)
        return None if row is None else User.seen_by(row, info.context)

    @strawberry.field
    async def attachments(self, info: Info) -> list[File]:
        # whoever may see a message sees its files: an internal note's only reach staff
        rows = await info.context.loaders.message_files.load(self.row_id)
        return [File.from_row(row, info.context) for row in rows]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        rows = await load_nodes(ctx.loaders.message, node_ids, lambda row: row)
        practices = await ctx.loaders.practice.load_many(
            [row.practice_id for row in rows if row is not None]
        )
        scope = await ctx.staff_scope()
        readable = {
            practice.id: sees_internal_notes(scope, practice)
            for practice in practices
            if practice is not None and may_read_practice(ctx.viewer, scope, practice)
        }
        return [
            cls.from_row(row)
            if row is not None
            and row.practice_id in readable
            and (readable[row.practice_id] or row.visibility is MessageVisibility.APPLICANT)
            else None
            for row in rows
        ]


@strawberry.type
class MessageConnection(relay.Connection[Message]):
    total_count: int | None = strawberry.field(description=TOTAL_COUNT)


@strawberry.type(description="The decision on a practice.")
class PracticeOutcome:
    accepted: bool
    reason: str | None


@strawberry.type(
    description="A citizen's application to a service, from draft to outcome. The applicant "
    "and the municipality's staff may read it (staff not while it is a draft)."
)
class Practice(relay.Node):
    id: relay.NodeID[str]
    number: str | None = strawberry.field(description="`2026/000123`, given on submission.")
    status: PracticeStatus
    subject: str | None
    data: JSON = strawberry.field(description="The form data, nested as the form nests it.")
    notes: str | None = strawberry.field(description="The citizen's own notes.")
    locale: str
    created_at: datetime
    submitted_at: datetime | None
    status_changed_at: datetime | None
    updated_at: datetime
    row: strawberry.Private[PracticeRow]

    @classmethod
    def from_row(cls, row: PracticeRow) -> Practice:
        return cls(
            id=str(row.id),
            number=row.number,
            status=row.status,
            subject=row.subject,
            data=JSON(row.data),
            notes=row.notes,
            locale=row.locale,
            created_at=row.created_at,
            submitted_at=row.submitted_at,
            status_changed_at=row.status_changed_at,
            updated_at=row.updated_at,
            row=row,
        )

    @strawberry.field(description="SDC's numeric status code (2000 SUBMITTED, 4000 PENDING…).")
    def status_code(self) -> int:
        return self.status.code

    @strawberry.field
    def outcome(self) -> PracticeOutcome | None:
        if self.row.outcome_accepted is None:
            return None
        return PracticeOutcome(accepted=self.row.outcome_accepted, reason=self.row.outcome_reason)

    @strawberry.field
    async def service(self, info: Info) -> Service | None:
        row = await info.context.loaders.service.load(self.row.service_id)
        return None if row is None else Service.from_row(row, info.context)

    @strawberry.field
    async def applicant(self, info: Info) -> User | None:
        row = await info.context.loaders.user.load(self.row.applicant_id)
        return None if row is None else User.seen_by(row, info.context)

    @strawberry.field(description="The operator working the practice.")
    async def assignee(self, info: Info) -> User | None:
        if self.row.assignee_id is None:
            return None
        row = await info.context.loaders.user.load(self.row.assignee_id)
        return None if row is None else User.seen_by(row, info.context)

    @strawberry.field
    async def office(self, info: Info) -> Office | None:
        if self.row.office_id is None:
            return None
        row = await info.context.loaders.office.load(self.row.office_id)
        return None if row is None else Office.from_row(row, info.context)

    @strawberry.field(description="The form version the practice was filled against.")
    async def form(self, info: Info) -> FormVersion | None:
        key = (self.row.form_id, self.row.form_version)
        version = await info.context.loaders.form_version.load(key)
        return None if version is None else FormVersion.from_document(version)

    @strawberry.field(
        description="Data paths of the form the applicant cannot change: the fields holding "
        "what their identity provider (SPID, CIE) asserted — name, fiscal code, birth data. "
        "The server keeps those values whatever is sent; clients show them read-only."
    )
    async def locked_fields(self, info: Info) -> list[str]:
        key = (self.row.form_id, self.row.form_version)
        version = await info.context.loaders.form_version.load(key)
        applicant = await info.context.loaders.user.load(self.row.applicant_id)
        if version is None or applicant is None:
            return []
        return locked_fields(version.definition, applicant)

    @strawberry.field(description="Every step so far, oldest first.")
    async def history(self, info: Info) -> list[PracticeStatusChange]:
        rows = await info.context.loaders.practice_history.load(self.row.id)
        staff = await staff_view(info.context, self.row)
        return [PracticeStatusChange.from_row(row, staff) for row in rows]

    @strawberry.field(description="What the current user may do now; no client hard-codes it.")
    async def available_transitions(self, info: Info) -> list[Action]:
        service = await info.context.loaders.service.load(self.row.service_id)
        if service is None:
            return []
        scope = await info.context.staff_scope()
        return viewer_actions(info.context, scope, self.row, switches_of(service, self.row))

    @strawberry.field(description="Files of the practice: form uploads, outcome, receipt…")
    async def files(self, info: Info) -> list[File]:
        rows = await info.context.loaders.practice_files.load(self.row.id)
        return visible_files(info.context, rows, await staff_view(info.context, self.row))

    @strawberry.field(description="The submission receipt (PDF), once submitted.")
    async def receipt(self, info: Info) -> File | None:
        rows = await info.context.loaders.practice_files.load(self.row.id)
        receipts = [row for row in rows if row.purpose is FilePurpose.RECEIPT]
        return File.from_row(receipts[-1], info.context) if receipts else None

    @strawberry.field(description="The newest message the current user may see.")
    async def last_message(self, info: Info) -> Message | None:
        ctx = info.context
        staff = await staff_view(ctx, self.row)
        loader = ctx.loaders.last_message if staff else ctx.loaders.last_public_message
        row = await loader.load(self.row.id)
        return None if row is None else Message.from_row(row)

    @strawberry.field(description="Messages from the other side the current user has not read.")
    async def unread_count(self, info: Info) -> int:
        ctx = info.context
        applicant = is_applicant(ctx.viewer, self.row.applicant_id)
        loader = ctx.loaders.unread_by_applicant if applicant else ctx.loaders.unread_by_staff
        return await loader.load(self.row.id)

    @strawberry.field(description="The conversation, oldest first; internal notes for staff.")
    async def messages(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> MessageConnection:
        with pagination_errors():
            page = await message_use_cases.list_messages(
                info.context,
                self.row,
                page_request(first, after, last, before),
                "totalCount" in selected_paths(info),
            )
        return connection(MessageConnection, page, Message.from_row)

    @classmethod
    async def resolve_nodes(
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        ctx = info.context
        scope = await ctx.staff_scope()
        return await load_nodes(
            ctx.loaders.practice,
            node_ids,
            cls.from_row,
            lambda row: may_read_practice(ctx.viewer, scope, row),
        )
