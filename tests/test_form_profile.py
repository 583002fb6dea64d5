"""The applicant's own data in a form: found by conventional keys or a `profile` mapping,
prefilled in a new draft, kept as the identity provider asserted it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from models.formio.profile import Profile, locked_paths, prefill, profile_paths, profile_problems

FORMS = Path(__file__).resolve().parent.parent / "server" / "demo" / "forms"

MARIO = {
    "givenName": "Mario",
    "familyName": "Rossi",
    "fiscalCode": "RSSMRA80A01H501U",
    "birthDate": dt.date(1980, 1, 1),
    "birthPlace": "Roma",
    "email": "mario.rossi@example.it",
    "phone": "+39 333 1234567",
}


def residence() -> dict:
    return json.loads((FORMS / "residence-change.json").read_text())


def test_conventional_keys_are_found_through_panels_but_not_in_grids_or_containers() -> None:
    paths = profile_paths(residence())
    assert paths == {
        "name": "givenName",
        "surname": "familyName",
        "fiscalCode": "fiscalCode",
        "birthDate": "birthDate",
        "email": "email",
        "phone": "phone",
    }
    # familyMembers[].fiscalCode (a grid) and newAddress.* (a container) are not the applicant's.


def test_a_new_draft_gets_the_profile_and_a_day_field_the_day_first_date() -> None:
    data = prefill(residence(), {"email": "altro@example.it"}, Profile(MARIO, False))
    assert data["name"] == "Mario"
    assert data["surname"] == "Rossi"
    assert data["birthDate"] == "01/01/1980"
    assert data["email"] == "altro@example.it", "what the applicant wrote is kept"
    assert data["phone"] == "+39 333 1234567"


def test_identity_fields_are_locked_only_for_a_provider_login() -> None:
    assert locked_paths(residence(), Profile(MARIO, False)) == []
    assert sorted(locked_paths(residence(), Profile(MARIO, True))) == [
        "birthDate",
        "fiscalCode",
        "name",
        "surname",
    ]
    sent = {"name": "Maria", "surname": "Rossi", "email": ""}
    kept = prefill(residence(), sent, Profile(MARIO, True), fill_empty=False)
    assert kept["name"] == "Mario", "a provider's given name cannot be changed"
    assert kept["email"] == "", "a contact the applicant cleared stays cleared at submission"


def test_an_explicit_mapping_reaches_into_containers_and_replaces_the_conventions() -> None:
    definition = {
        "profile": {"applicant.nomeCompleto": "givenName"},
        "components": [
            {"type": "textfield", "key": "name", "input": True},
            {
                "type": "container",
                "key": "applicant",
                "input": True,
                "components": [{"type": "textfield", "key": "nomeCompleto", "input": True}],
            },
        ],
    }
    assert profile_paths(definition) == {"applicant.nomeCompleto": "givenName"}
    assert prefill(definition, {}, Profile(MARIO, False)) == {
        "applicant": {"nomeCompleto": "Mario"}
    }
    assert profile_problems(definition) == []


def test_a_mapping_to_an_unknown_field_or_profile_entry_is_refused() -> None:
    definition = {
        "profile": {"nowhere": "givenName", "name": "shoeSize"},
        "components": [{"type": "textfield", "key": "name", "input": True}],
    }
    assert [(p.kind, p.path, p.field) for p in profile_problems(definition)] == [
        ("NO_SUCH_FIELD", "nowhere", "givenName"),
        ("UNKNOWN_PROFILE_FIELD", "name", "shoeSize"),
    ]
    assert [p.kind for p in profile_problems({"profile": ["name"], "components": []})] == [
        "NOT_AN_OBJECT"
    ]
