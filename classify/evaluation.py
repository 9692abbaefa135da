"""Measuring a classifier on labelled letters: accuracy, macro-F1, confusion, auto-accept figures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from classify.classifier import Classifier, is_auto_accepted
from classify.model import true_label
from classify.types import DIMENSIONS, Classification, LabelledLetter


@dataclass(frozen=True)
class DimensionReport:
    """One dimension's figures on the evaluated letters."""

    dimension: str
    accuracy: float
    macro_f1: float
    per_label_f1: dict[str, float]
    confusion: dict[tuple[str, str], int]  # (true, predicted) -> count
    threshold: float
    precision_at_threshold: float
    coverage_at_threshold: float


@dataclass(frozen=True)
class EvaluationReport:
    """Per-dimension figures plus the share of letters auto-accepted in all four dimensions."""

    letters: int
    dimensions: dict[str, DimensionReport]
    auto_accepted_share: float
    auto_accepted_precision: float
    model_version: str | None
    unavailable: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # source, dim, true, pred

    def render(self) -> str:
        out = [f"Evaluated {self.letters} letters with model {self.model_version or '(none)'}"]
        if self.unavailable:
            out.append(f"  {self.unavailable} letters went to review unclassified (no model)")
        for report in self.dimensions.values():
            out.append("")
            out.append(
                f"{report.dimension}: accuracy {report.accuracy:.3f}, macro-F1 "
                f"{report.macro_f1:.3f}; at threshold {report.threshold:.3f}: precision "
                f"{report.precision_at_threshold:.3f}, coverage {report.coverage_at_threshold:.3f}"
            )
            if report.dimension == "relevance":
                out.append(
                    f"  F1 of not-relevant: {report.per_label_f1.get('not-relevant', 0):.3f}"
                )
            out.extend(_render_confusion(report.confusion))
        out.append("")
        out.append(
            f"auto-accepted in all four dimensions: {self.auto_accepted_share:.3f} of letters, "
            f"precision {self.auto_accepted_precision:.3f}"
        )
        return "\n".join(out)


def _render_confusion(confusion: dict[tuple[str, str], int]) -> list[str]:
    labels = sorted({t for t, _ in confusion} | {p for _, p in confusion})
    short = {label: label[:6] for label in labels}
    width = max([len(x) for x in labels] + [4])
    lines = ["  " + " " * width + " " + " ".join(f"{short[p]:>6}" for p in labels)]
    for t in labels:
        cells = " ".join(f"{confusion.get((t, p), 0) or '.':>6}" for p in labels)
        lines.append(f"  {t:<{width}} {cells}")
    lines.append("  (rows: true label, columns: predicted)")
    return lines


def _f1s(pairs: Sequence[tuple[str, str]]) -> dict[str, float]:
    labels = sorted({t for t, _ in pairs} | {p for _, p in pairs})
    scores = {}
    for label in labels:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def evaluate(classifier: Classifier, letters: Sequence[LabelledLetter]) -> EvaluationReport:
    """Classify every letter and measure against its true labels."""
    results: list[Classification] = [classifier.classify(letter.text) for letter in letters]
    unavailable = sum(1 for r in results if r.addressee is None)
    dimensions: dict[str, DimensionReport] = {}
    accepted_all = [not r.needs_review for r in results]
    correct_all = [True] * len(letters)
    errors = []
    for dim in DIMENSIONS:
        threshold = classifier.thresholds.get(dim, 1.0)
        pairs, accepted_ok = [], []
        for i, (result, letter) in enumerate(zip(results, letters, strict=True)):
            prediction = getattr(result, dim)
            predicted = prediction.label if prediction else "(none)"
            truth = true_label(letter, dim)
            pairs.append((truth, predicted))
            if predicted != truth:
                correct_all[i] = False
                errors.append((letter.source, dim, truth, predicted))
            if prediction and is_auto_accepted(prediction.confidence, threshold):
                accepted_ok.append(predicted == truth)
        f1 = _f1s(pairs)
        true_labels = {t for t, _ in pairs}
        dimensions[dim] = DimensionReport(
            dimension=dim,
            accuracy=sum(t == p for t, p in pairs) / len(pairs) if pairs else 0.0,
            macro_f1=sum(f1[x] for x in true_labels) / len(true_labels) if true_labels else 0.0,
            per_label_f1=f1,
            confusion=dict(Counter(pairs)),
            threshold=threshold,
            precision_at_threshold=sum(accepted_ok) / len(accepted_ok) if accepted_ok else 0.0,
            coverage_at_threshold=len(accepted_ok) / len(pairs) if pairs else 0.0,
        )
    n_accepted = sum(accepted_all)
    good = sum(1 for a, c in zip(accepted_all, correct_all, strict=True) if a and c)
    return EvaluationReport(
        letters=len(letters),
        dimensions=dimensions,
        auto_accepted_share=n_accepted / len(letters) if letters else 0.0,
        auto_accepted_precision=good / n_accepted if n_accepted else 0.0,
        model_version=classifier.version,
        unavailable=unavailable,
        errors=errors,
    )
