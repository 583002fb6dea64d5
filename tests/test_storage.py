"""File storage: a local directory by default, an S3-compatible bucket by URL, one behaviour."""

from __future__ import annotations

import asyncio
import json
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from obstore.exceptions import BaseError
from obstore.store import LocalStore, S3Store

from resolvers.storage import FileStorage, ObjectStorage, open_storage
from tests.conftest import ROOT, free_port

S3RVER = ROOT / "tests" / "s3rver" / "node_modules" / ".bin" / "s3rver"
S3RVER_INSTALL = "make test"
BUCKET = "sportello"
S3RVER_KEY = "S3RVER"
"""s3rver's built-in account: access key id and secret are both `S3RVER`."""


async def round_trip(storage: FileStorage) -> None:
    """What every storage must do, asserted step by step."""
    await storage.put("tenant-a/file-1", b"%PDF-1.7 domanda", "application/pdf")
    assert await storage.get("tenant-a/file-1") == b"%PDF-1.7 domanda"
    await storage.put("tenant-a/file-1", b"%PDF-1.7 corretta", "application/pdf")
    assert await storage.get("tenant-a/file-1") == b"%PDF-1.7 corretta"
    await storage.delete("tenant-a/file-1")
    with pytest.raises(FileNotFoundError):
        await storage.get("tenant-a/file-1")
    await storage.delete("tenant-a/file-1")
    with pytest.raises(FileNotFoundError):
        await storage.get("tenant-a/never-stored")
    for key in ("../secret_key", "tenant-a/../../x", "/etc/passwd", "a//b", "a\\b", ""):
        with pytest.raises(ValueError, match="invalid storage key"):
            await storage.put(key, b"x", "text/plain")
        with pytest.raises(ValueError, match="invalid storage key"):
            await storage.get(key)
    await storage.close()


def test_by_default_files_live_under_the_data_dir(tmp_path: Path) -> None:
    storage = open_storage(None, tmp_path)
    asyncio.run(round_trip(storage))
    asyncio.run(storage.put("tenant-a/file-2", b"ciao", "text/plain"))
    assert (tmp_path / "files" / "tenant-a" / "file-2").read_bytes() == b"ciao"
    assert not (tmp_path / "secret_key").exists()


def test_a_file_url_names_another_directory(tmp_path: Path) -> None:
    directory = tmp_path / "archivio comunale"
    storage = open_storage(directory.as_uri(), tmp_path / "data")
    asyncio.run(storage.put("t/f", b"x", "text/plain"))
    assert (directory / "t" / "f").read_bytes() == b"x"
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file://relative/path", "file:///abs/path"),
        ("ftp://files.example/x", "file:// .* or s3://"),
        ("/var/lib/sportello", "file:// .* or s3://"),
        ("s3:///prefix", "name the bucket"),
        ("s3://bucket?endpoint=http://h:9000&acl=public", "unknown options acl"),
    ],
)
def test_unusable_storage_urls_are_clear_errors(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        open_storage(url, tmp_path)


def test_an_s3_url_becomes_the_bucket_its_endpoint_region_and_prefix(tmp_path: Path) -> None:
    storage = open_storage(
        "s3://pratiche/bugliano/allegati?endpoint=http://127.0.0.1:9000&region=eu-south-1",
        tmp_path,
    )
    assert isinstance(storage, ObjectStorage)
    assert isinstance(storage.store, S3Store)
    assert storage.store.prefix == "bugliano/allegati"
    assert storage.store.config["bucket"] == "pratiche"
    assert storage.store.config["endpoint"] == "http://127.0.0.1:9000"
    assert storage.store.config["region"] == "eu-south-1"
    assert storage.store.client_options == {"allow_http": "true"}
    secure = open_storage("s3://pratiche", tmp_path)
    assert isinstance(secure, ObjectStorage)
    assert isinstance(secure.store, S3Store)
    assert secure.store.prefix is None
    assert not secure.store.client_options
    assert not (tmp_path / "files").exists()


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    directory: Path


@pytest.fixture(scope="module")
def s3rver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """s3rver: an S3 REST server (Node.js) keeping its buckets in a directory."""
    if not S3RVER.exists():
        pytest.fail(
            f"s3rver is not installed: `{S3RVER_INSTALL}` installs it (npm ci in tests/s3rver)"
        )
    directory = tmp_path_factory.mktemp("s3rver")
    port = free_port()
    log = directory.parent / "s3rver.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [
                S3RVER,
                *("-d", directory, "-a", "127.0.0.1", "-p", str(port)),
                *("--silent", "--configure-bucket", BUCKET),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"s3rver exited:\n{log.read_text()}")
        try:
            httpx.get(endpoint, timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        process.kill()
        raise RuntimeError(f"s3rver did not start:\n{log.read_text()}")
    yield S3Server(endpoint, directory)
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def aws_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """Credentials come from the standard environment variables, as in a deployment."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", S3RVER_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", S3RVER_KEY)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)


@pytest.mark.usefixtures("aws_account")
def test_an_s3_bucket_stores_files_like_a_directory(s3rver: S3Server, tmp_path: Path) -> None:
    url = f"s3://{BUCKET}/allegati?endpoint={s3rver.endpoint}&region=eu-south-1"
    storage = open_storage(url, tmp_path)
    asyncio.run(round_trip(storage))
    asyncio.run(storage.put("tenant-a/file-2", b"%PDF-1.7", "application/pdf"))
    stored = s3rver.directory / BUCKET / "allegati" / "tenant-a"
    assert (stored / "file-2._S3rver_object").read_bytes() == b"%PDF-1.7"
    metadata = json.loads((stored / "file-2._S3rver_metadata.json").read_text())
    assert metadata["content-type"] == "application/pdf"
    assert not (tmp_path / "files").exists()


def test_the_bucket_refuses_unknown_credentials(
    s3rver: S3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "SOMEONE-ELSE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", S3RVER_KEY)
    storage = open_storage(f"s3://{BUCKET}?endpoint={s3rver.endpoint}", tmp_path)
    with pytest.raises(BaseError, match="InvalidAccessKeyId"):
        asyncio.run(storage.put("tenant-a/file-3", b"x", "text/plain"))


def test_the_local_store_is_an_obstore_directory(tmp_path: Path) -> None:
    storage = open_storage(None, tmp_path)
    assert isinstance(storage, ObjectStorage)
    assert isinstance(storage.store, LocalStore)
    assert (tmp_path / "files").stat().st_mode & 0o077 == 0
