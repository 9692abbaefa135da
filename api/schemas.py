"""Response and request schemas of the HTTP API, kept apart from the ORM models."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict


class ErrorBody(BaseModel):
    code: str
    message: str
    message_sq: str | None = None
    advice: str | None = None


class AttachmentOut(BaseModel):
    name: str
    sha256: str
    size: int
    media_type: str


class CorrectionOut(BaseModel):
    field: str
    old_value: str
    new_value: str
    reason: str
    actor: str
    at: datetime


class EntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    year: int
    number: int
    display: str
    direction: str
    registered_at: datetime
    channel: str
    source_name: str
    sha256: str | None
    pages: int
    sender_name: str
    sender_address: str
    sender_contact: str
    recipients: list[str]
    subject: str
    sender_reference: str
    sender_reference_date: date | None
    addressee: str | None
    topic: str | None
    kind: str | None
    relevant: bool | None
    confidence: dict[str, float]
    reasons: dict[str, list[str]]
    needs_review: bool
    suggested_office: str | None
    status: str
    assigned_office: str | None
    assignment_mode: str | None
    due_date: date | None
    answered_at: datetime | None
    response_days: int | None
    reply_to: str | None
    duplicate_of: str | None
    annulled: bool
    annulled_at: datetime | None
    annulled_reason: str | None
    annulled_by: str | None
    attachments: list[AttachmentOut]
    corrections: list[CorrectionOut]


class EntryPage(BaseModel):
    items: list[EntryOut]
    next_after: int | None  # pass as `after` for the next page


class Health(BaseModel):
    status: str
    database: str
    model: str
