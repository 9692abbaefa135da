"""The corpus reader and the fixed held-out rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from classify import is_held_out, read_corpus
from classify.corpus import CorpusFormatError, parse_letter

from .conftest import CORPUS


def test_held_out_rule_depends_only_on_the_name() -> None:
    names = [f"x{i:03d}-letter" for i in range(200)]
    chosen = [n for n in names if is_held_out(n)]
    assert chosen == [n for n in names if is_held_out(n)]
    assert 20 < len(chosen) < 65


def test_parse_letter_and_reject_bad_headers() -> None:
    letter, header = parse_letter(
        "addressee: kryetari\ntopic: rruget\nkind: ankese\nrelevant: no\nlang: sq\n---\nTekst",
        source="a.txt",
    )
    assert (letter.addressee, letter.relevant, letter.text, header["lang"]) == (
        "kryetari",
        False,
        "Tekst",
        "sq",
    )
    with pytest.raises(CorpusFormatError):
        parse_letter("addressee: kryetari\n\nno separator", source="b.txt")


def test_malformed_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "a001-ok.txt").write_text(
        "addressee: kryetari\ntopic: rruget\nkind: ankese\nrelevant: yes\n---\nTekst\n"
    )
    (tmp_path / "a002-bad.txt").write_text("no header at all")
    corpus = read_corpus(tmp_path)
    assert len(corpus.all) == 1 and len(corpus.skipped) == 1


def test_heldout_listing_matches_the_rule() -> None:
    listing = CORPUS / "heldout.txt"
    if not listing.exists():
        pytest.skip("heldout.txt not written yet")
    listed = {line.strip() for line in listing.read_text().splitlines() if line.strip()}
    assert all(is_held_out(Path(name).stem) for name in listed)
    corpus = read_corpus(CORPUS)
    assert listed <= {x.source for x in corpus.heldout}
    assert not listed & {x.source for x in corpus.train}
