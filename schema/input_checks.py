"""One check of every argument of every root field, before its resolver runs.

Text must be what PostgreSQL can store: no NUL character (refused in `text` and `jsonb`), no
lone surrogate (not Unicode at all), wherever it sits: a name, a translation, a key or a value
deep inside a form's JSON. Every date is within the bounds of `resolvers.limits`, and every
instant has its offset from UTC. A mutation then answers with its payload's field errors, a
query with a GraphQL error INVALID; nothing is read or stored. Nested fields take only paging
arguments and numbers (`tests/test_input_formats.py` keeps it so), so the root is enough.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from itertools import islice
from typing import Any

from graphql import GraphQLError
from strawberry import relay
from strawberry.extensions import FieldExtension
from strawberry.extensions.field_extension import AsyncExtensionResolver, SyncExtensionResolver
from strawberry.schema.name_converter import NameConverter
from strawberry.types.base import get_object_definition
from strawberry.types.field import StrawberryField
from strawberry.types.unset import UNSET

from resolvers.errors import ErrorCode, Problem
from resolvers.limits import day_problem, instant_problem
from resolvers.wording import say
from schema.base import Info, field_errors

MAX_REPORTED = 20
"""Problems one answer lists: a megabyte of NUL characters is refused in a few lines."""


def text_problem(text: str) -> str | None:
    """What keeps `text` out of the database, or None."""
    if "\x00" in text:
        return say("The text may not contain NUL characters (U+0000).")
    if not text.isascii():
        try:
            text.encode()
        except UnicodeEncodeError:
            return say("The text must be valid Unicode (a lone surrogate is not).")
    return None


def joined(path: str, name: str) -> str:
    """`path.name`, with a name that holds what it is refused for written as JSON escapes."""
    shown = name if text_problem(name) is None else json.dumps(name)[1:-1]
    return f"{path}.{shown}" if path else shown


def value_problems(
    value: Any, path: str, names: NameConverter, fields_unnamed: bool = False
) -> Iterator[Problem]:
    """The problems of one argument's value, found in every string and date it holds; `path`
    names it as field errors do (camelCase, `.` into objects, `[i]` into lists). With
    `fields_unnamed` (a mutation's `input`), the `fields` of an update are named as the same
    fields of a creation are: `name.it`, not `fields.name.it`."""
    field = path or None
    if isinstance(value, str):
        if (message := text_problem(value)) is not None:
            yield Problem(field, ErrorCode.INVALID, message)
    elif isinstance(value, datetime):
        if (message := instant_problem(value)) is not None:
            yield Problem(field, ErrorCode.INVALID, message)
    elif isinstance(value, date):
        if (message := day_problem(value)) is not None:
            yield Problem(field, ErrorCode.INVALID, message)
    elif isinstance(value, dict):  # JSON
        for key, item in value.items():
            inner = joined(path, str(key))
            if (message := text_problem(str(key))) is not None:
                yield Problem(inner, ErrorCode.INVALID, say("In a key: {problem}", problem=message))
            yield from value_problems(item, inner, names)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from value_problems(item, f"{path}[{index}]", names)
    elif isinstance(value, relay.GlobalID):
        yield from value_problems(f"{value.type_name}:{value.node_id}", path, names)
    elif (definition := get_object_definition(value)) is not None:  # an input object
        for member in definition.fields:
            item = getattr(value, member.python_name, None)
            if item is not None and item is not UNSET:
                name = names.get_graphql_name(member)
                inner = path if fields_unnamed and name == "fields" else joined(path, name)
                yield from value_problems(item, inner, names)


class InputCheck(FieldExtension):
    """Refuses a root field's arguments holding text the database cannot store or dates out
    of bounds, before its resolver runs."""

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    def problems(self, info: Info, arguments: dict[str, Any]) -> list[Problem]:
        names = info.schema.config.name_converter
        graphql_names = {
            argument.python_name: names.from_argument(argument) for argument in self.field.arguments
        }
        found = (
            problem
            for python_name, value in arguments.items()
            # field errors name what is inside a mutation's `input`
            for problem in (
                value_problems(value, "", names, fields_unnamed=True)
                if python_name == "input"
                else value_problems(value, graphql_names[python_name], names)
            )
        )
        return list(islice(found, MAX_REPORTED))

    def refusal(self, problems: list[Problem]) -> Any:
        """The payload of a mutation with these field errors; for anything else (a query),
        a GraphQL error INVALID naming the first problem."""
        payload = get_object_definition(self.field.type)
        members = {} if payload is None else {m.python_name: m for m in payload.fields}
        if "errors" in members:
            values: dict[str, Any] = {
                name: None for name, m in members.items() if m.base_resolver is None
            }
            values["errors"] = field_errors(problems)
            return self.field.type(**values)  # type: ignore[operator]
        first = problems[0]
        message = f"`{first.field}`: {first.message}" if first.field else first.message
        raise GraphQLError(message, extensions={"code": "INVALID", "field": first.field})

    def resolve(self, next_: SyncExtensionResolver, source: Any, info: Info, **kwargs: Any) -> Any:
        if problems := self.problems(info, kwargs):
            return self.refusal(problems)
        return next_(source, info, **kwargs)

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        if problems := self.problems(info, kwargs):
            return self.refusal(problems)
        return await next_(source, info, **kwargs)


def check_inputs_of(*roots: type) -> None:
    """Put `InputCheck` on every field of these root types (once, however often called), as
    the innermost extension: a caller the field's permission refuses learns nothing of their
    input."""
    for root in roots:
        definition = get_object_definition(root, strict=True)
        for field in definition.fields:
            if not any(isinstance(extension, InputCheck) for extension in field.extensions):
                field.extensions.insert(0, InputCheck())
