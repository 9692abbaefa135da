"""The trained part: a text categoriser per dimension, over the folded letter and rule tokens.

Two interchangeable backends, chosen by `TrainingOptions.backend` and recorded in meta.json:

- "linear": `linear.LinearCategoriser`, logistic regression over the words of the
  `spacy.blank("sq")` tokenizer (better for addressee and topic);
- "spacy-bow": one spaCy pipeline per dimension with a `textcat` component (`spacy_textcat.py`,
  better for kind);
- "ensemble" (default): both, each a feature of the combiner, which learns per dimension how far
  to trust each (best out-of-fold and on the held-out split in every dimension).

Both read the folded letter followed by the rule feature tokens of `rules.Evidence`, so rule hits
are features whose weight is learned.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy as np
import spacy
from spacy.tokens import Doc

from classify.cue_rules import subject_line
from classify.evidence import Evidence, gather_evidence
from classify.linear import LinearCategoriser
from classify.normalise import NormalisedText
from classify.rules import without_office_names
from classify.types import DIMENSIONS, LabelledLetter

RELEVANCE_LABELS = ("relevant", "not-relevant")


@dataclass(frozen=True)
class TrainingOptions:
    """Knobs of the categorisers; the defaults are what the held-out measurements chose."""

    epochs: int = 8
    batch_size: int = 8
    dropout: float = 0.1
    ngram_size: int = 1
    # spaCy's bag of words reads word pairs too for kind, where the short words matter ("ju
    # lutem", "ne pergjigje"): out of fold on the 6,633-letter corpus, its kind accuracy went
    # 0.917 -> 0.920 and its coverage at 98% precision 0.69 -> 0.74. Topic lost (0.879 -> 0.851).
    kind_ngram_size: int = 2
    hash_length: int = 2**16
    learn_rate: float = 0.001
    backend: str = "ensemble"
    l2: float = 3e-6
    # The linear categorisers of the dimensions that read word pairs have twice the features
    # and want less shrinking: out of fold, kind 0.898 -> 0.899 and topic 0.893 -> 0.894 at
    # 1e-6 instead of 3e-6, while addressee (no pairs) lost 0.014 at 1e-6.
    l2_word_pairs: float = 1e-6
    iterations: int = 250


def true_label(letter: LabelledLetter, dimension: str) -> str:
    if dimension == "relevance":
        return "relevant" if letter.relevant else "not-relevant"
    return str(getattr(letter, dimension))


@dataclass(frozen=True)
class ModelText:
    """What the categorisers read: the folded letter, the rule tokens, the subject's words again.

    The subject line says in a few words what a letter is; its words marked "zzs..." let the
    model weigh them apart from the same words in the body. The topic categoriser reads the
    letter without the names of the offices it is written to (`rules.without_office_names`):
    those name the reader, not the matter, and were behind most of the confident topic errors.
    """

    full: str
    topic: str

    @staticmethod
    def view(dimension: str) -> str:
        """Which of the two texts a dimension's categoriser reads."""
        return "topic" if dimension == "topic" else "full"

    def for_dimension(self, dimension: str) -> str:
        return self.topic if self.view(dimension) == "topic" else self.full


def model_text(text: NormalisedText, evidence: Evidence) -> ModelText:
    subject = " ".join("zzs" + word for word in re.findall(r"[a-z]{3,}", subject_line(text)))
    tail = f"{evidence.feature_text()}\n{subject}"
    return ModelText(full=f"{text.folded}\n{tail}", topic=f"{without_office_names(text)}\n{tail}")


def probe_text() -> ModelText:
    """A tiny input to check that loaded categorisers answer."""
    return ModelText("probe", "probe")


def prepare(text: str, *, email_to: Sequence[str] = ()) -> tuple[NormalisedText, Evidence]:
    normalised = NormalisedText.of(text)
    return normalised, gather_evidence(normalised, email_to=email_to)


def label_sets(letters: Iterable[LabelledLetter]) -> dict[str, list[str]]:
    letters = list(letters)
    labels = {dim: sorted({true_label(x, dim) for x in letters}) for dim in DIMENSIONS}
    labels["relevance"] = list(RELEVANCE_LABELS)
    return labels


# Per dimension, one probability table per member model (one, or two for the ensemble).
MemberProbs = tuple[dict[str, float], ...]


class Categorisers(Protocol):
    """What the classifier needs from a trained backend."""

    backend: str

    def predict(self, texts: Sequence[ModelText]) -> list[dict[str, MemberProbs]]: ...

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]: ...

    def to_disk(self, path: Path) -> None: ...


_TOKENIZER = spacy.blank("sq")
# English letters arrive too, and the Albanian stop list does not know English function words.
_ENGLISH_STOP = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "for",
        "this",
        "that",
        "with",
        "have",
        "has",
        "not",
        "but",
        "are",
        "was",
        "were",
        "be",
        "been",
        "on",
        "at",
        "by",
        "it",
        "its",
        "we",
        "you",
        "our",
        "your",
        "my",
        "from",
        "will",
        "as",
        "or",
        "an",
        "they",
        "their",
        "there",
        "would",
        "can",
        "could",
        "which",
        "who",
        "all",
        "any",
        "also",
        "about",
        "into",
        "than",
        "then",
        "them",
        "these",
        "those",
        "had",
        "did",
        "does",
        "do",
        "so",
        "if",
        "out",
        "up",
    ]  # noqa: SIM905
)
_STEM = 5
# Character n-grams of each word, hashed into this many buckets (a fixed, deterministic crc32).
_CHAR_GRAMS = (3, 5)
_CHAR_BUCKETS = 1 << 14
CHAR_PREFIX = "#"


@functools.lru_cache(maxsize=64)
def tokens(text: str) -> tuple[str, ...]:
    """The features of a model text: words, crude stems and hashed character n-grams.

    Words come from the Albanian tokenizer; rule tokens ("zz...") pass through as words.
    Cached: classifying one letter asks for the same text's features once per dimension and
    per fold of the committee.
    """
    words = [
        t.lower_
        for t in tokenised(text)
        if t.is_alpha and len(t) > 2 and not t.is_stop and t.lower_ not in _ENGLISH_STOP
    ]
    plain = [word for word in words if not word.startswith("zz")]
    # A crude stem joins the inflected forms (rruga, rrugen, rruges, rrugeve) into one feature.
    stems = [word[:_STEM] + "~" for word in plain if len(word) > _STEM]
    return tuple(words + stems + char_grams(plain))


# The dimensions whose categoriser also reads word pairs. Pairs keep the short, common words
# that single words drop, and the kind of a letter is often in them ("ju lutem", "ne
# pergjigje", "nuk ka"). Measured out of fold with the linear categoriser alone on the
# 6,633-letter corpus: kind accuracy 0.890 -> 0.899, topic 0.891 -> 0.894, but addressee
# 0.890 -> 0.881, so addressee and relevance go without.
WORD_PAIR_DIMENSIONS = frozenset({"topic", "kind"})
PAIR_JOINER = "_"


@functools.lru_cache(maxsize=64)
def features(text: str, *, pairs: bool) -> tuple[str, ...]:
    """What a linear categoriser reads: `tokens`, and the word pairs if asked (cached, so that
    predicting and explaining one letter see the very same tuple)."""
    return tokens(text) + tuple(word_pairs(text)) if pairs else tokens(text)


def dimension_features(text: ModelText, dimension: str) -> tuple[str, ...]:
    return features(text.for_dimension(dimension), pairs=dimension in WORD_PAIR_DIMENSIONS)


def word_pairs(text: str) -> list[str]:
    """Each two neighbouring words of the text (rule tokens left out), joined by "_"."""
    words = [t.lower_ for t in tokenised(text) if t.is_alpha and not t.lower_.startswith("zz")]
    return [f"{a}{PAIR_JOINER}{b}" for a, b in zip(words, words[1:], strict=False)]


@functools.lru_cache(maxsize=64)
def tokenised(text: str) -> Doc:
    """A model text through the Albanian tokenizer, once: the linear features and every spaCy
    categoriser (each on its own copy) read the same tokens."""
    return _TOKENIZER.make_doc(text)


def char_grams(words: Iterable[str]) -> list[str]:
    """Hashed character 3- to 5-grams of the words, with word edges marked.

    They carry what whole words miss: inflections the 5-letter stem cuts wrongly
    (ndriçim, ndriçimi, ndriçuar), typos and run-together words, compounds.
    """
    return [gram for word in words for gram in _word_grams(word)]


@functools.lru_cache(maxsize=1 << 16)
def _word_grams(word: str) -> tuple[str, ...]:
    """One word's hashed grams; cached, because letters share most of their words."""
    lowest, highest = _CHAR_GRAMS
    marked = f"<{word}>"
    return tuple(
        f"{CHAR_PREFIX}{zlib.crc32(marked[i : i + n].encode('utf-8')) % _CHAR_BUCKETS:x}"
        for n in range(lowest, highest + 1)
        for i in range(len(marked) - n + 1)
    )


@dataclass
class LinearCategorisers:
    """Logistic regressions over words, one per dimension."""

    models: dict[str, LinearCategoriser]
    backend: str = "linear"

    def predict(self, texts: Sequence[ModelText]) -> list[dict[str, MemberProbs]]:
        # Dimensions that read the same features through the same vocabulary (addressee and
        # relevance learn theirs from the same letters) share the letters' sparse rows.
        rows: dict[tuple[str, bool, int], list[tuple[np.ndarray, np.ndarray]]] = {}
        per_dim = {}
        for dim in DIMENSIONS:
            model = self.models[dim]
            key = (ModelText.view(dim), dim in WORD_PAIR_DIMENSIONS, model.vocabulary_key)
            if key not in rows:
                rows[key] = [model.sparse(dimension_features(t, dim)) for t in texts]
            per_dim[dim] = model.probabilities_of(rows[key])
        return [{dim: (per_dim[dim][i],) for dim in DIMENSIONS} for i in range(len(texts))]

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]:
        pushed = self.models[dimension].contributions(dimension_features(text, dimension), label)
        return [
            word
            for word, _ in pushed
            if not word.startswith(("zz", CHAR_PREFIX))
            and "~" not in word
            and PAIR_JOINER not in word
        ]

    def to_disk(self, path: Path) -> None:
        for dimension, model in self.models.items():
            model.to_disk(path / dimension)

    @classmethod
    def from_disk(cls, path: Path) -> LinearCategorisers:
        return cls({dim: LinearCategoriser.from_disk(path / dim) for dim in DIMENSIONS})


@dataclass
class EnsembleCategorisers:
    """The linear and the spaCy categorisers side by side; the combiner weighs them."""

    linear: LinearCategorisers
    textcat: Categorisers
    backend: str = "ensemble"

    def predict(self, texts: Sequence[ModelText]) -> list[dict[str, MemberProbs]]:
        pairs = zip(self.linear.predict(texts), self.textcat.predict(texts), strict=True)
        return [{dim: a[dim] + b[dim] for dim in DIMENSIONS} for a, b in pairs]

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]:
        return self.linear.explain(text, dimension, label)

    def to_disk(self, path: Path) -> None:
        self.linear.to_disk(path / "linear")
        self.textcat.to_disk(path / "spacy-bow")

    @classmethod
    def from_disk(cls, path: Path) -> EnsembleCategorisers:
        from classify.spacy_textcat import SpacyCategorisers

        textcat = SpacyCategorisers.from_disk(path / "spacy-bow")
        return cls(LinearCategorisers.from_disk(path / "linear"), textcat)


def train_categorisers(
    letters: Sequence[LabelledLetter],
    *,
    labels: dict[str, list[str]],
    seed: int,
    options: TrainingOptions,
    texts: Sequence[ModelText] | None = None,
) -> Categorisers:
    """Train the chosen backend on the letters (texts: their model texts, if already made)."""
    model_texts = texts if texts is not None else [model_text(*prepare(x.text)) for x in letters]
    if options.backend == "spacy-bow":
        from classify.spacy_textcat import SpacyCategorisers, train_pipelines

        return SpacyCategorisers(
            train_pipelines(letters, labels=labels, seed=seed, options=options, texts=model_texts)
        )
    if options.backend == "ensemble":
        linear = replace(options, backend="linear")
        textcat = replace(options, backend="spacy-bow")
        linear_part = train_categorisers(
            letters, labels=labels, seed=seed, options=linear, texts=model_texts
        )
        assert isinstance(linear_part, LinearCategorisers)
        return EnsembleCategorisers(
            linear_part,
            train_categorisers(
                letters, labels=labels, seed=seed, options=textcat, texts=model_texts
            ),
        )
    if options.backend != "linear":
        raise ValueError(f"unknown backend {options.backend!r}")
    models = {
        dim: LinearCategoriser.fit(
            [dimension_features(text, dim) for text in model_texts],
            [true_label(x, dim) for x in letters],
            labels=labels[dim],
            l2=options.l2_word_pairs if dim in WORD_PAIR_DIMENSIONS else options.l2,
            iterations=options.iterations,
        )
        for dim in DIMENSIONS
    }
    return LinearCategorisers(models)


@dataclass
class Committee:
    """The cross-validation folds' categorisers together; their average is the prediction.

    Each fold's categorisers were trained without a quarter of the letters, and their
    predictions on that quarter are what the combiner and the auto-accept thresholds were fitted
    on. A single model retrained on every letter would be surer of itself than those
    out-of-fold predictions, so thresholds chosen on them would accept too much (measured: kind
    accepted 66% of held-out letters at 96.5% precision, against 59% and 98.8% out of fold).
    The average of the fold models answers like they did, a little more cautiously.
    """

    members: list[Categorisers]
    backend: str

    def predict(self, texts: Sequence[ModelText]) -> list[dict[str, MemberProbs]]:
        each = [member.predict(texts) for member in self.members]
        return [
            {dim: _average([votes[i][dim] for votes in each]) for dim in DIMENSIONS}
            for i in range(len(texts))
        ]

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]:
        return self.members[0].explain(text, dimension, label)

    def to_disk(self, path: Path) -> None:
        for k, member in enumerate(self.members):
            member.to_disk(path / f"{_FOLD_DIR}{k}")

    @classmethod
    def from_disk(cls, path: Path, *, backend: str) -> Committee:
        folds = sorted(path.glob(f"{_FOLD_DIR}*"), key=lambda p: int(p.name[len(_FOLD_DIR) :]))
        return cls([load_categorisers(fold, backend=backend) for fold in folds], backend)


_FOLD_DIR = "fold-"


def _average(votes: Sequence[MemberProbs]) -> MemberProbs:
    """Per member model (linear, textcat), the mean of its probabilities over the folds."""
    return tuple(
        {label: sum(v[m][label] for v in votes) / len(votes) for label in votes[0][m]}
        for m in range(len(votes[0]))
    )


def load_categorisers(path: Path, *, backend: str) -> Categorisers:
    """The categorisers saved in path: a committee of folds, or (older models) a single one."""
    if (path / f"{_FOLD_DIR}0").is_dir():
        return Committee.from_disk(path, backend=backend)
    if backend == "spacy-bow":
        from classify.spacy_textcat import SpacyCategorisers

        return SpacyCategorisers.from_disk(path)
    if backend == "linear":
        return LinearCategorisers.from_disk(path)
    if backend == "ensemble":
        return EnsembleCategorisers.from_disk(path)
    raise ValueError(f"unknown backend {backend!r}")
