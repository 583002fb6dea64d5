"""Pieces every schema module uses: the Info type, ids, errors, pagination arguments."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.context import Context
from resolvers.errors import ErrorCode, Problem
from resolvers.pagination import Page, PageRequest, PaginationError
from resolvers.wording import say

Info = strawberry.Info[Context, None]

strawberry.enum(ErrorCode, description="Why an input was refused.")


@strawberry.type(description="A problem with one input field, or with the whole input.")
class FieldError:
    field: str | None = strawberry.field(
        description="The camelCase input field concerned; null for the input as a whole."
    )
    code: ErrorCode
    message: str


def field_errors(problems: Iterable[Problem]) -> list[FieldError]:
    return [FieldError(field=p.field, code=p.code, message=p.message) for p in problems]


def decode_id(global_id: relay.GlobalID, type_name: str) -> uuid.UUID:
    """The uuid inside a global id of `type_name`; a clear GraphQL error otherwise."""
    if global_id.type_name != type_name:
        raise GraphQLError(
            say(
                "Expected the id of a {expected}, got one of a {given}.",
                expected=type_name,
                given=global_id.type_name,
            ),
            extensions={"code": "INVALID_ID"},
        )
    try:
        return uuid.UUID(global_id.node_id)
    except ValueError as error:
        raise GraphQLError(
            say("This {type} id is malformed.", type=type_name), extensions={"code": "INVALID_ID"}
        ) from error


def optional_id(global_id: relay.GlobalID | None, type_name: str) -> uuid.UUID | None:
    return None if global_id is None else decode_id(global_id, type_name)


@contextmanager
def pagination_errors() -> Iterator[None]:
    """Bad paging arguments or cursors become a GraphQL error with a stable code."""
    try:
        yield
    except PaginationError as error:
        raise GraphQLError(str(error), extensions={"code": "INVALID_PAGINATION"}) from error


def refuse_invalid(problem: str | None) -> None:
    """A query's argument out of its limits (a date, a range of dates, a search; see
    `resolvers.limits`) is a GraphQL error with the code INVALID, raised before anything is
    read."""
    if problem is not None:
        raise GraphQLError(problem, extensions={"code": "INVALID"})


def page_request(
    first: int | None, after: str | None, last: int | None, before: str | None
) -> PageRequest:
    with pagination_errors():
        return PageRequest(first=first, after=after, last=last, before=before)


def selected_paths(info: Info) -> set[str]:
    """Dotted paths of every field selected below the current one, fragments flattened."""
    paths: set[str] = set()

    def walk(selections: list[Selection], prefix: str) -> None:
        for selection in selections:
            if isinstance(selection, SelectedField):
                path = f"{prefix}{selection.name}"
                paths.add(path)
                walk(selection.selections, path + ".")
            elif isinstance(selection, FragmentSpread | InlineFragment):
                walk(selection.selections, prefix)

    for field in info.selected_fields:
        walk(field.selections, "")
    return paths


def changes_of(data: Any, renames: dict[str, str] | None = None) -> dict[str, Any]:
    """The fields a client actually sent in an input object, by model attribute name."""
    renames = renames or {}
    sent = {}
    for name, value in vars(data).items():
        if value is strawberry.UNSET:
            continue
        if hasattr(value, "as_dict"):
            value = value.as_dict()
        sent[renames.get(name, name)] = value
    return sent


def parse_uuids(node_ids: Iterable[str]) -> list[uuid.UUID | None]:
    parsed: list[uuid.UUID | None] = []
    for node_id in node_ids:
        try:
            parsed.append(uuid.UUID(node_id))
        except ValueError:
            parsed.append(None)
    return parsed


async def load_nodes(
    loader: DataLoader[uuid.UUID, Any],
    node_ids: Iterable[str],
    build: Callable[[Any], Any],
    visible: Callable[[Any], bool] = lambda _: True,
) -> list[Any]:
    """Resolve Relay nodes through a loader in one batch; unknown or hidden ids give null."""
    keys = parse_uuids(node_ids)
    rows = await loader.load_many([key for key in keys if key is not None])
    found = iter(rows)
    results = []
    for key in keys:
        row = next(found) if key is not None else None
        results.append(build(row) if row is not None and visible(row) else None)
    return results


TOTAL_COUNT = "Number of items matching the filters, across all pages."

C = TypeVar("C")


def connection(cls: Callable[..., C], page: Page[Any], build: Callable[[Any], Any]) -> C:
    """A Relay connection of type `cls` from a keyset page, each node made by `build`."""
    edges = [relay.Edge(cursor=edge.cursor, node=build(edge.node)) for edge in page.edges]
    return cls(
        edges=edges,
        page_info=relay.PageInfo(
            has_next_page=page.has_next_page,
            has_previous_page=page.has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=page.total_count,
    )
