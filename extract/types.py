"""The frozen result of reading one file: pages of text, and for e-mails headers and attachments.

An `Extraction` is stored as JSON beside the entry (see `to_dict`/`from_dict`), so text can be
searched and letters reclassified without OCR'ing again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PageMethod = Literal["text", "ocr", "none"]


@dataclass(frozen=True)
class Page:
    """One page of text. `method` says how it was read; `flags` name anything odd about it."""

    number: int
    text: str
    method: PageMethod
    confidence: float | None = None  # mean tesseract word confidence, 0-100, for OCR'd pages
    rotation: int = 0  # degrees the page was turned before OCR
    flags: tuple[str, ...] = ()  # e.g. "ocr-timeout", "poor-text-layer"


@dataclass(frozen=True)
class EmailHeaders:
    """The headers of an e-mail, RFC 2047 decoded."""

    sender_name: str = ""
    sender_address: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    subject: str = ""
    date: str = ""  # ISO 8601 where it could be parsed, else as written
    message_id: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file carried inside another (an e-mail's attachment), with its own hash and text."""

    name: str  # sanitised: never a path
    sha256: str
    size: int
    media_type: str
    pages: tuple[Page, ...] = ()
    error: str = ""  # why it could not be read, if it could not; the e-mail is still registered


@dataclass(frozen=True)
class Extraction:
    """Everything read from one file."""

    media_type: str
    pages: tuple[Page, ...]
    email: EmailHeaders | None = None
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        """The whole text: the pages, then each readable attachment's pages."""
        parts = [p.text for p in self.pages if p.text.strip()]
        for att in self.attachments:
            parts.extend(p.text for p in att.pages if p.text.strip())
        return "\n\n".join(parts)

    @property
    def page_count(self) -> int:
        return len(self.pages) + sum(len(a.pages) for a in self.attachments)

    @property
    def ocr_page_count(self) -> int:
        pages = list(self.pages) + [p for a in self.attachments for p in a.pages]
        return sum(1 for p in pages if p.method == "ocr")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        def pages(items: list[dict[str, Any]]) -> tuple[Page, ...]:
            return tuple(Page(**{**p, "flags": tuple(p.get("flags", ()))}) for p in items)

        email = data.get("email")
        return cls(
            media_type=data["media_type"],
            pages=pages(data.get("pages", [])),
            email=(
                EmailHeaders(**{**email, "to": tuple(email["to"]), "cc": tuple(email["cc"])})
                if email
                else None
            ),
            attachments=tuple(
                Attachment(**{**a, "pages": pages(a.get("pages", []))})
                for a in data.get("attachments", [])
            ),
        )
