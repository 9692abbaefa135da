"""Turning what extraction read and classification predicted into a protocol-book entry."""

from __future__ import annotations

from classify.types import DIMENSIONS, Classification
from extract.types import Extraction
from registry import AttachmentRecord, NewEntry, Routing


def routing_of(c: Classification) -> Routing:
    """The book's view of a classification: codes, confidences and reasons per dimension."""
    predictions = {d: getattr(c, d) for d in DIMENSIONS}
    reasons = {d: list(p.reasons) for d, p in predictions.items() if p is not None}
    if c.notes:
        reasons["notes"] = list(c.notes)
    return Routing(
        addressee=c.addressee.label if c.addressee else None,
        topic=c.topic.label if c.topic else None,
        kind=c.kind.label if c.kind else None,
        relevant=c.relevant,
        confidence={d: round(p.confidence, 4) for d, p in predictions.items() if p is not None},
        reasons=reasons,
        needs_review=c.needs_review,
        suggested_office=c.suggested_office,
        model_version=c.model_version,
    )


def new_entry_from(
    *,
    extraction: Extraction,
    classification: Classification,
    channel: str,
    source_name: str,
    sha256: str,
    original_path: str,
) -> NewEntry:
    fields = classification.fields
    email = extraction.email
    if email is not None:
        channel = "email"
    sender = fields.sender_name or (email.sender_name or email.sender_address if email else "")
    contact = fields.sender_contact or (email.sender_address if email else "")
    subject = fields.subject or (email.subject if email else "")
    return NewEntry(
        direction="in",
        channel=channel,
        source_name=source_name,
        sha256=sha256,
        original_path=original_path,
        sender_name=sender,
        sender_address=fields.sender_address,
        sender_contact=contact,
        recipients=tuple(email.to) if email else (),
        subject=subject,
        sender_reference=fields.reference_number,
        sender_reference_date=fields.reference_date,
        pages=extraction.page_count,
        personal_ids=fields.personal_ids,
        attachments=tuple(
            AttachmentRecord(name=a.name, sha256=a.sha256, size=a.size, media_type=a.media_type)
            for a in extraction.attachments
        ),
        routing=routing_of(classification),
        text=extraction.text,
        extraction=extraction.to_dict(),
    )
