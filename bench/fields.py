"""Measure field extraction on the labelled corpus: how often the sender comes out right.

    .venv/bin/python bench/fields.py [--corpus samples/corpus] [--misses N]

Every corpus letter's header names its sender as the letter names it. A sender counts as found
when, case- and diacritic-folded, the extracted name contains the labelled one or the other way
round: "Av. Besmir Koka" for "Besmir Koka" is right, a person who signs for an association
labelled with the association's name is not. Prints the share found, the share left empty,
and with --misses a sample of the letters missed. No rule here is fitted to the corpus by
training; the figure is still measured on letters the rules were written against.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from classify import extract_fields, read_corpus  # noqa: E402
from classify.normalise import fold  # noqa: E402


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=Path("samples/corpus"))
    parser.add_argument("--misses", type=int, default=0, help="print this many missed letters")
    args = parser.parse_args()
    corpus = read_corpus(args.corpus)
    found = empty = total = 0
    misses = []
    for letter in corpus.all:
        truth = _folded(corpus.headers.get(letter.source, {}).get("sender", ""))
        if not truth:
            continue
        total += 1
        got = _folded(extract_fields(letter.text).sender_name)
        if got and (got in truth or truth in got):
            found += 1
        else:
            empty += not got
            misses.append((letter.source, truth, got))
    print(f"sender found in {found} of {total} letters ({found / total:.3f}); empty {empty}")
    for source, truth, got in random.Random(0).sample(misses, min(args.misses, len(misses))):
        print(f"  {source}: labelled {truth[:50]!r}, extracted {got[:50]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
