"""Rule evidence for addressee and relevance: where a letter names its addressee and its place.

The rules run over diacritic-folded text (regexes, where a pattern over a line is clearer than a
token matcher) and report `RuleHit`s. Each hit carries a clerk-readable reason quoting the letter
as written, and a feature token that the trained text categorisers see next to the words, so the
model learns how far to trust each kind of evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from classify import vocabulary as vocab
from classify.normalise import NormalisedText, fold

# How many lines at the top of a letter may hold its address block.
_ADDRESS_BLOCK_LINES = 12
_QUOTE_CHARS = 70
_SALUTATION_CHARS = 60
_ADDRESS_LINE_CHARS = 90


@dataclass(frozen=True)
class RuleHit:
    """One piece of rule evidence for a label in a dimension.

    `context` says where it was found: header, salutation, address, email, subject or body.
    """

    dimension: str
    label: str
    context: str
    reason: str
    strength: float = 1.0  # in (0, 1]; topic cues grow with the number of cue words
    count: int = 1  # how many times the cue words occur (topic cues)

    @property
    def feature(self) -> str:
        return "zz" + "".join(
            ch for ch in f"{self.dimension[:4]}{self.context}{self.label}" if ch.isalnum()
        )


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    label: str


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + ")")


@lru_cache(maxsize=1)
def compiled_patterns() -> dict[str, object]:
    return {
        "offices": {label: _compile(pats) for label, pats in vocab.OFFICE_PATTERNS.items()},
        "header": re.compile(vocab.ADDRESSEE_HEADER),
        "cc": re.compile(vocab.CC_OR_SENDER_HEADER),
        "salutation": re.compile(vocab.SALUTATION),
        "others": {name: _compile(pats) for name, pats in vocab.OTHER_MUNICIPALITIES.items()},
        "vlore": _compile(vocab.VLORE_PLACES),
        "central": _compile(vocab.CENTRAL_INSTITUTIONS),
        "advertising": _compile(vocab.ADVERTISING),
        "chain": _compile(vocab.CHAIN_LETTER),
        "private": _compile(vocab.PRIVATE_MAIL),
        "kinds": {label: _compile(pats) for label, pats in vocab.KIND_CUES.items()},
        "topics": {label: _compile(pats) for label, pats in vocab.TOPIC_CUES.items()},
        "subject": re.compile(r"^\s*(?:lenda|subject|objekti|tema|re)\s*:(.*)$"),
    }


def _quote(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= _QUOTE_CHARS else line[: _QUOTE_CHARS - 1] + "…"


def offices_in(folded: str) -> list[str]:
    """Offices named in a piece of folded text, in order, overlaps resolved to the longest.

    "Bashkia Vlorë" only counts as the Mayor when no other office is named beside it.
    """
    offices: dict[str, re.Pattern[str]] = compiled_patterns()["offices"]  # type: ignore[assignment]
    matches = [
        _Match(m.start(), m.end(), label)
        for label, pattern in offices.items()
        for m in pattern.finditer(folded)
    ]
    matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[_Match] = []
    for match in matches:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    explicit = [m for m in kept if not folded[m.start : m.end].startswith(("bashki", "munic"))]
    chosen = explicit or kept
    return [m.label for m in chosen]


def _places(folded: str) -> list[str]:
    others: dict[str, re.Pattern[str]] = compiled_patterns()["others"]  # type: ignore[assignment]
    return [name for name, pattern in others.items() if pattern.search(folded)]


@dataclass(frozen=True)
class _Line:
    index: int
    folded: str
    original: str


def _addressee_lines(text: NormalisedText) -> dict[str, list[_Line]]:
    """The lines that name the addressee, by context: header, salutation and address block."""
    c = compiled_patterns()
    header_re: re.Pattern[str] = c["header"]  # type: ignore[assignment]
    cc_re: re.Pattern[str] = c["cc"]  # type: ignore[assignment]
    salutation_re: re.Pattern[str] = c["salutation"]  # type: ignore[assignment]
    folded_lines = text.folded_lines
    original_lines = text.original_lines
    found: dict[str, list[_Line]] = {"header": [], "salutation": [], "address": []}
    salutation_at = None
    for i, line in enumerate(folded_lines):
        if header_re.match(line):
            found["header"].append(_Line(i, line, original_lines[i]))
            if not line.split(":", 1)[1].strip():
                following = [j for j in range(i + 1, min(i + 4, len(folded_lines)))]
                for j in [j for j in following if folded_lines[j].strip()][:2]:
                    found["header"].append(_Line(j, folded_lines[j], original_lines[j]))
        elif salutation_at is None and salutation_re.match(line):
            salutation_at = i
            # Only the opening words: a salutation may run on into the first paragraph.
            cut = _SALUTATION_CHARS
            found["salutation"].append(_Line(i, line[:cut], original_lines[i][:cut]))
    block_end = salutation_at if salutation_at is not None else _ADDRESS_BLOCK_LINES
    header_indexes = {line.index for line in found["header"]}
    for i, line in enumerate(folded_lines[: min(block_end, _ADDRESS_BLOCK_LINES)]):
        # An address line is short; a long line is already the body of a letter without salutation.
        is_short = 0 < len(line.strip()) <= _ADDRESS_LINE_CHARS
        if i not in header_indexes and is_short and not cc_re.match(line):
            found["address"].append(_Line(i, line, original_lines[i]))
    return found


_EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+\.)+[a-z]{2,}")
_EMAIL_ALIASES: dict[str, tuple[str, ...]] = {
    "kryetari": ("kryetar", "mayor", "kabinet"),
    "nenkryetari": ("nenkryetar", "zevendeskryetar", "deputy"),
    "keshilli": ("keshill", "council"),
    "planifikimi": ("planifik", "urbanist", "planning", "aplr"),
    "sherbimet-publike": ("sherbimet", "sherbime", "publicservices"),
    "taksat": ("taks", "tatim", "tax"),
    "sociale": ("social", "strehim"),
    "arsimi-kultura": ("arsim", "kultur", "sport", "educat"),
    "juridike": ("juridik", "legal"),
    "burimet-njerezore": ("burimet", "hr", "njerezore", "personel"),
    "financa": ("financ", "buxhet", "budget"),
    "marredheniet-publike": ("info", "informim", "protokoll", "publik", "press"),
    "policia-bashkiake": ("polici", "police"),
    "transporti": ("transport", "levizshm"),
}


def _email_offices(addresses: Sequence[str]) -> list[tuple[str, str]]:
    """(office, address) for each recipient address whose mailbox names an office."""
    found = []
    for address in addresses:
        local = fold(address).split("@", 1)[0]
        for office, aliases in _EMAIL_ALIASES.items():
            if any(local.startswith(alias) for alias in aliases):
                found.append((office, address))
                break
    return found


def lines_of(text: NormalisedText, context: str) -> list[str]:
    """The folded lines of one addressee context (header, salutation or address)."""
    return [line.folded for line in _addressee_lines(text)[context]]


def addressee_hits(text: NormalisedText, *, email_to: Sequence[str] = ()) -> list[RuleHit]:
    """Where the letter names the office it is written to."""
    hits: list[RuleHit] = []
    for context, lines in _addressee_lines(text).items():
        for line in lines:
            for office in offices_in(line.folded)[:1]:
                reason = (
                    f"salutation '{_quote(line.original)}'"
                    if context == "salutation"
                    else f"'{_quote(line.original)}'"
                )
                if context == "address":
                    reason = f"address block '{_quote(line.original)}'"
                hits.append(RuleHit("addressee", office, context, reason))
    in_text = [m.group(0) for line in lines_of(text, "header") for m in _EMAIL_RE.finditer(line)]
    for office, address in _email_offices(list(email_to) + in_text):
        hits.append(RuleHit("addressee", office, "email", f"e-mail to {address}"))
    return hits


def relevance_hits(text: NormalisedText, *, email_to: Sequence[str] = ()) -> list[RuleHit]:
    """Evidence that the letter concerns Vlore, or reached us meant for someone else."""
    c = compiled_patterns()
    central: re.Pattern[str] = c["central"]  # type: ignore[assignment]
    vlore: re.Pattern[str] = c["vlore"]  # type: ignore[assignment]
    hits: list[RuleHit] = []
    lines = _addressee_lines(text)
    addressed = lines["header"] + lines["salutation"]
    for line in addressed:
        for name in _places(line.folded):
            hits.append(
                RuleHit(
                    "relevance",
                    "not-relevant",
                    "header",
                    f"addressed to {name}, another municipality: '{_quote(line.original)}'",
                )
            )
        if central.search(line.folded):
            reason = f"addressed to a central institution: '{_quote(line.original)}'"
            hits.append(RuleHit("relevance", "not-relevant", "central", reason))
        if (
            vlore.search(line.folded)
            and offices_in(line.folded)
            and not central.search(line.folded)
        ):
            reason = f"addressed to Bashkia Vlorë: '{_quote(line.original)}'"
            hits.append(RuleHit("relevance", "relevant", "header", reason))
    in_text = [m.group(0) for line in lines_of(text, "header") for m in _EMAIL_RE.finditer(line)]
    for address in list(email_to) + in_text:
        domain = fold(address).rsplit("@", 1)[-1]
        if "vlor" in domain:
            hits.append(RuleHit("relevance", "relevant", "email", f"e-mail to {address}"))
        for name, patterns in vocab.OTHER_MUNICIPALITIES.items():
            stem = patterns[0].split("\\")[0]
            if stem in domain:
                reason = f"e-mail to {address} ({name}, another municipality)"
                hits.append(RuleHit("relevance", "not-relevant", "email", reason))
    hits.extend(_mention_hits(text.folded))
    return hits


_MUNICIPALITY_MENTION = re.compile(r"\bbashki\w* (?:e |se |te )?(\w+)")


def _mention_hits(folded: str) -> list[RuleHit]:
    c = compiled_patterns()
    hits: list[RuleHit] = []
    named = set()
    for m in _MUNICIPALITY_MENTION.finditer(folded):
        for name in _places(m.group(1)):
            if name not in named:
                named.add(name)
                reason = f"mentions Bashkia {name} (another municipality)"
                hits.append(RuleHit("relevance", "not-relevant", "body", reason))
    for name in _places(folded):
        if name not in named:
            named.add(name)
            reason = f"mentions {name} (another municipality)"
            hits.append(RuleHit("relevance", "not-relevant", "place", reason))
    vlore: re.Pattern[str] = c["vlore"]  # type: ignore[assignment]
    places = sorted({m.group(0) for m in vlore.finditer(folded)})
    if places:
        reason = f"mentions {', '.join(places[:3])} (Vlorë and its units)"
        hits.append(RuleHit("relevance", "relevant", "body", reason))
    markers = (
        ("advertising", "advertising"),
        ("chain", "chain letter"),
        ("private", "private mail"),
    )
    for kind, label in markers:
        pattern: re.Pattern[str] = c[kind]  # type: ignore[assignment]
        cues = sorted({m.group(0) for m in pattern.finditer(folded)})
        if cues:
            reason = f"{label} markers: " + ", ".join(f"'{cue}'" for cue in cues[:3])
            context = kind if len(cues) > 1 else kind + "weak"
            hits.append(RuleHit("relevance", "not-relevant", context, reason))
    return hits
