"""Reply deadlines as an office sees them: open letters overdue or due soon, counted by office.

An open letter is incoming, relevant or unrouted, neither answered nor archived nor annulled,
and has a due date. Letters not yet assigned are counted under the office `None`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.sql.elements import ColumnElement

from registry.db import Database
from registry.mapping import entry_view
from registry.models import Entry
from registry.views import EntryView


@dataclass(frozen=True)
class OfficeDeadlines:
    office: str | None
    overdue: int
    due_soon: int


@dataclass(frozen=True)
class DeadlineOverview:
    today: date
    due_soon_until: date
    by_office: tuple[OfficeDeadlines, ...]
    overdue: tuple[EntryView, ...]  # most overdue first
    due_soon: tuple[EntryView, ...]  # soonest first


def _open(office: str | None) -> list[ColumnElement[bool]]:
    conditions = [
        Entry.direction == "in",
        Entry.due_date.is_not(None),
        Entry.answered_at.is_(None),
        Entry.annulled_at.is_(None),
        Entry.status.not_in(("answered", "archived", "annulled")),
    ]
    if office is not None:
        conditions.append(Entry.assigned_office == office)
    return conditions


def deadline_overview(
    db: Database,
    *,
    today: date,
    within_days: int = 5,
    office: str | None = None,
    limit: int = 100,
) -> DeadlineOverview:
    """Overdue letters (due before `today`) and those due within `within_days`, by office."""
    until = today + timedelta(days=within_days)
    is_overdue = Entry.due_date < today
    is_due_soon = (Entry.due_date >= today) & (Entry.due_date <= until)
    counts = (
        select(
            Entry.assigned_office,
            func.sum(case((is_overdue, 1), else_=0)),
            func.sum(case((is_due_soon, 1), else_=0)),
        )
        .where(*_open(office), Entry.due_date <= until)
        .group_by(Entry.assigned_office)
    )
    overdue = select(Entry).where(*_open(office), is_overdue)
    due_soon = select(Entry).where(*_open(office), is_due_soon)
    with db.read() as session:
        by_office = tuple(
            OfficeDeadlines(office=o, overdue=int(late or 0), due_soon=int(soon or 0))
            for o, late, soon in session.execute(counts)
        )
        late_rows = session.execute(overdue.order_by(Entry.due_date, Entry.id).limit(limit))
        late_views = tuple(entry_view(session, e) for e in late_rows.scalars())
        soon_rows = session.execute(due_soon.order_by(Entry.due_date, Entry.id).limit(limit))
        soon_views = tuple(entry_view(session, e) for e in soon_rows.scalars())
    return DeadlineOverview(
        today=today,
        due_soon_until=until,
        by_office=tuple(sorted(by_office, key=lambda o: (o.office is None, o.office or ""))),
        overdue=late_views,
        due_soon=soon_views,
    )
