"""What may change after registration, and only here, each change with its audit record:
routing (addressee, topic, kind, relevance), assignment, status, due date, links, recorded
corrections of subject and sender, and annulment. Registered facts are refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from registry.audit import record_change
from registry.codes import STATUSES, check_code
from registry.db import Database
from registry.deadlines import DeadlinePolicy
from registry.errors import ImmutableFieldError, InvalidTransition, InvalidValue
from registry.lookup import entry_by_ref
from registry.mapping import entry_view
from registry.models import IMMUTABLE_COLUMNS, Correction, Entry
from registry.views import EntryView, Routing, as_utc, local_date

CORRECTABLE = ("subject", "sender_name")
_UNSET: Any = object()


class ChangesMixin:
    """The changing half of ProtocolBook. Each method is one audited transaction."""

    db: Database
    deadlines: DeadlinePolicy
    clock: Callable[[], datetime]

    def _change(
        self, year: int, number: int, apply: Callable[[Session, Entry, datetime], None]
    ) -> EntryView:
        with self.db.write() as session:
            entry = entry_by_ref(session, year, number)
            if entry.annulled_at is not None:
                raise InvalidTransition(f"entry {year}/{number} is annulled and cannot change")
            apply(session, entry, as_utc(self.clock()))
            session.flush()
            return entry_view(session, entry)

    def update_routing(
        self,
        year: int,
        number: int,
        *,
        actor: str,
        addressee: str | None = _UNSET,
        topic: str | None = _UNSET,
        kind: str | None = _UNSET,
        relevant: bool | None = _UNSET,
        assigned_office: str | None = _UNSET,
        confirm: bool = True,
    ) -> EntryView:
        """Correct any routing dimension; with `confirm`, the routing counts as reviewed."""
        wanted = {
            k: v
            for k, v in dict(
                addressee=addressee, topic=topic, kind=kind, relevant=relevant,
                assigned_office=assigned_office,
            ).items()
            if v is not _UNSET
        }  # fmt: skip
        for field in ("addressee", "topic", "kind", "assigned_office"):
            if field in wanted:
                check_code(field, str(wanted[field]) if wanted[field] is not None else None)

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            for field, value in wanted.items():
                _set(session, entry, field, value, actor=actor, now=now, action="route")
            if "kind" in wanted or "relevant" in wanted:
                due = (
                    self.deadlines.due_date(entry.kind, local_date(entry.registered_at))
                    if entry.relevant is not False
                    else None
                )
                _set(session, entry, "due_date", due, actor=actor, now=now, action="route")
            if confirm:
                _set(session, entry, "needs_review", False, actor=actor, now=now, action="confirm")
                entry.confirmed_at = now
                if entry.status in ("registered", "in_review", "routed", "archived"):
                    status = "archived" if entry.relevant is False else "routed"
                    if entry.assigned_office and entry.relevant is not False:
                        status = "assigned"
                    _set(session, entry, "status", status, actor=actor, now=now, action="confirm")

        return self._change(year, number, apply)

    def assign(
        self,
        year: int,
        number: int,
        *,
        office: str,
        actor: str,
        mode: str = "action",
        note: str | None = None,
    ) -> EntryView:
        """Assign to an office, for action or for information. A later change is kept too."""
        check_code("assigned_office", office)
        if mode not in ("action", "information"):
            raise InvalidValue(f"assignment mode must be 'action' or 'information', not {mode!r}")

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            if entry.status == "answered":
                raise InvalidTransition(f"entry {year}/{number} is already answered")
            _set(session, entry, "assigned_office", office, actor=actor, now=now,
                 action="assign", detail=note)  # fmt: skip
            _set(session, entry, "assignment_mode", mode, actor=actor, now=now, action="assign")
            _set(session, entry, "status", "assigned", actor=actor, now=now, action="assign")

        return self._change(year, number, apply)

    def set_status(self, year: int, number: int, status: str, *, actor: str) -> EntryView:
        check_code("status", status)
        if status == "annulled":
            raise InvalidTransition("use annul() with a reason and who authorised it")
        assert status in STATUSES

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            _set(session, entry, "status", status, actor=actor, now=now, action="status")

        return self._change(year, number, apply)

    def set_due_date(self, year: int, number: int, due: date | None, *, actor: str) -> EntryView:
        def apply(session: Session, entry: Entry, now: datetime) -> None:
            _set(session, entry, "due_date", due, actor=actor, now=now, action="due_date")

        return self._change(year, number, apply)

    def link(
        self,
        year: int,
        number: int,
        *,
        actor: str,
        reply_to: tuple[int, int] | None = None,
        duplicate_of: tuple[int, int] | None = None,
    ) -> EntryView:
        """Link an entry to the one it replies to, or mark it a repeat delivery of another."""

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            for field, ref in (("reply_to_id", reply_to), ("duplicate_of_id", duplicate_of)):
                if ref is None:
                    continue
                other = entry_by_ref(session, *ref)
                if other.id == entry.id:
                    raise InvalidValue("an entry cannot link to itself")
                _set(session, entry, field, other.id, actor=actor, now=now, action="link",
                     detail=f"{field.removesuffix('_id')} {other.year}/{other.number}")  # fmt: skip

        return self._change(year, number, apply)

    def correct(
        self, year: int, number: int, *, field: str, value: str, reason: str, actor: str
    ) -> EntryView:
        """Record a correction of the subject or sender. The registered value stays visible."""
        if field not in CORRECTABLE:
            if field in IMMUTABLE_COLUMNS:
                raise ImmutableFieldError(f"{field} is a registered fact and cannot be corrected")
            raise InvalidValue(f"{field} cannot be corrected; correctable: {CORRECTABLE}")
        if not reason.strip():
            raise InvalidValue("a correction needs a reason")

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            previous = [c.new_value for c in entry.corrections if c.field == field]
            old = previous[-1] if previous else getattr(entry, field)
            session.add(
                Correction(entry_id=entry.id, field=field, old_value=old, new_value=value,
                           reason=reason, actor=actor, at=now)
            )  # fmt: skip
            record_change(session, at=now, actor=actor, action="correct", entry_id=entry.id,
                          field=field, old=old, new=value, detail=reason)  # fmt: skip
            session.flush()
            session.refresh(entry)

        return self._change(year, number, apply)

    def reclassify(self, year: int, number: int, routing: Routing, *, actor: str) -> EntryView:
        """Replace the model's suggestion on an entry no reviewer has confirmed yet (after
        retraining), from its stored text: no OCR again. Confirmed routings are never touched."""
        for field in ("addressee", "topic", "kind"):
            check_code(field, getattr(routing, field))

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            if entry.confirmed_at is not None or entry.direction != "in":
                raise InvalidTransition(f"entry {year}/{number} was confirmed by a reviewer")
            for field in ("addressee", "topic", "kind", "relevant", "suggested_office"):
                _set(session, entry, field, getattr(routing, field), actor=actor, now=now,
                     action="reclassify", detail=routing.model_version)  # fmt: skip
            entry.confidence = dict(routing.confidence)
            entry.reasons = {k: list(v) for k, v in routing.reasons.items()}
            entry.review_confidence = min(routing.confidence.values(), default=None)
            entry.model_version = routing.model_version
            _set(session, entry, "needs_review", routing.needs_review, actor=actor, now=now,
                 action="reclassify")  # fmt: skip
            if entry.status in ("registered", "in_review", "routed", "archived"):
                status = "in_review" if routing.needs_review else "routed"
                if not routing.needs_review and routing.relevant is False:
                    status = "archived"
                _set(session, entry, "status", status, actor=actor, now=now, action="reclassify")
            due = (
                self.deadlines.due_date(entry.kind, local_date(entry.registered_at))
                if entry.relevant is not False
                else None
            )
            _set(session, entry, "due_date", due, actor=actor, now=now, action="reclassify")

        return self._change(year, number, apply)

    def annul(
        self, year: int, number: int, *, reason: str, authorised_by: str, actor: str
    ) -> EntryView:
        """Annul an entry: its number stays taken and the entry stays readable."""
        if not reason.strip() or not authorised_by.strip():
            raise InvalidValue("annulment needs a reason and who authorised it")

        def apply(session: Session, entry: Entry, now: datetime) -> None:
            entry.annulled_at = now
            entry.annulled_reason = reason
            entry.annulled_by = authorised_by
            _set(session, entry, "status", "annulled", actor=actor, now=now, action="annul",
                 detail=f"{reason} (authorised by {authorised_by})")  # fmt: skip

        return self._change(year, number, apply)


def _set(
    session: Session,
    entry: Entry,
    field: str,
    value: Any,
    *,
    actor: str,
    now: datetime,
    action: str,
    detail: str | None = None,
) -> None:
    old = getattr(entry, field)
    if old == value:
        return
    setattr(entry, field, value)
    record_change(session, at=now, actor=actor, action=action, entry_id=entry.id, field=field,
                  old=old, new=value, detail=detail)  # fmt: skip
