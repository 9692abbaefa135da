"""A letter's journey, in one place: accept, store the original, journal it, extract, classify,
register, journal the outcome. Exceptions become a file's fate here and nowhere else."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from classify.types import Classification
from extract.types import Extraction
from intake.letter import new_entry_from, text_to_classify
from intake.quarantine import Quarantine
from intake.store import OriginalsStore
from protokoll.errors import NextStep, ProtokollError
from protokoll.privacy import mask_personal_ids
from registry import AlreadyRegistered, IntakeJournal, JournalView, ProtocolBook, utc_now

log = logging.getLogger("protokoll.intake")

Extractor = Callable[[Path, str], Extraction]


class Classifier(Protocol):
    """What intake needs of a classifier (classify.Classifier, or a fake in tests)."""

    @property
    def is_available(self) -> bool: ...

    def classify(self, text: str, *, email_to: tuple[str, ...] = ()) -> Classification: ...


@dataclass(frozen=True)
class Outcome:
    """What became of one file."""

    journal_id: int
    source_name: str
    sha256: str
    outcome: str  # registered, duplicate, quarantined
    entry_ref: str | None = None
    display: str | None = None
    reason: str | None = None
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0


class Pipeline:
    """Runs files through the stages. One bad file never stops the caller's loop."""

    def __init__(
        self,
        *,
        book: ProtocolBook,
        store: OriginalsStore,
        quarantine: Quarantine,
        extractor: Extractor,
        classifier: Classifier,
        max_file_bytes: int,
    ) -> None:
        self.book = book
        self.journal = IntakeJournal(book.db)
        self.store = store
        self.quarantine = quarantine
        self.extractor = extractor
        self.classifier = classifier
        self.max_file_bytes = max_file_bytes

    def take_file(self, path: Path, *, channel: str = "scan", remove: bool = False) -> Outcome:
        """Accept a file: store and journal it first, then (with `remove`) drop the inbox copy."""
        source_key = _source_key(path)
        stored = self.store.put_file(path)
        record = self.journal.find_drop(sha256=stored.sha256, source_key=source_key)
        if record is None:
            record = self.journal.open(
                sha256=stored.sha256, source_name=path.name, size=stored.size, channel=channel,
                at=utc_now(), source_key=source_key,
            )  # fmt: skip
        if remove:
            path.unlink(missing_ok=True)
        if record.outcome != "pending":  # taken before; a crash kept it from leaving the inbox
            return _outcome_of(record)
        return self.process(record)

    def take_bytes(
        self, data: bytes, *, source_name: str, channel: str = "upload", actor: str = "system"
    ) -> Outcome:
        stored = self.store.put_bytes(data)
        record = self.journal.open(
            sha256=stored.sha256, source_name=source_name, size=stored.size, channel=channel,
            at=utc_now(),
        )  # fmt: skip
        return self.process(record, actor=actor)

    def process(self, record: JournalView, *, actor: str = "system") -> Outcome:
        """Take a journaled file through extraction, classification and registration."""
        started = time.monotonic()
        existing = self.book.find_by_sha256(record.sha256)
        if existing is not None:
            return self._duplicate(record, existing.id, existing.display, started)
        stage = "extract"
        try:
            self.journal.mark_attempt(record.id, stage=stage, at=utc_now())
            if record.size > self.max_file_bytes:
                from intake.errors import FileTooLarge

                raise FileTooLarge(
                    f"{record.size} bytes is over the limit of {self.max_file_bytes}"
                )
            original = self.store.open_original(record.sha256)
            extraction = self.extractor(original, record.source_name)
            stage = "classify"
            recipients = extraction.email.to if extraction.email else ()
            classification = self.classifier.classify(
                text_to_classify(extraction), email_to=recipients
            )
            stage = "register"
            new = new_entry_from(
                extraction=extraction,
                classification=classification,
                channel=record.channel,
                source_name=record.source_name,
                sha256=record.sha256,
                original_path=self.store.relative(record.sha256),
            )
            entry = self.book.register(new, journal_id=record.id, actor=actor)
        except AlreadyRegistered as dup:
            return self._duplicate(record, dup.entry_id, None, started)
        except ProtokollError as err:
            if err.next_step == NextStep.RETRY:
                log.warning("file left pending for retry", extra=_fields(record, stage, err))
                raise
            return self._quarantine(record, stage, err, started)
        except Exception as exc:  # an unexpected failure must not lose the file either
            log.exception("unexpected failure", extra=_fields(record, stage, None))
            return self._quarantine(record, stage, _Unexpected(repr(exc)), started)
        outcome = Outcome(
            journal_id=record.id, source_name=record.source_name, sha256=record.sha256,
            outcome="registered", entry_ref=entry.ref, display=entry.display, pages=entry.pages,
            ocr_pages=extraction.ocr_page_count, seconds=time.monotonic() - started,
        )  # fmt: skip
        self._log(outcome)
        return outcome

    def resume_pending(self) -> list[Outcome]:
        """Finish every file a crash left pending."""
        return [self.process(r) for r in self.journal.pending()]

    def retry(self, journal_id: int, *, actor: str = "system") -> Outcome:
        """Try a quarantined file again, from its stored original."""
        record = self.journal.reopen(journal_id, at=utc_now())
        outcome = self.process(record, actor=actor)
        if outcome.outcome != "quarantined":
            self.quarantine.release(journal_id=journal_id, source_name=record.source_name)
        return outcome

    # -- fates -----------------------------------------------------------------------------

    def _duplicate(
        self, record: JournalView, entry_id: int, display: str | None, started: float
    ) -> Outcome:
        self.journal.close(record.id, outcome="duplicate", at=utc_now(), entry_id=entry_id,
                           stage="dedupe")  # fmt: skip
        view = self.journal.get(record.id)
        outcome = Outcome(
            journal_id=record.id, source_name=record.source_name, sha256=record.sha256,
            outcome="duplicate", entry_ref=view.entry_ref, display=display or view.entry_display,
            reason=f"duplicate of {view.entry_display}", seconds=time.monotonic() - started,
        )  # fmt: skip
        self._log(outcome)
        return outcome

    def _quarantine(
        self, record: JournalView, stage: str, err: ProtokollError, started: float
    ) -> Outcome:
        now = utc_now()
        self.quarantine.put(
            journal_id=record.id, sha256=record.sha256, source_name=record.source_name,
            stage=stage, code=err.code, reason=err.message, advice=err.advice, at=now,
        )  # fmt: skip
        reason = f"{err.code}: {err.message}"
        self.journal.close(record.id, outcome="quarantined", at=now, reason=reason, stage=stage)
        outcome = Outcome(
            journal_id=record.id, source_name=record.source_name, sha256=record.sha256,
            outcome="quarantined", reason=reason, seconds=time.monotonic() - started,
        )  # fmt: skip
        self._log(outcome)
        return outcome

    def _log(self, o: Outcome) -> None:
        log.info(
            "file %s",
            o.outcome,
            extra={
                "journal_id": o.journal_id,
                "sha256": o.sha256,
                "source_name": mask_personal_ids(o.source_name),
                "outcome": o.outcome,
                "entry": o.entry_ref,
                "pages": o.pages,
                "ocr_pages": o.ocr_pages,
                "ms": round(o.seconds * 1000),
                "reason": o.reason,
            },
        )


def _source_key(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"


def _outcome_of(record: JournalView) -> Outcome:
    return Outcome(
        journal_id=record.id, source_name=record.source_name, sha256=record.sha256,
        outcome=record.outcome, entry_ref=record.entry_ref, display=record.entry_display,
        reason=record.reason,
    )  # fmt: skip


class _Unexpected(ProtokollError):
    code = "unexpected_error"
    advice = "Report this file to the developers; retry after an upgrade."


def _fields(record: JournalView, stage: str, err: ProtokollError | None) -> dict[str, object]:
    return {
        "journal_id": record.id,
        "sha256": record.sha256,
        "stage": stage,
        "code": err.code if err else None,
    }
