"""After training, letters that went to review unclassified get the model's suggestion from
their stored text; routings a reviewer confirmed are never touched."""

from __future__ import annotations

from classify.types import Classification
from intake import build_pipeline
from intake.reclassify import reclassify_unconfirmed
from protokoll.settings import Settings
from tests.intake.conftest import FixedClassifier, make_pdf


class NoModel:
    is_available = False

    def classify(self, text: str, *, email_to: tuple[str, ...] = ()) -> Classification:
        return Classification(notes=("model unavailable",))


def test_reclassify_fills_unconfirmed_entries_only(settings: Settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pipeline = build_pipeline(settings, classifier=NoModel())
    letter = (
        "I nderuar Z. Kryetar,\nJu shkruaj per gropen e madhe ne rrugen para shkolles.\nMe respekt"
    )
    refs = [
        pipeline.take_file(make_pdf(tmp_path / f"l{i}.pdf", f"{letter} {i}")).entry_ref
        for i in range(2)
    ]
    (y1, n1), (y2, n2) = (tuple(map(int, r.split("/"))) for r in refs if r)
    assert pipeline.book.get(y1, n1).status == "in_review"
    pipeline.book.update_routing(y2, n2, actor="ana", topic="mbetjet", addressee="keshilli",
                                 kind="kerkese", relevant=True)  # fmt: skip
    model = FixedClassifier()
    assert reclassify_unconfirmed(pipeline.book, model, actor="model") == 1
    first, second = pipeline.book.get(y1, n1), pipeline.book.get(y2, n2)
    assert (first.topic, first.status, first.needs_review) == ("rruget", "routed", False)
    assert "gropen" in model.seen[0]  # classified from the stored text
    assert first.reasons["topic"] == ["words: gropë"]
    assert (second.topic, second.addressee) == ("mbetjet", "keshilli")
    trail = pipeline.book.audit_trail(y1, n1)
    assert ("reclassify", "topic", None, "rruget") in {
        (a.action, a.field, a.old_value, a.new_value) for a in trail
    }
