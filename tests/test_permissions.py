"""Permissions are declared on the schema and enforced as declared: every root field says who
may call it, the playground shows it, the authorization matrix is generated from it, and each
caller is admitted or refused by every query and mutation as the matrix says, over HTTP."""

from __future__ import annotations

from contextvars import copy_context
from pathlib import Path
from typing import Any

import pytest
import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    Undefined,
    get_named_type,
)

from resolvers.wording import use_language
from schema.authorization import ALLOWED, entries, matrix_markdown, root_fields
from schema.permissions import Audience, declared
from tests.graphql import GraphQLClient, Result
from tests.practices import ADMIN, MARIO, OPERATOR

MATRIX_FILE = Path(__file__).resolve().parent.parent / "docs" / "authorization.md"
CALLERS = ("anonymous", "citizen", "operator", "admin")
SCALARS: dict[str, Any] = {
    "String": "x",
    "ID": "Tm90aGluZzow",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "DateTime": "2031-01-07T10:00:00+01:00",
    "Date": "2031-01-07",
    "Time": "10:00:00",
    "JSON": {},
    "GlobalID": "Tm90aGluZzow",
}
"""A value for each scalar an argument may have: valid to the parser, found by no resolver
(the ids name no object of any type), so a call admitted by its permission harms nothing."""


def test_every_query_and_mutation_declares_who_may_call_it(code_schema: strawberry.Schema) -> None:
    schema = code_schema
    undeclared = [field.python_name for _, field in root_fields(schema) if declared(field) is None]
    assert undeclared == []
    for root in ("Query", "Mutation"):
        for name, field in schema._schema.type_map[root].fields.items():  # type: ignore[attr-defined]
            assert "Requires: " in (field.description or ""), name


def test_the_authorization_matrix_is_current(code_schema: strawberry.Schema) -> None:
    assert MATRIX_FILE.read_text() == matrix_markdown(code_schema), (
        "docs/authorization.md is stale: run `sportello export-schema` and commit the result"
    )


def value_for(kind: GraphQLInputType) -> Any:
    if isinstance(kind, GraphQLNonNull):
        return value_for(kind.of_type)
    if isinstance(kind, GraphQLList):
        return []
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        return {
            name: value_for(field.type)
            for name, field in kind.fields.items()
            if isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined
        }
    assert isinstance(kind, GraphQLScalarType)
    return SCALARS.get(kind.name, "x")


def selection(kind: GraphQLNamedType) -> str:
    if not isinstance(kind, GraphQLObjectType):
        return "" if isinstance(kind, GraphQLScalarType | GraphQLEnumType) else "{ __typename }"
    return "{ __typename errors { code message } }" if "errors" in kind.fields else "{ __typename }"


def call(
    api: GraphQLClient, operation: str, name: str, field: GraphQLField, token: str | None
) -> Result:
    """The field alone, with a value for each required argument, as `token`'s holder."""
    variables = {
        arg: value_for(spec.type)
        for arg, spec in field.args.items()
        if isinstance(spec.type, GraphQLNonNull)
    }
    declarations = ", ".join(f"${arg}: {field.args[arg].type}" for arg in variables)
    arguments = ", ".join(f"{arg}: ${arg}" for arg in variables)
    document = (
        f"{operation}{f'({declarations})' if declarations else ''} "
        f"{{ {name}{f'({arguments})' if arguments else ''} "
        f"{selection(get_named_type(field.type))} }}"
    )
    return api(document, variables, token=token)


def refused_by_permission(result: Result, name: str) -> bool:
    """FORBIDDEN from the declared permission: as a GraphQL error, or in the payload."""
    errors = list(result.errors)
    data = (result.body.get("data") or {}).get(name)
    if isinstance(data, dict):
        errors += data.get("errors") or []
    return any(
        error.get("code", error.get("extensions", {}).get("code")) == "FORBIDDEN"
        and error["message"] in PERMISSION_MESSAGES
        for error in errors
    )


def permission_messages(language: str) -> set[str]:
    """What the declared permissions answer, in `language` (a use case's FORBIDDEN says
    something else)."""

    def worded() -> set[str]:
        use_language(language)
        return {audience.refusal_message() for audience in Audience}

    return copy_context().run(worded)


PERMISSION_MESSAGES = permission_messages("it")
"""The requests name no language: the municipality's, Italian, answers."""


@pytest.mark.usefixtures("fresh_world")
def test_each_caller_is_admitted_or_refused_by_every_field_as_the_matrix_says(
    api: GraphQLClient, code_schema: strawberry.Schema
) -> None:
    tokens = {
        "anonymous": None,
        "citizen": api.login(*MARIO),
        "operator": api.login(*OPERATOR),
        "admin": api.login(*ADMIN),
    }
    foreign = api.login("admin-valdifiori", "admin", tenant="valdifiori")
    graphql = code_schema._schema  # type: ignore[attr-defined]
    wrong: list[str] = []
    for entry in entries(code_schema):
        if entry.name == "uploadFile":
            continue  # a multipart request: tests/test_practice_files.py calls it as each caller
        root = graphql.type_map["Query" if entry.operation == "query" else "Mutation"]
        field = root.fields[entry.name]
        for caller, admitted in zip(CALLERS, ALLOWED[entry.rule.audience], strict=True):
            result = call(api, entry.operation, entry.name, field, tokens[caller])
            assert result.status < 500, (entry.name, caller, result.body)
            if refused_by_permission(result, entry.name) == admitted:
                wrong.append(f"{entry.name} as {caller}: {result.body}")
        by_foreigner = call(api, entry.operation, entry.name, field, foreign)
        assert by_foreigner.error_codes == ["WRONG_TENANT"], entry.name
    assert wrong == []
