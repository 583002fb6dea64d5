"""Find JavaScript in a Form.io definition, so that such a form can be refused."""

from __future__ import annotations

from typing import Any

from models.formio.tree import validate_rules, walk

CODE_PROPERTIES = ("customConditional", "calculateValue", "customDefaultValue")


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def holds_code(component: dict[str, Any]) -> bool:
    """Does this component (not its children) carry JavaScript?"""
    if _has_text(validate_rules(component).get("custom")):
        return True
    return any(_has_text(component.get(name)) for name in CODE_PROPERTIES)


def find_code(definition: dict[str, Any]) -> list[str]:
    """Keys of the components holding JavaScript, in document order, without repeats.

    Looks at `validate.custom`, `customConditional`, `calculateValue` and
    `customDefaultValue` (JSON-logic objects are data, not code, and are not reported).
    """
    components = definition.get("components")
    if not isinstance(components, list):
        return []
    found: list[str] = []
    for component in walk([item for item in components if isinstance(item, dict)]):
        key = str(component.get("key") or component.get("type") or "?")
        if holds_code(component) and key not in found:
            found.append(key)
    return found
