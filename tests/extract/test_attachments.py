"""Attachment names that try to escape, and attachments that cannot be read."""

from __future__ import annotations

import pytest

from extract.attachments import safe_attachment_name


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("/etc/shadow", "shadow"),
        ("..\\..\\Windows\\system32\\evil.dll", "evil.dll"),
        ("C:\\Users\\x\\kerkese.pdf", "kerkese.pdf"),
        ("kerkese\x00.pdf.exe", "kerkese.pdf.exe"),
        ("..", "attachment-3.pdf"),
        ("", "attachment-3.pdf"),
        (None, "attachment-3.pdf"),
        (".hidden", "hidden"),
        ("Ankesë ujërat e zeza.pdf", "Ankesë ujërat e zeza.pdf"),
        ("a\nb\rc.txt", "abc.txt"),
    ],
)
def test_names_are_bare_and_safe(raw: str | None, safe: str) -> None:
    assert safe_attachment_name(raw, index=3, media_type="application/pdf") == safe


def test_long_names_keep_their_extension() -> None:
    name = safe_attachment_name("x" * 500 + ".pdf", index=1)
    assert len(name) <= 120 and name.endswith(".pdf")
