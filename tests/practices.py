"""Building practices through the API, as the citizen and the office would, for the tests."""

from __future__ import annotations

import json
import uuid
from typing import Any

from tests.graphql import GraphQLClient, Result

MARIO = ("RSSMRA80A01H501U", "cittadino")
GIULIA = ("BNCGLI85C55G702H", "cittadino")
OPERATOR = ("operatore", "operatore")
COLLEAGUE = ("operatrice-anagrafe", "operatore")
"""The other operator of the registry office (Ufficio Anagrafe), where OPERATOR works."""
TAX_OPERATOR = ("operatrice-tributi", "operatore")
"""An operator of another office (Ufficio Tributi)."""
SCHOOL_OPERATOR = ("operatore-scuola", "operatore")
"""The operator of the office that moderates the rooms' bookings."""
ADMIN = ("admin", "admin")

PRACTICE_FIELDS = """
  id number status statusCode subject data submittedAt availableTransitions
  service { slug } applicant { fiscalCode } assignee { username }
  outcome { accepted reason }
"""
ERRORS = "errors { field code message }"

SAVE_DRAFT = f"""mutation($input: SavePracticeDraftInput!) {{
  savePracticeDraft(input: $input) {{ practice {{ {PRACTICE_FIELDS} }} {ERRORS} }} }}"""
SUBMIT = f"""mutation($input: SubmitPracticeInput!) {{
  submitPractice(input: $input) {{ practice {{ {PRACTICE_FIELDS}
    receipt {{ name contentType size url }} }} {ERRORS} }} }}"""


def step_mutation(name: str, input_type: str) -> str:
    return f"""mutation($input: {input_type}!) {{
      {name}(input: $input) {{ practice {{ {PRACTICE_FIELDS} }} {ERRORS} }} }}"""


TAKE = step_mutation("takePracticeInCharge", "PracticeStepInput")
WITHDRAW = step_mutation("withdrawPractice", "PracticeStepInput")
REVOKE = step_mutation("revokePractice", "PracticeStepInput")
REOPEN = step_mutation("reopenPractice", "PracticeStepInput")
ASSIGN = step_mutation("assignPractice", "AssignPracticeInput")
REQUEST_INTEGRATION = step_mutation("requestPracticeIntegration", "RequestPracticeIntegrationInput")
ANSWER_INTEGRATION = step_mutation("answerPracticeIntegration", "AnswerPracticeIntegrationInput")
ACCEPT = step_mutation("acceptPractice", "DecidePracticeInput")
REJECT = step_mutation("rejectPractice", "DecidePracticeInput")


def certificate_data(given: str = "Mario", family: str = "Rossi") -> dict[str, Any]:
    """Valid data for the demo form of `certificati-anagrafici`."""
    return {
        "givenName": given,
        "familyName": family,
        "fiscalCode": MARIO[0],
        "email": "mario.rossi@example.it",
        "certificates": {
            "residenza": True,
            "famiglia": False,
            "cittadinanza": False,
            "esistenza": False,
        },
        "stamp": "bollo",
        "copies": 1,
        "truthfulness": True,
        "privacy": True,
    }


def service_id(api: GraphQLClient, slug: str) -> str:
    return str(
        api("query($s: String!) { service(slug: $s) { id } }", {"s": slug}).data["service"]["id"]
    )


def payload(result: Result, name: str) -> dict[str, Any]:
    return dict(result.data[name])


DELETE_DRAFT = f"""mutation($input: DeletePracticeDraftInput!) {{
  deletePracticeDraft(input: $input) {{ deletedId {ERRORS} }} }}"""
OPEN_DRAFTS = """query($service: ID!) {
  practices(first: 10, filter: {mine: true, statuses: [DRAFT], services: [$service]}) {
    edges { node { id data } } } }"""


def open_drafts(api: GraphQLClient, token: str, service: str) -> list[dict[str, Any]]:
    """The caller's open drafts of a service (a service's global id), as "Le mie pratiche"
    lists them: at most one."""
    edges = api(OPEN_DRAFTS, {"service": service}, token=token).data["practices"]["edges"]
    return [dict(edge["node"]) for edge in edges]


def draft(
    api: GraphQLClient,
    token: str,
    data: dict[str, Any] | None = None,
    service: str = "certificati-anagrafici",
) -> dict[str, Any]:
    """A new draft of the service: starting it would resume an open draft an earlier test
    left, so that one is deleted first, as its citizen could."""
    service_global_id = service_id(api, service)
    for left in open_drafts(api, token, service_global_id):
        deleted = api(DELETE_DRAFT, {"input": {"id": left["id"]}}, token=token).data
        assert deleted["deletePracticeDraft"]["errors"] == []
    result = api(
        SAVE_DRAFT,
        {"input": {"serviceId": service_global_id, "data": data or {}}},
        token=token,
    )
    body = payload(result, "savePracticeDraft")
    assert body["errors"] == [], body["errors"]
    return dict(body["practice"])


def submitted(api: GraphQLClient, token: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """A new practice of the citizen behind `token`, sent with valid certificate data."""
    practice = draft(api, token, data or certificate_data())
    body = payload(api(SUBMIT, {"input": {"id": practice["id"]}}, token=token), "submitPractice")
    assert body["errors"] == [], body["errors"]
    return dict(body["practice"])


def act(api: GraphQLClient, mutation: str, token: str, **input: Any) -> dict[str, Any]:
    name = mutation.split("{", 2)[1].split("(")[0].strip()
    return payload(api(mutation, {"input": input}, token=token), name)


def in_charge(api: GraphQLClient, citizen: str, operator: str) -> dict[str, Any]:
    practice = submitted(api, citizen)
    body = act(api, TAKE, operator, id=practice["id"])
    assert body["errors"] == [], body["errors"]
    return dict(body["practice"])


def fresh_key() -> str:
    return str(uuid.uuid4())


FILE_FIELDS = "id name contentType size sha256 purpose url reference"
UPLOAD = f"""mutation($input: UploadFileInput!) {{
  uploadFile(input: $input) {{ file {{ {FILE_FIELDS} }} {ERRORS} }} }}"""
SEND_MESSAGE = f"""mutation($input: SendMessageInput!) {{
  sendMessage(input: $input) {{
    message {{ id body visibility fromApplicant readAt author {{ username fiscalCode }}
      attachments {{ {FILE_FIELDS} }} }}
    {ERRORS} }} }}"""
MARK_READ = f"""mutation($input: MarkMessagesReadInput!) {{
  markMessagesRead(input: $input) {{ practice {{ id unreadCount }} {ERRORS} }} }}"""


def upload(
    api: GraphQLClient,
    token: str | None,
    practice_id: str,
    name: str,
    content: bytes,
    *,
    preflight: bool = True,
    tenant: str = "bugliano",
    **input: Any,
) -> Result:
    """`uploadFile` as a GraphQL multipart request: operations, map, then the file part."""
    operations = {
        "query": UPLOAD,
        "variables": {"input": {"practiceId": practice_id, "file": None, **input}},
    }
    headers = {"Apollo-Require-Preflight": "true"} if preflight else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = api.http.post(
        f"/{tenant}/graphql",
        data={
            "operations": json.dumps(operations),
            "map": json.dumps({"0": ["variables.input.file"]}),
        },
        files={"0": (name, content, "application/octet-stream")},
        headers=headers,
    )
    return Result(response.status_code, response.json(), response.headers)


def uploaded(
    api: GraphQLClient, token: str, practice_id: str, name: str, content: bytes, **input: Any
) -> dict[str, Any]:
    """The file of a successful upload."""
    body = payload(upload(api, token, practice_id, name, content, **input), "uploadFile")
    assert body["errors"] == [], body["errors"]
    return dict(body["file"])


def file_reference(file: dict[str, Any]) -> dict[str, Any]:
    """How form data points at an upload: the `reference` the server gave for the file."""
    return dict(file["reference"])


def send_message(api: GraphQLClient, token: str, practice_id: str, **input: Any) -> dict[str, Any]:
    return payload(
        api(SEND_MESSAGE, {"input": {"practiceId": practice_id, **input}}, token=token),
        "sendMessage",
    )
