"""A form knows its applicant: a new draft holds their name, fiscal code, birth data and
contacts; what an identity provider asserted cannot be changed, whatever is sent."""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql import GraphQLClient
from tests.practices import MARIO, SAVE_DRAFT, SUBMIT, draft, payload
from tests.test_practices import sql

LOCKED = "query($id: ID!) { practice(id: $id) { data lockedFields } }"


@pytest.fixture
def mario(api: GraphQLClient) -> str:
    return api.login(*MARIO)


@pytest.fixture
def mario_by_spid(world: dict[str, str], fresh_world: None) -> None:
    """Mario as if he had logged in with SPID (the identity provider of issue 15)."""
    sql(
        world,
        "UPDATE \"user\" SET identity_provider = 'spid' WHERE fiscal_code = :code RETURNING id",
        code=MARIO[0],
    )


def practice(api: GraphQLClient, token: str, practice_id: str) -> dict[str, Any]:
    return dict(api(LOCKED, {"id": practice_id}, token=token).data["practice"])


def test_a_new_residence_change_holds_the_applicant_s_data(api: GraphQLClient, mario: str) -> None:
    started = draft(api, mario, service="cambio-residenza")
    data = practice(api, mario, started["id"])["data"]
    assert {key: data.get(key) for key in ("name", "surname", "fiscalCode", "birthDate")} == {
        "name": "Mario",
        "surname": "Rossi",
        "fiscalCode": "RSSMRA80A01H501U",
        "birthDate": "01/01/1980",
    }
    assert data["email"] == "mario.rossi@example.it"
    assert data["phone"] == "+39 333 1234567"
    assert "familyMembers" not in data, "a family member's fields are not the applicant's"


def test_a_password_login_may_correct_its_data(api: GraphQLClient, mario: str) -> None:
    started = draft(api, mario, {"givenName": "Marione"})
    assert practice(api, mario, started["id"])["lockedFields"] == []
    assert practice(api, mario, started["id"])["data"]["givenName"] == "Marione"


def test_what_spid_asserted_is_read_only_and_kept_at_submission(
    api: GraphQLClient, mario: str, mario_by_spid: None
) -> None:
    started = draft(api, mario)
    assert sorted(practice(api, mario, started["id"])["lockedFields"]) == [
        "familyName",
        "fiscalCode",
        "givenName",
    ]
    data = {
        **practice(api, mario, started["id"])["data"],
        "givenName": "Maria",
        "email": "altro@example.it",
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
    saved = payload(
        api(SAVE_DRAFT, {"input": {"id": started["id"], "data": data}}, token=mario),
        "savePracticeDraft",
    )
    assert saved["errors"] == []
    sent = payload(api(SUBMIT, {"input": {"id": started["id"]}}, token=mario), "submitPractice")
    assert sent["errors"] == []
    assert sent["practice"]["data"]["givenName"] == "Mario", "SPID's given name, not the one sent"
    assert sent["practice"]["data"]["email"] == "altro@example.it", "contacts stay the applicant's"
