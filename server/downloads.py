"""`GET /{tenant}/files/{token}`: the bytes of a stored file, for the holder of a signed link."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from auth.file_links import verify_download
from auth.tokens import ExpiredToken, InvalidToken
from models.clock import unix_now
from server.state import AppState
from server.tenancy import find_tenant

RFC5987_SAFE = "!#$&+-.^_`|~"
"""`attr-char` of RFC 5987 beside letters and digits: everything else is percent-encoded."""


def refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status)


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266, 5987)."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode().strip()
    fallback = "".join(
        "_" if char in '"\\' or not char.isprintable() else char for char in ascii_name
    )
    exact = quote(filename, safe=RFC5987_SAFE)
    return f"attachment; filename=\"{fallback or 'file'}\"; filename*=UTF-8''{exact}"


async def download(request: Request) -> Response:
    state: AppState = request.app.state.sportello
    try:
        link = verify_download(state.tokens, request.path_params["token"])
    except ExpiredToken:
        return refusal(403, "LINK_EXPIRED", "this download link has expired: ask for a new one")
    except InvalidToken:
        return refusal(403, "INVALID_LINK", "this is not a valid download link")
    tenant = await find_tenant(state, request.path_params["tenant"])
    if tenant is None or tenant.id != link.tenant_id:
        return refusal(404, "NOT_FOUND", "no such file in this municipality")
    try:
        content = await state.storage.get(link.key)
    except FileNotFoundError:
        return refusal(404, "FILE_NOT_FOUND", "the file is no longer stored")
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
