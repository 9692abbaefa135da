"""Text normalisation for classification: lower-casing and diacritic folding (ë->e, ç->c).

Letters arrive with and without diacritics ("Këshillit", "Keshillit"), so every rule and every
trained component works on the folded form. The original is kept alongside so that reasons can
quote the letter as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from protokoll.text import strip_diacritics

_EXTRA_FOLDS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u00df": "ss",
    }
)
_SPACES = re.compile(r"[ \t\f\v]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping length-preserving ASCII where possible."""
    return strip_diacritics(text.translate(_EXTRA_FOLDS)).lower()


def fold_word(word: str) -> str:
    """Fold one word or phrase, collapsing inner whitespace."""
    return _SPACES.sub(" ", fold(word)).strip()


@dataclass(frozen=True)
class NormalisedText:
    """A letter's text as written and as folded, line by line."""

    original: str
    folded: str

    @classmethod
    def of(cls, text: str) -> NormalisedText:
        return cls(original=text, folded=fold(text))

    @property
    def folded_lines(self) -> list[str]:
        return self.folded.splitlines()

    @property
    def original_lines(self) -> list[str]:
        return self.original.splitlines()
