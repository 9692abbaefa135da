"""Stripping diacritics, the one way: ë -> e, ç -> c. Classification matches Albanian words
written without diacritics with it, and search finds "ndricim" for "ndriçim" with it."""

from __future__ import annotations

import unicodedata


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
