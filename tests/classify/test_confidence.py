"""The confidence model (P(right) of a suggestion) and the committee of fold models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from classify.confidence import ConfidenceModel, cross_fitted, signs
from classify.model import Committee, MemberProbs, ModelText
from classify.rules import RuleHit
from classify.training import _folds
from classify.types import DIMENSIONS

LABELS = ["ankese", "kerkese", "tjeter"]


def _suggestion(agree: bool, rule: bool) -> np.ndarray:
    combined = {"ankese": 0.7, "kerkese": 0.2, "tjeter": 0.1}
    linear = {"ankese": 0.8, "kerkese": 0.1, "tjeter": 0.1}
    textcat = dict(linear) if agree else {"ankese": 0.2, "kerkese": 0.7, "tjeter": 0.1}
    hits = [RuleHit("kind", "ankese", "subject", "Lënda: Ankesë")] if rule else []
    return signs(LABELS, combined, [linear, textcat], hits)


def test_suggestions_the_members_agree_on_are_trusted_more() -> None:
    # Same combiner confidence; right when the two categorisers agree, wrong when they do not.
    rows = [(_suggestion(agree, rule=False), agree) for agree in [True, False] * 40]
    model = ConfidenceModel.fit(np.stack([r for r, _ in rows]), [ok for _, ok in rows])
    agreeing = model.probability(_suggestion(True, rule=False))
    disagreeing = model.probability(_suggestion(False, rule=False))
    assert agreeing > 0.9 > 0.1 > disagreeing


def test_cross_fitted_values_never_see_their_own_outcome() -> None:
    features = np.stack([_suggestion(i % 3 != 0, rule=i % 2 == 0) for i in range(60)])
    correct = [i % 3 != 0 for i in range(60)]
    folds = _folds(60, folds=5, seed=1)
    before = cross_fitted(features, correct, folds)
    flipped = [not correct[0]] + correct[1:]
    after = cross_fitted(features, flipped, folds)
    own_fold = next(f for f in folds if 0 in f)
    assert after[0] == before[0]  # its own label was not used for its own value...
    others = [i for i in range(60) if i not in own_fold]
    assert any(after[i] != before[i] for i in others)  # ...but was for the other folds'


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
