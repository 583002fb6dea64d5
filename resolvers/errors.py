"""Errors a user can cause, returned as values in mutation payloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class ErrorCode(StrEnum):
    REQUIRED = "REQUIRED"
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    FORBIDDEN = "FORBIDDEN"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
    INVALID_TOKEN = "INVALID_TOKEN"
    INVALID_FISCAL_CODE = "INVALID_FISCAL_CODE"
    CYCLE = "CYCLE"
    SCRIPT_NOT_ALLOWED = "SCRIPT_NOT_ALLOWED"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the camelCase input field it concerns, a code, a message."""

    field: str | None
    code: ErrorCode
    message: str


ADMINS_ONLY = Problem(None, ErrorCode.FORBIDDEN, "only the tenant's administrators may do this")


@dataclass
class Outcome(Generic[T]):
    """What a mutation use case returns: the changed object, or the problems that stopped it."""

    value: T | None = None
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def failed(cls, *problems: Problem) -> Outcome[T]:
        return cls(None, list(problems))
