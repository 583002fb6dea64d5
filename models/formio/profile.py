"""The applicant's own data in a form: which fields hold it, filling them, keeping identity.

A definition names its profile fields in a top-level `profile` object (`{"<data path>":
"<profile field>"}`, a dotted path through containers, e.g. `"applicant.name": "givenName"`).
Without one, the conventional keys below are recognised at the form's top data level only
(through panels and columns, not inside containers or grids, where a `name` may well be a
child's or a family member's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.formio.tree import Component, ctype, is_record, level_components

PROFILE_FIELDS = (
    "givenName",
    "familyName",
    "fiscalCode",
    "birthDate",
    "birthPlace",
    "email",
    "phone",
)
IDENTITY_FIELDS = frozenset({"givenName", "familyName", "fiscalCode", "birthDate", "birthPlace"})
"""What an identity provider (SPID, CIE) asserts: read-only for a person who logged in with one."""

CONVENTIONAL_KEYS: dict[str, str] = {
    **dict.fromkeys(("givenName", "name", "firstName", "nome"), "givenName"),
    **dict.fromkeys(("familyName", "surname", "lastName", "cognome"), "familyName"),
    **dict.fromkeys(("fiscalCode", "fiscal_code", "codiceFiscale", "taxCode"), "fiscalCode"),
    **dict.fromkeys(("birthDate", "birth_date", "dataNascita", "dateOfBirth"), "birthDate"),
    **dict.fromkeys(("birthPlace", "birth_place", "luogoNascita", "placeOfBirth"), "birthPlace"),
    **dict.fromkeys(("email", "email_address", "emailAddress"), "email"),
    **dict.fromkeys(("phone", "telefono", "cellNumber", "cell_number", "mobile"), "phone"),
}
TEXT_KINDS = frozenset({"textfield", "email", "phoneNumber"})
FITTING_KINDS: dict[str, frozenset[str]] = {
    "birthDate": frozenset({"day", "datetime", "textfield"}),
}
"""The component types a profile field may fill (text fields for the others)."""


@dataclass(frozen=True)
class Profile:
    """The person's data as Sportello knows it (None: unknown)."""

    values: Mapping[str, str | dt.date | None]
    from_identity_provider: bool
    """Logged in through SPID/CIE: identity fields are asserted by the provider."""


@dataclass(frozen=True)
class ProfileProblem:
    """What is wrong with a definition's `profile` mapping, for its administrator."""

    kind: str
    """NOT_AN_OBJECT, UNKNOWN_PROFILE_FIELD (no such profile entry) or NO_SUCH_FIELD (no such
    data path in the form)."""
    path: str = ""
    field: str = ""


def profile_problems(definition: Mapping[str, Any]) -> list[ProfileProblem]:
    """What is wrong with a definition's `profile` mapping (empty when it is fine or absent)."""
    mapping = definition.get("profile")
    if mapping is None:
        return []
    if not isinstance(mapping, dict):
        return [ProfileProblem("NOT_AN_OBJECT")]
    problems = []
    components = _components(definition)
    for path, field in mapping.items():
        if field not in PROFILE_FIELDS:
            problems.append(ProfileProblem("UNKNOWN_PROFILE_FIELD", str(path), str(field)))
        elif _find(components, str(path)) is None:
            problems.append(ProfileProblem("NO_SUCH_FIELD", str(path), str(field)))
    return problems


def profile_paths(definition: Mapping[str, Any]) -> dict[str, str]:
    """Data path → profile field for every field of the form that holds the applicant's data."""
    components = _components(definition)
    mapping = definition.get("profile")
    if isinstance(mapping, dict):
        found = {
            str(path): field
            for path, field in mapping.items()
            if field in PROFILE_FIELDS and _find(components, str(path)) is not None
        }
        return found
    return {
        key: CONVENTIONAL_KEYS[key]
        for key, component in level_components(components).items()
        if key in CONVENTIONAL_KEYS and _fits(component, CONVENTIONAL_KEYS[key])
    }


def locked_paths(definition: Mapping[str, Any], profile: Profile) -> list[str]:
    """The profile fields the applicant may not change: those an identity provider asserted."""
    if not profile.from_identity_provider:
        return []
    return [
        path
        for path, field in profile_paths(definition).items()
        if field in IDENTITY_FIELDS and profile.values.get(field)
    ]


def prefill(
    definition: Mapping[str, Any],
    data: Mapping[str, Any],
    profile: Profile,
    *,
    fill_empty: bool = True,
) -> dict[str, Any]:
    """`data` with the locked profile fields set to the profile's values (whatever was sent for
    them) and, if `fill_empty`, the ones `data` lacks filled (a new draft; a field given
    empty stays empty, and a submission keeps what the applicant cleared)."""
    filled: dict[str, Any] = _copy(data)
    components = _components(definition)
    locked = set(locked_paths(definition, profile))
    for path, field in profile_paths(definition).items():
        value = profile.values.get(field)
        if value is None or value == "":
            continue
        component = _find(components, path)
        if component is None:
            continue
        if path in locked or (fill_empty and _get(filled, path) is None):
            _set(filled, path, _as_value(value, component))
    return filled


def _dicts(value: Any) -> list[Component]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _components(definition: Mapping[str, Any]) -> list[Component]:
    return _dicts(definition.get("components"))


def _find(components: list[Component], path: str) -> Component | None:
    """The component at a dotted data path, through containers."""
    head, _, rest = path.partition(".")
    component = level_components(components).get(head)
    if component is None or not rest:
        return component
    if not is_record(component):
        return None
    return _find(_dicts(component.get("components")), rest)


def _fits(component: Component, field: str) -> bool:
    return ctype(component) in FITTING_KINDS.get(field, TEXT_KINDS)


def _as_value(value: str | dt.date, component: Component) -> str:
    """A profile value as the component stores it: a `day` takes DD/MM/YYYY."""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if ctype(component) == "day" else value.isoformat()
    return value


def _copy(data: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: _copy(value) if isinstance(value, Mapping) else value for key, value in data.items()
    }


def _get(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    target = data
    for part in parents:
        child = target.get(part)
        if not isinstance(child, dict):
            child = target[part] = {}
        target = child
    target[last] = value
