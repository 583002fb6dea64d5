"""File component checks: count, size and MIME type of the file references."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from typing import Any

from models.formio.rules import Issue
from models.formio.tree import Component

FileExists = Callable[[dict[str, Any]], bool]

SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?B?)\s*", re.IGNORECASE)
UNITS = {"": 1, "B": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def parse_size(text: Any) -> int | None:
    """`2MB` -> 2097152 (binary units, as Form.io); None when unset or unreadable."""
    if not isinstance(text, str):
        return None
    match = SIZE.fullmatch(text)
    if match is None:
        return None
    number, unit = match.groups()
    return int(float(number) * UNITS[unit.upper().rstrip("B") or ""])


def type_allowed(patterns: Any, name: str, mime: str) -> bool:
    """`filePattern` such as `application/pdf,image/*,.odt`; empty or `*` allows anything."""
    if not isinstance(patterns, str):
        return True
    wanted = [part.strip().lower() for part in patterns.split(",") if part.strip()]
    if not wanted or "*" in wanted:
        return True
    for pattern in wanted:
        if pattern.startswith("."):
            if name.lower().endswith(pattern):
                return True
        elif fnmatch.fnmatchcase(mime.lower(), pattern):
            return True
    return False


TYPE_NAMES = {
    "application/pdf": "PDF",
    "image/jpg": "JPEG",
    "image/svg+xml": "SVG",
    "image/webp": "WebP",
    "application/msword": "DOC",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/pkcs7-mime": "P7M",
    "application/pkcs7-signature": "P7S",
}
"""Names people know for MIME types whose subtype is not the format's name (as the renderer's
fileText.ts); others show their subtype: `image/png` -> `PNG`."""


FAMILIES = {
    "image/*": {"it": "immagini", "en": "images", "de": "Bilder"},
    "video/*": {"it": "video", "en": "videos", "de": "Videos"},
    "audio/*": {"it": "registrazioni audio", "en": "audio recordings", "de": "Tonaufnahmen"},
}


def readable_types(patterns: str, language: str) -> str:
    """`application/pdf,image/jpeg` -> `PDF, JPEG`: the allowed types as a person names them."""
    names: dict[str, None] = {}
    for part in (piece.strip().lower() for piece in patterns.split(",")):
        if not part:
            continue
        if part in FAMILIES:
            name = FAMILIES[part][language]
        elif part in TYPE_NAMES:
            name = TYPE_NAMES[part]
        elif part.startswith("."):
            name = part[1:].upper()
        else:
            subtype = part.partition("/")[2] or part
            subtype = re.sub(r"^(x-|vnd\.)", "", subtype)
            name = re.split(r"[.+-]", subtype)[0].upper()
        names.setdefault(name, None)
    return ", ".join(names)


def _valid_reference(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    size = item.get("size")
    return (
        isinstance(item.get("name"), str)
        and isinstance(item.get("type"), str)
        and isinstance(size, int)
        and not isinstance(size, bool)
        and size >= 0
    )


def check_files(
    component: Component, value: Any, file_exists: FileExists | None = None
) -> list[Issue]:
    """A list of `{name, size, type, id}`: count (`multiple`), size and type limits, ownership."""
    if not isinstance(value, list):
        return [Issue("INVALID_TYPE", {})]
    issues: list[Issue] = []
    if not component.get("multiple") and len(value) > 1:
        issues.append(Issue("MAX_LENGTH", {"limit": 1}, message_id="MAX_FILES"))
    largest = parse_size(component.get("fileMaxSize"))
    smallest = parse_size(component.get("fileMinSize"))
    for position, item in enumerate(value):
        suffix = f"[{position}]"
        if not _valid_reference(item):
            issues.append(Issue("INVALID_TYPE", {}, suffix))
            continue
        name, size = item["name"], item["size"]
        # Sizes go as bytes: the message writes them the way its language does.
        if largest is not None and size > largest:
            issues.append(Issue("MAX", {"name": name, "bytes": largest}, suffix, "FILE_TOO_LARGE"))
        if smallest is not None and size < smallest:
            issues.append(Issue("MIN", {"name": name, "bytes": smallest}, suffix, "FILE_TOO_SMALL"))
        patterns = component.get("filePattern")
        if not type_allowed(patterns, name, item["type"]):
            issue = Issue("PATTERN", {"name": name, "types": str(patterns)}, suffix, "FILE_TYPE")
            issues.append(issue)
        if file_exists is not None and not file_exists(item):
            issues.append(Issue("UNKNOWN_FILE", {"name": name}, suffix))
    return issues
