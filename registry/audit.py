"""The audit trail: one append-only record per change, with who, when, field, old and new."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from registry.models import AuditRecord


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def record_change(
    session: Session,
    *,
    at: datetime,
    actor: str,
    action: str,
    entry_id: int | None = None,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    detail: str | None = None,
) -> None:
    """Append one audit record in the caller's transaction."""
    session.add(
        AuditRecord(
            at=at,
            actor=actor,
            action=action,
            entry_id=entry_id,
            field=field,
            old_value=_text(old),
            new_value=_text(new),
            detail=detail,
        )
    )
