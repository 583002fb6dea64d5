"""Where uploaded files are kept: one interface over a local directory or an S3 bucket."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import obstore
from obstore.store import LocalStore, S3Store

if TYPE_CHECKING:
    from obstore.store import S3Config

S3_OPTIONS = frozenset({"endpoint", "region"})


class FileStorage(Protocol):
    async def put(self, key: str, content: bytes, content_type: str) -> None: ...

    async def get(self, key: str) -> bytes:
        """The file's bytes; `FileNotFoundError` when there is none under `key`."""
        ...

    async def delete(self, key: str) -> None:
        """Removes the file; nothing happens when there is none."""
        ...

    async def close(self) -> None: ...


def check_key(key: str) -> str:
    """Keys are relative paths such as `<tenant_id>/<file_id>`; nothing that could climb out."""
    segments = key.split("/")
    if "\\" in key or any(segment in ("", ".", "..") for segment in segments):
        raise ValueError(f"invalid storage key {key!r}: use relative segments, no `..`")
    return key


class ObjectStorage:
    """A `FileStorage` on an obstore store: `LocalStore` (a directory) or `S3Store`."""

    def __init__(self, store: LocalStore | S3Store) -> None:
        self.store = store

    async def put(self, key: str, content: bytes, content_type: str) -> None:
        # A directory has nowhere to keep the type; a bucket shows it to its own tools.
        attributes = {"Content-Type": content_type} if isinstance(self.store, S3Store) else None
        await obstore.put_async(self.store, check_key(key), content, attributes=attributes)

    async def get(self, key: str) -> bytes:
        result = await obstore.get_async(self.store, check_key(key))
        return bytes(await result.bytes_async())

    async def delete(self, key: str) -> None:
        with suppress(FileNotFoundError):
            await obstore.delete_async(self.store, check_key(key))

    async def close(self) -> None:
        """obstore holds no connection that needs closing: its HTTP pool goes with the store."""


def open_storage(url: str | None, data_dir: Path) -> FileStorage:
    """The storage of `SPORTELLO_STORAGE_URL`: unset for `<data_dir>/files`, `file:///abs/path`
    for another directory, `s3://bucket/prefix?endpoint=…&region=…` for an S3-compatible bucket
    whose credentials come from the standard `AWS_*` environment variables."""
    if url is None:
        return ObjectStorage(local_store(data_dir / "files"))
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
            raise ValueError(f"storage URL {url!r}: write a local directory as file:///abs/path")
        return ObjectStorage(local_store(Path(unquote(parts.path))))
    if parts.scheme == "s3":
        return ObjectStorage(s3_store(url))
    raise ValueError(
        f"storage URL {url!r}: the scheme must be file:// (a directory) or s3:// (a bucket)"
    )


def local_store(directory: Path) -> LocalStore:
    directory = directory.resolve()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return LocalStore(directory)


def s3_store(url: str) -> S3Store:
    """An `S3Store` for `s3://bucket/prefix?endpoint=http://host:9000&region=eu-south-1`."""
    parts = urlsplit(url)
    if not parts.netloc:
        raise ValueError(f"storage URL {url!r}: name the bucket, s3://bucket/prefix")
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(options) - S3_OPTIONS
    if unknown:
        raise ValueError(
            f"storage URL {url!r}: unknown options {', '.join(sorted(unknown))}; "
            f"known: {', '.join(sorted(S3_OPTIONS))}"
        )
    config: S3Config = {}
    if "endpoint" in options:
        config["endpoint"] = options["endpoint"]
    if "region" in options:
        config["region"] = options["region"]
    plain_http = config.get("endpoint", "").startswith("http://")
    return S3Store(
        parts.netloc,
        prefix=unquote(parts.path.strip("/")) or None,
        config=config,
        client_options={"allow_http": True} if plain_http else None,
    )
