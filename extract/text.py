"""Plain text: decoding bytes whose charset is unknown or lies, HTML to text, and .txt files."""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from extract.types import Page

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode with the declared charset if it exists and fits, else UTF-8, else Windows-1252.

    UTF-8 is tried strictly: bytes that are not UTF-8 are far more likely Windows-1252 (the
    Albanian Windows default, where ë is 0xEB) than damaged UTF-8. Windows-1252 decodes almost
    every byte; the five it does not become U+FFFD.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if declared:
        try:
            return data.decode(_normalise_charset(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _normalise_charset(charset: str) -> str:
    """Mail clients write charsets loosely; map the common spellings to Python codecs."""
    cleaned = charset.strip().strip("\"'").lower()
    return {"win-1252": "cp1252", "windows1252": "cp1252", "utf8": "utf-8"}.get(cleaned, cleaned)


def extract_text_file(data: bytes) -> tuple[Page, ...]:
    """A .txt file is one page of text."""
    return (Page(number=1, text=normalise_newlines(decode_text(data)), method="text"),)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


class _HtmlText(HTMLParser):
    """Collects the visible text of an HTML body, with line breaks where blocks end."""

    _BLOCKS = frozenset(
        ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol")
        + ("blockquote", "pre", "hr", "section", "article")
    )
    _HIDDEN = frozenset(("script", "style", "head", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML document, one block per line."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).splitlines())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
