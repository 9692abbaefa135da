"""Finding an entry by its year and number inside an open session."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.errors import EntryNotFound
from registry.models import Entry


def entry_by_ref(session: Session, year: int, number: int) -> Entry:
    entry = session.execute(
        select(Entry).where(Entry.year == year, Entry.number == number)
    ).scalar_one_or_none()
    if entry is None:
        raise EntryNotFound(f"no entry {number} in {year}")
    return entry
