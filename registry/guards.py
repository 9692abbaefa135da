"""The ORM-level guard of the register: flushing a change to a registered fact, or deleting
anything from the book, raises ImmutableFieldError before the database is even asked."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from registry.errors import ImmutableFieldError
from registry.models import IMMUTABLE_COLUMNS, AuditRecord, Correction, Entry, JournalRecord

_KEPT_FOREVER = (Entry, AuditRecord, Correction, JournalRecord)


@event.listens_for(Session, "before_flush")
def _refuse_fact_changes(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, _KEPT_FOREVER):
            raise ImmutableFieldError(
                f"{type(obj).__name__} rows are never deleted; annul the entry instead"
            )
    for obj in session.dirty:
        if not isinstance(obj, Entry):
            continue
        state = inspect(obj)
        changed = [c for c in IMMUTABLE_COLUMNS if state.attrs[c].history.has_changes()]
        if changed:
            raise ImmutableFieldError(
                f"entry {obj.year}/{obj.number}: registered facts cannot change "
                f"({', '.join(changed)})"
            )
