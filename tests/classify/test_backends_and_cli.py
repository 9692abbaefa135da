"""The spaCy text-categoriser backend, an unknown backend, and the command-line entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classify import evaluate, load_classifier, train_model
from classify.evaluate_cli import main
from classify.model import (
    CHAR_PREFIX,
    TrainingOptions,
    dimension_features,
    model_text,
    prepare,
    tokens,
)
from classify.types import DIMENSIONS, LabelledLetter

from .test_classifier import POTHOLE_TO_MAYOR


def test_spacy_textcat_backend_trains_and_predicts(
    training_letters: list[LabelledLetter], tmp_path: Path
) -> None:
    options = TrainingOptions(backend="spacy-bow", epochs=3)
    train_model(training_letters[::2], out_dir=tmp_path / "m", seed=0, options=options, folds=2)
    assert json.loads((tmp_path / "m" / "meta.json").read_text())["backend"] == "spacy-bow"
    classifier = load_classifier(tmp_path / "m")
    assert classifier.is_available
    result = classifier.classify(POTHOLE_TO_MAYOR)
    assert result.addressee is not None and result.addressee.label == "kryetari"
    for dim in DIMENSIONS:
        prediction = getattr(result, dim)
        assert prediction.reasons and prediction.reasons[-1].startswith("model ")
    assert evaluate(classifier, training_letters[:4]).letters == 4


def test_unknown_backend_is_refused_at_training(
    training_letters: list[LabelledLetter], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="backend"):
        train_model(training_letters, out_dir=tmp_path / "m", options=TrainingOptions(backend="x"))


def test_unknown_backend_on_disk_means_no_model(
    trained: tuple[object, Path], tmp_path: Path
) -> None:
    import shutil

    broken = tmp_path / "m"
    shutil.copytree(trained[1], broken)
    meta = json.loads((broken / "meta.json").read_text())
    meta["backend"] = "quantum"
    (broken / "meta.json").write_text(json.dumps(meta))
    assert not load_classifier(broken).is_available


def _write_corpus(letters: list[LabelledLetter], root: Path) -> None:
    (root / "letters").mkdir(parents=True)
    for i, letter in enumerate(letters):
        header = (
            f"addressee: {letter.addressee}\ntopic: {letter.topic}\nkind: {letter.kind}\n"
            f"relevant: {'yes' if letter.relevant else 'no'}\n---\n"
        )
        (root / "letters" / f"t{i:03d}-letter.txt").write_text(header + letter.text)


def test_command_line_trains_evaluates_and_lists_the_split(
    training_letters: list[LabelledLetter], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpus(training_letters, tmp_path / "corpus")
    code = main([str(tmp_path / "corpus"), "--model", str(tmp_path / "m"), "--write-heldout"])
    out = capsys.readouterr().out
    assert code == 0
    assert "auto-accepted in all four dimensions" in out
    listed = (tmp_path / "corpus" / "heldout.txt").read_text().split()
    assert listed and all(name.endswith(".txt") for name in listed)
    assert main([str(tmp_path / "corpus"), "--model", str(tmp_path / "m"), "--no-train"]) == 0


def test_linear_backend_alone_explains_with_its_own_weights(
    training_letters: list[LabelledLetter], tmp_path: Path
) -> None:
    options = TrainingOptions(backend="linear")
    train_model(training_letters, out_dir=tmp_path / "m", seed=0, options=options, folds=2)
    classifier = load_classifier(tmp_path / "m")
    assert classifier.model is not None
    assert classifier.model.meta["backend"] == "linear"
    result = classifier.classify(POTHOLE_TO_MAYOR)
    assert result.topic is not None
    assert any(r.startswith("words: ") for r in result.topic.reasons)


def test_features_join_inflected_and_misspelt_words_through_character_grams() -> None:
    first, second = tokens("ndricimi"), tokens("ndricimit")
    grams = {t for t in first if t.startswith(CHAR_PREFIX)}
    shared = grams & {t for t in second if t.startswith(CHAR_PREFIX)}
    assert "ndricimi" in first and "ndricimit" not in first
    assert len(shared) >= len(grams) - 3  # only the grams at the word's end differ
    assert tokens("ndricimi") == first  # the hashing is deterministic (crc32, not hash())


def test_kind_and_topic_read_word_pairs_and_addressee_does_not() -> None:
    text = model_text(*prepare("Në përgjigje të shkresës suaj, ju lutem na dërgoni listën."))
    kind, addressee = dimension_features(text, "kind"), dimension_features(text, "addressee")
    assert "ne_pergjigje" in kind and "ju_lutem" in kind  # the stop words single words drop
    assert "pergjigje" in kind and "pergjigje" in addressee
    assert not any("_" in feature for feature in addressee)
    assert dimension_features(text, "kind") is kind  # the same tuple, so its row is reused


def test_the_topic_categoriser_reads_the_letter_without_its_addressee() -> None:
    letter = "Drejtorisë së Taksave dhe Tarifave Vendore\n\nLlamba e rrugës nuk ndizet prej muajsh."
    text = model_text(*prepare(letter))
    assert "taksave" in text.for_dimension("addressee")
    assert "taksave" not in text.for_dimension("topic")
    assert "llamba" in text.for_dimension("topic")
