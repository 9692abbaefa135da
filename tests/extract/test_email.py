"""E-mails: headers, bodies in every encoding, attachments read recursively, hostile names."""

from __future__ import annotations

import os
from email.message import EmailMessage
from pathlib import Path

import pytest

from extract import ExtractLimits, extract_file
from tests.extract.conftest import NoOcr
from tests.extract.textmetrics import SAMPLES, expected_text, normalise

LIGHTING = (SAMPLES / "scan-clean.png.expected.txt").read_text(encoding="utf-8")


def read(name: str, limits: ExtractLimits, ocr: NoOcr):
    return extract_file(SAMPLES / name, name=name, limits=limits, ocr=ocr)


@pytest.mark.parametrize(
    ("sample", "subject"),
    [
        ("email-utf8.eml", "Kërkesë për rishikimin e taksës"),
        ("email-quoted-printable.eml", "Ankesë për ujërat e zeza në rrugën Sadik Zotaj"),
        ("email-windows-1252.eml", "Kërkesë për ndriçimin publik"),
        ("email-unknown-charset.eml", "Ankese"),
        ("email-html.eml", "Kërkesë për informacion"),
    ],
)
def test_each_encoding_gives_the_letter_back(
    sample: str, subject: str, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    extraction = read(sample, limits, no_ocr)
    assert extraction.media_type == "message/rfc822"
    assert extraction.email is not None and extraction.email.subject == subject
    assert normalise(extraction.text) == expected_text(sample)
    assert "\ufffd" not in extraction.text


def test_headers_are_decoded(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    headers = read("email-quoted-printable.eml", limits, no_ocr).email
    assert headers is not None
    assert (headers.sender_name, headers.sender_address) == (
        "Mirela Çela",
        "mirela.cela@example.al",
    )
    assert headers.to == ("Protokolli <protokolli@vlora.gov.al>",)
    assert headers.cc == ("Sekretaria <sekretaria@vlora.gov.al>",)
    assert headers.date == "2024-05-20T09:30:00+01:00"
    assert headers.message_id == "<qp-1@example.al>"


def test_rfc2047_sender_in_windows_1252(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    headers = read("email-windows-1252.eml", limits, no_ocr).email
    assert headers is not None and headers.sender_name == "Arben Hoxha"


def test_a_pdf_attachment_has_its_own_hash_size_and_pages(
    limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    extraction = read("email-quoted-printable.eml", limits, no_ocr)
    (attachment,) = extraction.attachments
    pdf = (SAMPLES / "born-digital.pdf").read_bytes()
    assert attachment.name == "Ankesë ujërat e zeza.pdf"
    assert attachment.media_type == "application/pdf"
    assert attachment.size == len(pdf)
    import hashlib

    assert attachment.sha256 == hashlib.sha256(pdf).hexdigest()
    assert attachment.pages[0].method == "text" and not attachment.error
    assert extraction.page_count == 2


def test_traversal_name_is_sanitised_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    monkeypatch.chdir(tmp_path)
    extraction = read("email-traversal-nested.eml", limits, no_ocr)
    names = [attachment.name for attachment in extraction.attachments]
    assert names[0] == "passwd"
    assert all("/" not in n and "\\" not in n and ".." not in n for n in names)
    assert os.listdir(tmp_path) == []
    assert normalise(extraction.text) == expected_text("email-traversal-nested.eml")


def test_a_nested_message_is_read_as_an_attachment(limits: ExtractLimits, no_ocr: NoOcr) -> None:
    extraction = read("email-traversal-nested.eml", limits, no_ocr)
    nested = extraction.attachments[1]
    assert nested.media_type == "message/rfc822"
    assert nested.name == "Ankesë për ujërat e zeza.eml"
    assert "Mirela Çela" in nested.pages[0].text


def _mail_with(*attachments: tuple[bytes, str, str]) -> bytes:
    message = EmailMessage()
    message["From"] = "Arben Hoxha <arben@example.al>"
    message["Subject"] = "Kërkesë"
    message.set_content(LIGHTING)
    for data, mime, name in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def test_unreadable_attachments_are_recorded_not_fatal(
    tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    mail = tmp_path / "mail.eml"
    corrupt = (SAMPLES / "broken-corrupt.pdf").read_bytes()
    encrypted = (SAMPLES / "broken-encrypted.pdf").read_bytes()
    mail.write_bytes(
        _mail_with(
            (corrupt, "application/pdf", "a.pdf"),
            (encrypted, "application/pdf", "b.pdf"),
            (b"", "application/pdf", "c.pdf"),
            (b"\x00\x01binary", "application/octet-stream", "d.bin"),
        )
    )
    extraction = extract_file(mail, name="mail.eml", limits=limits, ocr=no_ocr)
    errors = [attachment.error.split(":")[0] for attachment in extraction.attachments]
    assert errors == ["corrupt-file", "encrypted-file", "empty-file", "unsupported-type"]
    assert normalise(extraction.pages[0].text) == normalise(LIGHTING)


def test_missing_parts_and_a_cut_off_multipart_still_give_headers(
    tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    mail = tmp_path / "cut.eml"
    mail.write_bytes(
        b"From: a@example.al\r\nSubject: =?utf-8?q?K=C3=ABrkes=C3=AB?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x"
    )
    extraction = extract_file(mail, name="cut.eml", limits=limits, ocr=no_ocr)
    assert extraction.email is not None and extraction.email.subject == "Kërkesë"
    assert extraction.pages[0].text == ""
    assert extraction.attachments[0].error


def test_malformed_headers_are_kept_as_written(
    tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    mail = tmp_path / "odd.eml"
    mail.write_bytes(
        b"From: <<<@@>>>\r\nTo: ,,;;<>\r\nSubject: =?bogus?Q?K=EBrkes=EB?=\r\n"
        b"Date: yesterday-ish\r\nMessage-ID: <<>\r\n\r\nTrupi i letr\xebs"
    )
    extraction = extract_file(mail, name="odd.eml", limits=limits, ocr=no_ocr)
    assert extraction.email is not None
    assert extraction.email.date == "yesterday-ish"
    assert extraction.email.message_id == "<<>"
    assert extraction.pages[0].text == "Trupi i letrës"


def test_rfc2231_traversal_names_are_sanitised(
    tmp_path: Path, limits: ExtractLimits, no_ocr: NoOcr
) -> None:
    mail = tmp_path / "rfc2231.eml"
    mail.write_bytes(
        b"From: a@example.al\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n"
        b"\r\n--x\r\nContent-Type: text/plain\r\n\r\nTrupi\r\n--x\r\nContent-Type: text/plain\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''%2E%2E%2F%2E%2E%2Fetc%2Fpasswd%00\r\n"
        b"\r\nrrenja\r\n--x--\r\n"
    )
    (attachment,) = extract_file(mail, name="m.eml", limits=limits, ocr=no_ocr).attachments
    assert attachment.name == "passwd"
    assert attachment.pages[0].text == "rrenja"
