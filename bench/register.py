"""How many letters per second the protocol book registers, on SQLite and on PostgreSQL, with 1
and with 4 concurrent writer processes. Prints the median of each configuration over repeated
runs, and its ratio to the baseline (SQLite, one writer) measured in the same run.

    .venv/bin/python bench/register.py [--entries 10000] [--repeat 3] [--pg URL]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from registry import Database, NewEntry, ProtocolBook, Routing

ROUTING = Routing(
    addressee="kryetari", topic="rruget", kind="ankese", relevant=True,
    confidence={"addressee": 0.98, "topic": 0.91, "kind": 0.88, "relevance": 0.99},
    reasons={"topic": ["words: gropë, asfalt"]}, needs_review=False,
)  # fmt: skip
TEXT = (
    "I nderuar Z. Kryetar, ju shkruaj për gropën e madhe në rrugën Sadik Zotaj, para shkollës. " * 8
)


def _writer(url: str, count: int, start: mp.synchronize.Event) -> None:  # type: ignore[name-defined]
    book = ProtocolBook(Database(url))
    start.wait()
    for i in range(count):
        book.register(
            NewEntry(
                direction="in", channel="scan", source_name=f"scan-{i}.pdf",
                sha256=uuid.uuid4().hex * 2, sender_name="Arben Hoxha",
                subject="Gropa në rrugë", pages=1, routing=ROUTING, text=TEXT,
            )
        )  # fmt: skip
    book.db.dispose()


def measure(url: str, *, entries: int, writers: int) -> float:
    """Registrations per second of `writers` processes registering `entries` in total."""
    Database(url).migrate()
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    procs = [
        ctx.Process(target=_writer, args=(url, entries // writers, start)) for _ in range(writers)
    ]
    for p in procs:
        p.start()
    time.sleep(2.0)  # let every writer import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    for p in procs:
        p.join()
        if p.exitcode != 0:
            raise SystemExit(f"a writer failed with exit code {p.exitcode}")
    return (entries // writers * writers) / (time.perf_counter() - began)


def _fresh_sqlite(tmp: Path) -> str:
    return f"sqlite:///{tmp / (uuid.uuid4().hex + '.db')}"


def _fresh_pg(admin_url: str) -> tuple[str, str]:
    name = f"protokoll_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + f"/{name}", name


def _drop_pg(admin_url: str, name: str) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    configs = [("sqlite", 1), ("sqlite", 4)]
    if not args.no_pg:
        configs += [("postgresql", 1), ("postgresql", 4)]
    results: dict[tuple[str, int], list[float]] = {c: [] for c in configs}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for backend, writers in configs:
                if backend == "sqlite":
                    rate = measure(_fresh_sqlite(Path(tmp)), entries=args.entries, writers=writers)
                else:
                    url, name = _fresh_pg(args.pg)
                    try:
                        rate = measure(url, entries=args.entries, writers=writers)
                    finally:
                        _drop_pg(args.pg, name)
                results[(backend, writers)].append(rate)
    baseline = statistics.median(results[("sqlite", 1)])
    print(f"{args.entries} registrations per run, {args.repeat} runs, median registrations/s")
    print(f"{'backend':<12}{'writers':>8}{'median/s':>12}{'vs sqlite×1':>14}")
    for (backend, writers), rates in results.items():
        median = statistics.median(rates)
        print(f"{backend:<12}{writers:>8}{median:>12.0f}{median / baseline:>13.2f}x")


if __name__ == "__main__":
    main()
