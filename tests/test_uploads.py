"""Uploads: the type comes from the bytes, names are made safe, limits hold, and the GraphQL
endpoint takes multipart requests only when no other site could have forged them."""

from __future__ import annotations

import base64
import datetime
import http.client
import io
import json
import os
import random
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from models.uploads import (
    DEFAULT_ALLOWED_TYPES,
    DOCX,
    GLOBAL_MAX_BYTES,
    SNIFF_WINDOW,
    XLSX,
    UploadPolicy,
    check_upload,
    safe_filename,
    sniff_mime,
)
from server.settings import Settings
from tests.graphql import LiveServer

ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


def pdf() -> bytes:
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Domanda di residenza")
    return bytes(document.output())


def image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, kind)
    return buffer.getvalue()


def archive(members: dict[str, bytes]) -> bytes:
    """A zip as office suites write them: `mimetype` stored first, the rest deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as written:
        for name, content in members.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            written.writestr(name, content, compress_type=method)
    return buffer.getvalue()


def ooxml(folder: str, part: str) -> bytes:
    return archive(
        {
            "[Content_Types].xml": b"<Types/>",
            "_rels/.rels": b"<Relationships/>",
            f"{folder}/{part}": b"<document/>",
        }
    )


def odf(mime: str) -> bytes:
    return archive({"mimetype": mime.encode(), "content.xml": b"<office:document-content/>"})


def signed(content: bytes, detached: bool = False) -> bytes:
    """A CMS SignedData in DER, as a CAdES `.p7m` (or a detached `.p7s`) is."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Mario Rossi")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    options = [pkcs7.PKCS7Options.DetachedSignature] if detached else []
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(content)
        .add_signer(certificate, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, options)
    )


SAMPLES = {
    "pdf": (pdf, "application/pdf"),
    "png": (lambda: image("PNG"), "image/png"),
    "jpeg": (lambda: image("JPEG"), "image/jpeg"),
    "gif": (lambda: image("GIF"), "image/gif"),
    "webp": (lambda: image("WEBP"), "image/webp"),
    "tiff": (lambda: image("TIFF"), "image/tiff"),
    "zip": (lambda: archive({"foto/casa.jpg": b"..."}), "application/zip"),
    "docx": (lambda: ooxml("word", "document.xml"), DOCX),
    "xlsx": (lambda: ooxml("xl", "workbook.xml"), XLSX),
    "pptx": (lambda: ooxml("ppt", "presentation.xml"), PPTX),
    "odt": (lambda: odf(ODT), ODT),
    "ods": (lambda: odf(ODS), ODS),
    "p7m": (lambda: signed(pdf()), "application/pkcs7-mime"),
    "p7m in BER": (
        lambda: bytes.fromhex("308006092a864886f70d010702a0803080020101"),
        "application/pkcs7-mime",
    ),
    "p7m in base64": (
        lambda: base64.encodebytes(signed(b"dichiarazione")),
        "application/pkcs7-mime",
    ),
    "xml": (lambda: b'<?xml version="1.0"?><FatturaElettronica/>', "application/xml"),
    "xml with BOM": (lambda: b'\xef\xbb\xbf<?xml version="1.0"?><a/>', "application/xml"),
    "text": ("Perché la residenza è cambiata.\r\n\tFirmato".encode, "text/plain"),
    "text that starts like a bitmap": (lambda: b"BMW serie 3, targa AB123CD\n", "text/plain"),
    "html": (lambda: b"<!DOCTYPE html><html><body>x</body></html>", "text/html"),
    "latin-1 text": (lambda: "perché".encode("latin-1"), "application/octet-stream"),
    "text with a NUL": (lambda: b"ciao\x00mondo", "application/octet-stream"),
    "random bytes": (
        lambda: b"\x00\xff" + random.Random(0).randbytes(4094),
        "application/octet-stream",
    ),
    "nothing": (lambda: b"", "application/octet-stream"),
}


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_format_is_told_by_its_bytes(sample: str) -> None:
    make, expected = SAMPLES[sample]
    assert sniff_mime(make(), "upload") == expected


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (pdf(), "foto.png", "application/pdf"),
        (image("PNG"), "domanda.pdf", "image/png"),
        # Bytes of no format, the same on every run: random bytes may start like JSON or text.
        (b"\x00\xff" + random.Random(0).randbytes(4094), "domanda.pdf", "application/octet-stream"),
        (b"solo testo", "contratto.docx", "text/plain"),
        (archive({"a.txt": b"x"}), "contratto.docx", "application/zip"),
        (odf(ODT), "archivio.zip", ODT),
    ],
)
def test_the_name_never_overrules_the_bytes(content: bytes, name: str, expected: str) -> None:
    assert sniff_mime(content, name) == expected


def test_the_extension_tells_apart_what_the_bytes_leave_open() -> None:
    late_part = archive(
        {
            "[Content_Types].xml": b"<Types/>",
            "docProps/thumbnail.jpeg": os.urandom(SNIFF_WINDOW),
            "xl/workbook.xml": b"<workbook/>",
        }
    )
    assert sniff_mime(late_part, "bilancio.xlsx") == XLSX
    assert sniff_mime(late_part, "bilancio.zip") == "application/zip"
    assert sniff_mime(OLE_HEADER, "vecchio.doc") == "application/msword"
    assert sniff_mime(OLE_HEADER, "vecchio.XLS") == "application/vnd.ms-excel"
    assert sniff_mime(OLE_HEADER, "vecchio.pdf") == "application/x-ole-storage"
    assert sniff_mime(signed(b"x", detached=True), "firma.p7s") == "application/pkcs7-signature"


def test_a_character_cut_by_the_sniffing_window_is_still_text() -> None:
    long_text = b"a" * (SNIFF_WINDOW - 1) + "è così".encode()
    assert sniff_mime(long_text, "nota.txt") == "text/plain"
    assert sniff_mime(long_text[:SNIFF_WINDOW], "nota.txt") == "application/octet-stream"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\x\\y.pdf", "y.pdf"),
        ("CON.txt", "_CON.txt"),
        ("lpt1", "_lpt1"),
        ("console.txt", "console.txt"),
        ("Dichiarazione perché è così.pdf", "Dichiarazione perché è così.pdf"),
        (unicodedata.normalize("NFD", "Città.pdf"), "Città.pdf"),
        ("Заявление 申请书.pdf", "Заявление 申请书.pdf"),
        ("  ..hidden  ", "hidden"),
        ("a\x00b\tc\u202e  d.pdf", "ab c d.pdf"),
        ('what?<>:"|*.pdf', "what_______.pdf"),
        ("relazione.pdf. . ", "relazione.pdf"),
        ("", "file"),
        ("...", "file"),
        ("cartella/", "file"),
    ],
)
def test_names_are_made_safe(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_long_names_are_cut_keeping_the_extension() -> None:
    cut = safe_filename("è" * 300 + ".pdf")
    assert len(cut) == 200
    assert cut.endswith("è.pdf")
    assert len(safe_filename("x" * 300)) == 200


@given(st.text())
def test_any_name_becomes_a_safe_one(name: str) -> None:
    safe = safe_filename(name)
    assert 0 < len(safe) <= 200
    assert not {"/", "\\", "<", ">", ":", '"', "|", "?", "*"} & set(safe)
    assert not any(unicodedata.category(char).startswith("C") for char in safe)
    assert not safe.startswith((".", " "))
    assert safe_filename(safe) == safe


def test_uploads_are_checked_against_size_and_type() -> None:
    policy = UploadPolicy(max_bytes=1000, allowed_types=("application/pdf", "image/*"))
    assert check_upload(policy, 1000, "image/png") == []
    assert check_upload(policy, 0, "application/pdf") == ["FILE_EMPTY"]
    assert check_upload(policy, 1001, "application/pdf") == ["FILE_TOO_LARGE"]
    assert check_upload(policy, 10, "text/html") == ["FILE_TYPE_NOT_ALLOWED"]
    assert check_upload(policy, 1001, "text/html") == ["FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED"]


def test_the_default_policy_takes_documents_but_nothing_a_browser_would_run() -> None:
    policy = UploadPolicy()
    for mime in ("application/pdf", "application/pkcs7-mime", DOCX, ODT, "image/jpeg"):
        assert policy.allows(mime), mime
    for mime in ("text/html", "image/svg+xml", "application/x-msdownload", "application/json"):
        assert not policy.allows(mime), mime


def test_a_form_component_narrows_the_global_policy_never_widens_it() -> None:
    platform = UploadPolicy(max_bytes=5 * 1024**2)
    scan = platform.within({"fileMaxSize": "1MB", "filePattern": "application/pdf,image/*"})
    assert scan.max_bytes == 1024**2
    assert scan.allows("application/pdf")
    assert scan.allows("image/png")
    assert not scan.allows("image/svg+xml")
    assert not scan.allows(DOCX)
    generous = platform.within({"fileMaxSize": "100MB", "filePattern": "*"})
    assert generous == platform
    assert platform.within({}) == platform
    signed_only = platform.within({"filePattern": ".p7m, .ODT"})
    assert signed_only.allowed_types == ("application/pkcs7-mime", ODT)
    assert platform.within({"filePattern": "text/html"}).allowed_types == ()


def test_upload_settings_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SPORTELLO_ALLOWED_UPLOAD_TYPES", "application/pdf, image/*")
    monkeypatch.setenv("SPORTELLO_MAX_UPLOAD_BYTES", "1048576")
    settings = Settings()
    assert settings.allowed_upload_types == ["application/pdf", "image/*"]
    assert settings.max_upload_bytes == 1024**2
    monkeypatch.delenv("SPORTELLO_ALLOWED_UPLOAD_TYPES")
    monkeypatch.delenv("SPORTELLO_MAX_UPLOAD_BYTES")
    defaults = Settings()
    assert tuple(defaults.allowed_upload_types) == DEFAULT_ALLOWED_TYPES
    assert defaults.max_upload_bytes == GLOBAL_MAX_BYTES == 20 * 1024**2


def multipart(query: str) -> dict[str, tuple[None, str]]:
    """The parts of a GraphQL multipart request (operations and an empty map)."""
    return {"operations": (None, json.dumps({"query": query})), "map": (None, "{}")}


def test_multipart_requests_are_graphql_requests(server: LiveServer) -> None:
    response = httpx.post(
        f"{server.base_url}/bugliano/graphql",
        files=multipart("{ tenant { slug } }"),
        headers={"Apollo-Require-Preflight": "true"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"tenant": {"slug": "bugliano"}}


def test_multipart_requests_without_a_preflight_header_are_refused(server: LiveServer) -> None:
    response = httpx.post(
        f"{server.base_url}/bugliano/graphql", files=multipart("{ tenant { slug } }")
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "PREFLIGHT_REQUIRED"


def test_multipart_requests_must_declare_a_size_within_the_limit(server: LiveServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"--x\r\n"

    unsized = httpx.post(
        f"{server.base_url}/bugliano/graphql",
        content=chunks(),
        headers={
            "Content-Type": "multipart/form-data; boundary=x",
            "X-Apollo-Operation-Name": "upload",
        },
    )
    assert unsized.status_code == 411
    assert unsized.json()["errors"][0]["extensions"]["code"] == "LENGTH_REQUIRED"

    address = httpx.URL(server.base_url)
    connection = http.client.HTTPConnection(address.host, address.port)
    try:
        connection.putrequest("POST", "/bugliano/graphql")
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Apollo-Require-Preflight", "true")
        connection.putheader("Content-Length", str(GLOBAL_MAX_BYTES + 2 * 1024**2))
        connection.endheaders()
        oversized = connection.getresponse()
        assert oversized.status == 413
        assert json.loads(oversized.read())["errors"][0]["extensions"]["code"] == (
            "REQUEST_TOO_LARGE"
        )
    finally:
        connection.close()
