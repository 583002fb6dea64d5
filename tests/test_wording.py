"""The server's messages speak the request's language: every template in Italian and German,
no message left in English at a payload error, and what a person sees over HTTP."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from string import Formatter

import pytest

from models.wording import MESSAGES, word
from tests.graphql import GraphQLClient
from tests.practices import GIULIA
from tests.test_resource_bookings import BOOK, resource_id

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("resolvers", "schema", "server", "auth")
WORDING_CALLS = ("say", "word")
LOGIN = """mutation($input: LoginInput!) {
  login(input: $input) { accessToken errors { field code message } } }"""


def sources() -> Iterator[tuple[Path, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def called(node: ast.Call) -> str | None:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else None


def calls(*names: str) -> Iterator[tuple[Path, ast.Call]]:
    for path, tree in sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and called(node) in names:
                yield path, node


def imported(tree: ast.Module) -> set[str]:
    """The wording functions a module has: imported from ours, or its own (`resolvers.wording`)."""
    names = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module in ("resolvers.wording", "models.wording")
        for alias in node.names
        if alias.name in WORDING_CALLS
    }
    own = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name in WORDING_CALLS
    }
    return names | own


def wording_calls() -> Iterator[tuple[Path, ast.Call]]:
    """Calls of `say` and `word`, in the modules that have ours (a local `say` of the seeding
    progress is not)."""
    for path, tree in sources():
        ours = imported(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ours
            ):
                yield path, node


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def where(path: Path, node: ast.stmt | ast.expr) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def templates() -> dict[str, str]:
    """Each template the code words, with the first place it is worded at."""
    found: dict[str, str] = {}
    for path, call in wording_calls():
        if path == ROOT / "resolvers" / "wording.py" and called(call) == "word":
            continue  # `say` hands its own template on
        first = call.args[0] if call.args else None
        # the template itself, a string literal, so that it can be checked here
        assert isinstance(first, ast.Constant), where(path, call)
        assert isinstance(first.value, str), where(path, call)
        found.setdefault(first.value, where(path, call))
    return found


def test_the_code_words_its_messages() -> None:
    assert len(templates()) > 100


def test_every_template_has_italian_and_german_with_the_same_placeholders() -> None:
    missing = [
        f"{place}: {template!r}"
        for template, place in templates().items()
        if set(MESSAGES.get(template, {})) != {"it", "de"}
    ]
    assert missing == [], "\n".join(missing)
    for template in templates():
        for language, text in MESSAGES[template].items():
            assert placeholders(text) == placeholders(template), (template, language)
            assert text.strip(), (template, language)
            assert text != template, (template, language)


def test_no_message_is_worded_once_for_every_request() -> None:
    """`say` outside a function runs at import, in no request's language."""
    at_import = []
    for path, tree in sources():
        ours = imported(tree)
        in_functions = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            for node in ast.walk(function)
        }
        at_import += [
            where(path, node)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ours
            and id(node) not in in_functions
        ]
    assert at_import == []


def test_no_translation_is_left_without_its_template() -> None:
    assert sorted(set(MESSAGES) - set(templates())) == []


def test_no_payload_error_is_worded_in_english_in_the_code() -> None:
    """A `Problem`'s message is worded by `say`, or is a value worded elsewhere."""
    literal = [
        where(path, call)
        for path, call in calls("Problem")
        if len(call.args) >= 3 and isinstance(call.args[2], ast.Constant | ast.JoinedStr)
    ]
    assert literal == []
    # a message put together in a variable first goes through `say` all the same
    assigned = [
        where(path, node)
        for path, tree in sources()
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant | ast.JoinedStr)
        and any(
            isinstance(target, ast.Name) and target.id in problem_messages(function)
            for target in node.targets
        )
    ]
    assert assigned == []


def problem_messages(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The variables a function passes to `Problem` as its message."""
    return {
        call.args[2].id
        for call in ast.walk(function)
        if isinstance(call, ast.Call)
        and called(call) == "Problem"
        and len(call.args) >= 3
        and isinstance(call.args[2], ast.Name)
    }


def test_word_fills_the_placeholders_in_the_language_asked() -> None:
    template = "The room holds 1 to {capacity} people."
    assert word(template, "it", capacity=80) == "La sala accoglie da 1 a 80 persone."
    assert word(template, "de", capacity=80) == "Der Raum bietet Platz für 1 bis 80 Personen."
    assert word(template, "en", capacity=80) == "The room holds 1 to 80 people."
    assert word("Not a template of ours.", "it") == "Not a template of ours."
    named = "A name in the municipality's default language ({language}) is required."
    assert word(named, "de", language="it") == (
        "Ein Name in der Standardsprache der Gemeinde (it) ist erforderlich."
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("it", "Nome utente o password non corretti."),
        ("de", "Benutzername oder Passwort ist falsch."),
        ("en", "Wrong username or password."),
        ("de-DE,de;q=0.9,en;q=0.5", "Benutzername oder Passwort ist falsch."),
    ],
)
def test_a_wrong_login_is_told_in_the_language_of_the_request(
    api: GraphQLClient, language: str, message: str
) -> None:
    result = api(
        LOGIN,
        {"input": {"username": GIULIA[0], "password": "not her password"}},
        language=language,
    )
    errors = result.data["login"]["errors"]
    assert errors == [{"field": None, "code": "INVALID_CREDENTIALS", "message": message}]


def test_a_room_booking_for_too_many_people_is_refused_in_german(
    api: GraphQLClient, world: dict[str, str]
) -> None:
    giulia = api.login(*GIULIA)
    hall = resource_id(world, "sala-consiliare")
    capacity = api(
        "query($id: ID!) { node(id: $id) { ... on Resource { capacity } } }", {"id": hall}
    ).data["node"]["capacity"]
    # the number of people is checked before the calendar: any day ahead will do
    day = date.today() + timedelta(days=7)
    start = datetime.combine(day, time(10), tzinfo=UTC)
    result = api(
        BOOK,
        {
            "input": {
                "resourceId": hall,
                "start": start.isoformat(),
                "end": (start + timedelta(hours=1)).isoformat(),
                "attendees": capacity + 1,
            }
        },
        token=giulia,
        language="de",
    )
    assert result.data["bookResource"]["errors"] == [
        {
            "field": "attendees",
            "code": "INVALID",
            "message": f"Der Raum bietet Platz für 1 bis {capacity} Personen.",
        }
    ]


def test_a_refusal_before_the_municipality_is_known_speaks_the_callers_language(
    api: GraphQLClient,
) -> None:
    result = api("{ __typename }", tenant="nowhere", language="de")
    assert result.status == 404
    assert result.errors[0]["message"] == "Es gibt keine Gemeinde „nowhere“."


def test_a_forbidden_field_says_why_in_italian(api: GraphQLClient) -> None:
    result = api("{ myAppointments(first: 1) { totalCount } }", language="it")
    assert result.error_codes == ["FORBIDDEN"]
    assert result.errors[0]["message"] == "Per continuare, accedi con le tue credenziali."
