"""The built frontend: its files under /app/, its pages under /{tenant}/, each tenant's
stylesheet and the demo municipalities' crests.

The pages are the single-page apps' HTML with the tenant's language, name and stylesheet put
in, so the first paint already has the municipality's colours; every other path under the
tenant falls back to them, and the apps' routers take it from there.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import anyio
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from models.tenant import Tenant
from server.precompressed import COPY_SUFFIXES, file_answer
from server.preload import first_query_link
from server.security_headers import PAGE_HEADERS
from server.tenancy import find_tenant
from server.theme import Themes

HEAD_MARKER = "<!-- sportello:head -->"
IMMUTABLE = "public, max-age=31536000, immutable"
"""Files under /app/assets/ carry a hash of their content in their name."""
SHORT_CACHE = "public, max-age=300"
"""Files whose name stays the same across builds: the widgets' script, fonts, crests."""
NOT_BUILT = "the frontend is not built: run `make run`, or `npm --prefix frontend run build`"
CRESTS = Path(__file__).resolve().parent / "demo" / "crests"
PHOTOS = Path(__file__).resolve().parent / "demo" / "photos"
PHOTO_TYPES = {".svg": "image/svg+xml", ".jpg": "image/jpeg"}

NOT_FOUND_PAGE = """<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagina non trovata</title></head>
<body><main>
<h1>Pagina non trovata</h1>
<p>Nessun comune con questo indirizzo usa lo Sportello.</p>
<p lang="en">Page not found: no municipality at this address uses Sportello.</p>
</main></body>
</html>
"""


class FrontendFiles(StaticFiles):
    """The build's files under /app/: hashed assets cached for good, other files briefly and
    readable from any origin (websites embed the widgets' script and its fonts)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory=directory, check_dir=False)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not await anyio.Path(str(self.directory)).is_dir():
            await PlainTextResponse(NOT_BUILT, status_code=503)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        """The plain file as found; `get_response` then picks what to send for it."""
        return FileResponse(full_path, status_code=status_code, stat_result=stat_result)

    async def get_response(self, path: str, scope: Scope) -> Response:
        """The file or its precompressed copy (`server/precompressed.py`); a copy is no file of
        its own, so asked for by name it is not found."""
        if path.endswith(COPY_SUFFIXES):
            raise HTTPException(status_code=404)
        found = await super().get_response(path, scope)
        if not isinstance(found, FileResponse) or found.stat_result is None:
            return found
        full_path = Path(found.path)
        relative = full_path.relative_to(await anyio.Path(str(self.directory)).resolve())
        if relative.parts[:1] == ("assets",):
            headers = {"cache-control": IMMUTABLE}
        else:
            headers = {"cache-control": SHORT_CACHE, "access-control-allow-origin": "*"}
        return await file_answer(full_path, found.stat_result, Headers(scope=scope), headers)


def stylesheet_href(themes: Themes, tenant: Tenant) -> str:
    return f"/{tenant.slug}/theme.css?v={themes.key(tenant.theme.get('primaryColor'))}"


def personalised(page: str, tenant: Tenant, stylesheet: str) -> str:
    """The app's HTML with the tenant's stylesheet, language, name and crest as its icon."""
    link = f'<link rel="stylesheet" href="{html.escape(stylesheet)}">'
    if icon := tenant.theme.get("logoUrl"):
        link += f'\n<link rel="icon" href="{html.escape(str(icon))}">'
    page = page.replace(HEAD_MARKER, link, 1)
    language = html.escape(tenant.default_language)
    page, replaced = re.subn(r'(<html\b[^>]*?\blang=")[^"]*"', rf'\g<1>{language}"', page, count=1)
    if not replaced:
        page = re.sub(r"<html\b", f'<html lang="{language}"', page, count=1)
    title = f"<title>{html.escape(tenant.name)}</title>"
    return re.sub(r"<title>.*?</title>", lambda _: title, page, count=1, flags=re.DOTALL)


async def app_page(request: Request, index: str) -> Response:
    tenant = await find_tenant(request.app.state.sportello, request.path_params["tenant"])
    if tenant is None:
        return HTMLResponse(NOT_FOUND_PAGE, status_code=404, headers=PAGE_HEADERS)
    path = request.app.state.settings.frontend_dir / index
    try:
        page = await anyio.Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return PlainTextResponse(NOT_BUILT, status_code=503)
    themes: Themes = request.app.state.themes
    preload = first_query_link(request.app.state.documents, tenant.slug)
    page = page.replace(HEAD_MARKER, f"{preload}\n{HEAD_MARKER}", 1)
    return HTMLResponse(
        personalised(page, tenant, stylesheet_href(themes, tenant)),
        headers={"cache-control": "no-cache", **PAGE_HEADERS},
    )


async def citizen_page(request: Request) -> Response:
    return await app_page(request, "index.html")


async def operator_page(request: Request) -> Response:
    return await app_page(request, "operator/index.html")


async def theme_css(request: Request) -> Response:
    """The tenant's Bootstrap Italia: compiled on first use, then from the data directory, in
    brotli or gzip to browsers that take it (the compile writes both)."""
    tenant = await find_tenant(request.app.state.sportello, request.path_params["tenant"])
    if tenant is None:
        return PlainTextResponse("no such municipality", status_code=404)
    themes: Themes = request.app.state.themes
    path = await themes.stylesheet(tenant.theme.get("primaryColor"))
    try:
        stat = await anyio.Path(path).stat()
    except FileNotFoundError:
        return PlainTextResponse(NOT_BUILT, status_code=503)
    headers = {"cache-control": SHORT_CACHE, "access-control-allow-origin": "*"}
    return await file_answer(path, stat, request.headers, headers, "text/css; charset=utf-8")


async def crest(request: Request) -> Response:
    """A demo municipality's crest (`server/demo/crests/{slug}.svg`), so the demo pages load
    nothing from other sites; real municipalities point `theme.logoUrl` at their own."""
    slug = request.path_params["tenant"]
    path = CRESTS / f"{slug}.svg"
    if not re.fullmatch(r"[a-z0-9-]+", slug) or not await anyio.Path(path).is_file():
        return PlainTextResponse("no crest for this municipality", status_code=404)
    return FileResponse(
        path,
        media_type="image/svg+xml",
        headers={"cache-control": SHORT_CACHE, "access-control-allow-origin": "*"},
    )


async def photo(request: Request) -> Response:
    """A photo of a demo municipality's resources (`server/demo/photos/{slug}/{name}`), so the
    demo pages load nothing from other sites; real municipalities give `photoUrl` their own."""
    slug, name = request.path_params["tenant"], request.path_params["name"]
    path = PHOTOS / slug / name
    if (
        not re.fullmatch(r"[a-z0-9-]+", slug)
        or not re.fullmatch(r"[a-z0-9-]+\.(svg|jpg)", name)
        or not await anyio.Path(path).is_file()
    ):
        return PlainTextResponse("no such photo", status_code=404)
    return FileResponse(
        path,
        media_type=PHOTO_TYPES[path.suffix],
        headers={"cache-control": SHORT_CACHE, "access-control-allow-origin": "*"},
    )
