"""kill -9 at any moment loses nothing and registers nothing twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from intake import sha256_of
from protokoll.settings import Settings
from registry import Database, IntakeJournal
from registry.models import Entry
from tests.intake.conftest import make_pdf

ROOT = Path(__file__).resolve().parents[2]
LETTER = """I nderuar Z. Kryetar,
Ju shkruaj per gropen e madhe ne rrugen Sadik Zotaj, para shkolles nr {i}.
Makinat demtohen dhe femijet rrezikohen cdo dite. Ju lutem merrni masa.
Me respekt, Arben Hoxha"""

WORKER = """
import sys, pathlib
from protokoll.settings import Settings
from intake import build_pipeline, files_in
from tests.intake.conftest import FixedClassifier
settings = Settings(home=pathlib.Path(sys.argv[1]))
pipeline = build_pipeline(settings, classifier=FixedClassifier())
pipeline.resume_pending()
for path in files_in(pathlib.Path(sys.argv[2])):
    pipeline.take_file(path, remove=True)
"""


def test_kill_minus_nine_loses_nothing_and_registers_nothing_twice(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "data")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = [make_pdf(inbox / f"leter-{i:02d}.pdf", LETTER.format(i=i)) for i in range(60)]
    hashes = {sha256_of(f) for f in files}
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kills = 0
    for attempt in range(8):  # seven runs killed at random moments, then one left to finish
        proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(settings.home), str(inbox)], cwd=ROOT, env=env
        )
        try:
            proc.wait(timeout=rng.uniform(0.8, 2.2) if attempt < 7 else 300)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            continue
        assert proc.returncode == 0
        if not list(inbox.iterdir()):
            break
    assert kills >= 1, "the worker always finished before it could be killed"
    assert not list(inbox.iterdir())
    db = Database(settings.resolved_database_url())
    journal = list(IntakeJournal(db).iter())
    assert Counter(r.outcome for r in journal) == {"registered": len(files)}
    with db.read() as session:
        numbers = sorted(session.execute(select(Entry.number)).scalars())
        registered = set(session.execute(select(Entry.sha256)).scalars())
    assert numbers == list(range(1, len(files) + 1))
    assert registered == hashes
    db.dispose()
