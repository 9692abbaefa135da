"""`extract_file`: size guards, then the extractor chosen by what the file is.

This module is the stage's table of contents. It reads the file once into memory (bounded by
`max_bytes`), names its kind (`extract.sniff`), and hands the bytes to that kind's adapter.
E-mails come back here for each attachment, up to a fixed nesting depth.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.email import extract_email
from extract.errors import (
    CorruptFile,
    EmptyFile,
    ExtractionError,
    FileTooLarge,
    UnsupportedFileType,
)
from extract.images import extract_image
from extract.limits import ExtractLimits
from extract.msg import extract_msg_file
from extract.ocr import OcrEngine
from extract.office import extract_docx, extract_odt
from extract.pdf import extract_pdf
from extract.sniff import FileKind, sniff_kind
from extract.text import extract_text_file
from extract.types import Extraction

#: E-mails inside e-mails inside e-mails...: deeper than this is refused, not followed.
MAX_NESTING = 4
_IMAGES = (FileKind.PNG, FileKind.JPEG, FileKind.TIFF)
#: A carried file without a signature or known extension is read by the type it declares.
_DECLARED_KINDS = {
    "text/plain": FileKind.TEXT,
    "message/rfc822": FileKind.EMAIL,
    "application/pdf": FileKind.PDF,
}


def extract_file(
    path: Path, *, name: str, limits: ExtractLimits, ocr: OcrEngine | None = None
) -> Extraction:
    """Read one stored file. `name` is the name it arrived with; it only breaks ties.

    Pass a long-lived `ocr` engine to reuse its worker pool across files; without one, a pool
    is made for this file and closed after it.
    """
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ExtractionError(f"the file could not be opened: {error.strerror}") from error
    _check_size(size, limits=limits)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractionError(f"the file could not be read: {error.strerror}") from error
    with _engine(ocr, limits=limits) as engine:
        return extract_bytes(data, name=name, limits=limits, ocr=engine)


def extract_bytes(
    data: bytes,
    *,
    name: str,
    limits: ExtractLimits,
    ocr: OcrEngine,
    declared_type: str = "",
    depth: int = 0,
) -> Extraction:
    """Read a file held in memory: a stored original, or a file carried inside an e-mail."""
    _check_size(len(data), limits=limits)
    kind = sniff_kind(data, name=name)
    if kind is FileKind.UNKNOWN:
        kind = _DECLARED_KINDS.get(declared_type.lower(), FileKind.UNKNOWN)

    def read_nested(inner: bytes, inner_name: str, inner_type: str) -> Extraction:
        if depth + 1 > MAX_NESTING:
            raise CorruptFile(f"attachments are nested deeper than {MAX_NESTING} levels")
        return extract_bytes(
            inner,
            name=inner_name,
            limits=limits,
            ocr=ocr,
            declared_type=inner_type,
            depth=depth + 1,
        )

    if kind is FileKind.PDF:
        return Extraction(kind.value, extract_pdf(data, limits=limits, ocr=ocr))
    if kind in _IMAGES:
        return Extraction(kind.value, extract_image(data, limits=limits, ocr=ocr))
    if kind is FileKind.EMAIL:
        return extract_email(data, limits=limits, read_nested=read_nested)
    if kind is FileKind.MSG:
        return extract_msg_file(data, limits=limits, read_nested=read_nested)
    if kind is FileKind.DOCX:
        return Extraction(kind.value, extract_docx(data, limits=limits))
    if kind is FileKind.ODT:
        return Extraction(kind.value, extract_odt(data, limits=limits))
    if kind is FileKind.TEXT:
        return Extraction(kind.value, extract_text_file(data))
    raise UnsupportedFileType(f"{_extension(name)} files are not read automatically")


def _check_size(size: int, *, limits: ExtractLimits) -> None:
    if size == 0:
        raise EmptyFile("the file is empty")
    if size > limits.max_bytes:
        raise FileTooLarge(f"the file is {size} bytes, over the limit of {limits.max_bytes}")


@contextmanager
def _engine(ocr: OcrEngine | None, *, limits: ExtractLimits) -> Iterator[OcrEngine]:
    if ocr is not None:
        yield ocr
        return
    with OcrEngine.from_limits(limits) as engine:
        yield engine


def _extension(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return f"'{suffix}'" if suffix else "these"
