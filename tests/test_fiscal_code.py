"""Fiscal codes are checked for structure and check letter."""

from __future__ import annotations

import pytest

from models.user import InvalidFiscalCode, normalize_fiscal_code


def test_valid_code_is_normalised() -> None:
    assert normalize_fiscal_code("rssmra80a01h501u") == "RSSMRA80A01H501U"
    assert normalize_fiscal_code(" RSSMRA 80A01 H501U ") == "RSSMRA80A01H501U"


@pytest.mark.parametrize(
    "wrong",
    ["RSSMRA80A01H501X", "RSSMRA80A01H501", "12345678901", "RSSMRA80Z01H501U", ""],
)
def test_wrong_codes_are_refused_with_the_reason(wrong: str) -> None:
    with pytest.raises(InvalidFiscalCode, match="invalid fiscal code"):
        normalize_fiscal_code(wrong)
