"""The extraction stage's errors: why a file could not be read, and what a clerk can do about it.

    ProtokollError
    └── ExtractionError            quarantine   extraction-failed
        ├── UnsupportedFileType    quarantine   unsupported-type
        ├── EmptyFile              quarantine   empty-file
        ├── FileTooLarge           quarantine   file-too-large
        ├── TooManyPages           quarantine   too-many-pages
        ├── CorruptFile            quarantine   corrupt-file
        ├── EncryptedFile          quarantine   encrypted-file
        ├── ImageBomb              quarantine   image-bomb
        ├── OcrTimeout             (caught per page: the page comes back empty, flagged)
        └── ToolMissing            retry        tool-missing

Every adapter (pdf, images, ocr, email, msg, office) turns its library's failures into one of
these and keeps the library's exception as `__cause__`.
"""

from __future__ import annotations

from protokoll.errors import NextStep, ProtokollError


class ExtractionError(ProtokollError):
    """A file could not be read. The original stays in the store; the file goes to quarantine."""

    code = "extraction-failed"
    next_step = NextStep.QUARANTINE
    advice = (
        "The file could not be read. Open it by hand and register it manually if it is a letter."
    )
    http_status = 422


class UnsupportedFileType(ExtractionError):
    code = "unsupported-type"
    advice = (
        "This kind of file is not read automatically (we read PDF, PNG, JPEG, TIFF, e-mail, "
        ".msg, .docx, .odt and .txt). Ask the sender for a PDF, or register the letter by hand."
    )


class EmptyFile(ExtractionError):
    code = "empty-file"
    advice = "The file is empty (0 bytes). Ask the sender to send it again."


class FileTooLarge(ExtractionError):
    code = "file-too-large"
    advice = (
        "The file is larger than the configured limit. Ask the sender for a smaller copy, or "
        "split it, or raise PROTOKOLL_MAX_FILE_BYTES."
    )


class TooManyPages(ExtractionError):
    code = "too-many-pages"
    advice = (
        "The document has more pages than the configured limit. Split it into separate letters, "
        "or raise PROTOKOLL_MAX_PAGES."
    )


class CorruptFile(ExtractionError):
    code = "corrupt-file"
    advice = "The file is damaged or incomplete. Ask the sender to send it again."


class EncryptedFile(ExtractionError):
    code = "encrypted-file"
    advice = (
        "The PDF is protected by a password. Ask the sender for an unprotected copy, or for the "
        "password and save an unprotected copy."
    )


class ImageBomb(ExtractionError):
    code = "image-bomb"
    advice = (
        "The image claims to be far larger than any scan. It may be malicious: do not open it. "
        "Ask the sender for an ordinary scan."
    )


class OcrTimeout(ExtractionError):
    """Raised inside the OCR adapter for one page; the page comes back empty and flagged."""

    code = "ocr-timeout"
    advice = "Reading this page took too long. Check the page by hand."


class ToolMissing(ExtractionError):
    code = "tool-missing"
    next_step = NextStep.RETRY
    advice = (
        "Tesseract OCR is not installed or not on PATH. Install it with its Albanian data "
        "(apt-get install tesseract-ocr tesseract-ocr-sqi), then retry the file."
    )
    http_status = 503
