"""All rule evidence for one letter, and the feature tokens the trained categorisers see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from classify.cue_rules import kind_hits, topic_hits
from classify.normalise import NormalisedText
from classify.rules import RuleHit, addressee_hits, relevance_hits


@dataclass(frozen=True)
class Evidence:
    """All rule hits for one letter, and the feature tokens the model sees."""

    hits: tuple[RuleHit, ...]

    def for_dimension(self, dimension: str) -> list[RuleHit]:
        return [hit for hit in self.hits if hit.dimension == dimension]

    def feature_text(self) -> str:
        return " ".join(hit.feature for hit in self.hits if hit.dimension != "topic")


def gather_evidence(text: NormalisedText, *, email_to: Sequence[str] = ()) -> Evidence:
    """Run every rule over one letter."""
    hits = (
        addressee_hits(text, email_to=email_to)
        + relevance_hits(text, email_to=email_to)
        + kind_hits(text)
        + topic_hits(text)
    )
    return Evidence(hits=tuple(hits))
