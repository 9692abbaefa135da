"""`protokoll train --if-missing`: trains when there is no model, or one that cannot be loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api.cli import main
from classify import load_classifier

from ..classify.conftest import CORPUS, small_training_set


def _small_corpus(root: Path) -> Path:
    letters = root / "corpus" / "letters"
    letters.mkdir(parents=True)
    for letter in small_training_set()[::2]:
        shutil.copy(CORPUS / "letters" / letter.source, letters / letter.source)
    return root / "corpus"


def test_train_if_missing_replaces_a_model_it_cannot_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _small_corpus(tmp_path)
    model = tmp_path / "home" / "model"
    model.mkdir(parents=True)
    (model / "meta.json").write_text('{"format": 0}', encoding="utf-8")  # an older, unreadable one
    args = ["--home", str(tmp_path / "home"), "train", "--corpus", str(corpus), "--if-missing"]

    assert main(args) == 0
    assert "cannot be loaded; retraining" in capsys.readouterr().out
    assert load_classifier(model).is_available

    assert main(args) == 0
    assert "not retraining" in capsys.readouterr().out
