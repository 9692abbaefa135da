"""Response and request schemas of the entries, kept apart from the ORM models.

The review desk's schemas are in api.schemas_desk, the reports' in api.schemas_reports.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from registry import AuditView, EntryView


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text may not contain NUL characters")
    return value


ShortText = Annotated[str, AfterValidator(_no_nul), Field(max_length=200)]
NameText = Annotated[str, AfterValidator(_no_nul), Field(max_length=500)]
LongText = Annotated[str, AfterValidator(_no_nul), Field(max_length=100_000)]
EntryRef = Annotated[str, Field(pattern=r"^\d{4}/\d{1,9}$", examples=["2026/123"])]


class ErrorBody(BaseModel):
    code: str = Field(description="stable machine-readable code")
    message: str = Field(description="what went wrong, in English")
    message_sq: str | None = Field(None, description="the same, in Albanian")
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

    id: int
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

    @classmethod
    def of(cls, entry: EntryView) -> EntryOut:
        return cls.model_validate(asdict(entry))


class AuditOut(BaseModel):
    at: datetime
    actor: str
    action: str
    field: str | None
    old_value: str | None
    new_value: str | None
    detail: str | None

    @classmethod
    def of(cls, record: AuditView) -> AuditOut:
        return cls.model_validate(asdict(record))


class EntryDetail(EntryOut):
    """One entry in full: its audit trail and the entries that point at it."""

    audit: list[AuditOut]
    replies: list[str] = Field(description="outgoing entries that answer this one")
    duplicates: list[str] = Field(description="repeat deliveries of this letter")


class EntryPage(BaseModel):
    items: list[EntryOut]
    next_after: int | None = Field(description="pass as `after` for the next page")


class Health(BaseModel):
    status: str
    database: str
    model: str
