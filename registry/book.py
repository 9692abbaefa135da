"""The protocol book's service: registering letters and reading them back.

`ProtocolBook.register` is where an entry is written and its number assigned, in one
transaction. Changes after registration (routing, assignment, corrections, annulment) are in
registry.changes; listings, exports and the daily register in registry.queries and registry.daily.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from registry import guards as _guards  # noqa: F401  (installs the ORM guard)
from registry.audit import record_change
from registry.changes import ChangesMixin
from registry.codes import TOPIC_OFFICE, check_code
from registry.db import Database
from registry.deadlines import DeadlinePolicy
from registry.errors import EntryNotFound, InvalidValue, RegistryError
from registry.journal import IntakeJournal
from registry.lookup import entry_by_ref
from registry.mapping import audit_view, entry_view
from registry.models import Attachment, AuditRecord, Entry, EntryText
from registry.numbering import assign_next_number
from registry.search import fold_for_search
from registry.views import AuditView, EntryView, NewEntry, as_utc, local_date

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class ProtocolBook(ChangesMixin):
    """The register. Each public method owns exactly one transaction."""

    def __init__(
        self,
        db: Database,
        *,
        deadlines: DeadlinePolicy | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.db = db
        self.deadlines = deadlines or DeadlinePolicy()
        self.clock = clock

    # -- registering ---------------------------------------------------------------------

    def register(
        self, new: NewEntry, *, actor: str = "system", journal_id: int | None = None
    ) -> EntryView:
        """Write `new` into the book with the next number of the year. All or nothing.

        With `journal_id`, the intake journal's record is closed as registered in the same
        transaction, so a crash can never leave a registered file looking pending.
        """
        _check_new_entry(new)
        try:
            with self.db.write() as session:
                entry = self._insert_entry(session, new, actor=actor)
                if journal_id is not None:
                    IntakeJournal(self.db).close(
                        journal_id, outcome="registered", at=entry.registered_at,
                        entry_id=entry.id, stage="register", session=session,
                    )  # fmt: skip
                return entry_view(session, entry)
        except IntegrityError as exc:
            if new.sha256 and self.find_by_sha256(new.sha256) is not None:
                raise InvalidValue(
                    f"a letter with SHA-256 {new.sha256} is already registered"
                ) from exc
            raise RegistryError("the entry could not be written; no number was used") from exc

    def _insert_entry(self, session: Session, new: NewEntry, *, actor: str) -> Entry:
        now = as_utc(self.clock())
        year = local_date(now).year
        reply_to = entry_by_ref(session, *new.reply_to) if new.reply_to else None
        routing = new.routing
        entry = Entry(
            year=year,
            number=assign_next_number(session, year),
            direction=new.direction,
            registered_at=now,
            channel=new.channel,
            source_name=new.source_name,
            sha256=new.sha256,
            original_path=new.original_path,
            sender_name=new.sender_name,
            sender_address=new.sender_address,
            sender_contact=new.sender_contact,
            recipients=list(new.recipients),
            subject=new.subject,
            sender_reference=new.sender_reference,
            sender_reference_date=new.sender_reference_date,
            pages=new.pages,
            personal_ids=list(new.personal_ids),
            addressee=routing.addressee,
            topic=routing.topic,
            kind=routing.kind,
            relevant=routing.relevant,
            confidence=dict(routing.confidence),
            reasons={k: list(v) for k, v in routing.reasons.items()},
            review_confidence=min(routing.confidence.values()) if routing.confidence else None,
            needs_review=routing.needs_review if new.direction == "in" else False,
            model_version=routing.model_version,
            suggested_office=routing.suggested_office
            or (TOPIC_OFFICE.get(routing.topic) if routing.topic else None),
            status=_initial_status(new),
            due_date=(
                self.deadlines.due_date(routing.kind, local_date(now))
                if new.direction == "in" and routing.relevant is not False
                else None
            ),
            reply_to_id=reply_to.id if reply_to else None,
        )
        entry.attachments = [
            Attachment(name=a.name, sha256=a.sha256, size=a.size, media_type=a.media_type)
            for a in new.attachments
        ]
        entry.corrections = []
        session.add(entry)
        session.flush()
        session.add(
            EntryText(
                entry_id=entry.id,
                text=new.text,
                search_text=fold_for_search(" ".join((new.subject, new.sender_name, new.text))),
                extraction=new.extraction or {},
            )
        )
        record_change(session, at=now, actor=actor, action="register", entry_id=entry.id)
        if reply_to is not None:
            self._mark_answered(session, reply_to, answer=entry, actor=actor)
        session.flush()
        return entry

    def _mark_answered(
        self, session: Session, incoming: Entry, *, answer: Entry, actor: str
    ) -> None:
        if incoming.annulled_at is not None:
            raise InvalidValue(f"entry {incoming.year}/{incoming.number} is annulled")
        answered_at = as_utc(answer.registered_at)
        days = (local_date(answered_at) - local_date(incoming.registered_at)).days
        for field, old, new in (
            ("status", incoming.status, "answered"),
            ("answered_at", incoming.answered_at, answered_at),
            ("response_days", incoming.response_days, days),
        ):
            setattr(incoming, field, new)
            record_change(
                session, at=answered_at, actor=actor, action="answer", entry_id=incoming.id,
                field=field, old=old, new=new, detail=f"answered by {answer.year}/{answer.number}",
            )  # fmt: skip

    # -- reading -------------------------------------------------------------------------

    def get(self, year: int, number: int) -> EntryView:
        with self.db.read() as session:
            return entry_view(session, entry_by_ref(session, year, number))

    def get_by_id(self, entry_id: int) -> EntryView:
        with self.db.read() as session:
            entry = session.get(Entry, entry_id)
            if entry is None:
                raise EntryNotFound(f"no entry with id {entry_id}")
            return entry_view(session, entry)

    def find_by_sha256(self, sha256: str) -> EntryView | None:
        with self.db.read() as session:
            entry = session.execute(
                select(Entry).where(Entry.sha256 == sha256)
            ).scalar_one_or_none()
            return entry_view(session, entry) if entry else None

    def entry_text(self, year: int, number: int) -> str:
        with self.db.read() as session:
            entry = entry_by_ref(session, year, number)
            text = session.get(EntryText, entry.id)
            return text.text if text else ""

    def audit_trail(self, year: int, number: int) -> list[AuditView]:
        with self.db.read() as session:
            entry = entry_by_ref(session, year, number)
            rows = session.execute(
                select(AuditRecord).where(AuditRecord.entry_id == entry.id).order_by(AuditRecord.id)
            ).scalars()
            return [audit_view(session, r) for r in rows]


def _initial_status(new: NewEntry) -> str:
    if new.direction != "in":
        return "registered"
    routing = new.routing
    if routing.needs_review:
        return "in_review"
    if routing.relevant is False:
        return "archived"
    return "routed"


def _check_new_entry(new: NewEntry) -> None:
    check_code("direction", new.direction)
    check_code("channel", new.channel)
    check_code("addressee", new.routing.addressee)
    check_code("topic", new.routing.topic)
    check_code("kind", new.routing.kind)
