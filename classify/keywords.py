"""The words that speak for each label, learned from the training letters, for the reasons.

The bag-of-words categoriser hashes its features, so its weights cannot be read back as words.
Instead training records, per label, the words most over-represented in that label's letters
(log-odds ratio with an informative Dirichlet prior, Monroe et al. 2008). A prediction's reason
then lists the letter's own words that rank highest for the predicted label: "words: gropë,
asfalt, rrugë".
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from spacy.lang.sq.stop_words import STOP_WORDS

from classify.normalise import fold

_WORD = re.compile(r"[^\W\d_]{3,}")
_STOP = {fold(word) for word in STOP_WORDS}
_MIN_COUNT = 2
_PRIOR = 0.5


@functools.lru_cache(maxsize=16)
def words_of(text: str) -> tuple[tuple[str, str], ...]:
    """(folded, as written) for each word worth explaining with (cached: each dimension's
    reasons ask for the same letter's words)."""
    found = []
    for m in _WORD.finditer(text):
        folded = fold(m.group(0))
        if folded not in _STOP:
            found.append((folded, m.group(0)))
    return tuple(found)


def indicative_words(
    texts: Sequence[str], labels: Sequence[str], *, per_label: int = 60
) -> dict[str, dict[str, float]]:
    """For each label, its most indicative folded words with their z-scored log-odds."""
    by_label: dict[str, Counter[str]] = {}
    for text, label in zip(texts, labels, strict=True):
        counts = by_label.setdefault(label, Counter())
        counts.update({w for w, _ in words_of(text)})  # document frequency: one vote a letter
    total: Counter[str] = Counter()
    for counts in by_label.values():
        total.update(counts)
    total_n = sum(total.values())
    result: dict[str, dict[str, float]] = {}
    for label, counts in by_label.items():
        n_label = sum(counts.values())
        n_rest = total_n - n_label
        scores = {}
        for word, count in counts.items():
            if count < _MIN_COUNT:
                continue
            prior = _PRIOR * total[word] / total_n * len(total)
            rest = total[word] - count
            a0 = _PRIOR * len(total)
            delta = math.log((count + prior) / (n_label + a0 - count - prior)) - math.log(
                (rest + prior) / (n_rest + a0 - rest - prior)
            )
            variance = 1 / (count + prior) + 1 / (rest + prior)
            scores[word] = delta / math.sqrt(variance)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:per_label]
        result[label] = {word: round(score, 3) for word, score in best if score > 1.0}
    return result


def explaining_words(text: str, keywords: dict[str, float], *, limit: int = 4) -> list[str]:
    """The letter's words (as written) that rank highest for a label, best first."""
    seen: dict[str, str] = {}
    for folded, written in words_of(text):
        if folded in keywords and folded not in seen:
            seen[folded] = written.lower()
    ranked = sorted(seen, key=lambda w: (-keywords[w], w))
    return [seen[w] for w in ranked[:limit]]
