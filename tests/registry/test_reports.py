"""The report figures on a register filled with known letters, on SQLite and PostgreSQL.

The expected figures are computed here, independently, from the list of letters the test
registered; the report computes them in SQL.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from registry import Database, NewEntry, ProtocolBook, Routing
from registry.codes import ADDRESSEES, CHANNELS, KINDS, TOPICS
from registry.periods import month_period, range_period, week_period
from registry.reports import build_report, percentile

VLORE = ZoneInfo("Europe/Tirane")
AS_OF = date(2026, 12, 20)


@dataclass
class Letter:
    at: datetime
    addressee: str | None
    topic: str | None
    kind: str | None
    channel: str
    relevant: bool | None
    office: str | None
    answer_after: timedelta | None
    annulled: bool = False
    due: date | None = None
    answered_at: datetime | None = None


def _letters(seed: int = 7) -> list[Letter]:
    rng = random.Random(seed)
    start = datetime(2026, 9, 25, tzinfo=UTC)
    letters = []
    for _ in range(160):
        at = start + timedelta(minutes=rng.randrange(0, 80 * 24 * 60))
        answered = rng.random() < 0.55
        letters.append(
            Letter(
                at=at,
                addressee=rng.choice([*ADDRESSEES, None]),
                topic=rng.choice(TOPICS),
                kind=rng.choice(KINDS),
                channel=rng.choice(CHANNELS),
                relevant=rng.choice([True, True, True, False, None]),
                office=rng.choice(["taksat", "sociale", "planifikimi", None]),
                answer_after=timedelta(hours=rng.randrange(1, 40 * 24)) if answered else None,
                annulled=rng.random() < 0.05,
            )
        )
    # Edge: 23:30 UTC on 31 October is 00:30 on 1 November in Vlorë.
    letters.append(
        Letter(datetime(2026, 10, 31, 23, 30, tzinfo=UTC), "kryetari", "rruget", "kerkese",
               "scan", True, "taksat", timedelta(days=30, hours=1))
    )  # fmt: skip
    return sorted(letters, key=lambda letter: letter.at)


def _fill(db: Database, letters: list[Letter]) -> None:
    """Register the letters and their answers in time order, as a clerk would."""
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    book = ProtocolBook(db, clock=lambda: now[0])
    events: list[tuple[datetime, int, str]] = [
        (letter.at, i, "in") for i, letter in enumerate(letters)
    ]
    events += [
        (letter.at + letter.answer_after, i, "out")
        for i, letter in enumerate(letters)
        if letter.answer_after is not None and not letter.annulled
    ]
    refs: dict[int, tuple[int, int]] = {}
    for at, i, kind in sorted(events):
        now[0] = at
        letter = letters[i]
        if kind == "in":
            routing = Routing(addressee=letter.addressee, topic=letter.topic, kind=letter.kind,
                              relevant=letter.relevant, needs_review=False)  # fmt: skip
            view = book.register(NewEntry(direction="in", channel=letter.channel, routing=routing))
            refs[i] = (view.year, view.number)
            letter.due = view.due_date
            if letter.office:
                book.assign(*refs[i], office=letter.office, actor="test")
            if letter.annulled:
                book.annul(*refs[i], reason="gabim", authorised_by="Sekretari", actor="test")
        else:
            book.register(NewEntry(direction="out", channel="manual", reply_to=refs[i]))
            letter.answered_at = at


def _local_day(moment: datetime) -> date:
    return moment.astimezone(VLORE).date()


def _expected(letters: list[Letter], start: date, end: date) -> dict:
    def in_period(moment: datetime) -> bool:
        return start <= _local_day(moment) <= end

    incoming = [x for x in letters if in_period(x.at) and not x.annulled]
    outgoing = [x for x in letters if x.answered_at and in_period(x.answered_at)]
    due = [x for x in letters
           if x.due and start <= x.due <= end and not x.annulled and x.relevant is not False]  # fmt: skip
    on_time = [x for x in due if x.answered_at and _local_day(x.answered_at) <= x.due]  # type: ignore[operator]
    late = [x for x in due if x.answered_at and _local_day(x.answered_at) > x.due]  # type: ignore[operator]
    open_overdue = [x for x in due if not x.answered_at and x.due < AS_OF]  # type: ignore[operator]
    answered = [x for x in letters if x.answered_at and in_period(x.answered_at) and not x.annulled]
    days_by_office: dict[str, list[int]] = {}
    for x in answered:
        days = (_local_day(x.answered_at) - _local_day(x.at)).days  # type: ignore[arg-type]
        days_by_office.setdefault(x.office or "unassigned", []).append(days)
    return {
        "incoming": len(incoming),
        "outgoing": len(outgoing),
        "not_relevant": sum(1 for x in incoming if x.relevant is False),
        "by_addressee": Counter(x.addressee or "unclassified" for x in incoming),
        "by_topic": Counter(x.topic for x in incoming),
        "by_kind": Counter(x.kind for x in incoming),
        "by_channel": Counter(x.channel for x in incoming),
        "due": len(due),
        "on_time": len(on_time),
        "late": len(late),
        "open_overdue": len(open_overdue),
        "timing": {
            office: (
                len(d),
                statistics.median(d),
                statistics.quantiles(d, n=10, method="inclusive")[8] if len(d) > 1 else d[0],
            )
            for office, d in days_by_office.items()
        },  # fmt: skip
    }


def _check(db: Database, letters: list[Letter], period) -> None:
    report = build_report(db, period, as_of=AS_OF)
    for figures in (report.current, report.previous):
        expected = _expected(letters, figures.period.start, figures.period.end)
        assert figures.incoming == expected["incoming"]
        assert figures.outgoing == expected["outgoing"]
        assert figures.not_relevant_archived == expected["not_relevant"]
        for name in ("by_addressee", "by_topic", "by_kind", "by_channel"):
            assert {k: v for k, v in getattr(figures, name).items() if v} == dict(expected[name])
        d = figures.deadlines
        assert (d.due, d.answered_on_time, d.answered_late, d.open_overdue) == (
            expected["due"], expected["on_time"], expected["late"], expected["open_overdue"]
        )  # fmt: skip
        if d.due:
            assert d.on_time_pct == round(100 * expected["on_time"] / expected["due"], 1)
        timing = {t.office: (t.answered, t.median_days, t.p90_days) for t in figures.timing}
        assert timing.keys() == expected["timing"].keys()
        for office, (n, median, p90) in expected["timing"].items():
            assert timing[office][0] == n
            assert timing[office][1] == pytest.approx(median, abs=0.01)
            assert timing[office][2] == pytest.approx(p90, abs=0.01)
    change = report.change()
    assert change["incoming"]["delta"] == report.current.incoming - report.previous.incoming


@pytest.fixture(scope="module")
def letters() -> list[Letter]:
    return _letters()


def _filled(url: str, letters: list[Letter]) -> Database:
    db = Database(url)
    db.migrate()
    _fill(db, letters)
    return db


def test_figures_on_sqlite(sqlite_url: str) -> None:
    letters = _letters()
    db = _filled(sqlite_url, letters)
    for period in (month_period("2026-11"), week_period("2026-W46"),
                   range_period(date(2026, 10, 15), date(2026, 11, 20))):  # fmt: skip
        _check(db, letters, period)
    db.dispose()


@pytest.mark.postgres
def test_figures_on_postgres(pg_url: str) -> None:
    letters = _letters()
    db = _filled(pg_url, letters)
    for period in (month_period("2026-11"), week_period("2026-W45")):
        _check(db, letters, period)
    db.dispose()


def test_a_letter_at_half_past_midnight_counts_in_its_local_month(sqlite_url: str) -> None:
    letters = [x for x in _letters() if x.at == datetime(2026, 10, 31, 23, 30, tzinfo=UTC)]
    db = _filled(sqlite_url, letters)
    report = build_report(db, month_period("2026-11"), as_of=AS_OF)
    assert (report.current.incoming, report.previous.incoming) == (1, 0)
    db.dispose()


def test_percentile_matches_statistics() -> None:
    values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    histogram = dict(Counter(values))
    assert percentile(histogram, 0.5) == statistics.median(values)
    expected = statistics.quantiles(values, n=10, method="inclusive")[8]
    assert percentile(histogram, 0.9) == pytest.approx(expected, abs=0.01)


def test_periods_and_their_predecessors() -> None:
    assert week_period("2026-W01").previous().label == "2025-W52"
    assert month_period("2026-01").previous().label == "2025-12"
    assert range_period(date(2026, 11, 1), date(2026, 11, 10)).previous().start == date(
        2026, 10, 22
    )
    for bad in ("2026-W54", "2026-13", "0001-01", "26-11"):
        with pytest.raises(Exception, match="week|month|year"):
            (week_period if "W" in bad else month_period)(bad)
