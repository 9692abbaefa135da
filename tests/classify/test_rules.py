"""Rule evidence over folded text: inflected offices, headers, salutations, places."""

from __future__ import annotations

import pytest

from classify import fold
from classify.evidence import gather_evidence
from classify.normalise import NormalisedText
from classify.rules import offices_in, without_office_names


def test_fold_removes_diacritics_and_case() -> None:
    assert fold("Këshillit Bashkiak, Çështja") == "keshillit bashkiak, ceshtja"


@pytest.mark.parametrize(
    ("phrase", "office"),
    [
        ("Kryetarit të Bashkisë Vlorë", "kryetari"),
        ("Kryetarin", "kryetari"),
        ("Zonja Kryetare", "kryetari"),
        ("Kryetarit te Keshillit Bashkiak", "keshilli"),
        ("Këshillit Bashkiak Vlorë", "keshilli"),
        ("Zonja Nënkryetare", "nenkryetari"),
        ("Zv/Kryetarit", "nenkryetari"),
        ("Drejtorisë së Taksave dhe Tarifave Vendore", "taksat"),
        ("Drejtoria e Planifikimit", "planifikimi"),
        ("Drejtorisë së Shërbimeve Publike", "sherbimet-publike"),
        ("Policisë Bashkiake", "policia-bashkiake"),
        ("Bashkia Vlorë, Drejtoria Juridike", "juridike"),
        ("Deputy Mayor", "nenkryetari"),
        ("Municipal Council", "keshilli"),
    ],
)
def test_offices_match_inflected_and_folded_forms(phrase: str, office: str) -> None:
    assert offices_in(fold(phrase))[0] == office


def _hits(text: str, dimension: str, email_to: tuple[str, ...] = ()) -> list:
    return gather_evidence(NormalisedText.of(text), email_to=email_to).for_dimension(dimension)


def test_header_line_outranks_nothing_and_is_quoted() -> None:
    hits = _hits("Drejtuar: Drejtorisë së Taksave\n\nI nderuar Kryetar,\n", "addressee")
    assert hits[0].label == "taksat" and hits[0].context == "header"
    assert hits[0].reason == "'Drejtuar: Drejtorisë së Taksave'"
    assert any(h.reason == "salutation 'I nderuar Kryetar,'" for h in hits)


def test_cc_lines_do_not_name_the_addressee() -> None:
    hits = _hits("Per dijeni: Policise Bashkiake\nPër: Drejtorinë e Transportit\n", "addressee")
    assert [h.label for h in hits if h.context == "header"] == ["transporti"]


def test_email_recipient_names_the_office() -> None:
    hits = _hits("Pershendetje,\nnje pyetje.", "addressee", email_to=("taksat@vlora.gov.al",))
    assert [(h.label, h.context) for h in hits] == [("taksat", "email")]


def test_other_municipality_and_vlore_units() -> None:
    hits = _hits("Drejtuar: Kryetarit të Bashkisë Fier\n\nNe fshatin Kotë...", "relevance")
    reasons = " | ".join(h.reason for h in hits if h.label == "not-relevant")
    assert "Fier" in reasons and "Selenicë" in reasons
    local = _hits("Banorët e Zvërnecit dhe Nartës", "relevance")
    assert [h.label for h in local] == ["relevant"]


def test_advertising_and_chain_letters() -> None:
    ad = _hits("Ofertë speciale! Zbritje 30% vetëm sot, porosit tani", "relevance")
    assert any("advertising" in h.reason for h in ad)
    chain = _hits("Dërgoje tek 10 persona brenda 24 orëve ose do kesh fat te keq", "relevance")
    assert any("chain letter" in h.reason for h in chain)


def test_kind_cues() -> None:
    hits = _hits("Në përgjigje të shkresës suaj nr. 55, ju njoftojmë...", "kind")
    assert {"pergjigje", "njoftim"} <= {h.label for h in hits}
    info = _hits("Lenda: Kerkese per informacion\nSipas ligjit nr. 119/2014", "kind")
    assert any(h.label == "kerkese-informacioni" and h.context == "subject" for h in info)


def _relevance(text: str) -> list[tuple[str, str]]:
    return [(h.context, h.label) for h in _hits(text, "relevance")]


@pytest.mark.parametrize(
    "text",
    [
        "Kryetarit të Bashkisë Durrës\n\nI nderuem zotni Kryetar,\nRruga është gropa.",
        "Gjykatës së Rrethit Gjyqësor Vlorë\nSekretaria Gjyqësore\n\nLënda: Kopje vendimi\n",
        "PER OSHEE - AGJENSIA VLORE\n\nme ka ardhur fatura shume e larte",
        "Per: Banka Kombetare Tregtare, Dega Vlore\n\nLenda: shtyrje kestesh\n",
    ],
)
def test_recipient_in_the_address_block_is_evidence_against_relevance(text: str) -> None:
    assert any(label == "not-relevant" for _, label in _relevance(text))


def test_letterhead_above_the_reference_line_is_not_the_recipient() -> None:
    text = (
        "UNIVERSITETI I TIRANËS\nFakulteti i Ekonomisë\n\nNr. 12 Prot., datë 05.05.2026\n\n"
        "Kryetarit të Bashkisë Vlorë\n\nLënda: Praktika mësimore\n\nI nderuar Z. Kryetar,\n"
    )
    assert ("recipient", "not-relevant") not in _relevance(text)


def test_drejtuar_line_runs_on_to_the_next_line() -> None:
    text = (
        "Drejtuar: Koordinatorit për të Drejtën e Informimit\nMinistria e Turizmit, Tiranë\n\n"
        "Lënda: Kërkesë për informacion\n"
    )
    assert ("central", "not-relevant") in _relevance(text)


def test_salutation_names_the_other_municipality_past_its_opening_words() -> None:
    text = (
        "Të nderuar punonjës të Drejtorisë së Arsimit, Kulturës dhe Sportit të Bashkisë "
        "Roskovec,\n\nJu ftojmë në shfaqje."
    )
    assert ("header", "not-relevant") in _relevance(text)
    # Z. with a comma is a salutation too.
    assert ("header", "not-relevant") in _relevance("Z. Kryetar i Bashkisë Himarë,\n\nTekst.")


def test_student_in_tirana_writing_to_us_is_not_addressed_to_tirana() -> None:
    text = "per zyren e ndihmes ekonomike\npershendetje. jam student ne Tirane, kerkoj vertetim"
    assert ("header", "not-relevant") not in _relevance(text)


@pytest.mark.parametrize(
    ("text", "private"),
    [
        ("E dashur Anila,\nNa fal qe po ta sjell ftesen ne zyre.", True),
        ("Per Arta Shehu\nBashkia Vlore\n\nArta e dashur,\nMos u habit.", True),
        ("Dear Klea!!\nGreetings from rainy Edinburgh!", True),
        ("Dear Sir or Madam,\nWe write about the road.", False),
        ("I dashur Kryetar,\nRruga jone ka gropa.", False),
        ("Dear Mayor,\nThe road has potholes.", False),
    ],
)
def test_greeting_a_person_by_first_name_is_private_mail(text: str, private: bool) -> None:
    assert (("personal", "not-relevant") in _relevance(text)) is private


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Provojeni falas per 14 dite! Abonim vjetor me 30% ulje.", "advertising"),
        ("Join our free demo. Our company offers a special price.", "advertising"),
        ("Thuaje lutjen dhe pastaj jepja nente veteve. Mos e mbaj per vete.", "chain"),
        ("Mr. Dritan Lame\nc/o Municipality of Vlore\n\nDear Dritan,\nBig hug, Sarah", "private"),
    ],
)
def test_advertising_chain_and_private_markers(text: str, context: str) -> None:
    assert (context, "not-relevant") in _relevance(text)


def test_a_padlocked_gate_chain_is_not_a_chain_letter() -> None:
    text = "Drejtorisë së Arsimit\nFusha rri e kyçur me zinxhir që nga prilli."
    assert not any(c.startswith("chain") for c, _ in _relevance(text))


@pytest.mark.parametrize("place", ["Dhërmi", "Qeparo", "Ksamil", "Lukovë"])
def test_villages_of_other_municipalities(place: str) -> None:
    assert ("place", "not-relevant") in _relevance(f"Banoj në {place} dhe kam një ankesë.")


def test_an_office_under_bashkia_vlore_in_the_header_outranks_the_mayor() -> None:
    text = "Drejtuar: Bashkia Vlorë\nDrejtoria e Taksave dhe Tarifave Vendore\n\nLënda: Njoftim\n"
    headers = {h.label for h in _hits(text, "addressee") if h.context == "header"}
    assert headers == {"taksat"}


def test_the_head_of_a_central_institution_is_not_our_mayor() -> None:
    text = "Drejtuar: Kryetares së Kuvendit të Shqipërisë\n\nTë nderuar deputetë,\n"
    assert not [h for h in _hits(text, "addressee") if h.label == "kryetari"]


@pytest.mark.parametrize(
    "phrase",
    ["Kryetares së Këshillit Bashkiak Vlorë", "Chairman of the Municipal Council of Vlora"],
)
def test_chair_of_the_council_is_the_council(phrase: str) -> None:
    assert offices_in(fold(phrase))[0] == "keshilli"


def test_the_topic_view_drops_the_office_the_letter_is_written_to() -> None:
    text = NormalisedText.of(
        "Drejtorisë së Arsimit, Kulturës dhe Sportit\n"
        "Bashkia Vlorë\n"
        "Lënda: Trotuari para kopshtit\n"
        "E nderuar Drejtoreshë e Arsimit, trotuari para portës së kopshtit është ngritur nga "
        "rrënjët e pishave dhe fëmijët rrëzohen çdo ditë kur dalin nga kopshti\n"
    )
    view = without_office_names(text)
    assert "arsimit" not in view
    assert "kultures" not in view  # the whole short address line goes, not only the match
    assert "lenda: trotuari para kopshtit" in view
    assert "femijet rrezohen" in view  # a long salutation line keeps its words
    assert "arsimit" in text.folded  # the addressee rules still read the original


def test_the_topic_view_keeps_offices_named_in_the_body() -> None:
    body = "\n".join(f"rreshti {i} i letrës" for i in range(20))
    text = NormalisedText.of(body + "\nkam shkuar në Drejtorinë e Taksave tri herë\n")
    assert "drejtorine e taksave" in without_office_names(text)
