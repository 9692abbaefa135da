"""Classifying stored letters again after the model was (re)trained: from the stored text, with
no OCR, and only where no reviewer has confirmed the routing yet."""

from __future__ import annotations

from extract.types import Extraction
from intake.letter import routing_of, text_to_classify
from intake.pipeline import Classifier
from registry import ProtocolBook, unconfirmed_letters


def reclassify_unconfirmed(book: ProtocolBook, classifier: Classifier, *, actor: str) -> int:
    """Reclassify every unconfirmed incoming entry; return how many changed."""
    changed = 0
    for letter in unconfirmed_letters(book.db):
        before = book.get(letter.year, letter.number)
        text = (
            text_to_classify(Extraction.from_dict(letter.extraction))
            if letter.extraction
            else letter.text
        )
        classification = classifier.classify(text, email_to=letter.recipients)
        after = book.reclassify(letter.year, letter.number, routing_of(classification), actor=actor)
        if (before.addressee, before.topic, before.kind, before.relevant, before.needs_review) != (
            after.addressee, after.topic, after.kind, after.relevant, after.needs_review,
        ):  # fmt: skip
            changed += 1
    return changed
