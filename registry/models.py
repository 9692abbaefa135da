"""The protocol book's tables, as typed SQLAlchemy 2.x models.

The schema itself is created by the Alembic migrations in registry/migrations, never by
`create_all`; these classes only map it. Registered facts of an `Entry` are guarded three times:
the service has no way to change them, an ORM hook refuses it, and a database trigger refuses it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class YearCounter(Base):
    """The last number given in a year. Locked by the transaction that gives the next one."""

    __tablename__ = "year_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


# Registered facts: written once with the number, never updated.
IMMUTABLE_COLUMNS = (
    "year", "number", "direction", "registered_at", "channel", "source_name", "sha256",
    "original_path", "sender_name", "sender_address", "sender_contact", "recipients", "subject",
)  # fmt: skip


class Entry(Base):
    """One registration in the protocol book."""

    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_entries_year_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    direction: Mapped[str] = mapped_column(String(10), nullable=False)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    channel: Mapped[str] = mapped_column(String(10), nullable=False)
    source_name: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    original_path: Mapped[str | None] = mapped_column(String(500))
    sender_name: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    sender_address: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    sender_contact: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    recipients: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    subject: Mapped[str] = mapped_column(Text, nullable=False, default="")

    sender_reference: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    sender_reference_date: Mapped[date | None] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    personal_ids: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)

    addressee: Mapped[str | None] = mapped_column(String(40), index=True)
    topic: Mapped[str | None] = mapped_column(String(40), index=True)
    kind: Mapped[str | None] = mapped_column(String(40), index=True)
    relevant: Mapped[bool | None] = mapped_column(Boolean)
    confidence: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    reasons: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    review_confidence: Mapped[float | None] = mapped_column(Float)  # lowest of the four
    needs_review: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    model_version: Mapped[str | None] = mapped_column(String(100))
    suggested_office: Mapped[str | None] = mapped_column(String(40))

    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    assigned_office: Mapped[str | None] = mapped_column(String(40), index=True)
    assignment_mode: Mapped[str | None] = mapped_column(String(20))
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    response_days: Mapped[int | None] = mapped_column(Integer)

    reply_to_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"), index=True)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"))

    annulled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    annulled_reason: Mapped[str | None] = mapped_column(Text)
    annulled_by: Mapped[str | None] = mapped_column(String(200))

    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="entry", order_by="Attachment.id", lazy="selectin"
    )
    corrections: Mapped[list[Correction]] = relationship(
        back_populates="entry", order_by="Correction.id", lazy="selectin"
    )


class Attachment(Base):
    """A file that came with an entry (an e-mail's attachment), with its own hash."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(500), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    media_type: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    entry: Mapped[Entry] = relationship(back_populates="attachments")


class Correction(Base):
    """A recorded correction of a registered fact (subject or sender). The original stays."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"), nullable=False, index=True)
    field: Mapped[str] = mapped_column(String(40), nullable=False)
    old_value: Mapped[str] = mapped_column(Text, nullable=False)
    new_value: Mapped[str] = mapped_column(Text, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    entry: Mapped[Entry] = relationship(back_populates="corrections")


class AuditRecord(Base):
    """Who did what, when, to which field, with the old and new value. Append-only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False, index=True)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"), index=True)
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class EntryText(Base):
    """The extracted text of an entry and the stored Extraction, for search and reclassifying."""

    __tablename__ = "entry_texts"

    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")  # folded
    extraction: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)


class JournalRecord(Base):
    """One file Protokoll has seen, and what became of it. Processing state lives here."""

    __tablename__ = "intake_journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    source_name: Mapped[str] = mapped_column(String(500), nullable=False)
    # Identity of the dropped file (device, inode, mtime, size): tells a re-taken inbox file,
    # whose removal a crash interrupted, from a second delivery of the same bytes.
    source_key: Mapped[str | None] = mapped_column(String(200), index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    channel: Mapped[str] = mapped_column(String(10), nullable=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    stage: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entries.id"))
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class ApiToken(Base):
    """An API token: only the SHA-256 of its secret is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    role: Mapped[str] = mapped_column(String(20), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
