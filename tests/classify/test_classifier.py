"""The trained classifier on a small corpus: predictions, reasons, review, failure modes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import classify
from classify import TrainReport, evaluate, load_classifier, train_model
from classify.classifier import ARCHIVING_OFFICE, Classifier, Scored, _archive_unrouted
from classify.evidence import Evidence
from classify.model import prepare
from classify.types import DIMENSIONS, LabelledLetter

POTHOLE_TO_MAYOR = """I nderuar Z. Kryetar,

Ju shkruaj për gropën e madhe në rrugën "Ismail Qemali", përballë shkollës. Asfalti është
shembur dhe makinat bien në gropë çdo ditë. Ju lutem dërgoni dikë ta riparojë rrugën.

Me respekt,
Arben Hoxha
"""

NO_DIACRITICS_TO_COUNCIL = """Drejtuar: Kryetarit te Keshillit Bashkiak Vlore

I nderuar Kryetar i Keshillit,

Banoret e lagjes kerkojne qe rruga te asfaltohet sepse ka gropa te medha.

Me respekt,
Mira Leka
"""

ENGLISH_TO_MAYOR = """Dear Mayor,

I am writing about the dangerous potholes on the road to Zvërnec. The asphalt is broken and
cars damage their tyres every day. Please send someone to repair the road.

Kind regards,
John Smith
"""

FOR_FIER = """Drejtuar: Kryetarit të Bashkisë Fier

I nderuar Z. Kryetar i Bashkisë Fier,

Ju lutem të na ndihmoni me rrugën e fshatit tonë në Fier, ku ka gropa të mëdha.

Me respekt,
Petrit Dervishi
"""


def test_public_surface_is_declared() -> None:
    for name in classify.__all__:
        assert hasattr(classify, name), name
    assert classify.ModelUnavailable.next_step == "review"


def test_training_writes_a_versioned_model(trained: tuple[TrainReport, Path]) -> None:
    report, model_dir = trained
    assert (model_dir / "meta.json").is_file()
    assert set(report.thresholds) == set(DIMENSIONS)
    assert all(0.0 <= t <= 1.0 for t in report.thresholds.values())
    assert report.version.split("-")[0].endswith("Z")
    assert "trained on" in report.render()


def test_evaluation_renders_every_dimension(
    classifier: Classifier, training_letters: list[LabelledLetter]
) -> None:
    report = evaluate(classifier, training_letters[:10])
    text = report.render()
    for dim in DIMENSIONS:
        assert f"{dim}: accuracy" in text
    assert "auto-accepted in all four dimensions" in text
    assert "(rows: true label, columns: predicted)" in text
    assert 0.0 <= report.auto_accepted_share <= 1.0


def test_pothole_letter_to_the_mayor(classifier: Classifier) -> None:
    result = classifier.classify(POTHOLE_TO_MAYOR)
    assert result.addressee is not None and result.addressee.label == "kryetari"
    assert any("salutation 'I nderuar Z. Kryetar,'" in r for r in result.addressee.reasons)
    assert result.topic is not None and result.topic.label == "rruget"
    assert any(r.startswith(("words:", "topic words:")) for r in result.topic.reasons)
    assert not any("_" in r for r in result.topic.reasons)  # word pairs are no reasons
    assert result.relevant is True
    assert result.suggested_office == "sherbimet-publike"
    assert result.model_version == classifier.version
    for dim in DIMENSIONS:
        prediction = getattr(result, dim)
        assert 0.0 <= prediction.confidence <= 1.0
        assert prediction.reasons[-1].startswith("model ") or prediction.reasons
    assert result.fields.sender_name == "Arben Hoxha"


def test_letter_without_diacritics(classifier: Classifier) -> None:
    result = classifier.classify(NO_DIACRITICS_TO_COUNCIL)
    assert result.addressee is not None and result.addressee.label == "keshilli"
    assert "Keshillit" in result.addressee.reasons[0]


def test_english_letter(classifier: Classifier) -> None:
    result = classifier.classify(ENGLISH_TO_MAYOR)
    assert result.addressee is not None and result.addressee.label == "kryetari"
    assert result.relevant is True


def test_letter_for_bashkia_fier_is_not_relevant(classifier: Classifier) -> None:
    result = classifier.classify(FOR_FIER)
    assert result.relevance is not None and result.relevance.label == "not-relevant"
    assert any("Fier" in reason for reason in result.relevance.reasons)
    assert result.suggested_office is None
    assert result.addressee is not None and result.addressee.label == "kryetari"


def test_email_recipient_is_used(classifier: Classifier) -> None:
    result = classifier.classify("Pershendetje,\nKam nje pyetje.", email_to=["taksat@vlora.gov.al"])
    assert result.addressee is not None and result.addressee.label == "taksat"
    assert "e-mail to taksat@vlora.gov.al" in result.addressee.reasons


def test_thresholds_decide_review(trained: tuple[TrainReport, Path]) -> None:
    strict = load_classifier(trained[1], thresholds={d: 1.01 for d in DIMENSIONS})
    assert strict.classify(POTHOLE_TO_MAYOR).needs_review
    lenient = load_classifier(trained[1], thresholds={d: 0.0 for d in DIMENSIONS})
    assert not lenient.classify(POTHOLE_TO_MAYOR).needs_review


def _assert_unclassified(classifier: Classifier) -> None:
    assert not classifier.is_available
    result = classifier.classify(POTHOLE_TO_MAYOR)
    assert result.needs_review
    assert all(getattr(result, dim) is None for dim in DIMENSIONS)
    assert result.notes and "model unavailable" in result.notes[0]
    assert result.fields.sender_name == "Arben Hoxha"


def test_missing_model_sends_letters_to_review(tmp_path: Path) -> None:
    _assert_unclassified(load_classifier(tmp_path / "nowhere"))


def test_corrupt_meta_sends_letters_to_review(
    trained: tuple[TrainReport, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "model"
    shutil.copytree(trained[1], broken)
    (broken / "meta.json").write_text("{not json")
    _assert_unclassified(load_classifier(broken))


def test_corrupt_categoriser_sends_letters_to_review(
    trained: tuple[TrainReport, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "model"
    shutil.copytree(trained[1], broken)
    files = [f for f in (broken / "categorisers").rglob("*") if f.is_file() and "topic" in f.parts]
    assert files
    for file in files:
        file.write_bytes(b"\x00garbage")
    _assert_unclassified(load_classifier(broken))


def test_training_is_deterministic_for_a_seed(
    training_letters: list[LabelledLetter], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    letters = training_letters[::2]
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    # The folds trained in two worker processes, then one after another here: same model.
    first = train_model(letters, out_dir=tmp_path / "a", seed=3, folds=2, workers=2)
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # the workers' limit is not left behind
    second = train_model(letters, out_dir=tmp_path / "b", seed=3, folds=2, workers=1)
    assert first.oof_metrics == second.oof_metrics
    assert first.thresholds == second.thresholds
    assert first.combiner_weights == second.combiner_weights
    a = load_classifier(tmp_path / "a").classify(POTHOLE_TO_MAYOR)
    b = load_classifier(tmp_path / "b").classify(POTHOLE_TO_MAYOR)
    assert a.to_dict() | {"model_version": None} == b.to_dict() | {"model_version": None}


def test_retraining_replaces_the_model_in_place(
    training_letters: list[LabelledLetter], tmp_path: Path
) -> None:
    letters = training_letters[::2]
    train_model(letters, out_dir=tmp_path / "m", seed=1, folds=2)
    train_model(letters, out_dir=tmp_path / "m", seed=2, folds=2)
    assert load_classifier(tmp_path / "m").is_available
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_a_threshold_of_one_accepts_nothing_even_at_full_confidence() -> None:
    from classify.classifier import is_auto_accepted

    assert not is_auto_accepted(1.0, 1.0)
    assert is_auto_accepted(0.95, 0.9) and not is_auto_accepted(0.85, 0.9)


def test_an_archived_letter_is_as_sure_as_the_weaker_of_its_two_steps() -> None:
    scored = {
        "addressee": Scored("kryetari", 0.6, 0.6, ()),
        "topic": Scored("tjeter", 0.9, 0.9, ()),
        "kind": Scored("tjeter", 0.9, 0.9, ()),
        "relevance": Scored("not-relevant", 0.99, 0.99, ()),
    }
    archived = _archive_unrouted(scored, Evidence(hits=()))["addressee"]
    assert archived.label == ARCHIVING_OFFICE
    assert archived.confidence == 0.6  # not the 0.99 of "not for us" alone


def _not_relevant_with(addressee: str) -> dict[str, Scored]:
    return {
        "addressee": Scored(addressee, 0.9, 0.9, ()),
        "topic": Scored("tjeter", 0.9, 0.9, ()),
        "kind": Scored("kerkese", 0.9, 0.9, ()),
        "relevance": Scored("not-relevant", 0.99, 0.99, ()),
    }


def test_a_letter_to_another_mayor_in_the_address_block_keeps_its_role() -> None:
    letter = "Kryetarit te Bashkise Selenice\n\nNe fshatin Kote tubi i ujit eshte prishur.\n"
    _, evidence = prepare(letter)
    scored = _archive_unrouted(_not_relevant_with("kryetari"), evidence)
    assert scored["addressee"].label == "kryetari"  # Selenicë's mayor, not archived


def test_an_office_of_a_central_institution_does_not_stop_archiving() -> None:
    letter = (
        "Drejtuar: Prefekturës së Qarkut Vlorë\nSektori i Burimeve Njerëzore\n\n"
        "Lënda: Aplikim për pozicionin e specialistit\n\nI nderuar Prefekt,\n"
    )
    _, evidence = prepare(letter)
    scored = _archive_unrouted(_not_relevant_with("burimet-njerezore"), evidence)
    assert scored["addressee"].label == ARCHIVING_OFFICE
