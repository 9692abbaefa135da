"""The committee of fold models: the saved model averages the cross-validation folds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classify.model import Committee, MemberProbs, ModelText
from classify.types import DIMENSIONS


@dataclass
class _Fixed:
    """A stand-in categoriser that answers the same for every letter."""

    probs: MemberProbs
    backend: str = "fixed"

    def predict(self, texts: list[ModelText]) -> list[dict[str, MemberProbs]]:
        return [{dim: self.probs for dim in DIMENSIONS} for _ in texts]

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]:
        return []

    def to_disk(self, path: Path) -> None:
        raise NotImplementedError


def test_the_committee_averages_each_member_model_over_the_folds() -> None:
    one = _Fixed(({"a": 1.0, "b": 0.0}, {"a": 0.5, "b": 0.5}))
    two = _Fixed(({"a": 0.5, "b": 0.5}, {"a": 0.0, "b": 1.0}))
    [prediction] = Committee([one, two], "fixed").predict([ModelText("x", "x")])
    assert prediction["topic"] == ({"a": 0.75, "b": 0.25}, {"a": 0.25, "b": 0.75})
