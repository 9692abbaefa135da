"""The figures of the weekly and monthly report to the Mayor, aggregated in SQL.

For a period (registry.periods) and the one before it:
- incoming letters (not annulled, registered in the period) by addressee, topic, kind, channel;
  outgoing letters; incoming letters archived as not relevant;
- the deadlines that fell in the period: answered on time, answered late, still open and
  overdue, still open and not yet due;
- days to answer by office (median and 90th percentile) over the letters answered in the period.

Every figure is a GROUP BY; percentiles come from the grouped histogram of response days, so no
query walks the rows in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import DateTime, case, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from registry.codes import ADDRESSEES, CHANNELS, KINDS, TOPICS
from registry.db import Database
from registry.models import Entry
from registry.periods import Period, local_midnight_utc

UNCLASSIFIED = "unclassified"
UNASSIGNED = "unassigned"


@dataclass(frozen=True)
class DeadlineFigures:
    """Letters whose reply fell due in the period, by what became of them."""

    due: int
    answered_on_time: int
    answered_late: int
    open_overdue: int
    open_not_due: int

    @property
    def on_time_pct(self) -> float | None:
        return _pct(self.answered_on_time, self.due)

    @property
    def overdue_pct(self) -> float | None:
        return _pct(self.answered_late + self.open_overdue, self.due)


@dataclass(frozen=True)
class OfficeTiming:
    office: str
    answered: int
    median_days: float
    p90_days: float


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    incoming: int
    outgoing: int
    not_relevant_archived: int
    by_addressee: dict[str, int]
    by_topic: dict[str, int]
    by_kind: dict[str, int]
    by_channel: dict[str, int]
    deadlines: DeadlineFigures
    timing: tuple[OfficeTiming, ...]


@dataclass(frozen=True)
class Report:
    current: PeriodFigures
    previous: PeriodFigures
    as_of: date

    def change(self) -> dict[str, Any]:
        """Current minus previous, for the totals and for each addressee."""
        cur, prev = self.current, self.previous
        totals = {
            name: _delta(getattr(cur, name), getattr(prev, name))
            for name in ("incoming", "outgoing", "not_relevant_archived")
        }
        by_addressee = {
            code: _delta(cur.by_addressee.get(code, 0), prev.by_addressee.get(code, 0))
            for code in dict.fromkeys([*cur.by_addressee, *prev.by_addressee])
        }
        return {**totals, "by_addressee": by_addressee}


def build_report(db: Database, period: Period, *, as_of: date) -> Report:
    """The report for `period`; `as_of` decides which open letters are already overdue."""
    with db.read() as session:
        current = period_figures(session, period, as_of=as_of)
        previous = period_figures(session, period.previous(), as_of=as_of)
    return Report(current=current, previous=previous, as_of=as_of)


def period_figures(session: Session, period: Period, *, as_of: date) -> PeriodFigures:
    start, end = period.utc_bounds()
    registered = [
        Entry.registered_at >= start,
        Entry.registered_at < end,
        Entry.annulled_at.is_(None),
    ]
    incoming = [*registered, Entry.direction == "in"]

    def grouped(column: Any, codes: Iterable[str]) -> dict[str, int]:
        stmt = select(column, func.count()).where(*incoming).group_by(column)
        found = {(k if k is not None else UNCLASSIFIED): int(n) for k, n in session.execute(stmt)}
        return {code: found.pop(code, 0) for code in codes} | found

    by_direction = dict(
        session.execute(
            select(Entry.direction, func.count()).where(*registered).group_by(Entry.direction)
        ).all()
    )
    not_relevant = session.execute(
        select(func.count()).where(*incoming, Entry.relevant.is_(False))
    ).scalar_one()
    return PeriodFigures(
        period=period,
        incoming=int(by_direction.get("in", 0)),
        outgoing=int(by_direction.get("out", 0)),
        not_relevant_archived=int(not_relevant),
        by_addressee=grouped(Entry.addressee, ADDRESSEES),
        by_topic=grouped(Entry.topic, TOPICS),
        by_kind=grouped(Entry.kind, KINDS),
        by_channel=grouped(Entry.channel, CHANNELS),
        deadlines=_deadline_figures(session, period, as_of=as_of),
        timing=_timing(session, start=start, end=end),
    )


def _deadline_figures(session: Session, period: Period, *, as_of: date) -> DeadlineFigures:
    due_in_period = [
        Entry.direction == "in",
        Entry.annulled_at.is_(None),
        Entry.relevant.is_not(False),
        Entry.due_date >= period.start,
        Entry.due_date <= period.end,
    ]
    due_dates = session.execute(
        select(Entry.due_date).where(*due_in_period, Entry.answered_at.is_not(None)).distinct()
    ).scalars()
    on_time = _answered_by_due_date([d for d in due_dates if d is not None])
    answered = Entry.answered_at.is_not(None)
    stmt = select(
        func.count(),
        func.sum(case((on_time, 1), else_=0)),
        func.sum(case((answered, 1), else_=0)),
        func.sum(case((~answered & (Entry.due_date < as_of), 1), else_=0)),
    ).where(*due_in_period)
    due, on_time_n, answered_n, overdue_n = session.execute(stmt).one()
    due, on_time_n, answered_n, overdue_n = (
        int(x or 0) for x in (due, on_time_n, answered_n, overdue_n)
    )
    return DeadlineFigures(
        due=due,
        answered_on_time=on_time_n,
        answered_late=answered_n - on_time_n,
        open_overdue=overdue_n,
        open_not_due=due - answered_n - overdue_n,
    )


def _answered_by_due_date(due_dates: list[date]) -> ColumnElement[bool]:
    """True where the answer came before the end of the due day in Vlorë.

    The end of each distinct due day is computed here, with the time zone's rules, and handed
    to the database as a CASE over the due date: no database needs to know Europe/Tirane.
    """
    if not due_dates:
        return literal(False)
    cutoff = case(
        *(
            (
                Entry.due_date == day,
                literal(local_midnight_utc(day + timedelta(days=1)), DateTime(timezone=True)),
            )
            for day in due_dates
        )
    )
    return Entry.answered_at.is_not(None) & (Entry.answered_at < cutoff)


def _timing(session: Session, *, start: Any, end: Any) -> tuple[OfficeTiming, ...]:
    office = func.coalesce(Entry.assigned_office, UNASSIGNED)
    stmt = (
        select(office, Entry.response_days, func.count())
        .where(
            Entry.direction == "in",
            Entry.annulled_at.is_(None),
            Entry.answered_at >= start,
            Entry.answered_at < end,
            Entry.response_days.is_not(None),
        )
        .group_by(office, Entry.response_days)
    )
    histograms: dict[str, dict[int, int]] = {}
    for name, days, count in session.execute(stmt):
        histograms.setdefault(name, {})[int(days or 0)] = int(count)
    return tuple(
        OfficeTiming(
            office=name,
            answered=sum(hist.values()),
            median_days=percentile(hist, 0.5),
            p90_days=percentile(hist, 0.9),
        )
        for name, hist in sorted(histograms.items())
    )


def percentile(histogram: dict[int, int], fraction: float) -> float:
    """The `fraction` quantile of the values a histogram counts, interpolating linearly
    between order statistics (as statistics.quantiles(method="inclusive") does)."""
    total = sum(histogram.values())
    position = fraction * (total - 1)
    lower_rank = int(position)
    lower, upper = (
        _order_statistic(histogram, lower_rank),
        _order_statistic(histogram, min(lower_rank + 1, total - 1)),
    )
    return round(lower + (upper - lower) * (position - lower_rank), 2)


def _order_statistic(histogram: dict[int, int], rank: int) -> int:
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if rank < seen:
            return value
    raise ValueError("rank beyond the histogram")


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _delta(current: int, previous: int) -> dict[str, Any]:
    return {
        "current": current,
        "previous": previous,
        "delta": current - previous,
        "pct": _pct(current - previous, previous),
    }
