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
# How many lines at the top may hold a greeting by first name.
_PERSONAL_LINES = 15
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
    municipality: str = ""  # the other municipality a relevance hit names as the recipient

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
        "personal": re.compile(vocab.PERSONAL_SALUTATION),
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
    explicit = [m for m in kept if not _is_generic(folded[m.start : m.end])]
    chosen = explicit or kept
    return [m.label for m in chosen]


def _is_generic(matched: str) -> bool:
    """ "Bashkia Vlore" names the institution, not an office: the Mayor only by default."""
    return matched.startswith(("bashki", "munic", "vlor"))


def _names_only_the_institution(folded: str) -> bool:
    offices: dict[str, re.Pattern[str]] = compiled_patterns()["offices"]  # type: ignore[assignment]
    found = [m.group(0) for pattern in offices.values() for m in pattern.finditer(folded)]
    return bool(found) and all(_is_generic(x) for x in found)


_OWN_INSTITUTION = re.compile(r"\b(?:bashki|municipal|mayor|kryebashkiak)")


def _head_of_a_central_institution(folded: str, office: str) -> bool:
    """ "Kryetares se Kuvendit" is the Speaker of Parliament, not our Mayor."""
    central: re.Pattern[str] = compiled_patterns()["central"]  # type: ignore[assignment]
    return (
        office in ("kryetari", "nenkryetari")
        and bool(central.search(folded))
        and not _OWN_INSTITUTION.search(folded)
    )


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
            for j in _header_continuation(folded_lines, i):
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


def _header_continuation(folded_lines: Sequence[str], at: int) -> list[int]:
    """The lines that continue a "Drejtuar:" line: the rest of the recipient's address.

    "Drejtuar: Koordinatorit per te Drejten e Informimit" goes on with "Ministria e Turizmit,
    Tirane" on the next line. An empty "Drejtuar:" may be followed by a blank line first; a
    filled one runs on until the first blank, subject, copy or salutation line.
    """
    c = compiled_patterns()
    stops: tuple[re.Pattern[str], ...] = (c["cc"], c["subject"], c["salutation"], c["header"])  # type: ignore[assignment]
    empty = not folded_lines[at].split(":", 1)[1].strip()
    following: list[int] = []
    for j in range(at + 1, min(at + 4, len(folded_lines))):
        line = folded_lines[j]
        if not line.strip():
            if empty and not following:
                continue
            break
        if len(line.strip()) > _ADDRESS_LINE_CHARS or any(p.match(line) for p in stops):
            break
        following.append(j)
        if len(following) == 2:
            break
    return following


_MONTHS = (
    r"(?:jan|feb|mar|apr|may|maj|jun|jul|aug|sep|oct|nov|dec|shk|pri|qer|kor|gus|sht|tet|nen|dhj)"
)
# The reference or date line of a formal letter: "Nr. 302 Prot., date 05.05.2026",
# "Tirana, 15 January 2026", "Vlore, me 3 mars 2026".
_REFERENCE_LINE = re.compile(
    r"^\s*(?:nr|no|ref|prot)\b"
    r"|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b"
    rf"|\b\d{{1,2}}\.? {_MONTHS}\w* (?:19|20)\d{{2}}\b"
    rf"|\b{_MONTHS}\w* \d{{1,2}},? (?:19|20)\d{{2}}\b"
)


def recipient_lines(text: NormalisedText) -> list[str]:
    """Address-block lines that name the recipient, when no "Drejtuar:" line does.

    A formal letter puts its own letterhead above the reference line ("Nr. 302 Prot., date
    ..."), and the recipient below it: only lines after the last reference line count. A letter
    with a "Drejtuar:" line names its recipient there, so its address block is not read.
    """
    lines = _addressee_lines(text)
    if lines["header"]:
        return []
    subject: re.Pattern[str] = compiled_patterns()["subject"]  # type: ignore[assignment]
    top: list[str] = []
    for line in text.folded_lines[:_ADDRESS_BLOCK_LINES]:
        # The block ends where the letter starts: at the subject or the first long line.
        if subject.match(line) or len(line.strip()) > _ADDRESS_LINE_CHARS:
            break
        top.append(line)
    references = [i for i, line in enumerate(top) if _REFERENCE_LINE.search(line)]
    after = max(references) if references else -1
    block = [line for line in lines["address"] if line.index < len(top)]
    return [line.folded for line in block if line.index > after]


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


# A line this short that names an office is an address line: it goes whole.
_ADDRESS_LINE_WORDS = 14


def without_office_names(text: NormalisedText) -> str:
    """The folded letter without the names of the offices it is written to.

    "Drejtorisë së Arsimit, Kulturës dhe Sportit" on the address line says who reads the letter,
    not what it is about: a letter to the education office about the pavement in front of a
    kindergarten is about roads. Short lines naming an office in the letter's head (and the
    header and salutation lines wherever they are) are dropped; in longer lines only the office
    names go. The addressee rules still see the names; only the topic categoriser reads this.
    """
    offices: dict[str, re.Pattern[str]] = compiled_patterns()["offices"]  # type: ignore[assignment]
    addressed = {line.index for found in _addressee_lines(text).values() for line in found}
    kept = []
    for i, line in enumerate(text.folded_lines):
        if i >= _ADDRESS_BLOCK_LINES + 3 and i not in addressed:
            kept.append(line)
            continue
        spans = [m.span() for pattern in offices.values() for m in pattern.finditer(line)]
        if not spans:
            kept.append(line)
        elif len(line.split()) > _ADDRESS_LINE_WORDS:
            for start, end in sorted(spans, reverse=True):
                line = line[:start] + " " + line[end:]
            kept.append(line)
    return "\n".join(kept)


def lines_of(text: NormalisedText, context: str) -> list[str]:
    """The folded lines of one addressee context (header, salutation or address)."""
    return [line.folded for line in _addressee_lines(text)[context]]


def addressee_hits(text: NormalisedText, *, email_to: Sequence[str] = ()) -> list[RuleHit]:
    """Where the letter names the office it is written to."""
    hits: list[RuleHit] = []
    for context, lines in _addressee_lines(text).items():
        # "Drejtuar: Bashkia Vlore" followed by "Drejtoria e Taksave": the office, not the Mayor.
        if context == "header" and not all(_names_only_the_institution(x.folded) for x in lines):
            lines = [x for x in lines if not _names_only_the_institution(x.folded)]
        for line in lines:
            for office in offices_in(line.folded)[:1]:
                if _head_of_a_central_institution(line.folded, office):
                    continue
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
    folded_lines = text.folded_lines
    # The whole first sentence of the salutation: "Te nderuar punonjes te Drejtorise ... te
    # Bashkise Roskovec," but not "Pershendetje. Jam student ne Tirane".
    addressed = lines["header"] + [
        _Line(line.index, _first_sentence(folded_lines[line.index]), line.original)
        for line in lines["salutation"]
    ]
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
    hits.extend(_recipient_hits(text))
    hits.extend(_personal_salutation_hits(text))
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


def _recipient_hits(text: NormalisedText) -> list[RuleHit]:
    """An address block naming another municipality or a central institution as recipient."""
    central: re.Pattern[str] = compiled_patterns()["central"]  # type: ignore[assignment]
    hits = []
    for line in recipient_lines(text):
        places = _places(line)
        if places:
            reason = f"address block names {places[0]}: '{_quote(line)}'"
            hits.append(
                RuleHit("relevance", "not-relevant", "recipient", reason, municipality=places[0])
            )
        elif central.search(line):
            reason = f"address block names a central institution: '{_quote(line)}'"
            hits.append(RuleHit("relevance", "not-relevant", "recipient", reason))
    return hits


_SENTENCE_END = re.compile(r"(?<=\w{4})[.!?](?:\s|$)|[!?]")


def _first_sentence(line: str) -> str:
    m = _SENTENCE_END.search(line)
    return line[: m.start()] if m else line


def _personal_salutation_hits(text: NormalisedText) -> list[RuleHit]:
    """A greeting of a person by first name near the top: "E dashur Anila," or "Dear Klea!"."""
    personal: re.Pattern[str] = compiled_patterns()["personal"]  # type: ignore[assignment]
    for folded, original in zip(
        text.folded_lines[:_PERSONAL_LINES], text.original_lines, strict=False
    ):
        m = personal.match(folded)
        name = next((g for g in m.groups() if g), "") if m else ""
        if name and name not in vocab.NOT_A_NAME and not offices_in(name):
            reason = f"greets a person by name: '{_quote(original)}'"
            return [RuleHit("relevance", "not-relevant", "personal", reason)]
    return []


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
