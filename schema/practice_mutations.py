"""Mutations of practices: drafts and submission, the office's work, messages, files."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import relay
from strawberry.file_uploads import Upload
from strawberry.scalars import JSON

from models.practice import FilePurpose, MessageVisibility, StoredFile
from models.practice import Message as MessageRow
from models.practice import Practice as PracticeRow
from models.practice_states import Action
from resolvers import files, messages, practice_drafts, practice_work, practices
from resolvers.errors import Outcome
from schema.base import FieldError, Info, decode_id, field_errors
from schema.permissions import Audience, Requires
from schema.practice import File, Message, Practice

IDEMPOTENCY = (
    "Send a fresh key per user action: the same key again, even concurrently, returns the "
    "first result and writes nothing more; with a different input it is refused."
)


@strawberry.input(
    description="Save a draft (give `id`), or start one of a service (give `serviceId`): a "
    "citizen has at most one open draft per service, and starting again resumes it."
)
class SavePracticeDraftInput:
    id: relay.GlobalID | None = None
    service_id: relay.GlobalID | None = None
    data: JSON | None = strawberry.field(
        default=None,
        description="The form data so far; it is checked on submit. Omitted: the draft's data "
        "stay as they are (a new draft starts empty).",
    )
    notes: str | None = None


@strawberry.input
class DeletePracticeDraftInput:
    id: relay.GlobalID


@strawberry.input
class SubmitPracticeInput:
    id: relay.GlobalID
    data: JSON | None = strawberry.field(
        default=None, description="The final data; omitted: the saved draft's data."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input(description="A step on a practice, with an optional reason.")
class PracticeStepInput:
    id: relay.GlobalID
    message: str | None = None


@strawberry.input
class AssignPracticeInput:
    id: relay.GlobalID
    operator_id: relay.GlobalID


@strawberry.input
class RequestPracticeIntegrationInput:
    id: relay.GlobalID
    message: str = strawberry.field(description="What the citizen must add or correct.")
    file_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Files uploaded with purpose MESSAGE."
    )


@strawberry.input
class AnswerPracticeIntegrationInput:
    id: relay.GlobalID
    data: JSON | None = strawberry.field(
        default=None, description="The corrected form data, validated like a submission."
    )
    message: str | None = None
    file_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Files uploaded with purpose INTEGRATION or MESSAGE."
    )


@strawberry.input
class DecidePracticeInput:
    id: relay.GlobalID
    reason: str | None = strawberry.field(default=None, description="Why; required to reject.")
    file_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Outcome documents uploaded with purpose OUTCOME."
    )


@strawberry.input
class SendMessageInput:
    practice_id: relay.GlobalID
    body: str
    visibility: MessageVisibility = MessageVisibility.APPLICANT
    file_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="Files uploaded with purpose MESSAGE."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.input
class MarkMessagesReadInput:
    practice_id: relay.GlobalID


@strawberry.input(
    description="A file for a practice, sent as a GraphQL multipart request "
    "(https://github.com/jaydenseric/graphql-multipart-request-spec)."
)
class UploadFileInput:
    practice_id: relay.GlobalID
    file: Upload
    purpose: FilePurpose = FilePurpose.FORM
    component: str | None = strawberry.field(
        default=None, description="Key of the form's file component; its limits apply too."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY)


@strawberry.type
class PracticePayload:
    practice: Practice | None
    errors: list[FieldError]


@strawberry.type
class DeletePracticeDraftPayload:
    deleted_id: relay.GlobalID | None = strawberry.field(
        description="The id the draft had; null when nothing was deleted."
    )
    errors: list[FieldError]


@strawberry.type
class MessagePayload:
    message: Message | None
    errors: list[FieldError]


@strawberry.type
class FilePayload:
    file: File | None
    errors: list[FieldError]


def practice_payload(outcome: Outcome[PracticeRow]) -> PracticePayload:
    practice = None if outcome.value is None else Practice.from_row(outcome.value)
    return PracticePayload(practice=practice, errors=field_errors(outcome.problems))


def message_payload(outcome: Outcome[MessageRow]) -> MessagePayload:
    message = None if outcome.value is None else Message.from_row(outcome.value)
    return MessagePayload(message=message, errors=field_errors(outcome.problems))


def file_ids(ids: list[relay.GlobalID]) -> list[Any]:
    return [decode_id(gid, "File") for gid in ids]


def step(input: PracticeStepInput) -> practice_work.Work:
    return practice_work.Work(decode_id(input.id, "Practice"), message=input.message)


async def read_upload(upload: Any, limit: int) -> tuple[str, bytes]:
    """The client's file name and at most `limit` + 1 bytes: enough to tell it is too large."""
    content = await upload.read(limit + 1)
    return str(upload.filename or "file"), bytes(content)


@strawberry.type
class PracticeMutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN)],
        description="Save a draft, or start one of a service; starting a service the citizen "
        "already has an open draft of resumes that draft (with the data given, if any) instead "
        "of making a second one. A draft keeps the form version it started with.",
    )
    async def save_practice_draft(
        self, info: Info, input: SavePracticeDraftInput
    ) -> PracticePayload:
        if input.id is not None:
            outcome = await practices.update_draft(
                info.context, decode_id(input.id, "Practice"), input.data, input.notes
            )
        elif input.service_id is not None:
            outcome = await practices.create_draft(
                info.context, decode_id(input.service_id, "Service"), input.data, input.notes
            )
        else:
            outcome = Outcome.failed(practices.not_found("serviceId"))
        return practice_payload(outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN, "the citizen who applied")],
        description="Validate the data against the practice's form version and send it: "
        "every problem comes back at once, on `data.<path>`, and the practice stays a draft "
        "then, holding the data given (so nothing typed is lost). "
        "On success the practice has its number and receipt.",
    )
    async def submit_practice(self, info: Info, input: SubmitPracticeInput) -> PracticePayload:
        submission = practices.Submission(
            decode_id(input.id, "Practice"),
            input.data,
            input.idempotency_key,
        )
        return practice_payload(await practices.submit_practice(info.context, submission))

    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN, "the citizen's own drafts")],
        description="Delete a draft and the files uploaded to it. A sent practice cannot be "
        "deleted (TRANSITION_NOT_ALLOWED): it can be withdrawn, if the service allows.",
    )
    async def delete_practice_draft(
        self, info: Info, input: DeletePracticeDraftInput
    ) -> DeletePracticeDraftPayload:
        outcome = await practice_drafts.delete_draft(info.context, decode_id(input.id, "Practice"))
        deleted = None if outcome.value is None else relay.GlobalID("Practice", str(outcome.value))
        return DeletePracticeDraftPayload(deleted_id=deleted, errors=field_errors(outcome.problems))

    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN, "the citizen who applied")],
        description="Withdraw the practice while undecided, if the service allows.",
    )
    async def withdraw_practice(self, info: Info, input: PracticeStepInput) -> PracticePayload:
        return practice_payload(
            await practice_work.simple_step(info.context, step(input), Action.WITHDRAW)
        )

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the practice's office")],
        description="Take a submitted practice in charge.",
    )
    async def take_practice_in_charge(
        self, info: Info, input: PracticeStepInput
    ) -> PracticePayload:
        return practice_payload(await practice_work.take_in_charge(info.context, step(input)))

    @strawberry.mutation(
        extensions=[
            Requires(
                Audience.STAFF,
                "of the practice's office, to a colleague of that office (TENANT_ADMIN: to an "
                "operator of any office handling the service)",
            )
        ],
        description="Give the practice to an operator.",
    )
    async def assign_practice(self, info: Info, input: AssignPracticeInput) -> PracticePayload:
        work = practice_work.Work(decode_id(input.id, "Practice"))
        operator = decode_id(input.operator_id, "User")
        return practice_payload(await practice_work.assign(info.context, work, operator))

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the practice's office, holding it")],
        description="Ask the citizen for more information; the message reaches them.",
    )
    async def request_practice_integration(
        self, info: Info, input: RequestPracticeIntegrationInput
    ) -> PracticePayload:
        work = practice_work.Work(
            decode_id(input.id, "Practice"), input.message, file_ids(input.file_ids)
        )
        return practice_payload(await practice_work.request_integration(info.context, work))

    @strawberry.mutation(
        extensions=[Requires(Audience.CITIZEN, "the citizen who applied")],
        description="Answer a request for more information with new data, files and words; "
        "the practice goes back to the office.",
    )
    async def answer_practice_integration(
        self, info: Info, input: AnswerPracticeIntegrationInput
    ) -> PracticePayload:
        work = practice_work.Work(
            decode_id(input.id, "Practice"),
            input.message,
            file_ids(input.file_ids),
            input.data,
        )
        return practice_payload(await practice_work.answer_integration(info.context, work))

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the practice's office, holding it")],
        description="Accept the practice.",
    )
    async def accept_practice(self, info: Info, input: DecidePracticeInput) -> PracticePayload:
        work = practice_work.Work(
            decode_id(input.id, "Practice"), input.reason, file_ids(input.file_ids)
        )
        return practice_payload(await practice_work.decide(info.context, work, accepted=True))

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the practice's office, holding it")],
        description="Reject the practice, saying why.",
    )
    async def reject_practice(self, info: Info, input: DecidePracticeInput) -> PracticePayload:
        work = practice_work.Work(
            decode_id(input.id, "Practice"), input.reason, file_ids(input.file_ids)
        )
        return practice_payload(await practice_work.decide(info.context, work, accepted=False))

    @strawberry.mutation(
        extensions=[Requires(Audience.STAFF, "of the practice's office")],
        description="Reopen a decided or withdrawn practice, if the service allows.",
    )
    async def reopen_practice(self, info: Info, input: PracticeStepInput) -> PracticePayload:
        return practice_payload(
            await practice_work.simple_step(info.context, step(input), Action.REOPEN)
        )

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Revoke a sent practice, saying why.",
    )
    async def revoke_practice(self, info: Info, input: PracticeStepInput) -> PracticePayload:
        return practice_payload(
            await practice_work.simple_step(info.context, step(input), Action.REVOKE)
        )

    @strawberry.mutation(
        extensions=[
            Requires(
                Audience.SIGNED_IN,
                "the applicant, or staff of the practice's office (INTERNAL notes: staff only)",
            )
        ],
        description="Write on a practice: the applicant and the office see APPLICANT messages; "
        "INTERNAL notes are the office's only.",
    )
    async def send_message(self, info: Info, input: SendMessageInput) -> MessagePayload:
        new = messages.NewMessage(
            decode_id(input.practice_id, "Practice"),
            input.body,
            input.visibility,
            file_ids(input.file_ids),
            input.idempotency_key,
        )
        return message_payload(await messages.send_message(info.context, new))

    @strawberry.mutation(
        extensions=[
            Requires(Audience.SIGNED_IN, "the applicant, or staff of the practice's office")
        ],
        description="Mark what the other side wrote on a practice as read.",
    )
    async def mark_messages_read(self, info: Info, input: MarkMessagesReadInput) -> PracticePayload:
        practice_id = decode_id(input.practice_id, "Practice")
        return practice_payload(await messages.mark_read(info.context, practice_id))

    @strawberry.mutation(
        extensions=[
            Requires(Audience.SIGNED_IN, "the applicant, or staff of the practice's office")
        ],
        description="Upload a file to a practice (multipart request). Its type is sniffed from "
        "the bytes; size and type limits of the server and of the form component apply. "
        "Reference it in the form data as `{id, name, size, type}` or in `fileIds`.",
    )
    async def upload_file(self, info: Info, input: UploadFileInput) -> FilePayload:
        name, content = await read_upload(input.file, info.context.upload_policy.max_bytes)
        upload = files.Upload(
            name=name,
            content=content,
            practice_id=decode_id(input.practice_id, "Practice"),
            purpose=input.purpose,
            component=input.component,
            idempotency_key=input.idempotency_key,
        )
        outcome: Outcome[StoredFile] = await files.upload_file(info.context, upload)
        stored = None if outcome.value is None else File.from_row(outcome.value, info.context)
        return FilePayload(file=stored, errors=field_errors(outcome.problems))
