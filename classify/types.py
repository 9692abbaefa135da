"""The frozen result of classifying one letter, and the labelled letters training learns from."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

DIMENSIONS = ("addressee", "topic", "kind", "relevance")


@dataclass(frozen=True)
class Prediction:
    """One dimension's label, a calibrated confidence in [0, 1], and why."""

    label: str
    confidence: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class LetterFields:
    """Facts read off the letter. Personal ID numbers are kept but must be masked in logs."""

    sender_name: str = ""
    sender_type: str = ""  # "person" or "institution" or ""
    sender_address: str = ""
    sender_contact: str = ""  # phone or e-mail
    reference_number: str = ""  # the sender's own "Nr. ... Prot."
    reference_date: date | None = None
    subject: str = ""  # the "Lënda:" line
    personal_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Classification:
    """Predictions for the four dimensions (None when unknown), fields, and the review verdict.

    `relevance.label` is "relevant" or "not-relevant".
    """

    addressee: Prediction | None = None
    topic: Prediction | None = None
    kind: Prediction | None = None
    relevance: Prediction | None = None
    suggested_office: str | None = None
    fields: LetterFields = field(default_factory=LetterFields)
    needs_review: bool = True
    model_version: str | None = None
    notes: tuple[str, ...] = ()  # e.g. "model unavailable: letters go to review unclassified"

    @property
    def relevant(self) -> bool | None:
        if self.relevance is None:
            return None
        return self.relevance.label == "relevant"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        ref = self.fields.reference_date
        data["fields"]["reference_date"] = ref.isoformat() if ref else None
        return data


@dataclass(frozen=True)
class LabelledLetter:
    """A letter with its true labels: from the corpus, or a routing a reviewer confirmed."""

    text: str
    addressee: str
    topic: str
    kind: str
    relevant: bool
    source: str = ""  # corpus file name or "register:<year>/<number>"
