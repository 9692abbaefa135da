"""The real-text score that decides between a PDF's text layer and OCR."""

from __future__ import annotations

import pytest

from extract.quality import MIN_SCORE, is_plausible_word, is_real_text, measure_text_quality

LETTER = (
    "I nderuar Z. Kryetar, ne, banorët e lagjes Pavarësia, ju drejtohemi me këtë kërkesë "
    "sepse ndriçimi publik në rrugën Ismail Qemali nuk funksionon prej tre javësh."
)


def test_a_letter_is_real_text() -> None:
    quality = measure_text_quality(LETTER)
    assert quality.score > 0.8
    assert quality.is_real_text


def test_a_letter_with_numbers_and_dates_is_still_real_text() -> None:
    assert is_real_text(LETTER + " Tel. 069 123 4567, Vlorë, 12.03.2024, Nr. prot. 1234/5")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$# ÿþ%$#",
        "(cid:12)(cid:44)(cid:3) (cid:18)(cid:7)(cid:81) (cid:12)(cid:44) " * 5,
        "Faqe 2",  # a page number is not a page of text
        "1234 5678 90/12 33.44 2024/00871 " * 5,
    ],
)
def test_empty_garbage_and_numbers_are_not_real_text(text: str) -> None:
    assert not is_real_text(text)


def test_a_poor_invisible_ocr_layer_is_not_real_text() -> None:
    poor_layer = (
        "I nd3ruar Z. Kryct4r, n3, b4nor3t c 1agjcs P4var3sia, ju drcjtohcmi mc k3t3 k3rkcs3 "
        "scpsc ndr1c1m1 pub1ik n3 rrug3n Ism4i1 Qcm4li nuk funksion0n prcj trc jav3sh. "
        "tHiS brwn xkcd ttl"
    )
    quality = measure_text_quality(poor_layer)
    assert quality.score < MIN_SCORE


@pytest.mark.parametrize("word", ["ndriçimit", "Vlorë", "BASHKIA", "e", "në", "Kryetar"])
def test_plausible_words(word: str) -> None:
    assert is_plausible_word(word)


@pytest.mark.parametrize("word", ["brwn", "tHiS", "k3rkes3", "ÿþ%$#", "", "a" * 30])
def test_implausible_words(word: str) -> None:
    assert not is_plausible_word(word)
