"""The submission pipeline: unknown fields, defaults, conditionals, hiding, validation."""

from __future__ import annotations

import copy
import json
from typing import Any

from models.formio.files import FileExists, check_files, readable_types
from models.formio.logic import Scope, visible
from models.formio.messages import format_size, pick_language, render
from models.formio.result import FormProblem, ValidationResult, index, join
from models.formio.rules import (
    Issue,
    check_boxes,
    check_scalar,
    check_selected,
    count_limit,
    is_empty,
    shown,
)
from models.formio.translations import translations
from models.formio.tree import (
    MULTIPLE_TYPES,
    Component,
    button_keys,
    children,
    ctype,
    holds_value,
    is_grid,
    is_layout,
    is_record,
    label,
    level_components,
    validate_rules,
)


def _components(node: dict[str, Any]) -> list[Component]:
    found = node.get("components")
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _required(component: Component) -> bool:
    flag = validate_rules(component).get("required")
    return flag is True or flag == "true"


class _Run:
    """State of one validation: the working copy of the data and the problems so far."""

    def __init__(
        self, language: str, file_exists: FileExists | None, names: dict[str, str]
    ) -> None:
        self.language = language
        self.file_exists = file_exists
        # The definition's own translations: fields are named as the person reads them.
        self.names = names
        self.problems: list[FormProblem] = []
        self.shown: list[tuple[Component, dict[str, Any], str]] = []

    def report(self, component: Component, path: str, issue: Issue) -> None:
        custom = validate_rules(component).get("customMessage")
        if isinstance(custom, str) and custom and issue.code not in ("REQUIRED", "UNKNOWN_FIELD"):
            message = self.names.get(custom, custom)
        else:
            name = label(component)
            params: dict[str, object] = {"label": self.names.get(name, name), **issue.params}
            # Limits of files are written the way the language writes sizes and names types.
            if isinstance(size := params.pop("bytes", None), int):
                params["limit"] = format_size(size, self.language)
            if isinstance(types := params.pop("types", None), str):
                params["limit"] = readable_types(types, pick_language(self.language))
            message = render(issue.message_id or issue.code, self.language, **params)
        self.problems.append(FormProblem(path + issue.suffix, issue.code, message))

    # (1) unknown fields and (2) defaults -------------------------------------------------
    def prepare(self, components: list[Component], data: dict[str, Any], path: str) -> dict:
        level = level_components(components)
        buttons = button_keys(components)
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key in level:
                out[key] = value
            elif key not in buttons:
                self.report({"key": key}, join(path, key), Issue("UNKNOWN_FIELD", {}))
        for key, component in level.items():
            if key not in out and component.get("defaultValue") is not None:
                out[key] = copy.deepcopy(component["defaultValue"])
            value, inner = out.get(key), join(path, key)
            if is_record(component):
                if key not in out:
                    value = out[key] = {}
                if isinstance(value, dict):
                    out[key] = self.prepare(children(component), value, inner)
            elif is_grid(component) and isinstance(value, list):
                out[key] = [
                    self.prepare(children(component), row, index(inner, n))
                    if isinstance(row, dict)
                    else row
                    for n, row in enumerate(value)
                ]
            elif key in out:
                out[key] = copy.deepcopy(value)
        return out

    # (3) conditionals and (4) hiding ---------------------------------------------------
    def visit(
        self, components: list[Component], level: dict, path: str, scopes: list[Scope]
    ) -> None:
        root = scopes[0].data
        for component in components:
            if not visible(component, scopes, root):
                self.drop(component, level)
            elif is_layout(component):
                self.visit(children(component), level, path, scopes)
            elif holds_value(component):
                key = component["key"]
                inner = join(path, key)
                self.shown.append((component, level, inner))
                value = level.get(key)
                sub = children(component)
                keys = frozenset(level_components(sub))
                prefix = (*scopes[-1].prefix, key)
                if is_record(component) and isinstance(value, dict):
                    self.visit(sub, value, inner, [*scopes, Scope(prefix, value, keys)])
                elif is_grid(component) and isinstance(value, list):
                    for n, row in enumerate(value):
                        if isinstance(row, dict):
                            row_scopes = [*scopes, Scope(prefix, row, keys)]
                            self.visit(sub, row, index(inner, n), row_scopes)

    def drop(self, component: Component, level: dict) -> None:
        if is_layout(component):
            for key in level_components(children(component)):
                level.pop(key, None)
        elif holds_value(component):
            level.pop(component["key"], None)

    # (5) validation --------------------------------------------------------------------
    def check(self, component: Component, level: dict, path: str) -> None:
        value = level.get(component["key"])
        kind = ctype(component)
        empty = is_empty(component, value)
        if empty and _required(component):
            self.report(component, path, Issue("REQUIRED", {}))
        if is_grid(component):
            self.check_grid(component, value, path)
            return
        if kind == "selectboxes":
            issues = (
                check_selected(component, value) if value is None else check_boxes(component, value)
            )
        elif empty:
            return
        elif is_record(component):
            issues = [] if isinstance(value, dict) else [Issue("INVALID_TYPE", {})]
        elif kind == "file":
            issues = check_files(component, value, self.file_exists)
        elif component.get("multiple") and kind in MULTIPLE_TYPES:
            issues = self.check_multiple(component, value)
        else:
            issues = check_scalar(component, value)
        for issue in issues:
            self.report(component, path, issue)

    def check_multiple(self, component: Component, value: Any) -> list[Issue]:
        if not isinstance(value, list):
            return [Issue("INVALID_TYPE", {})]
        issues: list[Issue] = []
        for n, item in enumerate(value):
            if not is_empty(component, item):
                for issue in check_scalar(component, item):
                    issues.append(issue._replace(suffix=f"[{n}]{issue.suffix}"))
        return issues

    def check_grid(self, component: Component, value: Any, path: str) -> None:
        if value is None:
            value = []
        if not isinstance(value, list):
            self.report(component, path, Issue("INVALID_TYPE", {}))
            return
        for n, row in enumerate(value):
            if not isinstance(row, dict):
                self.report(component, index(path, n), Issue("INVALID_TYPE", {}))
        rules = validate_rules(component)
        low, high = count_limit(rules, "minLength"), count_limit(rules, "maxLength")
        if low is not None and len(value) < low:
            self.report(component, path, Issue("MIN_LENGTH", {"limit": shown(low)}, "", "MIN_ROWS"))
        if high is not None and len(value) > high:
            issue = Issue("MAX_LENGTH", {"limit": shown(high)}, "", "MAX_ROWS")
            self.report(component, path, issue)
        rows = [row for row in value if isinstance(row, dict)]
        for key, column in level_components(children(component)).items():
            if column.get("unique") is True:
                self.check_unique(column, key, rows, path)

    def check_unique(self, column: Component, key: str, rows: list[dict], path: str) -> None:
        seen: set[str] = set()
        for n, row in enumerate(rows):
            value = row.get(key)
            if is_empty(column, value):
                continue
            if isinstance(value, str):
                token = value.strip().casefold()
            else:
                token = json.dumps(value, sort_keys=True)
            if token in seen:
                self.report(column, join(index(path, n), key), Issue("NOT_UNIQUE", {}))
            seen.add(token)


def validate_submission(
    definition: dict[str, Any],
    data: dict[str, Any],
    *,
    language: str = "it",
    file_exists: FileExists | None = None,
) -> ValidationResult:
    """Validate `data` against the Form.io `definition`; every problem is reported at once.

    Order: unknown keys, defaults, conditionals (top-down, a hidden parent hides its
    children), dropping hidden values, then the rules of the visible components.
    `file_exists(reference)` may confirm that an uploaded file belongs to the user.
    """
    run = _Run(language, file_exists, translations(definition, pick_language(language)))
    if not isinstance(data, dict):
        run.report({"key": ""}, "", Issue("INVALID_TYPE", {}))
        return ValidationResult(False, {}, run.problems)
    components = _components(definition)
    cleaned = run.prepare(components, data, "")
    keys = frozenset(level_components(components))
    run.visit(components, cleaned, "", [Scope((), cleaned, keys)])
    for component, level, path in run.shown:
        run.check(component, level, path)
    return ValidationResult(not run.problems, cleaned, run.problems)
