"""Form.io definitions in MongoDB: every save is a new version, earlier ones stay readable."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from tests.graphql import GraphQLClient, LiveServer

SAVE = """mutation($input: SaveFormInput!) { saveForm(input: $input) {
  form { id title currentVersion } version { version title } errors { field code message } } }"""
DEFINITION = {
    "display": "form",
    "components": [
        {
            "type": "textfield",
            "key": "nome",
            "label": "Nome",
            "input": True,
            "validate": {"required": True},
        },
    ],
}


def save(api: GraphQLClient, token: str, **input: object) -> dict:
    return dict(api(SAVE, {"input": input}, token=token).data["saveForm"])


def test_versions_accumulate_and_stay_readable(api: GraphQLClient, fresh_world: None) -> None:
    admin = api.login("admin", "admin")
    first = save(api, admin, title="Richiesta contributo", definition=DEFINITION)
    assert first["errors"] == []
    assert first["version"]["version"] == 1
    changed = {
        **DEFINITION,
        "components": [
            *DEFINITION["components"],
            {"type": "email", "key": "email", "label": "E-mail", "input": True},
        ],
    }
    second = save(
        api, admin, formId=first["form"]["id"], title="Richiesta contributo", definition=changed
    )
    assert second["form"]["currentVersion"] == 2
    form = api(
        """query($id: ID!) { form(id: $id) { currentVersion definition
             version(number: 1) { definition } versions { version } } }""",
        {"id": first["form"]["id"]},
    ).data["form"]
    assert form["definition"] == changed
    assert form["version"]["definition"] == DEFINITION
    assert [v["version"] for v in form["versions"]] == [2, 1]
    listed = api("{ forms(first: 100) { totalCount edges { node { id } } } }", token=admin)
    assert first["form"]["id"] in {e["node"]["id"] for e in listed.data["forms"]["edges"]}


def test_a_definition_without_components_is_refused(api: GraphQLClient) -> None:
    admin = api.login("admin", "admin")
    payload = save(api, admin, title="", definition={"display": "form"})
    assert payload["form"] is None
    assert {(e["field"], e["code"]) for e in payload["errors"]} == {
        ("title", "REQUIRED"),
        ("definition", "INVALID"),
    }


def test_only_admins_save_forms(api: GraphQLClient) -> None:
    citizen = api.login("RSSMRA80A01H501U", "cittadino")
    payload = save(api, citizen, title="Modulo", definition=DEFINITION)
    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]


def test_parallel_saves_get_distinct_versions(
    api: GraphQLClient, server: LiveServer, fresh_world: None
) -> None:
    admin = api.login("admin", "admin")
    form_id = save(api, admin, title="Parallelo", definition=DEFINITION)["form"]["id"]

    def save_once(n: int) -> int:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            result = GraphQLClient(http)(
                SAVE,
                {
                    "input": {
                        "formId": form_id,
                        "title": "Parallelo",
                        "definition": {**DEFINITION, "title": str(n)},
                    }
                },
                token=admin,
            )
            return int(result.data["saveForm"]["version"]["version"])

    with ThreadPoolExecutor(max_workers=12) as pool:
        versions = list(pool.map(save_once, range(12)))
    assert sorted(versions) == list(range(2, 14))
    history = api(
        "query($id: ID!) { form(id: $id) { versions { version } } }", {"id": form_id}
    ).data["form"]["versions"]
    assert [v["version"] for v in history] == list(range(13, 0, -1))


def test_a_definition_with_javascript_is_refused_naming_the_components(
    api: GraphQLClient,
) -> None:
    admin = api.login("admin", "admin")
    scripted = {
        "components": [
            {
                "type": "textfield",
                "key": "iban",
                "input": True,
                "validate": {"custom": "valid = input.length === 27;"},
            },
            {"type": "number", "key": "total", "input": True, "calculateValue": "value = 1;"},
            {"type": "textfield", "key": "plain", "input": True},
        ]
    }
    payload = save(api, admin, title="Con script", definition=scripted)
    assert payload["form"] is None
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("definition", "SCRIPT_NOT_ALLOWED")
    assert "iban" in error["message"]
    assert "total" in error["message"]
    assert "plain" not in error["message"]
