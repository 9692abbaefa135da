"""Rule evidence for kind and topic: the subject line, and the phrases and words that mark them.

Kind cues ("Në përgjigje të shkresës suaj", "ligji 119/2014", "ju ftojmë") and topic cue words
("gropë", "ndriçim", "kazan") come from `vocabulary`. Office names are blanked out before topic
cues are counted: "Drejtoria e Taksave" in an address says nothing about what a letter is about.
"""

from __future__ import annotations

import re

from classify.normalise import NormalisedText
from classify.rules import RuleHit, compiled_patterns

_CUE_SATURATION = 4


def subject_line(text: NormalisedText) -> str:
    """The folded text of the "Lënda:"/"Subject:" line, or ""."""
    subject_re: re.Pattern[str] = compiled_patterns()["subject"]  # type: ignore[assignment]
    for line in text.folded_lines[:40]:
        m = subject_re.match(line)
        if m:
            return m.group(1).strip()
    return ""


def kind_hits(text: NormalisedText) -> list[RuleHit]:
    """Phrases that mark a letter as a reply, an invitation, a notice, a request..."""
    kinds: dict[str, re.Pattern[str]] = compiled_patterns()["kinds"]  # type: ignore[assignment]
    subject = subject_line(text)
    hits: list[RuleHit] = []
    for label, pattern in kinds.items():
        if subject and (m := pattern.search(subject)):
            hits.append(RuleHit("kind", label, "subject", f"subject says '{m.group(0)}'"))
        if m := pattern.search(text.folded):
            phrase = _as_written(text, m.start(), m.end())
            hits.append(RuleHit("kind", label, "body", f"phrase '{phrase}'"))
    return hits


def _as_written(text: NormalisedText, start: int, end: int) -> str:
    """The original spelling of a folded span, when folding kept the text's length."""
    if len(text.original) == len(text.folded):
        return text.original[start:end].lower()
    return text.folded[start:end]


def _without_office_names(folded: str) -> str:
    """Blank out office names (same length), so "Drejtoria e Taksave" is no topic cue for taxes."""
    offices: dict[str, re.Pattern[str]] = compiled_patterns()["offices"]  # type: ignore[assignment]
    for pattern in offices.values():
        folded = pattern.sub(lambda m: " " * len(m.group(0)), folded)
    return folded


def topic_hits(text: NormalisedText) -> list[RuleHit]:
    """Topic cue words from the lexicon: in the subject line, and counted over the letter."""
    topics: dict[str, re.Pattern[str]] = compiled_patterns()["topics"]  # type: ignore[assignment]
    subject = _without_office_names(subject_line(text))
    body = _without_office_names(text.folded)
    hits: list[RuleHit] = []
    for label, pattern in topics.items():
        if subject and (m := pattern.search(subject)):
            hits.append(RuleHit("topic", label, "subject", f"subject mentions '{m.group(0)}'"))
        matches = list(pattern.finditer(body))
        if matches:
            words = list(dict.fromkeys(_as_written(text, m.start(), m.end()) for m in matches))
            strength = min(len(matches), _CUE_SATURATION) / _CUE_SATURATION
            reason = "topic words: " + ", ".join(words[:3])
            hits.append(RuleHit("topic", label, "cue", reason, strength, len(matches)))
    hits.extend(_information_request(text))
    return hits


def _information_request(text: NormalisedText) -> list[RuleHit]:
    """A request for public information is about information, whatever it concerns.

    The corpus rule: asking for documents, copies of decisions or certificates is `informim`
    even when the documents are about a building permit or a tender, so the phrases that make a
    letter's kind `kerkese-informacioni` are evidence for the topic too.
    """
    kinds: dict[str, re.Pattern[str]] = compiled_patterns()["kinds"]  # type: ignore[assignment]
    m = kinds["kerkese-informacioni"].search(text.folded)
    if not m:
        return []
    phrase = _as_written(text, m.start(), m.end())
    return [RuleHit("topic", "informim", "request", f"asks for public information: '{phrase}'")]
