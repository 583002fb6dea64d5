"""Property tests: generated valid submissions pass; one broken rule is caught at its path."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from stdnum.it import codicefiscale

from models.formio import validate_submission

SAMPLES = Path(__file__).parent / "formio_samples"
NAMES = ["bulky-waste", "parking-permit", "residence-change", "school-canteen", "kitchen-sink"]
LAYOUT = {"panel", "fieldset", "well", "columns", "table", "tabs"}
TEXT = {"textfield", "textarea", "phoneNumber", "email"}
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
Component = dict[str, Any]


def sample(name: str) -> dict[str, Any]:
    if name == "kitchen-sink":
        return copy.deepcopy(KITCHEN_SINK)
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def field(kind: str, key: str, **extra: Any) -> Component:
    return {"type": kind, "key": key, "label": key, "input": True, **extra}


ABC = [{"label": x.upper(), "value": x} for x in "abcd"]
REQ = {"required": True}
MODE_B = {"show": True, "when": "box.mode", "eq": "b"}
KITCHEN_SINK: dict[str, Any] = {
    "components": [
        {"type": "tabs", "key": "tabs", "components": [{"key": "t1", "components": [
            field("textarea", "story", validate={"minWords": 2, "maxWords": 6}),
            field("select", "tags", multiple=True, data={"values": ABC}, validate=REQ),
            field("textfield", "aliases", multiple=True, validate={"maxLength": 5}),
        ]}]},
        {"type": "table", "key": "t", "rows": [[{"components": [
            field("selectboxes", "pick", values=ABC, validate={"maxSelectedCount": 2, **REQ}),
        ]}, {"components": [field("time", "at", validate=REQ)]}]]},
        field("number", "count", validate={"min": 1, "max": 3, **REQ}),
        field("number", "free"),
        field("textfield", "why", conditional={"json": {"in": ["c", {"var": "data.tags"}]}},
              validate={"pattern": "[a-z]+", **REQ}),
        field("container", "box", components=[
            field("radio", "mode", values=ABC, validate=REQ),
            {"type": "panel", "key": "p", "conditional": MODE_B,
             "components": [field("email", "mail", validate=REQ)]},
        ]),
        field("editgrid", "people", validate={"maxLength": 3}, components=[
            field("textfield", "code", tags=["codiceFiscale"], unique=True, validate=REQ),
            field("checkbox", "adult"),
            field("container", "job", conditional={"show": True, "when": "adult", "eq": True},
                  components=[field("textfield", "title", validate={"maxLength": 8, **REQ})]),
            field("day", "since", conditional={"json": {"and": [{"var": "row.adult"},
                  {">=": [{"var": "data.count"}, 2]}]}}, validate=REQ),
        ]),
        field("file", "scan", multiple=True, filePattern="image/*,application/pdf",
              fileMaxSize="1MB"),
        field("hidden", "origin", defaultValue="web"),
        field("checkbox", "ok", validate=REQ),
    ]
}  # fmt: skip


# -- an independent reading of the component tree -----------------------------------------------
def kids(component: Component) -> list[Component]:
    kind = component.get("type")
    if kind == "columns":
        return [c for column in component["columns"] for c in column["components"]]
    if kind == "table":
        return [c for row in component["rows"] for cell in row for c in cell["components"]]
    if kind == "tabs":
        return [c for pane in component["components"] for c in pane["components"]]
    return component.get("components", [])


def flat(components: list[Component]) -> list[Component]:
    """Components whose value sits at this level."""
    found: list[Component] = []
    for component in components:
        if component.get("type") in LAYOUT:
            found.extend(flat(kids(component)))
        elif component.get("type") not in {"button", "htmlelement", "content"}:
            found.append(component)
    return found


def rules(component: Component) -> dict[str, Any]:
    return component.get("validate", {})


def required(component: Component) -> bool:
    return rules(component).get("required") is True


def static_options(component: Component) -> list[Any]:
    if component["type"] == "select":
        return [o["value"] for o in component["data"]["values"]]
    return [o["value"] for o in component["values"]]


def nested(component: Component) -> bool:
    return component["type"] == "container" or (
        component["type"] == "address" and bool(component.get("components"))
    )


def grid(component: Component) -> bool:
    return component["type"] in {"datagrid", "editgrid"}


# -- generating valid submissions --------------------------------------------------------------
@st.composite
def fiscal_codes(draw: st.DrawFn) -> str:
    letters = draw(st.text(string.ascii_uppercase, min_size=6, max_size=6))
    year, month = draw(st.integers(0, 99)), draw(st.sampled_from("ABCDEHLMPRST"))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 40]))
    town = draw(st.sampled_from(string.ascii_uppercase)) + f"{draw(st.integers(1, 999)):03d}"
    body = f"{letters}{year:02d}{month}{day:02d}{town}"
    return body + codicefiscale.calc_check_digit(body)


def texts(component: Component) -> st.SearchStrategy[str]:
    limits = rules(component)
    low, high = limits.get("minLength"), limits.get("maxLength")
    if "codiceFiscale" in component.get("tags", []):
        return fiscal_codes()
    if component["type"] == "email":
        return st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,5})?@[a-z]{2,8}\.(it|org|eu)", fullmatch=True)
    if limits.get("pattern"):
        base = st.from_regex(limits["pattern"], fullmatch=True)
    else:
        fewest = max(limits.get("minWords", 1), 1)
        most = min(limits.get("maxWords", fewest + 4), fewest + 4)
        word = st.text(string.ascii_letters + "àèìòù'", min_size=1, max_size=high or 6)
        base = st.lists(word, min_size=fewest, max_size=most).map(" ".join)
        if high:
            base = base.map(lambda text: text[:high].strip())
    return base.filter(
        lambda text: (
            bool(text.strip())
            and (low is None or len(text) >= low)
            and (high is None or len(text) <= high)
        )
    )


def files(component: Component) -> st.SearchStrategy[list[dict[str, Any]]]:
    pattern = component.get("filePattern") or "application/pdf"
    mimes = [part.strip().replace("*", "png") for part in pattern.split(",")]
    units = {"KB": 1024, "MB": 1024**2, "GB": 1024**3}
    size = component.get("fileMaxSize", "1MB")
    largest = int(size[:-2]) * units[size[-2:].upper()]
    reference = st.fixed_dictionaries(
        {
            "name": st.from_regex(r"[a-z]{1,8}\.(pdf|png|jpg)", fullmatch=True),
            "size": st.integers(0, largest),
            "type": st.sampled_from(mimes),
            "id": st.uuids().map(str),
        }
    )
    return st.lists(reference, min_size=1, max_size=3 if component.get("multiple") else 1)


def boxes(component: Component) -> st.SearchStrategy[dict[str, bool]]:
    keys = [str(option) for option in static_options(component)]
    fewest = max(rules(component).get("minSelectedCount", 0), 1 if required(component) else 0)
    most = rules(component).get("maxSelectedCount", len(keys))
    chosen = st.lists(st.sampled_from(keys), min_size=fewest, max_size=most, unique=True)
    return chosen.map(lambda picked: {key: key in picked for key in keys})


def rows(component: Component) -> st.SearchStrategy[list[dict[str, Any]]]:
    limits = rules(component)
    fewest = max(limits.get("minLength", 0), 1 if required(component) else 0)
    most = min(limits.get("maxLength", 3), fewest + 2)
    unique = [c["key"] for c in flat(component["components"]) if c.get("unique")]
    keyed = [
        lambda row, key=key: str(row[key]).casefold() if key in row else id(row) for key in unique
    ]
    row = level(component["components"])
    return st.lists(row, min_size=fewest, max_size=most, unique_by=tuple(keyed) or None)


def values(component: Component) -> st.SearchStrategy[Any]:
    if component.get("multiple") and component["type"] != "file":
        return st.lists(single(component), min_size=1, max_size=3)
    return single(component)


def single(component: Component) -> st.SearchStrategy[Any]:
    kind, limits = component["type"], rules(component)
    if kind in TEXT:
        return texts(component)
    if kind in {"number", "currency"}:
        low, high = limits.get("min", -(10**6)), limits.get("max", 10**6)
        return st.integers(low, high) | st.floats(low, high, allow_nan=False)
    if kind == "checkbox":
        return st.just(True) if required(component) else st.booleans()
    if kind in {"radio", "select"}:
        return st.sampled_from(static_options(component))
    if kind == "selectboxes":
        return boxes(component)
    if kind == "day":
        days = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
        return days.map(lambda d: d.strftime("%d/%m/%Y")) | days.map(dt.date.isoformat)
    if kind == "datetime":
        return st.datetimes(timezones=st.just(dt.UTC)).map(dt.datetime.isoformat)
    if kind == "time":
        return st.times().map(lambda t: t.strftime("%H:%M"))
    if kind == "file":
        return files(component)
    if kind == "address" and not nested(component):
        street = st.text(string.ascii_letters + " ", min_size=1).filter(str.strip)
        return street.map(lambda s: {"mode": "autocomplete", "address": {"display_name": s}})
    if nested(component):
        return level(component["components"])
    if grid(component):
        return rows(component)
    return st.text(min_size=1)


def must_have(component: Component) -> bool:
    """Required, a container (its children may be), or a count rule that applies when empty."""
    limits = rules(component)
    counted = component["type"] == "selectboxes" or grid(component)
    at_least_one = any(limits.get(name, 0) >= 1 for name in ("minSelectedCount", "minLength"))
    return required(component) or nested(component) or (counted and at_least_one)


def level(components: list[Component]) -> st.SearchStrategy[dict[str, Any]]:
    needed: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for component in flat(components):
        (needed if must_have(component) else optional)[component["key"]] = values(component)
    return st.fixed_dictionaries(needed, optional=optional)


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(data=st.data())
def test_generated_valid_submissions_are_accepted(name: str, data: st.DataObject) -> None:
    definition = sample(name)
    submission = data.draw(level(definition["components"]), label="submission")
    result = validate_submission(definition, submission)
    assert result.problems == []
    again = validate_submission(definition, result.data)
    assert again.valid
    assert again.data == result.data


# -- breaking one rule of a valid submission -----------------------------------------------------
@dataclass
class Mutation:
    """Set `holder[key] = value`; expect `code` at `path`."""

    path: str
    code: str
    holder: Any
    key: Any
    value: Any


def empty_of(component: Component) -> Any:
    kind = component["type"]
    if kind == "checkbox":
        return False
    if kind == "selectboxes":
        return {str(option): False for option in static_options(component)}
    if kind == "day":
        return "00/00/0000"
    if kind in {"file", "datagrid", "editgrid"}:
        return []
    if kind in {"container", "address"}:
        return {}
    return ""


def breaks_text(component: Component, value: str) -> list[tuple[str, Any]]:
    limits = rules(component)
    found: list[tuple[str, Any]] = [("INVALID_TYPE", 42)]
    if "maxLength" in limits:
        found.append(("MAX_LENGTH", "x" * (limits["maxLength"] + 1)))
    if limits.get("minLength", 0) > 1:
        found.append(("MIN_LENGTH", "x" * (limits["minLength"] - 1)))
    if limits.get("pattern") and not re.fullmatch(limits["pattern"], "#§"):
        found.append(("PATTERN", "#§"))
    if "maxWords" in limits:
        found.append(("MAX_WORDS", "w " * (limits["maxWords"] + 1)))
    if component["type"] == "email":
        found.append(("INVALID_EMAIL", "nobody.example.org"))
    if "codiceFiscale" in component.get("tags", []):
        wrong = "A" if value[-1].upper() != "A" else "B"
        found.append(("INVALID_FISCAL_CODE", value[:15] + wrong))
    return found


def breaks(component: Component, value: Any) -> list[tuple[str, str, Any]]:
    """(path suffix, code, new value) that break one rule of `component`."""
    kind, limits = component["type"], rules(component)
    found: list[tuple[str, Any]] = (
        [("REQUIRED", empty_of(component))] if required(component) else []
    )
    if kind in TEXT:
        found += breaks_text(component, value)
    elif kind in {"number", "currency"}:
        found.append(("INVALID_NUMBER", "12"))
        found += [("MIN", limits["min"] - 1)] if "min" in limits else []
        found += [("MAX", limits["max"] + 0.5)] if "max" in limits else []
    elif kind == "checkbox":
        found.append(("INVALID_TYPE", "yes"))
    elif kind in {"radio", "select"}:
        found.append(("NOT_AN_OPTION", "__nope__"))
    elif kind == "selectboxes":
        found.append(("NOT_AN_OPTION", {**value, "__nope__": True}))
        if limits.get("minSelectedCount", 0) >= 1:
            found.append(("MIN_SELECTED", empty_of(component)))
    elif kind in {"day", "datetime", "time"}:
        found.append(("INVALID_DATE", "31/02/2020" if kind == "day" else "never"))
    elif kind in {"file", "address", "container"}:
        found.append(("INVALID_TYPE", "x"))
    elif grid(component):
        found.append(("INVALID_TYPE", {"row": 1}))
        if "maxLength" in limits:
            found.append(("MAX_LENGTH", (value or [{}]) * (limits["maxLength"] + 1)))
        if limits.get("minLength", 0) >= 1:
            found.append(("MIN_LENGTH", []))
    result = [("", code, new) for code, new in found]
    if component.get("multiple") and kind != "file":
        result = [("", "INVALID_TYPE", "x")]
        result += [
            (f"[0]{suffix}", code, [new])
            for suffix, code, new in breaks(single_of(component), value[0])
            if code != "REQUIRED"
        ]
        result += [("", "REQUIRED", [])] if required(component) else []
    if kind == "file":
        size = {"MB": 1024**2, "KB": 1024}[component["fileMaxSize"][-2:]]
        too_big = int(component["fileMaxSize"][:-2]) * size + 1
        result.append(("[0]", "MAX", [{**value[0], "size": too_big}]))
        result.append(("[0]", "PATTERN", [{**value[0], "type": "text/x-nope"}]))
        if not component.get("multiple"):
            result.append(("", "MAX_LENGTH", [value[0], value[0]]))
    return result


def single_of(component: Component) -> Component:
    return {key: item for key, item in component.items() if key != "multiple"}


def mutations(components: list[Component], data: dict[str, Any], path: str) -> list[Mutation]:
    found = [
        Mutation(f"{path}.zzStray" if path else "zzStray", "UNKNOWN_FIELD", data, "zzStray", 1)
    ]
    for component in flat(components):
        key = component["key"]
        if key not in data:
            continue
        inner = f"{path}.{key}" if path else key
        value = data[key]
        for suffix, code, new in breaks(component, value):
            found.append(Mutation(inner + suffix, code, data, key, new))
        if nested(component):
            found += mutations(component["components"], value, inner)
        elif grid(component):
            for n, row in enumerate(value):
                found += mutations(component["components"], row, f"{inner}[{n}]")
            for column in flat(component["components"]):
                name = column["key"]
                if (
                    column.get("unique")
                    and len(value) > 1
                    and {name} <= set(value[0]) & set(value[1])
                ):
                    found.append(
                        Mutation(f"{inner}[1].{name}", "NOT_UNIQUE", value[1], name, value[0][name])
                    )
    return found


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(data=st.data())
def test_one_broken_rule_is_caught_at_its_path(name: str, data: st.DataObject) -> None:
    definition = sample(name)
    submission = data.draw(level(definition["components"]), label="submission")
    cleaned = copy.deepcopy(validate_submission(definition, submission).data)
    mutation = data.draw(st.sampled_from(mutations(definition["components"], cleaned, "")))
    mutation.holder[mutation.key] = mutation.value
    result = validate_submission(definition, cleaned)
    assert not result.valid
    assert (mutation.path, mutation.code) in [(p.path, p.code) for p in result.problems]


# -- random definitions -------------------------------------------------------------------------
TEMPLATES: list[Component] = [
    field("textfield", "", validate={"maxLength": 6}),
    field("textfield", "", validate={"minLength": 2, "pattern": "[a-z]+"}),
    field("textarea", "", validate={"maxWords": 3}),
    field("textfield", "", tags=["codiceFiscale"]),
    field("email", ""),
    field("phoneNumber", "", validate={"pattern": r"\+?[0-9]{6,12}"}),
    field("number", "", validate={"min": 0, "max": 9}),
    field("currency", ""),
    field("checkbox", ""),
    field("radio", "", values=ABC),
    field("select", "", data={"values": ABC}),
    field("select", "", multiple=True, data={"values": ABC}),
    field("selectboxes", "", values=ABC, validate={"minSelectedCount": 1}),
    field("day", ""),
    field("datetime", ""),
    field("time", ""),
    field("file", "", fileMaxSize="1MB", filePattern="application/pdf"),
    field("address", ""),
    field("hidden", "", defaultValue="x"),
]
GATES: list[dict[str, Any] | None] = [
    None,
    {"show": True, "when": "gate", "eq": True},
    {"show": False, "when": "gate", "eq": "true"},
    {"json": {"var": "data.gate"}},
    {"json": {"!": {"var": "data.gate"}}},
]


def leaf(template: Component, must: bool, gate: dict[str, Any] | None) -> Component:
    made = copy.deepcopy(template)
    made["validate"] = {**made.get("validate", {}), "required": must}
    return {**made, "conditional": gate} if gate else made


def box(kind: str, inner: list[Component], gate: dict[str, Any] | None) -> Component:
    made = field(kind, "")
    if kind == "columns":
        made["columns"] = [{"components": inner[:1]}, {"components": inner[1:]}]
    else:
        made["components"] = inner
    return {**made, "conditional": gate} if gate else made


def trees(depth: int) -> st.SearchStrategy[Component]:
    gates = st.sampled_from(GATES)
    leaves = st.builds(leaf, st.sampled_from(TEMPLATES), st.booleans(), gates)
    if depth == 0:
        return leaves
    kinds = st.sampled_from(["panel", "columns", "fieldset", "container", "datagrid", "editgrid"])
    inner = st.lists(trees(depth - 1), min_size=1, max_size=3)
    return leaves | st.builds(box, kinds, inner, gates)


def with_keys(components: list[Component]) -> dict[str, Any]:
    counter = iter(range(10**6))
    for component in components:
        stack = [component]
        while stack:
            current = stack.pop()
            current["key"] = f"c{next(counter)}"
            stack.extend(kids(current))
    return {"components": [field("checkbox", "gate"), *components]}


definitions = st.lists(trees(2), min_size=1, max_size=4).map(with_keys)


@SETTINGS
@given(definition=definitions, data=st.data())
def test_random_definitions_accept_generated_submissions(
    definition: dict[str, Any], data: st.DataObject
) -> None:
    submission = data.draw(level(definition["components"]), label="submission")
    result = validate_submission(definition, submission)
    assert result.problems == []
    cleaned = copy.deepcopy(result.data)
    mutation = data.draw(st.sampled_from(mutations(definition["components"], cleaned, "")))
    mutation.holder[mutation.key] = mutation.value
    broken = validate_submission(definition, cleaned)
    assert (mutation.path, mutation.code) in [(p.path, p.code) for p in broken.problems]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(data=st.data())
def test_garbage_never_crashes_and_is_never_kept_blindly(name: str, data: st.DataObject) -> None:
    definition = sample(name)
    keys = [c["key"] for c in flat(definition["components"])] + ["stray"]
    garbage = data.draw(st.dictionaries(st.sampled_from(keys), JSON, max_size=6))
    result = validate_submission(definition, garbage, language="de")
    assert set(result.data) <= set(keys) - {"stray"}
    assert result.valid == (not result.problems)
    assert ("stray" in garbage) == any(p.path == "stray" for p in result.problems)
