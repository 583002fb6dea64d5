"""A form speaks the citizen's language: every text of every demo form has an English and a
German translation in its `i18n`, the server names fields by their translated label, and a
definition's `i18n` is checked when an administrator saves it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.formio import validate_submission
from models.formio.translations import translation_problems, translations, visible_texts
from tests.graphql import GraphQLClient
from tests.practices import MARIO, SUBMIT, certificate_data, draft, payload

FORMS = sorted(
    (Path(__file__).resolve().parent.parent / "server" / "demo" / "forms").glob("*.json")
)

SAME_IN = {"en": {"Email", "No"}, "de": set[str]()}
"""Texts written the same in Italian and in the language; any other is an untranslated copy."""


def definition(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("path", FORMS, ids=[path.stem for path in FORMS])
def test_every_text_of_a_demo_form_is_translated(path: Path, language: str) -> None:
    form = definition(path)
    texts = visible_texts(form)
    assert texts, "a demo form shows texts"
    own = translations(form, language)
    assert [text for text in texts if text not in own] == []
    copies = [text for text in texts if own[text] == text and text not in SAME_IN[language]]
    assert copies == []
    assert translation_problems(form["i18n"]) == []


def test_the_texts_of_a_form_are_its_labels_options_descriptions_and_messages() -> None:
    form = {
        "components": [
            {"type": "textfield", "key": "a", "label": "Nome", "placeholder": "Mario"},
            {"type": "radio", "key": "b", "label": "Scelta", "values": [{"label": "Sì"}]},
            {
                "type": "select",
                "key": "c",
                "label": "Giorno",
                "data": {"values": [{"label": "Lunedì"}]},
            },
            {
                "type": "textfield",
                "key": "d",
                "label": "Nome",
                "validate": {"customMessage": "Scrivi"},
            },
            {"type": "htmlelement", "key": "e", "content": "Compila una riga"},
            {"type": "button", "key": "submit", "label": "Invia"},
            {"type": "hidden", "key": "f", "label": "Interno"},
        ]
    }
    assert visible_texts(form) == [
        "Nome",
        "Mario",
        "Scelta",
        "Sì",
        "Giorno",
        "Lunedì",
        "Scrivi",
        "Compila una riga",
    ]


FORM = {
    "components": [
        {"type": "textfield", "key": "plate", "label": "Targa", "input": True,
         "validate": {"required": True, "pattern": "[A-Z]{2}[0-9]{3}[A-Z]{2}"}},
        {"type": "textfield", "key": "vat", "label": "Partita IVA", "input": True,
         "validate": {"pattern": "[0-9]{11}", "customMessage": "Undici cifre"}},
        {"type": "file", "key": "plan", "label": "Planimetria", "input": True,
         "filePattern": "application/pdf,image/jpeg", "fileMaxSize": "1.5MB"},
    ],
    "i18n": {
        "en": {"Targa": "Number plate", "Undici cifre": "Eleven digits", "Planimetria": "Plan"},
        "de": {"Targa": "Kennzeichen", "Undici cifre": "Elf Ziffern", "Planimetria": "Lageplan"},
    },
}  # fmt: skip
BIG_PNG = {"name": "plan.png", "size": 2 * 1024 * 1024, "type": "image/png"}


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "de",
            {
                "plate": "„Kennzeichen“ hat nicht das verlangte Format.",
                "vat": "Elf Ziffern",
                "plan[0]": "Die Datei „plan.png“ ist größer als 1,5 MB.",
            },
        ),
        (
            "en",
            {
                "plate": "“Number plate” does not have the required format.",
                "vat": "Eleven digits",
                "plan[0]": "The file “plan.png” is larger than 1.5 MB.",
            },
        ),
        (
            "it",
            {
                "plate": "«Targa» non ha il formato richiesto.",
                "vat": "Undici cifre",
                "plan[0]": "Il file «plan.png» supera la dimensione massima di 1,5 MB.",
            },
        ),
    ],
)
def test_problems_name_fields_by_their_label_in_the_language(
    language: str, messages: dict[str, str]
) -> None:
    data = {"plate": "ab123cd", "vat": "123", "plan": [BIG_PNG]}
    result = validate_submission(FORM, data, language=language)
    found: dict[str, str] = {}
    for problem in result.problems:
        found.setdefault(problem.path, problem.message)
    assert {path: found[path] for path in messages} == messages


def test_file_types_are_named_as_people_know_them() -> None:
    result = validate_submission(FORM, {"plan": [BIG_PNG]}, language="de")
    types = [problem.message for problem in result.problems if problem.code == "PATTERN"]
    assert types == ["Die Datei „plan.png“ hat keinen zulässigen Typ (PDF, JPEG)."]


def test_a_refused_submission_names_the_field_in_the_requests_language(
    api: GraphQLClient, fresh_world: None
) -> None:
    token = api.login(*MARIO)
    data = certificate_data()
    del data["stamp"]
    practice = draft(api, token, data)
    said = {}
    for language in ("en", "de", "it"):
        sent = api(SUBMIT, {"input": {"id": practice["id"]}}, token=token, language=language)
        errors = payload(sent, "submitPractice")["errors"]
        said[language] = {error["field"]: error["message"] for error in errors}
    assert said["en"]["data.stamp"] == "“Stamp duty” is required."
    assert said["de"]["data.stamp"] == "„Stempelsteuer“ ist ein Pflichtfeld."
    assert said["it"]["data.stamp"] == "«Imposta di bollo» è obbligatorio."


TEXTS = "The texts in `i18n.en`"
SAVE = """mutation($input: SaveFormInput!) { saveForm(input: $input) {
  form { id } version { definition } errors { field code message } } }"""


def test_an_administrator_saves_a_form_with_its_translations(
    api: GraphQLClient, fresh_world: None
) -> None:
    admin = api.login("admin", "admin")
    sent = api(SAVE, {"input": {"title": "Prova", "definition": FORM}}, token=admin)
    body = payload(sent, "saveForm")
    assert body["errors"] == []
    assert body["version"]["definition"]["i18n"] == FORM["i18n"]


@pytest.mark.parametrize(
    ("i18n", "message"),
    [
        ({"fr": {"Targa": "Plaque"}}, "`i18n` may hold the languages it, en, de only, not fr."),
        ({"de": ["Kennzeichen"]}, "`i18n.de` must be an object of texts."),
        ({"de": {"Targa": 5}}, "The translations in `i18n.de` must be texts."),
        ({"en": {"Targa": "x" * 10_001}}, f"{TEXTS} may have at most 10000 characters."),
        ({"en": {"Targa": "<script>alert(1)</script>"}}, f"{TEXTS} may not hold scripts."),
        ({"en": {"Targa": '<img src=x onerror="alert(1)">'}}, f"{TEXTS} may not hold scripts."),
        ("Kennzeichen", "`i18n` must be an object with one object of texts per language."),
    ],
)  # fmt: skip
def test_a_definition_with_unsound_translations_is_refused(
    api: GraphQLClient, i18n: object, message: str
) -> None:
    admin = api.login("admin", "admin")
    broken = {**FORM, "i18n": i18n}
    body = payload(
        api(SAVE, {"input": {"title": "Prova", "definition": broken}}, token=admin, language="en"),
        "saveForm",
    )
    assert body["form"] is None
    assert body["errors"] == [{"field": "definition.i18n", "code": "INVALID", "message": message}]
