"""Pure server-side validation of Form.io submissions (no I/O)."""

from models.formio.code import find_code
from models.formio.result import FormProblem, ValidationResult
from models.formio.validator import validate_submission

__all__ = ["FormProblem", "ValidationResult", "find_code", "validate_submission"]
