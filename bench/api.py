"""Latency of the review and reporting API on a register of 100,000 entries.

Fills a fresh register (bulk insert straight into the tables, in one transaction, with
consistent year, number and counter), then times through the real app (FastAPI TestClient):
the review queue, a filtered list, a full-text search and the monthly report. Runs on SQLite
and on a throwaway database on the PostgreSQL server, and prints median and p99 in ms.

    .venv/bin/python bench/api.py [--entries 100000] [--rounds 200] [--only sqlite|postgres]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on the path and its name hides the `api`
# package; the repository root takes its place.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [str(_HERE.parent)] + [p for p in sys.path if Path(p or ".").resolve() != _HERE]
# ruff: noqa: E402

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, text

from api.app import create_app
from protokoll.settings import Settings
from registry import Database, ProtocolBook, TokenStore
from registry.codes import ADDRESSEES, CHANNELS, KINDS, TOPIC_OFFICE, TOPICS
from registry.models import Entry, EntryText, YearCounter
from registry.search import fold_for_search

PG_ADMIN_URL = os.environ.get(
    "PROTOKOLL_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
WORDS = tuple(
    [
        "kërkesë",
        "ankesë",
        "për",
        "ndriçim",
        "rrugor",
        "rrugës",
        "gropa",
        "ujë",
        "kanalizime",
        "mbetje",
        "pastrim",
        "taksa",
        "pronës",
        "leje",
        "ndërtimi",
        "ndihmë",
        "ekonomike",
        "strehim",
        "transport",
        "parkim",
        "gjelbërim",
        "zhurmë",
        "qen",
        "endacakë",
        "kopsht",
        "shkolla",
        "informacion",
        "vërtetim",
        "punësim",
        "aplikim",
        "lagja",
        "Skelë",
        "Uji",
        "i",
        "Ftohtë",
        "Orikum",
        "Novoselë",
        "Narta",
        "Zvërnec",
        "Radhimë",
        "Tragjas",
        "i",
        "nderuar",
        "kryetar",
        "bashkia",
        "Vlorë",
    ]
)
FIRST = datetime(2025, 1, 1, 7, tzinfo=UTC)
DAYS = 700


def fill(db: Database, count: int, *, seed: int = 1) -> None:
    """Write `count` entries of plausible shape, numbered 1..N per year, in one transaction."""
    rng = random.Random(seed)
    moments = sorted(FIRST + timedelta(seconds=rng.randrange(DAYS * 86400)) for _ in range(count))
    entries, texts, numbers = [], [], {}
    for entry_id, at in enumerate(moments, start=1):
        year = at.year
        numbers[year] = numbers.get(year, 0) + 1
        outgoing = rng.random() < 0.12
        kind = rng.choice(KINDS)
        topic = rng.choice(TOPICS)
        relevant = rng.random() > 0.08
        needs_review = not outgoing and rng.random() < 0.15
        due = at.date() + timedelta(days=30) if kind in ("ankese", "kerkese") and relevant else None
        answered = (
            None if outgoing or rng.random() < 0.4 else at + timedelta(days=rng.randrange(1, 45))
        )
        office = TOPIC_OFFICE[topic] if relevant and not needs_review else None
        status = (
            "registered" if outgoing else "in_review" if needs_review
            else "archived" if not relevant else "answered" if answered
            else "assigned" if office else "routed"
        )  # fmt: skip
        confidence = round(rng.random(), 4) if rng.random() > 0.1 else None
        entries.append(
            dict(
                id=entry_id, year=year, number=numbers[year], direction="out" if outgoing else "in",
                registered_at=at, channel=rng.choice(CHANNELS), source_name=f"scan-{entry_id}.pdf",
                sha256=f"{entry_id:064x}", sender_name=f"Qytetari {rng.randrange(5000)}",
                subject=" ".join(rng.choices(WORDS, k=5)), recipients=[], personal_ids=[],
                addressee=rng.choice(ADDRESSEES), topic=topic, kind=kind, relevant=relevant,
                confidence={}, reasons={}, review_confidence=confidence, needs_review=needs_review,
                status=status, assigned_office=office, due_date=due, answered_at=answered,
                response_days=(answered - at).days if answered else None, pages=1,
                sender_address="", sender_contact="", sender_reference="",
            )
        )  # fmt: skip
        body = " ".join(rng.choices(WORDS, k=60))
        texts.append(dict(entry_id=entry_id, text=body, extraction={},
                          search_text=fold_for_search(
                    f"{entries[-1]['subject']} {entries[-1]['sender_name']} {body}"
                )))  # fmt: skip
    with db.write() as session:
        for start in range(0, count, 5000):
            session.execute(insert(Entry), entries[start : start + 5000])
            session.execute(insert(EntryText), texts[start : start + 5000])
        for year, last in numbers.items():
            session.execute(insert(YearCounter).values(year=year, last_number=last))
    with db.writer.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()


def timings(call: Callable[[], object], rounds: int) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def run(url: str, home: Path, *, entries: int, rounds: int) -> dict[str, tuple[float, float]]:
    db = Database(url)
    db.migrate()
    started = time.perf_counter()
    fill(db, entries)
    print(f"  filled {entries} entries in {time.perf_counter() - started:.1f} s", flush=True)
    book = ProtocolBook(db, clock=lambda: datetime(2026, 11, 26, 10, tzinfo=UTC))
    secret = TokenStore(db).create(name="bench", role="director", actor="bench")
    client = TestClient(create_app(book, settings=Settings(home=home, database_url=url)))
    client.headers["Authorization"] = f"Bearer {secret}"

    def get(path: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(path)
            assert response.status_code == 200, response.text
            return response

        return call

    cases = {
        "review queue (50)": get("/api/review?limit=50"),
        "review queue, page 20": get(_deep_queue_path(client)),
        "filtered list (50)": get("/api/entries?addressee=taksat&status=assigned&limit=50"),
        "list by date range": get("/api/entries?date_from=2026-03-01&date_to=2026-03-31"),
        "full-text search": get("/api/entries?q=ndricim%20narta"),
        "full-text rare word": get("/api/entries?q=qytetari%204242"),
        "monthly report": get("/api/reports/monthly/2026-10"),
    }
    results = {}
    for name, call in cases.items():
        call()  # warm up
        results[name] = timings(call, rounds if "report" not in name else max(20, rounds // 5))
        median, p99 = results[name]
        print(f"  {name:<24} median {median:7.1f} ms   p99 {p99:7.1f} ms", flush=True)
    db.dispose()
    return results


def _deep_queue_path(client: TestClient) -> str:
    after = None
    for _ in range(20):
        page = client.get("/api/review?limit=50" + (f"&after={after}" if after else "")).json()
        after = page["next_after"]
    return f"/api/review?limit=50&after={after}"


@contextmanager
def postgres_database() -> Iterator[str]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"protokoll_bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="protokoll-bench-") as tmp:
        home = Path(tmp)
        if args.only in (None, "sqlite"):
            print(f"SQLite, {args.entries} entries ({date.today()})")
            run(f"sqlite:///{home / 'bench.db'}", home, entries=args.entries, rounds=args.rounds)
        if args.only in (None, "postgres"):
            print(f"PostgreSQL, {args.entries} entries")
            with postgres_database() as url:
                run(url, home, entries=args.entries, rounds=args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
