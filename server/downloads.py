"""`GET /{tenant}/files/{token}`: the bytes of a stored file, for the holder of a signed link."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from auth.file_links import verify_download
from auth.tokens import ExpiredToken, InvalidToken
from models.clock import unix_now
from server.download_refusals import refusal
from server.state import AppState
from server.tenancy import find_tenant

RFC5987_SAFE = "!#$&+-.^_`|~"
"""`attr-char` of RFC 5987 beside letters and digits: everything else is percent-encoded."""


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266, 5987)."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode().strip()
    fallback = "".join(
        "_" if char in '"\\' or not char.isprintable() else char for char in ascii_name
    )
    exact = quote(filename, safe=RFC5987_SAFE)
    return f"attachment; filename=\"{fallback or 'file'}\"; filename*=UTF-8''{exact}"


async def download(request: Request) -> Response:
    """The file, or why not in the reader's language (`server.download_refusals`)."""
    state: AppState = request.app.state.sportello
    tenant = await find_tenant(state, request.path_params["tenant"])
    try:
        link = verify_download(state.tokens, request.path_params["token"])
    except ExpiredToken:
        return refusal(request, tenant, 403, "LINK_EXPIRED")
    except InvalidToken:
        return refusal(request, tenant, 403, "INVALID_LINK")
    if tenant is None or tenant.id != link.tenant_id:
        return refusal(request, tenant, 404, "NOT_FOUND")
    try:
        content = await state.storage.get(link.key)
    except FileNotFoundError:
        return refusal(request, tenant, 404, "FILE_NOT_FOUND")
    remaining = max(0, link.expires_at - unix_now())
    return Response(
        content,
        media_type=link.content_type,
        headers={
            "Content-Disposition": content_disposition(link.filename),
            "Cache-Control": f"private, max-age={remaining}",
            "X-Content-Type-Options": "nosniff",
            # Should a browser render it anyway, an uploaded file runs no script.
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )
