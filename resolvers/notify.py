"""Mail to citizens and operators: the `Notifier` protocol, sent over SMTP or into the log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib
import structlog

Attachment = tuple[str, bytes, str]
"""File name, content, MIME type (`application/pdf`)."""

log = structlog.get_logger("sportello")

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


class Notifier(Protocol):
    async def send(
        self, to: str, subject: str, text: str, attachments: Sequence[Attachment] = ()
    ) -> None:
        """Deliver one plain-text message; raises when the mail server refuses or is down."""
        ...


def compose_message(
    mail_from: str, to: str, subject: str, text: str, attachments: Sequence[Attachment]
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    domain = parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(text)
    for filename, content, content_type in attachments:
        maintype, _, subtype = content_type.partition("/")
        message.add_attachment(
            content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=filename,
        )
    return message


def _flag(query: dict[str, list[str]], name: str) -> bool | None:
    if name not in query:
        return None
    word = query[name][-1].strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"SPORTELLO_SMTP_URL: {name}={word!r} is neither 1 nor 0")


@dataclass(frozen=True)
class SmtpServer:
    """Where and how to hand mail over, read from `SPORTELLO_SMTP_URL`.

    `smtp://user:pass@host:587?starttls=1`: STARTTLS required (`starttls=0` never; without
    the parameter it is used when the server offers it). `smtps://host:465`: TLS from the
    first byte. The port defaults to 25 (smtp) or 465 (smtps); user and password are
    percent-decoded.
    """

    hostname: str
    port: int
    username: str | None
    password: str | None
    use_tls: bool
    start_tls: bool | None

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError("SPORTELLO_SMTP_URL must start with smtp:// or smtps://")
        if not parts.hostname:
            raise ValueError("SPORTELLO_SMTP_URL has no host")
        query = parse_qs(parts.query)
        use_tls = parts.scheme == "smtps"
        start_tls = _flag(query, "starttls")
        if use_tls and start_tls:
            raise ValueError("SPORTELLO_SMTP_URL: smtps:// is TLS already; drop starttls=1")
        return cls(
            hostname=parts.hostname,
            port=parts.port or (465 if use_tls else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password is not None else None,
            use_tls=use_tls,
            start_tls=False if use_tls else start_tls,
        )


class SmtpNotifier:
    """Hands every message to an SMTP server (one connection per message)."""

    def __init__(self, server: SmtpServer, mail_from: str, timeout: float = 30) -> None:
        self.server = server
        self.mail_from = mail_from
        self.timeout = timeout

    async def send(
        self, to: str, subject: str, text: str, attachments: Sequence[Attachment] = ()
    ) -> None:
        message = compose_message(self.mail_from, to, subject, text, attachments)
        await aiosmtplib.send(
            message,
            hostname=self.server.hostname,
            port=self.server.port,
            username=self.server.username,
            password=self.server.password,
            use_tls=self.server.use_tls,
            start_tls=self.server.start_tls,
            timeout=self.timeout,
        )
        log.info("mail.sent", to=to, subject=subject, attachments=len(attachments))


class LogNotifier:
    """The development default, when `SPORTELLO_SMTP_URL` is unset: nothing leaves the
    machine; each message, its text included, is written to the log as `mail.logged`."""

    def __init__(self, mail_from: str) -> None:
        self.mail_from = mail_from

    async def send(
        self, to: str, subject: str, text: str, attachments: Sequence[Attachment] = ()
    ) -> None:
        log.info(
            "mail.logged",
            mail_from=self.mail_from,
            to=to,
            subject=subject,
            text=text,
            attachments=[
                {"filename": name, "content_type": content_type, "bytes": len(content)}
                for name, content, content_type in attachments
            ],
        )


def open_notifier(smtp_url: str | None, mail_from: str) -> Notifier:
    """The SMTP notifier of `smtp_url`, or the log-only one when it is unset."""
    if not smtp_url:
        return LogNotifier(mail_from)
    return SmtpNotifier(SmtpServer.from_url(smtp_url), mail_from)
