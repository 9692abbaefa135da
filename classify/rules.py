"""Rule evidence: where a letter names its addressee, its place, and cues for kind and topic.

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
_CUE_SATURATION = 4
_SALUTATION_CHARS = 60


@dataclass(frozen=True)
class RuleHit:
    """One piece of rule evidence for a label in a dimension.

    `context` says where it was found: header, salutation, address, email, subject or body.
    """

    dimension: str
    label: str
    context: str
    reason: str
    strength: float = 1.0

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
def _compiled() -> dict[str, object]:
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
    offices: dict[str, re.Pattern[str]] = _compiled()["offices"]  # type: ignore[assignment]
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
    others: dict[str, re.Pattern[str]] = _compiled()["others"]  # type: ignore[assignment]
    return [name for name, pattern in others.items() if pattern.search(folded)]


@dataclass(frozen=True)
class _Line:
    index: int
    folded: str
    original: str


def _addressee_lines(text: NormalisedText) -> dict[str, list[_Line]]:
    """The lines that name the addressee, by context: header, salutation and address block."""
    c = _compiled()
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
        if i not in header_indexes and line.strip() and not cc_re.match(line):
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
    c = _compiled()
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
    c = _compiled()
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


def subject_line(text: NormalisedText) -> str:
    """The folded text of the "Lënda:"/"Subject:" line, or ""."""
    subject_re: re.Pattern[str] = _compiled()["subject"]  # type: ignore[assignment]
    for line in text.folded_lines[:40]:
        m = subject_re.match(line)
        if m:
            return m.group(1).strip()
    return ""


def kind_hits(text: NormalisedText) -> list[RuleHit]:
    """Phrases that mark a letter as a reply, an invitation, a notice, a request..."""
    kinds: dict[str, re.Pattern[str]] = _compiled()["kinds"]  # type: ignore[assignment]
    subject = subject_line(text)
    hits: list[RuleHit] = []
    for label, pattern in kinds.items():
        if subject and (m := pattern.search(subject)):
            hits.append(RuleHit("kind", label, "subject", f"subject says '{m.group(0)}'"))
        if m := pattern.search(text.folded):
            phrase = _as_written(text, m.start(), m.end())
            hits.append(RuleHit("kind", label, "body", f"phrase '{phrase}'"))
    return hits


def _as_written(text: NormalisedText, start: int, end: int) -> str:
    """The original spelling of a folded span, when folding kept the text's length."""
    if len(text.original) == len(text.folded):
        return text.original[start:end].lower()
    return text.folded[start:end]


def _without_office_names(folded: str) -> str:
    """Blank out office names (same length), so "Drejtoria e Taksave" is no topic cue for taxes."""
    offices: dict[str, re.Pattern[str]] = _compiled()["offices"]  # type: ignore[assignment]
    for pattern in offices.values():
        folded = pattern.sub(lambda m: " " * len(m.group(0)), folded)
    return folded


def topic_hits(text: NormalisedText) -> list[RuleHit]:
    """Topic cue words from the lexicon: in the subject line, and counted over the letter."""
    topics: dict[str, re.Pattern[str]] = _compiled()["topics"]  # type: ignore[assignment]
    subject = _without_office_names(subject_line(text))
    body = _without_office_names(text.folded)
    hits: list[RuleHit] = []
    for label, pattern in topics.items():
        if subject and (m := pattern.search(subject)):
            hits.append(RuleHit("topic", label, "subject", f"subject mentions '{m.group(0)}'"))
        matches = list(pattern.finditer(body))
        if matches:
            words = list(dict.fromkeys(_as_written(text, m.start(), m.end()) for m in matches))
            strength = min(len(matches), _CUE_SATURATION) / _CUE_SATURATION
            reason = "topic words: " + ", ".join(words[:3])
            hits.append(RuleHit("topic", label, "cue", reason, strength))
    return hits


@dataclass(frozen=True)
class Evidence:
    """All rule hits for one letter, and the feature tokens the model sees."""

    hits: tuple[RuleHit, ...]

    def for_dimension(self, dimension: str) -> list[RuleHit]:
        return [hit for hit in self.hits if hit.dimension == dimension]

    def feature_text(self) -> str:
        return " ".join(hit.feature for hit in self.hits if hit.dimension != "topic")


def gather_evidence(text: NormalisedText, *, email_to: Sequence[str] = ()) -> Evidence:
    """Run every rule over one letter."""
    hits = (
        addressee_hits(text, email_to=email_to)
        + relevance_hits(text, email_to=email_to)
        + kind_hits(text)
        + topic_hits(text)
    )
    return Evidence(hits=tuple(hits))
