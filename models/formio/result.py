"""Result types of the Form.io submission validator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FormProblem:
    """One problem of a submission: where (`path`), what (`code`) and a translated message."""

    path: str
    code: str
    message: str


@dataclass
class ValidationResult:
    """Outcome of `validate_submission`: the cleaned data and every problem found."""

    valid: bool
    data: dict[str, Any]
    problems: list[FormProblem] = field(default_factory=list)

    def codes(self) -> dict[str, list[str]]:
        """Problem codes grouped by path, handy in tests and logs."""
        grouped: dict[str, list[str]] = {}
        for problem in self.problems:
            grouped.setdefault(problem.path, []).append(problem.code)
        return grouped


def join(prefix: str, key: str) -> str:
    """Path of `key` below `prefix` (`applicant` + `zip` -> `applicant.zip`)."""
    return f"{prefix}.{key}" if prefix else key


def index(prefix: str, position: int) -> str:
    """Path of list item `position` below `prefix` (`children` + 2 -> `children[2]`)."""
    return f"{prefix}[{position}]"
