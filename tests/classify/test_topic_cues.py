"""Topic cue words that describe rather than name a subject, and robust auto-accept thresholds."""

from __future__ import annotations

import pytest

from classify.combine import choose_threshold, wilson_lower_bound
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
    assert choose_threshold(confidences, correct, min_accepted=20, z=0) == 1.0
    assert choose_threshold(confidences, correct, min_accepted=5, z=0) == 0.95
    # Five letters can never show 98% precision at 95% confidence.
    assert choose_threshold(confidences, correct, min_accepted=5) == 1.0


def test_threshold_takes_the_largest_precise_set() -> None:
    confidences = [1.0 - i / 100 for i in range(50)]
    assert choose_threshold(confidences, [True] * 50, min_accepted=20, z=0) == pytest.approx(0.51)


def test_threshold_needs_the_wilson_lower_bound_to_reach_the_target() -> None:
    confidences = [1.0 - i / 1000 for i in range(300)]
    # 132 right answers are not yet enough for a lower bound of 0.98; 133 are.
    assert choose_threshold(confidences[:132], [True] * 132) == 1.0
    assert choose_threshold(confidences[:133], [True] * 133) == pytest.approx(confidences[132])
    # One error among the first 200: the cut keeps only as many as the bound allows.
    correct = [True] * 300
    correct[10] = False
    cut = choose_threshold(confidences, correct)
    accepted = sum(c >= cut for c in confidences)
    assert accepted > 133
    assert wilson_lower_bound(accepted - 1, accepted) >= 0.98


def test_wilson_lower_bound_is_below_the_measured_precision() -> None:
    assert wilson_lower_bound(98, 100) < 0.98
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(133, 133) >= 0.98 > wilson_lower_bound(132, 132)
