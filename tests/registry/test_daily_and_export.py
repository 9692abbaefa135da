"""The daily register's seal and the export's fields."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime

from registry import (
    AttachmentRecord,
    Database,
    NewEntry,
    ProtocolBook,
    Routing,
    daily_register,
    iter_entries,
    to_csv,
    to_jsonl,
)

EXPORT_KEYS = {
    "year", "number", "display", "direction", "registered_at", "channel", "source_name",
    "sha256", "pages", "sender", "subject", "addressee", "topic", "kind", "relevant",
    "confidence", "needs_review", "status", "assigned_office", "due_date", "duplicate_of",
    "reply_to", "annulled", "attachments",
}  # fmt: skip


def _fill(db: Database) -> ProtocolBook:
    moments = iter(
        [datetime(2026, 11, 25, 8, tzinfo=UTC)] * 2 + [datetime(2026, 11, 26, 8, tzinfo=UTC)] * 20
    )
    book = ProtocolBook(db, clock=lambda: next(moments))
    book.register(NewEntry(direction="in", channel="scan", subject="Dje"))
    book.register(
        NewEntry(
            direction="in", channel="email", source_name="leter.eml", sha256="c" * 64, pages=2,
            sender_name="Drita Leka J45812034K", subject="Ndriçimi në Lagjen Pavarësia",
            attachments=(AttachmentRecord("kerkesa.pdf", "d" * 64, 1200, "application/pdf"),),
            routing=Routing(addressee="kryetari", topic="ndricimi", kind="ankese", relevant=True,
                            confidence={"topic": 0.91}, reasons={"topic": ["words: drita"]},
                            needs_review=False),
        )
    )  # fmt: skip
    return book


def test_daily_register_is_reproducible_and_changes_with_the_day(db: Database) -> None:
    book = _fill(db)
    first = daily_register(db, date(2026, 11, 25))
    again = daily_register(db, date(2026, 11, 25))
    assert first.sha256 == again.sha256 and len(first.sha256) == 64
    assert [r["number"] for r in first.registrations] == [1, 2]
    assert "J45812034K" not in first.canonical()
    book.annul(2026, 1, reason="gabim", authorised_by="Drejtori", actor="admin")
    today = daily_register(db, date(2026, 11, 26))
    assert len(today.annulments) == 1 and today.annulments[0]["entry"] == "2026/1"
    assert daily_register(db, date(2026, 11, 25)).sha256 == first.sha256
    assert first.sha256 in first.render()


def test_export_jsonl_has_every_field(db: Database) -> None:
    _fill(db)
    lines = [json.loads(line) for line in to_jsonl(iter_entries(db))]
    assert len(lines) == 2
    record = lines[1]
    assert set(record) >= EXPORT_KEYS
    assert record["display"] == "Nr. 2 Prot., datë 25.11.2026"
    assert record["registered_at"].startswith("2026-11-25T08:00:00")
    assert record["confidence"]["topic"] == {"value": 0.91, "reasons": ["words: drita"]}
    assert record["attachments"] == [{"name": "kerkesa.pdf", "sha256": "d" * 64}]
    assert record["sender"]["name"] == "Drita Leka J********K"
    assert (record["channel"], record["pages"], record["status"]) == ("email", 2, "routed")
    assert record["due_date"] == "2026-12-25" and record["annulled"] is False


def test_export_csv_has_a_row_per_entry(db: Database) -> None:
    _fill(db)
    rows = list(csv.DictReader(io.StringIO("".join(to_csv(iter_entries(db))))))
    assert [r["number"] for r in rows] == ["1", "2"]
    assert set(rows[0]) >= EXPORT_KEYS


def test_a_change_just_after_local_midnight_belongs_to_that_day(db: Database) -> None:
    moments = iter(
        [
            datetime(2026, 11, 25, 10, tzinfo=UTC),  # registered 25.11
            datetime(2026, 11, 25, 23, 30, tzinfo=UTC),  # 00:30 on 26.11 in Vlorë
        ]
    )
    book = ProtocolBook(db, clock=lambda: next(moments))
    entry = book.register(NewEntry(direction="in", channel="scan", subject="Ndriçim"))
    book.assign(entry.year, entry.number, office="sherbimet-publike", actor="beni")
    assert daily_register(db, date(2026, 11, 25)).changes == ()
    changes = daily_register(db, date(2026, 11, 26)).changes
    assert {c["field"] for c in changes} >= {"assigned_office", "status"}
