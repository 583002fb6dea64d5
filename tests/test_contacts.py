"""Contacts in their one written form (models/contacts.py) and the text PostgreSQL can store
(schema/input_checks.py), without a server."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from strawberry.schema.name_converter import NameConverter

from models.contacts import InvalidContact, normalize_email, normalize_phone
from resolvers.errors import ErrorCode, Problem
from schema.input_checks import text_problem, value_problems


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("mario.rossi@example.it", "mario.rossi@example.it"),
        (" Mario.Rossi@EXAMPLE.IT ", "Mario.Rossi@example.it"),
        ("anagrafe@comune.bugliano.pi.it", "anagrafe@comune.bugliano.pi.it"),
        ("müller@bücher.de", "müller@bücher.de"),
    ],
)
def test_an_email_address_keeps_its_local_part_and_lowers_its_domain(given: str, kept: str) -> None:
    assert normalize_email(given) == kept


@pytest.mark.parametrize(
    "refused", ["", "mario", "mario@", "a@b", "a b@example.it", "x@localhost", "a@@example.it"]
)
def test_what_is_not_an_email_address_is_refused(refused: str) -> None:
    with pytest.raises(InvalidContact):
        normalize_email(refused)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("+39 0587 000110", "+39 0587 000110"),
        ("0587 000110", "+39 0587 000110"),
        ("333 1234567", "+39 333 123 4567"),
        ("+390612345678", "+39 06 1234 5678"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_a_phone_number_is_kept_in_international_form_italian_unless_said(
    given: str, kept: str
) -> None:
    assert normalize_phone(given) == kept


@pytest.mark.parametrize("refused", ["", "abc", "12345", "000", "+39 1", "1" * 40])
def test_what_no_country_assigns_is_not_a_phone_number(refused: str) -> None:
    with pytest.raises(InvalidContact):
        normalize_phone(refused)


def test_text_postgresql_cannot_store_is_named() -> None:
    assert text_problem("Perù, àèìòù, 日本") is None
    assert text_problem("a\x00b") == "The text may not contain NUL characters (U+0000)."
    assert text_problem("a\ud800") == "The text must be valid Unicode (a lone surrogate is not)."


def test_every_string_and_date_of_a_value_is_checked_with_its_path() -> None:
    value = {
        "name": "ok",
        "address": {"street": "Via\x00", "k\x00": 1},
        "children": [{"born": "2020-01-01"}, "\x00"],
    }
    found = list(value_problems(value, "data", NameConverter()))
    assert [(problem.field, problem.code) for problem in found] == [
        ("data.address.street", ErrorCode.INVALID),
        ("data.address.k\\u0000", ErrorCode.INVALID),
        ("data.children[1]", ErrorCode.INVALID),
    ]
    dates = [date(1, 1, 1), datetime(2030, 1, 1), datetime(2030, 1, 1, tzinfo=UTC)]
    assert [problem.field for problem in value_problems(dates, "days", NameConverter())] == [
        "days[0]",
        "days[1]",
    ]
    assert list(value_problems("fine", "", NameConverter())) == []
    assert next(value_problems("\x00", "", NameConverter())) == Problem(
        None, ErrorCode.INVALID, "The text may not contain NUL characters (U+0000)."
    )
