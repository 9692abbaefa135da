"""Where a letter's protocol number is assigned: gap-free, per year, inside the entry's transaction.

A PostgreSQL SEQUENCE is not gap-free (nextval never rolls back), so each year has a counter row
that the registering transaction increments (`UPDATE ... RETURNING`, which locks the row until
commit, like `SELECT ... FOR UPDATE`) and commits together with the entry. If that transaction
fails, the increment rolls back with it: no number is used. On SQLite the writer's
`BEGIN IMMEDIATE` (registry.db) already serialises registrations.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from registry.errors import NumberingError
from registry.models import YearCounter


def assign_next_number(session: Session, year: int) -> int:
    """Take the next number of `year` in the caller's open transaction and return it."""
    for _ in range(2):
        number = session.execute(
            update(YearCounter)
            .where(YearCounter.year == year)
            .values(last_number=YearCounter.last_number + 1)
            .returning(YearCounter.last_number)
        ).scalar_one_or_none()
        if number is not None:
            return int(number)
        _create_counter(session, year)  # the year's first letter
    raise NumberingError(f"no counter row for {year}")


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
