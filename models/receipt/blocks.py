"""The submitted data as a flat list of printable blocks, in the order and nesting of the form."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.formio.tree import (
    NO_VALUE_TYPES,
    Component,
    children,
    ctype,
    holds_value,
    is_grid,
    is_layout,
    is_record,
    label,
    level_components,
)
from models.receipt.texts import EMPTY, word
from models.receipt.values import format_value, plain

MAX_TABLE_COLUMNS = 4
"""Wider grids print as numbered rows: a table of more columns is unreadable on A4."""
MAX_CELL_CHARS = 300
MAX_CELL_LINES = 8
"""A table row must fit on one page: grids with longer cells print as numbered rows."""


@dataclass(frozen=True)
class Heading:
    """A section: a panel, fieldset or tab title, a container's or a grid's label, a row."""

    text: str
    depth: int


@dataclass(frozen=True)
class Field:
    """One answer: the component's label and its value as text."""

    label: str
    value: str
    depth: int


@dataclass(frozen=True)
class Table:
    """A datagrid or editgrid: column labels and one line of texts per row."""

    label: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    depth: int


Block = Heading | Field | Table


def _skipped(component: Component) -> bool:
    """Never printed: no value (button, content, html), hidden fields, hidden in the form."""
    kind = ctype(component)
    return kind in NO_VALUE_TYPES or kind == "hidden" or component.get("hidden") is True


def _section_title(component: Component) -> str:
    title = component.get("title") or component.get("legend") or ""
    return str(title)


def _components(node: Any) -> list[Component]:
    found = node.get("components") if isinstance(node, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def submission_blocks(
    definition: dict[str, Any], data: dict[str, Any], language: str
) -> list[Block]:
    """Walk the form's component tree and print what `data` holds for each component."""
    return _walk(_components(definition), data if isinstance(data, dict) else {}, 0, language)


def _walk(
    components: list[Component], data: dict[str, Any], depth: int, language: str
) -> list[Block]:
    blocks: list[Block] = []
    for component in components:
        blocks.extend(_component(component, data, depth, language))
    return blocks


def _component(
    component: Component, data: dict[str, Any], depth: int, language: str
) -> list[Block]:
    if _skipped(component):
        return []
    if ctype(component) == "tabs":
        return _tabs(component, data, depth, language)
    if is_layout(component):
        return _section(_section_title(component), children(component), data, depth, language)
    if not holds_value(component) or component["key"] not in data:
        return []
    value = data[component["key"]]
    if is_record(component) and ctype(component) != "address" and isinstance(value, dict):
        title = "" if component.get("hideLabel") else label(component)
        return _section(title, children(component), value, depth, language)
    if is_grid(component) and isinstance(value, list) and value:
        return _grid(component, value, depth, language)
    return [Field(label(component), format_value(component, value, language), depth)]


def _section(
    title: str, components: list[Component], data: dict[str, Any], depth: int, language: str
) -> list[Block]:
    """A titled group of blocks; nothing at all when none of its components has a value."""
    inner = _walk(components, data, depth + 1 if title else depth, language)
    if not inner or not title:
        return inner
    return [Heading(title, depth), *inner]


def _tabs(component: Component, data: dict[str, Any], depth: int, language: str) -> list[Block]:
    """Each pane of a tabs component is a section titled with the pane's label."""
    blocks: list[Block] = []
    for pane in _components(component):
        if "components" in pane:
            title = str(pane.get("label") or "")
            blocks.extend(_section(title, _components(pane), data, depth, language))
        else:
            blocks.extend(_component(pane, data, depth, language))
    return blocks


def _columns(grid: Component, rows: list[Any]) -> list[Component]:
    """The grid's printable columns that hold a value in at least one row."""
    return [
        column
        for key, column in level_components(children(grid)).items()
        if not _skipped(column) and any(isinstance(row, dict) and key in row for row in rows)
    ]


def _grid(grid: Component, rows: list[Any], depth: int, language: str) -> list[Block]:
    """A table when it fits the page, else one numbered section per row."""
    columns = _columns(grid, rows)
    table = _table(grid, columns, rows, depth, language)
    if table is not None:
        return [table]
    blocks: list[Block] = [Heading(label(grid), depth)]
    for number, row in enumerate(rows, start=1):
        title = word("ROW", language, n=number)
        if isinstance(row, dict):
            blocks.extend(_section(title, children(grid), row, depth + 1, language))
        else:
            blocks.append(Field(title, plain(row, language) or EMPTY, depth + 1))
    return blocks


def _table(
    grid: Component, columns: list[Component], rows: list[Any], depth: int, language: str
) -> Table | None:
    simple = all(
        not is_grid(column) and not (is_record(column) and ctype(column) != "address")
        for column in columns
    )
    if not columns or len(columns) > MAX_TABLE_COLUMNS or not simple:
        return None
    if not all(isinstance(row, dict) for row in rows):
        return None
    cells = tuple(
        tuple(
            format_value(column, row[column["key"]], language) if column["key"] in row else ""
            for column in columns
        )
        for row in rows
    )
    if any(_too_long(cell) for line in cells for cell in line):
        return None
    headers = tuple(label(column) for column in columns)
    return Table(label(grid), headers, cells, depth)


def _too_long(cell: str) -> bool:
    return len(cell) > MAX_CELL_CHARS or cell.count("\n") >= MAX_CELL_LINES
