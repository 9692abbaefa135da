"""Training: cross-validated categorisers, fitted rule weights, thresholds, and the saved model.

    1. split the training letters into folds (deterministic for the seed);
    2. for each fold, train on the others and predict it: out-of-fold probabilities;
    3. fit each dimension's combiner (rule weights and temperature) on those predictions;
    4. choose per-dimension auto-accept thresholds: the lowest confidence at which the lower
       bound of the one-sided 95% Wilson interval on out-of-fold precision is >= 98%, over at
       least 20 accepted letters (`combine.choose_threshold`). The plain measured precision
       proved too generous on letters by new writers; the bound needs >= 133 accepted letters
       even with no error among them, so a dimension with few confident letters accepts none;
    5. keep the folds' categorisers as the model (their average predicts, so new letters are
       scored like the out-of-fold ones the thresholds were chosen on) and write it atomically.

Letters come from the caller (corpus files, confirmed routings): this module never reads the
register.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import random
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from classify import storage
from classify.classifier import LoadedModel, score_letter
from classify.combine import MIN_ACCEPTED, Combiner, choose_threshold, wilson_lower_bound
from classify.keywords import indicative_words
from classify.model import (
    Categorisers,
    Committee,
    MemberProbs,
    ModelText,
    TrainingOptions,
    label_sets,
    model_text,
    prepare,
    train_categorisers,
    true_label,
)
from classify.types import DIMENSIONS, LabelledLetter

TARGET_PRECISION = 0.98
WILSON_CONFIDENCE = 0.95  # one-sided; combine.WILSON_Z is its z
FOLDS = 4


@dataclass(frozen=True)
class TrainReport:
    """What training produced: where, which version, and the out-of-fold measurements."""

    model_dir: Path
    version: str
    seed: int
    letters: int
    labels: dict[str, list[str]]
    thresholds: dict[str, float]
    oof_metrics: dict[str, dict[str, float]]
    seconds: float
    combiner_weights: dict[str, list[float]] = field(default_factory=dict)

    def render(self) -> str:
        lines = [f"model {self.version} trained on {self.letters} letters in {self.seconds:.1f} s"]
        lines.append(f"written to {self.model_dir}")
        for dim in DIMENSIONS:
            m = self.oof_metrics.get(dim, {})
            lines.append(
                f"  {dim:<10} threshold {self.thresholds[dim]:.3f}  out-of-fold accuracy "
                f"{m.get('accuracy', 0):.3f}, precision {m.get('precision_at_threshold', 0):.3f} "
                f"at coverage {m.get('coverage_at_threshold', 0):.3f}"
            )
        return "\n".join(lines)


def data_version(letters: Sequence[LabelledLetter]) -> str:
    """A timestamp plus a hash of the training data."""
    digest = hashlib.sha256()
    for letter in sorted(letters, key=lambda x: (x.source, x.text)):
        record = [letter.text, letter.addressee, letter.topic, letter.kind, letter.relevant]
        digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{digest.hexdigest()[:12]}"


def _folds(count: int, *, folds: int, seed: int) -> list[list[int]]:
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::folds]) for i in range(folds)]


def _out_of_fold(
    letters: Sequence[LabelledLetter],
    texts: Sequence[ModelText],
    *,
    labels: dict[str, list[str]],
    seed: int,
    options: TrainingOptions,
    folds: int,
    pool: Executor | None,
) -> tuple[list[dict[str, MemberProbs]], list[Categorisers]]:
    """Each letter's categoriser probabilities from a model that never saw it, and the models.

    The folds are independent, so with a pool they train side by side, one per core.
    """
    jobs: list[tuple[list[int], Future[_FoldResult] | _FoldJob]] = []
    for fold in _folds(len(letters), folds=folds, seed=seed):
        held = set(fold)
        rest = [i for i in range(len(letters)) if i not in held]
        fold_job = _FoldJob(
            train_letters=[letters[i] for i in rest],
            train_texts=[texts[i] for i in rest],
            predict_texts=[texts[i] for i in fold],
            labels=labels,
            seed=seed,
            options=options,
        )
        jobs.append((fold, pool.submit(_predict_fold, fold_job) if pool else fold_job))
    result: list[dict[str, MemberProbs]] = [{} for _ in letters]
    models = []
    for fold, job in jobs:
        categorisers, predicted = job.result() if isinstance(job, Future) else _predict_fold(job)
        models.append(categorisers)
        for i, probs in zip(fold, predicted, strict=True):
            result[i] = probs
    return result, models


@dataclass(frozen=True)
class _FoldJob:
    """One cross-validation fold: what to train on and what to predict (picklable)."""

    train_letters: list[LabelledLetter]
    train_texts: list[ModelText]
    predict_texts: list[ModelText]
    labels: dict[str, list[str]]
    seed: int
    options: TrainingOptions


_FoldResult = tuple[Categorisers, list[dict[str, MemberProbs]]]


def _predict_fold(job: _FoldJob) -> _FoldResult:
    categorisers = train_categorisers(
        job.train_letters,
        labels=job.labels,
        seed=job.seed,
        options=job.options,
        texts=job.train_texts,
    )
    return categorisers, categorisers.predict(job.predict_texts)


_BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


@contextlib.contextmanager
def _fold_pool(workers: int) -> Iterator[Executor | None]:
    """Worker processes for the folds, or None to train them here one after another.

    Spawned, not forked: each worker starts its own numpy, limited to one BLAS thread so that
    two workers on two cores do not fight over them (unless the caller set a limit). The
    limit is in this process's environment only while the pool lives, for the workers to
    inherit.
    """
    if workers <= 1:
        yield None
        return
    saved = {name: os.environ.get(name) for name in _BLAS_THREADS}
    for name in _BLAS_THREADS:
        os.environ.setdefault(name, "1")
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _threshold_metrics(confidences: list[float], correct: list[bool]) -> dict[str, float]:
    threshold = choose_threshold(confidences, correct, target=TARGET_PRECISION)
    accepted = [ok for c, ok in zip(confidences, correct, strict=True) if c >= threshold]
    return {
        "threshold": threshold,
        "accuracy": sum(correct) / len(correct) if correct else 0.0,
        "precision_at_threshold": sum(accepted) / len(accepted) if accepted else 0.0,
        "precision_lower_bound": wilson_lower_bound(sum(accepted), len(accepted)),
        "coverage_at_threshold": len(accepted) / len(correct) if correct else 0.0,
    }


def train_model(
    letters: Sequence[LabelledLetter],
    *,
    out_dir: Path,
    seed: int = 0,
    options: TrainingOptions | None = None,
    folds: int = FOLDS,
    workers: int | None = None,
) -> TrainReport:
    """Train, calibrate and save a model; deterministic for a seed.

    `workers` processes train the cross-validation folds (default: one per core, at most one
    per fold); the result does not depend on it. The folds' categorisers together are the
    saved model (`model.Committee`).
    """
    started = time.monotonic()
    options = options or TrainingOptions()
    letters = sorted(letters, key=lambda x: (x.source, x.text))
    if len(letters) < folds * 2:
        raise ValueError(f"need at least {folds * 2} letters to train, got {len(letters)}")
    labels = label_sets(letters)
    prepared = [prepare(letter.text) for letter in letters]
    evidences = [evidence for _, evidence in prepared]
    texts = [model_text(normalised, evidence) for normalised, evidence in prepared]

    workers = min(folds, os.cpu_count() or 1) if workers is None else workers
    with _fold_pool(workers) as pool:
        oof, fold_models = _out_of_fold(
            letters, texts, labels=labels, seed=seed, options=options, folds=folds, pool=pool
        )
    categorisers = Committee(fold_models, options.backend)
    members = len(oof[0][DIMENSIONS[0]])
    combiners = {dim: Combiner(dim, models=members) for dim in DIMENSIONS}
    for dim in DIMENSIONS:
        rows = [
            (probs[dim], evidence.for_dimension(dim), true_label(letter, dim))
            for probs, evidence, letter in zip(oof, evidences, letters, strict=True)
        ]
        combiners[dim].fit(labels[dim], rows)

    draft = LoadedModel(categorisers=None, labels=labels, combiners=combiners, thresholds={})
    scored = [score_letter(draft, probs, ev) for probs, ev in zip(oof, evidences, strict=True)]
    metrics: dict[str, dict[str, float]] = {}
    for dim in DIMENSIONS:
        confidences = [s[dim].confidence for s in scored]
        correct = [s[dim].label == true_label(x, dim) for s, x in zip(scored, letters, strict=True)]
        metrics[dim] = _threshold_metrics(confidences, correct)
    thresholds = {dim: metrics[dim]["threshold"] for dim in DIMENSIONS}

    keywords = {
        dim: indicative_words([x.text for x in letters], [true_label(x, dim) for x in letters])
        for dim in DIMENSIONS
    }
    version = data_version(letters)
    meta: dict[str, Any] = {
        "version": version,
        "seed": seed,
        "letters": len(letters),
        "options": asdict(options),
        "folds": folds,
        "labels": labels,
        "combiners": {dim: combiners[dim].weights for dim in DIMENSIONS},
        "thresholds": thresholds,
        "target_precision": TARGET_PRECISION,
        "threshold_rule": (
            f"lowest confidence whose one-sided {WILSON_CONFIDENCE:.0%} Wilson lower bound on "
            f"out-of-fold precision is >= {TARGET_PRECISION}, with >= {MIN_ACCEPTED} accepted"
        ),
        "oof_metrics": metrics,
        "keywords": keywords,
    }
    storage.write_model(Path(out_dir), categorisers=categorisers, meta=meta)
    return TrainReport(
        model_dir=Path(out_dir),
        version=version,
        seed=seed,
        letters=len(letters),
        labels=labels,
        thresholds=thresholds,
        oof_metrics=metrics,
        seconds=round(time.monotonic() - started, 2),
        combiner_weights={dim: combiners[dim].weights for dim in DIMENSIONS},
    )
