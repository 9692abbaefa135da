"""A multinomial logistic regression over folded words, one per dimension (numpy, scipy.sparse).

The alternative to spaCy's bag-of-words text categoriser (see model.py). Words come from the
`spacy.blank("sq")` tokenizer; features are log-scaled word counts of words seen in at least two
training letters, plus the rule feature tokens, each letter's vector scaled to unit length.
Training is full-batch Adam with L2 regularisation from zero weights, so it is deterministic.
Because the weights are per word, the words that pushed a letter towards a label can be read
back exactly for the reasons.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

_MIN_DOCUMENT_FREQUENCY = 2
_MISSING = itertools.repeat(-1)  # the column of a word the vocabulary lacks
_WEIGHTS_FILE = "weights.npz"
_VOCAB_FILE = "vocabulary.json"
_RECENT_ROWS = 8
# A document as vocabulary columns and their weights.
_Row = tuple[np.ndarray, np.ndarray]


@dataclass
class LinearCategoriser:
    """Weights (words x labels) and biases for one dimension."""

    labels: list[str]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    # The last few documents' rows, by identity: classifying a letter makes its row to predict
    # and again to explain the label (`contributions`).
    _recent: dict[int, tuple[Sequence[str], _Row]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        # Sparse rows (about 3% of a letter's columns are set) and single precision: the two
        # products per step take a seventh of the dense time. The fit is no less deterministic,
        # and the saved weights are widened back to float64.
        x = model.vectors(documents).astype(np.float32)
        xt = x.T.tocsr()
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

    def vectors(self, documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """The documents as sparse rows of unit length over the vocabulary (for training)."""
        rows = [self._sparse(doc) for doc in documents]
        indptr = np.cumsum([0] + [len(columns) for columns, _ in rows])
        columns = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, int)
        weights = np.concatenate([w for _, w in rows]) if rows else np.zeros(0)
        shape = (len(documents), len(self.vocabulary))
        return sparse.csr_matrix((weights, columns, indptr), shape=shape)

    def sparse(self, document: Sequence[str]) -> _Row:
        """One document's vocabulary columns and their weights, scaled to unit length."""
        recent = self._recent.get(id(document))
        if recent is not None and recent[0] is document:
            return recent[1]
        if len(self._recent) >= _RECENT_ROWS:
            self._recent.clear()
        row = self._sparse(document)
        self._recent[id(document)] = (document, row)
        return row

    def _sparse(self, document: Sequence[str]) -> _Row:
        words, weights = _weighted(tuple(document))
        columns = np.fromiter(map(self.vocabulary.get, words, _MISSING), int, len(words))
        known = columns >= 0
        columns, weights = columns[known], weights[known]
        norm = float(np.sqrt(weights @ weights))
        return columns, weights / norm if norm > 0 else weights

    def probabilities_of(
        self, rows: Sequence[tuple[np.ndarray, np.ndarray]]
    ) -> list[dict[str, float]]:
        """Label probabilities of documents already made sparse (`sparse`) for this vocabulary."""
        scores = np.stack([weights @ self.weights[columns] for columns, weights in rows])
        p = _softmax(scores + self.bias)
        return [dict(zip(self.labels, row.tolist(), strict=True)) for row in p]

    @functools.cached_property
    def vocabulary_key(self) -> int:
        """Equal for categorisers with the same vocabulary, which can share `sparse` rows."""
        return hash(tuple(self.words_by_index))

    def contributions(self, document: Sequence[str], label: str) -> list[tuple[str, float]]:
        """Each word's push towards `label` against the average label, largest first."""
        if label not in self.labels:
            return []
        columns, weights = self.sparse(document)
        column = self.labels.index(label)
        relative = self.weights[columns, column] - self.weights[columns].mean(axis=1)
        words = self.words_by_index
        scored = [
            (words[i], float(w * r))
            for i, w, r in zip(columns, weights, relative, strict=True)
            if r > 0
        ]
        return sorted(scored, key=lambda kv: (-kv[1], kv[0]))

    @functools.cached_property
    def words_by_index(self) -> list[str]:
        return sorted(self.vocabulary, key=self.vocabulary.__getitem__)

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez(path / _WEIGHTS_FILE, weights=self.weights, bias=self.bias)
        payload = {"labels": self.labels, "words": self.words_by_index}
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


@functools.lru_cache(maxsize=16)
def _weighted(document: tuple[str, ...]) -> tuple[list[str], np.ndarray]:
    """A document's distinct words and their weights, 1 + log(count).

    Cached: every dimension and every fold of the committee weighs the same letter's words.
    """
    counts = Counter(document)
    return list(counts), 1.0 + np.log(np.fromiter(counts.values(), float, len(counts)))


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
