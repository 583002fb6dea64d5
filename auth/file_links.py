"""Short-lived signed download links: who may read a file is decided when the link is made."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from auth.tokens import InvalidToken, TokenService

DOWNLOAD = "download"


@dataclass(frozen=True)
class DownloadClaims:
    key: str
    filename: str
    content_type: str
    tenant_id: uuid.UUID
    expires_at: int
    """Unix time after which the link no longer works."""


def sign_download(
    tokens: TokenService,
    *,
    key: str,
    filename: str,
    content_type: str,
    tenant_id: uuid.UUID,
    lifetime_seconds: int = 300,
) -> str:
    """The token of `/{tenant}/files/{token}`; give it only to those allowed to read the file."""
    claims = {
        "typ": DOWNLOAD,
        "key": key,
        "name": filename,
        "ctype": content_type,
        "tid": str(tenant_id),
    }
    token, _ = tokens.sign(claims, lifetime_seconds)
    return token


def verify_download(tokens: TokenService, token: str) -> DownloadClaims:
    """The file a link stands for; `ExpiredToken` once it has expired, `InvalidToken` when it
    is malformed, tampered with, or another kind of token (an access token is no link)."""
    claims = tokens.decode(token, DOWNLOAD)
    try:
        return DownloadClaims(
            key=str(claims["key"]),
            filename=str(claims["name"]),
            content_type=str(claims["ctype"]),
            tenant_id=uuid.UUID(claims["tid"]),
            expires_at=int(claims["exp"]),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise InvalidToken(f"not a download link: {error!r}") from error
