"""Languages and translatable text: a mapping from language code to text."""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    IT = "it"
    EN = "en"
    DE = "de"


Translated = dict[str, str]
"""Text per language code, e.g. {"it": "Cambio di residenza", "en": "Change of residence"}."""


def pick_text(text: Translated | None, language: str, fallback: str) -> str | None:
    """The text in `language`, else in the tenant's `fallback`, else any language present."""
    if not text:
        return None
    return text.get(language) or text.get(fallback) or next(iter(text.values()), None)


def negotiate_language(accept_language: str | None, enabled: list[str], default: str) -> str:
    """Pick the first enabled language of an `Accept-Language` header by quality, or `default`."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in enabled and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else default
