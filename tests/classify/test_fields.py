"""Field extraction: reference numbers, dates, subject, sender, contact and personal IDs."""

from __future__ import annotations

from datetime import date

from classify import extract_fields, find_personal_ids, mask_personal_ids
from classify.fields import parse_date

LETTER = """SHOQATA "GJELBËR VLORA"
Rr. "Sadik Zotaj", Pallati 4, Vlorë

Nr. 512/2 Prot., datë 14.10.2026

Drejtuar: Drejtorisë së Shërbimeve Publike, Bashkia Vlorë

Lënda: Pemët e prera në Lungomare

Ju shkruajmë në emër të banorëve. Kontakt: tel. 069 204 8816, gjelber.vlora@gmail.com
Kryetari i shoqatës, Arben Hoxha, ID J45812034K.

Me respekt,
Arben Hoxha
"""


def test_reads_reference_date_subject_and_sender() -> None:
    fields = extract_fields(LETTER)
    assert fields.reference_number == "512/2"
    assert fields.reference_date == date(2026, 10, 14)
    assert fields.subject == "Pemët e prera në Lungomare"
    assert fields.sender_name == 'SHOQATA "GJELBËR VLORA"'
    assert fields.sender_type == "institution"
    assert "069 204 8816" in fields.sender_contact
    assert "gjelber.vlora@gmail.com" in fields.sender_contact
    assert fields.sender_address.startswith("Rr.")


def test_person_signature_and_short_reference() -> None:
    text = "Nr. prot. 88\nLenda: Kerkese per vertetim\n\nI nderuar Kryetar,\nju lutem.\n\nMe respekt,\nMira Leka\n"
    fields = extract_fields(text)
    assert fields.reference_number == "88"
    assert fields.subject == "Kerkese per vertetim"
    assert fields.sender_name == "Mira Leka"
    assert fields.sender_type == "person"


def test_email_sender_and_subject() -> None:
    text = "From: Jan Kowalczyk <jan.k@wp.pl>\nTo: info@vlora.gov.al\nSubject: Noise\n\nHello"
    fields = extract_fields(text)
    assert fields.sender_name == "Jan Kowalczyk"
    assert fields.subject == "Noise"
    assert "jan.k@wp.pl" in fields.sender_contact


def test_dates_in_every_written_form() -> None:
    assert parse_date("datë 14.10.2026") == date(2026, 10, 14)
    assert parse_date("më 14/10/2026") == date(2026, 10, 14)
    assert parse_date("Vlorë, 14 tetor 2026") == date(2026, 10, 14)
    assert parse_date("Vlore, 3 nëntor 2026") == date(2026, 11, 3)
    assert parse_date("October 14, 2026") == date(2026, 10, 14)
    assert parse_date("31.02.2026") is None


def test_personal_ids_are_found_and_masked_but_business_ids_are_not() -> None:
    text = "ID J45812034K, NIPT L71412055K, and again j45812034k"
    assert find_personal_ids(text) == ("J45812034K",)
    masked = mask_personal_ids(text)
    assert "J********K" in masked
    assert "45812034" not in masked
    assert "L71412055K" in masked
    assert extract_fields(LETTER).personal_ids == ("J45812034K",)


def test_a_form_of_ours_in_capitals_is_not_the_sender() -> None:
    form = (
        "BASHKIA VLORË\n"
        "Formular aplikimi për leje për panele diellore\n\n"
        "Emri i aplikuesit: Alban Malaj\n"
        "Kërkoj leje për vendosjen e 6 paneleve në tarracën e pallatit.\n\n"
        "Me respekt,\nAlban Malaj\n"
    )
    fields = extract_fields(form)
    assert fields.sender_name == "Alban Malaj"
    assert fields.sender_type == "person"


def test_residents_signing_together_are_the_sender_and_are_citizens() -> None:
    petition = (
        "I nderuar Kryetar,\n\n"
        "Punishtja e mermerit në katin përdhe punon natën dhe pluhuri hyn në shtëpi.\n\n"
        'Banorët e pallatit nr. 6, rruga "Qazim Kokoshi", Hamallaj\n'
        "(18 firma bashkëlidhur)\n"
    )
    fields = extract_fields(petition)
    assert fields.sender_name.startswith("Banorët e pallatit nr. 6")
    assert fields.sender_type == "person"


def test_a_sentence_after_a_greeting_is_not_the_sender() -> None:
    message = (
        "Pershendetje z kryetar\n"
        "ju lutem shtoni autobusa ne orat e pikut, po vonohemi cdo dite ne pune.\n"
        "Gerta Ziu\n"
    )
    assert extract_fields(message).sender_name == "Gerta Ziu"


def test_a_paragraph_in_capitals_is_not_a_letterhead() -> None:
    shouted = (
        "KAM NJE KIOSKE PER GAZETA PRANE SHKOLLES. SIVJET ME ERDHI TARIFA E PASTRIMIT 45 MIJE.\n"
        "Ju lutem rishikojeni.\n"
    )
    assert extract_fields(shouted).sender_name == ""


def test_a_signer_with_role_place_or_phone_on_the_same_line() -> None:
    for closing, name in [
        ("Fatjon Mehmetaj, Kotë\n069 540 2278", "Fatjon Mehmetaj"),
        ("per grupin: Aferdita Lila, drejtuese artistike\ntel 069 318 7720", "Aferdita Lila"),
        ("Plotësoi: Dritan Koçi, sekretar i shoqatës", "Dritan Koçi"),
        ("Ndricim Kola 069 440 2187", "Ndricim Kola"),
        ("Av. Besmir Koka\nVlorë, 19.03.2026", "Besmir Koka"),
    ]:
        letter = f"I nderuar Kryetar,\n\nRruga është në errësirë që prej tetorit.\n\n{closing}\n"
        assert extract_fields(letter).sender_name == name, closing


def test_an_address_or_a_greeting_is_not_a_signer() -> None:
    letter = "Dear Mayor\n\nThe lights are out again.\n\nLagjja Pavarësia, pallati 12\n"
    assert extract_fields(letter).sender_name == ""
