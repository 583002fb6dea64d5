"""One submitted value as a person reads it: option labels, Sì/No, local dates, euros, files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from models.formio.messages import pick_language
from models.formio.rules import TIME, is_empty, parse_day
from models.formio.tree import Component, ctype
from models.receipt.texts import (
    EMPTY,
    format_date,
    format_moment,
    format_number,
    format_size,
    format_time,
    local,
    word,
)

Formatter = Callable[[Component, Any, str], str]

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
ADDRESS_TEXT_KEYS = ("formatted_address", "display_name", "formattedAddress", "label", "name")
ADDRESS_PARTS = ("address1", "address2", "zip", "city", "state", "country")
OBJECT_LABEL_KEYS = ("label", "name", "title", "value")


def plain(value: Any, language: str) -> str:
    """Any JSON value as text, for components without a better reading."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return word("YES" if value else "NO", language)
    if isinstance(value, int | float):
        return format_number(value, language)
    if isinstance(value, list):
        return "\n".join(plain(item, language) for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{key}: {plain(item, language)}" for key, item in value.items())
    return str(value)


def _option_labels(component: Component) -> list[tuple[Any, str]]:
    """(value, label) of the static options of radio, select and selectboxes."""
    if ctype(component) == "select":
        data = component.get("data")
        items = data.get("values") if isinstance(data, dict) else None
    else:
        items = component.get("values")
    if not isinstance(items, list):
        return []
    return [
        (item.get("value"), str(item.get("label") or item.get("value") or ""))
        for item in items
        if isinstance(item, dict)
    ]


def _same(value: Any, option: Any) -> bool:
    if isinstance(value, bool) or isinstance(option, bool):
        return value is option
    return value == option or (option is not None and str(value) == str(option))


def _choice(component: Component, value: Any, language: str) -> str:
    """The label of the chosen option; dynamic options show the object's label or the value."""
    for option, text in _option_labels(component):
        if _same(value, option):
            return text
    if isinstance(value, dict):
        for key in OBJECT_LABEL_KEYS:
            if isinstance(value.get(key), str | int | float) and value[key] != "":
                return str(value[key])
    return plain(value, language)


def _boxes(component: Component, value: Any, language: str) -> str:
    """The labels of the ticked boxes, in the form's order."""
    if not isinstance(value, dict):
        return plain(value, language)
    ticked = {key for key, item in value.items() if item is True}
    labels = [text for option, text in _option_labels(component) if str(option) in ticked]
    known = {str(option) for option, _ in _option_labels(component)}
    labels.extend(key for key in ticked if key not in known)
    return ", ".join(labels)


def _number(component: Component, value: Any, language: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return plain(value, language)
    limit = component.get("decimalLimit")
    decimals = limit if component.get("requireDecimal") and isinstance(limit, int) else None
    grouped = bool(component.get("delimiter"))
    return format_number(value, language, decimals=decimals, grouped=grouped)


def _currency(component: Component, value: Any, language: str) -> str:
    """`1.234,50 €` in Italian and German, `€1,234.50` in English."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return plain(value, language)
    code = str(component.get("currency") or "EUR").upper()
    symbol = CURRENCY_SYMBOLS.get(code, code)
    amount = format_number(value, language, decimals=2, grouped=True)
    if pick_language(language) == "en":
        return f"{symbol}{amount}" if len(symbol) == 1 else f"{symbol} {amount}"
    return f"{amount} {symbol}"


def _day(component: Component, value: Any, language: str) -> str:
    """`DD/MM/YYYY` or ISO as a local date; a partial day (`00/05/2020`) stays as typed."""
    day = parse_day(value) if isinstance(value, str) else None
    return format_date(day, language) if day is not None else plain(value, language)


def _datetime(component: Component, value: Any, language: str) -> str:
    """An ISO instant in Rome time; only the date when the picker asks for no time."""
    if not isinstance(value, str):
        return plain(value, language)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if component.get("enableTime") is False or len(value.strip()) <= len("2026-12-01"):
        return format_date(local(moment).date(), language)
    return format_moment(moment, language)


def _time(component: Component, value: Any, language: str) -> str:
    if isinstance(value, str) and TIME.fullmatch(value):
        return format_time(dt.time.fromisoformat(value))
    return plain(value, language)


def _file(item: Any, language: str) -> str:
    if not isinstance(item, dict):
        return plain(item, language)
    name = str(item.get("originalName") or item.get("name") or "")
    size = item.get("size")
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        return f"{name} ({format_size(size, language)})"
    return name


def _files(component: Component, value: Any, language: str) -> str:
    """One line per file: its name and size."""
    items = value if isinstance(value, list) else [value]
    return "\n".join(_file(item, language) for item in items)


def _address(component: Component, value: Any, language: str) -> str:
    """The provider's formatted text, or the manual fields joined."""
    if not isinstance(value, dict):
        return plain(value, language)
    found = value.get("address")
    place = found if isinstance(found, dict) else value
    for key in ADDRESS_TEXT_KEYS:
        if isinstance(place.get(key), str) and place[key].strip():
            return str(place[key])
    parts = [str(place[key]) for key in ADDRESS_PARTS if place.get(key) not in (None, "")]
    if parts:
        return ", ".join(parts)
    return plain(found, language) if isinstance(found, str) else ""


def _signature(component: Component, value: Any, language: str) -> str:
    return word("SIGNED", language)


def _password(component: Component, value: Any, language: str) -> str:
    return "••••••••"


def _tags(component: Component, value: Any, language: str) -> str:
    if isinstance(value, list):
        return ", ".join(plain(item, language) for item in value)
    return plain(value, language)


def _survey(component: Component, value: Any, language: str) -> str:
    """One line per question: its label and the label of the answer."""
    if not isinstance(value, dict):
        return plain(value, language)
    questions = dict(_pairs(component.get("questions")))
    answers = {"values": component.get("values")}
    lines = []
    for question, answer in value.items():
        text = _choice(answers, answer, language)
        lines.append(f"{questions.get(str(question), question)}: {text}")
    return "\n".join(lines)


def _pairs(items: Any) -> list[tuple[str, str]]:
    if not isinstance(items, list):
        return []
    return [
        (str(item.get("value")), str(item.get("label") or item.get("value")))
        for item in items
        if isinstance(item, dict)
    ]


FORMATTERS: dict[str, Formatter] = {
    "radio": _choice,
    "select": _choice,
    "selectboxes": _boxes,
    "number": _number,
    "currency": _currency,
    "day": _day,
    "datetime": _datetime,
    "time": _time,
    "file": _files,
    "address": _address,
    "signature": _signature,
    "password": _password,
    "tags": _tags,
    "survey": _survey,
}


def _one(component: Component, value: Any, language: str) -> str:
    formatter = FORMATTERS.get(ctype(component))
    text = formatter(component, value, language) if formatter else plain(value, language)
    return text if text.strip() else EMPTY


def format_value(component: Component, value: Any, language: str) -> str:
    """The value of `component` as a person reads it; `—` when nothing was given."""
    kind = ctype(component)
    if kind != "checkbox" and is_empty(component, value):
        return EMPTY
    if isinstance(value, list) and kind not in ("file", "tags"):
        shown = [_one(component, item, language) for item in value]
        return ", ".join(shown) if kind == "select" else "\n".join(shown)
    return _one(component, value, language)
