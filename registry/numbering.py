"""Where a letter's protocol number is assigned: gap-free, per year, inside the entry's transaction.

A PostgreSQL SEQUENCE is not gap-free (nextval never rolls back), so each year has a counter row
that the registering transaction locks (`SELECT ... FOR UPDATE`), increments and commits together
with the entry. If that transaction fails, the increment rolls back with it: no number is used.
On SQLite the writer's `BEGIN IMMEDIATE` (registry.db) already serialises registrations.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import YearCounter


def assign_next_number(session: Session, year: int) -> int:
    """Take the next number of `year` in the caller's open transaction and return it."""
    counter = session.execute(
        select(YearCounter).where(YearCounter.year == year).with_for_update()
    ).scalar_one_or_none()
    if counter is None:
        _create_counter(session, year)
        counter = session.execute(
            select(YearCounter).where(YearCounter.year == year).with_for_update()
        ).scalar_one()
    counter.last_number += 1
    session.flush()
    return counter.last_number


def _create_counter(session: Session, year: int) -> None:
    """Insert the year's counter at 0, tolerating a concurrent writer that inserted it first."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(
            pg_insert(YearCounter).values(year=year, last_number=0).on_conflict_do_nothing()
        )
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(
            sqlite_insert(YearCounter).values(year=year, last_number=0).on_conflict_do_nothing()
        )
