"""A person's contacts as Sportello keeps them: e-mail addresses and phone numbers checked and
written in one form, by maintained libraries rather than home-made patterns."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

DEFAULT_PHONE_REGION = "IT"
"""Numbers given without `+` and a country code are Italian, as a municipality's citizens
write them ("0587 000110", "333 1234567")."""


class InvalidContact(ValueError):
    """An e-mail address or phone number that cannot be one; the message says why."""


def normalize_email(value: str) -> str:
    """The address with its domain in lower case (and in Unicode, for international domains),
    or InvalidContact. Only the form is checked: nobody asks the domain's mail servers."""
    try:
        return str(validate_email(value.strip(), check_deliverability=False).normalized)
    except EmailNotValidError as error:
        raise InvalidContact(str(error)) from error


def normalize_phone(value: str) -> str:
    """The number in international form ("+39 0587 000110"), or InvalidContact: it must be a
    number some country assigns, not merely digits."""
    try:
        number = phonenumbers.parse(value, DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException as error:
        raise InvalidContact("not a phone number") from error
    if not phonenumbers.is_valid_number(number):
        raise InvalidContact("not a phone number in use in its country")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
