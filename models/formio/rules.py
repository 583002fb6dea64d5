"""Per-type checks of one component value: emptiness, types and `validate` rules."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Any, NamedTuple

from stdnum.it import codicefiscale

from models.formio.tree import (
    NUMBER_TYPES,
    TEXT_TYPES,
    Component,
    ctype,
    options,
    validate_rules,
)

# Form.io's address syntax (dot-separated atoms, domain labels, a top-level domain of two or
# more letters, or an IP literal), with letters beyond ASCII allowed in the domain (comunità.it).
EMAIL = re.compile(
    r"[^<>()\[\]\\.,;:\s@\"]+(?:\.[^<>()\[\]\\.,;:\s@\"]+)*"
    r"@(?:(?:(?:[^\W_]|-)+\.)+[^\W\d_]{2,}|\[\d{1,3}(?:\.\d{1,3}){3}\])"
)
# ISO 8601 in the extended form every client reads: a full date, optionally a time and an offset.
ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
DAY = re.compile(r"(\d{2})/(\d{2})/(\d{4})")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?")
EMPTY_DAY = "00/00/0000"


class Issue(NamedTuple):
    """A failed check: problem code, message id, message parameters and a path suffix."""

    code: str
    params: dict[str, Any]
    suffix: str = ""
    message_id: str = ""


def limit(rules: dict[str, Any], name: str) -> float | None:
    """A numeric rule (`"5"` or `5`); None when unset or not a number."""
    value = rules.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def count_limit(rules: dict[str, Any], name: str) -> float | None:
    """A length, word or selection-count rule; 0 means no limit, as in Form.io."""
    number = limit(rules, name)
    return number if number else None


def shown(number: float) -> str:
    """A limit as people write it: 5 rather than 5.0."""
    return str(int(number)) if number.is_integer() else str(number)


def is_empty(component: Component, value: Any) -> bool:
    """Form.io emptiness, per type (unchecked checkbox, no box ticked, `00/00/0000`, ...)."""
    kind = ctype(component)
    if value is None or value == [] or value == {}:
        return True
    if isinstance(value, str):
        return not value.strip() or (kind == "day" and value == EMPTY_DAY)
    if kind == "checkbox":
        return value is False
    if kind == "selectboxes" and isinstance(value, dict):
        return not any(item is True for item in value.values())
    if kind == "address" and isinstance(value, dict):
        return all(is_empty({}, item) for key, item in value.items() if key != "mode")
    return False


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str] | None:
    try:
        # Patterns are JavaScript regular expressions: \d, \w and \b mean ASCII only.
        return re.compile(pattern, re.ASCII)
    except re.error:
        return None


def check_text(component: Component, value: Any) -> list[Issue]:
    """Text-like components: type, length, words, pattern, email and fiscal code."""
    if not isinstance(value, str):
        return [Issue("INVALID_TYPE", {})]
    rules = validate_rules(component)
    issues: list[Issue] = []
    words = len(value.split())
    for name, code, too_far in (
        ("minLength", "MIN_LENGTH", lambda n: len(value) < n),
        ("maxLength", "MAX_LENGTH", lambda n: len(value) > n),
        ("minWords", "MIN_WORDS", lambda n: words < n),
        ("maxWords", "MAX_WORDS", lambda n: words > n),
    ):
        bound = count_limit(rules, name)
        if bound is not None and too_far(bound):
            issues.append(Issue(code, {"limit": shown(bound)}))
    pattern = rules.get("pattern")
    if isinstance(pattern, str) and pattern:
        compiled = _compile(pattern)
        if compiled is not None and compiled.fullmatch(value) is None:
            issues.append(Issue("PATTERN", {"pattern": pattern}))
    if ctype(component) == "email" and not EMAIL.fullmatch(value.strip()):
        issues.append(Issue("INVALID_EMAIL", {}))
    tags = component.get("tags")
    if isinstance(tags, list) and "codiceFiscale" in tags and not codicefiscale.is_valid(value):
        issues.append(Issue("INVALID_FISCAL_CODE", {}))
    return issues


def check_number(component: Component, value: Any) -> list[Issue]:
    """Number and currency: a finite JSON number within `min`/`max`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return [Issue("INVALID_NUMBER", {})]
    rules = validate_rules(component)
    issues: list[Issue] = []
    low, high = limit(rules, "min"), limit(rules, "max")
    if low is not None and value < low:
        issues.append(Issue("MIN", {"limit": shown(low)}))
    if high is not None and value > high:
        issues.append(Issue("MAX", {"limit": shown(high)}))
    return issues


def parse_day(value: str) -> dt.date | None:
    """`DD/MM/YYYY` or ISO `YYYY-MM-DD`; None when neither or not a real date."""
    try:
        if match := DAY.fullmatch(value):
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        if ISO_DAY.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        return None
    return None


def check_date(component: Component, value: Any) -> list[Issue]:
    """Day, datetime (ISO 8601 extended form, a bare date allowed) and time (`HH:MM[:SS]`)."""
    if not isinstance(value, str):
        return [Issue("INVALID_TYPE", {})]
    kind = ctype(component)
    if kind == "day":
        ok = parse_day(value) is not None
    elif kind == "time":
        ok = TIME.fullmatch(value) is not None
    elif ISO_DATETIME.fullmatch(value) is None:
        ok = False
    else:
        try:
            dt.datetime.fromisoformat(value)
            ok = True
        except ValueError:
            ok = False
    return [] if ok else [Issue("INVALID_DATE", {})]


def _same(value: Any, option: Any) -> bool:
    if isinstance(value, bool) or isinstance(option, bool):
        return value is option
    return value == option or (option is not None and str(value) == str(option))


def check_choice(component: Component, value: Any) -> list[Issue]:
    """Radio and select: one of the static options (dynamic selects are opaque)."""
    allowed = options(component)
    if allowed is None:
        return [] if not isinstance(value, list) else [Issue("INVALID_TYPE", {})]
    if isinstance(value, dict | list):
        return [Issue("INVALID_TYPE", {})]
    if any(_same(value, option) for option in allowed):
        return []
    return [Issue("NOT_AN_OPTION", {"value": value})]


def check_boxes(component: Component, value: Any) -> list[Issue]:
    """Selectboxes: an object option -> bool, options static, selection counts bounded."""
    if not isinstance(value, dict):
        return [Issue("INVALID_TYPE", {})]
    allowed = {str(option) for option in options(component) or []}
    issues = [Issue("NOT_AN_OPTION", {"value": key}) for key in value if key not in allowed]
    if any(not isinstance(item, bool) for item in value.values()):
        issues.append(Issue("INVALID_TYPE", {}))
    return issues + check_selected(component, value)


def check_selected(component: Component, value: Any) -> list[Issue]:
    """`minSelectedCount`/`maxSelectedCount`; applied to an empty selection as well."""
    ticked = sum(1 for item in value.values() if item is True) if isinstance(value, dict) else 0
    rules = validate_rules(component)
    issues: list[Issue] = []
    low, high = count_limit(rules, "minSelectedCount"), count_limit(rules, "maxSelectedCount")
    if low is not None and ticked < low:
        issues.append(Issue("MIN_SELECTED", {"limit": shown(low)}))
    if high is not None and ticked > high:
        issues.append(Issue("MAX_SELECTED", {"limit": shown(high)}))
    return issues


def check_scalar(component: Component, value: Any) -> list[Issue]:
    """Checks of one non-empty value of a non-container component."""
    kind = ctype(component)
    if kind in TEXT_TYPES:
        return check_text(component, value)
    if kind in NUMBER_TYPES:
        return check_number(component, value)
    if kind in ("day", "datetime", "time"):
        return check_date(component, value)
    if kind in ("radio", "select"):
        return check_choice(component, value)
    if kind == "selectboxes":
        return check_boxes(component, value)
    if kind == "checkbox":
        return [] if isinstance(value, bool) else [Issue("INVALID_TYPE", {})]
    if kind == "address":
        return [] if isinstance(value, dict) else [Issue("INVALID_TYPE", {})]
    return []
