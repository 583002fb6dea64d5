"""The language of the request being served, and `say`: a message of the server in it."""

from __future__ import annotations

from contextvars import ContextVar

from models.i18n import Language, negotiate_language
from models.wording import word

REQUEST_LANGUAGE: ContextVar[str] = ContextVar("request_language", default=Language.EN.value)
"""Set for each request: from `Accept-Language` as soon as the request arrives, then among
the municipality's languages when its context is made (`resolvers.context.Context`). Each
request runs in its own task, which copies the context, so no request sees another's."""

EVERY_LANGUAGE = [language.value for language in Language]


def use_language(language: str) -> None:
    """Word the messages of the rest of this request in `language`."""
    REQUEST_LANGUAGE.set(language)


def reader_language(accept_language: str | None, default: str = Language.IT.value) -> str:
    """The first of the interface's languages the caller accepts, else `default` (the
    municipality's). The apps offer all three whatever languages a municipality writes its
    own texts in; those texts fall back to its default language on their own."""
    return negotiate_language(accept_language, EVERY_LANGUAGE, default)


def use_accepted_language(accept_language: str | None) -> None:
    """Before the municipality is known: the caller's language, Italian when none of ours."""
    use_language(reader_language(accept_language))


def say(template: str, /, **params: object) -> str:
    """The message `template` (an English sentence, the key of `models.wording.MESSAGES`) in
    the language of the request being served."""
    return word(template, REQUEST_LANGUAGE.get(), **params)


def megabytes(count: int) -> str:
    """A number of bytes in megabytes (MiB) as the request's language writes it: 1.5 or 1,5."""
    text = f"{count / (1024 * 1024):.1f}".removesuffix(".0")
    return text if REQUEST_LANGUAGE.get() == Language.EN.value else text.replace(".", ",")
