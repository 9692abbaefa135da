"""Rule evidence over folded text: inflected offices, headers, salutations, places."""

from __future__ import annotations

import pytest

from classify import fold
from classify.evidence import gather_evidence
from classify.normalise import NormalisedText
from classify.rules import offices_in


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
