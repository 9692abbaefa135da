"""Reading what surrounds an entry: its links both ways, pages of the intake journal, and the
audited fetch of an original (every download is recorded with who asked for it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from registry.audit import record_change
from registry.book import utc_now
from registry.db import Database
from registry.journal import JournalView
from registry.journal import _view as journal_view
from registry.lookup import entry_by_ref
from registry.mapping import entry_view
from registry.models import Entry, JournalRecord
from registry.views import EntryView


@dataclass(frozen=True)
class EntryLinks:
    """Entries pointing at this one: the replies that answer it and its repeat deliveries."""

    replies: tuple[str, ...]
    duplicates: tuple[str, ...]


def entry_links(db: Database, year: int, number: int) -> EntryLinks:
    with db.read() as session:
        entry = entry_by_ref(session, year, number)

        def refs(column: Any) -> tuple[str, ...]:
            stmt = select(Entry.year, Entry.number).where(column == entry.id).order_by(Entry.id)
            return tuple(f"{y}/{n}" for y, n in session.execute(stmt))

        return EntryLinks(replies=refs(Entry.reply_to_id), duplicates=refs(Entry.duplicate_of_id))


def record_original_download(db: Database, year: int, number: int, *, actor: str) -> EntryView:
    """Audit that `actor` fetched the original of an entry, and return the entry."""
    with db.write() as session:
        entry = entry_by_ref(session, year, number)
        record_change(session, at=utc_now(), actor=actor, action="download",
                      entry_id=entry.id, field="original", detail=entry.sha256)  # fmt: skip
        return entry_view(session, entry)


def journal_page(
    db: Database, *, outcome: str | None = None, limit: int = 50, after_id: int | None = None
) -> list[JournalView]:
    """Newest first; pass the last id seen as `after_id` for the next page."""
    stmt = select(JournalRecord).order_by(JournalRecord.id.desc()).limit(limit)
    if outcome is not None:
        stmt = stmt.where(JournalRecord.outcome == outcome)
    if after_id is not None:
        stmt = stmt.where(JournalRecord.id < after_id)
    with db.read() as session:
        return [journal_view(session, r) for r in session.execute(stmt).scalars()]


def journal_counts(db: Database) -> dict[str, int]:
    """How many files the journal holds by outcome (for metrics)."""
    stmt = select(JournalRecord.outcome, func.count()).group_by(JournalRecord.outcome)
    with db.read() as session:
        return {outcome: int(n) for outcome, n in session.execute(stmt)}


def record_intake(
    db: Database, *, actor: str, journal_id: int, outcome: str, entry_ref: str | None
) -> None:
    """Audit who handed a file to intake over the API (the pipeline registers as `system`)."""
    with db.write() as session:
        entry_id = None
        if entry_ref is not None:
            year, number = (int(part) for part in entry_ref.split("/"))
            entry_id = entry_by_ref(session, year, number).id
        record_change(session, at=utc_now(), actor=actor, action="upload", entry_id=entry_id,
                      field="journal", new=journal_id, detail=outcome)  # fmt: skip
