"""What an input holds is checked at the edge, once for every argument (issue 11, finding 8):
text PostgreSQL cannot store (a NUL character, a lone surrogate) anywhere, even deep inside a
form's JSON or as one of its keys, and dates out of bounds are field errors of a mutation's
payload or a GraphQL error INVALID of a query, never a database error echoing SQL; a hold's and
an office's contacts are checked by maintained libraries and stored in one written form."""

from __future__ import annotations

import json

import pytest
import strawberry
from graphql import GraphQLNamedType, get_named_type

from tests.bookable import free_slot
from tests.graphql import GraphQLClient
from tests.practices import ADMIN, MARIO, OPERATOR, SAVE_DRAFT
from tests.test_appointments import CANCEL, calendar_id, mutate
from tests.test_calendar_admin import CREATE_OFFICE, run
from tests.test_catalogue_mutations import CREATE as CREATE_SERVICE
from tests.test_catalogue_mutations import SET_STATUS, UPDATE
from tests.test_input_limits import HOLD, count, problems
from tests.test_practices import decode, sql

NUL = "\x00"
SERVICE = "query($slug: String) { service(slug: $slug) { id publishFrom } }"
LOGIN = """mutation($input: LoginInput!) {
  login(input: $input) { accessToken errors { field code message } } }"""
SAVE_FORM = """mutation($input: SaveFormInput!) {
  saveForm(input: $input) { form { id } errors { field code message } } }"""
SEARCH = "query($text: String) { services(first: 5, filter: {text: $text}) { totalCount } }"


def service_id(api: GraphQLClient, slug: str) -> str:
    return str(api(SERVICE, {"slug": slug}).data["service"]["id"])


def test_nul_characters_anywhere_in_a_mutation_are_field_errors_and_nothing_is_stored(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator, admin, mario = api.login(*OPERATOR), api.login(*ADMIN), api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    before = {table: count(world, table) for table in ("meeting", "service", "practice")}

    held = api(
        HOLD,
        {
            "input": {
                "calendarId": registry,
                "start": "2030-01-07T09:00:00+01:00",
                "name": f"Anna{NUL}Neri",
            }
        },
        token=operator,
    ).data["holdSlot"]
    assert held["appointment"] is None
    assert problems(held) == [("name", "INVALID")]
    assert held["errors"][0]["message"] == "Il testo non può contenere caratteri NUL (U+0000)."

    service = run(
        api,
        CREATE_SERVICE,
        admin,
        slug="servizio-nul",
        name={"it": f"Servizio{NUL}"},
        keywords=["anagrafe", f"nul{NUL}"],
    )
    assert problems(service) == [("name.it", "INVALID"), ("keywords[1]", "INVALID")]
    renamed = run(
        api,
        UPDATE,
        admin,
        id=service_id(api, "cambio-residenza"),
        fields={"description": {"it": NUL}},
    )
    assert problems(renamed) == [("description.it", "INVALID")]

    data = {"givenName": f"Ma{NUL}rio", "address": {f"via{NUL}": "Roma", "number": [1, NUL]}}
    draft = api(
        SAVE_DRAFT,
        {"input": {"serviceId": service_id(api, "certificati-anagrafici"), "data": data}},
        token=mario,
    ).data["savePracticeDraft"]
    assert problems(draft) == [
        ("data.givenName", "INVALID"),
        ("data.address.via\\u0000", "INVALID"),
        ("data.address.number[1]", "INVALID"),
    ]
    assert draft["errors"][1]["message"].startswith("In una chiave: ")

    login = api(LOGIN, {"input": {"username": f"admin{NUL}", "password": "admin"}})
    assert login.status == 200
    assert problems(login.data["login"]) == [("username", "INVALID")]
    form = api(
        SAVE_FORM,
        {"input": {"title": "Modulo", "definition": {"components": [{"key": NUL}]}}},
        token=admin,
    ).data["saveForm"]
    assert problems(form) == [("definition.components[0].key", "INVALID")]

    after = {table: count(world, table) for table in before}
    assert after == before
    assert not sql(world, "SELECT 1 FROM service WHERE slug = 'servizio-nul'")


def test_nul_characters_in_query_arguments_are_invalid_and_echo_no_sql(
    api: GraphQLClient,
) -> None:
    by_variable = api(SERVICE, {"slug": f"cambio-residenza{NUL}"})
    assert by_variable.error_codes == ["INVALID"]
    assert by_variable.errors[0]["extensions"]["field"] == "slug"
    assert "SELECT" not in by_variable.errors[0]["message"]
    by_literal = api('{ service(slug: "cambio-residenza\\u0000") { id } }')
    assert by_literal.error_codes == ["INVALID"]
    search = api(SEARCH, {"text": f"anagrafe{NUL}"})
    assert search.error_codes == ["INVALID"]
    assert search.errors[0]["extensions"]["field"] == "filter.text"
    assert api(SERVICE, {"slug": "cambio-residenza"}).data["service"] is not None


def test_a_lone_surrogate_is_refused_like_a_nul(api: GraphQLClient, world: dict[str, str]) -> None:
    operator = api.login(*OPERATOR)
    body = {
        "query": HOLD,
        "variables": {
            "input": {
                "calendarId": calendar_id(world, "agenda-anagrafe"),
                "start": "2030-01-07T09:00:00+01:00",
                "name": "Anna \ud800",
            }
        },
    }
    response = api.http.post(
        "/bugliano/graphql",
        content=json.dumps(body, ensure_ascii=True),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {operator}"},
    )
    assert response.status_code == 200
    payload = response.json()["data"]["holdSlot"]
    assert problems(payload) == [("name", "INVALID")]
    assert "Unicode" in payload["errors"][0]["message"]


def test_an_address_holding_a_nul_names_no_municipality(api: GraphQLClient) -> None:
    graphql = api.http.get("/bugliano%00/graphql", params={"query": "{ __typename }"})
    assert graphql.status_code == 404
    assert graphql.json()["errors"][0]["extensions"]["code"] == "TENANT_NOT_FOUND"
    page = api.http.get("/bugliano%00/")
    assert page.status_code == 404
    download = api.http.get("/bugliano%00/files/not-a-link")
    assert download.status_code == 403


@pytest.mark.date_sensitive
def test_a_holds_contacts_are_checked_and_kept_in_one_written_form(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    operator, mario = api.login(*OPERATOR), api.login(*MARIO)
    registry = calendar_id(world, "agenda-anagrafe")
    slot = free_slot(api, registry, lambda s: s["free"] == 2, from_day=9)
    before = count(world, "meeting")
    wrong = {
        "calendarId": registry,
        "start": slot["start"],
        "name": "Anna Neri",
        "email": "anna.neri@",
        "phone": "12345",
        "fiscalCode": "RSSMRA80A01H501X",
    }
    refused = api(HOLD, {"input": wrong}, token=operator).data["holdSlot"]
    assert problems(refused) == [
        ("email", "INVALID_EMAIL"),
        ("phone", "INVALID_PHONE"),
        ("fiscalCode", "INVALID_FISCAL_CODE"),
    ]
    citizen = api(
        HOLD,
        {"input": {"calendarId": registry, "start": slot["start"], "email": "mario@@example.it"}},
        token=mario,
    ).data["holdSlot"]
    assert problems(citizen) == [("email", "INVALID_EMAIL")]
    assert count(world, "meeting") == before

    right = {
        **wrong,
        "email": " Anna.Neri@Example.IT ",
        "phone": "333 1234567",
        "fiscalCode": "nrinna85a41h501i",
    }
    held = mutate(api, HOLD, operator, **right)
    assert held["errors"] == []
    stored = sql(
        world,
        "SELECT email, phone, fiscal_code FROM meeting WHERE id = :id",
        id=decode(held["appointment"]["id"]),
    )
    assert stored == [("Anna.Neri@example.it", "+39 333 123 4567", "NRINNA85A41H501I")]
    assert mutate(api, CANCEL, operator, id=held["appointment"]["id"])["errors"] == []


def test_an_offices_contacts_are_checked_and_kept_in_one_written_form(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    admin = api.login(*ADMIN)
    refused = run(
        api,
        CREATE_OFFICE,
        admin,
        slug="ufficio-contatti",
        name={"it": "Ufficio contatti"},
        contacts={"email": "sport@comune", "pec": "x@y@z.it", "phone": "000"},
    )
    assert problems(refused) == [
        ("contacts.email", "INVALID_EMAIL"),
        ("contacts.pec", "INVALID_EMAIL"),
        ("contacts.phone", "INVALID_PHONE"),
    ]
    created = run(
        api,
        CREATE_OFFICE,
        admin,
        slug="ufficio-contatti",
        name={"it": "Ufficio contatti"},
        contacts={"email": "Sport@Comune.Bugliano.PI.it", "phone": "0587 000150"},
    )
    assert created["errors"] == []
    assert (created["office"]["email"], created["office"]["phone"]) == (
        "Sport@comune.bugliano.pi.it",
        "+39 0587 000150",
    )


def test_dates_out_of_bounds_never_reach_the_catalogue(
    api: GraphQLClient, world: dict[str, str], fresh_world: None
) -> None:
    admin = api.login(*ADMIN)
    residence = service_id(api, "cambio-residenza")
    ancient = run(
        api,
        SET_STATUS,
        admin,
        id=residence,
        status="SCHEDULED",
        publishFrom="0001-01-01T00:00:00+00:00",
    )
    assert problems(ancient) == [("publishFrom", "INVALID")]
    assert "1900-01-01" in ancient["errors"][0]["message"]
    endless = run(
        api,
        UPDATE,
        admin,
        id=residence,
        fields={"publishFrom": "2030-01-01T00:00:00", "publishUntil": "9999-12-31T00:00:00Z"},
    )
    assert problems(endless) == [("publishFrom", "INVALID"), ("publishUntil", "INVALID")]
    assert "scostamento da UTC" in endless["errors"][0]["message"]
    # what used to break the service for everyone
    assert api(SERVICE, {"slug": "cambio-residenza"}).data["service"]["publishFrom"] is None


def text_or_date_arguments(type_: GraphQLNamedType) -> list[str]:
    fields = getattr(type_, "fields", None) or {}
    return [
        f"{type_.name}.{name}({argument_name})"
        for name, field in fields.items()
        for argument_name, argument in getattr(field, "args", {}).items()
        if get_named_type(argument.type).name not in ("Int", "Boolean", "Float")
        and argument_name not in ("after", "before")
    ]


def test_only_root_fields_take_text_or_dates_so_one_check_at_the_root_covers_every_input(
    code_schema: strawberry.Schema,
) -> None:
    schema = code_schema._schema
    roots = {schema.query_type, schema.mutation_type}
    nested = [
        found
        for type_ in schema.type_map.values()
        if type_ not in roots and not type_.name.startswith("__")
        for found in text_or_date_arguments(type_)
    ]
    assert nested == []
