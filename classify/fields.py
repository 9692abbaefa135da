"""Facts read off a letter: sender, address, contact, reference number and date, subject, IDs.

Plain regular expressions over the text as written (with folded copies for matching Albanian
words without diacritics). Personal ID numbers (NID: a letter, 8 digits, a letter) are found and
returned (protokoll.privacy finds and masks them).
"""

from __future__ import annotations

import re
from datetime import date

from classify.normalise import fold
from classify.types import LetterFields
from protokoll.privacy import find_personal_ids

_HEAD_LINES = 18
_SUBJECT = re.compile(r"^\s*(?:lenda|subject|objekti|tema|re)\s*:\s*(.+)$")
_SENDER_HEADER = re.compile(r"^\s*(?:nga|from|derguesi|dergues)\s*:\s*(.+)$")
_ADDRESS_HEADER = re.compile(r"^\s*(?:adresa|address|vendbanimi)\s*:\s*(.+)$")
_ADDRESS_LINE = re.compile(
    r"(?:\brr\.|\brruga\b|\blagj\w*|\bl\.\s*\"|\bstreet\b|\bbulevard\w*|\bblv\.|\bpallat\w*\s*\d)"
)
_EMAIL = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<!\d)(?:\+355[\s-]?|00355[\s-]?|0)(?:6[6-9]|\d{2})[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)"
)
_REFERENCE = re.compile(
    r"\b(?:nr|no|ref)\.?\s*(?:prot(?:okolli)?\.?\s*)?[:.]?\s*(\d[\w/.-]*?)[.,]?(?=\s|$|,)"
    r"(?:\s*prot\.?)?",
)
_CLOSINGS = re.compile(
    r"^\s*(?:me respekt|me nderime|me nderim|respektivisht|sinqerisht|me mirenjohje|"
    r"faleminderit|ju faleminderit|pershendetje|me shume respekt|kind regards|regards|"
    r"best regards|yours sincerely|yours faithfully|sincerely|with respect)\b"
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:sh\.?p\.?k|shpk|sh\.a|bashki\w*|ministri\w*|drejtori\w*|shoqat\w*|shkoll\w*|"
    r"agjenci\w*|qendr\w*|organizat\w*|universitet\w*|prefektur\w*|gjykat\w*|prokurori\w*|"
    r"fondacion\w*|kompani\w*|autoritet\w*|institut\w*|klub\w*|ltd|inc|ngo|ojf|komitet\w*|"
    r"foundation|association|embassy|ambasad\w*|zyr\w*|kryqi|kopsht\w*|gjimnaz\w*|studio|"
    r"dhom\w* e tregtise|spital\w*|policia|njesi\w* administrative|prefekt\w*|qark\w*|"
    r"banoret|banoret e|komunitet\w*|bashkesi\w*|grup\w*|partner\w*|kryqi i kuq)\b"
)
_TITLES = re.compile(
    r"^\s*(?:\(?vule\)?|\(?firma\)?|administrator\w*|drejtor\w*|kryetar\w*|zv\.|ing\.?$|"
    r"perfaqesues\w*|sekretar\w*|director|manager|president|per\b|tel\b|cel\b|e-?mail)"
)
_MONTHS = {
    "janar": 1, "shkurt": 2, "mars": 3, "prill": 4, "maj": 5, "qershor": 6, "korrik": 7,
    "gusht": 8, "shtator": 9, "tetor": 10, "nentor": 11, "dhjetor": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_WORDED_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({_MONTH_NAMES})\w*\s+(\d{{4}})")
_ENGLISH_DATE = re.compile(rf"\b({_MONTH_NAMES})\w*\s+(\d{{1,2}}),?\s+(\d{{4}})")


def parse_date(text: str) -> date | None:
    """The first date in the text: 14.10.2026, 14/10/2026, 14 tetor 2026, October 14, 2026."""
    folded = fold(text)
    candidates: list[tuple[int, date | None]] = []
    for m in _NUMERIC_DATE.finditer(folded):
        candidates.append((m.start(), _safe_date(m.group(3), m.group(2), m.group(1))))
    for m in _WORDED_DATE.finditer(folded):
        month = _MONTHS[m.group(2)]
        candidates.append((m.start(), _safe_date(m.group(3), month, m.group(1))))
    for m in _ENGLISH_DATE.finditer(folded):
        month = _MONTHS[m.group(1)]
        candidates.append((m.start(), _safe_date(m.group(3), month, m.group(2))))
    valid = sorted((pos, d) for pos, d in candidates if d is not None)  # type: ignore[misc]
    return valid[0][1] if valid else None


def _safe_date(year: str | int, month: str | int, day: str | int) -> date | None:  # type: ignore[return]
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _reference(lines: list[str]) -> tuple[str, date | None]:
    for line in lines[:_HEAD_LINES]:
        folded = fold(line)
        m = _REFERENCE.search(folded)
        if m and ("prot" in folded or re.match(r"^\s*(?:nr|no|ref)\b", folded)):
            return m.group(1).rstrip("./,-"), parse_date(line)
    for line in lines[:_HEAD_LINES]:
        folded = fold(line)
        if re.match(r"^\s*(?:date|data|dt|date)\s*:", folded) or re.search(r"\bdate\b", folded):
            found = parse_date(line)
            if found:
                return "", found
    return "", None


def _subject(lines: list[str]) -> str:
    for line in lines[:40]:
        m = _SUBJECT.match(fold(line))
        if m:
            return line.split(":", 1)[1].strip()
    return ""


def _is_institution(name: str) -> bool:
    return bool(_INSTITUTION_WORDS.search(fold(name)))


_ADDRESSED_LINE = re.compile(
    r"^\s*(?:drejtuar|per|to|attn|kryetarit|drejtorise|drejtorine|keshillit|bashkise|zyres)\b"
)
_COMPANY_FORM = re.compile(r"\b(?:sh\.?p\.?k|shpk|sh\.a|ltd|l\.l\.c)\b")
_OUR_INSTITUTION = re.compile(
    r"^\s*(?:bashkia vlor\w*|municipality of vlor\w*|drejtoria e (?:planifikimit|sherbimeve|"
    r"taksave|arsimit|financ\w*|burimeve|informacionit|transportit|juridike)|policia bashkiake)"
)


def _letterhead(lines: list[str]) -> str:
    """An upper-case institution name at the top of the letter, skipping the state's name."""
    for line in lines[:4]:
        stripped = line.strip()
        folded = fold(stripped)
        letters = [ch for ch in stripped if ch.isalpha()]
        if len(letters) < 4 or _ADDRESSED_LINE.match(folded) or _SUBJECT.match(folded):
            continue
        if not _could_be_a_name(stripped, max_words=14):
            continue
        upper_share = sum(ch.isupper() for ch in letters) / len(letters)
        if upper_share < 0.6 and not _COMPANY_FORM.search(folded):
            continue
        if folded.startswith(("republika", "republic", "policia e shtetit")):
            continue  # the state's name above the institution's own
        if _OUR_INSTITUTION.match(folded):
            continue  # a form of ours, or the addressee written in capitals
        if _is_institution(stripped) or '"' in stripped or _COMPANY_FORM.search(folded):
            return stripped
    return ""


_NAME_LINE = re.compile(r"^(?:[A-ZÇË][a-zçë]+|[A-ZÇË]\.)(?:\s+[A-ZÇË][a-zçë'-]+){1,3}$")
_SELF_INTRODUCTION = re.compile(
    r"\b(?:Unë|Une|Jam|I am|My name is|Quhem)[,]?\s+([A-ZÇË][a-zçë]+\s+[A-ZÇË][a-zçë]+)"
)


# "Av. ", "Dr. ", "Z. " before a name.
_HONORIFIC = r"(?:ing|dr|av|prof|z|znj)\.\s*"
# "Për grupin: ", "Plotësoi: " and an honorific before a signer's name.
_SIGNER_PREFIX = re.compile(
    r"^(?:(?:p[eë]r [^:,]{1,40}|plot[eë]soi|p[eë]rfaq[eë]sues\w*|kontakt\w*)\s*:\s*|nga\s+)?"
    rf"(?:{_HONORIFIC})?",
    re.IGNORECASE,
)
# Capitalised lines that are a greeting or a post, not somebody's name.
_NOT_A_NAME = re.compile(
    r"^(?:dear|hello|i nderuar|e nderuar|te nderuar|zoti|zonja)\b|"
    r"\b(?:manager|officer|director|coordinator|assistant|secretary|department|team|office)$"
)
# What may follow the name on its line: ", kryeplak", ", Kotë", "tel. 069...", "069 540 2278".
_AFTER_NAME = re.compile(r",|\s+(?:tel|cel|mob)\b|\s+\+?\d", re.IGNORECASE)


def _closing_name(lines: list[str]) -> str:
    """A name among the last lines, bare or with a role, place or phone after it."""
    for line in reversed([x.strip() for x in lines[-8:] if x.strip()]):
        name = _AFTER_NAME.split(_SIGNER_PREFIX.sub("", line, count=1), maxsplit=1)[0].strip()
        if (
            not _NAME_LINE.match(name)
            or _TITLES.match(fold(name))
            or _NOT_A_NAME.search(fold(name))
        ):
            continue
        if not _ADDRESS_LINE.search(fold(name)):
            return name
    return ""


_GROUP_SIGNATURE = re.compile(
    r"^\s*(?:ne,?\s+)?(?:banoret|banorët|punonjesit|punonjësit|prinderit|prindërit|pronaret|"
    r"pronarët|familjet|residents|the residents|parents)\b",
    re.IGNORECASE,
)


def _group_signature(lines: list[str]) -> str:
    """ "Banorët e pallatit nr. 6, Hamallaj" signing at the end: a group writes together."""
    for line in reversed([x.strip() for x in lines[-10:] if x.strip()]):
        if _GROUP_SIGNATURE.match(line) and len(line) <= 120:
            return line.rstrip(",.")
    return ""


def _introduced_name(text: str) -> str:
    m = _SELF_INTRODUCTION.search(text)
    return m.group(1) if m else ""


def _is_closing(line: str) -> bool:
    """ "Me respekt," on a line of its own; "Faleminderit, po ju shkruaj..." opens a sentence."""
    folded = fold(line)
    return bool(_CLOSINGS.match(folded)) and len(folded.split()) <= 4


def _could_be_a_name(line: str, *, max_words: int = 10) -> bool:
    """A person's or an institution's name, not a sentence of the letter."""
    words = line.split()
    if not words or len(words) > max_words or len(line) > 8 * max_words or "@" in line:
        return False
    if line[0].islower() and len(words) > 3:
        return False
    # A full stop ends a sentence, not "sh.p.k." or "Sh.A.".
    ends_sentence = line.rstrip()[-1] in ".?!:" and "." not in words[-1].rstrip(".?!:")
    return not (ends_sentence and len(words) > 4)


def _signature(lines: list[str]) -> str:
    """The name under the closing formula ("Me respekt," / "Kind regards,")."""
    for i in range(len(lines) - 1, -1, -1):
        if _is_closing(lines[i]):
            for candidate in lines[i + 1 : i + 6]:
                name = candidate.strip().strip(",")
                if not name or _TITLES.match(fold(name)) or any(ch.isdigit() for ch in name):
                    continue
                if not _could_be_a_name(name):
                    continue
                return re.sub(f"^{_HONORIFIC}", "", name, flags=re.IGNORECASE)
            break
    return ""


def _from_header(lines: list[str]) -> str:
    for line in lines[:_HEAD_LINES]:
        m = _SENDER_HEADER.match(fold(line))
        if m:
            value = line.split(":", 1)[1].strip()
            name = re.sub(r"<[^>]*>", "", value).strip().strip('"')
            return name or value
    return ""


def _address(lines: list[str]) -> str:
    for line in lines:
        m = _ADDRESS_HEADER.match(fold(line))
        if m:
            return line.split(":", 1)[1].strip()
    head_and_tail = lines[:6] + lines[-8:]
    for line in head_and_tail:
        if _ADDRESS_LINE.search(fold(line)) and len(line) < 90:
            return line.strip()
    return ""


def _is_municipal(address: str) -> bool:
    domain = address.lower().rsplit("@", 1)[-1]
    return "vlor" in domain and (domain.endswith("gov.al") or "bashki" in domain)


def _contact(text: str, lines: list[str]) -> str:
    parts: list[str] = []
    phone = _PHONE.search(text)
    if phone:
        parts.append(" ".join(phone.group(0).split()))
    sender_email = ""
    for line in lines[:_HEAD_LINES]:
        if _SENDER_HEADER.match(fold(line)):
            m = _EMAIL.search(line)
            sender_email = m.group(0) if m else ""
            break
    if not sender_email:
        others = [e for e in _EMAIL.findall(text) if not _is_municipal(e)]
        sender_email = others[-1] if others else ""
    if sender_email:
        parts.append(sender_email)
    return "; ".join(parts)


def extract_fields(text: str) -> LetterFields:
    """Read the sender, their address and contact, reference, subject and personal IDs."""
    lines = text.splitlines()
    letterhead = _letterhead(lines)
    from_header = _from_header(lines)
    signature = (
        _signature(lines)
        or _group_signature(lines)
        or _closing_name(lines)
        or _introduced_name(text)
    )
    sender = letterhead or from_header or signature
    if "@" in from_header and signature:
        sender = letterhead or signature
    sender_type = ""
    if sender:
        # Residents or parents signing together are citizens, not an institution.
        group = bool(_GROUP_SIGNATURE.match(sender))
        institution = letterhead or (not group and _is_institution(sender))
        sender_type = "institution" if institution else "person"
    reference, reference_date = _reference(lines)
    return LetterFields(
        sender_name=sender,
        sender_type=sender_type,
        sender_address=_address(lines),
        sender_contact=_contact(text, lines),
        reference_number=reference,
        reference_date=reference_date,
        subject=_subject(lines),
        personal_ids=find_personal_ids(text),
    )
