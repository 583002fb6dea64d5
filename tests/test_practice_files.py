"""Files of practices: uploaded as GraphQL multipart requests, sniffed, limited by the form's
file component, referenced in the form data, downloaded through signed links."""

from __future__ import annotations

import hashlib
import io
import uuid
from typing import Any

import httpx
import pytest
from fpdf import FPDF
from PIL import Image

from tests.graphql import GraphQLClient, LiveServer
from tests.practices import (
    ACCEPT,
    GIULIA,
    MARIO,
    OPERATOR,
    SAVE_DRAFT,
    SUBMIT,
    act,
    draft,
    file_reference,
    fresh_key,
    in_charge,
    payload,
    upload,
    uploaded,
)

IDENTITY_CARD = "carta-identita-elettronica"
REPORT_MAX_BYTES = 5 * 1024 * 1024
"""`fileMaxSize: 5MB` of the `report` component of the demo identity-card form."""

FILES = """query($id: ID!) { practice(id: $id) {
  status files { id name contentType size sha256 purpose url } } }"""


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def giulia(api: GraphQLClient) -> str:
    return api.login(*GIULIA)


@pytest.fixture
def operator(api: GraphQLClient) -> str:
    return api.login(*OPERATOR)


def pdf(text: str = "Denuncia di smarrimento") -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()


def identity_card_data(report: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Valid data for the demo identity-card form; a lost card needs the police report."""
    data: dict[str, Any] = {
        "givenName": "Mario",
        "familyName": "Rossi",
        "fiscalCode": MARIO[0],
        "email": "mario.rossi@example.it",
        "reason": "smarrimento",
        "organDonation": "non_esprimo",
        "truthfulness": True,
        "privacy": True,
    }
    if report is not None:
        data["report"] = report
    return data


def identity_card_draft(api: GraphQLClient, token: str) -> dict[str, Any]:
    return draft(api, token, identity_card_data(), service=IDENTITY_CARD)


def files_of(api: GraphQLClient, token: str, practice_id: str) -> list[dict[str, Any]]:
    """The practice's files as the caller sees them (without the links, signed anew each time)."""
    practice = api(FILES, {"id": practice_id}, token=token).data["practice"]
    assert practice is not None
    return [{k: v for k, v in file.items() if k != "url"} for file in practice["files"]]


def submit(api: GraphQLClient, token: str, practice_id: str, data: Any) -> dict[str, Any]:
    return payload(
        api(SUBMIT, {"input": {"id": practice_id, "data": data}}, token=token), "submitPractice"
    )


def codes(body: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in body["errors"]]


def download(server: LiveServer, url: str) -> httpx.Response:
    return httpx.get(server.base_url + url, timeout=30)


def test_uploads_without_the_preflight_header_are_refused(api: GraphQLClient, mario: str) -> None:
    practice = identity_card_draft(api, mario)
    refused = upload(
        api, mario, practice["id"], "report.pdf", pdf(), preflight=False, component="report"
    )
    assert refused.status == 400
    assert refused.error_codes == ["PREFLIGHT_REQUIRED"]
    assert refused.body["data"] is None
    assert files_of(api, mario, practice["id"]) == []


def test_a_citizen_uploads_a_pdf_and_submits_the_form_that_references_it(
    api: GraphQLClient, mario: str
) -> None:
    practice = identity_card_draft(api, mario)
    content = pdf()
    file = uploaded(api, mario, practice["id"], "denuncia.pdf", content, component="report")
    assert file["contentType"] == "application/pdf"
    assert file["name"] == "denuncia.pdf"
    assert file["size"] == len(content)
    assert file["sha256"] == hashlib.sha256(content).hexdigest()
    assert file["purpose"] == "FORM"
    assert [listed["id"] for listed in files_of(api, mario, practice["id"])] == [file["id"]]

    missing = submit(api, mario, practice["id"], identity_card_data())
    assert codes(missing) == [("data.report", "REQUIRED")]

    sent = submit(api, mario, practice["id"], identity_card_data([file_reference(file)]))
    assert sent["errors"] == []
    assert sent["practice"]["status"] == "SUBMITTED"
    assert sent["practice"]["data"]["report"] == [file_reference(file)]


def test_the_type_comes_from_the_bytes_and_the_name_is_made_safe(
    api: GraphQLClient, mario: str
) -> None:
    practice = identity_card_draft(api, mario)
    disguised = uploaded(api, mario, practice["id"], "scan.png", pdf(), component="report")
    assert disguised["contentType"] == "application/pdf"
    assert disguised["name"] == "scan.png"
    climbing = uploaded(api, mario, practice["id"], "../../etc/passwd.pdf", pdf())
    assert climbing["name"] == "passwd.pdf"
    assert climbing["contentType"] == "application/pdf"


def test_references_to_files_that_are_not_the_applicants_uploads_are_unknown(
    api: GraphQLClient, mario: str, giulia: str
) -> None:
    practice = identity_card_draft(api, mario)
    uploaded(api, mario, practice["id"], "mine.pdf", pdf(), component="report")
    theirs_practice = draft(api, giulia, {}, service=IDENTITY_CARD)
    theirs = uploaded(api, giulia, theirs_practice["id"], "theirs.pdf", pdf(), component="report")
    my_other_practice = draft(api, mario, {}, service="certificati-anagrafici")
    elsewhere = uploaded(api, mario, my_other_practice["id"], "other.pdf", pdf())
    made_up = {"id": str(uuid.uuid4()), "name": "x.pdf", "size": 10, "type": "application/pdf"}

    for reference in (file_reference(theirs), file_reference(elsewhere), made_up):
        refused = submit(api, mario, practice["id"], identity_card_data([reference]))
        assert refused["practice"] is None
        assert codes(refused) == [("data.report[0]", "UNKNOWN_FILE")]

    still = api(FILES, {"id": practice["id"]}, token=mario).data["practice"]
    assert still["status"] == "DRAFT"


def test_a_reference_must_tell_the_truth_about_the_stored_file(
    api: GraphQLClient, mario: str
) -> None:
    practice = identity_card_draft(api, mario)
    image = uploaded(api, mario, practice["id"], "scan.jpg", pdf())
    lying = file_reference(image) | {"size": 10}
    refused = submit(api, mario, practice["id"], identity_card_data([lying]))
    assert codes(refused) == [("data.report[0]", "UNKNOWN_FILE")]
    by_global_id = file_reference(image) | {"id": image["id"]}
    sent = submit(api, mario, practice["id"], identity_card_data([by_global_id]))
    assert sent["errors"] == []


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("huge.pdf", pdf() + b"\n" * REPORT_MAX_BYTES, "FILE_TOO_LARGE"),
        ("photo.png", png(), "FILE_TYPE_NOT_ALLOWED"),
        ("empty.pdf", b"", "FILE_EMPTY"),
    ],
)
def test_a_file_outside_the_components_limits_is_refused_and_not_stored(
    api: GraphQLClient, mario: str, name: str, content: bytes, code: str
) -> None:
    practice = identity_card_draft(api, mario)
    kept = uploaded(api, mario, practice["id"], "kept.pdf", pdf(), component="report")
    refused = payload(
        upload(api, mario, practice["id"], name, content, component="report"), "uploadFile"
    )
    assert refused["file"] is None
    assert codes(refused) == [("file", code)]
    assert [file["id"] for file in files_of(api, mario, practice["id"])] == [kept["id"]]


def test_the_component_must_be_a_file_component_of_the_form(api: GraphQLClient, mario: str) -> None:
    practice = identity_card_draft(api, mario)
    for component in ("nickname", "givenName"):
        refused = payload(
            upload(api, mario, practice["id"], "a.pdf", pdf(), component=component), "uploadFile"
        )
        assert codes(refused) == [("component", "NOT_FOUND")]
    assert files_of(api, mario, practice["id"]) == []


def test_nobody_else_uploads_to_a_citizens_practice(
    api: GraphQLClient, mario: str, giulia: str, operator: str
) -> None:
    practice = identity_card_draft(api, mario)
    for intruder in (giulia, operator, None):
        refused = payload(
            upload(api, intruder, practice["id"], "x.pdf", pdf(), component="report"),
            "uploadFile",
        )
        assert refused["file"] is None
        # strangers are refused by the declared permission, others find no such practice
        expected = (None, "FORBIDDEN") if intruder is None else ("practiceId", "NOT_FOUND")
        assert codes(refused) == [expected]
    assert files_of(api, mario, practice["id"]) == []


def test_the_link_downloads_the_same_bytes_for_the_applicant_and_the_office(
    api: GraphQLClient, server: LiveServer, mario: str, giulia: str, operator: str
) -> None:
    practice = identity_card_draft(api, mario)
    content = pdf("Denuncia n. 42")
    file = uploaded(api, mario, practice["id"], "Denuncia è.pdf", content, component="report")
    mine = download(server, file["url"])
    assert mine.status_code == 200
    assert mine.content == content
    assert mine.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''Denuncia%20%C3%A8.pdf" in mine.headers["content-disposition"]

    assert api(FILES, {"id": practice["id"]}, token=operator).data["practice"] is None
    assert (
        submit(api, mario, practice["id"], identity_card_data([file_reference(file)]))["errors"]
        == []
    )
    office_files = api(FILES, {"id": practice["id"]}, token=operator).data["practice"]["files"]
    report = next(listed for listed in office_files if listed["id"] == file["id"])
    assert download(server, report["url"]).content == content

    hidden = api(
        "query($id: ID!) { practice(id: $id) { files { url } } node(id: $id) { id } }",
        {"id": practice["id"]},
        token=giulia,
    )
    assert hidden.data == {"practice": None, "node": None}
    assert file["url"][len("/bugliano/files/") :] not in str(hidden.body)


def test_an_upload_sent_twice_with_one_key_stores_one_file(api: GraphQLClient, mario: str) -> None:
    practice = identity_card_draft(api, mario)
    key = fresh_key()
    content = pdf()
    first = uploaded(api, mario, practice["id"], "r.pdf", content, idempotencyKey=key)
    again = uploaded(api, mario, practice["id"], "r.pdf", content, idempotencyKey=key)
    assert again["id"] == first["id"]
    assert [file["id"] for file in files_of(api, mario, practice["id"])] == [first["id"]]

    different = payload(
        upload(api, mario, practice["id"], "r.pdf", pdf("altro"), idempotencyKey=key),
        "uploadFile",
    )
    assert codes(different) == [("idempotencyKey", "IDEMPOTENCY_KEY_REUSED")]
    assert len(files_of(api, mario, practice["id"])) == 1


def test_the_citizen_sees_the_outcome_document_on_the_acceptance_step(
    api: GraphQLClient, server: LiveServer, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    content = pdf("Certificato di residenza")
    outcome = uploaded(api, operator, practice["id"], "certificato.pdf", content, purpose="OUTCOME")
    assert outcome["purpose"] == "OUTCOME"
    accepted = act(api, ACCEPT, operator, id=practice["id"], fileIds=[outcome["id"]])
    assert accepted["errors"] == []
    assert accepted["practice"]["status"] == "COMPLETE"

    history = api(
        """query($id: ID!) { practice(id: $id) {
             history { action attachments { id name contentType url } } } }""",
        {"id": practice["id"]},
        token=mario,
    ).data["practice"]["history"]
    acceptance = next(step for step in history if step["action"] == "ACCEPT")
    assert [(file["id"], file["name"]) for file in acceptance["attachments"]] == [
        (outcome["id"], "certificato.pdf")
    ]
    assert download(server, acceptance["attachments"][0]["url"]).content == content
    assert all(step["attachments"] == [] for step in history if step["action"] != "ACCEPT")


def test_the_citizen_does_not_see_a_document_the_office_has_not_sent_yet(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    for purpose in ("OUTCOME", "MESSAGE"):
        draft_document = uploaded(
            api, operator, practice["id"], f"bozza-{purpose}.pdf", pdf(), purpose=purpose
        )
        seen = [file["id"] for file in files_of(api, mario, practice["id"])]
        assert draft_document["id"] not in seen
        assert draft_document["id"] in [
            file["id"] for file in files_of(api, operator, practice["id"])
        ]


def test_a_citizen_uploads_neither_outcomes_nor_form_files_once_sent(
    api: GraphQLClient, mario: str, operator: str
) -> None:
    practice = in_charge(api, mario, operator)
    before = files_of(api, mario, practice["id"])
    for purpose in ("OUTCOME", "FORM", "RECEIPT"):
        refused = payload(
            upload(api, mario, practice["id"], "x.pdf", pdf(), purpose=purpose), "uploadFile"
        )
        assert refused["file"] is None
        assert codes(refused) == [("purpose", "FORBIDDEN")]
    assert files_of(api, mario, practice["id"]) == before


def test_a_draft_saved_with_a_reference_keeps_it_until_submission(
    api: GraphQLClient, mario: str
) -> None:
    practice = identity_card_draft(api, mario)
    file = uploaded(api, mario, practice["id"], "denuncia.pdf", pdf(), component="report")
    data = identity_card_data([file_reference(file)])
    saved = payload(
        api(SAVE_DRAFT, {"input": {"id": practice["id"], "data": data}}, token=mario),
        "savePracticeDraft",
    )
    assert saved["errors"] == []
    sent = payload(api(SUBMIT, {"input": {"id": practice["id"]}}, token=mario), "submitPractice")
    assert sent["errors"] == []
    assert sent["practice"]["data"]["report"] == [file_reference(file)]
