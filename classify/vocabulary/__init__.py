"""The rule vocabularies: office names, places, and cue words, all as folded regex fragments.

Everything here is data. Patterns are matched against diacritic-folded, lower-cased text (see
`normalise.fold`), so "Këshillit" is written "keshillit". `\\w*` endings absorb Albanian
inflection (Kryetar, Kryetari, Kryetarit, Kryetarin, Kryetares...). A deployment for another
municipality edits offices.py and places.py.
"""

from __future__ import annotations

from classify.vocabulary.kinds import KIND_CUES
from classify.vocabulary.markers import ADVERTISING, CHAIN_LETTER, PRIVATE_MAIL
from classify.vocabulary.offices import (
    ADDRESSEE_HEADER,
    CC_OR_SENDER_HEADER,
    NOT_A_NAME,
    OFFICE_PATTERNS,
    PERSONAL_SALUTATION,
    SALUTATION,
)
from classify.vocabulary.places import CENTRAL_INSTITUTIONS, OTHER_MUNICIPALITIES, VLORE_PLACES
from classify.vocabulary.topics import TOPIC_CUES

__all__ = [
    "ADDRESSEE_HEADER",
    "ADVERTISING",
    "CC_OR_SENDER_HEADER",
    "CENTRAL_INSTITUTIONS",
    "CHAIN_LETTER",
    "KIND_CUES",
    "OFFICE_PATTERNS",
    "NOT_A_NAME",
    "OTHER_MUNICIPALITIES",
    "PERSONAL_SALUTATION",
    "PRIVATE_MAIL",
    "SALUTATION",
    "TOPIC_CUES",
    "VLORE_PLACES",
]
