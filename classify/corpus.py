"""Reading the labelled letter corpus, and the fixed rule that holds letters out of training.

A letter is held out when the SHA-1 of its file stem, read as an integer, is divisible by five.
The rule looks at nothing but the letter's own name, so adding or removing other letters never
moves a letter between the splits. `samples/corpus/heldout.txt` records the resulting list.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from classify.types import LabelledLetter

HELDOUT_MODULUS = 5
_HEADER_SEPARATOR = "---"


class CorpusFormatError(ValueError):
    """A corpus file does not follow samples/corpus/README.md."""


def is_held_out(stem: str) -> bool:
    """True when the letter with this file stem belongs to the held-out split."""
    digest = hashlib.sha1(stem.encode("utf-8")).hexdigest()
    return int(digest, 16) % HELDOUT_MODULUS == 0


@dataclass(frozen=True)
class Corpus:
    """The training and held-out letters, and each letter's header (sender, subject, lang...)."""

    train: list[LabelledLetter]
    heldout: list[LabelledLetter]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def all(self) -> list[LabelledLetter]:
        return self.train + self.heldout


def parse_letter(raw: str, *, source: str) -> tuple[LabelledLetter, dict[str, str]]:
    """One corpus file's text as a labelled letter plus its header fields."""
    lines = raw.replace("\r\n", "\n").split("\n")
    try:
        separator = next(i for i, line in enumerate(lines) if line.strip() == _HEADER_SEPARATOR)
    except StopIteration as exc:
        raise CorpusFormatError(f"{source}: no '---' line after the header") from exc
    header: dict[str, str] = {}
    for line in lines[:separator]:
        if ":" in line:
            key, value = line.split(":", 1)
            header[key.strip().lower()] = value.strip()
    missing = [key for key in ("addressee", "topic", "kind", "relevant") if not header.get(key)]
    if missing:
        raise CorpusFormatError(f"{source}: header lacks {', '.join(missing)}")
    relevant = header["relevant"].lower()
    if relevant not in ("yes", "no"):
        raise CorpusFormatError(f"{source}: relevant must be yes or no, not {relevant!r}")
    letter = LabelledLetter(
        text="\n".join(lines[separator + 1 :]).strip("\n"),
        addressee=header["addressee"],
        topic=header["topic"],
        kind=header["kind"],
        relevant=relevant == "yes",
        source=source,
    )
    return letter, header


def letters_dir(path: Path) -> Path:
    """Accept the corpus directory or its `letters/` folder."""
    return path / "letters" if (path / "letters").is_dir() else path


def read_corpus(path: Path | str) -> Corpus:
    """Every letter under `path`, split by `is_held_out`. Malformed files are listed as skipped."""
    root = letters_dir(Path(path))
    train: list[LabelledLetter] = []
    heldout: list[LabelledLetter] = []
    headers: dict[str, dict[str, str]] = {}
    skipped: list[str] = []
    for file in sorted(root.glob("*.txt")):
        try:
            letter, header = parse_letter(file.read_text(encoding="utf-8"), source=file.name)
        except (CorpusFormatError, UnicodeDecodeError) as exc:
            skipped.append(f"{file.name}: {exc}")
            continue
        headers[file.name] = header
        (heldout if is_held_out(file.stem) else train).append(letter)
    return Corpus(train=train, heldout=heldout, headers=headers, skipped=skipped)


def heldout_listing(corpus: Corpus) -> str:
    """The text of heldout.txt: one file name per line, sorted."""
    return "".join(
        f"{letter.source}\n" for letter in sorted(corpus.heldout, key=lambda x: x.source)
    )
