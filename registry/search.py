"""Text folding for search: lower case, without diacritics, so "ndricim" finds "ndriçim"."""

from __future__ import annotations

from protokoll.text import strip_diacritics


def fold_for_search(text: str) -> str:
    return strip_diacritics(text.casefold())
