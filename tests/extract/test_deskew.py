"""The projection-profile deskew that keeps tesseract from dropping skewed paragraphs."""

from __future__ import annotations

import pytest
from PIL import Image

from extract.deskew import deskew, estimate_skew
from tests.extract.textmetrics import SAMPLES


def test_the_skewed_scan_is_measured_at_its_angle() -> None:
    # The sample was turned 2.5 degrees clockwise; PIL turns it back counter-clockwise.
    assert estimate_skew(Image.open(SAMPLES / "scan-skewed.png")) == pytest.approx(2.5, abs=0.3)


def test_a_level_scan_is_left_alone() -> None:
    page = Image.open(SAMPLES / "scan-clean.png")
    level, angle = deskew(page)
    assert angle == 0.0 and level is page


def test_a_page_with_one_short_line_is_left_alone() -> None:
    from PIL import ImageDraw, ImageFont

    page = Image.new("L", (2480, 3508), 255)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 46)
    ImageDraw.Draw(page).text((280, 280), "Faqe 2", font=font, fill=0)
    assert estimate_skew(page) == 0.0
