"""Decoding text whose charset is unknown or wrong, and HTML to text."""

from __future__ import annotations

from extract.text import decode_text, extract_text_file, html_to_text

ALBANIAN = "Kërkesë për ndriçimin e rrugës"


def test_declared_charset_is_used_when_it_fits() -> None:
    assert decode_text(ALBANIAN.encode("iso-8859-2"), declared="iso-8859-2") == ALBANIAN


def test_unknown_charset_falls_back_to_utf8() -> None:
    assert decode_text(ALBANIAN.encode(), declared="x-no-such-charset") == ALBANIAN


def test_bytes_that_are_not_utf8_fall_back_to_windows_1252() -> None:
    assert decode_text(ALBANIAN.encode("cp1252"), declared="utf-8") == ALBANIAN
    assert decode_text(ALBANIAN.encode("cp1252")) == ALBANIAN


def test_a_utf8_bom_is_honoured() -> None:
    assert decode_text(b"\xef\xbb\xbf" + ALBANIAN.encode()) == ALBANIAN


def test_a_text_file_is_one_page() -> None:
    (page,) = extract_text_file(f"{ALBANIAN}\r\nVlorë\r\n".encode("cp1252"))
    assert page.number == 1 and page.method == "text"
    assert page.text == f"{ALBANIAN}\nVlorë"


def test_html_becomes_readable_lines() -> None:
    html = (
        "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        "<p>I nderuar Z. Kryetar,</p><div>Ne, banor&euml;t e lagjes<br>Pavarësia</div>"
        "<script>alert('x')</script><table><tr><td>Emri</td><td>Luan</td></tr></table>"
        "</body></html>"
    )
    text = html_to_text(html)
    assert "I nderuar Z. Kryetar," in text.splitlines()
    assert "Ne, banorët e lagjes" in text.splitlines()
    assert "alert" not in text and "color" not in text
    assert "Emri" in text and "Luan" in text
