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
    INVALID_PHONE = "INVALID_PHONE"
    CYCLE = "CYCLE"
    SCRIPT_NOT_ALLOWED = "SCRIPT_NOT_ALLOWED"
    # practices
    SERVICE_NOT_OPEN = "SERVICE_NOT_OPEN"
    ACCESS_LEVEL_TOO_LOW = "ACCESS_LEVEL_TOO_LOW"
    NO_FORM = "NO_FORM"
    TRANSITION_NOT_ALLOWED = "TRANSITION_NOT_ALLOWED"
    HELD_BY_ANOTHER = "HELD_BY_ANOTHER"
    """Another operator holds the practice: reassign it before acting on it."""
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    # files
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED"
    FILE_EMPTY = "FILE_EMPTY"
    # appointments and resource bookings
    SLOT_UNAVAILABLE = "SLOT_UNAVAILABLE"
    SLOT_FULL = "SLOT_FULL"
    INTERVAL_UNAVAILABLE = "INTERVAL_UNAVAILABLE"
    INTERVAL_TAKEN = "INTERVAL_TAKEN"
    HOLD_EXPIRED = "HOLD_EXPIRED"
    TOO_LATE = "TOO_LATE"
    ALREADY_BOOKED = "ALREADY_BOOKED"
    """The person already has an appointment (or a hold) at this time on this calendar."""
    TOO_MANY_HOLDS = "TOO_MANY_HOLDS"
    """The person holds as many unconfirmed slots of this calendar as anyone may."""
    # Form.io submission problems (models/formio), reported on `data.<component path>`
    INVALID_DATE = "INVALID_DATE"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_NUMBER = "INVALID_NUMBER"
    INVALID_TYPE = "INVALID_TYPE"
    MIN = "MIN"
    MAX = "MAX"
    MIN_LENGTH = "MIN_LENGTH"
    MAX_LENGTH = "MAX_LENGTH"
    MIN_SELECTED = "MIN_SELECTED"
    MAX_SELECTED = "MAX_SELECTED"
    NOT_AN_OPTION = "NOT_AN_OPTION"
    NOT_UNIQUE = "NOT_UNIQUE"
    PATTERN = "PATTERN"
    UNKNOWN_FIELD = "UNKNOWN_FIELD"
    UNKNOWN_FILE = "UNKNOWN_FILE"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the camelCase input field it concerns, a code, a message."""

    field: str | None
    code: ErrorCode
    message: str


def error_code(code: str) -> ErrorCode:
    """The API code of a domain code (e.g. a Form.io problem); INVALID for one it lacks."""
    try:
        return ErrorCode(code)
    except ValueError:
        return ErrorCode.INVALID


class Refused(Exception):
    """Raised inside a transaction to roll all of it back and answer with these problems."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = list(problems)


@dataclass
class Outcome(Generic[T]):
    """What a mutation use case returns: the changed object, or the problems that stopped it."""

    value: T | None = None
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def failed(cls, *problems: Problem) -> Outcome[T]:
        return cls(None, list(problems))
