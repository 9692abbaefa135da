"""Word-processor files: .docx through python-docx (the one adapter), .odt from its content.xml.

Both are zips: their members' unpacked sizes are checked before anything is parsed, so a zip
bomb is refused rather than unpacked. Tables come out one row per line, cells tab-separated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from extract.errors import CorruptFile, FileTooLarge
from extract.limits import ExtractLimits
from extract.types import Page

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#: How far a member may unpack relative to the file limit before we call it a bomb.
_UNPACK_RATIO = 4


def extract_docx(data: bytes, *, limits: ExtractLimits) -> tuple[Page, ...]:
    """The paragraphs and tables of a .docx in body order, headers first, footers last."""
    _check_unpacked_size(data, limits=limits)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as error:
        raise CorruptFile(f"the .docx could not be read: {error}") from error
    return (Page(number=1, text=_join(lines), method="text"),)


def _docx_lines(document: DocxDocument) -> Iterator[str]:
    seen_headers: set[str] = set()
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip() and paragraph.text not in seen_headers:
                seen_headers.add(paragraph.text)
                yield paragraph.text
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _docx_table_rows(block)
        else:
            yield block.text
    seen_footers: set[str] = set()
    for section in document.sections:
        for paragraph in section.footer.paragraphs:
            if paragraph.text.strip() and paragraph.text not in seen_footers:
                seen_footers.add(paragraph.text)
                yield paragraph.text


def _docx_table_rows(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(cell.text.strip())
        yield "\t".join(cells)


def extract_odt(data: bytes, *, limits: ExtractLimits) -> tuple[Page, ...]:
    """The headings, paragraphs, lists and tables of an .odt's content.xml, in order."""
    _check_unpacked_size(data, limits=limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = ElementTree.fromstring(archive.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as error:
        raise CorruptFile(f"the .odt could not be read: {error}") from error
    body = root.find(f"{{{_OFFICE_NS}}}body/{{{_OFFICE_NS}}}text")
    if body is None:
        raise CorruptFile("the .odt has no text body")
    return (Page(number=1, text=_join(_odt_blocks(body)), method="text"),)


def _odt_blocks(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        if child.tag in (f"{{{_TEXT_NS}}}p", f"{{{_TEXT_NS}}}h"):
            yield _odt_inline_text(child)
        elif child.tag == f"{{{_TABLE_NS}}}table":
            for row in child.iter(f"{{{_TABLE_NS}}}table-row"):
                cells = row.findall(f"{{{_TABLE_NS}}}table-cell")
                yield "\t".join(" ".join(_odt_blocks(cell)).strip() for cell in cells)
        elif child.tag != f"{{{_OFFICE_NS}}}annotation":
            yield from _odt_blocks(child)  # lists, list items, sections


def _odt_inline_text(element: ElementTree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{{{_TEXT_NS}}}s":
            parts.append(" " * int(child.get(f"{{{_TEXT_NS}}}c", "1")))
        elif child.tag == f"{{{_TEXT_NS}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{_TEXT_NS}}}line-break":
            parts.append("\n")
        elif child.tag not in (f"{{{_OFFICE_NS}}}annotation", f"{{{_TEXT_NS}}}note"):
            parts.append(_odt_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _check_unpacked_size(data: bytes, *, limits: ExtractLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise CorruptFile(f"the document is not a readable zip: {error}") from error
    if unpacked > limits.max_bytes * _UNPACK_RATIO:
        raise FileTooLarge(f"the document unpacks to {unpacked} bytes")


def _join(lines: Iterator[str] | list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
