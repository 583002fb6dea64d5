"""Pure ASGI middleware: request id, access log, Prometheus metrics and round-trip counts."""

from __future__ import annotations

import re
import time
import uuid

import structlog
from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.logs import log
from server.roundtrips import RoundTrips, current_round_trips

REQUESTS = Counter(
    "sportello_http_requests_total", "HTTP requests served", ["method", "route", "status"]
)
DURATION = Histogram(
    "sportello_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ROUND_TRIPS = Counter("sportello_store_round_trips_total", "Round trips to the stores", ["store"])


FILE_LINK = re.compile(r"^(/[^/]+/files/)[^/]+$")


def route_label(path: str) -> str:
    """A low-cardinality name for metrics: tenant slugs are not labels."""
    if path.endswith("/graphql"):
        return "graphql"
    if FILE_LINK.match(path):
        return "files"
    return path if path in ("/healthz", "/metrics") else "other"


def loggable_path(path: str) -> str:
    """The path without secrets: a signed download link would let anyone with the log read
    the file while it is valid."""
    return FILE_LINK.sub(r"\1…", path)


class RequestMiddleware:
    """Gives each request an id (or keeps the caller's `X-Request-ID`), counts its round trips
    to PostgreSQL and MongoDB, logs it as one JSON line and records metrics."""

    def __init__(self, app: ASGIApp, server_timing: bool) -> None:
        self.app = app
        self.server_timing = server_timing

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request_id = headers.get(b"x-request-id", b"").decode()[:64] or uuid.uuid4().hex
        trips = RoundTrips()
        token = current_round_trips.set(trips)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                extra = [(b"x-request-id", request_id.encode())]
                if self.server_timing:
                    timing = f"pg;desc={trips.postgres}, mongo;desc={trips.mongodb}"
                    extra.append((b"server-timing", timing.encode()))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = route_label(scope["path"])
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            DURATION.labels(route).observe(elapsed)
            ROUND_TRIPS.labels("postgres").inc(trips.postgres)
            ROUND_TRIPS.labels("mongodb").inc(trips.mongodb)
            if route != "metrics":
                log.info(
                    "request",
                    method=scope["method"],
                    path=loggable_path(scope["path"]),
                    status=status,
                    duration_ms=round(elapsed * 1000, 2),
                    postgres_round_trips=trips.postgres,
                    mongodb_round_trips=trips.mongodb,
                )
            structlog.contextvars.unbind_contextvars("request_id")
            current_round_trips.reset(token)
