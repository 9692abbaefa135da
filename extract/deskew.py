"""Small-angle deskew of scanned pages, by projection profile, in plain Pillow.

Tesseract copes with a degree of skew but at 2-3 degrees it starts to drop whole paragraphs of
long lines. We try angles within +-`MAX_SKEW_DEGREES` on a reduced copy of the page and keep
the one whose row profile is sharpest: when lines of text are level, rows alternate between
ink and paper, so the differences between neighbouring row sums are largest.
"""

from __future__ import annotations

from PIL import Image, ImageOps

MAX_SKEW_DEGREES = 5.0
_COARSE_STEP = 0.5
_FINE_STEP = 0.1
_WORK_WIDTH = 600  # pixels: enough to see text lines, cheap to rotate dozens of times
_MIN_GAIN = 1.2  # the levelled profile must be this much sharper than the page as it is
_MIN_CORRECTION = 0.3  # below this, turning the page costs more sharpness than it gains


def estimate_skew(page: Image.Image) -> float:
    """Degrees (counter-clockwise, as PIL's `rotate` takes them) that level the text lines."""
    grey = page.convert("L")
    scale = _WORK_WIDTH / grey.width
    small = grey.resize((_WORK_WIDTH, max(1, round(grey.height * scale))), Image.Resampling.BOX)
    ink = ImageOps.invert(ImageOps.autocontrast(small))
    best = max(
        _angles(-MAX_SKEW_DEGREES, MAX_SKEW_DEGREES, _COARSE_STEP), key=lambda a: _sharpness(ink, a)
    )
    fine = _angles(best - _COARSE_STEP, best + _COARSE_STEP, _FINE_STEP)
    angle = max(fine, key=lambda a: _sharpness(ink, a))
    # A page with a line or two of text is about as sharp at any angle: leave it alone.
    if _sharpness(ink, angle) < _MIN_GAIN * _sharpness(ink, 0.0):
        return 0.0
    return angle


def deskew(page: Image.Image) -> tuple[Image.Image, float]:
    """The page turned level, and the angle it was turned by (0.0 when left as it was)."""
    angle = estimate_skew(page)
    if abs(angle) < _MIN_CORRECTION:
        return page, 0.0
    level = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return level, angle


def _sharpness(ink: Image.Image, angle: float) -> float:
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return float(sum((rows[i + 1] - rows[i]) ** 2 for i in range(len(rows) - 1)))


def _angles(low: float, high: float, step: float) -> list[float]:
    count = round((high - low) / step)
    return [round(low + i * step, 2) for i in range(count + 1)]
