"""The limits and OCR options the extraction stage works under, taken from the one Settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from protokoll.settings import Settings


@dataclass(frozen=True)
class ExtractLimits:
    """How much a single file may cost us, and how OCR runs. Picklable, so workers can share it."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    max_image_pixels: int = 80_000_000
    ocr_dpi: int = 300
    ocr_languages: str = "sqi+eng"
    ocr_timeout_seconds: float = 120.0
    ocr_workers: int = 0  # 0 means one per core

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractLimits:
        return cls(
            max_bytes=settings.max_file_bytes,
            max_pages=settings.max_pages,
            max_image_pixels=settings.max_image_pixels,
            ocr_dpi=settings.ocr_dpi,
            ocr_languages=settings.ocr_languages,
            ocr_timeout_seconds=settings.ocr_timeout_seconds,
            ocr_workers=settings.ocr_workers,
        )
