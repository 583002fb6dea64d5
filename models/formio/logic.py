"""Conditionals: Form.io's simple `show/when/eq` form and a JSON-logic subset."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class UnsupportedLogic(ValueError):
    """A JSON-logic operator outside the supported subset."""


@dataclass(frozen=True)
class Scope:
    """One data level seen by a conditional: the root, a container or a grid row."""

    prefix: tuple[str, ...]
    data: dict[str, Any]
    keys: frozenset[str]


def lookup(data: Any, segments: list[str]) -> Any:
    """Follow `segments` through objects and lists; None when a step is missing."""
    current = data
    for segment in segments:
        if isinstance(current, dict):
            current = current.get(segment)
        elif isinstance(current, list) and segment.isdigit() and int(segment) < len(current):
            current = current[int(segment)]
        else:
            return None
    return current


def resolve_when(when: str, scopes: list[Scope]) -> Any:
    """Value named by a simple conditional's `when`, innermost scope first.

    `items.kind` inside the `items` grid, or just `kind`, name the sibling in the same row.
    """
    segments = [part for part in when.split(".") if part]
    if not segments:
        return None
    for scope in reversed(scopes):
        size = len(scope.prefix)
        if size and tuple(segments[:size]) == scope.prefix and len(segments) > size:
            rest = segments[size:]
            if rest[0] in scope.keys:
                return lookup(scope.data, rest)
        if segments[0] in scope.keys:
            return lookup(scope.data, segments)
    return None


def _matches(value: Any, expected: Any) -> bool:
    if isinstance(value, dict):
        return bool(value.get(str(expected)))
    if isinstance(value, list):
        return any(_matches(item, expected) for item in value)
    if value is None:
        return expected in (None, "")
    return _text(value) == _text(expected)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def simple_visible(conditional: dict[str, Any], scopes: list[Scope]) -> bool:
    """Visibility by `{show, when, eq}`; a conditional without `when` always shows."""
    when = conditional.get("when")
    show = conditional.get("show")
    if not isinstance(when, str) or not when or show in (None, ""):
        return True
    wants_show = show is True or str(show).lower() == "true"
    return _matches(resolve_when(when, scopes), conditional.get("eq")) == wants_show


def truthy(value: Any) -> bool:
    """JSON-logic truthiness: empty lists are false, everything else as in JavaScript."""
    if isinstance(value, float) and math.isnan(value):
        return False
    return bool(value)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value) if value.strip() else 0.0
        except ValueError:
            return math.nan
    return math.nan


def loose_equal(left: Any, right: Any) -> bool:
    """JavaScript `==` for JSON values (null only equals null)."""
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    if isinstance(left, dict | list) or isinstance(right, dict | list):
        return left == right
    return _number(left) == _number(right)


def strict_equal(left: Any, right: Any) -> bool:
    """JavaScript `===` for JSON values."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return left == right
    return type(left) is type(right) and left == right


def _less(left: Any, right: Any, or_equal: bool) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left <= right if or_equal else left < right
    a, b = _number(left), _number(right)
    if left is None or right is None or math.isnan(a) or math.isnan(b):
        return False
    return a <= b if or_equal else a < b


def _chain(values: list[Any], or_equal: bool) -> bool:
    return all(_less(a, b, or_equal) for a, b in itertools.pairwise(values))


def _contains(needle: Any, haystack: Any) -> bool:
    if isinstance(haystack, str):
        return isinstance(needle, str) and needle in haystack
    if isinstance(haystack, list):
        return any(strict_equal(needle, item) for item in haystack)
    return False


_BINARY: dict[str, Callable[[list[Any]], Any]] = {
    "==": lambda a: loose_equal(a[0], a[1]),
    "===": lambda a: strict_equal(a[0], a[1]),
    "!=": lambda a: not loose_equal(a[0], a[1]),
    "!==": lambda a: not strict_equal(a[0], a[1]),
    ">": lambda a: _less(a[1], a[0], False),
    ">=": lambda a: _less(a[1], a[0], True),
    "<": lambda a: _chain(a, False),
    "<=": lambda a: _chain(a, True),
    "in": lambda a: _contains(a[0], a[1]),
    "!": lambda a: not truthy(a[0]),
    "!!": lambda a: truthy(a[0]),
}


def evaluate(logic: Any, context: dict[str, Any]) -> Any:
    """Evaluate JSON-logic `logic` against `context` (`{"data": ..., "row": ...}`)."""
    if isinstance(logic, list):
        return [evaluate(item, context) for item in logic]
    if not isinstance(logic, dict):
        return logic
    if len(logic) != 1:
        raise UnsupportedLogic(f"a JSON-logic rule has exactly one operator, got {list(logic)}")
    operator, raw = next(iter(logic.items()))
    arguments = raw if isinstance(raw, list) else [raw]
    if operator == "var":
        return _var(arguments, context)
    if operator in ("and", "or"):
        return _and_or(operator, arguments, context)
    if operator == "if":
        return _if(arguments, context)
    if operator not in _BINARY:
        raise UnsupportedLogic(f"unsupported JSON-logic operator {operator!r}")
    values = [evaluate(item, context) for item in arguments]
    minimum = 1 if operator in ("!", "!!") else 2
    if len(values) < minimum:
        raise UnsupportedLogic(f"{operator!r} needs {minimum} arguments")
    return _BINARY[operator](values)


def _var(arguments: list[Any], context: dict[str, Any]) -> Any:
    path = evaluate(arguments[0], context) if arguments else ""
    default = evaluate(arguments[1], context) if len(arguments) > 1 else None
    if path in (None, ""):
        return context
    found = lookup(context, [part for part in str(path).split(".") if part])
    return default if found is None else found


def _and_or(operator: str, arguments: list[Any], context: dict[str, Any]) -> Any:
    value: Any = operator == "and"
    for item in arguments:
        value = evaluate(item, context)
        if truthy(value) != (operator == "and"):
            return value
    return value


def _if(arguments: list[Any], context: dict[str, Any]) -> Any:
    for position in range(0, len(arguments) - 1, 2):
        if truthy(evaluate(arguments[position], context)):
            return evaluate(arguments[position + 1], context)
    return evaluate(arguments[-1], context) if len(arguments) % 2 else None


def visible(component: dict[str, Any], scopes: list[Scope], root: dict[str, Any]) -> bool:
    """Is `component` shown? JSON logic wins over the simple form; unsupported logic shows it."""
    conditional = component.get("conditional")
    if not isinstance(conditional, dict):
        return True
    rule = conditional.get("json")
    if isinstance(rule, dict) and rule:
        row = scopes[-1].data if scopes else root
        try:
            return truthy(evaluate(rule, {"data": root, "row": row}))
        except UnsupportedLogic:
            return True
    return simple_visible(conditional, scopes)
