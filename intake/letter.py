"""Turning what extraction read and classification predicted into a protocol-book entry."""

from __future__ import annotations

from classify.types import DIMENSIONS, Classification
from extract.types import Extraction
from registry import AttachmentRecord, NewEntry, Routing

# An e-mail body shorter than this is a cover note ("see the attached letter"): the letter
# to classify is then in the attachments.
COVER_NOTE_CHARS = 400


def text_to_classify(extraction: Extraction) -> str:
    """The letter's text as the classifier should read it.

    For an e-mail that is its subject and body, plus the attachments when the body is only a
    cover note; otherwise the whole extracted text.
    """
    email = extraction.email
    if email is None:
        return extraction.text
    body = "\n\n".join(p.text for p in extraction.pages if p.text.strip())
    parts = [f"Subject: {email.subject}"] if email.subject else []
    parts.append(body)
    if len(body.strip()) < COVER_NOTE_CHARS:
        parts.extend(p.text for a in extraction.attachments for p in a.pages if p.text.strip())
    return "\n\n".join(parts)


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
    if email is not None:  # the headers say who sent it better than a name in an attachment
        sender = email.sender_name or fields.sender_name or email.sender_address
        contact = email.sender_address or fields.sender_contact
        subject = email.subject or fields.subject
    else:
        sender, contact, subject = fields.sender_name, fields.sender_contact, fields.subject
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
