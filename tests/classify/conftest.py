"""A small training set taken from the corpus, and one model trained on it per test session."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from classify import LabelledLetter, TrainReport, read_corpus, train_model
from classify.classifier import Classifier, load_classifier

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
PER_TOPIC = 4
NOT_RELEVANT = 8


def small_training_set() -> list[LabelledLetter]:
    """A few letters of every topic plus some not-relevant ones, from the training split."""
    corpus = read_corpus(CORPUS)
    by_topic: dict[str, list[LabelledLetter]] = defaultdict(list)
    for letter in sorted(corpus.train, key=lambda x: x.source):
        if letter.relevant:
            by_topic[letter.topic].append(letter)
    chosen = [letter for letters in by_topic.values() for letter in letters[:PER_TOPIC]]
    unrelated = [x for x in sorted(corpus.train, key=lambda x: x.source) if not x.relevant]
    return chosen + unrelated[:NOT_RELEVANT]


@pytest.fixture(scope="session")
def training_letters() -> list[LabelledLetter]:
    letters = small_training_set()
    if len(letters) < 20:
        pytest.skip("the corpus is too small to train a test model")
    return letters


@pytest.fixture(scope="session")
def trained(
    tmp_path_factory: pytest.TempPathFactory, training_letters: list[LabelledLetter]
) -> tuple[TrainReport, Path]:
    model_dir = tmp_path_factory.mktemp("model") / "current"
    report = train_model(training_letters, out_dir=model_dir, seed=0)
    return report, model_dir


@pytest.fixture(scope="session")
def classifier(trained: tuple[TrainReport, Path]) -> Classifier:
    return load_classifier(trained[1])
