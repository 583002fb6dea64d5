"""Security headers: on every response `nosniff`, a referrer policy and, in production, HSTS;
on the apps' HTML pages a Content Security Policy that also forbids framing them."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # Form.io and the kit set style attributes; no inline script is allowed.
        "style-src 'self' 'unsafe-inline'",
        # A municipality's crest may live on its own website.
        "img-src 'self' data: blob: https:",
        "font-src 'self' data:",
        # blob: the page reading what it made itself (the .ics of an appointment).
        "connect-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PAGE_HEADERS = {"content-security-policy": PAGE_POLICY, "x-frame-options": "DENY"}
"""Headers of the citizen area's and the operators' app's pages."""
HSTS = "max-age=31536000; includeSubDomains"


class SecurityHeaders:
    """Adds the headers every response carries, leaving those a route set itself alone."""

    def __init__(self, app: ASGIApp, *, strict_transport: bool) -> None:
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"),
        ]
        if strict_transport:
            self.headers.append((b"strict-transport-security", HSTS.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(header for header in self.headers if header[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, with_headers)
