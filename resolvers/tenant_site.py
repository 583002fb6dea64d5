"""What a municipality's pages say of it, as its administrators set it: its site and the body
it belongs to, its VAT number, contacts, and the pages of its site every footer links to."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from models.tenant import SITE_LINKS, InvalidVatNumber, Tenant, normalize_vat_number
from resolvers.contacts import checked_email, checked_phone
from resolvers.errors import ErrorCode, Problem
from resolvers.limits import ADDRESS, NAME, too_long
from resolvers.wording import say

MAX_URL_LENGTH = 300
"""As the other addresses of the tenant's settings (`resolvers.tenant_admin`)."""
OBJECTS = ("parent_institution", "links", "contacts")
"""Settings held as objects: a key sent as null is removed, keys not sent stay."""

Changes = dict[str, Any]
"""Setting (by attribute name) → new value, holding only what the client sent; an object's
value holds only its keys sent."""


def cleaned(value: str | None) -> str | None:
    """Text without surrounding blanks; None for none, or for blanks only (removing it)."""
    return (value or "").strip() or None


def web_address_problem(field: str, value: str | None) -> list[Problem]:
    """A problem unless `value` is an http(s) address of a page (no user or password in it)."""
    if value is None:
        return []
    if problems := too_long(field, value, MAX_URL_LENGTH):
        return problems
    try:
        parts = urlsplit(value.strip())
        parts.port  # noqa: B018  (a port out of range raises here)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.hostname
        or "@" in parts.netloc
    ):
        message = say("Use the address of a web page, e.g. https://www.comune.example.it/privacy.")
        return [Problem(field, ErrorCode.INVALID, message)]
    return []


def checked_vat_number(value: str | None) -> tuple[str | None, list[Problem]]:
    if value is None or not value.strip():
        return None, []
    if problems := too_long("vatNumber", value, 20):
        return None, problems
    try:
        return normalize_vat_number(value), []
    except InvalidVatNumber:
        message = say("A VAT number (partita IVA) has 11 digits, the last one a check digit.")
        return None, [Problem("vatNumber", ErrorCode.INVALID, message)]


def checked_contacts(contacts: Changes) -> tuple[Changes, list[Problem]]:
    """The contacts sent, written in their one form (e-mail domains in lower case, phone
    numbers in international form); empty text removes a contact."""
    stored: Changes = {}
    problems: list[Problem] = []
    for key, check in (("email", checked_email), ("pec", checked_email), ("phone", checked_phone)):
        if key in contacts:
            stored[key], found = check(f"contacts.{key}", contacts[key])
            problems += found
    if "address" in contacts:
        address = cleaned(contacts["address"])
        problems += too_long("contacts.address", address, ADDRESS)
        stored["address"] = address
    return stored, problems


def checked_site(changes: Changes) -> tuple[Changes, list[Problem]]:
    """The settings sent, as they are stored, and every problem with them."""
    stored: Changes = {}
    problems: list[Problem] = []
    if "site_url" in changes:
        stored["site_url"] = cleaned(changes["site_url"])
        problems += web_address_problem("siteUrl", stored["site_url"])
    if "vat_number" in changes:
        stored["vat_number"], found = checked_vat_number(changes["vat_number"])
        problems += found
    if "parent_institution" in changes:
        parent = {key: cleaned(value) for key, value in changes["parent_institution"].items()}
        problems += too_long("parentInstitution.name", parent.get("name"), NAME)
        problems += web_address_problem("parentInstitution.url", parent.get("url"))
        stored["parent_institution"] = parent
    if "links" in changes:
        links = {key: cleaned(value) for key, value in changes["links"].items()}
        for key in SITE_LINKS:
            problems += web_address_problem(f"links.{key}", links.get(key))
        stored["links"] = links
    if "contacts" in changes:
        stored["contacts"], found = checked_contacts(changes["contacts"])
        problems += found
    return stored, problems


def merged(current: dict[str, str], changes: Changes) -> dict[str, str]:
    """An object setting with the sent keys changed; a key sent as null is removed."""
    values = {**current, **changes}
    return {key: value for key, value in values.items() if value is not None}


def apply_site(tenant: Tenant, stored: Changes) -> None:
    """Write checked settings (`checked_site`) on the tenant's row."""
    for name, value in stored.items():
        if name in OBJECTS:
            setattr(tenant, name, merged(getattr(tenant, name), value))
        else:
            setattr(tenant, name, value)
