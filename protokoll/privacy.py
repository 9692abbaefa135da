"""Personal ID numbers (Albanian NID: a letter, 8 digits, a letter, e.g. J45812034K): finding
them in a letter, and masking them wherever text leaves the register (logs, exports, the daily
register). A business NIPT has the same shape; one labelled "NIPT"/"NUIS" is not personal."""

from __future__ import annotations

import re

_NID = re.compile(r"(?<![\w])([A-Za-z])(\d{8})([A-Za-z])(?![\w])")
_BUSINESS_ID_BEFORE = re.compile(r"(?:nipt|nuis|nius)\W{0,3}$", re.IGNORECASE)


def _is_business_id(text: str, start: int) -> bool:
    return bool(_BUSINESS_ID_BEFORE.search(text[max(0, start - 12) : start]))


def find_personal_ids(text: str) -> tuple[str, ...]:
    """Albanian personal ID numbers (NID), upper-cased, in order, without duplicates."""
    found: list[str] = []
    for m in _NID.finditer(text):
        nid = m.group(0).upper()
        if not _is_business_id(text, m.start()) and nid not in found:
            found.append(nid)
    return tuple(found)


def mask_personal_ids(text: str) -> str:
    """Hide the digits of every personal ID number: J45812034K becomes J********K."""

    def mask(m: re.Match[str]) -> str:
        if _is_business_id(text, m.start()):
            return m.group(0)
        return f"{m.group(1)}{'*' * 8}{m.group(3)}"

    return _NID.sub(mask, text)
