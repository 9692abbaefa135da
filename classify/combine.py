"""Combining the categorisers' probabilities with rule evidence into one label per dimension.

For each dimension the final score of a label is a log-linear sum:

    score(label) = sum over models m of a_m * log p_m(label)
                 + sum over contexts c of w_c * [a rule in c names label]

and the softmax of the scores is a probability over the labels; the label is its highest.
The handful of weights (a, w_header, w_salutation...) are fitted by maximum likelihood on
out-of-fold predictions: the `a_m` play the part of an inverse temperature (and weigh the
models of an ensemble against each other), and each `w_c` says how far a rule in that context
is to be trusted. Few parameters, learned from letters the model never saw, so the softmax is
also the calibrated confidence, and the auto-accept threshold rule is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from classify.rules import RuleHit

# The rule contexts that carry evidence in each dimension (see rules.py).
CONTEXTS: dict[str, tuple[str, ...]] = {
    "addressee": ("header", "email", "salutation", "address"),
    "topic": ("subject", "cue", "request"),
    "kind": ("subject", "body"),
    "relevance": (
        "header",
        "central",
        "recipient",
        "personal",
        "email",
        "body",
        "place",
        "advertising",
        "advertisingweak",
        "chain",
        "chainweak",
        "private",
        "privateweak",
    ),
}
# Dimensions whose contexts rank: only the best-ranked context with a hit counts, because a
# "Drejtuar:" line outranks a salutation, which outranks the address block.
RANKED = {"addressee"}
# Prior weights: how far a clerk would trust each kind of rule before seeing any data. Fitting
# pulls the weights towards these (MAP with a Gaussian prior), so a small or lopsided training
# set cannot talk the model out of "Drejtuar: ..." or out of a chain letter's markers.
PRIORS: dict[str, dict[str, float]] = {
    "addressee": {"header": 4.0, "email": 3.0, "salutation": 3.0, "address": 2.0},
    "topic": {"subject": 1.0, "cue": 1.0, "request": 1.0},
    "kind": {"subject": 1.0, "body": 0.5},
    "relevance": {
        "header": 3.0,
        "central": 3.0,
        "recipient": 2.0,
        "personal": 2.0,
        "email": 1.0,
        "body": 1.0,
        "place": 0.3,
        "advertising": 3.0,
        "advertisingweak": 1.0,
        "chain": 3.0,
        "chainweak": 1.5,
        "private": 2.0,
        "privateweak": 1.0,
    },
}
_FLOOR = 1e-6
_L2 = 0.05


@dataclass
class Combiner:
    """The fitted weights of one dimension: one per model of the ensemble, then one per context."""

    dimension: str
    weights: list[float] = field(default_factory=list)
    models: int = 1

    def __post_init__(self) -> None:
        if not self.weights:
            self.weights = self.prior().tolist()
        self.models = len(self.weights) - len(CONTEXTS[self.dimension])

    def prior(self) -> np.ndarray:
        priors = PRIORS.get(self.dimension, {})
        scales = [1.0 / self.models] * self.models
        return np.array(scales + [priors.get(c, 0.0) for c in CONTEXTS[self.dimension]])

    def features(
        self, labels: Sequence[str], probs: Sequence[dict[str, float]], hits: Sequence[RuleHit]
    ) -> np.ndarray:
        contexts = CONTEXTS[self.dimension]
        if len(probs) != self.models:
            raise ValueError(f"{self.dimension}: {len(probs)} model outputs for {self.models}")
        x = np.zeros((len(labels), self.models + len(contexts)))
        for m, member in enumerate(probs):
            for i, label in enumerate(labels):
                x[i, m] = np.log(max(member.get(label, 0.0), _FLOOR))
        index = {label: i for i, label in enumerate(labels)}
        if self.dimension in RANKED:
            hits = _best_ranked(hits, contexts)
        for hit in hits:
            if hit.label in index and hit.context in contexts:
                column = self.models + contexts.index(hit.context)
                x[index[hit.label], column] = max(x[index[hit.label], column], hit.strength)
        return x

    def confidences(
        self, labels: Sequence[str], probs: Sequence[dict[str, float]], hits: Sequence[RuleHit]
    ) -> dict[str, float]:
        scores = self.features(labels, probs, hits) @ np.asarray(self.weights)
        return dict(zip(labels, _softmax(scores).tolist(), strict=True))

    def fit(
        self,
        labels: Sequence[str],
        rows: Sequence[tuple[Sequence[dict[str, float]], Sequence[RuleHit], str]],
        *,
        iterations: int = 600,
        learning_rate: float = 0.05,
    ) -> None:
        """Maximum likelihood on (model probabilities, rule hits, true label) rows.

        Rule weights are kept non-negative: a rule naming a label is never evidence against it.
        """
        if not rows:
            return
        xs = np.stack([self.features(labels, probs, hits) for probs, hits, _ in rows])
        truth = np.array([labels.index(y) if y in labels else -1 for _, _, y in rows])
        keep = truth >= 0
        xs, truth = xs[keep], truth[keep]
        if len(truth) == 0:
            return
        prior = self.prior()
        w = np.asarray(self.weights, dtype=float)
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        onehot = np.eye(len(labels))[truth]
        for step in range(1, iterations + 1):
            p = _softmax(xs @ w)
            is_rule = np.arange(len(w)) >= self.models
            grad = np.einsum("nl,nlk->k", p - onehot, xs) / len(truth) + _L2 * (w - prior) * is_rule
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad**2
            w -= learning_rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
            w[: self.models] = np.maximum(w[: self.models], 0.02)
            w[self.models :] = np.maximum(w[self.models :], 0.0)
        self.weights = [round(float(x), 6) for x in w]


def _best_ranked(hits: Sequence[RuleHit], contexts: Sequence[str]) -> list[RuleHit]:
    for context in contexts:
        chosen = [hit for hit in hits if hit.context == context]
        if chosen:
            return chosen
    return []


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


# A precision measured on fewer accepted letters than this says too little to act on: one
# more error among ten accepted letters moves it by ten points.
MIN_ACCEPTED = 20
# One-sided 95% confidence: the z of the Wilson lower bound.
WILSON_Z = 1.645


def wilson_lower_bound(successes: float, total: int, *, z: float = WILSON_Z) -> float:
    """The lower end of the one-sided Wilson score interval for a proportion.

    With every accepted suggestion right, the bound reaches 0.98 only from 133 letters on:
    a precision of 98% is a claim that needs many letters behind it.
    """
    if total <= 0:
        return 0.0
    p = successes / total
    z2 = z * z
    centre = p + z2 / (2 * total)
    spread = z * np.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return float((centre - spread) / (1 + z2 / total))


def choose_threshold(
    confidences: Sequence[float],
    correct: Sequence[bool],
    *,
    target: float = 0.98,
    min_accepted: int = MIN_ACCEPTED,
    z: float = WILSON_Z,
) -> float:
    """The lowest confidence at which the suggestions at or above it are provably `target` precise.

    "Provably": the lower bound of the one-sided Wilson interval (z=1.645, 95%) on the
    precision among the accepted letters must reach `target`, not just the measured precision,
    because thresholds fitted to one set of writers were found too generous on new ones. A cut
    must also accept at least `min_accepted` letters (or all of them, when there are fewer).
    `z=0` falls back to the plain measured precision. Returns 1.0 (accept nothing) when no cut
    qualifies.
    """
    min_accepted = min(min_accepted, len(confidences))
    order = np.argsort(-np.asarray(confidences), kind="stable")
    conf = np.asarray(confidences)[order]
    hits = np.cumsum(np.asarray(correct, dtype=float)[order])
    best = 1.0
    for i in range(len(conf)):
        # Only cut between distinct confidences: equal ones are accepted together.
        if i + 1 < len(conf) and conf[i + 1] == conf[i]:
            continue
        precise = wilson_lower_bound(hits[i], i + 1, z=z) if z else hits[i] / (i + 1)
        if precise >= target and i + 1 >= min_accepted:
            best = float(conf[i])
    return best
