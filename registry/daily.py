"""The daily register: a day's registrations, annulments and changes, in a canonical form whose
SHA-256 lets a sealed copy be checked later. Same day, same content, same hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from protokoll.privacy import mask_personal_ids
from registry.db import Database
from registry.mapping import audit_view
from registry.models import AuditRecord
from registry.queries import entries_on
from registry.views import LOCAL_ZONE, as_utc, display_number

# Audit records that read or add to the book without changing a registered entry.
_NOT_CHANGES = ("register", "download", "upload", "token_create", "token_revoke")


@dataclass(frozen=True)
class DailyRegister:
    day: date
    registrations: tuple[dict[str, Any], ...]
    annulments: tuple[dict[str, Any], ...]
    changes: tuple[dict[str, Any], ...]

    def canonical(self) -> str:
        """Sorted-key compact JSON: the exact bytes that are hashed."""
        body = {
            "day": self.day.isoformat(),
            "registrations": self.registrations,
            "annulments": self.annulments,
            "changes": self.changes,
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()

    def render(self) -> str:
        lines = [f"Regjistri ditor / daily register {self.day:%d.%m.%Y}"]
        lines.append(f"Registrations: {len(self.registrations)}")
        for r in self.registrations:
            lines.append(
                f"  {r['display']:<32} {r['direction']:<8} {r['channel']:<7} "
                f"{r['sender'][:30]:<30} {r['subject'][:50]}"
            )
        lines.append(f"Annulments: {len(self.annulments)}")
        for a in self.annulments:
            lines.append(f"  {a['entry']}: {a['detail']} by {a['actor']}")
        lines.append(f"Changes: {len(self.changes)}")
        for c in self.changes:
            lines.append(
                f"  {c['at']} {c['entry']} {c['action']} {c['field']}: "
                f"{c['old_value']} -> {c['new_value']} ({c['actor']})"
            )
        lines.append(f"SHA-256: {self.sha256}")
        return "\n".join(lines)


def daily_register(db: Database, day: date) -> DailyRegister:
    # UTC bounds: SQLite compares the stored UTC text, not instants.
    start = datetime.combine(day, time(), tzinfo=LOCAL_ZONE).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=LOCAL_ZONE).astimezone(UTC)
    with db.read() as session:
        registrations = tuple(
            {
                "display": display_number(e.number, e.registered_at),
                "year": e.year,
                "number": e.number,
                "registered_at": as_utc(e.registered_at).isoformat(),
                "direction": e.direction,
                "channel": e.channel,
                "sender": mask_personal_ids(e.sender_name),
                "subject": mask_personal_ids(e.subject),
                "sha256": e.sha256,
            }
            for e in entries_on(session, day)
        )
        records = session.execute(
            select(AuditRecord)
            .where(
                AuditRecord.at >= start,
                AuditRecord.at < end,
                AuditRecord.entry_id.is_not(None),
                AuditRecord.action.not_in(_NOT_CHANGES),
            )
            .order_by(AuditRecord.id)
        ).scalars()
        changes: list[dict[str, Any]] = []
        annulments: list[dict[str, Any]] = []
        for record in records:
            view = audit_view(session, record)
            row = {
                "at": view.at.isoformat(),
                "actor": view.actor,
                "action": view.action,
                "entry": view.entry,
                "field": view.field,
                "old_value": mask_personal_ids(view.old_value or ""),
                "new_value": mask_personal_ids(view.new_value or ""),
                "detail": view.detail,
            }
            (annulments if view.action == "annul" else changes).append(row)
    return DailyRegister(day, registrations, tuple(annulments), tuple(changes))
