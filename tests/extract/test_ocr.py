"""Real tesseract on small samples: accuracy, rotation, timeouts, a missing binary."""

from __future__ import annotations

import os

import pytesseract
import pytest

from extract import ExtractLimits, OcrEngine, ToolMissing, extract_file
from tests.extract.textmetrics import SAMPLES, character_error_rate, expected_text

pytestmark = pytest.mark.slow


def read(name: str, limits: ExtractLimits, ocr: OcrEngine):
    return extract_file(SAMPLES / name, name=name, limits=limits, ocr=ocr)


def test_clean_scan_is_read_almost_exactly(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    extraction = read("scan-clean.png", limits, pooled_ocr)
    (page,) = extraction.pages
    assert (page.method, page.rotation) == ("ocr", 0)
    assert page.confidence is not None and page.confidence > 85
    assert "ndriçimit" in page.text and "Vlorë" in page.text  # sqi keeps ë and ç
    assert character_error_rate(page.text, expected_text("scan-clean.png")) < 0.05


@pytest.mark.parametrize(
    ("sample", "rotation"), [("scan-rotated-90.png", 90), ("scan-rotated-180.png", 180)]
)
def test_rotated_scans_are_turned_upright(
    sample: str, rotation: int, limits: ExtractLimits, pooled_ocr: OcrEngine
) -> None:
    (page,) = read(sample, limits, pooled_ocr).pages
    assert page.rotation == rotation
    assert character_error_rate(page.text, expected_text(sample)) < 0.05


def test_skewed_scan_is_levelled(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    (page,) = read("scan-skewed.png", limits, pooled_ocr).pages
    assert "deskewed" in page.flags
    assert character_error_rate(page.text, expected_text("scan-skewed.png")) < 0.05


def test_phone_photo(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    (page,) = read("photo.jpg", limits, pooled_ocr).pages
    assert character_error_rate(page.text, expected_text("photo.jpg")) < 0.15


def test_multipage_tiff(limits: ExtractLimits, pooled_ocr: OcrEngine) -> None:
    extraction = read("scan-multipage.tif", limits, pooled_ocr)
    assert [page.number for page in extraction.pages] == [1, 2]
    assert character_error_rate(extraction.text, expected_text("scan-multipage.tif")) < 0.05


def test_a_timed_out_page_comes_back_empty_and_flagged(limits: ExtractLimits) -> None:
    with OcrEngine(timeout_seconds=0.05, in_process=True, workers=1) as engine:
        (page,) = read("scan-clean.png", limits, engine).pages
    assert (page.text, page.method, page.flags) == ("", "ocr", ("ocr-timeout",))


def test_tesseract_runs_single_threaded_and_the_environment_is_restored(
    monkeypatch: pytest.MonkeyPatch, limits: ExtractLimits
) -> None:
    seen: list[str | None] = []
    original = pytesseract.pytesseract.run_tesseract

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(os.environ.get("OMP_THREAD_LIMIT"))
        return original(*args, **kwargs)

    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)
    monkeypatch.setattr(pytesseract.pytesseract, "run_tesseract", spy)
    engine = OcrEngine(in_process=True, workers=1, detect_rotation=False)
    read("scan-rotated-90.png", limits, engine)
    assert seen and set(seen) == {"1"}
    assert "OMP_THREAD_LIMIT" not in os.environ


def test_a_missing_tesseract_is_our_error(
    monkeypatch: pytest.MonkeyPatch, limits: ExtractLimits
) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ToolMissing) as caught:
        read("scan-clean.png", limits, OcrEngine(in_process=True, workers=1))
    assert isinstance(caught.value.__cause__, pytesseract.TesseractNotFoundError)
    assert caught.value.next_step == "retry"


def test_a_page_with_too_little_text_for_osd_is_taken_as_it_is(tmp_path, limits) -> None:
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (2480, 3508), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 46)
    ImageDraw.Draw(page).text((280, 280), "Faqe 2", font=font, fill=0)
    path = tmp_path / "almost-blank.png"
    page.save(path, dpi=(300, 300))
    with OcrEngine(in_process=True, workers=1) as engine:
        (result,) = extract_file(path, name=path.name, limits=limits, ocr=engine).pages
    assert (result.rotation, result.flags) == (0, ())
    assert "Faqe" in result.text
