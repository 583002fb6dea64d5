"""Uploaded files: the content type sniffed from their bytes, safe names, size and type limits."""

from __future__ import annotations

import base64
import codecs
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatchcase

import puremagic

from models.formio.files import parse_size
from models.formio.tree import Component

GLOBAL_MAX_BYTES = 20 * 1024 * 1024

OCTET_STREAM = "application/octet-stream"
PDF = "application/pdf"
P7M = "application/pkcs7-mime"
P7S = "application/pkcs7-signature"
ZIP = "application/zip"
OLE = "application/x-ole-storage"
XML = "application/xml"
TEXT = "text/plain"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODF_PREFIX = "application/vnd.oasis.opendocument."

DEFAULT_ALLOWED_TYPES = (
    PDF,
    P7M,
    P7S,
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/tiff",
    "application/vnd.openxmlformats-officedocument.*",
    f"{ODF_PREFIX}*",
    "application/msword",
    "application/vnd.ms-excel",
    TEXT,
    XML,
    ZIP,
)
"""Documents a municipality receives; no SVG or HTML, which a browser could run as a page."""

SNIFF_WINDOW = 64 * 1024
"""Bytes looked at: enough for every signature and for the first member names of a zip."""

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")  # CMS signedData, 1.2.840.113549.1.7.2
STRONG_SIGNATURE = 4
"""Shorter signatures (`BM`, `MZ`, `{"`) also begin ordinary sentences: text wins over them."""

OOXML_PARTS = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
OOXML_MARKERS = frozenset({"[Content_Types].xml", "_rels/.rels"})
OLE_TYPES = {
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".msg": "application/vnd.ms-outlook",
}
EXTENSION_TYPES = {
    ".pdf": PDF,
    ".p7m": P7M,
    ".p7s": P7S,
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".pptx": PPTX,
    ".odt": f"{ODF_PREFIX}text",
    ".ods": f"{ODF_PREFIX}spreadsheet",
    ".odp": f"{ODF_PREFIX}presentation",
    ".zip": ZIP,
    ".xml": XML,
    ".txt": TEXT,
    **OLE_TYPES,
}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

MAX_NAME_LENGTH = 200
MAX_EXTENSION_LENGTH = 16
WINDOWS_FORBIDDEN = str.maketrans(dict.fromkeys('<>:"|?*', "_"))
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(10))}
)


def extension(filename: str) -> str:
    """`.pdf` for `Domanda.PDF`; empty when the name has none."""
    stem, dot, suffix = filename.rpartition(".")
    return f".{suffix.lower()}" if dot and stem else ""


def sniff_mime(head: bytes, filename: str) -> str:
    """The content type of a file from its bytes: all of them, or at least `SNIFF_WINDOW`.

    The bytes decide; the name's extension only tells apart formats that share a container
    (a zip holding an Office document, an OLE file) and never makes a type up by itself.
    """
    cut = len(head) > SNIFF_WINDOW
    head = head[:SNIFF_WINDOW]
    suffix = extension(filename)
    if not head:
        return OCTET_STREAM
    if head.startswith(ZIP_SIGNATURE):
        return _zip_type(head, suffix)
    if head.startswith(OLE_SIGNATURE):
        return OLE_TYPES.get(suffix, OLE)
    if _is_signed_data(head):
        return P7S if suffix == ".p7s" else P7M
    text = _as_text(head, cut)
    matches = _byte_matches(head, filename)
    if matches and (text is None or len(matches[0].byte_match) >= STRONG_SIGNATURE):
        return str(matches[0].mime_type)
    if text is None:
        return OCTET_STREAM
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("<?xml"):
        return XML
    if _is_base64_signed_data(body):
        return P7S if suffix == ".p7s" else P7M
    return TEXT


def _byte_matches(head: bytes, filename: str) -> list[puremagic.PureMagicWithConfidence]:
    """puremagic's guesses backed by a signature in the bytes, best first."""
    try:
        matches = puremagic.magic_string(head, filename or None)
    except (puremagic.PureError, ValueError):
        return []
    return [match for match in matches if match.byte_match and match.mime_type]


def _zip_type(head: bytes, suffix: str) -> str:
    names = _zip_member_names(head)
    if names and names[0] == "mimetype":
        declared = _stored_member(head, names[0])
        if declared.startswith(ODF_PREFIX.encode()):
            return declared.decode("ascii", "replace")
    if OOXML_MARKERS & set(names):
        for name in names:
            for folder, mime in OOXML_PARTS.items():
                if name.startswith(folder):
                    return mime
        if EXTENSION_TYPES.get(suffix) in OOXML_PARTS.values():
            return EXTENSION_TYPES[suffix]
    return ZIP


def _zip_member_names(head: bytes) -> list[str]:
    """Names of the members whose local headers lie in `head`, in order."""
    names: list[str] = []
    start = head.find(ZIP_SIGNATURE)
    while start != -1 and start + 30 <= len(head):
        length = int.from_bytes(head[start + 26 : start + 28], "little")
        names.append(head[start + 30 : start + 30 + length].decode("utf-8", "replace"))
        start = head.find(ZIP_SIGNATURE, start + 30 + length)
    return names


def _stored_member(head: bytes, name: str) -> bytes:
    """The bytes of the first member, as ODF stores `mimetype`: uncompressed, first."""
    size = int.from_bytes(head[18:22], "little")
    extra = int.from_bytes(head[28:30], "little")
    start = 30 + len(name.encode()) + extra
    return head[start : start + size]


def _is_signed_data(der: bytes) -> bool:
    """A DER/BER CMS SignedData: a SEQUENCE whose first element is the signedData OID."""
    if len(der) < 2 or der[0] != 0x30:
        return False
    length_octets = der[1] - 0x80 if der[1] > 0x80 else 0
    start = 2 + length_octets
    return der[start : start + len(SIGNED_DATA_OID)] == SIGNED_DATA_OID


def _is_base64_signed_data(text: str) -> bool:
    """A signed file sent as base64 text, as some signing tools save `.p7m` files
    (`MI` is how the base64 of a DER SEQUENCE with a long length begins)."""
    start = "".join(text[:80].split())[:64]
    if not start.startswith("MI"):
        return False
    try:
        return _is_signed_data(base64.b64decode(start[: len(start) // 4 * 4], validate=True))
    except ValueError:
        return False


def _as_text(head: bytes, cut: bool) -> str | None:
    """The bytes as text when they are UTF-8 without control characters (tabs and line ends
    allowed); where the window `cut` a character in two, that does not count against it."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=not cut)
    except UnicodeDecodeError:
        return None
    return None if CONTROL_CHARACTERS.search(text) else text


def safe_filename(name: str) -> str:
    """A name to store and offer for download: no folders, control characters, leading dots,
    Windows-reserved names or characters; letters of every script kept; at most 200 characters
    with the extension kept; `file` when nothing is left."""
    base = unicodedata.normalize("NFC", re.split(r"[\\/]", name)[-1])
    kept = "".join(
        " " if char.isspace() else char
        for char in base
        if char.isspace() or not unicodedata.category(char).startswith("C")
    )
    kept = re.sub(" +", " ", kept.translate(WINDOWS_FORBIDDEN)).strip(" .")
    if kept.split(".")[0].rstrip().upper() in WINDOWS_RESERVED:
        kept = f"_{kept}"
    if len(kept) > MAX_NAME_LENGTH:
        stem, dot, suffix = kept.rpartition(".")
        if dot and stem and len(suffix) <= MAX_EXTENSION_LENGTH:
            room = MAX_NAME_LENGTH - len(suffix) - 1
            kept = f"{stem[:room].rstrip(' .')}.{suffix}"
        else:
            kept = kept[:MAX_NAME_LENGTH].rstrip(" .")
    return kept or "file"


class UploadError(StrEnum):
    FILE_EMPTY = "FILE_EMPTY"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    FILE_TYPE_NOT_ALLOWED = "FILE_TYPE_NOT_ALLOWED"


@dataclass(frozen=True)
class UploadPolicy:
    """What an upload may be: its largest size and the MIME patterns (`image/*`) it may match."""

    max_bytes: int = GLOBAL_MAX_BYTES
    allowed_types: tuple[str, ...] = DEFAULT_ALLOWED_TYPES

    def allows(self, mime: str) -> bool:
        return any(fnmatchcase(mime.lower(), pattern.lower()) for pattern in self.allowed_types)

    def within(self, component: Component) -> UploadPolicy:
        """This policy narrowed by a Form.io file component's `fileMaxSize` and `filePattern`
        (whose `.ext` entries are read as the type of that extension)."""
        largest = parse_size(component.get("fileMaxSize"))
        max_bytes = self.max_bytes if largest is None else min(self.max_bytes, largest)
        wanted = _component_types(component.get("filePattern"))
        if wanted is None:
            return UploadPolicy(max_bytes, self.allowed_types)
        narrowed = (
            _narrower(inner, outer.lower()) for inner in wanted for outer in self.allowed_types
        )
        return UploadPolicy(max_bytes, tuple(dict.fromkeys(filter(None, narrowed))))


def _narrower(first: str, second: str) -> str | None:
    """Of two patterns, the one that matches only what both match; None if they never agree."""
    if fnmatchcase(first, second):
        return first
    return second if fnmatchcase(second, first) else None


def _component_types(pattern: object) -> list[str] | None:
    """The MIME patterns of a `filePattern`; None when it allows anything."""
    if not isinstance(pattern, str):
        return None
    parts = [part.strip().lower() for part in pattern.split(",") if part.strip()]
    if not parts or "*" in parts:
        return None
    types = [
        EXTENSION_TYPES.get(part) or mimetypes.guess_type(f"file{part}")[0] or ""
        if part.startswith(".")
        else part
        for part in parts
    ]
    return [mime for mime in types if mime]


def check_upload(policy: UploadPolicy, size: int, mime: str) -> list[str]:
    """Why an upload of `size` bytes of the sniffed type `mime` is refused; empty if it is not."""
    if size == 0:
        return [UploadError.FILE_EMPTY]
    errors: list[str] = []
    if size > policy.max_bytes:
        errors.append(UploadError.FILE_TOO_LARGE)
    if not policy.allows(mime):
        errors.append(UploadError.FILE_TYPE_NOT_ALLOWED)
    return errors
