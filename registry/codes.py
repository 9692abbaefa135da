"""The stable codes of the default taxonomy (shared/taxonomy.md) and the checks that use them."""

from __future__ import annotations

from registry.errors import InvalidValue

ADDRESSEES = (
    "kryetari", "nenkryetari", "keshilli", "planifikimi", "sherbimet-publike", "taksat",
    "sociale", "arsimi-kultura", "juridike", "burimet-njerezore", "financa",
    "marredheniet-publike", "policia-bashkiake", "transporti",
)  # fmt: skip
TOPICS = (
    "rruget", "ujesjelles", "mbetjet", "ndricimi", "urbanistika", "taksat", "ndihma-sociale",
    "transporti", "mjedisi", "arsimi-kultura", "informim", "punesimi", "tjeter",
)  # fmt: skip
KINDS = ("ankese", "kerkese", "kerkese-informacioni", "ftese", "njoftim", "pergjigje", "tjeter")
OFFICES = ADDRESSEES
DIRECTIONS = ("in", "out", "internal")
CHANNELS = ("scan", "email", "upload", "manual")
STATUSES = ("registered", "in_review", "routed", "assigned", "answered", "archived", "annulled")

TOPIC_OFFICE = {
    "rruget": "sherbimet-publike",
    "ujesjelles": "sherbimet-publike",
    "mbetjet": "sherbimet-publike",
    "ndricimi": "sherbimet-publike",
    "urbanistika": "planifikimi",
    "taksat": "taksat",
    "ndihma-sociale": "sociale",
    "transporti": "transporti",
    "mjedisi": "sherbimet-publike",
    "arsimi-kultura": "arsimi-kultura",
    "informim": "marredheniet-publike",
    "punesimi": "burimet-njerezore",
    "tjeter": "marredheniet-publike",
}

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
