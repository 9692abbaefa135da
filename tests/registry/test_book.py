"""The rules of an official register: immutability, corrections, annulment, audit, replies."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DatabaseError

from registry import (
    Database,
    EntryNotFound,
    ImmutableFieldError,
    InvalidTransition,
    InvalidValue,
    NewEntry,
    ProtocolBook,
    Routing,
)
from registry.models import Entry


def _incoming(**kw: object) -> NewEntry:
    fields: dict[str, object] = {
        "direction": "in",
        "channel": "scan",
        "sender_name": "Arben Hoxha",
        "subject": "Gropa në rrugën Sadik Zotaj",
        "routing": Routing(
            addressee="kryetari",
            topic="rruget",
            kind="ankese",
            relevant=True,
            confidence={"addressee": 0.99, "topic": 0.7},
            needs_review=True,
        ),  # fmt: skip
    }
    return NewEntry(**{**fields, **kw})  # type: ignore[arg-type]


def test_registered_facts_refuse_change_through_the_orm(book: ProtocolBook) -> None:
    e = book.register(_incoming())
    with pytest.raises(ImmutableFieldError, match="subject"), book.db.write() as session:
        session.get(Entry, e.id).subject = "something else"  # type: ignore[union-attr]
    assert book.get(e.year, e.number).subject == "Gropa në rrugën Sadik Zotaj"


def test_registered_facts_refuse_change_in_the_database_itself(book: ProtocolBook) -> None:
    e = book.register(_incoming())
    for stmt in (
        update(Entry).where(Entry.id == e.id).values(number=99),
        update(Entry).where(Entry.id == e.id).values(sender_name="X"),
        delete(Entry).where(Entry.id == e.id),
    ):
        with pytest.raises(DatabaseError, match="immutable|keeps everything"):
            with book.db.write() as session:
                session.execute(stmt)
    assert book.get(e.year, e.number).number == e.number


def test_correction_keeps_the_registered_value_visible(book: ProtocolBook) -> None:
    e = book.register(_incoming())
    book.correct(e.year, e.number, field="subject", value="Gropë te shkolla",
                 reason="lexuar gabim", actor="ana")  # fmt: skip
    got = book.get(e.year, e.number)
    assert got.subject == "Gropë te shkolla"
    assert got.corrections[0].old_value == "Gropa në rrugën Sadik Zotaj"
    with pytest.raises(ImmutableFieldError):
        book.correct(e.year, e.number, field="number", value="7", reason="x", actor="ana")
    trail = book.audit_trail(e.year, e.number)
    assert [(a.action, a.field, a.old_value, a.new_value, a.actor) for a in trail][-1] == (
        "correct", "subject", "Gropa në rrugën Sadik Zotaj", "Gropë te shkolla", "ana",
    )  # fmt: skip


def test_routing_change_is_audited_with_old_and_new(book: ProtocolBook) -> None:
    e = book.register(_incoming())
    assert e.status == "in_review"
    after = book.update_routing(e.year, e.number, actor="beni", topic="ndricimi")
    assert (after.topic, after.needs_review, after.status) == ("ndricimi", False, "routed")
    changes = {(a.field, a.old_value, a.new_value) for a in book.audit_trail(e.year, e.number)}
    assert ("topic", "rruget", "ndricimi") in changes
    assert ("needs_review", "true", "false") in changes
    with pytest.raises(InvalidValue):
        book.update_routing(e.year, e.number, actor="beni", topic="potholes")


def test_not_relevant_letter_is_archived_on_confirmation(book: ProtocolBook) -> None:
    e = book.register(_incoming())
    after = book.update_routing(e.year, e.number, actor="beni", relevant=False)
    assert after.status == "archived" and after.due_date is None


def test_annulment_keeps_number_and_entry_readable(book: ProtocolBook) -> None:
    first = book.register(_incoming())
    with pytest.raises(InvalidValue):
        book.annul(first.year, first.number, reason=" ", authorised_by="", actor="admin")
    annulled = book.annul(first.year, first.number, reason="regjistruar dy herë",
                          authorised_by="Drejtori i Protokollit", actor="admin")  # fmt: skip
    assert annulled.annulled and annulled.status == "annulled"
    assert annulled.annulled_by == "Drejtori i Protokollit"
    assert book.register(_incoming()).number == first.number + 1
    with pytest.raises(InvalidTransition):
        book.assign(first.year, first.number, office="taksat", actor="beni")
    assert book.get(first.year, first.number).subject == first.subject


def test_outgoing_reply_marks_incoming_answered_with_response_time(db: Database) -> None:
    now = [datetime(2026, 3, 2, 9, tzinfo=UTC)]
    book = ProtocolBook(db, clock=lambda: now[0])
    incoming = book.register(_incoming())
    now[0] += timedelta(days=6, hours=3)
    reply = book.register(
        NewEntry(direction="out", channel="manual", subject="Përgjigje", recipients=("A. Hoxha",),
                 reply_to=(incoming.year, incoming.number))
    )  # fmt: skip
    answered = book.get(incoming.year, incoming.number)
    assert reply.number == incoming.number + 1
    assert reply.reply_to == incoming.ref
    assert answered.status == "answered"
    assert answered.response_days == 6
    with pytest.raises(EntryNotFound):
        book.register(NewEntry(direction="out", channel="manual", reply_to=(2026, 999)))


def test_information_request_due_in_ten_working_days_across_a_holiday(db: Database) -> None:
    # Registered Thursday 2026-11-26. 28 and 29 November (Independence and Liberation Day) fall
    # on a weekend, so Albania observes them on Monday 30 November and Tuesday 1 December;
    # 8 December is National Youth Day.
    book = ProtocolBook(db, clock=lambda: datetime(2026, 11, 26, 10, tzinfo=UTC))
    routing = Routing(kind="kerkese-informacioni", relevant=True, needs_review=False)
    e = book.register(_incoming(routing=routing))
    expected, day, left = date(2026, 11, 26), date(2026, 11, 26), 10
    skipped = {date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 8)}
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in skipped:
            left -= 1
    expected = day
    assert e.due_date == expected == date(2026, 12, 15)
    complaint = book.register(_incoming(routing=Routing(kind="ankese", needs_review=False)))
    assert complaint.due_date == date(2026, 12, 26)
    invitation = book.register(_incoming(routing=Routing(kind="ftese", needs_review=False)))
    assert invitation.due_date is None


def test_sqlite_runs_in_wal_mode(db: Database) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    with db.read() as session:
        assert session.execute(select(Entry)).first() is None
