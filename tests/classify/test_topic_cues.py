"""Topic cue words that describe rather than name a subject, and robust auto-accept thresholds."""

from __future__ import annotations

import pytest

from classify.combine import choose_threshold
from classify.cue_rules import topic_hits
from classify.normalise import NormalisedText


def _cue_labels(text: str) -> set[str]:
    return {hit.label for hit in topic_hits(NormalisedText.of(text)) if hit.context == "cue"}


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Rruga jonë është në errësirë, llamba e shtyllës nuk ndizet.", "ndricimi"),
        ("Rruga jone eshte ne erresire, llamba e shtylles nuk ndizet.", "ndricimi"),
        ("The street has been dark for weeks, the lamps are out.", "ndricimi"),
        ("Qentë lehin gjithë natën dhe muzika e lokalit nuk na lë të flemë.", "mjedisi"),
        ("I would like to apply for an internship; my CV is attached.", "punesimi"),
        ("Dëshiroj të aplikoj për një vend pune, bashkëlidhur CV.", "punesimi"),
        ("The water pipe burst and there is a leak under the road.", "ujesjelles"),
        ("Koshat e mbeturinave nuk janë boshatisur prej një jave.", "mbetjet"),
    ],
)
def test_described_topics_have_cues(text: str, topic: str) -> None:
    assert topic in _cue_labels(text)


def test_a_counter_is_no_sport() -> None:
    assert "arsimi-kultura" not in _cue_labels("Punonjësja e sportelit ishte e sjellshme.")


def test_information_request_is_topic_evidence_for_informim() -> None:
    text = "Në bazë të ligjit 119/2014, kërkoj kopjen e lejes së ndërtimit."
    hits = topic_hits(NormalisedText.of(text))
    assert any(h.label == "informim" and h.context == "request" for h in hits)


def test_threshold_needs_enough_accepted_letters() -> None:
    # Five right at the top, then errors: 100% precise, but on too few letters to trust.
    confidences = [0.99, 0.98, 0.97, 0.96, 0.95] + [0.5] * 30
    correct = [True] * 5 + [False] * 30
    assert choose_threshold(confidences, correct, min_accepted=20) == 1.0
    assert choose_threshold(confidences, correct, min_accepted=5) == 0.95


def test_threshold_takes_the_largest_precise_set() -> None:
    confidences = [1.0 - i / 100 for i in range(50)]
    assert choose_threshold(confidences, [True] * 50, min_accepted=20) == pytest.approx(0.51)
