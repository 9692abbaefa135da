"""The default routing vocabulary of shared/taxonomy.md: stable codes used verbatim by the API,
exports and reports, and each topic's usual office. Shared by classify and registry, which may
not import each other."""

from __future__ import annotations

ADDRESSEES = (
    "kryetari", "nenkryetari", "keshilli", "planifikimi", "sherbimet-publike", "taksat",
    "sociale", "arsimi-kultura", "juridike", "burimet-njerezore", "financa",
    "marredheniet-publike", "policia-bashkiake", "transporti",
)  # fmt: skip

TOPIC_OFFICE: dict[str, str] = {
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
TOPICS = tuple(TOPIC_OFFICE)

KINDS = ("ankese", "kerkese", "kerkese-informacioni", "ftese", "njoftim", "pergjigje", "tjeter")


def suggested_office(topic: str | None, *, relevant: bool | None) -> str | None:
    """The office that usually handles a topic; none for letters that are not relevant."""
    if topic is None or relevant is False:
        return None
    return TOPIC_OFFICE.get(topic, TOPIC_OFFICE["tjeter"])
