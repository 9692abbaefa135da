"""The review queue: list it, confirm or correct one letter's routing, bulk-confirm a list."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.codes import code
from api.deps import BookDep, Number, Reviewer, Year
from api.routes.common import errors
from api.schemas import EntryOut
from api.schemas_desk import BulkConfirm, BulkFailure, BulkResult, ReviewPage, RoutingChange
from protokoll.errors import NextStep, ProtokollError
from registry.review import review_queue

router = APIRouter(tags=["review"])


@router.get("/api/review", response_model=ReviewPage, responses=errors())
def queue(
    book: BookDep,
    _caller: Reviewer,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    after: Annotated[
        str | None,
        Query(
            pattern=r"^(n|[0-9][0-9.e+-]*):[0-9]{1,10}$", max_length=64, description="`next_after`"
        ),
    ] = None,
) -> ReviewPage:
    """Letters that need review: least confident first, then oldest."""
    page = review_queue(book.db, limit=limit, after=after)
    return ReviewPage(
        items=[EntryOut.of(e) for e in page.items], next_after=page.next_after,
        backlog=page.backlog,
    )  # fmt: skip


@router.post(
    "/api/entries/{year}/{number}/routing", response_model=EntryOut, responses=errors(404, 409)
)
def correct_routing(
    year: Year, number: Number, change: RoutingChange, book: BookDep, caller: Reviewer
) -> EntryOut:
    """Confirm or correct addressee, topic, kind, relevance and office. Fields left out stay;
    old and new values go to the audit trail. Not relevant means archived."""
    fields: dict[str, Any] = {}
    for name in ("addressee", "topic", "kind", "assigned_office"):
        if name in change.model_fields_set:
            fields[name] = code(getattr(change, name))
    if "relevant" in change.model_fields_set:
        fields["relevant"] = change.relevant
    entry = book.update_routing(year, number, actor=caller.name, confirm=change.confirm, **fields)
    return EntryOut.of(entry)


@router.post(
    "/api/entries/{year}/{number}/confirm", response_model=EntryOut, responses=errors(404, 409)
)
def confirm(year: Year, number: Number, book: BookDep, caller: Reviewer) -> EntryOut:
    """Confirm the suggested routing as it stands."""
    return EntryOut.of(book.update_routing(year, number, actor=caller.name))


@router.post("/api/review/confirm", response_model=BulkResult, responses=errors())
def confirm_many(request: BulkConfirm, book: BookDep, caller: Reviewer) -> BulkResult:
    """Confirm a list of entries as they stand; each is its own audited transaction, and one
    that cannot be confirmed (annulled, unknown) is reported without stopping the rest."""
    confirmed: list[str] = []
    failed: list[BulkFailure] = []
    for ref in dict.fromkeys(request.entries):
        year, number = (int(part) for part in ref.split("/"))
        try:
            book.update_routing(year, number, actor=caller.name)
        except ProtokollError as err:
            if err.next_step != NextStep.CLIENT:
                raise
            failed.append(BulkFailure(entry=ref, code=err.code, message=err.message))
        else:
            confirmed.append(ref)
    return BulkResult(confirmed=confirmed, failed=failed)
