"""Form.io definitions: saving a new version, reading forms and their history."""

from __future__ import annotations

from typing import Any

from beanie import SortDirection
from bson import ObjectId
from pymongo import ReturnDocument

from models.clock import utcnow
from models.form import FormHead, FormVersion
from models.formio import find_code
from models.formio.messages import LANGUAGES
from models.formio.profile import PROFILE_FIELDS, ProfileProblem, profile_problems
from models.formio.translations import (
    MAX_ENTRIES,
    MAX_TEXT,
    TranslationProblem,
    translation_problems,
)
from resolvers.context import Context
from resolvers.errors import ErrorCode, Outcome, Problem
from resolvers.limits import NAME
from resolvers.loaders import object_ids
from resolvers.pagination import Edge, Page, PageRequest, PaginationError
from resolvers.wording import say


def check_definition(title: str, definition: Any) -> list[Problem]:
    """The shape every Form.io definition has; component rules are checked with practices."""
    problems = []
    if not title.strip() or len(title) > NAME:
        message = say("Give a title of 1 to {count} characters.", count=NAME)
        problems.append(Problem("title", ErrorCode.REQUIRED, message))
    if not isinstance(definition, dict):
        message = say("The definition must be a JSON object.")
        problems.append(Problem("definition", ErrorCode.INVALID, message))
    elif not isinstance(definition.get("components"), list):
        message = say("A Form.io definition needs a `components` list.")
        problems.append(Problem("definition", ErrorCode.INVALID, message))
    elif scripted := find_code(definition):
        message = say(
            "The server does not run JavaScript: remove the custom validation, custom "
            "condition or calculated value of: {fields}.",
            fields=", ".join(scripted),
        )
        problems.append(Problem("definition", ErrorCode.SCRIPT_NOT_ALLOWED, message))
    else:
        problems.extend(
            Problem("definition.i18n", ErrorCode.INVALID, translation_message(problem))
            for problem in translation_problems(definition.get("i18n"))
        )
        problems.extend(
            Problem("definition.profile", ErrorCode.INVALID, profile_message(problem))
            for problem in profile_problems(definition)
        )
    return problems


def profile_message(problem: ProfileProblem) -> str:
    """What is wrong with the definition's `profile` (the fields the applicant's data fills)."""
    match problem.kind:
        case "NOT_AN_OBJECT":
            return say("`profile` must map data paths of the form to profile fields.")
        case "UNKNOWN_PROFILE_FIELD":
            return say(
                "`profile.{path}`: {field} is not a profile field; use one of {fields}.",
                path=problem.path,
                field=problem.field,
                fields=", ".join(PROFILE_FIELDS),
            )
        case _:
            return say("`profile.{path}`: the form has no such field.", path=problem.path)


def translation_message(problem: TranslationProblem) -> str:
    """What is wrong with the definition's translations (`i18n`), said to its administrator."""
    language, languages = problem.language, ", ".join(LANGUAGES)
    match problem.kind:
        case "NOT_AN_OBJECT":
            return say("`i18n` must be an object with one object of texts per language.")
        case "UNKNOWN_LANGUAGE":
            return say(
                "`i18n` may hold the languages {languages} only, not {code}.",
                languages=languages,
                code=language,
            )
        case "TEXTS_NOT_AN_OBJECT":
            return say("`i18n.{code}` must be an object of texts.", code=language)
        case "TOO_MANY":
            return say(
                "`i18n.{code}` may hold at most {count} texts.",
                code=language,
                count=MAX_ENTRIES,
            )
        case "NOT_TEXT":
            return say("The translations in `i18n.{code}` must be texts.", code=language)
        case "TOO_LONG":
            return say(
                "The texts in `i18n.{code}` may have at most {count} characters.",
                code=language,
                count=MAX_TEXT,
            )
        case "SCRIPT":
            return say("The texts in `i18n.{code}` may not hold scripts.", code=language)


async def next_version(ctx: Context, form_id: str | None, title: str) -> FormHead | None:
    """Reserve the next version number atomically, creating the form on its first save."""
    if form_id is None:
        head = FormHead(tenant_id=ctx.tenant.id, title=title, current_version=1)
        await head.insert()
        return head
    ids = object_ids([form_id])
    if not ids:
        return None
    raw = await FormHead.get_pymongo_collection().find_one_and_update(
        {"_id": ids[0], "tenant_id": ctx.tenant.id},
        {"$inc": {"current_version": 1}, "$set": {"title": title, "updated_at": utcnow()}},
        return_document=ReturnDocument.AFTER,
    )
    return None if raw is None else FormHead.model_validate(raw)


async def save_form(
    ctx: Context, form_id: str | None, title: str, definition: Any
) -> Outcome[FormVersion]:
    """Store `definition` as the newest version of a form (a new form when no id is given)."""
    problems = check_definition(title, definition)
    if problems:
        return Outcome.failed(*problems)
    head = await next_version(ctx, form_id, title.strip())
    if head is None:
        return Outcome.failed(
            Problem("formId", ErrorCode.NOT_FOUND, say("This form does not exist."))
        )
    version = FormVersion(
        form_id=str(head.id),
        tenant_id=ctx.tenant.id,
        version=head.current_version,
        title=head.title,
        definition=definition,
        author_id=ctx.viewer.user_id,
    )
    await version.insert()
    ctx.loaders.form.prime(str(head.id), head)
    return Outcome(version)


async def list_forms(ctx: Context, page: PageRequest, with_total: bool) -> Page[FormHead]:
    """The tenant's forms, newest first, for its administrators; cursors are form ids."""
    scope: dict[str, Any] = {"tenant_id": ctx.tenant.id}
    total = await FormHead.find(scope).count() if with_total else None
    bounds: dict[str, Any] = {}
    if page.after is not None:
        bounds["$lt"] = cursor_id(page.after)
    if page.before is not None:
        bounds["$gt"] = cursor_id(page.before)
    if bounds:
        scope["_id"] = bounds
    newest_first = not page.backward
    query = FormHead.find(scope).sort(
        [("_id", SortDirection.DESCENDING if newest_first else SortDirection.ASCENDING)]
    )
    heads = await query.limit(page.size + 1).to_list()
    has_more = len(heads) > page.size
    heads = heads[: page.size]
    if not newest_first:
        heads.reverse()
    edges = [Edge(str(head.id), head) for head in heads]
    if newest_first:
        return Page(edges, has_more, page.after is not None, total)
    return Page(edges, page.before is not None, has_more, total)


def cursor_id(cursor: str) -> ObjectId:
    ids = object_ids([cursor])
    if not ids:
        raise PaginationError(say("The cursor {cursor} is not valid.", cursor=repr(cursor)))
    return ids[0]
