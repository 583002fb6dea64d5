"""The built frontend: its files under /app/, its pages under /{tenant}/, each tenant's
stylesheet and the demo municipalities' crests.

The pages are the single-page apps' HTML with the tenant's language, name and stylesheet put
in, so the first paint already has the municipality's colours; every other path under the
tenant falls back to them, and the apps' routers take it from there.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from models.tenant import Tenant
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

    def file_response(self, full_path: str | object, *args: object, **kwargs: object) -> Response:
        response = super().file_response(full_path, *args, **kwargs)  # type: ignore[arg-type]
        relative = Path(str(full_path)).relative_to(Path(str(self.directory)).resolve())
        if relative.parts[:1] == ("assets",):
            response.headers["cache-control"] = IMMUTABLE
        else:
            response.headers["cache-control"] = SHORT_CACHE
            response.headers["access-control-allow-origin"] = "*"
        return response


def stylesheet_href(themes: Themes, tenant: Tenant) -> str:
    return f"/{tenant.slug}/theme.css?v={themes.key(tenant.theme.get('primaryColor'))}"


def personalised(page: str, tenant: Tenant, stylesheet: str) -> str:
    """The app's HTML with the tenant's stylesheet, language and name."""
    link = f'<link rel="stylesheet" href="{html.escape(stylesheet)}">'
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
    return HTMLResponse(
        personalised(page, tenant, stylesheet_href(themes, tenant)),
        headers={"cache-control": "no-cache", **PAGE_HEADERS},
    )


async def citizen_page(request: Request) -> Response:
    return await app_page(request, "index.html")


async def operator_page(request: Request) -> Response:
    return await app_page(request, "operator/index.html")


async def theme_css(request: Request) -> Response:
    """The tenant's Bootstrap Italia: compiled on first use, then from the data directory."""
    tenant = await find_tenant(request.app.state.sportello, request.path_params["tenant"])
    if tenant is None:
        return PlainTextResponse("no such municipality", status_code=404)
    themes: Themes = request.app.state.themes
    path = await themes.stylesheet(tenant.theme.get("primaryColor"))
    try:
        stat = await anyio.Path(path).stat()
    except FileNotFoundError:
        return PlainTextResponse(NOT_BUILT, status_code=503)
    etag = f'"{path.stem}-{stat.st_size:x}-{int(stat.st_mtime):x}"'
    headers = {
        "etag": etag,
        "cache-control": SHORT_CACHE,
        "access-control-allow-origin": "*",
    }
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return FileResponse(path, media_type="text/css; charset=utf-8", headers=headers)


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
