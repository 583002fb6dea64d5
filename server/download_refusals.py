"""What a refused download says, in the reader's language: a page for a person who opened the
link in the browser, JSON (`code`, `message`) for a program or an app that fetched it."""

from __future__ import annotations

import html
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from models.i18n import Language, negotiate_language
from models.tenant import Tenant
from server.frontend import stylesheet_href
from server.security_headers import PAGE_HEADERS


@dataclass(frozen=True)
class Wording:
    title: str
    text: str


REFUSALS: dict[str, dict[str, Wording]] = {
    "LINK_EXPIRED": {
        "it": Wording(
            "Il link per scaricare il file è scaduto",
            "Per sicurezza un link per scaricare un file vale solo pochi minuti. Torna alla "
            "pagina da cui l'hai aperto e fai di nuovo clic sul file: il download partirà.",
        ),
        "en": Wording(
            "The download link has expired",
            "For your security a link to download a file works for a few minutes only. Go "
            "back to the page you opened it from and click the file again: it will download.",
        ),
        "de": Wording(
            "Der Download-Link ist abgelaufen",
            "Aus Sicherheitsgründen gilt ein Link zum Herunterladen nur wenige Minuten. Kehren "
            "Sie zu der Seite zurück, von der Sie ihn geöffnet haben, und klicken Sie erneut "
            "auf die Datei: Der Download startet dann.",
        ),
    },
    "INVALID_LINK": {
        "it": Wording(
            "Il link per scaricare il file non è valido",
            "L'indirizzo è incompleto o non è un link dello Sportello. Apri il file dalla "
            "pagina della pratica.",
        ),
        "en": Wording(
            "The download link is not valid",
            "The address is incomplete or not a link of this service desk. Open the file "
            "from the page of the application.",
        ),
        "de": Wording(
            "Der Download-Link ist ungültig",
            "Die Adresse ist unvollständig oder kein Link dieses Bürgerservice. Öffnen Sie "
            "die Datei auf der Seite des Antrags.",
        ),
    },
    "NOT_FOUND": {
        "it": Wording(
            "File non trovato", "Questo file non appartiene al Comune di questo indirizzo."
        ),
        "en": Wording(
            "File not found", "This file does not belong to the municipality of this address."
        ),
        "de": Wording(
            "Datei nicht gefunden", "Diese Datei gehört nicht zur Gemeinde dieser Adresse."
        ),
    },
    "FILE_NOT_FOUND": {
        "it": Wording(
            "Il file non è più disponibile",
            "Il file non è più conservato: forse è stato eliminato, ad esempio insieme alla "
            "bozza a cui era allegato.",
        ),
        "en": Wording(
            "The file is no longer available",
            "The file is no longer stored: it may have been deleted, for instance with the "
            "draft it was attached to.",
        ),
        "de": Wording(
            "Die Datei ist nicht mehr verfügbar",
            "Die Datei wird nicht mehr aufbewahrt: Vielleicht wurde sie gelöscht, etwa "
            "zusammen mit dem Entwurf, an den sie angehängt war.",
        ),
    },
}
BACK = {
    "it": "Vai allo Sportello",
    "en": "Go to the service desk",
    "de": "Zum Bürgerservice",
}

PAGE = """<!doctype html>
<html lang="{language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{stylesheet}</head>
<body><main class="container my-5">
<h1 class="h2">{title}</h1>
<p class="lead">{text}</p>
{back}
</main></body>
</html>
"""


def reader_language(request: Request, tenant: Tenant | None) -> str:
    """The reader's language by `Accept-Language`, among the interface's languages (the apps
    offer all three whatever the municipality writes its texts in), else the municipality's."""
    interface = [language.value for language in Language]
    default = tenant.default_language if tenant else Language.IT.value
    language = negotiate_language(request.headers.get("accept-language"), interface, default)
    return language if language in BACK else Language.IT.value


def wants_page(request: Request) -> bool:
    """A browser opening the link asks for HTML; `fetch` and programs do not."""
    return "text/html" in request.headers.get("accept", "")


def refusal(request: Request, tenant: Tenant | None, status: int, code: str) -> Response:
    language = reader_language(request, tenant)
    wording = REFUSALS[code][language]
    headers = {
        "cache-control": "no-store",
        "content-language": language,
        "vary": "accept, accept-language",
    }
    if not wants_page(request):
        body = {"code": code, "message": f"{wording.title}. {wording.text}"}
        return JSONResponse(body, status_code=status, headers=headers)
    stylesheet = back = ""
    if tenant is not None:
        href = stylesheet_href(request.app.state.themes, tenant)
        stylesheet = f'<link rel="stylesheet" href="{html.escape(href)}">'
        home = html.escape(f"/{tenant.slug}/")
        back = f'<p><a class="btn btn-primary" href="{home}">{BACK[language]}</a></p>'
    page = PAGE.format(
        language=language,
        title=html.escape(wording.title),
        text=html.escape(wording.text),
        stylesheet=stylesheet,
        back=back,
    )
    return HTMLResponse(page, status_code=status, headers={**headers, **PAGE_HEADERS})
