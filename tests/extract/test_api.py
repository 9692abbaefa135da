"""The stage's public surface, its limits, its errors, and the JSON round trip of a result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from extract import Extraction, ExtractLimits, extract_file
from extract import errors as extract_errors
from protokoll.errors import NextStep, ProtokollError
from protokoll.settings import Settings
from tests.extract.conftest import NoOcr

PUBLIC = {
    "Attachment", "CorruptFile", "EmailHeaders", "EmptyFile", "EncryptedFile", "ExtractLimits",
    "Extraction", "ExtractionError", "FileTooLarge", "ImageBomb", "OcrEngine", "OcrTimeout",
    "Page", "ToolMissing", "TooManyPages", "UnsupportedFileType", "extract_file",
}  # fmt: skip


def test_public_surface_is_exactly_all() -> None:
    assert set(extract.__all__) == PUBLIC
    for name in extract.__all__:
        assert getattr(extract, name) is not None


def test_limits_come_from_settings(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, max_file_bytes=1234, max_pages=7, ocr_workers=3, ocr_dpi=200)
    limits = ExtractLimits.from_settings(settings)
    assert (limits.max_bytes, limits.max_pages, limits.ocr_workers, limits.ocr_dpi) == (
        1234, 7, 3, 200,
    )  # fmt: skip
    assert limits.ocr_languages == "sqi+eng"
    assert limits.max_image_pixels == settings.max_image_pixels


ERROR_CLASSES = [
    extract_errors.UnsupportedFileType, extract_errors.EmptyFile, extract_errors.FileTooLarge,
    extract_errors.TooManyPages, extract_errors.CorruptFile, extract_errors.EncryptedFile,
    extract_errors.ImageBomb, extract_errors.ToolMissing,
]  # fmt: skip


@pytest.mark.parametrize("error_class", ERROR_CLASSES)
def test_every_error_has_its_own_code_advice_and_fate(error_class: type) -> None:
    error = error_class("what happened")
    assert isinstance(error, extract.ExtractionError)
    assert isinstance(error, ProtokollError)
    assert error.code != extract.ExtractionError.code
    assert len(error.advice) > 20
    expected = NextStep.RETRY if error_class is extract.ToolMissing else NextStep.QUARANTINE
    assert error.next_step is expected
    assert error.as_dict()["code"] == error.code


def test_error_codes_are_unique() -> None:
    codes = [cls.code for cls in ERROR_CLASSES]
    assert len(set(codes)) == len(codes)


def test_extraction_round_trips_through_json(
    samples: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    sample = samples / "email-traversal-nested.eml"
    original = extract_file(sample, name=sample.name, limits=limits, ocr=no_ocr)
    restored = Extraction.from_dict(json.loads(json.dumps(original.to_dict())))
    assert restored == original
    assert restored.email is not None and restored.attachments
