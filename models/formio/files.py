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
        if largest is not None and size > largest:
            limit = component["fileMaxSize"]
            issues.append(Issue("MAX", {"name": name, "limit": limit}, suffix, "FILE_TOO_LARGE"))
        if smallest is not None and size < smallest:
            limit = component["fileMinSize"]
            issues.append(Issue("MIN", {"name": name, "limit": limit}, suffix, "FILE_TOO_SMALL"))
        patterns = component.get("filePattern")
        if not type_allowed(patterns, name, item["type"]):
            issues.append(Issue("PATTERN", {"name": name, "limit": patterns}, suffix, "FILE_TYPE"))
        if file_exists is not None and not file_exists(item):
            issues.append(Issue("UNKNOWN_FILE", {"name": name}, suffix))
    return issues
