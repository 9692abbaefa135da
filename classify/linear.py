"""A multinomial logistic regression over folded words, one per dimension, in numpy.

The alternative to spaCy's bag-of-words text categoriser (see model.py). Words come from the
`spacy.blank("sq")` tokenizer; features are log-scaled word counts of words seen in at least two
training letters, plus the rule feature tokens, each letter's vector scaled to unit length.
Training is full-batch Adam with L2 regularisation from zero weights, so it is deterministic.
Because the weights are per word, the words that pushed a letter towards a label can be read
back exactly for the reasons.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_MIN_DOCUMENT_FREQUENCY = 2
_WEIGHTS_FILE = "weights.npz"
_VOCAB_FILE = "vocabulary.json"


@dataclass
class LinearCategoriser:
    """Weights (words x labels) and biases for one dimension."""

    labels: list[str]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray

    @classmethod
    def fit(
        cls,
        documents: Sequence[Sequence[str]],
        targets: Sequence[str],
        *,
        labels: Sequence[str],
        l2: float = 1e-3,
        iterations: int = 250,
        learning_rate: float = 0.1,
    ) -> LinearCategoriser:
        frequency = Counter(word for doc in documents for word in set(doc))
        words = sorted(w for w, n in frequency.items() if n >= _MIN_DOCUMENT_FREQUENCY)
        model = cls(
            labels=list(labels),
            vocabulary={w: i for i, w in enumerate(words)},
            weights=np.zeros((len(words), len(labels)), dtype=np.float32),
            bias=np.zeros(len(labels), dtype=np.float32),
        )
        # Single precision halves the time of the two products per step; the fit is no less
        # deterministic, and the saved weights are widened back to float64.
        x = model.vectors(documents).astype(np.float32)
        xt = np.ascontiguousarray(x.T)
        index = {label: i for i, label in enumerate(labels)}
        y = np.zeros((len(documents), len(labels)), dtype=np.float32)
        for row, target in enumerate(targets):
            y[row, index[target]] = 1.0
        params = [model.weights, model.bias]
        moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
        for step in range(1, iterations + 1):
            p = _softmax(x @ model.weights + model.bias)
            grads = [xt @ (p - y) / len(y) + l2 * model.weights, (p - y).mean(axis=0)]
            for param, grad, (m, v) in zip(params, grads, moments, strict=True):
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad**2
                m_hat = m / (1 - 0.9**step)
                v_hat = v / (1 - 0.999**step)
                param -= learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8)
        model.weights = model.weights.astype(np.float64)
        model.bias = model.bias.astype(np.float64)
        return model

    def vectors(self, documents: Sequence[Sequence[str]]) -> np.ndarray:
        x = np.zeros((len(documents), len(self.vocabulary)))
        for row, doc in enumerate(documents):
            for word, count in Counter(doc).items():
                column = self.vocabulary.get(word)
                if column is not None:
                    x[row, column] = 1.0 + math.log(count)
        norms = np.linalg.norm(x, axis=1, keepdims=True)
        return x / np.where(norms > 0, norms, 1.0)

    def probabilities(self, documents: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        p = _softmax(self.vectors(documents) @ self.weights + self.bias)
        return [dict(zip(self.labels, row.tolist(), strict=True)) for row in p]

    def contributions(self, document: Sequence[str], label: str) -> list[tuple[str, float]]:
        """Each word's push towards `label` against the average label, largest first."""
        if label not in self.labels:
            return []
        x = self.vectors([document])[0]
        column = self.labels.index(label)
        relative = self.weights[:, column] - self.weights.mean(axis=1)
        scored = [
            (word, float(x[i] * relative[i]))
            for word, i in self.vocabulary.items()
            if x[i] > 0 and relative[i] > 0
        ]
        return sorted(scored, key=lambda kv: (-kv[1], kv[0]))

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez(path / _WEIGHTS_FILE, weights=self.weights, bias=self.bias)
        words = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        payload = {"labels": self.labels, "words": words}
        (path / _VOCAB_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> LinearCategoriser:
        payload = json.loads((path / _VOCAB_FILE).read_text(encoding="utf-8"))
        with np.load(path / _WEIGHTS_FILE, allow_pickle=False) as arrays:
            weights, bias = arrays["weights"], arrays["bias"]
        labels, words = list(payload["labels"]), list(payload["words"])
        if weights.shape != (len(words), len(labels)) or bias.shape != (len(labels),):
            raise ValueError(f"weights in {path} do not match the vocabulary")
        return cls(labels, {w: i for i, w in enumerate(words)}, weights, bias)


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
