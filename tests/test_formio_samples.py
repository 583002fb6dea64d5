"""Form.io validator on the four sample municipal forms: valid and broken submissions."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from models.formio import find_code, validate_submission

SAMPLES = Path(__file__).parent / "formio_samples"
CF1, CF2, CF3 = "RSSMRA80A01H501U", "BNCLCU15M10F205Y", "VRDGLI17D50F205R"
PDF = {"name": "doc.pdf", "size": 120_000, "type": "application/pdf", "id": "u1"}
JPG = {"name": "doc.jpg", "size": 300_000, "type": "image/jpeg", "id": "u2"}


def sample(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


VALID: dict[str, dict[str, Any]] = {
    "residence-change": {
        "name": "Mario",
        "surname": "Rossi",
        "fiscalCode": CF1,
        "birthDate": "01/01/1980",
        "email": "mario.rossi@example.org",
        "phone": "",
        "newAddress": {"street": "via Roma", "houseNumber": "12/B", "zip": "00100"},
        "housingTitle": "tenant",
        "leaseRegistrationNumber": "3T 1234/2025",
        "familyMembers": [
            {"fullName": "Luca Bianchi", "fiscalCode": CF2, "relationship": "child"},
            {"fullName": "Giulia Verdi", "fiscalCode": CF3, "relationship": "spouse"},
        ],
        "identityDocument": [JPG],
        "privacy": True,
        "submit": True,
    },
    "school-canteen": {
        "parentName": "Mario Rossi",
        "parentEmail": "mario@example.org",
        "children": [
            {
                "childName": "Luca",
                "childFiscalCode": CF2,
                "birthDate": "2015-08-10",
                "school": "rodari",
                "days": {"mon": True, "tue": False, "wed": True, "thu": False, "fri": False},
                "hasAllergies": True,
                "allergiesDescription": "Frutta a guscio",
            },
            {
                "childName": "Giulia",
                "childFiscalCode": CF3,
                "birthDate": "10/04/2017",
                "school": "girasole",
                "days": {"fri": True},
                "hasAllergies": False,
            },
        ],
        "isee": 14500.5,
        "iseeCertificate": [PDF],
        "privacy": True,
    },
    "bulky-waste": {
        "pickupAddress": {"mode": "autocomplete", "address": {"display_name": "via Roma 1"}},
        "floor": "2",
        "items": [
            {"kind": "furniture", "quantity": 2},
            {"kind": "other", "quantity": 1, "otherDescription": "Cyclette"},
        ],
        "preferredDate": "2026-12-01T00:00:00+01:00",
        "preferredTime": "09:30",
        "notes": "Citofonare Rossi",
        "estimatedFee": 25,
    },
    "parking-permit": {
        "plate": "AB123CD",
        "ownership": "company",
        "companyDeclaration": [PDF],
        "zone": "A",
        "startDate": "01/12/2026",
        "mobile": "+39 333 1234567",
        "email": "",
        "truthfulness": True,
    },
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_submission_is_accepted(name: str) -> None:
    result = validate_submission(sample(name), VALID[name])
    assert result.problems == []
    assert result.valid
    expected = {key: value for key, value in VALID[name].items() if key != "submit"}
    if name == "bulky-waste":
        expected["source"] = "web"
    assert result.data == expected
    assert find_code(sample(name)) == []


def test_validation_does_not_change_its_inputs() -> None:
    definition, data = sample("school-canteen"), copy.deepcopy(VALID["school-canteen"])
    before = (copy.deepcopy(definition), copy.deepcopy(data))
    validate_submission(definition, {**data, "isee": 0, "stray": 1})
    assert (definition, data) == before


BROKEN: list[tuple[str, dict[str, Any], list[tuple[str, str]]]] = [
    ("residence-change", {"name": ""}, [("name", "REQUIRED")]),
    ("residence-change", {"surname": "x" * 81}, [("surname", "MAX_LENGTH")]),
    (
        "residence-change",
        {"fiscalCode": "RSSMRA80A01H501X"},
        [("fiscalCode", "INVALID_FISCAL_CODE")],
    ),
    (
        "residence-change",
        {"fiscalCode": "RSSMRA80A01H501"},
        [("fiscalCode", "PATTERN"), ("fiscalCode", "INVALID_FISCAL_CODE")],
    ),
    ("residence-change", {"birthDate": "31/02/1980"}, [("birthDate", "INVALID_DATE")]),
    ("residence-change", {"birthDate": "00/00/0000"}, [("birthDate", "REQUIRED")]),
    ("residence-change", {"email": "mario"}, [("email", "INVALID_EMAIL")]),
    (
        "residence-change",
        {"newAddress": {"street": "via Roma", "houseNumber": "1", "zip": "1234"}},
        [("newAddress.zip", "PATTERN")],
    ),
    (
        "residence-change",
        {"newAddress": {"street": "via Roma", "zip": "00100", "floor": 3}},
        [("newAddress.floor", "UNKNOWN_FIELD"), ("newAddress.houseNumber", "REQUIRED")],
    ),
    ("residence-change", {"housingTitle": "squatter"}, [("housingTitle", "NOT_AN_OPTION")]),
    (
        "residence-change",
        {"leaseRegistrationNumber": ""},
        [("leaseRegistrationNumber", "REQUIRED")],
    ),
    (
        "residence-change",
        {
            "familyMembers": [
                {"fullName": "A", "fiscalCode": CF2, "relationship": "child"},
                {"fullName": "B", "fiscalCode": CF2, "relationship": "cousin"},
            ]
        },
        [
            ("familyMembers[1].fiscalCode", "NOT_UNIQUE"),
            ("familyMembers[1].relationship", "NOT_AN_OPTION"),
        ],
    ),
    (
        "residence-change",
        {"familyMembers": [{"fullName": "A", "relationship": "child"}] * 13},
        [("familyMembers", "MAX_LENGTH")]
        + [(f"familyMembers[{n}].fiscalCode", "REQUIRED") for n in range(13)],
    ),
    ("residence-change", {"identityDocument": [JPG, PDF]}, [("identityDocument", "MAX_LENGTH")]),
    (
        "residence-change",
        {"identityDocument": [{**PDF, "size": 6 * 1024 * 1024}]},
        [("identityDocument[0]", "MAX")],
    ),
    (
        "residence-change",
        {"identityDocument": [{**PDF, "type": "image/gif"}]},
        [("identityDocument[0]", "PATTERN")],
    ),
    ("residence-change", {"privacy": False}, [("privacy", "REQUIRED")]),
    ("residence-change", {"nickname": "Super Mario"}, [("nickname", "UNKNOWN_FIELD")]),
    ("school-canteen", {"parentEmail": "x@"}, [("parentEmail", "INVALID_EMAIL")]),
    ("school-canteen", {"children": []}, [("children", "REQUIRED"), ("children", "MIN_LENGTH")]),
    ("school-canteen", {"isee": -1, "iseeCertificate": []}, [("isee", "MIN")]),
    ("school-canteen", {"isee": 10, "iseeCertificate": []}, [("iseeCertificate", "REQUIRED")]),
    ("school-canteen", {"isee": "10"}, [("isee", "INVALID_NUMBER")]),
    ("bulky-waste", {"pickupAddress": {}}, [("pickupAddress", "REQUIRED")]),
    ("bulky-waste", {"floor": "1234"}, [("floor", "MAX_LENGTH")]),
    (
        "bulky-waste",
        {"items": [{"kind": "other", "quantity": 6}]},
        [("items[0].quantity", "MAX"), ("items[0].otherDescription", "REQUIRED")],
    ),
    (
        "bulky-waste",
        {"items": [{"kind": "car", "quantity": 1, "otherDescription": "Fiat"}]},
        [("items[0].kind", "NOT_AN_OPTION")],
    ),
    ("bulky-waste", {"preferredDate": "domani"}, [("preferredDate", "INVALID_DATE")]),
    ("bulky-waste", {"preferredTime": "25:00"}, [("preferredTime", "INVALID_DATE")]),
    ("bulky-waste", {"notes": "parola " * 101}, [("notes", "MAX_WORDS")]),
    ("bulky-waste", {"estimatedFee": "gratis"}, [("estimatedFee", "INVALID_NUMBER")]),
    ("parking-permit", {"plate": "ab123cd"}, [("plate", "PATTERN")]),
    ("parking-permit", {"ownership": None}, [("ownership", "REQUIRED")]),
    ("parking-permit", {"companyDeclaration": []}, [("companyDeclaration", "REQUIRED")]),
    ("parking-permit", {"companyDeclaration": [JPG]}, [("companyDeclaration[0]", "PATTERN")]),
    ("parking-permit", {"zone": "C"}, [("zone", "NOT_AN_OPTION")]),
    ("parking-permit", {"startDate": "2026-02-30"}, [("startDate", "INVALID_DATE")]),
    ("parking-permit", {"mobile": ""}, [("mobile", "REQUIRED")]),
    ("parking-permit", {"email": "not-an-email"}, [("email", "INVALID_EMAIL")]),
    ("parking-permit", {"truthfulness": "yes"}, [("truthfulness", "INVALID_TYPE")]),
    ("parking-permit", {"vehicle": {"plate": "AB123CD"}}, [("vehicle", "UNKNOWN_FIELD")]),
]


@pytest.mark.parametrize(("name", "change", "expected"), BROKEN)
def test_broken_submission_is_refused(
    name: str, change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    data = {**copy.deepcopy(VALID[name]), **change}
    result = validate_submission(sample(name), data)
    assert not result.valid
    assert [(p.path, p.code) for p in result.problems] == expected


def test_hidden_sample_fields_are_dropped() -> None:
    data = {**VALID["residence-change"], "housingTitle": "owner"}
    result = validate_submission(sample("residence-change"), data)
    assert result.valid
    assert "leaseRegistrationNumber" not in result.data
    permit = {**VALID["parking-permit"], "ownership": "own", "companyDeclaration": [JPG]}
    result = validate_submission(sample("parking-permit"), permit)
    assert result.valid
    assert "companyDeclaration" not in result.data
    canteen = {**VALID["school-canteen"], "isee": 0, "iseeCertificate": [{"broken": True}]}
    result = validate_submission(sample("school-canteen"), canteen)
    assert result.valid
    assert "iseeCertificate" not in result.data


def test_many_problems_of_a_sample_are_reported_together() -> None:
    result = validate_submission(
        sample("parking-permit"), {"plate": "x", "zone": "Z"}, language="de"
    )
    assert [(p.path, p.code) for p in result.problems] == [
        ("plate", "PATTERN"),
        ("ownership", "REQUIRED"),
        ("zone", "NOT_AN_OPTION"),
        ("startDate", "REQUIRED"),
        ("mobile", "REQUIRED"),
        ("truthfulness", "REQUIRED"),
    ]
    assert result.problems[0].message == "Targa nel formato AA123BB"
    assert "Pflichtfeld" in result.problems[1].message
