"""Files sent as their brotli or gzip copy (`x.js.br`, `x.js.gz`, made once when the file is
built) to browsers that accept it, and the plain file to the others.

A copy is a representation of its own: it gets `Content-Encoding`, its own length and an ETag
of its own, and every answer for a file that has copies says `Vary: Accept-Encoding`, so no
cache hands a compressed body to a client that cannot read it. A range request gets ranges of
the plain file: offsets into a compressed body mean nothing to a client resuming a download.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate
from pathlib import Path

import anyio
import brotli
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response

CODINGS = (("br", ".br"), ("gzip", ".gz"))
"""The content codings there may be copies in, best first, and the suffix of their copies."""
COPY_SUFFIXES = tuple(suffix for _, suffix in CODINGS)
NOT_IN_304 = {"content-encoding", "content-type", "content-length"}


def accepted_codings(header: str | None) -> set[str]:
    """The content codings an `Accept-Encoding` value allows (RFC 9110, 12.5.3): those named
    with a weight above zero and, when `*` is, any of ours that it does not name."""
    weights: dict[str, float] = {}
    for item in (header or "").split(","):
        name, *parameters = (part.strip() for part in item.split(";"))
        if not name:
            continue
        weight = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[name.lower()] = weight
    accepted = {name for name, weight in weights.items() if weight > 0}
    if "*" in accepted:
        accepted |= {coding for coding, _ in CODINGS if coding not in weights}
    return accepted


@dataclass(frozen=True)
class Representation:
    """What to send for a file: the file itself, or one of its compressed copies."""

    path: Path
    stat: os.stat_result
    coding: str | None
    varies: bool
    """The file has copies: which one is sent depends on `Accept-Encoding`."""

    @property
    def etag(self) -> str:
        version = f"{self.stat.st_mtime}-{self.stat.st_size}".encode()
        base = hashlib.md5(version, usedforsecurity=False).hexdigest()
        return f'"{base}-{self.coding}"' if self.coding else f'"{base}"'


async def copies(path: Path) -> list[tuple[str, Path, os.stat_result]]:
    """The compressed copies of a file there are, best first."""
    found = []
    for coding, suffix in CODINGS:
        copy = path.with_name(path.name + suffix)
        try:
            copy_stat = await anyio.Path(copy).stat()
        except OSError:
            continue
        if stat.S_ISREG(copy_stat.st_mode):
            found.append((coding, copy, copy_stat))
    return found


async def representation(path: Path, plain: os.stat_result, request: Headers) -> Representation:
    """The best copy of `path` the client accepts, or the plain file (always for a range)."""
    available = await copies(path)
    if "range" not in request:
        accepted = accepted_codings(request.get("accept-encoding"))
        for coding, copy, copy_stat in available:
            if coding in accepted:
                return Representation(copy, copy_stat, coding, varies=True)
    return Representation(path, plain, None, varies=bool(available))


def not_modified(request: Headers, etag: str, last_modified: str) -> bool:
    """The client's copy is this representation (If-None-Match, else If-Modified-Since)."""
    if if_none_match := request.get("if-none-match"):
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = parsedate(request.get("if-modified-since", ""))
    modified = parsedate(last_modified)
    return since is not None and modified is not None and since >= modified


async def file_answer(
    path: Path,
    plain: os.stat_result,
    request: Headers,
    headers: Mapping[str, str],
    media_type: str | None = None,
) -> Response:
    """The answer to a GET or HEAD of the file at `path` (whose stat is `plain`): its copy in a
    coding the client accepts or the file itself, with `headers`; a 304 when the client has it."""
    chosen = await representation(path, plain, request)
    answer_headers = {**headers, "etag": chosen.etag}
    if chosen.varies:
        answer_headers["vary"] = "Accept-Encoding"
    if chosen.coding:
        answer_headers["content-encoding"] = chosen.coding
    response = FileResponse(
        chosen.path,
        headers=answer_headers,
        media_type=media_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream",
        stat_result=chosen.stat,
    )
    if not_modified(request, chosen.etag, response.headers["last-modified"]):
        kept = {key: value for key, value in response.headers.items() if key not in NOT_IN_304}
        return Response(status_code=304, headers=kept)
    return response


def write_copies(source: Path, target: Path) -> None:
    """Compresses `source` into the copies of `target` (`target.br`, `target.gz`), each written
    whole before it takes its name. Slow (about 1.5 s for a 600 kB stylesheet): run it in a
    thread, once per file."""
    content = source.read_bytes()
    for suffix, compressed in (
        (".br", brotli.compress(content, mode=brotli.MODE_TEXT, quality=11)),
        (".gz", gzip.compress(content, compresslevel=9, mtime=0)),
    ):
        copy = target.with_name(target.name + suffix)
        partial = copy.with_name(f"{copy.name}.{os.getpid()}.partial")
        partial.write_bytes(compressed)
        partial.replace(copy)
