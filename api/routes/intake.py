"""Intake over HTTP: upload a file into the same pipeline as the inbox, list the journal and
the quarantine, and retry a quarantined file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi import Path as PathParam

from api.codes import JournalOutcome, code
from api.deps import MAX_INT, BookDep, Clerk, MetricsDep, PipelineDep, SettingsDep
from api.errors import ApiError
from api.metrics import ApiMetrics
from api.routes.common import errors
from api.schemas import EntryOut
from api.schemas_desk import IntakeOutcome, JournalOut, JournalPage
from intake.pipeline import Outcome
from registry import IntakeJournal, ProtocolBook
from registry.access import journal_page, record_intake

router = APIRouter(tags=["intake"])


@router.post("/api/intake", response_model=IntakeOutcome, responses=errors(413, 503))
def upload(
    file: Annotated[UploadFile, File(description="a letter: PDF, image, e-mail, office file")],
    pipeline: PipelineDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    caller: Clerk,
) -> IntakeOutcome:
    """Take an uploaded file through the pipeline (channel `upload`). The answer is the new
    entry, or the duplicate or quarantine outcome."""
    limit = settings.max_upload_bytes
    if file.size is not None and file.size > limit:
        raise ApiError(413, "file_too_large", f"the upload is over the limit of {limit} bytes")
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "file_too_large", f"the upload is over the limit of {limit} bytes")
    name = Path((file.filename or "").replace("\\", "/").replace("\x00", "")).name[:200]
    outcome = pipeline.take_bytes(
        data, source_name=name or "upload", channel="upload", actor=caller.name
    )
    return _answer(outcome, pipeline.book, metrics=metrics, actor=caller.name)


@router.get("/api/journal", response_model=JournalPage, responses=errors())
def journal(
    book: BookDep,
    _caller: Clerk,
    outcome: JournalOutcome | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
) -> JournalPage:
    """Every file Protokoll has seen, newest first."""
    return _page(book, outcome=code(outcome), limit=limit, after=after)


@router.get("/api/quarantine", response_model=JournalPage, responses=errors())
def quarantine(
    book: BookDep,
    _caller: Clerk,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
) -> JournalPage:
    """Files that could not be read, with the reason and the stage they stopped at."""
    return _page(book, outcome="quarantined", limit=limit, after=after)


@router.post(
    "/api/journal/{journal_id}/retry", response_model=IntakeOutcome,
    responses=errors(404, 409, 503),
)  # fmt: skip
def retry(
    journal_id: Annotated[int, PathParam(ge=1, le=MAX_INT)],
    pipeline: PipelineDep,
    metrics: MetricsDep,
    caller: Clerk,
) -> IntakeOutcome:
    """Try a quarantined file again, from its stored original."""
    record = IntakeJournal(pipeline.book.db).get(journal_id)
    if record.outcome != "quarantined":
        raise ApiError(409, "not_quarantined", f"journal record {journal_id} is {record.outcome}")
    outcome = pipeline.retry(journal_id, actor=caller.name)
    return _answer(outcome, pipeline.book, metrics=metrics, actor=caller.name)


def _page(book: ProtocolBook, *, outcome: str | None, limit: int, after: int | None) -> JournalPage:
    records = journal_page(book.db, outcome=outcome, limit=limit, after_id=after)
    return JournalPage(
        items=[JournalOut.model_validate(r, from_attributes=True) for r in records],
        next_after=records[-1].id if len(records) == limit else None,
    )


def _answer(
    outcome: Outcome, book: ProtocolBook, *, metrics: ApiMetrics, actor: str
) -> IntakeOutcome:
    metrics.observe_outcome(outcome)
    record_intake(
        book.db, actor=actor, journal_id=outcome.journal_id, outcome=outcome.outcome,
        entry_ref=outcome.entry_ref,
    )  # fmt: skip
    entry = None
    if outcome.outcome == "registered" and outcome.entry_ref:
        year, number = (int(p) for p in outcome.entry_ref.split("/"))
        entry = EntryOut.of(book.get(year, number))
    return IntakeOutcome(
        outcome=outcome.outcome, journal_id=outcome.journal_id, source_name=outcome.source_name,
        sha256=outcome.sha256, entry_ref=outcome.entry_ref, display=outcome.display,
        reason=outcome.reason, entry=entry,
    )  # fmt: skip
