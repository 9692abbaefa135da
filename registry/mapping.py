"""Turning ORM rows into the frozen views the rest of Protokoll sees."""

from __future__ import annotations

from sqlalchemy.orm import Session

from registry.models import AuditRecord, Entry
from registry.views import (
    AttachmentRecord,
    AuditView,
    CorrectionView,
    EntryView,
    as_utc,
    display_number,
)


def _ref(session: Session, entry_id: int | None) -> str | None:
    if entry_id is None:
        return None
    other = session.get(Entry, entry_id)
    return f"{other.year}/{other.number}" if other else None


def entry_view(session: Session, entry: Entry) -> EntryView:
    latest = {c.field: c.new_value for c in entry.corrections}
    return EntryView(
        id=entry.id,
        year=entry.year,
        number=entry.number,
        display=display_number(entry.number, entry.registered_at),
        direction=entry.direction,
        registered_at=as_utc(entry.registered_at),
        channel=entry.channel,
        source_name=entry.source_name,
        sha256=entry.sha256,
        original_path=entry.original_path,
        pages=entry.pages,
        sender_name=latest.get("sender_name", entry.sender_name),
        sender_address=entry.sender_address,
        sender_contact=entry.sender_contact,
        recipients=tuple(entry.recipients or ()),
        subject=latest.get("subject", entry.subject),
        sender_reference=entry.sender_reference,
        sender_reference_date=entry.sender_reference_date,
        addressee=entry.addressee,
        topic=entry.topic,
        kind=entry.kind,
        relevant=entry.relevant,
        confidence=dict(entry.confidence or {}),
        reasons={k: list(v) for k, v in (entry.reasons or {}).items()},
        needs_review=entry.needs_review,
        suggested_office=entry.suggested_office,
        status=entry.status,
        assigned_office=entry.assigned_office,
        assignment_mode=entry.assignment_mode,
        due_date=entry.due_date,
        answered_at=as_utc(entry.answered_at) if entry.answered_at else None,
        response_days=entry.response_days,
        reply_to=_ref(session, entry.reply_to_id),
        duplicate_of=_ref(session, entry.duplicate_of_id),
        annulled=entry.annulled_at is not None,
        annulled_at=as_utc(entry.annulled_at) if entry.annulled_at else None,
        annulled_reason=entry.annulled_reason,
        annulled_by=entry.annulled_by,
        attachments=tuple(
            AttachmentRecord(name=a.name, sha256=a.sha256, size=a.size, media_type=a.media_type)
            for a in entry.attachments
        ),
        corrections=tuple(
            CorrectionView(
                field=c.field,
                old_value=c.old_value,
                new_value=c.new_value,
                reason=c.reason,
                actor=c.actor,
                at=as_utc(c.at),
            )
            for c in entry.corrections
        ),
        personal_ids=tuple(entry.personal_ids or ()),
        model_version=entry.model_version,
    )


def audit_view(session: Session, record: AuditRecord) -> AuditView:
    return AuditView(
        at=as_utc(record.at),
        actor=record.actor,
        action=record.action,
        entry=_ref(session, record.entry_id),
        field=record.field,
        old_value=record.old_value,
        new_value=record.new_value,
        detail=record.detail,
    )
