"""A Form.io definition's own translations: its top-level `i18n`, the texts people see.

The convention is Form.io's renderer's (`options.i18n`): `{"en": {"Nome": "Given name"},
"de": {"Nome": "Vorname"}}`, keyed by each text as the definition writes it (labels,
descriptions, option labels, placeholders, tooltips…). The renderer lays these over its own
messages; the validator names fields by their translated label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal, NamedTuple

from models.formio.messages import LANGUAGES
from models.formio.tree import Component, ctype, validate_rules, walk

MAX_TEXT = 10_000
"""The longest text (source or translation) a definition's `i18n` may hold, as other long texts."""
MAX_ENTRIES = 2_000
"""Translations one language may hold: far more than a form has texts."""

SCRIPT = re.compile(r"<\s*script|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)
"""What would run in a browser: script elements, `javascript:` links, event handler attributes."""

TEXT_PROPERTIES = (
    "label",
    "legend",
    "title",
    "description",
    "placeholder",
    "tooltip",
    "prefix",
    "suffix",
    "content",
    "addAnother",
    "saveRow",
    "removeRow",
    "errorLabel",
)
"""Properties of a component that hold text the renderer shows (and looks up in `i18n`)."""

UNSHOWN_TYPES = frozenset({"button", "hidden"})
"""Components whose texts no one sees: buttons are the page's own, hidden fields show nothing."""


def _option_labels(component: Component) -> Iterator[Any]:
    data = component.get("data")
    for values in (component.get("values"), data.get("values") if isinstance(data, dict) else None):
        if isinstance(values, list):
            yield from (item.get("label") for item in values if isinstance(item, dict))


def visible_texts(definition: dict[str, Any]) -> list[str]:
    """Every text of the definition a person sees, in document order, without repeats."""
    components = definition.get("components")
    found: dict[str, None] = {}
    if not isinstance(components, list):
        return []
    for component in walk([item for item in components if isinstance(item, dict)]):
        if ctype(component) in UNSHOWN_TYPES:
            continue
        candidates = [component.get(name) for name in TEXT_PROPERTIES]
        candidates += [*_option_labels(component), validate_rules(component).get("customMessage")]
        for text in candidates:
            if isinstance(text, str) and text.strip():
                found.setdefault(text, None)
    return list(found)


def translations(definition: dict[str, Any], language: str) -> dict[str, str]:
    """The definition's translations into `language` (text -> translation), strings only."""
    table = definition.get("i18n")
    own = table.get(language) if isinstance(table, dict) else None
    if not isinstance(own, dict):
        return {}
    return {
        source: text
        for source, text in own.items()
        if isinstance(source, str) and isinstance(text, str) and text
    }


class TranslationProblem(NamedTuple):
    """What is wrong with a definition's `i18n`, and in which language (empty for the whole)."""

    kind: Literal[
        "NOT_AN_OBJECT",
        "UNKNOWN_LANGUAGE",
        "TEXTS_NOT_AN_OBJECT",
        "TOO_MANY",
        "NOT_TEXT",
        "TOO_LONG",
        "SCRIPT",
    ]
    language: str = ""


def _text_problem(language: str, source: Any, text: Any) -> TranslationProblem | None:
    if not isinstance(source, str) or not isinstance(text, str):
        return TranslationProblem("NOT_TEXT", language)
    if len(source) > MAX_TEXT or len(text) > MAX_TEXT:
        return TranslationProblem("TOO_LONG", language)
    if SCRIPT.search(source) or SCRIPT.search(text):
        return TranslationProblem("SCRIPT", language)
    return None


def translation_problems(table: Any) -> list[TranslationProblem]:
    """What is wrong with a definition's `i18n` (nothing when it is absent or sound): the first
    problem of each language."""
    if table is None:
        return []
    if not isinstance(table, dict):
        return [TranslationProblem("NOT_AN_OBJECT")]
    problems: list[TranslationProblem] = []
    for language, texts in table.items():
        if language not in LANGUAGES:
            problems.append(TranslationProblem("UNKNOWN_LANGUAGE", str(language)))
        elif not isinstance(texts, dict):
            problems.append(TranslationProblem("TEXTS_NOT_AN_OBJECT", language))
        elif len(texts) > MAX_ENTRIES:
            problems.append(TranslationProblem("TOO_MANY", language))
        else:
            found = (_text_problem(language, source, text) for source, text in texts.items())
            problems.extend(problem for problem in found if problem is not None)
    return list(dict.fromkeys(problems))
