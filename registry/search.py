"""Text folding for search: lower case, without diacritics, so "ndricim" finds "ndriçim"."""

from __future__ import annotations

import unicodedata


def fold_for_search(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
