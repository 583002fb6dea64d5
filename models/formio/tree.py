"""Shape of a Form.io component tree: which components hold values and where."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Component = dict[str, Any]

LAYOUT_TYPES = frozenset({"panel", "fieldset", "well", "columns", "table", "tabs"})
NO_VALUE_TYPES = frozenset({"button", "content", "htmlelement"})
GRID_TYPES = frozenset({"datagrid", "editgrid"})
TEXT_TYPES = frozenset({"textfield", "textarea", "email", "phoneNumber", "password", "url"})
NUMBER_TYPES = frozenset({"number", "currency"})
DATE_TYPES = frozenset({"day", "datetime", "time"})
MULTIPLE_TYPES = TEXT_TYPES | NUMBER_TYPES | DATE_TYPES | {"select"}


def ctype(component: Component) -> str:
    """The component's type (`""` when missing)."""
    value = component.get("type")
    return value if isinstance(value, str) else ""


def validate_rules(component: Component) -> dict[str, Any]:
    """The `validate` object of a component (empty when absent or malformed)."""
    rules = component.get("validate")
    return rules if isinstance(rules, dict) else {}


def label(component: Component) -> str:
    """A human name for messages: the label, else the key."""
    text = component.get("label") or component.get("legend") or component.get("key") or ""
    return str(text)


def is_record(component: Component) -> bool:
    """Container-like: its children's values nest in an object under its key."""
    kind = ctype(component)
    return kind == "container" or (kind == "address" and bool(_list(component.get("components"))))


def is_grid(component: Component) -> bool:
    """Datagrid/editgrid: a list of row objects under its key."""
    return ctype(component) in GRID_TYPES


def is_layout(component: Component) -> bool:
    """Layout container: children's values sit at the parent's level."""
    kind = ctype(component)
    if kind in LAYOUT_TYPES:
        return True
    if kind in NO_VALUE_TYPES or is_record(component) or is_grid(component) or kind == "address":
        return False
    has_children = bool(_list(component.get("components")) or _list(component.get("columns")))
    return has_children and not component.get("input", False)


def holds_value(component: Component) -> bool:
    """A component whose value is part of the submission data."""
    key = component.get("key")
    return (
        isinstance(key, str)
        and bool(key)
        and ctype(component) not in NO_VALUE_TYPES
        and not is_layout(component)
    )


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dicts(values: Any) -> Iterator[Component]:
    return (item for item in _list(values) if isinstance(item, dict))


def children(component: Component) -> list[Component]:
    """Direct child components, whatever the container type stores them in."""
    kind = ctype(component)
    found: list[Component] = []
    if kind == "columns":
        for column in _dicts(component.get("columns")):
            found.extend(_dicts(column.get("components")))
    elif kind == "table":
        for row in _list(component.get("rows")):
            for cell in _dicts(row):
                found.extend(_dicts(cell.get("components")))
    elif kind == "tabs":
        for pane in _dicts(component.get("components")):
            if "type" in pane and "components" not in pane:
                found.append(pane)
            else:
                found.extend(_dicts(pane.get("components")))
    else:
        found.extend(_dicts(component.get("components")))
    return found


def level_components(components: list[Component]) -> dict[str, Component]:
    """Components whose values live at this data level, by key (looking through layout)."""
    found: dict[str, Component] = {}
    for component in components:
        if is_layout(component):
            for key, child in level_components(children(component)).items():
                found.setdefault(key, child)
        elif holds_value(component):
            found.setdefault(component["key"], component)
    return found


def button_keys(components: list[Component]) -> set[str]:
    """Keys of buttons at this level: clients may send them (`submit: true`); they are dropped."""
    keys: set[str] = set()
    for component in components:
        if is_layout(component):
            keys |= button_keys(children(component))
        elif ctype(component) == "button" and isinstance(component.get("key"), str):
            keys.add(component["key"])
    return keys


def walk(components: list[Component]) -> Iterator[Component]:
    """Every component of the tree, depth first, in document order."""
    for component in components:
        yield component
        yield from walk(children(component))


def options(component: Component) -> list[Any] | None:
    """Static option values of radio/selectboxes/select; None when options are dynamic."""
    kind = ctype(component)
    if kind == "select":
        source = component.get("dataSrc", "values")
        if source not in ("values", None, ""):
            return None
        data = component.get("data")
        values = data.get("values") if isinstance(data, dict) else None
    else:
        values = component.get("values")
    return [item.get("value") for item in _dicts(values)]
