"""Contacts given in an input (a hold's e-mail, phone and fiscal code, an office's e-mail, PEC
and phone), checked before any store work and handed on in their one written form."""

from __future__ import annotations

from models.contacts import InvalidContact, normalize_email, normalize_phone
from models.user import InvalidFiscalCode, normalize_fiscal_code
from resolvers.errors import ErrorCode, Problem
from resolvers.limits import EMAIL, FISCAL_CODE, PHONE, too_long
from resolvers.wording import say

Checked = tuple[str | None, list[Problem]]
"""The value to store (None when none was given) and the problems that refuse it."""


def checked_email(field: str, value: str | None) -> Checked:
    if value is None or not value.strip():
        return None, []
    if problems := too_long(field, value, EMAIL):
        return None, problems
    try:
        return normalize_email(value), []
    except InvalidContact:
        message = say("This is not a valid e-mail address, e.g. name@example.it.")
        return None, [Problem(field, ErrorCode.INVALID_EMAIL, message)]


def checked_phone(field: str, value: str | None) -> Checked:
    if value is None or not value.strip():
        return None, []
    if problems := too_long(field, value, PHONE):
        return None, problems
    try:
        return normalize_phone(value), []
    except InvalidContact:
        message = say(
            "This is not a valid phone number: write it as +39 0587 000110 or 333 1234567."
        )
        return None, [Problem(field, ErrorCode.INVALID_PHONE, message)]


def checked_fiscal_code(field: str, value: str | None) -> Checked:
    if value is None or not value.strip():
        return None, []
    if problems := too_long(field, value, FISCAL_CODE):
        return None, problems
    try:
        return normalize_fiscal_code(value.strip()), []
    except InvalidFiscalCode:
        message = say(
            "This is not a valid fiscal code: it has 16 letters and digits, the last one a "
            "check letter."
        )
        return None, [Problem(field, ErrorCode.INVALID_FISCAL_CODE, message)]
