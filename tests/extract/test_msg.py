"""Outlook .msg files through extract_msg."""

from __future__ import annotations

from extract import ExtractLimits, extract_file
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES, expected_text, normalise


def test_an_outlook_message_reads_like_an_e_mail(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    extraction = extract_file(SAMPLES / "letter.msg", name="letter.msg", limits=limits, ocr=no_ocr)
    assert extraction.media_type == "application/vnd.ms-outlook"
    headers = extraction.email
    assert headers is not None
    assert headers.subject == "Kërkesë për riparimin e ndriçimit publik"
    assert (headers.sender_name, headers.sender_address) == (
        "Arben Hoxha",
        "arben.hoxha@example.al",
    )
    assert headers.to == ("Protokolli <protokolli@vlora.gov.al>",)
    assert headers.date.startswith("2024-03-12T10:00:00")
    (attachment,) = extraction.attachments
    assert attachment.name == "kerkese-informacion.pdf" and attachment.pages
    assert normalise(extraction.text) == expected_text("letter.msg")
