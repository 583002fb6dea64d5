"""gzip for the answers the server makes on each request: GraphQL's JSON, the apps' pages, the
metrics. Files are not compressed here: the build and the theme compile store brotli and gzip
copies of them once (`server/precompressed.py`), and uploads are sent as they were stored."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

MINIMUM_SIZE = 1024
"""Smaller answers go as they are: they fit in one TCP segment either way."""
LEVEL = 6
"""zlib's default: level 9 costs about twice the CPU for a percent or two less on JSON."""
STREAMS = ("text/event-stream", "multipart/mixed")
"""Answers sent in parts as they happen (subscriptions, incremental delivery), which a
compressor would hold back."""


def compressed() -> list[Middleware]:
    """The middleware of a route whose answers are compressed (see `server/app.py`)."""
    return [
        Middleware(
            GZipMiddleware,
            minimum_size=MINIMUM_SIZE,
            compresslevel=LEVEL,
            exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, *STREAMS),
        )
    ]
