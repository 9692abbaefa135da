"""Reading the book: the filtered list, one entry in full, its original and its text."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, PlainTextResponse

from api.codes import Addressee, Direction, Kind, Office, Status, Topic, code
from api.deps import MAX_INT, BookDep, Clerk, IsoDate, Number, StoreDep, Today, Year
from api.errors import ApiError
from api.routes.common import errors
from api.schemas import AuditOut, EntryDetail, EntryOut, EntryPage
from registry import EntryFilter, InvalidValue, list_entries
from registry.access import entry_links, record_original_download

router = APIRouter(prefix="/api/entries", tags=["entries"])


@router.get("", response_model=EntryPage, responses=errors())
def list_(
    book: BookDep,
    _caller: Clerk,
    today: Today,
    year: Annotated[int | None, Query(ge=1900, le=9999)] = None,
    direction: Direction | None = None,
    addressee: Addressee | None = None,
    topic: Topic | None = None,
    kind: Kind | None = None,
    status: Status | None = None,
    relevant: bool | None = None,
    needs_review: bool | None = None,
    assigned_office: Office | None = None,
    overdue: Annotated[bool, Query(description="only letters past their due date")] = False,
    date_from: Annotated[IsoDate | None, Query(description="registered on or after")] = None,
    date_to: Annotated[IsoDate | None, Query(description="registered on or before")] = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="words in the text, subject or sender; ë = e, ç = c"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[int | None, Query(ge=0, le=MAX_INT, description="`next_after`")] = None,
) -> EntryPage:
    """Newest first, with stable pages: pass `next_after` back as `after`."""
    if date_from and date_to and date_to < date_from:
        raise InvalidValue(f"date_to ({date_to}) is before date_from ({date_from})")
    filters = EntryFilter(
        year=year, direction=code(direction), addressee=code(addressee), topic=code(topic),
        kind=code(kind), status=code(status), relevant=relevant, needs_review=needs_review,
        assigned_office=code(assigned_office), overdue_on=today if overdue else None,
        registered_from=date_from, registered_to=date_to, q=q,
    )  # fmt: skip
    views = list_entries(book.db, filters, limit=limit, after_id=after)
    return EntryPage(
        items=[EntryOut.of(v) for v in views],
        next_after=views[-1].id if len(views) == limit else None,
    )


@router.get("/{year}/{number}", response_model=EntryDetail, responses=errors(404))
def detail(year: Year, number: Number, book: BookDep, _caller: Clerk) -> EntryDetail:
    """One entry in full: routing with reasons, attachments, audit trail and links."""
    entry = book.get(year, number)
    links = entry_links(book.db, year, number)
    return EntryDetail(
        **EntryOut.of(entry).model_dump(),
        audit=[AuditOut.of(a) for a in book.audit_trail(year, number)],
        replies=list(links.replies),
        duplicates=list(links.duplicates),
    )


@router.get(
    "/{year}/{number}/original",
    response_model=None,
    responses={
        200: {
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            }
        },
        **errors(404),
    },
)
def original(
    year: Year, number: Number, book: BookDep, store: StoreDep, caller: Clerk
) -> FileResponse:
    """The original file, byte for byte. Every download is recorded in the audit trail."""
    entry = book.get(year, number)
    if not entry.original_path:
        raise ApiError(404, "original_missing", f"entry {entry.ref} has no stored original")
    root = store.root.resolve()
    path = (root / entry.original_path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise ApiError(404, "original_missing", f"the original of {entry.ref} is not in the store")
    record_original_download(book.db, year, number, actor=caller.name)
    return FileResponse(
        path, media_type="application/octet-stream", filename=_download_name(entry.source_name)
    )


@router.get(
    "/{year}/{number}/text",
    response_model=None,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}, **errors(404)},
)
def text(year: Year, number: Number, book: BookDep, _caller: Clerk) -> PlainTextResponse:
    """The text extracted from the letter (OCR'd where it had no text layer)."""
    return PlainTextResponse(book.entry_text(year, number))


def _download_name(source_name: str) -> str:
    name = Path(source_name.replace("\\", "/")).name.replace('"', "")
    return name or "original"
