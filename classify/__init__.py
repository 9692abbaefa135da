"""Classification: addressee, topic, kind and relevance of a letter, with confidence and reasons.

Pure: it never touches the register. Training receives confirmed routings as `LabelledLetter`s.

    read_corpus(path)                      -> Corpus (train and held-out letters)
    train_model(letters, out_dir=, seed=)  -> TrainReport (model written atomically)
    load_classifier(model_dir)             -> Classifier (never raises; no model = review)
    Classifier.classify(text, email_to=)   -> Classification
    evaluate(classifier, letters)          -> EvaluationReport (.render())
    extract_fields(text), mask_personal_ids(text)
"""

from __future__ import annotations

from classify.classifier import Classifier, load_classifier
from classify.corpus import Corpus, is_held_out, read_corpus
from classify.errors import ModelUnavailable
from classify.evaluation import DimensionReport, EvaluationReport, evaluate
from classify.fields import extract_fields
from classify.normalise import fold
from classify.training import TrainReport, train_model
from classify.types import (
    DIMENSIONS,
    Classification,
    LabelledLetter,
    LetterFields,
    Prediction,
)
from protokoll.privacy import find_personal_ids, mask_personal_ids

__all__ = [
    "DIMENSIONS",
    "Classification",
    "Classifier",
    "Corpus",
    "DimensionReport",
    "EvaluationReport",
    "LabelledLetter",
    "LetterFields",
    "ModelUnavailable",
    "Prediction",
    "TrainReport",
    "evaluate",
    "extract_fields",
    "find_personal_ids",
    "fold",
    "is_held_out",
    "load_classifier",
    "mask_personal_ids",
    "read_corpus",
    "train_model",
]
