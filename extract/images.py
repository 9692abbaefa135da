"""The one Pillow adapter: opening scans and photos safely and preparing them for OCR.

Guards come before decoding: a file's claimed dimensions are checked against
`max_image_pixels` as soon as the header is read, and PIL's own bomb limit is set as well.
Preparation respects EXIF orientation, turns the page grey, evens out the lighting of phone
photos and upscales small images so text reaches roughly 300 dpi, which tesseract likes best.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageChops, ImageFilter, ImageOps, ImageSequence, UnidentifiedImageError

from extract.errors import CorruptFile, ImageBomb, TooManyPages
from extract.limits import ExtractLimits
from extract.ocr import OcrEngine
from extract.types import Page

#: Without a trustworthy dpi we assume the picture shows an A4 page across its width.
_A4_WIDTH_INCHES = 8.27
#: Cameras write 72 dpi whatever they photograph; below this the figure means nothing.
_MIN_TRUSTED_DPI = 150
_MAX_UPSCALE = 4.0


def extract_image(data: bytes, *, limits: ExtractLimits, ocr: OcrEngine) -> tuple[Page, ...]:
    """OCR every frame of a PNG, JPEG or (multi-page) TIFF, one page per frame."""
    pngs = prepare_image_pages(data, limits=limits)
    results = ocr.recognise_pages(pngs)
    return tuple(
        Page(
            number=number,
            text=result.text,
            method="ocr",
            confidence=result.confidence,
            rotation=result.rotation,
            flags=result.flags,
        )
        for number, result in enumerate(results, start=1)
    )


def prepare_image_pages(data: bytes, *, limits: ExtractLimits) -> list[bytes]:
    """Each frame, upright, grey, evened out and scaled for OCR, as PNG bytes."""
    with open_image(data, limits=limits) as image:
        frame_count = getattr(image, "n_frames", 1)
        if frame_count > limits.max_pages:
            raise TooManyPages(f"the image has {frame_count} pages, over {limits.max_pages}")
        pages = []
        try:
            for frame in ImageSequence.Iterator(image):
                check_pixels(frame.size, limits=limits)
                upright = ImageOps.exif_transpose(frame)
                pages.append(to_png(prepare_for_ocr(upright, limits=limits)))
        except (OSError, SyntaxError, ValueError) as error:
            raise CorruptFile(f"the image could not be decoded: {error}") from error
        return pages


@contextmanager
def open_image(data: bytes, *, limits: ExtractLimits) -> Iterator[Image.Image]:
    """Open an image lazily, refusing bombs before any pixel is decoded."""
    with _pil_pixel_limit(limits.max_image_pixels):
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImageBomb(f"the image is over {limits.max_image_pixels} pixels") from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise CorruptFile(f"the image could not be opened: {error}") from error
        with image:
            check_pixels(image.size, limits=limits)
            yield image


def check_pixels(size: tuple[int, int], *, limits: ExtractLimits) -> None:
    width, height = size
    if width * height > limits.max_image_pixels:
        raise ImageBomb(f"the image claims {width}x{height} pixels, over {limits.max_image_pixels}")


def prepare_for_ocr(image: Image.Image, *, limits: ExtractLimits) -> Image.Image:
    """Grey, evenly lit, and scaled so that text is near `ocr_dpi`."""
    try:
        grey = image.convert("L")
    except (OSError, SyntaxError, ValueError) as error:
        raise CorruptFile(f"the image could not be decoded: {error}") from error
    scale = _upscale_factor(image, limits=limits)
    if scale > 1.0:
        size = (round(grey.width * scale), round(grey.height * scale))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    return even_out_lighting(grey)


def even_out_lighting(grey: Image.Image) -> Image.Image:
    """Subtract the page's background (text removed by a max filter, then blurred) and stretch.

    Phone photos are lit unevenly; tesseract's global threshold then loses the dark corner.
    On an evenly lit scan the background is white and this changes nothing of note.
    """
    small = grey.reduce(8) if min(grey.size) >= 64 else grey
    background = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(4))
    background = background.resize(grey.size, Image.Resampling.BILINEAR)
    flattened = ImageOps.invert(ImageChops.subtract(background, grey))
    return ImageOps.autocontrast(flattened, cutoff=(1, 0))


def _upscale_factor(image: Image.Image, *, limits: ExtractLimits) -> float:
    dpi = image.info.get("dpi")
    dpi_x = float(dpi[0]) if isinstance(dpi, tuple) and dpi and dpi[0] else 0.0
    if dpi_x >= _MIN_TRUSTED_DPI:
        wanted = limits.ocr_dpi / dpi_x
    else:
        wanted = (_A4_WIDTH_INCHES * limits.ocr_dpi) / image.width
    if wanted < 1.2:  # near enough; resampling costs time and sharpness
        return 1.0
    largest = (limits.max_image_pixels / (image.width * image.height)) ** 0.5
    return min(wanted, _MAX_UPSCALE, largest)


def to_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # speed over size: it only travels
    return buffer.getvalue()


@contextmanager
def _pil_pixel_limit(max_pixels: int) -> Iterator[None]:
    """Set PIL's own bomb limit for this call; its warnings between 1x and 2x become errors."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous
