"""Limits on the text of a GraphQL document, enforced by the parser itself: its length before a
token is read, its tokens as they are read. The same limits hold for every request's document
and for a text sent beside a persisted-query hash."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse
from strawberry.extensions import SchemaExtension

QUERY_TOO_LARGE = "QUERY_TOO_LARGE"
TOO_MANY_TOKENS = "TOO_MANY_TOKENS"

LIMIT_MESSAGES = {
    "Syntax Error: Source contains more than": QUERY_TOO_LARGE,
    "Syntax Error: Document contains more than": TOO_MANY_TOKENS,
}
"""How graphql-core's parser words the refusals of `max_source_length` and `max_tokens`."""


def limit_code(error: GraphQLError) -> str | None:
    """The code of a parser's refusal for a limit; None for any other error."""
    if not isinstance(error, GraphQLSyntaxError):
        return None
    return next(
        (code for start, code in LIMIT_MESSAGES.items() if error.message.startswith(start)), None
    )


def with_limit_code(error: GraphQLError) -> GraphQLError:
    """The error, with the code of the limit it reports in its extensions (if it is one)."""
    code = limit_code(error)
    if code is not None and not (error.extensions or {}).get("code"):
        error.extensions = {**(error.extensions or {}), "code": code}
    return error


@dataclass(frozen=True)
class DocumentLimits:
    max_length: int
    """Characters (code points) of the text."""
    max_tokens: int

    def parse(self, text: str) -> DocumentNode:
        """The document without locations; a `GraphQLError` with a code when a limit stops
        the parser, a `GraphQLSyntaxError` without one when the text is not GraphQL."""
        try:
            return parse(
                text,
                no_location=True,
                max_tokens=self.max_tokens,
                max_source_length=self.max_length,
            )
        except GraphQLError as error:
            raise with_limit_code(error) from None


class DocumentLengthLimiter(SchemaExtension):
    """Refuses a document longer than `max_length` before a token of it is read, as
    strawberry's `MaxTokensLimiter` refuses one of too many tokens, and gives the parser's
    refusals for both limits their codes (QUERY_TOO_LARGE, TOO_MANY_TOKENS)."""

    def __init__(self, max_length: int) -> None:
        self.max_length = max_length

    def on_operation(self) -> Iterator[None]:
        # strawberry types only `max_tokens`; graphql-core's `parse` takes both
        options = self.execution_context.parse_options
        options["max_source_length"] = self.max_length  # type: ignore[typeddict-unknown-key]
        try:
            yield
        except GraphQLError as error:  # raised by ParserCache's hook, not returned as a result
            raise with_limit_code(error) from None
        result = self.execution_context.result
        for found in (result.errors or []) if result is not None else []:
            with_limit_code(found)
