"""The taxonomy's codes as enums, so the OpenAPI schema lists them and FastAPI refuses others.

The enums are built from registry.codes at import time, so a deployment that adds codes to its
taxonomy gets them in the API too; type checkers see plain string enums.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import TYPE_CHECKING

from registry import ROLES
from registry.codes import ADDRESSEES, CHANNELS, DIRECTIONS, KINDS, OFFICES, STATUSES, TOPICS

_VALUES = {
    "Addressee": ADDRESSEES,
    "Topic": TOPICS,
    "Kind": KINDS,
    "Office": OFFICES,
    "Direction": DIRECTIONS,
    "Channel": CHANNELS,
    "Status": STATUSES,
    "Role": ROLES,
    "JournalOutcome": ("pending", "registered", "duplicate", "quarantined"),
    "AssignmentMode": ("action", "information"),
    "ReportFormat": ("json", "csv", "html"),
}

if TYPE_CHECKING:

    class Addressee(StrEnum): ...

    class Topic(StrEnum): ...

    class Kind(StrEnum): ...

    class Office(StrEnum): ...

    class Direction(StrEnum): ...

    class Channel(StrEnum): ...

    class Status(StrEnum): ...

    class Role(StrEnum): ...

    class JournalOutcome(StrEnum): ...

    class AssignmentMode(StrEnum): ...

    class ReportFormat(StrEnum): ...

else:
    _built = {
        name: Enum(name, {v: v for v in values}, type=str) for name, values in _VALUES.items()
    }
    Addressee, Topic, Kind, Office = (_built[n] for n in ("Addressee", "Topic", "Kind", "Office"))
    Direction, Channel, Status, Role = (
        _built[n] for n in ("Direction", "Channel", "Status", "Role")
    )
    JournalOutcome, AssignmentMode, ReportFormat = (
        _built[n] for n in ("JournalOutcome", "AssignmentMode", "ReportFormat")
    )


def code(value: Enum | str | None) -> str | None:
    """The plain code of an enum member or of a default given as text (None stays None)."""
    return None if value is None else str(getattr(value, "value", value))
