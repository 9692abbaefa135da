"""The register's code vocabularies (the taxonomy's, plus directions, channels and statuses) and
the check that values use them."""

from __future__ import annotations

from protokoll.taxonomy import ADDRESSEES, KINDS, TOPIC_OFFICE, TOPICS
from registry.errors import InvalidValue

__all__ = [
    "ADDRESSEES", "CHANNELS", "DIRECTIONS", "KINDS", "OFFICES", "STATUSES", "TOPICS",
    "TOPIC_OFFICE", "check_code",
]  # fmt: skip

OFFICES = ADDRESSEES
DIRECTIONS = ("in", "out", "internal")
CHANNELS = ("scan", "email", "upload", "manual")
STATUSES = ("registered", "in_review", "routed", "assigned", "answered", "archived", "annulled")


_VOCABULARIES = {
    "addressee": ADDRESSEES,
    "topic": TOPICS,
    "kind": KINDS,
    "assigned_office": OFFICES,
    "direction": DIRECTIONS,
    "channel": CHANNELS,
    "status": STATUSES,
}


def check_code(field: str, value: str | None) -> None:
    """Raise InvalidValue unless `value` is a known code for `field` (None is allowed)."""
    if value is None:
        return
    allowed = _VOCABULARIES[field]
    if value not in allowed:
        raise InvalidValue(f"unknown {field} code {value!r}; expected one of {', '.join(allowed)}")
