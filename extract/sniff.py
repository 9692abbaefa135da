"""Which kind of file we hold: by its first bytes where it has a signature, else by its name."""

from __future__ import annotations

import io
import re
import zipfile
from enum import StrEnum
from pathlib import PurePath


class FileKind(StrEnum):
    """The kinds of file the stage can read; the value is the media type we report."""

    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"
    TIFF = "image/tiff"
    EMAIL = "message/rfc822"
    MSG = "application/vnd.ms-outlook"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ODT = "application/vnd.oasis.opendocument.text"
    TEXT = "text/plain"
    UNKNOWN = "application/octet-stream"


_SIGNATURES: tuple[tuple[bytes, FileKind], ...] = (
    (b"\x89PNG\r\n\x1a\n", FileKind.PNG),
    (b"\xff\xd8\xff", FileKind.JPEG),
    (b"II*\x00", FileKind.TIFF),
    (b"MM\x00*", FileKind.TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileKind.MSG),  # OLE: Outlook's .msg among others
)
_EXTENSIONS = {
    ".pdf": FileKind.PDF,
    ".png": FileKind.PNG,
    ".jpg": FileKind.JPEG,
    ".jpeg": FileKind.JPEG,
    ".tif": FileKind.TIFF,
    ".tiff": FileKind.TIFF,
    ".eml": FileKind.EMAIL,
    ".msg": FileKind.MSG,
    ".docx": FileKind.DOCX,
    ".odt": FileKind.ODT,
    ".txt": FileKind.TEXT,
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_MAIL_HEADER_RE = re.compile(
    rb"^(Received|Return-Path|From|To|Cc|Subject|Date|Message-ID|MIME-Version|Delivered-To"
    rb"|Content-Type|X-[\w-]+):",
    re.IGNORECASE,
)


def sniff_kind(data: bytes, *, name: str) -> FileKind:
    """Name the file's kind by content first (magic bytes), then by the extension of `name`.

    Order matters: an e-mail that carries a PDF has "%PDF-" in its first kilobyte too, and a
    letter saved as .txt may begin "Subject:", so those weaker signs come after stronger ones.
    """
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.lstrip()[:5] == b"%PDF-":
        return FileKind.PDF
    if data.startswith(b"PK\x03\x04"):
        kind = _sniff_zip(data)
        if kind is not FileKind.UNKNOWN:
            return kind
    by_name = _EXTENSIONS.get(PurePath(name).suffix.lower(), FileKind.UNKNOWN)
    if by_name is FileKind.TEXT:
        return by_name
    if is_mail_headers(data):
        return FileKind.EMAIL
    if b"%PDF-" in data[:1024]:  # the spec allows junk before the header
        return FileKind.PDF
    return by_name


def is_mail_headers(data: bytes) -> bool:
    """True when the file opens with at least two RFC 5322 header lines."""
    lines = data.lstrip()[:2048].splitlines()[:12]
    headers = {match.group(1).lower() for line in lines if (match := _MAIL_HEADER_RE.match(line))}
    return len(headers) >= 2


def _sniff_zip(data: bytes) -> FileKind:
    """A zip is a .docx, an .odt, or something we do not read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return FileKind.ODT
            if "word/document.xml" in names:
                return FileKind.DOCX
    except (zipfile.BadZipFile, OSError, KeyError):
        return FileKind.UNKNOWN
    return FileKind.UNKNOWN
