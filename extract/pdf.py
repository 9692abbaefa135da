"""The one pdfplumber (and pypdfium2) adapter: a PDF's pages, from its text layer or by OCR.

Page by page, a text layer that carries real text (see `extract.quality`) is used as it is;
pages without one, or with a garbage or poor OCR layer, are rasterised with pypdfium2 at
`ocr_dpi` and OCR'd. A PDF may mix both. All OCR pages of a file go to the engine together, so
they spread over its workers.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extract.errors import CorruptFile, EncryptedFile, ExtractionError, TooManyPages
from extract.images import to_png
from extract.limits import ExtractLimits
from extract.ocr import OcrEngine
from extract.quality import measure_text_quality
from extract.types import Page

_POINTS_PER_INCH = 72


def extract_pdf(data: bytes, *, limits: ExtractLimits, ocr: OcrEngine) -> tuple[Page, ...]:
    """Every page of the PDF, in order, each read the cheapest way that gives real text."""
    layers = read_text_layers(data, limits=limits)
    pages: dict[int, Page] = {}
    needs_ocr: list[int] = []
    for number, text in enumerate(layers, start=1):
        quality = measure_text_quality(text)
        if quality.is_real_text:
            pages[number] = Page(number=number, text=text.strip(), method="text")
        else:
            needs_ocr.append(number)
    if needs_ocr:
        rendered = render_pages(data, numbers=needs_ocr, limits=limits)
        results = ocr.recognise_pages([png for png, _ in rendered])
        for number, (_, render_flags), result in zip(needs_ocr, rendered, results, strict=True):
            had_layer = bool(layers[number - 1].strip())
            flags = (("poor-text-layer",) if had_layer else ()) + render_flags + result.flags
            pages[number] = Page(
                number=number,
                text=result.text,
                method="ocr",
                confidence=result.confidence,
                rotation=result.rotation,
                flags=flags,
            )
    return tuple(pages[number] for number in sorted(pages))


def read_text_layers(data: bytes, *, limits: ExtractLimits) -> list[str]:
    """The text layer of each page ("" where there is none); checks the page limit first."""
    with _pdfplumber_errors(), pdfplumber.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
        if count == 0:
            raise CorruptFile("the PDF has no pages")
        if count > limits.max_pages:
            raise TooManyPages(f"the PDF has {count} pages, over {limits.max_pages}")
        return [_page_text(page) for page in pdf.pages]


def _page_text(page: pdfplumber.page.Page) -> str:
    try:
        return page.extract_text() or ""
    except Exception:  # noqa: BLE001 - a page whose text layer breaks pdfminer is OCR'd instead
        return ""


def render_pages(
    data: bytes, *, numbers: list[int], limits: ExtractLimits
) -> list[tuple[bytes, tuple[str, ...]]]:
    """Rasterise the given pages (1-based) to grey PNGs at `ocr_dpi`, within the pixel limit."""
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise EncryptedFile("the PDF is password-protected") from error
        raise CorruptFile(f"the PDF could not be rendered: {error}") from error
    try:
        rendered = []
        for number in numbers:
            page = document[number - 1]
            width, height = page.get_size()
            scale = limits.ocr_dpi / _POINTS_PER_INCH
            flags: tuple[str, ...] = ()
            pixels = width * height * scale * scale
            if pixels > limits.max_image_pixels:
                # An oversized page is rendered coarser rather than refused: it is still a letter.
                scale *= (limits.max_image_pixels / pixels) ** 0.5
                flags = ("reduced-dpi",)
            bitmap = page.render(scale=scale, grayscale=True)
            rendered.append((to_png(bitmap.to_pil()), flags))
        return rendered
    except pypdfium2.PdfiumError as error:
        raise CorruptFile(f"a PDF page could not be rendered: {error}") from error
    finally:
        document.close()


@contextmanager
def _pdfplumber_errors() -> Iterator[None]:
    """Turn pdfplumber's and pdfminer's failures into ours, the original kept as the cause."""
    try:
        yield
    except ExtractionError:
        raise
    except PdfminerException as error:
        original = error.args[0] if error.args else error
        if isinstance(original, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedFile("the PDF is password-protected") from error
        raise CorruptFile(f"the PDF could not be parsed: {original}") from error
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise EncryptedFile("the PDF is password-protected") from error
    except (PSException, ValueError, KeyError, TypeError, AssertionError, OSError) as error:
        raise CorruptFile(f"the PDF could not be parsed: {error}") from error
