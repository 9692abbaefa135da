"""The classifier: a loaded model that turns a letter's text into a `Classification`.

`load_classifier` never raises. A missing or corrupt model gives a classifier whose every
letter goes to review unclassified, with a note saying why; fields are still read off the text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classify import storage
from classify.combine import Combiner
from classify.errors import ModelUnavailable
from classify.evidence import Evidence
from classify.fields import extract_fields
from classify.keywords import explaining_words, words_of
from classify.model import Categorisers, MemberProbs, ModelText, model_text, prepare, probe_text
from classify.rules import RuleHit
from classify.taxonomy import suggested_office
from classify.types import DIMENSIONS, Classification, Prediction

log = logging.getLogger(__name__)

_CONTEXT_ORDER = (
    "header",
    "email",
    "subject",
    "salutation",
    "address",
    "body",
    "place",
    "cue",
    "archive",
)
_MAX_RULE_REASONS = 2
ARCHIVING_OFFICE = "marredheniet-publike"
_MAX_WORDS = 4


@dataclass
class LoadedModel:
    """Everything a trained model consists of, in memory."""

    categorisers: Categorisers | None
    labels: dict[str, list[str]]
    combiners: dict[str, Combiner]
    thresholds: dict[str, float]
    keywords: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    version: str = ""
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scored:
    """One dimension's outcome before it becomes a Prediction."""

    label: str
    confidence: float
    model_probability: float
    hits: tuple[RuleHit, ...]


def score_letter(
    model: LoadedModel, model_probs: dict[str, MemberProbs], evidence: Evidence
) -> dict[str, Scored]:
    """Combine the categorisers' probabilities with the rule evidence, per dimension."""
    scored = {}
    for dimension in DIMENSIONS:
        labels = model.labels[dimension]
        hits = evidence.for_dimension(dimension)
        confidences = model.combiners[dimension].confidences(labels, model_probs[dimension], hits)
        label = max(labels, key=lambda x: (confidences[x], x))
        supporting = tuple(hit for hit in hits if hit.label == label)
        scored[dimension] = Scored(
            label,
            confidences[label],
            sum(m.get(label, 0.0) for m in model_probs[dimension]) / len(model_probs[dimension]),
            supporting,
        )
    return _archive_unrouted(scored, evidence)


def _archive_unrouted(scored: dict[str, Scored], evidence: Evidence) -> dict[str, Scored]:
    """A letter that is not for us and names no office goes to the registry office.

    The corpus rule: a letter keeps the role it is written to, here or elsewhere ("Kryetarit te
    Bashkise Fier" is kryetari); one for a ministry, a private person or nobody in particular
    is registered and archived by marredheniet-publike.
    """
    relevance = scored["relevance"]
    if relevance.label != "not-relevant":
        return scored
    names_other_municipality = any(
        hit.label == "not-relevant" and (hit.context in ("header", "email") or hit.municipality)
        for hit in evidence.for_dimension("relevance")
    )
    # "Drejtuar: Prefekturës së Qarkut, Sektori i Burimeve Njerëzore": the office is theirs.
    for_a_central_institution = any(
        hit.context == "central" for hit in evidence.for_dimension("relevance")
    )
    names_an_office = not for_a_central_institution and any(
        hit.context in ("header", "email", "salutation")
        or (hit.context == "address" and hit.label != "kryetari")
        for hit in evidence.for_dimension("addressee")
    )
    if names_other_municipality or names_an_office:
        return scored
    if scored["addressee"].label == ARCHIVING_OFFICE:
        return scored
    reason = RuleHit(
        "addressee",
        ARCHIVING_OFFICE,
        "archive",
        "not for Bashkia Vlorë and no other municipality named: registered and archived",
    )
    # As sure as the weaker of the two steps: "not for us", and "no office of ours named".
    confidence = min(relevance.confidence, scored["addressee"].confidence)
    archived = Scored(ARCHIVING_OFFICE, confidence, 0.0, (reason,))
    return {**scored, "addressee": archived}


def _reasons(
    dimension: str, scored: Scored, text: str, features: ModelText, model: LoadedModel
) -> tuple[str, ...]:
    reasons: list[str] = []
    ranked = sorted(
        scored.hits,
        key=lambda h: _CONTEXT_ORDER.index(h.context) if h.context in _CONTEXT_ORDER else 99,
    )
    for hit in ranked:
        if hit.reason not in reasons and len(reasons) < _MAX_RULE_REASONS:
            reasons.append(hit.reason)
    words = _words_for(dimension, scored.label, text, features, model)
    if words:
        reasons.append("words: " + ", ".join(words))
    if scored.hits and scored.hits[0].context == "archive":
        return tuple(reasons)
    reasons.append(f"model {scored.model_probability:.2f}")
    return tuple(reasons)


def _words_for(
    dimension: str, label: str, text: str, features: ModelText, model: LoadedModel
) -> list[str]:
    """The letter's words (as written) that pushed the model towards the label."""
    pushed = model.categorisers.explain(features, dimension, label) if model.categorisers else []
    if not pushed:
        return explaining_words(text, model.keywords.get(dimension, {}).get(label, {}))
    written = {folded: as_written for folded, as_written in words_of(text)}
    return [written.get(word, word).lower() for word in pushed[:_MAX_WORDS]]


class Classifier:
    """Predicts addressee, topic, kind and relevance, with confidence, reasons and fields."""

    def __init__(
        self,
        model: LoadedModel | None,
        *,
        unavailable_reason: str = "",
        thresholds: dict[str, float] | None = None,
    ) -> None:
        self.model = model
        self.unavailable_reason = unavailable_reason
        base = dict(model.thresholds) if model else {}
        base.update(thresholds or {})
        self.thresholds = base

    @property
    def is_available(self) -> bool:
        return self.model is not None

    @property
    def version(self) -> str | None:
        return self.model.version if self.model else None

    def classify(self, text: str, *, email_to: Sequence[str] = ()) -> Classification:
        """Classify one letter. Never raises for a missing model: it sends the letter to review."""
        fields = extract_fields(text)
        if self.model is None:
            note = (
                f"model unavailable ({self.unavailable_reason}): letter goes to review unclassified"
            )
            return Classification(fields=fields, needs_review=True, notes=(note,))
        normalised, evidence = prepare(text, email_to=email_to)
        assert self.model.categorisers is not None
        features = model_text(normalised, evidence)
        model_probs = self.model.categorisers.predict([features])[0]
        scored = score_letter(self.model, model_probs, evidence)
        predictions = {
            dim: Prediction(
                label=s.label,
                confidence=round(s.confidence, 4),
                reasons=_reasons(dim, s, text, features, self.model),
            )
            for dim, s in scored.items()
        }
        below = [
            dim
            for dim in DIMENSIONS
            if not is_auto_accepted(scored[dim].confidence, self.thresholds.get(dim, 1.0))
        ]
        relevant = scored["relevance"].label == "relevant"
        notes = tuple(f"{dim} below its auto-accept threshold" for dim in below)
        return Classification(
            addressee=predictions["addressee"],
            topic=predictions["topic"],
            kind=predictions["kind"],
            relevance=predictions["relevance"],
            suggested_office=suggested_office(scored["topic"].label, relevant=relevant),
            fields=fields,
            needs_review=bool(below),
            model_version=self.model.version,
            notes=notes,
        )


def read_model(model_dir: Path) -> LoadedModel:
    """Load a model directory; raises ModelUnavailable with the cause attached."""
    try:
        meta = storage.read_meta(model_dir)
        categorisers = storage.read_categorisers(model_dir, backend=str(meta["backend"]))
        combiners = {
            dim: Combiner(dim, [float(w) for w in meta["combiners"][dim]]) for dim in DIMENSIONS
        }
        members = len(categorisers.predict([probe_text()])[0][DIMENSIONS[0]])
        labels = {dim: list(meta["labels"][dim]) for dim in DIMENSIONS}
        thresholds = {dim: float(meta["thresholds"][dim]) for dim in DIMENSIONS}
        for dim in DIMENSIONS:
            if combiners[dim].models != members:
                raise ValueError(f"combiner weights for {dim} do not fit the categorisers")
    except Exception as exc:  # anything unreadable means the same: no model
        raise ModelUnavailable(f"cannot load the model in {model_dir}: {exc}") from exc
    return LoadedModel(
        categorisers=categorisers,
        labels=labels,
        combiners=combiners,
        thresholds=thresholds,
        keywords=meta.get("keywords", {}),
        version=str(meta["version"]),
        meta=meta,
    )


def is_auto_accepted(confidence: float, threshold: float) -> bool:
    """A threshold of 1.0 or more means training found no safe threshold: accept nothing."""
    return threshold < 1.0 and confidence >= threshold


def load_classifier(
    model_dir: Path | str, *, thresholds: dict[str, float] | None = None
) -> Classifier:
    """The classifier in model_dir, or one that sends every letter to review if it cannot load.

    `thresholds` override the per-dimension auto-accept thresholds chosen at training.
    """
    try:
        model = read_model(Path(model_dir))
    except ModelUnavailable as exc:
        log.warning("%s; letters go to review unclassified", exc.message)
        return Classifier(None, unavailable_reason=exc.message, thresholds=thresholds)
    return Classifier(model, thresholds=thresholds)
