"""Differential test: models/formio against Form.io's own engine, @formio/core on Node.js."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from models.formio import ValidationResult, validate_submission
from tests.test_formio_properties import (
    KITCHEN_SINK,
    LAYOUT,
    definitions,
    flat,
    kids,
    level,
    mutations,
    nested,
)
from tests.test_formio_samples import BROKEN, VALID
from tests.test_formio_samples import sample as sample_form

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "formio_reference"
SAMPLE_FORMS = ROOT / "tests" / "formio_samples"
DEMO_FORMS = ROOT / "server" / "demo" / "forms"
INSTALL_HINT = "run `make test`, which installs it (npm ci in tests/formio_reference)"
GENERATED_PER_FORM = 24
GENERATED_RANDOM_FORMS = 150

Component = dict[str, Any]
PathKey = tuple[str | int, ...]
Side = Literal["sportello", "formio"]
T = TypeVar("T")
MISSING: Any = object()


# -- the two engines ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One submission of one form, as both engines receive it."""

    name: str
    definition: dict[str, Any]
    data: dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """What one engine says: valid or not, and its codes (or rule names) by normalised path."""

    valid: bool
    paths: dict[PathKey, tuple[str, ...]]


def path_key(path: str) -> PathKey:
    """One spelling for both engines: `kids[2].name` and `kids.2.name` -> ("kids", 2, "name")."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", path))


def shown_path(path: PathKey) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text


def verdict(valid: bool, failures: list[tuple[str, str]]) -> Verdict:
    grouped: dict[PathKey, tuple[str, ...]] = {}
    for path, code in failures:
        grouped[path_key(path)] = (*grouped.get(path_key(path), ()), code)
    return Verdict(valid, grouped)


def sportello_verdict(result: ValidationResult) -> Verdict:
    return verdict(result.valid, [(problem.path, problem.code) for problem in result.problems])


def reference_engine() -> list[str]:
    """The command running evaluate.mjs; fails, never skips, without Node or @formio/core."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"Node.js (20 or newer) is needed for the reference engine; {INSTALL_HINT}")
    installed = REFERENCE / "node_modules" / "@formio" / "core" / "package.json"
    if not installed.is_file():
        pytest.fail(f"@formio/core is not installed in tests/formio_reference; {INSTALL_HINT}")
    pinned = json.loads((REFERENCE / "package.json").read_text())["dependencies"]["@formio/core"]
    version = json.loads(installed.read_text())["version"]
    if version != pinned:
        pytest.fail(f"@formio/core {version} is installed, {pinned} is pinned; {INSTALL_HINT}")
    return [node, str(REFERENCE / "evaluate.mjs")]


def formio_verdicts(cases: list[Case]) -> list[Verdict]:
    """All cases through @formio/core, in one Node process."""
    batch = [{"definition": case.definition, "data": case.data} for case in cases]
    completed = subprocess.run(
        reference_engine(), input=json.dumps(batch), capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        pytest.fail(f"the reference engine failed:\n{completed.stderr}")
    answers = json.loads(completed.stdout)
    crashes = [
        f"{case.name}: {answer['crash']}"
        for case, answer in zip(cases, answers, strict=True)
        if answer.get("crash")
    ]
    assert not crashes, "@formio/core threw instead of answering:\n" + "\n".join(crashes)
    return [
        verdict(answer["valid"], [(error["path"], error["rule"]) for error in answer["errors"]])
        for answer in answers
    ]


# -- where a path leads -------------------------------------------------------------------------
def _find(components: list[Component], key: str) -> list[Component]:
    """The component holding `key` at this data level, after the layout components around it."""
    for component in components:
        if component.get("type") in LAYOUT:
            inner = _find(kids(component), key)
            if inner:
                return [component, *inner]
        elif component.get("key") == key:
            return [component]
    return []


def chain(definition: dict[str, Any], path: PathKey) -> list[tuple[Component, PathKey]]:
    """The components met along a data path, layout ones included, outermost first, each with
    the path of the data level (root, container or grid row) it sits in."""
    found: list[tuple[Component, PathKey]] = []
    components: list[Component] = definition["components"]
    for position, segment in enumerate(path):
        if isinstance(segment, int):
            continue
        hit = _find(components, segment)
        if not hit:
            break
        found += [(component, path[:position]) for component in hit]
        components = kids(hit[-1])
    return found


def value_at(data: Any, path: PathKey) -> Any:
    current = data
    for segment in path:
        in_list = isinstance(current, list) and isinstance(segment, int) and segment < len(current)
        if not (in_list or (isinstance(current, dict) and segment in current)):
            return MISSING
        current = current[segment]
    return current


@dataclass(frozen=True)
class Finding:
    """A failing path that only one engine reports."""

    case: Case
    side: Side
    path: PathKey
    sportello: Verdict

    @property
    def component(self) -> Component:
        found = chain(self.case.definition, self.path)
        return found[-1][0] if found else {}

    @property
    def kind(self) -> str:
        return str(self.component.get("type", ""))

    @property
    def value(self) -> Any:
        return value_at(self.case.data, self.path)

    @property
    def is_item(self) -> bool:
        """The path ends in an item: a grid row, a file, an entry of a `multiple`."""
        return bool(self.path) and isinstance(self.path[-1], int)


# -- the deliberate differences -----------------------------------------------------------------
Explains = Callable[[Finding, str], bool]


@dataclass(frozen=True)
class Difference:
    """A documented way the engines disagree (see docs/formio-validation.md); `sportello` and
    `formio` say which one-sided failures, per code or rule name, it explains."""

    name: str
    reason: str
    example: Case
    sportello: Explains | None = None
    formio: Explains | None = None

    def explains(self, finding: Finding, code: str) -> bool:
        test = self.sportello if finding.side == "sportello" else self.formio
        return test is not None and test(finding, code)


def form(*components: Component) -> dict[str, Any]:
    return {"components": list(components)}


def comp(kind: str, key: str, **extra: Any) -> Component:
    return {"type": kind, "key": key, "label": key, "input": True, **extra}


ABC = [{"label": x.upper(), "value": x} for x in "abc"]
REQUIRED = {"required": True}
GRIDS = {"datagrid", "editgrid"}
JSON_TYPES: dict[str, type] = {
    **dict.fromkeys(["textfield", "textarea", "email", "phoneNumber", "password", "url"], str),
    **dict.fromkeys(["day", "datetime", "time"], str),
    **dict.fromkeys(["container", "address", "selectboxes"], dict),
    **dict.fromkeys(GRIDS, list),
    "checkbox": bool,
}
ISO_EXTENDED = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
)


def _wrong_json_type(finding: Finding, code: str) -> bool:
    """The value really is not of the JSON type its component stores (read independently)."""
    value, kind = finding.value, finding.kind
    if finding.is_item and kind in GRIDS:
        return not isinstance(value, dict)
    if finding.component.get("multiple") and not finding.is_item:
        return not isinstance(value, list)
    if kind in {"number", "currency"}:
        return isinstance(value, bool) or not isinstance(value, int | float) or value != value
    if kind in {"radio", "select"}:
        return isinstance(value, dict | list)
    if kind == "selectboxes" and isinstance(value, dict):
        return not all(isinstance(item, bool) for item in value.values())
    expected = JSON_TYPES.get(kind)
    return expected is not None and not isinstance(value, expected)


def _below_invalid_type(finding: Finding, code: str) -> bool:
    """Form.io validates the children of a container or row that Sportello refused as a whole."""
    return any(
        "INVALID_TYPE" in finding.sportello.paths.get(finding.path[:n], ())
        for n in range(len(finding.path))
    )


def _italian_day(value: Any) -> bool:
    """A real date written `DD/MM/YYYY` or `YYYY-MM-DD`."""
    if not isinstance(value, str) or not re.fullmatch(
        r"\d{2}/\d{2}/\d{4}|\d{4}-\d{2}-\d{2}", value
    ):
        return False
    try:
        dt.datetime.strptime(value, "%Y-%m-%d" if "-" in value else "%d/%m/%Y")
    except ValueError:
        return False
    return True


def _iso_datetime(value: Any) -> bool:
    """ISO 8601 in its extended form, and a real date and time."""
    if not isinstance(value, str) or not ISO_EXTENDED.fullmatch(value):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _beyond_utf16(finding: Finding, code: str) -> bool:
    value = finding.value
    measured = code in {"MIN_LENGTH", "MAX_LENGTH", "PATTERN", "minLength", "maxLength", "pattern"}
    return measured and isinstance(value, str) and any(ord(char) > 0xFFFF for char in value)


def _formio_anchoring_matches(finding: Finding, code: str) -> bool:
    """Form.io tests `^pattern$`, where a top-level `|` leaves one branch unanchored."""
    pattern = finding.component.get("validate", {}).get("pattern")
    value = finding.value
    return (
        code == "PATTERN"
        and isinstance(pattern, str)
        and isinstance(value, str)
        and re.search(f"^{pattern}$", value, re.ASCII) is not None
    )


def _row_start_of_absent_grid(finding: Finding, code: str) -> bool:
    """Under the first row Form.io gives a grid the submission does not carry."""
    for n in range(1, len(finding.path)):
        grid = finding.path[:n]
        if finding.path[n] != 0 or value_at(finding.case.data, grid) not in (MISSING, None):
            continue
        found = chain(finding.case.definition, grid)
        if found and found[-1][0].get("type") in GRIDS:
            return True
    return False


def _required_grid_with_rows(finding: Finding, code: str) -> bool:
    value = finding.value
    return code == "required" and finding.kind in GRIDS and isinstance(value, list) and bool(value)


def _variables(rule: Any) -> Iterator[str]:
    """The names a JSON-logic rule reads with `var`."""
    if isinstance(rule, list):
        for item in rule:
            yield from _variables(item)
    elif isinstance(rule, dict):
        for operator, argument in rule.items():
            name = argument[0] if isinstance(argument, list) and argument else argument
            if operator == "var" and isinstance(name, str):
                yield name
            else:
                yield from _variables(argument)


def _json_logic_reads_nothing(finding: Finding, code: str) -> bool:
    """A JSON-logic conditional on the way reads a value the submission does not hold."""
    for component, level_path in chain(finding.case.definition, finding.path):
        conditional = component.get("conditional")
        rule = conditional.get("json") if isinstance(conditional, dict) else None
        for name in _variables(rule):
            scope, _, rest = name.partition(".")
            holder = (
                finding.case.data if scope == "data" else value_at(finding.case.data, level_path)
            )
            if scope in {"data", "row"} and value_at(holder, path_key(rest)) in (MISSING, None):
                return True
    return False


def _bare_when_in_a_row(finding: Finding, code: str) -> bool:
    """A simple conditional on the way names a sibling by its bare key inside a grid row."""
    in_a_row = False
    for component, _ in chain(finding.case.definition, finding.path):
        conditional = component.get("conditional")
        when = conditional.get("when") if isinstance(conditional, dict) else None
        if in_a_row and isinstance(when, str) and when and "." not in when:
            return True
        in_a_row = in_a_row or component.get("type") in GRIDS
    return False


DIFFERENCES: list[Difference] = [
    Difference(
        "UNKNOWN_FIELD",
        "Form.io silently drops keys that are not in the form; Sportello names them, so a typo "
        "or an outdated client never loses data unnoticed.",
        Case("unknown key", form(comp("textfield", "name")), {"name": "x", "nmae": "y"}),
        sportello=lambda f, code: code == "UNKNOWN_FIELD",
    ),
    Difference(
        "STATIC_OPTIONS",
        "Form.io compares a value with the options only under `validate.onlyAvailableItems` "
        "(never for selectboxes); Sportello always refuses a value outside the static options "
        "of radio, select and selectboxes (NOT_AN_OPTION). Selects fed by a URL stay opaque.",
        Case("option", form(comp("radio", "pick", values=ABC)), {"pick": "z"}),
        sportello=lambda f, code: code == "NOT_AN_OPTION",
    ),
    Difference(
        "STRICT_TYPES",
        'Form.io coerces a value of the wrong JSON type ("3" -> 3, "true" -> true, a value -> '
        "[value]), drops what it cannot coerce, or keeps it (any JSON in a text field); "
        "Sportello stores what it validated, so it refuses such a value (INVALID_TYPE, "
        "INVALID_NUMBER) and does not look inside a container or row of the wrong type.",
        Case(
            "types",
            form(
                comp("number", "n"),
                comp("textfield", "t"),
                comp("container", "box", components=[comp("textfield", "x", validate=REQUIRED)]),
            ),
            {"n": "3", "t": {"a": 1}, "box": "x"},
        ),
        sportello=lambda f, code: (
            code in {"INVALID_TYPE", "INVALID_NUMBER"} and _wrong_json_type(f, code)
        ),
        formio=_below_invalid_type,
    ),
    Difference(
        "FISCAL_CODE",
        "A Sportello extension: a text field tagged `codiceFiscale` must hold a valid Italian "
        "fiscal code, check character included (INVALID_FISCAL_CODE).",
        Case(
            "fiscal code",
            form(comp("textfield", "cf", tags=["codiceFiscale"])),
            {"cf": "RSSMRA80A01H501X"},
        ),
        sportello=lambda f, code: code == "INVALID_FISCAL_CODE",
    ),
    Difference(
        "FILES",
        "Form.io checks a file when it is uploaded, in its storage provider; Sportello checks "
        "the references a submission carries (their number unless `multiple`, `fileMaxSize`, "
        "`fileMinSize`, `filePattern`, their shape) and that each file is the user's.",
        Case(
            "file",
            form(comp("file", "doc", filePattern="application/pdf", fileMaxSize="1MB")),
            {"doc": [{"name": "a.png", "size": 10, "type": "image/png", "id": "f1"}]},
        ),
        sportello=lambda f, code: f.kind == "file" and code != "REQUIRED",
    ),
    Difference(
        "UNIQUE_IN_GRID",
        "Form.io's `unique` is a database query against the form's other submissions; "
        "Sportello checks it among the rows of a grid in the same submission (the same fiscal "
        "code twice in one family), which needs no database (NOT_UNIQUE).",
        Case(
            "unique",
            form(comp("datagrid", "g", components=[comp("textfield", "cf", unique=True)])),
            {"g": [{"cf": "A"}, {"cf": "a"}]},
        ),
        sportello=lambda f, code: code == "NOT_UNIQUE",
    ),
    Difference(
        "GRID_ROW_COUNT",
        "@formio/core applies `minLength`/`maxLength` to strings only, so only the renderer "
        "limits the rows of a datagrid or editgrid; Sportello enforces them on the server.",
        Case(
            "rows",
            form(
                comp("datagrid", "g", validate={"maxLength": 1}, components=[comp("number", "n")])
            ),
            {"g": [{"n": 1}, {"n": 2}]},
        ),
        sportello=lambda f, code: f.kind in GRIDS and code in {"MIN_LENGTH", "MAX_LENGTH"},
    ),
    Difference(
        "ITEMS_OF_MULTIPLE",
        "@formio/core picks the rules of a `multiple` component by looking at the whole array, "
        "so length, pattern, number and date rules never run on its items; Sportello checks "
        "every item (path `key[n]`).",
        Case(
            "multiple",
            form(comp("textfield", "t", multiple=True, validate={"maxLength": 2})),
            {"t": ["ab", "abc"]},
        ),
        sportello=lambda f, code: (
            f.is_item and f.component.get("multiple") is True and f.kind != "file"
        ),
    ),
    Difference(
        "MIN_SELECTED_WHEN_NONE",
        "Form.io skips `minSelectedCount` when no box is ticked; Sportello applies it to an "
        "empty selection too, so an answer cannot be dodged by ticking nothing (MIN_SELECTED).",
        Case(
            "selected",
            form(comp("selectboxes", "s", values=ABC, validate={"minSelectedCount": 1})),
            {"s": {"a": False}},
        ),
        sportello=lambda f, code: (
            code == "MIN_SELECTED" and not (isinstance(f.value, dict) and True in f.value.values())
        ),
    ),
    Difference(
        "DAY_FORMAT",
        "A day is MM/DD/YYYY for Form.io (DD/MM/YYYY with `dayFirst`), 0 standing for an "
        "unknown part; Sportello always reads DD/MM/YYYY, the Italian order, or YYYY-MM-DD, "
        "and wants a real date (INVALID_DATE).",
        Case(
            "day", form(comp("day", "d"), comp("day", "e")), {"d": "31/12/2020", "e": "12/31/2020"}
        ),
        sportello=lambda f, code: (
            f.kind == "day" and code == "INVALID_DATE" and not _italian_day(f.value)
        ),
        formio=lambda f, code: f.kind == "day" and code == "day" and _italian_day(f.value),
    ),
    Difference(
        "DATETIME_SPELLING",
        "Sportello takes a datetime in ISO 8601's extended form only (YYYY-MM-DD, optionally "
        "THH:MM[:SS[.fff]] and Z or an offset) and a real one, while Form.io's lenient parser "
        "also takes 2025-3-4, 04/03/2025, 2025-02-30 or a year alone; and Sportello's time "
        "may carry fractions of a second (HH:MM:SS.fff), which Form.io's HH:mm:ss refuses.",
        Case(
            "datetime",
            form(comp("datetime", "at"), comp("time", "t")),
            {"at": "04/03/2025", "t": "10:00:00.5"},
        ),
        sportello=lambda f, code: (
            f.kind == "datetime" and code == "INVALID_DATE" and not _iso_datetime(f.value)
        ),
        formio=lambda f, code: (
            f.kind == "time"
            and code == "time"
            and re.fullmatch(r"\d{2}:\d{2}:\d{2}\.\d+", f.value) is not None
        ),
    ),
    Difference(
        "EMAIL_SYNTAX",
        "Both use Form.io's address syntax, but Sportello also accepts a domain with letters "
        'beyond ASCII (comunità.it) and refuses a quoted local part ("a b"@example.org).',
        Case(
            "email",
            form(comp("email", "a"), comp("email", "b")),
            {"a": "info@comunità.it", "b": '"a b"@example.org'},
        ),
        sportello=lambda f, code: code == "INVALID_EMAIL" and f.value.strip().startswith('"'),
        formio=lambda f, code: code == "email" and not f.value.rpartition("@")[2].isascii(),
    ),
    Difference(
        "LENGTH_IN_CHARACTERS",
        "Sportello measures text in characters; JavaScript counts UTF-16 units, so for Form.io "
        "an emoji or a rare ideogram counts twice in a length and in a pattern's `.`.",
        Case(
            "length",
            form(comp("textfield", "t", validate={"maxLength": 3})),
            {"t": "😀😀"},
        ),
        sportello=_beyond_utf16,
        formio=_beyond_utf16,
    ),
    Difference(
        "PATTERN_ANCHORS",
        "Form.io tests `^pattern$`, so with a top-level `|` one branch need only match the "
        "start or the end; Sportello matches the whole value against the whole pattern.",
        Case(
            "pattern",
            form(comp("textfield", "t", validate={"pattern": "[A-Z]{2}|[0-9]{2}"})),
            {"t": "AB12"},
        ),
        sportello=_formio_anchoring_matches,
    ),
    Difference(
        "NUMBER_DEFAULTS",
        "Form.io's server does not apply a number's `defaultValue`, as it cannot tell a removed "
        "value from a missing one; Sportello applies every default to a missing key and "
        "validates it like a value.",
        Case("default", form(comp("number", "n", defaultValue=50, validate={"max": 10})), {}),
        sportello=lambda f, code: (
            f.kind in {"number", "currency"}
            and "defaultValue" in f.component
            and f.value is MISSING
        ),
    ),
    Difference(
        "REQUIRED_GRID",
        "Form.io calls a required grid empty when all its rows are empty; for Sportello a "
        "required grid needs a row, and what a row must hold is said by its own components.",
        Case(
            "required grid",
            form(comp("datagrid", "g", validate=REQUIRED, components=[comp("textfield", "x")])),
            {"g": [{}]},
        ),
        formio=_required_grid_with_rows,
    ),
    Difference(
        "GRID_FIRST_ROW",
        "Form.io gives a grid missing from the submission one empty row, whose required "
        "columns then fail; Sportello does not invent rows: a missing grid is an empty list.",
        Case(
            "first row",
            form(comp("editgrid", "g", components=[comp("textfield", "x", validate=REQUIRED)])),
            {},
        ),
        formio=_row_start_of_absent_grid,
    ),
    Difference(
        "JSON_LOGIC_NULL",
        "A JSON-logic conditional reading a value the submission lacks yields null, which "
        "@formio/core's server takes as 'no decision' and shows the component; Sportello "
        "follows JSON-logic truthiness (null is false), as the formio.js renderer does, and "
        "hides it. A renderer always sends such values; an API client may not.",
        Case(
            "json null",
            form(
                comp("checkbox", "gate"),
                comp(
                    "textfield", "t", conditional={"json": {"var": "data.gate"}}, validate=REQUIRED
                ),
            ),
            {},
        ),
        formio=_json_logic_reads_nothing,
    ),
    Difference(
        "BARE_WHEN_IN_A_ROW",
        "A simple conditional inside a grid may name a sibling by its bare key (`when: kind`): "
        "Sportello reads it in the same row, as the formio.js renderer does; @formio/core 2 "
        "reads the first row's value for every row. `when: items.kind` works in both.",
        Case(
            "bare when",
            form(
                comp(
                    "datagrid",
                    "items",
                    components=[
                        comp("select", "kind", data={"values": ABC}),
                        comp(
                            "textfield",
                            "why",
                            conditional={"show": True, "when": "kind", "eq": "c"},
                            validate=REQUIRED,
                        ),
                    ],
                )
            ),
            {"items": [{"kind": "a"}, {"kind": "c"}]},
        ),
        sportello=_bare_when_in_a_row,
        formio=_bare_when_in_a_row,
    ),
]


# -- comparing ---------------------------------------------------------------------------------
@dataclass
class Comparison:
    """Both verdicts on a case, the one-sided failures and the differences explaining them."""

    case: Case
    sportello: Verdict
    formio: Verdict
    one_sided: int = 0
    unexplained: list[tuple[Side, PathKey, str]] = field(default_factory=list)
    used: Counter[str] = field(default_factory=Counter)

    def describe(self) -> str:
        lines = [
            f"{self.case.name}: Sportello says {'valid' if self.sportello.valid else 'invalid'}, "
            f"Form.io {'valid' if self.formio.valid else 'invalid'}"
        ]
        lines += [f"  only {side} fails {shown_path(p)}: {c}" for side, p, c in self.unexplained]
        lines.append(f"  data: {json.dumps(self.case.data, ensure_ascii=False)[:300]}")
        return "\n".join(lines)


def compare(
    case: Case, sportello: Verdict, formio: Verdict, differences: list[Difference]
) -> Comparison:
    """Same failing paths, or one-sided failures each explained by one of `differences`."""
    comparison = Comparison(case, sportello, formio)
    sides: list[tuple[Side, Verdict, Verdict]] = [
        ("sportello", sportello, formio),
        ("formio", formio, sportello),
    ]
    for side, mine, theirs in sides:
        for path, codes in mine.paths.items():
            if path in theirs.paths:
                continue
            comparison.one_sided += 1
            finding = Finding(case, side, path, sportello)
            for code in codes:
                reasons = [d.name for d in differences if d.explains(finding, code)]
                comparison.used.update(reasons)
                if not reasons:
                    comparison.unexplained.append((side, path, code))
    if sportello.valid != formio.valid and not comparison.one_sided:
        comparison.unexplained.append(("formio", (), "invalid without a failing path"))
    return comparison


# -- the cases ---------------------------------------------------------------------------------
def forms() -> dict[str, dict[str, Any]]:
    """The sample forms, the demo forms (copies counted once), the property tests' kitchen sink."""
    found: dict[str, dict[str, Any]] = {"kitchen-sink": copy.deepcopy(KITCHEN_SINK)}
    seen: set[str] = set()
    for origin, folder in (("sample", SAMPLE_FORMS), ("demo", DEMO_FORMS)):
        for path in sorted(folder.glob("*.json")):
            text = json.dumps(json.loads(path.read_text(encoding="utf-8")), sort_keys=True)
            if text not in seen:
                seen.add(text)
                found[f"{origin} {path.stem}"] = json.loads(text)
    return found


def written_cases() -> Iterator[Case]:
    """The hand-written valid and broken submissions of tests/test_formio_samples.py."""
    for name, data in VALID.items():
        yield Case(f"{name}: valid", sample_form(name), copy.deepcopy(data))
    for name, change, expected in BROKEN:
        data = {**copy.deepcopy(VALID[name]), **copy.deepcopy(change)}
        yield Case(f"{name}: {expected}", sample_form(name), data)


TRICKY_VALUES: list[tuple[Component, list[Any]]] = [
    (comp("email", "f"), ["a@b.it", "A@B.IT ", "a+b@c.co.uk", "a@[10.0.0.1]", "a..b@c.it",
      ".a@b.it", "a@b..it", "a@b.c", "a@b.123", "a,b@c.it", "a@b_c.it", "a@-b.it",
      "info@comunità.it", '"a b"@c.it']),
    (comp("textfield", "f", validate={"minLength": 3, "maxLength": 5}), ["ab", "abcdef", "àèì",
      "e\u0301ab", "😀😀", "😀😀😀"]),
    (comp("textfield", "f", validate={"pattern": r"\d{5}"}), ["00100", "0010", "٠٠١٠٠", "x00100"]),
    (comp("textfield", "f", validate={"pattern": r"\w+ ?"}), ["città", "abc ", "a_b"]),
    (comp("textfield", "f", validate={"pattern": "[A-Z]{2}|[0-9]{2}"}), ["AB", "12", "AB12", "A1"]),
    (comp("textfield", "f", validate={"pattern": "^.{2}$"}), ["ab", "😀", "a\n"]),
    (comp("textfield", "f", validate={"maxLength": 0, "minLength": "2"}), ["abcdef", "a"]),
    (comp("textarea", "f", validate={"minWords": 2, "maxWords": 3}), ["a  b", " a b ", "a\tb\nc",
      "a\u00a0b", "a b c d", "one"]),
    (comp("number", "f", validate={"min": "2", "max": 4.5}), [2, 4.5, 4.51, 1.99, -0.0, 1e308]),
    (comp("number", "f", validate={"min": 0, "max": 0}), [0, 1e-300, -1e-300]),
    (comp("time", "f"), ["00:00", "23:59:59", "24:00", "8:30", "12:60", "1200", "10:00:00.5"]),
    (comp("datetime", "f"), ["2025-03-04T10:00:00+01:00", "2025-03-04T10:00:00.123Z",
      "2025-03-04 10:00", "2025-03-04T10:00:00+0100", "2025-03-04", "2025-03-04T25:00:00",
      "2025-3-4", "2025-02-30T10:00:00", "20250304", "2025-W10-2", "2025-03-04T10", "2025"]),
    (comp("day", "f"), ["05/06/2020", "29/02/2024", "29/02/2023", "31/12/2020", "12/31/2020",
      "00/05/2020", "2020-06-05", "1/2/2020"]),
    (comp("day", "f", dayFirst=True), ["31/12/2020", "12/31/2020", "29/02/2023"]),
    (comp("selectboxes", "f", values=ABC, validate={"minSelectedCount": 2, "maxSelectedCount": 2}),
     [{"a": True}, {"a": True, "b": True}, {"a": True, "b": True, "c": True}, {"a": False}]),
    (comp("radio", "f", values=[{"label": "1", "value": 1}, {"label": "2", "value": "2"}]),
     [1, "1", 2, "2", 3]),
    (comp("textfield", "f", validate=REQUIRED), ["x", "", " ", "\u00a0", None]),
    (comp("checkbox", "f", validate=REQUIRED), [True, False, "true", 0]),
]  # fmt: skip


def tricky_cases() -> Iterator[Case]:
    """Values at the edges of each rule, one component at a time."""
    for component, values in TRICKY_VALUES:
        for value in values:
            rules = json.dumps(component.get("validate", {}))
            name = f"{component['type']} {rules} = {value!r}"
            yield Case(name, form(component), {"f": value})


def examples(strategy: st.SearchStrategy[T], count: int) -> list[T]:
    """`count` examples of `strategy`, the same on every run (hypothesis, derandomised)."""
    found: list[T] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(example: T) -> None:
        found.append(example)

    collect()
    return found


@st.composite
def random_forms(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    definition = draw(definitions)
    return definition, draw(level(definition["components"]))


def in_both_orders(day: str) -> str:
    """The same year and month as `DD/MM/YYYY` with a day of at most 12: a date either way."""
    match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})|(\d{4})-(\d{2})-(\d{2})", day)
    if match is None:
        return day
    dd, mm, yyyy = match.group(1, 2, 3) if match.group(1) else match.group(6, 5, 4)
    return f"{min(int(dd), 12):02d}/{mm}/{yyyy}"


def as_the_renderer_sends(components: list[Component], data: dict[str, Any]) -> dict[str, Any]:
    """A generated submission spelt as the formio.js renderer spells one: every grid a list,
    every checkbox a boolean, days readable in either order. The comparison is then about
    rules; the spellings the engines read differently are shown by the differences' examples."""
    out = dict(data)
    for component in flat(components):
        key, kind = component["key"], component["type"]
        value = data.get(key, MISSING)
        if kind in GRIDS:
            rows = value if isinstance(value, list) else []
            out[key] = [as_the_renderer_sends(component["components"], row) for row in rows]
        elif nested(component) and isinstance(value, dict):
            out[key] = as_the_renderer_sends(component["components"], value)
        elif kind == "checkbox" and value is MISSING:
            out[key] = False
        elif kind == "day" and isinstance(value, str):
            out[key] = in_both_orders(value)
    return out


# A generated submission is broken on a rule both engines know: breaking a Sportello-only check
# (UNKNOWN_FIELD, NOT_AN_OPTION, INVALID_TYPE, ...) would only show a difference listed above.
SHARED_RULES = frozenset(
    {"REQUIRED", "MIN_LENGTH", "MAX_LENGTH", "PATTERN", "MIN_WORDS", "MAX_WORDS", "MIN", "MAX"}
    | {"INVALID_EMAIL", "INVALID_DATE", "MIN_SELECTED", "MAX_SELECTED"}
)


def broken(
    definition: dict[str, Any], data: dict[str, Any], chooser: random.Random
) -> tuple[str, dict[str, Any]]:
    """`data` with one rule broken, by one of the property tests' mutations."""
    cleaned = copy.deepcopy(validate_submission(definition, data).data)
    found = mutations(definition["components"], cleaned, "")
    mutation = chooser.choice([m for m in found if m.code in SHARED_RULES] or found)
    mutation.holder[mutation.key] = mutation.value
    return f"{mutation.code} at {mutation.path}", cleaned


def generated_cases() -> Iterator[Case]:
    """Valid submissions from the property tests' generators, about half of them then broken."""
    drawn = [
        (name, definition, data)
        for name, definition in forms().items()
        for data in examples(level(definition["components"]), GENERATED_PER_FORM)
    ]
    drawn += [
        ("random form", definition, data)
        for definition, data in examples(random_forms(), GENERATED_RANDOM_FORMS)
    ]
    chooser = random.Random(2026)
    seen: set[str] = set()
    for n, (name, definition, generated) in enumerate(drawn):
        label, data = "valid", as_the_renderer_sends(definition["components"], generated)
        if chooser.random() < 0.5:
            label, data = broken(definition, data, chooser)
        fingerprint = json.dumps([definition, data], sort_keys=True)
        if fingerprint not in seen:
            seen.add(fingerprint)
            yield Case(f"{name} #{n}: {label}", definition, data)


@dataclass
class Run:
    """Every case through both engines, once for this module."""

    groups: dict[str, list[Comparison]]
    examples: dict[str, Comparison]

    def all(self) -> list[Comparison]:
        return [comparison for group in self.groups.values() for comparison in group]


@pytest.fixture(scope="module")
def run() -> Run:
    groups = {
        "written": list(written_cases()),
        "tricky": list(tricky_cases()),
        "generated": list(generated_cases()),
    }
    cases = [case for group in groups.values() for case in group]
    cases += [difference.example for difference in DIFFERENCES]
    bare = [
        compare(case, sportello_verdict(validate_submission(case.definition, case.data)), v, [])
        for case, v in zip(cases, formio_verdicts(cases), strict=True)
    ]
    explained: dict[str, list[Comparison]] = {}
    start = 0
    for name, group in groups.items():
        chosen = bare[start : start + len(group)]
        explained[name] = [compare(c.case, c.sportello, c.formio, DIFFERENCES) for c in chosen]
        start += len(group)
    return Run(explained, {d.name: c for d, c in zip(DIFFERENCES, bare[start:], strict=True)})


def disagreements(comparisons: list[Comparison]) -> str:
    failed = [c for c in comparisons if c.unexplained]
    shown = "\n".join(c.describe() for c in failed[:12])
    return (
        f"{len(failed)} of {len(comparisons)} cases disagree beyond the known differences:\n{shown}"
    )


# -- the tests ---------------------------------------------------------------------------------
def test_reference_engine_is_installed() -> None:
    assert reference_engine()[-1].endswith("evaluate.mjs")


def test_both_engines_paths_are_spelt_alike() -> None:
    assert path_key("kids[2].birthDate") == path_key("kids.2.birthDate") == ("kids", 2, "birthDate")
    assert path_key("applicant.address.zip") == ("applicant", "address", "zip")
    assert shown_path(("kids", 2, "scan", 0)) == "kids[2].scan[0]"


@pytest.mark.parametrize("group", ["written", "tricky", "generated"])
def test_engines_agree_but_for_the_known_differences(run: Run, group: str) -> None:
    comparisons = run.groups[group]
    assert not any(c.unexplained for c in comparisons), disagreements(comparisons)


def test_enough_cases_of_both_verdicts_are_compared(run: Run) -> None:
    assert len(run.groups["generated"]) >= 300
    verdicts = Counter(c.formio.valid for c in run.all())
    assert verdicts[True] >= 150, verdicts
    assert verdicts[False] >= 150, verdicts


def test_most_cases_agree_without_an_excuse(run: Run) -> None:
    """The known differences must not swallow the comparison."""
    cases = run.all()
    exact = [c for c in cases if not c.one_sided]
    assert len(exact) >= 3 * len(cases) // 4, f"{len(exact)} of {len(cases)} agree exactly"


@pytest.mark.parametrize("difference", DIFFERENCES, ids=lambda d: d.name)
def test_each_known_difference_is_real(run: Run, difference: Difference) -> None:
    """Its example makes the engines disagree, and only this difference explains it."""
    bare = run.examples[difference.name]
    assert bare.unexplained, f"{difference.name}: the engines now agree on its example"
    alone = compare(bare.case, bare.sportello, bare.formio, [difference])
    assert not alone.unexplained, alone.describe()
    others = [d for d in DIFFERENCES if d is not difference]
    assert compare(bare.case, bare.sportello, bare.formio, others).unexplained


def test_known_differences_are_few_and_explained() -> None:
    names = [d.name for d in DIFFERENCES]
    assert len(names) == len(set(names)) <= 20
    assert all(len(d.reason) > 40 and (d.sportello or d.formio) for d in DIFFERENCES)
    documented = (ROOT / "docs" / "formio-validation.md").read_text(encoding="utf-8")
    assert [name for name in names if f"`{name}`" not in documented] == []
