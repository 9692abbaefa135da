"""Listing entries: filters, full-text search (registry.fts), stable keyset pagination and the
full walk used by exports."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from registry.db import Database
from registry.fts import entry_text_matches
from registry.mapping import entry_view
from registry.models import Entry, EntryText
from registry.views import LOCAL_ZONE, EntryView


@dataclass(frozen=True)
class EntryFilter:
    """What a list of entries may be narrowed by. None means "any"."""

    year: int | None = None
    direction: str | None = None
    addressee: str | None = None
    topic: str | None = None
    kind: str | None = None
    status: str | None = None
    relevant: bool | None = None
    needs_review: bool | None = None
    assigned_office: str | None = None
    overdue_on: date | None = None  # due before this day and not answered
    registered_from: date | None = None
    registered_to: date | None = None  # inclusive
    q: str | None = None


def _local_midnight(day: date) -> datetime:
    """The start of a day in Vlorë, in UTC: SQLite compares the stored UTC text, not instants."""
    return datetime.combine(day, time(), tzinfo=LOCAL_ZONE).astimezone(UTC)


def apply_filter(stmt: Select, f: EntryFilter) -> Select:
    for column, value in (
        (Entry.year, f.year),
        (Entry.direction, f.direction),
        (Entry.addressee, f.addressee),
        (Entry.topic, f.topic),
        (Entry.kind, f.kind),
        (Entry.status, f.status),
        (Entry.relevant, f.relevant),
        (Entry.needs_review, f.needs_review),
        (Entry.assigned_office, f.assigned_office),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    if f.overdue_on is not None:
        stmt = stmt.where(
            Entry.due_date < f.overdue_on,
            Entry.answered_at.is_(None),
            Entry.annulled_at.is_(None),
        )
    if f.registered_from is not None:
        stmt = stmt.where(Entry.registered_at >= _local_midnight(f.registered_from))
    if f.registered_to is not None:
        stmt = stmt.where(
            Entry.registered_at < _local_midnight(f.registered_to + timedelta(days=1))
        )
    if f.q:
        matches = entry_text_matches(f.q)
        if matches is not None:
            stmt = stmt.where(matches)
    return stmt


def list_entries(
    db: Database, f: EntryFilter, *, limit: int = 50, after_id: int | None = None
) -> list[EntryView]:
    """Newest first. Pass the last id seen as `after_id` for the next page: stable under inserts."""
    stmt = apply_filter(select(Entry), f).order_by(Entry.id.desc()).limit(limit)
    if after_id is not None:
        stmt = stmt.where(Entry.id < after_id)
    with db.read() as session:
        return [entry_view(session, e) for e in session.execute(stmt).scalars()]


def iter_entries(
    db: Database, f: EntryFilter | None = None, *, batch: int = 500
) -> Iterator[EntryView]:
    """Every matching entry, oldest first, in batches (for exports)."""
    last_id = 0
    while True:
        with db.read() as session:
            stmt = apply_filter(select(Entry), f or EntryFilter()).where(Entry.id > last_id)
            rows = session.execute(stmt.order_by(Entry.id).limit(batch)).scalars().all()
            views = [entry_view(session, e) for e in rows]
        if not views:
            return
        yield from views
        last_id = views[-1].id


def entries_on(session: Session, day: date) -> list[Entry]:
    start, end = _local_midnight(day), _local_midnight(day + timedelta(days=1))
    stmt = select(Entry).where(Entry.registered_at >= start, Entry.registered_at < end)
    return list(session.execute(stmt.order_by(Entry.year, Entry.number)).scalars())


@dataclass(frozen=True)
class ConfirmedRouting:
    """A routing a reviewer confirmed, with the letter's text: training material."""

    ref: str
    text: str
    addressee: str
    topic: str
    kind: str
    relevant: bool


def confirmed_routings(db: Database) -> list[ConfirmedRouting]:
    stmt = (
        select(Entry, EntryText.text)
        .join(EntryText, EntryText.entry_id == Entry.id)
        .where(
            Entry.confirmed_at.is_not(None),
            Entry.annulled_at.is_(None),
            Entry.direction == "in",
            Entry.addressee.is_not(None),
            Entry.topic.is_not(None),
            Entry.kind.is_not(None),
            Entry.relevant.is_not(None),
        )
        .order_by(Entry.id)
    )
    with db.read() as session:
        return [
            ConfirmedRouting(
                ref=f"{e.year}/{e.number}",
                text=text_,
                addressee=e.addressee or "",
                topic=e.topic or "",
                kind=e.kind or "",
                relevant=bool(e.relevant),
            )  # fmt: skip
            for e, text_ in session.execute(stmt)
            if text_.strip()
        ]


@dataclass(frozen=True)
class StoredLetter:
    """An incoming entry's stored text, for classifying again without OCR."""

    year: int
    number: int
    text: str
    recipients: tuple[str, ...]
    extraction: dict[str, Any]


def unconfirmed_letters(db: Database) -> list[StoredLetter]:
    """Incoming, not annulled entries whose routing no reviewer has confirmed yet."""
    stmt = (
        select(Entry.year, Entry.number, EntryText.text, Entry.recipients, EntryText.extraction)
        .join(EntryText, EntryText.entry_id == Entry.id)
        .where(
            Entry.confirmed_at.is_(None),
            Entry.annulled_at.is_(None),
            Entry.direction == "in",
        )
        .order_by(Entry.id)
    )
    with db.read() as session:
        return [
            StoredLetter(year, number, text_, tuple(recipients or ()), extraction or {})
            for year, number, text_, recipients, extraction in session.execute(stmt)
        ]
