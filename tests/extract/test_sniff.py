"""Choosing the extractor: content first, then the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.sniff import FileKind, sniff_kind


@pytest.mark.parametrize(
    ("sample", "kind"),
    [
        ("born-digital.pdf", FileKind.PDF),
        ("scan-clean.png", FileKind.PNG),
        ("photo.jpg", FileKind.JPEG),
        ("scan-multipage.tif", FileKind.TIFF),
        ("email-utf8.eml", FileKind.EMAIL),
        ("letter.msg", FileKind.MSG),
        ("letter.docx", FileKind.DOCX),
        ("letter.odt", FileKind.ODT),
        ("letter.txt", FileKind.TEXT),
        ("broken-unsupported.xlsx", FileKind.UNKNOWN),
    ],
)
def test_samples_are_named_by_content(samples: Path, sample: str, kind: FileKind) -> None:
    assert sniff_kind((samples / sample).read_bytes(), name=sample) is kind


def test_content_wins_over_a_lying_extension(samples: Path) -> None:
    data = (samples / "born-digital.pdf").read_bytes()
    assert sniff_kind(data, name="letter.docx") is FileKind.PDF
    assert sniff_kind((samples / "scan-clean.png").read_bytes(), name="scan.pdf") is FileKind.PNG


def test_content_is_read_whatever_the_stored_name(samples: Path) -> None:
    data = (samples / "letter.odt").read_bytes()
    assert sniff_kind(data, name="3f5a9c0d") is FileKind.ODT


def test_an_e_mail_without_extension_is_recognised_by_its_headers(samples: Path) -> None:
    data = (samples / "email-windows-1252.eml").read_bytes()
    assert sniff_kind(data, name="message") is FileKind.EMAIL


def test_unsigned_content_falls_back_on_the_extension() -> None:
    assert sniff_kind("Lënda: kërkesë".encode(), name="kerkese.txt") is FileKind.TEXT
    assert sniff_kind(b"garbage that claims to be a pdf", name="x.pdf") is FileKind.PDF
    assert sniff_kind(b"\x00\x01\x02", name="x.bin") is FileKind.UNKNOWN


def test_an_e_mail_carrying_a_pdf_early_is_still_an_e_mail() -> None:
    mail = b"From: a@example.al\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ...\r\n"
    assert sniff_kind(mail, name="stored-original") is FileKind.EMAIL


def test_a_txt_letter_that_opens_like_headers_stays_text() -> None:
    letter = b"Subject: Request for a certificate\nTo: Bashkia Vlore\n\nDear Sir,"
    assert sniff_kind(letter, name="letter.txt") is FileKind.TEXT
