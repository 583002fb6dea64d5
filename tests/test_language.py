"""Accept-Language negotiation and translated text fallback."""

from __future__ import annotations

from models.i18n import negotiate_language, pick_text


def test_first_enabled_language_by_quality_wins() -> None:
    assert negotiate_language("de;q=0.5, en;q=0.9, it;q=0.1", ["it", "en"], "it") == "en"
    assert negotiate_language("en-GB,en;q=0.9", ["it", "en"], "it") == "en"


def test_unknown_or_missing_header_falls_back_to_the_tenant_default() -> None:
    assert negotiate_language("fr-FR", ["it", "en"], "it") == "it"
    assert negotiate_language(None, ["it", "en"], "it") == "it"
    assert negotiate_language("en;q=0", ["it", "en"], "it") == "it"
    assert negotiate_language("en;q=abc", ["it", "en"], "it") == "it"


def test_missing_translation_falls_back_to_the_default_language() -> None:
    text = {"it": "Cambio di residenza"}
    assert pick_text(text, "en", "it") == "Cambio di residenza"
    assert pick_text({"en": "Only English"}, "de", "it") == "Only English"
    assert pick_text({}, "en", "it") is None
