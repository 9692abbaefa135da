"""The extraction stage: read one file and return its pages of text as an `Extraction`.

It never touches the database and never classifies. Tesseract, pdfplumber/pypdfium2, Pillow,
extract_msg and python-docx each sit behind one adapter module that turns their failures into
the errors of `extract.errors`.
"""

from extract.core import extract_file
from extract.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    ExtractionError,
    FileTooLarge,
    ImageBomb,
    OcrTimeout,
    ToolMissing,
    TooManyPages,
    UnsupportedFileType,
)
from extract.limits import ExtractLimits
from extract.ocr import OcrEngine
from extract.types import Attachment, EmailHeaders, Extraction, Page

__all__ = [
    "Attachment",
    "CorruptFile",
    "EmailHeaders",
    "EmptyFile",
    "EncryptedFile",
    "ExtractLimits",
    "Extraction",
    "ExtractionError",
    "FileTooLarge",
    "ImageBomb",
    "OcrEngine",
    "OcrTimeout",
    "Page",
    "ToolMissing",
    "TooManyPages",
    "UnsupportedFileType",
    "extract_file",
]
