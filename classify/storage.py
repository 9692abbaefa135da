"""The model directory on disk: the folds' categorisers plus `meta.json`.

    <model_dir>/meta.json       version, seed, labels, combiner weights,
                                thresholds, metrics, keywords
    <model_dir>/categorisers/fold-<k>/{linear,spacy-bow}/<dimension>/
                                each cross-validation fold's categorisers (model.Committee);
                                models written before the committee have no fold-<k> level

A new model is written to a sibling temporary directory and swapped in by renames, so a reader
sees either the old model or the new one, never half of one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from classify.model import Categorisers, load_categorisers

META_FILE = "meta.json"
FORMAT = 1


def write_model(out_dir: Path, *, categorisers: Categorisers, meta: dict[str, Any]) -> None:
    """Write pipelines and meta into out_dir atomically (replacing any model already there)."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        categorisers.to_disk(staging / "categorisers")
        payload = json.dumps(
            {"format": FORMAT, "backend": categorisers.backend, **meta},
            ensure_ascii=False,
            indent=2,
        )
        (staging / META_FILE).write_text(payload, encoding="utf-8")
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    retired.rmdir()
    os.replace(out_dir, retired)
    os.replace(staging, out_dir)
    shutil.rmtree(retired, ignore_errors=True)


def read_meta(model_dir: Path) -> dict[str, Any]:
    """The model's meta.json; raises OSError or ValueError when missing or malformed."""
    meta = json.loads((Path(model_dir) / META_FILE).read_text(encoding="utf-8"))
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ValueError(
            f"unknown model format {meta.get('format') if isinstance(meta, dict) else meta!r}"
        )
    for key in ("version", "labels", "thresholds", "combiners"):
        if key not in meta:
            raise ValueError(f"meta.json lacks {key!r}")
    return meta


def read_categorisers(model_dir: Path, *, backend: str) -> Categorisers:
    """Load each dimension's categoriser; raises on anything missing or corrupt."""
    return load_categorisers(Path(model_dir) / "categorisers", backend=backend)
