"""Whether a PDF page's text layer carries real text, or is empty, garbage or a poor OCR layer.

The score is the share of a page's visible characters that are letters in plausible words:

    score = letters in plausible words / non-whitespace characters

A token is a plausible word when, stripped of the punctuation around it, it is made only of
letters (any script, so ë and ç count), is 1 to 24 letters long, has a vowel if it is longer
than three letters (Albanian and English words do; "brwn", "xkcd" and scanner junk mostly do
not), and is written in lower, Title or UPPER case (not "tHiS"). Digits, symbols and `(cid:12)`
placeholders count against the score.

A page has real text when its score is at least `MIN_SCORE` and it has at least
`MIN_WORD_LETTERS` letters in plausible words: a page number alone is not a page of text.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_SCORE = 0.5
MIN_WORD_LETTERS = 40
_MAX_WORD_LENGTH = 24
_VOWELS = frozenset("aeiouyëäöüéèêàáâíìîóòôúùûAEIOUYËÄÖÜÉÈÊÀÁÂÍÌÎÓÒÔÚÙÛ")
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}«»„“”‘’-–—/…*"


@dataclass(frozen=True)
class TextQuality:
    """How much of a text is letters in plausible words."""

    score: float  # 0..1
    word_letters: int
    visible_characters: int

    @property
    def is_real_text(self) -> bool:
        return self.score >= MIN_SCORE and self.word_letters >= MIN_WORD_LETTERS


def measure_text_quality(text: str) -> TextQuality:
    """Score a text layer; see the module docstring for the definition."""
    visible = sum(1 for ch in text if not ch.isspace())
    word_letters = sum(
        len(word)
        for word in (token.strip(_EDGE_PUNCTUATION) for token in text.split())
        if is_plausible_word(word)
    )
    score = word_letters / visible if visible else 0.0
    return TextQuality(score=round(score, 3), word_letters=word_letters, visible_characters=visible)


def is_real_text(text: str) -> bool:
    """True when a text layer is good enough to use instead of OCR."""
    return measure_text_quality(text).is_real_text


def is_plausible_word(word: str) -> bool:
    """A run of letters that could be an Albanian or English word."""
    if not word or len(word) > _MAX_WORD_LENGTH or not word.isalpha():
        return False
    if len(word) > 3 and not any(ch in _VOWELS for ch in word):
        return False
    return word.islower() or word.isupper() or word.istitle()
