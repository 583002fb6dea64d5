"""What the citizen area says of its municipality, as the Designers Italia "Comuni" model asks:
the parent institution, VAT number, contacts and the footer's links, set by the tenant's admins
(`updateTenant`) and read by everyone; and whom each service is for ("A chi è rivolto")."""

from __future__ import annotations

from typing import Any

import pytest

from tests.graphql import GraphQLClient
from tests.practices import ADMIN, MARIO, OPERATOR

SITE = """
  siteUrl fiscalCode vatNumber
  parentInstitution { name url }
  contacts { email pec phone address }
  links { transparency privacy legalNotes cookies siteMap reportProblem }
"""
READ = f"{{ tenant {{ {SITE} }} }}"
UPDATE = f"""mutation($input: UpdateTenantInput!) {{
  updateTenant(input: $input) {{ tenant {{ {SITE} }} errors {{ field code message }} }} }}"""
BUGLIANO = "https://www.comune.bugliano.pi.it"


@pytest.fixture
def admin(api: GraphQLClient, fresh_world: None) -> str:
    return api.login(*ADMIN)


def errors(payload: dict[str, Any]) -> list[tuple[str | None, str]]:
    return [(error["field"], error["code"]) for error in payload["errors"]]


def test_anyone_reads_what_the_footer_and_header_show(api: GraphQLClient) -> None:
    bugliano = api(READ).data["tenant"]
    assert bugliano["parentInstitution"] == {
        "name": "Regione Toscana",
        "url": "https://www.regione.toscana.it",
    }
    assert bugliano["vatNumber"] == "00231480500"
    assert bugliano["contacts"]["address"] == "Piazza del Municipio 1, 56030 Bugliano (PI)"
    assert bugliano["links"] == {
        "transparency": f"{BUGLIANO}/amministrazione-trasparente",
        "privacy": f"{BUGLIANO}/informativa-privacy",
        "legalNotes": f"{BUGLIANO}/note-legali",
        "cookies": f"{BUGLIANO}/cookie-policy",
        "siteMap": f"{BUGLIANO}/mappa-del-sito",
        "reportProblem": f"{BUGLIANO}/segnala-disservizio",
    }
    valdifiori = api(READ, tenant="valdifiori").data["tenant"]
    assert valdifiori["siteUrl"] == "https://www.comune.valdifiori.pi.it"
    assert valdifiori["parentInstitution"]["name"] == "Unione dei Comuni della Valdera"
    assert valdifiori["links"]["siteMap"] is None
    assert valdifiori["links"]["privacy"].startswith("https://www.comune.valdifiori.pi.it/")


def test_an_admin_changes_what_the_pages_say(api: GraphQLClient, admin: str) -> None:
    payload = api(
        UPDATE,
        {
            "input": {
                "vatNumber": "IT 00412370504",
                "parentInstitution": {"name": "Unione Valdera", "url": "https://unione.example"},
                "links": {"privacy": "https://privacy.example/bugliano", "siteMap": None},
                "contacts": {"phone": "0587 000111", "email": "URP@Comune.Bugliano.PI.it"},
            }
        },
        token=admin,
    ).data["updateTenant"]
    assert payload["errors"] == []
    tenant = payload["tenant"]
    # Written in one form: the VAT number's digits, the phone in international form.
    assert tenant["vatNumber"] == "00412370504"
    assert tenant["contacts"]["phone"] == "+39 0587 000111"
    assert tenant["contacts"]["email"] == "URP@comune.bugliano.pi.it"
    assert tenant["parentInstitution"] == {
        "name": "Unione Valdera",
        "url": "https://unione.example",
    }
    # A link sent as null is gone; those not sent stay as they were.
    assert tenant["links"]["privacy"] == "https://privacy.example/bugliano"
    assert tenant["links"]["siteMap"] is None
    assert tenant["links"]["transparency"] == f"{BUGLIANO}/amministrazione-trasparente"
    assert tenant["contacts"]["pec"] == "comune.bugliano@postacert.toscana.it"
    # Everyone reads the new settings at once.
    assert api(READ).data["tenant"] == tenant

    cleared = api(
        UPDATE, {"input": {"parentInstitution": None, "vatNumber": None}}, token=admin
    ).data["updateTenant"]["tenant"]
    assert cleared["parentInstitution"] is None
    assert cleared["vatNumber"] is None


def test_wrong_settings_are_refused_each_on_its_field_and_nothing_is_written(
    api: GraphQLClient, admin: str
) -> None:
    before = api(READ).data
    payload = api(
        UPDATE,
        {
            "input": {
                "siteUrl": "javascript:alert(1)",
                "vatNumber": "00231480501",
                "parentInstitution": {"name": "R" * 201, "url": "ftp://regione.example"},
                "links": {
                    "privacy": "https://user:secret@privacy.example/",
                    "cookies": "https://example.it/" + "c" * 300,
                    "transparency": "/amministrazione-trasparente",
                },
                "contacts": {"email": "urp@", "phone": "12", "address": "A" * 301},
            }
        },
        token=admin,
        language="en",
    ).data["updateTenant"]
    assert payload["tenant"] is None
    assert errors(payload) == [
        ("siteUrl", "INVALID"),
        ("vatNumber", "INVALID"),
        ("parentInstitution.name", "INVALID"),
        ("parentInstitution.url", "INVALID"),
        ("links.transparency", "INVALID"),
        ("links.privacy", "INVALID"),
        ("links.cookies", "INVALID"),
        ("contacts.email", "INVALID_EMAIL"),
        ("contacts.phone", "INVALID_PHONE"),
        ("contacts.address", "INVALID"),
    ]
    messages = {error["field"]: error["message"] for error in payload["errors"]}
    assert "11 digits" in messages["vatNumber"]
    assert "at most 300 characters" in messages["links.cookies"]
    assert api(READ).data == before


@pytest.mark.parametrize("account", [MARIO, OPERATOR, None])
def test_only_the_municipality_admins_change_its_settings(
    api: GraphQLClient, fresh_world: None, account: tuple[str, str] | None
) -> None:
    token = api.login(*account) if account else None
    payload = api(
        UPDATE, {"input": {"links": {"privacy": "https://evil.example/"}}}, token=token
    ).data["updateTenant"]
    assert payload["tenant"] is None
    assert [error["code"] for error in payload["errors"]] == ["FORBIDDEN"]
    assert api(READ).data["tenant"]["links"]["privacy"] == f"{BUGLIANO}/informativa-privacy"


SERVICE_AUDIENCE = """query($slug: String!) { service(slug: $slug) { id audience } }"""
UPDATE_SERVICE = """mutation($input: UpdateServiceInput!) {
  updateService(input: $input) { service { audience } errors { field code message } } }"""


def test_a_service_says_whom_it_is_for_in_the_readers_language(api: GraphQLClient) -> None:
    variables = {"slug": "cambio-residenza"}
    italian = api(SERVICE_AUDIENCE, variables).data["service"]["audience"]
    english = api(SERVICE_AUDIENCE, variables, language="en").data["service"]["audience"]
    assert italian.startswith("A chi si trasferisce a Bugliano")
    assert english.startswith("Anyone moving to Bugliano")


def test_an_admin_writes_whom_a_service_is_for_within_its_limits(
    api: GraphQLClient, admin: str
) -> None:
    service = api(SERVICE_AUDIENCE, {"slug": "anagrafe-canina"}).data["service"]
    changed = api(
        UPDATE_SERVICE,
        {"input": {"id": service["id"], "fields": {"audience": {"it": "Ai proprietari di cani."}}}},
        token=admin,
    ).data["updateService"]
    assert changed == {"service": {"audience": "Ai proprietari di cani."}, "errors": []}
    refused = api(
        UPDATE_SERVICE,
        {"input": {"id": service["id"], "fields": {"audience": {"de": "Für Hundehalter."}}}},
        token=admin,
        language="en",
    ).data["updateService"]
    assert errors(refused) == [("audience", "INVALID")]
    assert "not enabled" in refused["errors"][0]["message"]
