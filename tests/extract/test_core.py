"""extract_file end to end: every broken sample raises its own error, limits hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    ExtractionError,
    ExtractLimits,
    FileTooLarge,
    ImageBomb,
    UnsupportedFileType,
    extract_file,
)
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES, expected_text, normalise


@pytest.mark.parametrize(
    ("sample", "error"),
    [
        ("broken-corrupt.pdf", CorruptFile),
        ("broken-encrypted.pdf", EncryptedFile),
        ("broken-truncated.jpg", CorruptFile),
        ("broken-empty.pdf", EmptyFile),
        ("broken-bomb.png", ImageBomb),
        ("broken-unsupported.xlsx", UnsupportedFileType),
    ],
)
def test_each_broken_sample_raises_its_own_error(
    sample: str, error: type[ExtractionError], limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    with pytest.raises(error) as caught:
        extract_file(SAMPLES / sample, name=sample, limits=limits, ocr=no_ocr)
    assert type(caught.value) is error
    assert caught.value.next_step == "quarantine"


def test_a_file_over_the_limit_is_not_read(no_ocr: NoOcr) -> None:
    with pytest.raises(FileTooLarge):
        extract_file(
            SAMPLES / "born-digital.pdf",
            name="big.pdf",
            limits=ExtractLimits(max_bytes=1000),
            ocr=no_ocr,
        )


def test_a_missing_file_is_an_extraction_error(tmp_path: Path, limits: ExtractLimits) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract_file(tmp_path / "gone.pdf", name="gone.pdf", limits=limits, ocr=NoOcr())
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_the_stored_name_does_not_matter(
    tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    stored = tmp_path / "9f2c5e0a7b"
    stored.write_bytes((SAMPLES / "letter.docx").read_bytes())
    extraction = extract_file(stored, name="letra.docx", limits=limits, ocr=no_ocr)
    assert normalise(extraction.text) == expected_text("letter.docx")


def test_a_text_file_in_windows_1252(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    extraction = extract_file(SAMPLES / "letter.txt", name="letter.txt", limits=limits, ocr=no_ocr)
    assert extraction.media_type == "text/plain"
    assert normalise(extraction.text) == expected_text("letter.txt")
