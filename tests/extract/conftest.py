"""Fixtures for the extraction tests: the samples, default limits, and OCR engines.

One pooled engine serves the whole session, as one serves the whole intake loop; tests that
need to change how tesseract is called get their own in-process engine.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from extract import ExtractLimits, OcrEngine
from extract.ocr import OcrResult
from tests.extract.textmetrics import SAMPLES


class NoOcr(OcrEngine):
    """An engine that fails the test if anything asks it for OCR."""

    def recognise_pages(self, images: Sequence[bytes]) -> list[OcrResult]:
        raise AssertionError("this file should not need OCR")


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def limits() -> ExtractLimits:
    return ExtractLimits()


@pytest.fixture
def no_ocr() -> NoOcr:
    return NoOcr(in_process=True, workers=1)


@pytest.fixture(scope="session")
def pooled_ocr() -> Iterator[OcrEngine]:
    with OcrEngine(languages="sqi+eng", timeout_seconds=60, workers=2) as engine:
        yield engine
