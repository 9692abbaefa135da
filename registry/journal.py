"""The intake journal: every file ever seen, and what became of it.

A file is journaled `pending` as soon as its original is safely stored; it leaves `pending` in
the same transaction that registers it (ProtocolBook.register with `journal_id`), or when it is
recorded as a duplicate or quarantined. Files pending after a crash are resumed on restart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.db import Database
from registry.errors import EntryNotFound
from registry.models import Entry, JournalRecord
from registry.views import as_utc, display_number

OUTCOMES = ("pending", "registered", "duplicate", "quarantined")


@dataclass(frozen=True)
class JournalView:
    id: int
    sha256: str
    source_name: str
    size: int
    channel: str
    received_at: datetime
    outcome: str
    stage: str | None
    reason: str | None
    attempts: int
    entry_display: str | None
    entry_ref: str | None


def _view(session: Session, r: JournalRecord) -> JournalView:
    entry = session.get(Entry, r.entry_id) if r.entry_id else None
    return JournalView(
        id=r.id,
        sha256=r.sha256,
        source_name=r.source_name,
        size=r.size,
        channel=r.channel,
        received_at=as_utc(r.received_at),
        outcome=r.outcome,
        stage=r.stage,
        reason=r.reason,
        attempts=r.attempts,
        entry_display=display_number(entry.number, entry.registered_at) if entry else None,
        entry_ref=f"{entry.year}/{entry.number}" if entry else None,
    )


class IntakeJournal:
    def __init__(self, db: Database) -> None:
        self.db = db

    def open(
        self,
        *,
        sha256: str,
        source_name: str,
        size: int,
        channel: str,
        at: datetime,
        source_key: str | None = None,
    ) -> JournalView:
        """Journal a newly stored file as pending."""
        with self.db.write() as session:
            record = JournalRecord(
                sha256=sha256, source_name=source_name, source_key=source_key, size=size,
                channel=channel, received_at=at, outcome="pending", attempts=0, updated_at=at,
            )  # fmt: skip
            session.add(record)
            session.flush()
            return _view(session, record)

    def mark_attempt(self, journal_id: int, *, stage: str, at: datetime) -> None:
        with self.db.write() as session:
            record = self._get(session, journal_id)
            record.attempts += 1
            record.stage = stage
            record.updated_at = at

    def close(
        self,
        journal_id: int,
        *,
        outcome: str,
        at: datetime,
        entry_id: int | None = None,
        reason: str | None = None,
        stage: str | None = None,
        session: Session | None = None,
    ) -> None:
        """Record a file's outcome; inside `session` when it must commit with something else."""
        assert outcome in OUTCOMES
        if session is not None:
            self._close(session, journal_id, outcome, at, entry_id, reason, stage)
            return
        with self.db.write() as own:
            self._close(own, journal_id, outcome, at, entry_id, reason, stage)

    def _close(self, session, journal_id, outcome, at, entry_id, reason, stage) -> None:  # type: ignore[no-untyped-def]
        record = self._get(session, journal_id)
        record.outcome = outcome
        record.entry_id = entry_id
        record.reason = reason
        record.stage = stage
        record.updated_at = at

    def reopen(self, journal_id: int, *, at: datetime) -> JournalView:
        """Put a quarantined file back to pending, for a retry."""
        with self.db.write() as session:
            record = self._get(session, journal_id)
            record.outcome = "pending"
            record.updated_at = at
            session.flush()
            return _view(session, record)

    def get(self, journal_id: int) -> JournalView:
        with self.db.read() as session:
            return _view(session, self._get(session, journal_id))

    def find_drop(self, *, sha256: str, source_key: str) -> JournalView | None:
        """The record of this very dropped file, if it was journaled before."""
        with self.db.read() as session:
            record = session.execute(
                select(JournalRecord)
                .where(JournalRecord.source_key == source_key, JournalRecord.sha256 == sha256)
                .order_by(JournalRecord.id.desc())
            ).scalar()
            return _view(session, record) if record else None

    def pending(self) -> list[JournalView]:
        return list(self.iter(outcome="pending"))

    def iter(self, *, outcome: str | None = None) -> Iterator[JournalView]:
        with self.db.read() as session:
            stmt = select(JournalRecord).order_by(JournalRecord.id)
            if outcome is not None:
                stmt = stmt.where(JournalRecord.outcome == outcome)
            views = [_view(session, r) for r in session.execute(stmt).scalars()]
        yield from views

    @staticmethod
    def _get(session: Session, journal_id: int) -> JournalRecord:
        record = session.get(JournalRecord, journal_id)
        if record is None:
            raise EntryNotFound(f"no journal record {journal_id}")
        return record
