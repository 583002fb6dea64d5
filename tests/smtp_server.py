"""A real SMTP server for the tests: aiosmtpd, keeping every accepted mail in a Maildir.

    python tests/smtp_server.py PORT MAILDIR [USER PASSWORD]

With USER and PASSWORD, a client must log in (AUTH PLAIN or LOGIN, over plain TCP: there is
no certificate here) before the server accepts mail. It runs until SIGTERM or SIGINT.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import Any

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def authenticator(user: str, password: str) -> Any:
    def check(
        server: SMTP, session: object, envelope: object, mechanism: str, data: object
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok, handled=False)

    return check


async def serve(port: int, maildir: str, credentials: list[str]) -> None:
    handler = Mailbox(maildir)
    options: dict[str, Any] = {}
    if credentials:
        user, password = credentials
        options = {
            "authenticator": authenticator(user, password),
            "auth_required": True,
            "auth_require_tls": False,
        }
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", port)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    port, maildir, *credentials = sys.argv[1:]
    if len(credentials) not in (0, 2):
        raise SystemExit(__doc__)
    asyncio.run(serve(int(port), maildir, credentials))
