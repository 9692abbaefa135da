"""Word-processor files: .docx with its table, .odt from content.xml, and broken ones."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extract import CorruptFile, ExtractLimits, FileTooLarge, extract_file
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES, expected_text, normalise


@pytest.mark.parametrize("sample", ["letter.docx", "letter.odt"])
def test_paragraphs_and_table_rows_in_order(
    sample: str, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    extraction = extract_file(SAMPLES / sample, name=sample, limits=limits, ocr=no_ocr)
    (page,) = extraction.pages
    assert page.method == "text"
    assert normalise(page.text) == expected_text(sample)
    assert "Emri\tLuan Kaçi" in page.text.splitlines()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_broken_docx_is_corrupt(tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(_zip({"word/document.xml": b"<not xml", "[Content_Types].xml": b"<x"}))
    with pytest.raises(CorruptFile) as caught:
        extract_file(broken, name=broken.name, limits=limits, ocr=no_ocr)
    assert caught.value.__cause__ is not None


def test_a_broken_odt_is_corrupt(tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr) -> None:
    broken = tmp_path / "broken.odt"
    broken.write_bytes(
        _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<a><b>"})
    )
    with pytest.raises(CorruptFile):
        extract_file(broken, name=broken.name, limits=limits, ocr=no_ocr)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path, no_ocr: NoOcr) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(_zip({"word/document.xml": b"<" + b"a" * 2_000_000}))
    limits = ExtractLimits(max_bytes=100_000)
    with pytest.raises(FileTooLarge):
        extract_file(bomb, name=bomb.name, limits=limits, ocr=no_ocr)
