"""PDFs page by page: the text layer where it is real, OCR where it is not."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from extract import (
    CorruptFile,
    EncryptedFile,
    ExtractLimits,
    OcrEngine,
    TooManyPages,
    extract_file,
)
from extract.ocr import OcrResult
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES, character_error_rate, expected_text, normalise


class CannedOcr(OcrEngine):
    """Answers every page with the same text, and counts the pages it was asked for."""

    def __init__(self) -> None:
        super().__init__(in_process=True, workers=1)
        self.pages_seen = 0

    def recognise_pages(self, images: Sequence[bytes]) -> list[OcrResult]:
        self.pages_seen += len(images)
        return [OcrResult(text="teksti nga OCR", confidence=88.0) for _ in images]


def test_born_digital_pdf_uses_its_text_layer(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    extraction = extract_file(
        SAMPLES / "born-digital.pdf", name="born-digital.pdf", limits=limits, ocr=no_ocr
    )
    (page,) = extraction.pages
    assert (page.method, page.confidence, page.flags) == ("text", None, ())
    assert normalise(page.text) == expected_text("born-digital.pdf")


def _pdf_with_garbage_layer() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    text = pdf.beginText(72, 700)
    text.setTextRenderMode(3)  # invisible, like a scanner's OCR layer
    text.textLine("ÿþ%$# 1l1l| ;;;:: 0O0O0 ##@@ ~~ " * 3)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_garbage_text_layer_is_ocrd_and_flagged(tmp_path: Path, limits: ExtractLimits) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(_pdf_with_garbage_layer())
    engine = CannedOcr()
    (page,) = extract_file(path, name=path.name, limits=limits, ocr=engine).pages
    assert engine.pages_seen == 1
    assert (page.method, page.text, page.confidence) == ("ocr", "teksti nga OCR", 88.0)
    assert "poor-text-layer" in page.flags


def test_mixed_pdf_sends_only_the_scanned_page_to_ocr(limits: ExtractLimits) -> None:
    engine = CannedOcr()
    extraction = extract_file(SAMPLES / "mixed.pdf", name="mixed.pdf", limits=limits, ocr=engine)
    assert [page.method for page in extraction.pages] == ["text", "ocr"]
    assert engine.pages_seen == 1


def test_page_limit_is_checked_before_any_ocr(no_ocr: NoOcr) -> None:
    with pytest.raises(TooManyPages):
        extract_file(
            SAMPLES / "scan-2pages.pdf",
            name="scan-2pages.pdf",
            limits=ExtractLimits(max_pages=1),
            ocr=no_ocr,
        )


def test_encrypted_pdf(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    with pytest.raises(EncryptedFile) as caught:
        extract_file(SAMPLES / "broken-encrypted.pdf", name="x.pdf", limits=limits, ocr=no_ocr)
    assert caught.value.__cause__ is not None


def test_corrupt_pdf(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    with pytest.raises(CorruptFile) as caught:
        extract_file(SAMPLES / "broken-corrupt.pdf", name="x.pdf", limits=limits, ocr=no_ocr)
    assert caught.value.__cause__ is not None


@pytest.mark.slow
def test_mixed_pdf_with_real_ocr(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    extraction = extract_file(
        SAMPLES / "mixed.pdf", name="mixed.pdf", limits=limits, ocr=pooled_ocr
    )
    assert [page.method for page in extraction.pages] == ["text", "ocr"]
    assert character_error_rate(extraction.text, expected_text("mixed.pdf")) < 0.05


@pytest.mark.slow
def test_scanned_pdf_is_ocrd_page_by_page(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    extraction = extract_file(
        SAMPLES / "scan-2pages.pdf", name="scan-2pages.pdf", limits=limits, ocr=pooled_ocr
    )
    assert [(page.number, page.method) for page in extraction.pages] == [(1, "ocr"), (2, "ocr")]
    assert all(page.confidence and page.confidence > 80 for page in extraction.pages)
    assert character_error_rate(extraction.text, expected_text("scan-2pages.pdf")) < 0.05
