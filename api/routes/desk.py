"""The desk's other work: assignment, outgoing letters, deadlines, annulment, the daily register."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile

from api.codes import Office, code
from api.deps import (
    Admin,
    BookDep,
    Clerk,
    IsoDate,
    Number,
    Reviewer,
    SettingsDep,
    StoreDep,
    Today,
    Year,
)
from api.errors import ApiError
from api.routes.common import errors
from api.schemas import EntryOut
from api.schemas_desk import Annulment, Assignment, DailyOut, DeadlinesOut, OfficeDeadlinesOut
from registry import InvalidValue, NewEntry, daily_register, parse_entry_ref
from registry.due import deadline_overview

router = APIRouter(tags=["desk"])


@router.post(
    "/api/entries/{year}/{number}/assign", response_model=EntryOut, responses=errors(404, 409)
)
def assign(
    year: Year, number: Number, assignment: Assignment, book: BookDep, caller: Reviewer
) -> EntryOut:
    """Assign to an office for action or for information; a later change is kept too."""
    entry = book.assign(
        year, number, office=str(code(assignment.office)), mode=str(code(assignment.mode)),
        note=assignment.note, actor=caller.name,
    )  # fmt: skip
    return EntryOut.of(entry)


@router.post(
    "/api/outgoing", response_model=EntryOut, status_code=201, responses=errors(404, 409, 413)
)
def register_outgoing(
    book: BookDep,
    store: StoreDep,
    settings: SettingsDep,
    caller: Clerk,
    recipient: Annotated[str, Form(min_length=1, max_length=500)],
    subject: Annotated[str, Form(min_length=1, max_length=2000)],
    reply_to: Annotated[
        str | None,
        Form(pattern=r"^\d{4}/\d{1,9}$", description="YEAR/NUMBER of the letter it answers"),
    ] = None,
    text: Annotated[str, Form(max_length=100_000)] = "",
    file: Annotated[UploadFile | None, File(description="the signed letter, if scanned")] = None,
) -> EntryOut:
    """Register an outgoing letter with the next number. Answering an incoming letter marks it
    answered, with its response time."""
    for value in (recipient, subject, text, reply_to or ""):
        if "\x00" in value:
            raise InvalidValue("text may not contain NUL characters")
    sha256 = original_path = None
    source_name = ""
    if file is not None and file.filename:
        data = file.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise ApiError(413, "file_too_large", f"over {settings.max_upload_bytes} bytes")
        stored = store.put_bytes(data)
        sha256, original_path = stored.sha256, store.relative(stored.sha256)
        source_name = _bare_name(file.filename)
    entry = book.register(
        NewEntry(
            direction="out", channel="upload" if sha256 else "manual", source_name=source_name,
            sha256=sha256, original_path=original_path, recipients=(recipient,),
            subject=subject, text=text, reply_to=parse_entry_ref(reply_to) if reply_to else None,
        ),
        actor=caller.name,
    )  # fmt: skip
    return EntryOut.of(entry)


@router.post(
    "/api/entries/{year}/{number}/annul", response_model=EntryOut, responses=errors(404, 409)
)
def annul(
    year: Year, number: Number, annulment: Annulment, book: BookDep, caller: Admin
) -> EntryOut:
    """Annul an entry (admin only): the number stays taken and the entry stays readable."""
    entry = book.annul(
        year, number, reason=annulment.reason, authorised_by=annulment.authorised_by,
        actor=caller.name,
    )  # fmt: skip
    return EntryOut.of(entry)


@router.get("/api/deadlines", response_model=DeadlinesOut, responses=errors())
def deadlines(
    book: BookDep,
    _caller: Clerk,
    today: Today,
    within_days: Annotated[int, Query(ge=0, le=365, description="what counts as due soon")] = 5,
    office: Office | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DeadlinesOut:
    """Open letters overdue or due soon, counted by office."""
    overview = deadline_overview(
        book.db, today=today, within_days=within_days, office=code(office), limit=limit
    )
    return DeadlinesOut(
        today=overview.today,
        due_soon_until=overview.due_soon_until,
        by_office=[OfficeDeadlinesOut.model_validate(asdict(o)) for o in overview.by_office],
        overdue=[EntryOut.of(e) for e in overview.overdue],
        due_soon=[EntryOut.of(e) for e in overview.due_soon],
    )


@router.get("/api/daily/{day}", response_model=DailyOut, responses=errors())
def daily(day: IsoDate, book: BookDep, _caller: Clerk) -> DailyOut:
    """The daily register of `day` (YYYY-MM-DD), with the SHA-256 that seals it."""
    if not 1900 <= day.year <= 9998:
        raise InvalidValue("the register keeps the years 1900 to 9998")
    register = daily_register(book.db, day)
    return DailyOut(
        day=register.day,
        registrations=list(register.registrations),
        annulments=list(register.annulments),
        changes=list(register.changes),
        sha256=register.sha256,
    )


def _bare_name(name: str) -> str:
    return Path(name.replace("\\", "/").replace("\x00", "")).name[:200] or "upload"
