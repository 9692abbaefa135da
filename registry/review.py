"""The review queue: letters that need a reviewer, least confident first, then oldest.

Pagination is by keyset over (review_confidence, id), with unclassified letters (no confidence)
first; the cursor is the text `"<confidence or n>:<id>"` of the last letter seen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from registry.db import Database
from registry.errors import InvalidValue
from registry.mapping import entry_view
from registry.models import Entry
from registry.views import EntryView


@dataclass(frozen=True)
class QueuePage:
    items: tuple[EntryView, ...]
    next_after: str | None
    backlog: int


def _waiting() -> list[ColumnElement[bool]]:
    return [Entry.needs_review.is_(True), Entry.annulled_at.is_(None)]


def review_backlog(db: Database) -> int:
    """How many letters wait for a reviewer."""
    with db.read() as session:
        return int(session.execute(select(func.count()).where(*_waiting())).scalar_one())


def queue_cursor(entry: EntryView, confidence: float | None) -> str:
    return f"{'n' if confidence is None else repr(confidence)}:{entry.id}"


def parse_queue_cursor(cursor: str) -> tuple[float | None, int]:
    """The (confidence, id) of a cursor; InvalidValue if it is not one this module made."""
    head, sep, tail = cursor.partition(":")
    try:
        entry_id = int(tail)
        confidence = None if head == "n" else float(head)
    except ValueError:
        raise InvalidValue(f"not a review-queue cursor: {cursor!r}") from None
    if not sep or (confidence is not None and not math.isfinite(confidence)):
        raise InvalidValue(f"not a review-queue cursor: {cursor!r}")
    return confidence, entry_id


def _after(confidence: float | None, entry_id: int) -> ColumnElement[bool]:
    if confidence is None:
        return or_(
            and_(Entry.review_confidence.is_(None), Entry.id > entry_id),
            Entry.review_confidence.is_not(None),
        )
    return or_(
        Entry.review_confidence > confidence,
        and_(Entry.review_confidence == confidence, Entry.id > entry_id),
    )


def review_queue(db: Database, *, limit: int = 50, after: str | None = None) -> QueuePage:
    """One page of the queue, and the whole backlog's size."""
    stmt = (
        select(Entry)
        .where(*_waiting())
        .order_by(Entry.review_confidence.asc().nulls_first(), Entry.id.asc())
        .limit(limit)
    )
    if after:
        stmt = stmt.where(_after(*parse_queue_cursor(after)))
    with db.read() as session:
        rows = list(session.execute(stmt).scalars())
        items = tuple(entry_view(session, e) for e in rows)
        backlog = int(session.execute(select(func.count()).where(*_waiting())).scalar_one())
    next_after = queue_cursor(items[-1], rows[-1].review_confidence) if len(rows) == limit else None
    return QueuePage(items=items, next_after=next_after, backlog=backlog)
