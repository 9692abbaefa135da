"""How close extracted text is to a sample's expected text: normalisation and character error rate."""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "files"
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})


def normalise(text: str) -> str:
    """One space between words, straight quotes: layout is not what we measure."""
    return " ".join(text.translate(_QUOTES).split())


def expected_text(sample: str) -> str:
    return normalise((SAMPLES / f"{sample}.expected.txt").read_text(encoding="utf-8"))


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def character_error_rate(got: str, expected: str) -> float:
    """Edits needed to turn `got` into `expected`, per character of `expected`."""
    expected, got = normalise(expected), normalise(got)
    return levenshtein(got, expected) / max(1, len(expected))
