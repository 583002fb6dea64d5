"""Form.io validation benchmark: time validate_submission on a realistic 200-field form."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.formio import validate_submission  # noqa: E402
from models.formio.tree import holds_value, is_grid, is_record, walk  # noqa: E402

Component = dict[str, Any]
FIELDS = 200
SECTIONS = 9
GRID_ROWS = 4
BROKEN = 20
CF_GOOD, CF_BAD = "RSSMRA80A01H501U", "RSSMRA80A01H501X"
OPTIONS = [{"label": f"Opzione {n}", "value": f"opt{n}"} for n in range(1, 7)]
YES_NO = [{"label": "Sì", "value": "yes"}, {"label": "No", "value": "no"}]


@dataclass
class Field:
    """A component with a value that passes and one that breaks exactly one of its rules."""

    component: Component
    good: Any
    bad: Any
    hidden: bool = False


def field(kind: str, key: str, good: Any, bad: Any, **extra: Any) -> Field:
    component = {"type": kind, "key": key, "label": key, "input": True, **extra}
    return Field(component, good, bad)


def required(**rules: Any) -> dict[str, Any]:
    return {"validate": {"required": True, **rules}}


# One builder per kind of field a municipal form asks for; `n` makes each key unique.
KINDS: list[Callable[[int], Field]] = [
    lambda n: field("textfield", f"name{n}", "Maria Rossi", "Maria 42",
                    **required(maxLength=80, pattern="[A-Za-zÀ-ÿ' ]+")),
    lambda n: field("email", f"email{n}", f"maria{n}@example.org", "maria@", **required()),
    lambda n: field("number", f"amount{n}", 42, 120, validate={"min": 0, "max": 100}),
    lambda n: field("select", f"choice{n}", "opt2", "opt9", data={"values": OPTIONS},
                    **required()),
    lambda n: field("radio", f"answer{n}", "no", "maybe", values=YES_NO, **required()),
    lambda n: field("day", f"date{n}", "15/03/1980", "31/02/1980", **required()),
    lambda n: field("checkbox", f"consent{n}", True, False, **required()),
    lambda n: field("textfield", f"zip{n}", "00100", "0010", validate={"pattern": "[0-9]{5}"}),
    lambda n: field("phoneNumber", f"phone{n}", "+39 333 1234567", "call me",
                    validate={"pattern": r"\+?[0-9 ]{6,15}"}),
    lambda n: field("selectboxes", f"days{n}", {"mon": True, "tue": False, "wed": True},
                    {"mon": True, "tue": True, "wed": True},
                    values=[{"label": d, "value": d} for d in ("mon", "tue", "wed")],
                    validate={"minSelectedCount": 1, "maxSelectedCount": 2}),
    lambda n: field("textarea", f"notes{n}", "Nessuna nota particolare da segnalare.",
                    "parola " * 60, validate={"maxWords": 50}),
    lambda n: field("textfield", f"cf{n}", CF_GOOD, CF_BAD, tags=["codiceFiscale"],
                    **required()),
    lambda n: field("currency", f"fee{n}", 16.5, -1, validate={"min": 0}),
    lambda n: field("datetime", f"when{n}", "2026-05-04T10:00:00+02:00", "2026-02-30T10:00",
                    enableTime=True),
    lambda n: field("time", f"at{n}", "09:30", "25:00"),
    lambda n: field("textfield", f"plate{n}", "AB123CD", "ab123cd",
                    validate={"pattern": "[A-Z]{2}[0-9]{3}[A-Z]{2}"}),
]  # fmt: skip


def section(number: int, fields: list[Field]) -> tuple[Component, list[Field]]:
    """A panel: a gate radio, two columns, a fieldset, then the rest; some fields shown only
    when the gate says yes, by a simple or a JSON-logic conditional."""
    opened = number % 3 != 0  # every third section is answered "no", its conditionals hidden
    gate = field("radio", f"s{number}gate", "yes" if opened else "no", "x", values=YES_NO)
    shown = [gate]
    for position, item in enumerate(fields, start=1):
        item.hidden = not opened and (position % 7 == 0 or position % 11 == 0)
        if position % 7 == 0:
            item.component["conditional"] = {
                "show": True,
                "when": gate.component["key"],
                "eq": "yes",
            }
        elif position % 11 == 0:
            rule = {"==": [{"var": f"data.{gate.component['key']}"}, "yes"]}
            item.component["conditional"] = {"json": rule}
        shown.append(item)
    parts = [field_.component for field_ in shown]
    columns = {
        "type": "columns",
        "key": f"s{number}columns",
        "columns": [{"components": parts[1:5], "width": 6}, {"components": parts[5:9], "width": 6}],
    }
    fieldset = {"type": "fieldset", "key": f"s{number}fieldset", "components": parts[9:15]}
    panel = {
        "type": "panel",
        "key": f"section{number}",
        "title": f"Sezione {number}",
        "components": [parts[0], columns, fieldset, *parts[15:]],
    }
    return panel, shown


def grid() -> tuple[Component, list[Field]]:
    """A family datagrid: six columns, a unique fiscal code and a row-scoped conditional."""
    columns = [
        field("textfield", "fullName", "Luca Bianchi", "", **required(maxLength=80)),
        field("textfield", "fiscalCode", CF_GOOD, CF_BAD, tags=["codiceFiscale"], unique=True),
        field("select", "relationship", "opt1", "cousin", data={"values": OPTIONS}),
        field("day", "birthDate", "10/08/2015", "2015-13-01", **required()),
        field("checkbox", "dependent", True, "yes"),
        field("number", "income", 0, -5, validate={"min": 0},
              conditional={"json": {"==": [{"var": "row.dependent"}, True]}}),
    ]  # fmt: skip
    component = {
        "type": "datagrid",
        "key": "family",
        "label": "Nucleo familiare",
        "input": True,
        "validate": {"maxLength": 12},
        "components": [column.component for column in columns],
    }
    return component, columns


def residence() -> tuple[Component, list[Field]]:
    """A container: its values nest under `residence`."""
    children = [
        field("textfield", "street", "via Roma", "", **required()),
        field("textfield", "houseNumber", "12/B", "12345678901", **required(maxLength=10)),
        field("textfield", "zip", "00100", "1234", **required(pattern="^[0-9]{5}$")),
        field("textfield", "city", "Roma", "", **required()),
        field("select", "province", "opt3", "XX", data={"values": OPTIONS}, **required()),
    ]
    component = {
        "type": "container",
        "key": "residence",
        "label": "Residenza",
        "input": True,
        "components": [child.component for child in children],
    }
    return component, children


@dataclass
class Bench:
    """The form, a valid submission and one with `BROKEN` problems."""

    definition: dict[str, Any]
    valid: dict[str, Any]
    invalid: dict[str, Any]
    hidden: int


def build() -> Bench:
    grid_component, columns = grid()
    container, children = residence()
    leaves = FIELDS - len(columns) - len(children) - SECTIONS  # a gate radio per section
    fields = [KINDS[n % len(KINDS)](n) for n in range(leaves)]
    size = -(-len(fields) // SECTIONS)
    panels, top = [], []
    for number in range(SECTIONS):
        panel, shown = section(number + 1, fields[number * size : (number + 1) * size])
        panels.append(panel)
        top += shown
    definition = {
        "display": "form",
        "components": [*panels, container, grid_component, {"type": "button", "key": "submit"}],
    }
    valid: dict[str, Any] = {item.component["key"]: item.good for item in top if not item.hidden}
    valid["residence"] = {child.component["key"]: child.good for child in children}
    row = {column.component["key"]: column.good for column in columns}
    valid["family"] = [
        {**row, "fiscalCode": code}
        for code in ("BNCLCU15M10F205Y", "VRDGLI17D50F205R", "RSSLRA12C41H501K", CF_GOOD)
    ][:GRID_ROWS]

    invalid = {**valid, "residence": dict(valid["residence"]), "family": list(valid["family"])}
    breakable = [item for item in top if not item.hidden and "gate" not in item.component["key"]]
    for item in breakable[:: len(breakable) // (BROKEN - 3)][: BROKEN - 3]:
        invalid[item.component["key"]] = item.bad
    invalid["residence"]["zip"] = children[2].bad
    invalid["family"][1] = {**valid["family"][1], "birthDate": columns[3].bad}
    invalid["family"][2] = {**valid["family"][2], "income": columns[5].bad}
    return Bench(definition, valid, invalid, sum(item.hidden for item in top))


def timings(definition: dict[str, Any], data: dict[str, Any], repeat: int) -> list[float]:
    for _ in range(max(repeat // 10, 5)):
        validate_submission(definition, data)
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        validate_submission(definition, data)
        found.append((time.perf_counter() - started) * 1000)
    return found


def line(name: str, runs: list[float], problems: int) -> str:
    ordered = sorted(runs)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"  {name:<26} median {statistics.median(runs):6.2f} ms   p95 {p95:6.2f} ms   "
        f"({len(runs)} runs, {problems} problems)"
    )


def count_values(data: Any) -> int:
    if isinstance(data, dict) and not all(isinstance(v, bool) for v in data.values()):
        return sum(count_values(value) for value in data.values())
    if isinstance(data, list) and data and isinstance(data[0], dict):
        return sum(count_values(row) for row in data)
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=500, help="measured runs per submission")
    args = parser.parse_args()

    bench = build()
    components = bench.definition["components"]
    fields = [c for c in walk(components) if holds_value(c) and not is_record(c) and not is_grid(c)]
    valid = validate_submission(bench.definition, bench.valid)
    invalid = validate_submission(bench.definition, bench.invalid)
    if valid.problems:
        raise SystemExit(f"the valid submission has problems: {valid.problems[:3]}")
    print(
        f"Form.io validation: a form of {len(fields)} fields in {SECTIONS} panels with columns "
        f"and fieldsets, a container and a {GRID_ROWS}-row datagrid; the valid submission has "
        f"{count_values(bench.valid)} values ({bench.hidden} fields hidden by their conditionals)"
    )
    print(f"  Python {sys.version.split()[0]}, {args.repeat} runs after a warm-up")
    print(line("valid submission", timings(bench.definition, bench.valid, args.repeat), 0))
    print(
        line(
            "invalid submission",
            timings(bench.definition, bench.invalid, args.repeat),
            len(invalid.problems),
        )
    )


if __name__ == "__main__":
    main()
