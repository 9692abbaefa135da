"""Schemas of the review desk: routing, assignment, outgoing letters, annulment, deadlines,
the daily register, intake outcomes, the journal and API tokens."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from api.codes import Addressee, AssignmentMode, Kind, Office, Role, Topic
from api.schemas import EntryOut, EntryRef, ShortText


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoutingChange(_Strict):
    """Only the fields sent are changed; `null` clears one. With `confirm` (the default) the
    routing counts as reviewed and feeds the next training."""

    addressee: Addressee | None = None
    topic: Topic | None = None
    kind: Kind | None = None
    relevant: bool | None = None
    assigned_office: Office | None = None
    confirm: bool = True


class BulkConfirm(_Strict):
    entries: list[EntryRef] = Field(min_length=1, max_length=500)


class BulkFailure(BaseModel):
    entry: str
    code: str
    message: str


class BulkResult(BaseModel):
    confirmed: list[str]
    failed: list[BulkFailure]


class ReviewPage(BaseModel):
    items: list[EntryOut]
    next_after: str | None = Field(description="pass as `after` for the next page")
    backlog: int = Field(description="letters waiting for review in all")


class Assignment(_Strict):
    office: Office
    mode: AssignmentMode = Field(default="action", description="for action or for information")  # type: ignore[assignment]
    note: ShortText | None = None


class Annulment(_Strict):
    reason: ShortText = Field(min_length=1)
    authorised_by: ShortText = Field(min_length=1)


class OfficeDeadlinesOut(BaseModel):
    office: str | None
    overdue: int
    due_soon: int


class DeadlinesOut(BaseModel):
    today: date
    due_soon_until: date
    by_office: list[OfficeDeadlinesOut]
    overdue: list[EntryOut]
    due_soon: list[EntryOut]


class DailyOut(BaseModel):
    day: date
    registrations: list[dict[str, object]]
    annulments: list[dict[str, object]]
    changes: list[dict[str, object]]
    sha256: str = Field(description="SHA-256 of the canonical JSON: the seal")


class IntakeOutcome(BaseModel):
    outcome: str = Field(description="registered, duplicate or quarantined")
    journal_id: int
    source_name: str
    sha256: str
    entry_ref: str | None
    display: str | None
    reason: str | None
    entry: EntryOut | None


class JournalOut(BaseModel):
    id: int
    sha256: str
    source_name: str
    size: int
    channel: str
    received_at: datetime
    outcome: str
    stage: str | None
    reason: str | None
    attempts: int
    entry_display: str | None
    entry_ref: str | None


class JournalPage(BaseModel):
    items: list[JournalOut]
    next_after: int | None


class TokenRequest(_Strict):
    name: ShortText = Field(min_length=1)
    role: Role


class TokenCreated(BaseModel):
    name: str
    role: str
    secret: str = Field(description="shown once; only its hash is stored")


class TokenOut(BaseModel):
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None
