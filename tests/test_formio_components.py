"""Form.io validator: each component type and each rule, one at a time."""

from __future__ import annotations

from typing import Any

import pytest

from models.formio import FormProblem, validate_submission

CF = "RSSMRA80A01H501U"
OPTIONS = [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}, {"label": "C", "value": "c"}]


def form(*components: dict[str, Any]) -> dict[str, Any]:
    return {"components": list(components)}


def field(kind: str, key: str = "f", **extra: Any) -> dict[str, Any]:
    return {"type": kind, "key": key, "label": "Field", "input": True, **extra}


def problems(component: dict[str, Any], value: Any) -> list[tuple[str, str]]:
    result = validate_submission(form(component), {component["key"]: value})
    assert result.valid == (not result.problems)
    return [(problem.path, problem.code) for problem in result.problems]


def codes(component: dict[str, Any], value: Any) -> list[str]:
    return [code for _, code in problems(component, value)]


def missing(component: dict[str, Any]) -> list[str]:
    return [p.code for p in validate_submission(form(component), {}).problems]


REQUIRED: dict[str, Any] = {"validate": {"required": True}}


@pytest.mark.parametrize(
    ("kind", "extra", "empty"),
    [
        ("textfield", {}, ""),
        ("textfield", {}, "   "),
        ("textfield", {}, None),
        ("textarea", {}, ""),
        ("email", {}, ""),
        ("phoneNumber", {}, ""),
        ("number", {}, None),
        ("currency", {}, None),
        ("checkbox", {}, False),
        ("selectboxes", {"values": OPTIONS}, {"a": False, "b": False}),
        ("selectboxes", {"values": OPTIONS}, {}),
        ("radio", {"values": OPTIONS}, ""),
        ("select", {"data": {"values": OPTIONS}}, ""),
        ("day", {}, "00/00/0000"),
        ("day", {}, ""),
        ("datetime", {}, ""),
        ("time", {}, ""),
        ("file", {}, []),
        ("address", {}, {}),
        ("address", {}, {"mode": "autocomplete", "address": {}}),
        ("hidden", {}, ""),
        ("container", {"components": [field("textfield", "x")]}, {}),
        ("datagrid", {"components": [field("textfield", "x")]}, []),
        ("editgrid", {"components": [field("textfield", "x")]}, []),
    ],
)
def test_required_uses_per_type_emptiness(kind: str, extra: dict[str, Any], empty: Any) -> None:
    component = field(kind, **extra, **REQUIRED)
    assert codes(component, empty) == ["REQUIRED"]
    assert missing(component) == ["REQUIRED"]


def test_optional_empty_values_pass() -> None:
    for kind in ("textfield", "number", "day", "email", "file", "checkbox", "radio"):
        assert codes(field(kind, values=OPTIONS), None) == []


@pytest.mark.parametrize(
    ("rules", "value", "expected"),
    [
        ({"minLength": 3}, "ab", ["MIN_LENGTH"]),
        ({"minLength": "3"}, "abc", []),
        ({"maxLength": 3}, "abcd", ["MAX_LENGTH"]),
        ({"maxLength": 3}, "abc", []),
        ({"pattern": "[0-9]{5}"}, "12345", []),
        ({"pattern": "[0-9]{5}"}, "123456", ["PATTERN"]),
        ({"pattern": "[0-9]{5}"}, "x12345", ["PATTERN"]),
        ({"pattern": "^[A-Z]{2}$"}, "AB", []),
        ({"pattern": "(unclosed"}, "anything", []),
        ({"minWords": 2}, "one", ["MIN_WORDS"]),
        ({"minWords": 2}, "one  two", []),
        ({"maxWords": 2}, "one two three", ["MAX_WORDS"]),
        ({"maxWords": 2}, "one\ntwo", []),
        ({"minLength": 5, "pattern": "[a-z]+"}, "AB", ["MIN_LENGTH", "PATTERN"]),
        ({"pattern": r"\d{5}"}, "٠٠١٠٠", ["PATTERN"]),
        ({"pattern": r"\w+"}, "città", ["PATTERN"]),
        ({"maxLength": 0, "maxWords": 0}, "no limit at all", []),
    ],
)
def test_text_rules(rules: dict[str, Any], value: str, expected: list[str]) -> None:
    assert codes(field("textfield", validate=rules), value) == expected
    assert codes(field("textarea", validate=rules), value) == expected


@pytest.mark.parametrize("value", [12, True, ["a"], {"a": 1}])
def test_text_needs_a_string(value: Any) -> None:
    assert codes(field("textfield"), value) == ["INVALID_TYPE"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [("a@b.it", True), ("mario.rossi+x@comune.example.org", True), ("a@b", False),
     ("a b@c.it", False), ("@c.it", False), ("mario", False), ("info@comunità.it", True),
     ("a@[10.0.0.1]", True), ("a..b@c.it", False), (".a@c.it", False), ("a.@c.it", False),
     ("a@b..it", False), ("a@b.c", False), ("a@b.123", False), ("a,b@c.it", False),
     ("a@b_c.it", False)],
)  # fmt: skip
def test_email(value: str, ok: bool) -> None:
    assert codes(field("email"), value) == ([] if ok else ["INVALID_EMAIL"])


def test_email_also_has_length_rules() -> None:
    assert codes(field("email", validate={"maxLength": 5}), "a@b.it") == ["MAX_LENGTH"]


def test_phone_number_is_text_with_pattern() -> None:
    component = field("phoneNumber", validate={"pattern": r"\+?[0-9 ]{6,15}"})
    assert codes(component, "+39 333 1234567") == []
    assert codes(component, "call me") == ["PATTERN"]


@pytest.mark.parametrize("kind", ["number", "currency"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, []), (5, []), (5.5, ["MAX"]), (-1, ["MIN"]), (10**9, ["MAX"]), ("3", ["INVALID_NUMBER"]),
     (True, ["INVALID_NUMBER"]), (float("nan"), ["INVALID_NUMBER"]), ([1], ["INVALID_NUMBER"])],
)  # fmt: skip
def test_numbers(kind: str, value: Any, expected: list[str]) -> None:
    assert codes(field(kind, validate={"min": 0, "max": "5"}), value) == expected


def test_a_zero_count_limit_means_no_limit_as_in_formio() -> None:
    boxes = field("selectboxes", values=OPTIONS, validate={"maxSelectedCount": 0})
    assert codes(boxes, {"a": True, "b": True}) == []
    grid = field("datagrid", components=[field("textfield", "x")], validate={"maxLength": "0"})
    assert codes(grid, [{"x": "1"}, {"x": "2"}]) == []


def test_checkbox() -> None:
    assert codes(field("checkbox"), True) == []
    assert codes(field("checkbox"), False) == []
    assert codes(field("checkbox"), "yes") == ["INVALID_TYPE"]
    assert codes(field("checkbox", **REQUIRED), True) == []


def test_radio_and_static_select_accept_only_options() -> None:
    for component in (field("radio", values=OPTIONS), field("select", data={"values": OPTIONS})):
        assert codes(component, "a") == []
        assert codes(component, "z") == ["NOT_AN_OPTION"]
        assert codes(component, ["a"]) == ["INVALID_TYPE"]


def test_radio_numeric_option_matches_its_text() -> None:
    component = field("radio", values=[{"label": "1", "value": 1}, {"label": "2", "value": "2"}])
    assert codes(component, 1) == []
    assert codes(component, "1") == []
    assert codes(component, 2) == []
    assert codes(component, 3) == ["NOT_AN_OPTION"]


def test_select_from_url_is_opaque() -> None:
    component = field("select", dataSrc="url", data={"url": "https://example.org/streets"})
    assert codes(component, "via Roma") == []
    assert codes(component, {"id": 7}) == []


def test_select_multiple() -> None:
    component = field("select", multiple=True, data={"values": OPTIONS})
    assert codes(component, ["a", "b"]) == []
    assert problems(component, ["a", "z"]) == [("f[1]", "NOT_AN_OPTION")]
    assert codes(component, "a") == ["INVALID_TYPE"]
    assert codes(field("select", multiple=True, data={"values": OPTIONS}, **REQUIRED), []) == [
        "REQUIRED"
    ]


def test_textfield_multiple_checks_each_item() -> None:
    component = field("textfield", multiple=True, validate={"maxLength": 2})
    assert problems(component, ["ab", "abc"]) == [("f[1]", "MAX_LENGTH")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [({"a": True}, []), ({"a": True, "b": True, "c": False}, []), ({"a": True, "z": True},
     ["NOT_AN_OPTION"]), ({"a": "yes"}, ["INVALID_TYPE", "MIN_SELECTED"]), ("a", ["INVALID_TYPE"]),
     ({"a": True, "b": True, "c": True}, ["MAX_SELECTED"]), ({"a": False}, ["MIN_SELECTED"]),
     (None, ["MIN_SELECTED"])],
)  # fmt: skip
def test_selectboxes(value: Any, expected: list[str]) -> None:
    rules = {"minSelectedCount": 1, "maxSelectedCount": 2}
    assert codes(field("selectboxes", values=OPTIONS, validate=rules), value) == expected


@pytest.mark.parametrize(
    ("value", "ok"),
    [("31/12/2020", True), ("2020-12-31", True), ("29/02/2024", True), ("29/02/2023", False),
     ("31/04/2020", False), ("12/31/2020", False), ("1/2/2020", False), ("00/05/2020", False),
     ("2020-13-01", False), ("yesterday", False)],
)  # fmt: skip
def test_day(value: str, ok: bool) -> None:
    assert codes(field("day"), value) == ([] if ok else ["INVALID_DATE"])


def test_day_needs_a_string() -> None:
    assert codes(field("day"), 20200101) == ["INVALID_TYPE"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2025-03-04T10:00:00+01:00", True), ("2025-03-04T10:00:00Z", True), ("2025-03-04", True),
     ("2025-03-04 10:00", True), ("2025-03-04T10:00:00.5+0100", True),
     ("2025-03-04T25:00:00", False), ("04/03/2025", False), ("soon", False),
     ("20250304", False), ("2025-W10-2", False), ("2025-03-04T10", False),
     ("2025-03-04T10:00:00+01", False)],
)  # fmt: skip
def test_datetime(value: str, ok: bool) -> None:
    assert codes(field("datetime", enableTime=False), value) == ([] if ok else ["INVALID_DATE"])


@pytest.mark.parametrize(
    ("value", "ok"),
    [("08:30", True), ("23:59:59", True), ("24:00", False), ("8:30", False), ("noon", False)],
)
def test_time(value: str, ok: bool) -> None:
    assert codes(field("time"), value) == ([] if ok else ["INVALID_DATE"])


def test_fiscal_code_tag() -> None:
    component = field("textfield", tags=["codiceFiscale"])
    assert codes(component, CF) == []
    assert codes(component, CF.lower()) == []
    assert codes(component, "RSSMRA80A01H501X") == ["INVALID_FISCAL_CODE"]
    assert codes(field("textfield"), "RSSMRA80A01H501X") == []


def test_address_is_an_object() -> None:
    component = field("address", **REQUIRED)
    assert codes(component, {"mode": "manual", "address": {"road": "via Roma 1"}}) == []
    assert codes(component, "via Roma 1") == ["INVALID_TYPE"]


def test_address_with_components_nests_like_a_container() -> None:
    component = field(
        "address", components=[field("textfield", "city", **REQUIRED), field("textfield", "zip")]
    )
    assert problems(component, {"city": "", "zip": "1"}) == [("f.city", "REQUIRED")]
    assert problems(component, {"town": "x"}) == [
        ("f.town", "UNKNOWN_FIELD"),
        ("f.city", "REQUIRED"),
    ]


def test_hidden_component_accepts_any_value() -> None:
    assert codes(field("hidden"), {"any": ["thing"]}) == []


def test_unknown_component_type_is_opaque() -> None:
    assert codes(field("signature"), "data:image/png;base64,AAAA") == []


def test_no_value_components_and_buttons() -> None:
    definition = form(
        {"type": "htmlelement", "key": "intro", "content": "hi", "input": False},
        {"type": "content", "key": "txt", "html": "<p>x</p>", "input": False},
        {"type": "button", "key": "submit", "input": True},
    )
    result = validate_submission(definition, {"submit": True, "intro": "x"})
    assert [(p.path, p.code) for p in result.problems] == [("intro", "UNKNOWN_FIELD")]
    assert result.data == {}


PDF = {"name": "a.pdf", "size": 1000, "type": "application/pdf", "id": "f1"}
PNG = {"name": "b.png", "size": 3 * 1024 * 1024, "type": "image/png", "id": "f2"}


def test_file_rules() -> None:
    component = field("file", filePattern="application/pdf,image/*", fileMaxSize="2MB")
    assert codes(component, [PDF]) == []
    assert problems(component, [PNG]) == [("f[0]", "MAX")]
    assert problems(component, [PDF, PDF]) == [("f", "MAX_LENGTH")]
    assert codes({**component, "multiple": True}, [PDF, PDF]) == []
    odt = {**PDF, "name": "c.odt", "type": "application/vnd.oasis.opendocument.text"}
    assert problems(component, [odt]) == [("f[0]", "PATTERN")]
    assert codes({**component, "filePattern": ".odt"}, [odt]) == []
    assert codes({**component, "filePattern": "*"}, [odt]) == []
    assert codes(component, PDF) == ["INVALID_TYPE"]
    assert problems(component, [{"name": "x"}]) == [("f[0]", "INVALID_TYPE")]
    assert problems(component, [{**PDF, "size": -1}]) == [("f[0]", "INVALID_TYPE")]
    assert codes({**component, "fileMinSize": "2KB"}, [PDF]) == ["MIN"]


@pytest.mark.parametrize(("size", "ok"), [("1.5MB", True), ("500 KB", False), ("1GB", True)])
def test_file_size_units(size: str, ok: bool) -> None:
    big = {**PDF, "size": 1024 * 1024}
    assert codes(field("file", fileMaxSize=size), [big]) == ([] if ok else ["MAX"])


def test_file_ownership_callback() -> None:
    component = field("file", multiple=True)
    seen: list[dict[str, Any]] = []

    def exists(reference: dict[str, Any]) -> bool:
        seen.append(reference)
        return reference["id"] == "f1"

    result = validate_submission(form(component), {"f": [PDF, PNG]}, file_exists=exists)
    assert [(p.path, p.code) for p in result.problems] == [("f[1]", "UNKNOWN_FILE")]
    assert seen == [PDF, PNG]


GRID_CHILDREN = [
    field("textfield", "name", **REQUIRED),
    field("textfield", "code", unique=True, tags=["codiceFiscale"]),
]


@pytest.mark.parametrize("kind", ["datagrid", "editgrid"])
def test_grids(kind: str) -> None:
    grid = field(kind, "rows", components=GRID_CHILDREN, validate={"minLength": 1, "maxLength": 2})
    assert problems(grid, [{"name": "a", "code": CF}]) == []
    assert problems(grid, []) == [("rows", "MIN_LENGTH")]
    assert problems(grid, [{"name": "a"}] * 3) == [("rows", "MAX_LENGTH")]
    assert problems(grid, [{"name": "a", "code": CF}, {"name": "", "code": CF.lower()}]) == [
        ("rows[1].code", "NOT_UNIQUE"),
        ("rows[1].name", "REQUIRED"),
    ]
    assert problems(grid, [{"name": "a"}, {"name": "b"}]) == []
    assert problems(grid, [{"name": "a"}, "x"]) == [("rows[1]", "INVALID_TYPE")]
    assert problems(grid, {"name": "a"}) == [("rows", "INVALID_TYPE")]
    assert problems(grid, [{"name": "a", "extra": 1}]) == [("rows[0].extra", "UNKNOWN_FIELD")]


def test_unique_compares_json_for_non_strings() -> None:
    grid = field("datagrid", "g", components=[field("number", "n", unique=True)])
    assert problems(grid, [{"n": 1}, {"n": 2}, {"n": 1}]) == [("g[2].n", "NOT_UNIQUE")]


def test_container_needs_an_object() -> None:
    box = field("container", "box", components=[field("textfield", "x")])
    assert problems(box, "x") == [("box", "INVALID_TYPE")]
    assert problems(box, {"x": "1"}) == []


def test_every_problem_is_reported_at_once() -> None:
    definition = form(
        field("textfield", "a", **REQUIRED),
        field("email", "b"),
        field("number", "c", validate={"max": 1}),
    )
    result = validate_submission(definition, {"b": "x", "c": 2, "d": 0})
    assert {(p.path, p.code) for p in result.problems} == {
        ("d", "UNKNOWN_FIELD"),
        ("a", "REQUIRED"),
        ("b", "INVALID_EMAIL"),
        ("c", "MAX"),
    }
    assert all(isinstance(p, FormProblem) and p.message for p in result.problems)


def test_data_must_be_an_object() -> None:
    result = validate_submission(form(field("textfield")), ["x"])  # type: ignore[arg-type]
    assert not result.valid
    assert [p.code for p in result.problems] == ["INVALID_TYPE"]
