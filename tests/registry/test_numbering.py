"""Gap-free numbering: per year, never reused, never skipped, even under concurrent writers."""

from __future__ import annotations

import multiprocessing as mp
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from registry import Database, InvalidValue, NewEntry, ProtocolBook
from registry.models import Entry, YearCounter


def _letter(i: int = 0, **kw: object) -> NewEntry:
    fields: dict[str, object] = {"direction": "in", "channel": "scan", "subject": f"Letër {i}"}
    return NewEntry(**{**fields, **kw})  # type: ignore[arg-type]


def test_numbers_run_one_two_three(book: ProtocolBook) -> None:
    numbers = [book.register(_letter(i)).number for i in range(5)]
    assert numbers == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "moments, expected",
    [
        (
            # 23:30 UTC on 31 Dec is already 1 Jan in Vlorë (UTC+1)
            [datetime(2025, 12, 31, 10, tzinfo=UTC), datetime(2025, 12, 31, 23, 30, tzinfo=UTC)],
            [(2025, 1), (2026, 1)],
        ),
        (
            [
                datetime(2025, 12, 30, tzinfo=UTC),
                datetime(2025, 12, 30, 12, tzinfo=UTC),
                datetime(2026, 1, 2, tzinfo=UTC),
                datetime(2026, 1, 3, tzinfo=UTC),
            ],
            [(2025, 1), (2025, 2), (2026, 1), (2026, 2)],
        ),
    ],
)
def test_year_rollover(
    db: Database, moments: list[datetime], expected: list[tuple[int, int]]
) -> None:
    clock = iter(moments)
    book = ProtocolBook(db, clock=lambda: next(clock))
    got = [(e.year, e.number) for e in (book.register(_letter(i)) for i in range(len(moments)))]
    assert got == expected


def test_failed_transaction_consumes_no_number(book: ProtocolBook) -> None:
    book.register(_letter(1, sha256="a" * 64))
    with pytest.raises(InvalidValue):
        book.register(_letter(2, channel="pigeon"))  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - the same SHA-256 violates a unique index
        book.register(_letter(3, sha256="a" * 64))
    assert book.register(_letter(4)).number == 2
    with book.db.read() as session:
        assert session.execute(select(YearCounter.last_number)).scalar_one() == 2


def _register_many(url: str, count: int, barrier: mp.synchronize.Barrier) -> None:  # type: ignore[name-defined]
    db = Database(url)
    book = ProtocolBook(db)
    barrier.wait()
    for i in range(count):
        book.register(_letter(i))
    db.dispose()


def _concurrent_numbers(url: str, *, writers: int, each: int) -> list[int]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(writers)
    procs = [ctx.Process(target=_register_many, args=(url, each, barrier)) for _ in range(writers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        assert p.exitcode == 0
    db = Database(url)
    with db.read() as session:
        numbers = sorted(session.execute(select(Entry.number)).scalars())
    db.dispose()
    return numbers


def test_concurrent_processes_on_sqlite_get_exactly_one_to_n(db: Database) -> None:
    numbers = _concurrent_numbers(db.url, writers=4, each=25)
    assert numbers == list(range(1, 101))


@pytest.mark.postgres
def test_concurrent_processes_on_postgresql_get_exactly_one_to_n(pg_url: str) -> None:
    numbers = _concurrent_numbers(pg_url, writers=4, each=25)
    assert numbers == list(range(1, 101))


@pytest.mark.postgres
def test_failed_transaction_consumes_no_number_on_postgresql(pg_url: str) -> None:
    book = ProtocolBook(Database(pg_url))
    book.register(_letter(1, sha256="b" * 64))
    with pytest.raises(Exception):  # noqa: B017
        book.register(_letter(2, sha256="b" * 64))
    assert book.register(_letter(3)).number == 2
    book.db.dispose()


@pytest.mark.postgres
def test_postgresql_refuses_fact_changes_but_allows_routing_and_annulment(pg_url: str) -> None:
    from sqlalchemy import update
    from sqlalchemy.exc import DatabaseError

    book = ProtocolBook(Database(pg_url))
    entry = book.register(_letter(1, recipients=("Kryetari",)))
    assert book.assign(entry.year, entry.number, office="taksat", actor="beni").status == "assigned"
    with pytest.raises(DatabaseError, match="immutable"), book.db.write() as session:
        session.execute(update(Entry).where(Entry.id == entry.id).values(subject="tjetër"))
    annulled = book.annul(entry.year, entry.number, reason="gabim", authorised_by="Drejtori",
                          actor="admin")  # fmt: skip
    assert annulled.annulled and annulled.subject == "Letër 1"
    book.db.dispose()
