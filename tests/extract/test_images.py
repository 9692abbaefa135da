"""Opening images safely and preparing them for OCR (no tesseract here: see test_ocr)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from extract import CorruptFile, ExtractLimits, ImageBomb, TooManyPages, extract_file
from extract.images import prepare_image_pages
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES


def test_a_bomb_is_refused_before_decoding(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    with pytest.raises(ImageBomb) as caught:
        extract_file(SAMPLES / "broken-bomb.png", name="bomb.png", limits=limits, ocr=no_ocr)
    assert caught.value.__cause__ is not None  # PIL's own limit tripped as well


def test_our_pixel_limit_applies_below_pils(no_ocr: NoOcr) -> None:
    limits = ExtractLimits(max_image_pixels=1_000_000)  # the clean scan is 8.7 megapixels
    with pytest.raises(ImageBomb):
        extract_file(SAMPLES / "scan-clean.png", name="scan.png", limits=limits, ocr=no_ocr)
    assert Image.MAX_IMAGE_PIXELS != 1_000_000  # PIL's global limit is restored


def test_a_truncated_jpeg_is_corrupt(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    with pytest.raises(CorruptFile) as caught:
        extract_file(SAMPLES / "broken-truncated.jpg", name="x.jpg", limits=limits, ocr=no_ocr)
    assert isinstance(caught.value.__cause__, OSError)


def test_tiff_pages_count_against_the_page_limit(no_ocr: NoOcr) -> None:
    with pytest.raises(TooManyPages):
        extract_file(
            SAMPLES / "scan-multipage.tif",
            name="scan.tif",
            limits=ExtractLimits(max_pages=1),
            ocr=no_ocr,
        )


def _decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def test_multipage_tiff_gives_one_grey_page_per_frame(limits: ExtractLimits) -> None:
    pages = prepare_image_pages((SAMPLES / "scan-multipage.tif").read_bytes(), limits=limits)
    assert len(pages) == 2
    assert all(_decoded(png).mode == "L" for png in pages)


def test_exif_orientation_is_respected_and_photos_are_upscaled(limits: ExtractLimits) -> None:
    raw = Image.open(SAMPLES / "photo.jpg")
    assert raw.width > raw.height  # stored sideways, EXIF says turn it
    (png,) = prepare_image_pages((SAMPLES / "photo.jpg").read_bytes(), limits=limits)
    page = _decoded(png)
    assert page.height > page.width
    assert page.width == pytest.approx(2480, rel=0.02)  # A4 width at 300 dpi


def test_a_scan_at_its_resolution_is_not_resized(limits: ExtractLimits) -> None:
    (png,) = prepare_image_pages((SAMPLES / "scan-clean.png").read_bytes(), limits=limits)
    assert _decoded(png).size == (2480, 3508)


def test_a_low_resolution_scan_is_scaled_to_300_dpi(tmp_path: Path, limits: ExtractLimits) -> None:
    buffer = io.BytesIO()
    Image.new("L", (1240, 1754), 255).save(buffer, format="PNG", dpi=(150, 150))
    (png,) = prepare_image_pages(buffer.getvalue(), limits=limits)
    assert _decoded(png).size == (2480, 3508)
