"""Entries as flat records for `protokoll export` (JSON lines or CSV). Personal IDs are masked."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from protokoll.privacy import mask_personal_ids
from registry.views import EntryView

EXPORT_FIELDS = (
    "year", "number", "display", "direction", "registered_at", "channel", "source_name",
    "sha256", "pages", "sender", "subject", "addressee", "topic", "kind", "relevant",
    "confidence", "needs_review", "status", "assigned_office", "due_date", "duplicate_of",
    "reply_to", "annulled", "attachments", "sender_reference", "sender_reference_date",
    "response_days", "recipients",
)  # fmt: skip


def export_record(entry: EntryView) -> dict[str, Any]:
    return {
        "year": entry.year,
        "number": entry.number,
        "display": entry.display,
        "direction": entry.direction,
        "registered_at": entry.registered_at.isoformat(),
        "channel": entry.channel,
        "source_name": entry.source_name,
        "sha256": entry.sha256,
        "pages": entry.pages,
        "sender": {
            "name": mask_personal_ids(entry.sender_name),
            "address": mask_personal_ids(entry.sender_address),
            "contact": entry.sender_contact,
        },
        "subject": mask_personal_ids(entry.subject),
        "addressee": entry.addressee,
        "topic": entry.topic,
        "kind": entry.kind,
        "relevant": entry.relevant,
        "confidence": {
            dim: {"value": value, "reasons": entry.reasons.get(dim, [])}
            for dim, value in entry.confidence.items()
        },
        "needs_review": entry.needs_review,
        "status": entry.status,
        "assigned_office": entry.assigned_office,
        "due_date": entry.due_date.isoformat() if entry.due_date else None,
        "duplicate_of": entry.duplicate_of,
        "reply_to": entry.reply_to,
        "annulled": entry.annulled,
        "attachments": [{"name": a.name, "sha256": a.sha256} for a in entry.attachments],
        "sender_reference": entry.sender_reference,
        "sender_reference_date": (
            entry.sender_reference_date.isoformat() if entry.sender_reference_date else None
        ),
        "response_days": entry.response_days,
        "recipients": list(entry.recipients),
    }


def to_jsonl(entries: Iterable[EntryView]) -> Iterator[str]:
    for entry in entries:
        yield json.dumps(export_record(entry), ensure_ascii=False)


def to_csv(entries: Iterable[EntryView]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for entry in entries:
        row = export_record(entry)
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
                for k, v in row.items()
            }
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()
