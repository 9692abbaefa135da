"""Intake fixtures: a pipeline with the real extractor and a small fake classifier."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from classify.types import Classification, LetterFields, Prediction
from intake import Pipeline, build_pipeline
from protokoll.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "files"


class FixedClassifier:
    """Classifies every letter the same way: a seam fake, the real one is tested in classify."""

    is_available = True

    def __init__(self, needs_review: bool = False) -> None:
        self.needs_review = needs_review
        self.seen: list[str] = []

    def classify(self, text: str, *, email_to: tuple[str, ...] = ()) -> Classification:
        self.seen.append(text)
        return Classification(
            addressee=Prediction("kryetari", 0.97, ("salutation 'I nderuar Kryetar'",)),
            topic=Prediction("rruget", 0.91, ("words: gropë",)),
            kind=Prediction("ankese", 0.88, ()),
            relevance=Prediction("relevant", 0.99, ()),
            suggested_office="sherbimet-publike",
            fields=LetterFields(sender_name="Arben Hoxha", subject="Gropa"),
            needs_review=self.needs_review,
            model_version="fixed",
        )


def make_pdf(path: Path, text: str) -> Path:
    """A small born-digital PDF whose text layer is `text`."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in text.splitlines():
        pdf.drawString(72, y, line)
        y -= 16
    pdf.save()
    return path


@pytest.fixture
def classifier() -> FixedClassifier:
    return FixedClassifier()


@pytest.fixture
def pipeline(settings: Settings, classifier: FixedClassifier) -> Pipeline:
    return build_pipeline(settings, classifier=classifier)


@pytest.fixture
def sample(tmp_path: Path):  # type: ignore[no-untyped-def]
    def copy(name: str) -> Path:
        target = tmp_path / "drop" / name
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(SAMPLES / name, target)
        return target

    return copy
