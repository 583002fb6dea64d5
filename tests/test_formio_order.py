"""Form.io validator: processing order, conditionals, JSON logic, messages and find_code."""

from __future__ import annotations

from typing import Any

import pytest

from models.formio import find_code, validate_submission
from models.formio.logic import UnsupportedLogic, evaluate
from models.formio.messages import MESSAGES, pick_language


def form(*components: dict[str, Any]) -> dict[str, Any]:
    return {"components": list(components)}


def field(kind: str, key: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "key": key, "label": key.title(), "input": True, **extra}


REQUIRED: dict[str, Any] = {"validate": {"required": True}}


def paths(definition: dict[str, Any], data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in validate_submission(definition, data).problems]


# -- (1) unknown fields at every level ------------------------------------------------------
NESTED = form(
    {"type": "panel", "key": "p", "input": False, "components": [field("textfield", "name")]},
    field(
        "container",
        "applicant",
        components=[
            field("container", "address", components=[field("textfield", "zip")]),
            {
                "type": "columns",
                "key": "cols",
                "columns": [{"components": [field("textfield", "city")]}],
            },
        ],
    ),
    field("datagrid", "children", components=[field("day", "birthDate")]),
)


def test_unknown_fields_are_reported_at_every_level() -> None:
    data = {
        "name": "a",
        "p": {},
        "applicant": {"address": {"zip": "1", "zap": 2}, "city": "x", "cols": 1},
        "children": [{"birthDate": "01/01/2020"}, {"birthDate": "", "age": 3}],
    }
    result = validate_submission(NESTED, data)
    assert [(p.path, p.code) for p in result.problems] == [
        ("p", "UNKNOWN_FIELD"),
        ("applicant.cols", "UNKNOWN_FIELD"),
        ("applicant.address.zap", "UNKNOWN_FIELD"),
        ("children[1].age", "UNKNOWN_FIELD"),
    ]
    assert result.data == {
        "name": "a",
        "applicant": {"address": {"zip": "1"}, "city": "x"},
        "children": [{"birthDate": "01/01/2020"}, {"birthDate": ""}],
    }


def test_layout_containers_put_values_at_the_parent_level() -> None:
    definition = form(
        {"type": "fieldset", "key": "fs", "components": [field("textfield", "a", **REQUIRED)]},
        {"type": "well", "key": "w", "components": [field("textfield", "b", **REQUIRED)]},
        {"type": "table", "key": "t", "rows": [[{"components": [field("textfield", "c")]}]]},
        {
            "type": "tabs",
            "key": "tb",
            "components": [{"key": "t1", "components": [field("textfield", "d")]}],
        },
    )
    assert paths(definition, {"a": "1", "b": "2", "c": "3", "d": "4"}) == []
    assert paths(definition, {"fs": {"a": "1"}}) == [
        ("fs", "UNKNOWN_FIELD"),
        ("a", "REQUIRED"),
        ("b", "REQUIRED"),
    ]


# -- (2) defaults ---------------------------------------------------------------------------
def test_defaults_fill_missing_keys_only() -> None:
    definition = form(
        field("hidden", "source", defaultValue="web"),
        field("textfield", "city", defaultValue="Valdifiori", **REQUIRED),
        field("checkbox", "news", defaultValue=False),
        field("textfield", "plain"),
        field("container", "box", components=[field("number", "n", defaultValue=1)]),
        field(
            "datagrid",
            "rows",
            components=[
                field("radio", "r", defaultValue="x", values=[{"label": "X", "value": "x"}])
            ],
        ),
    )
    result = validate_submission(definition, {"city": "Roma", "rows": [{}, {"r": "x"}]})
    assert result.valid, result.problems
    assert result.data == {
        "city": "Roma",
        "rows": [{"r": "x"}, {"r": "x"}],
        "source": "web",
        "news": False,
        "box": {"n": 1},
    }


def test_a_default_is_validated_like_a_value() -> None:
    definition = form(field("number", "n", defaultValue=50, validate={"max": 10}))
    assert paths(definition, {}) == [("n", "MAX")]


def test_default_can_satisfy_a_conditional() -> None:
    definition = form(
        field("radio", "kind", defaultValue="b", values=[{"label": "B", "value": "b"}]),
        field(
            "textfield", "why", conditional={"show": True, "when": "kind", "eq": "b"}, **REQUIRED
        ),
    )
    assert paths(definition, {}) == [("why", "REQUIRED")]


# -- (3, 4) simple conditionals, hiding and nested hidden parents ----------------------------
YES_NO = [{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}]


def test_hidden_values_are_dropped_and_not_validated() -> None:
    definition = form(
        field("radio", "tenant", values=YES_NO),
        field(
            "textfield",
            "lease",
            conditional={"show": True, "when": "tenant", "eq": "yes"},
            validate={"required": True, "pattern": "[0-9]+"},
        ),
        field("textfield", "owner", conditional={"show": "false", "when": "tenant", "eq": "yes"}),
    )
    hidden = validate_submission(definition, {"tenant": "no", "lease": "abc", "owner": "me"})
    assert hidden.valid
    assert hidden.data == {"tenant": "no", "owner": "me"}
    shown = validate_submission(definition, {"tenant": "yes", "owner": "me"})
    assert [(p.path, p.code) for p in shown.problems] == [("lease", "REQUIRED")]
    assert shown.data == {"tenant": "yes"}


def test_a_hidden_parent_hides_its_children() -> None:
    condition = {"show": True, "when": "more", "eq": "true"}
    definition = form(
        field("checkbox", "more"),
        {
            "type": "panel",
            "key": "extra",
            "conditional": condition,
            "components": [
                field("textfield", "a", **REQUIRED),
                field("container", "box", components=[field("textfield", "b", **REQUIRED)]),
                field("datagrid", "g", components=[field("textfield", "c", **REQUIRED)]),
            ],
        },
    )
    data = {"more": False, "a": "", "box": {"b": ""}, "g": [{"c": ""}]}
    result = validate_submission(definition, data)
    assert result.valid
    assert result.data == {"more": False}
    assert paths(definition, {**data, "more": True}) == [
        ("a", "REQUIRED"),
        ("box.b", "REQUIRED"),
        ("g[0].c", "REQUIRED"),
    ]


def test_hidden_data_container_hides_descendants() -> None:
    definition = form(
        field("checkbox", "abroad"),
        field(
            "container",
            "foreign",
            conditional={"show": True, "when": "abroad", "eq": True},
            components=[field("textfield", "country", **REQUIRED)],
        ),
    )
    assert validate_submission(definition, {"abroad": False, "foreign": {}}).data == {
        "abroad": False
    }
    assert paths(definition, {"abroad": True}) == [("foreign.country", "REQUIRED")]


def test_when_can_name_a_nested_key_path() -> None:
    definition = form(
        field(
            "container",
            "applicant",
            components=[field("container", "address", components=[field("textfield", "zip")])],
        ),
        field(
            "textfield",
            "note",
            conditional={"show": True, "when": "applicant.address.zip", "eq": "00100"},
            **REQUIRED,
        ),
    )
    assert paths(definition, {"applicant": {"address": {"zip": "00100"}}}) == [("note", "REQUIRED")]
    assert paths(definition, {"applicant": {"address": {"zip": "20100"}}}) == []


def test_a_hidden_value_no_longer_drives_later_conditionals() -> None:
    definition = form(
        field("checkbox", "a"),
        field("checkbox", "b", conditional={"show": True, "when": "a", "eq": True}),
        field("textfield", "c", conditional={"show": True, "when": "b", "eq": True}, **REQUIRED),
    )
    result = validate_submission(definition, {"a": False, "b": True})
    assert result.valid
    assert result.data == {"a": False}


@pytest.mark.parametrize("when", ["items.kind", "kind"])
def test_row_scoped_simple_conditional(when: str) -> None:
    kinds = [{"label": "Other", "value": "other"}, {"label": "Sofa", "value": "sofa"}]
    definition = form(
        field(
            "datagrid",
            "items",
            components=[
                field("select", "kind", data={"values": kinds}),
                field(
                    "textfield",
                    "what",
                    conditional={"show": True, "when": when, "eq": "other"},
                    **REQUIRED,
                ),
            ],
        ),
    )
    data = {
        "items": [
            {"kind": "sofa", "what": "x"},
            {"kind": "other"},
            {"kind": "other", "what": "lamp"},
        ]
    }
    result = validate_submission(definition, data)
    assert [(p.path, p.code) for p in result.problems] == [("items[1].what", "REQUIRED")]
    assert result.data["items"][0] == {"kind": "sofa"}
    assert result.data["items"][2] == {"kind": "other", "what": "lamp"}


def test_row_conditional_may_also_look_outside_the_row() -> None:
    definition = form(
        field("checkbox", "detail"),
        field(
            "editgrid",
            "rows",
            components=[
                field(
                    "textfield",
                    "note",
                    conditional={"show": True, "when": "detail", "eq": True},
                    **REQUIRED,
                )
            ],
        ),
    )
    assert paths(definition, {"detail": True, "rows": [{}]}) == [("rows[0].note", "REQUIRED")]
    assert paths(definition, {"detail": False, "rows": [{"note": 1}]}) == []


def test_selectboxes_and_multiple_values_in_simple_conditionals() -> None:
    definition = form(
        field("selectboxes", "days", values=[{"label": "Mon", "value": "mon"}]),
        field(
            "textfield", "why", conditional={"show": True, "when": "days", "eq": "mon"}, **REQUIRED
        ),
    )
    assert paths(definition, {"days": {"mon": True}}) == [("why", "REQUIRED")]
    assert paths(definition, {"days": {"mon": False}}) == []


def test_incomplete_conditional_always_shows() -> None:
    definition = form(field("textfield", "a", conditional={"show": None, "when": None}, **REQUIRED))
    assert paths(definition, {}) == [("a", "REQUIRED")]


# -- JSON logic ------------------------------------------------------------------------------
def logic(rule: Any, data: dict[str, Any], row: dict[str, Any] | None = None) -> Any:
    return evaluate(rule, {"data": data, "row": data if row is None else row})


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({"==": [{"var": "data.n"}, "5"]}, True),
        ({"===": [{"var": "data.n"}, "5"]}, False),
        ({"===": [{"var": "data.n"}, 5]}, True),
        ({"!=": [{"var": "data.s"}, "x"]}, True),
        ({"!==": [{"var": "data.flag"}, 1]}, True),
        ({"==": [{"var": "data.flag"}, 1]}, True),
        ({"==": [{"var": "data.missing"}, None]}, True),
        ({"==": [{"var": "data.missing"}, 0]}, False),
        ({"!": [{"var": "data.missing"}]}, True),
        ({"!": {"var": "data.list"}}, True),
        ({"!!": [{"var": "data.s"}]}, True),
        ({">": [{"var": "data.n"}, 0]}, True),
        ({">": [{"var": "data.missing"}, 0]}, False),
        ({">=": [{"var": "data.n"}, 5]}, True),
        ({"<": [{"var": "data.n"}, 5]}, False),
        ({"<=": [1, {"var": "data.n"}, 10]}, True),
        ({"<": [1, {"var": "data.n"}, 5]}, False),
        ({"<": ["a", "b"]}, True),
        ({"in": [{"var": "data.s"}, ["ab", "cd"]]}, True),
        ({"in": ["b", {"var": "data.s"}]}, True),
        ({"in": ["z", {"var": "data.s"}]}, False),
        ({"and": [{"var": "data.flag"}, {">": [{"var": "data.n"}, 1]}]}, True),
        ({"and": [{"var": "data.flag"}, {"var": "data.missing"}]}, None),
        ({"or": [{"var": "data.missing"}, {"var": "data.s"}]}, "ab"),
        ({"or": [False, 0]}, 0),
        ({"var": "data.box.inner"}, 7),
        ({"var": "data.rows.1.x"}, 2),
        ({"var": ["data.missing", "fallback"]}, "fallback"),
        ({"var": "row.r"}, "in-row"),
        ({"if": [{"var": "data.flag"}, "yes", "no"]}, "yes"),
    ],
)
def test_json_logic_operators(rule: Any, expected: Any) -> None:
    data = {
        "n": 5,
        "s": "ab",
        "flag": True,
        "list": [],
        "box": {"inner": 7},
        "rows": [{"x": 1}, {"x": 2}],
    }
    assert logic(rule, data, {"r": "in-row"}) == expected


def test_unsupported_json_logic_raises() -> None:
    with pytest.raises(UnsupportedLogic):
        logic({"regex_match": ["a", "b"]}, {})
    with pytest.raises(UnsupportedLogic):
        logic({"==": [1]}, {})
    with pytest.raises(UnsupportedLogic):
        logic({"==": [1, 1], "!=": [1, 2]}, {})


def test_json_logic_conditional_with_data_and_row() -> None:
    definition = form(
        field("number", "isee"),
        field(
            "file",
            "certificate",
            conditional={"json": {">": [{"var": "data.isee"}, 0]}},
            **REQUIRED,
        ),
        field(
            "editgrid",
            "kids",
            components=[
                field("checkbox", "allergic"),
                field(
                    "textarea",
                    "which",
                    conditional={"json": {"==": [{"var": "row.allergic"}, True]}},
                    **REQUIRED,
                ),
            ],
        ),
    )
    data = {
        "isee": 0,
        "certificate": [],
        "kids": [{"allergic": True}, {"allergic": False, "which": "x"}],
    }
    result = validate_submission(definition, data)
    assert [(p.path, p.code) for p in result.problems] == [("kids[0].which", "REQUIRED")]
    assert result.data == {"isee": 0, "kids": [{"allergic": True}, {"allergic": False}]}
    assert ("certificate", "REQUIRED") in paths(definition, {**data, "isee": 10})


def test_json_logic_wins_over_the_simple_form_and_unknown_operators_show() -> None:
    both = {"show": True, "when": "a", "eq": "x", "json": {"==": [{"var": "data.a"}, "y"]}}
    definition = form(
        field("textfield", "a"), field("textfield", "b", conditional=both, **REQUIRED)
    )
    assert paths(definition, {"a": "y"}) == [("b", "REQUIRED")]
    assert paths(definition, {"a": "x"}) == []
    weird = form(field("textfield", "b", conditional={"json": {"regex": ["a"]}}, **REQUIRED))
    assert paths(weird, {}) == [("b", "REQUIRED")]


def test_json_logic_in_a_container_sees_the_container_as_row() -> None:
    definition = form(
        field(
            "container",
            "box",
            components=[
                field("checkbox", "on"),
                field("textfield", "t", conditional={"json": {"var": "row.on"}}, **REQUIRED),
            ],
        )
    )
    assert paths(definition, {"box": {"on": True}}) == [("box.t", "REQUIRED")]
    assert paths(definition, {"box": {"on": False, "t": "x"}}) == []


# -- messages ------------------------------------------------------------------------------
def test_messages_follow_the_language() -> None:
    definition = form(field("textfield", "name", **REQUIRED))
    italian = validate_submission(definition, {}).problems[0].message
    english = validate_submission(definition, {}, language="en").problems[0].message
    german = validate_submission(definition, {}, language="de-CH").problems[0].message
    assert "obbligatorio" in italian
    assert "required" in english
    assert "Pflichtfeld" in german
    assert validate_submission(definition, {}, language="fr").problems[0].message == italian


def test_every_message_exists_in_every_language() -> None:
    for table in MESSAGES.values():
        assert set(table) == {"it", "en", "de"}
    assert pick_language("EN_gb") == "en"


def test_custom_message_replaces_rule_messages_but_not_required() -> None:
    rules = {"required": True, "pattern": "[A-Z]{2}", "customMessage": "Formato AA"}
    definition = form(field("textfield", "plate", validate=rules))
    assert validate_submission(definition, {"plate": "a"}).problems[0].message == "Formato AA"
    assert validate_submission(definition, {}).problems[0].message != "Formato AA"


def test_messages_carry_the_limit() -> None:
    definition = form(field("textfield", "name", validate={"maxLength": 3}))
    message = validate_submission(definition, {"name": "abcd"}, language="en").problems[0].message
    assert message == "“Name” must be at most 3 characters long."


# -- find_code -------------------------------------------------------------------------------
def test_find_code() -> None:
    definition = form(
        field("textfield", "a", validate={"custom": "valid = input.length > 2;"}),
        {
            "type": "panel",
            "key": "p",
            "components": [
                field("textfield", "b", customConditional="show = data.a == 'x';"),
                {
                    "type": "columns",
                    "key": "c",
                    "columns": [
                        {
                            "components": [
                                field("number", "total", calculateValue="value = data.x * 2;")
                            ]
                        }
                    ],
                },
            ],
        },
        field(
            "datagrid", "g", components=[field("textfield", "d", customDefaultValue="value = 1")]
        ),
        field(
            "textfield",
            "e",
            validate={"custom": "  "},
            calculateValue={"+": [1, 2]},
            conditional={"json": {"==": [1, 1]}},
        ),
    )
    assert find_code(definition) == ["a", "b", "total", "d"]
    assert find_code({}) == []
    assert find_code({"components": "nope"}) == []
