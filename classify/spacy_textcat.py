"""The spaCy backend: one `spacy.blank("sq")` pipeline per dimension with a `textcat` component.

Each categoriser is `spacy.TextCatBOW.v3` with exclusive classes. Labels are stored as
"<dimension>:<code>" because several codes (taksat, transporti, tjeter...) exist in more than one
dimension. One pipeline per dimension because spaCy's `textcat` refuses one document carrying the
gold labels of four exclusive categorisers.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from classify.model import ModelText, TrainingOptions, tokenised, true_label
from classify.types import DIMENSIONS, LabelledLetter


def component_name(dimension: str) -> str:
    return f"textcat_{dimension}"


def build_pipeline(dimension: str, labels: list[str], options: TrainingOptions) -> Language:
    """A blank Albanian pipeline with one categoriser for one dimension."""
    nlp = spacy.blank("sq")
    ngram_size = options.kind_ngram_size if dimension == "kind" else options.ngram_size
    config = {
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": ngram_size,
            "no_output_layer": False,
            "length": options.hash_length,
        }
    }
    textcat = nlp.add_pipe("textcat", name=component_name(dimension), config=config)
    for label in labels:
        textcat.add_label(f"{dimension}:{label}")  # type: ignore[attr-defined]
    return nlp


def _example(doc: Doc, letter: LabelledLetter, dimension: str, labels: list[str]) -> Example:
    truth = true_label(letter, dimension)
    cats = {f"{dimension}:{label}": float(label == truth) for label in labels}
    return Example.from_dict(doc, {"cats": cats})


def _getter(examples: list[Example]) -> Callable[[], list[Example]]:
    return lambda: examples


def train_pipelines(
    letters: Sequence[LabelledLetter],
    *,
    labels: dict[str, list[str]],
    seed: int,
    options: TrainingOptions,
    texts: Sequence[ModelText],
) -> dict[str, Language]:
    """Train one categoriser per dimension on the letters, deterministically for the seed."""
    tokenizer = spacy.blank("sq")
    pipelines = {}
    for dimension in DIMENSIONS:
        docs = [tokenizer.make_doc(text.for_dimension(dimension)) for text in texts]
        fix_random_seed(seed)
        nlp = build_pipeline(dimension, labels[dimension], options)
        examples = [
            _example(doc, letter, dimension, labels[dimension])
            for doc, letter in zip(docs, letters, strict=True)
        ]
        optimizer = nlp.initialize(_getter(examples))
        optimizer.learn_rate = options.learn_rate
        shuffler = random.Random(seed)
        for _ in range(options.epochs):
            order = list(examples)
            shuffler.shuffle(order)
            for batch in minibatch(order, size=options.batch_size):
                nlp.update(list(batch), sgd=optimizer, drop=options.dropout)
        pipelines[dimension] = nlp
    return pipelines


def categorise(pipelines: dict[str, Language], texts: Sequence[ModelText]) -> dict[str, list[Doc]]:
    """Each dimension's categoriser scores its view of each model text."""
    scored = {}
    for dimension, nlp in pipelines.items():
        textcat: Any = nlp.get_pipe(component_name(dimension))
        # Copies: the bag-of-words features are hashes of the token texts, the same in every
        # pipeline's vocabulary, so one tokenised text serves every dimension and fold.
        docs = [tokenised(text.for_dimension(dimension)).copy() for text in texts]
        scored[dimension] = list(textcat.pipe(docs, batch_size=64))
    return scored


def probabilities(doc: Doc, dimension: str) -> dict[str, float]:
    """The categoriser's scores for one dimension, keyed by bare code."""
    prefix = f"{dimension}:"
    return {
        label[len(prefix) :]: float(score)
        for label, score in doc.cats.items()
        if label.startswith(prefix)
    }


@dataclass
class SpacyCategorisers:
    """spaCy `textcat` pipelines, one per dimension."""

    pipelines: dict[str, Language]
    backend: str = "spacy-bow"

    def predict(self, texts: Sequence[ModelText]) -> list[dict[str, tuple[dict[str, float], ...]]]:
        docs = categorise(self.pipelines, texts)
        return [
            {dim: (probabilities(docs[dim][i], dim),) for dim in DIMENSIONS}
            for i in range(len(texts))
        ]

    def explain(self, text: ModelText, dimension: str, label: str) -> list[str]:
        return []  # hashed features: the classifier falls back to indicative words

    def to_disk(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        for dimension, nlp in self.pipelines.items():
            nlp.to_disk(path / dimension)

    @classmethod
    def from_disk(cls, path: Path) -> SpacyCategorisers:
        # Without their tokenizers: the categorisers only ever read docs that
        # `model.tokenised` made, and reading sixteen tokenizers' special cases was most of
        # the model's load time (0.12 s -> 0.04 s a pipeline).
        return cls({dim: spacy.load(path / dim, exclude=["tokenizer"]) for dim in DIMENSIONS})
