"""What the protocol book hands out and takes in: small frozen dataclasses, never ORM rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from registry.errors import InvalidValue

LOCAL_ZONE = ZoneInfo("Europe/Tirane")


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def local_date(moment: datetime) -> date:
    """The calendar day in Vlorë of a stored moment: it decides the year and the daily register."""
    return as_utc(moment).astimezone(LOCAL_ZONE).date()


_ENTRY_REF = re.compile(r"^(\d{4})/(\d{1,9})$")


def parse_entry_ref(ref: str) -> tuple[int, int]:
    """(year, number) of a reference written like `EntryView.ref`: "2026/123"."""
    match = _ENTRY_REF.match(ref.strip())
    if not match:
        raise InvalidValue(
            f"an entry is written YEAR/NUMBER, like 2026/123, not {ref!r}",
            advice="Write the year, a slash and the protocol number.",
        )
    return int(match[1]), int(match[2])


def display_number(number: int, registered_at: datetime) -> str:
    """The form clerks write on the letter: `Nr. 123 Prot., datë 26.11.2026`."""
    return f"Nr. {number} Prot., datë {local_date(registered_at):%d.%m.%Y}"


@dataclass(frozen=True)
class AttachmentRecord:
    name: str
    sha256: str
    size: int = 0
    media_type: str = ""


@dataclass(frozen=True)
class Routing:
    """A classification as the book stores it: codes, confidence and reasons per dimension."""

    addressee: str | None = None
    topic: str | None = None
    kind: str | None = None
    relevant: bool | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    needs_review: bool = True
    suggested_office: str | None = None
    model_version: str | None = None


@dataclass(frozen=True)
class NewEntry:
    """Everything known about a letter at the moment it is registered."""

    direction: str
    channel: str
    source_name: str = ""
    sha256: str | None = None
    original_path: str | None = None
    sender_name: str = ""
    sender_address: str = ""
    sender_contact: str = ""
    recipients: tuple[str, ...] = ()
    subject: str = ""
    sender_reference: str = ""
    sender_reference_date: date | None = None
    pages: int = 0
    personal_ids: tuple[str, ...] = ()
    attachments: tuple[AttachmentRecord, ...] = ()
    routing: Routing = field(default_factory=Routing)
    text: str = ""
    extraction: dict[str, Any] | None = None
    reply_to: tuple[int, int] | None = None  # (year, number) of the entry this one answers


@dataclass(frozen=True)
class CorrectionView:
    field: str
    old_value: str
    new_value: str
    reason: str
    actor: str
    at: datetime


@dataclass(frozen=True)
class EntryView:
    """One entry as readers see it. `subject` and `sender_name` show the latest correction;
    the registered originals stay in `corrections[0].old_value`."""

    id: int
    year: int
    number: int
    display: str
    direction: str
    registered_at: datetime
    channel: str
    source_name: str
    sha256: str | None
    original_path: str | None
    pages: int
    sender_name: str
    sender_address: str
    sender_contact: str
    recipients: tuple[str, ...]
    subject: str
    sender_reference: str
    sender_reference_date: date | None
    addressee: str | None
    topic: str | None
    kind: str | None
    relevant: bool | None
    confidence: dict[str, float]
    reasons: dict[str, list[str]]
    needs_review: bool
    suggested_office: str | None
    status: str
    assigned_office: str | None
    assignment_mode: str | None
    due_date: date | None
    answered_at: datetime | None
    response_days: int | None
    reply_to: str | None  # "year/number"
    duplicate_of: str | None
    annulled: bool
    annulled_at: datetime | None
    annulled_reason: str | None
    annulled_by: str | None
    attachments: tuple[AttachmentRecord, ...]
    corrections: tuple[CorrectionView, ...]
    personal_ids: tuple[str, ...]
    model_version: str | None

    @property
    def ref(self) -> str:
        return f"{self.year}/{self.number}"


@dataclass(frozen=True)
class AuditView:
    at: datetime
    actor: str
    action: str
    entry: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    detail: str | None
