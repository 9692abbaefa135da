"""A letter's journey with the real extractor: registered, duplicate or quarantined, never lost."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from extract.types import Extraction
from intake import Pipeline, build_pipeline, sha256_of
from intake.pipeline import _source_key
from protokoll.settings import Settings
from registry import IntakeJournal
from tests.intake.conftest import SAMPLES, FixedClassifier, make_pdf


def test_born_digital_pdf_is_stored_extracted_and_registered(
    pipeline: Pipeline, sample, classifier
) -> None:  # type: ignore[no-untyped-def]
    path = sample("born-digital.pdf")
    digest = sha256_of(path)
    outcome = pipeline.take_file(path, remove=True)
    assert outcome.outcome == "registered" and outcome.entry_ref is not None
    assert not path.exists()
    entry = pipeline.book.get(*map(int, outcome.entry_ref.split("/")))
    assert entry.sha256 == digest and entry.source_name == "born-digital.pdf"
    assert entry.display.startswith("Nr. 1 Prot., datë ")
    assert (entry.addressee, entry.topic, entry.status) == ("kryetari", "rruget", "routed")
    stored = pipeline.store.path_for(digest)
    assert stored.read_bytes() == (SAMPLES / "born-digital.pdf").read_bytes()
    assert stored.stat().st_mode & 0o222 == 0  # read-only
    expected = (SAMPLES / "born-digital.pdf.expected.txt").read_text().split()[:5]
    assert " ".join(expected) in " ".join(classifier.seen[0].split())
    text = pipeline.book.entry_text(entry.year, entry.number)
    assert " ".join(expected) in " ".join(text.split())


def test_same_bytes_again_is_a_duplicate_linked_to_the_entry(pipeline: Pipeline, sample) -> None:  # type: ignore[no-untyped-def]
    first = pipeline.take_file(sample("born-digital.pdf"))
    second = pipeline.take_file(sample("born-digital.pdf"))
    assert second.outcome == "duplicate"
    assert second.entry_ref == first.entry_ref and second.display == first.display
    outcomes = [r.outcome for r in IntakeJournal(pipeline.book.db).iter()]
    assert outcomes == ["registered", "duplicate"]


@pytest.mark.parametrize(
    "name, code",
    [
        ("broken-corrupt.pdf", "corrupt"),
        ("broken-encrypted.pdf", "encrypted"),
        ("broken-empty.pdf", "empty"),
        ("broken-truncated.jpg", "corrupt"),
        ("broken-bomb.png", "bomb"),
        ("broken-unsupported.xlsx", "unsupported"),
    ],
)
def test_unreadable_files_are_quarantined_with_a_reason(
    pipeline: Pipeline,
    sample,
    settings: Settings,
    name: str,
    code: str,  # type: ignore[no-untyped-def]
) -> None:
    outcome = pipeline.take_file(sample(name), remove=True)
    assert outcome.outcome == "quarantined"
    assert code in (outcome.reason or "")
    notes = list(settings.quarantine_dir.glob("*.json"))
    assert len(notes) == 1
    note = json.loads(notes[0].read_text())
    assert note["stage"] == "extract" and note["advice"] and note["sha256"] == outcome.sha256
    kept = settings.quarantine_dir / notes[0].name.removesuffix(".json")
    assert kept.read_bytes() == (SAMPLES / name).read_bytes()


def test_retry_after_a_fix_registers_and_releases_the_quarantined_file(
    settings: Settings,
    sample,
    classifier: FixedClassifier,  # type: ignore[no-untyped-def]
) -> None:
    from extract import CorruptFile

    calls: list[str] = []

    def flaky(path: Path, name: str) -> Extraction:
        calls.append(name)
        if len(calls) == 1:
            raise CorruptFile("the reader choked")
        return Extraction(media_type="text/plain", pages=())

    pipeline = build_pipeline(settings, extractor=flaky, classifier=classifier)
    first = pipeline.take_file(sample("letter.txt"))
    assert first.outcome == "quarantined"
    assert list(settings.quarantine_dir.iterdir())
    again = pipeline.retry(first.journal_id)
    assert again.outcome == "registered"
    assert not list(settings.quarantine_dir.iterdir())
    assert IntakeJournal(pipeline.book.db).get(first.journal_id).outcome == "registered"


def test_a_file_left_pending_by_a_crash_is_resumed_once(pipeline: Pipeline, sample) -> None:  # type: ignore[no-untyped-def]
    path = sample("born-digital.pdf")
    stored = pipeline.store.put_file(path)  # stored and journaled, then the process died
    pipeline.journal.open(sha256=stored.sha256, source_name=path.name, size=stored.size,
                          channel="scan", at=pipeline.book.clock(),
                          source_key=_source_key(path))  # fmt: skip
    outcomes = pipeline.resume_pending()
    assert [o.outcome for o in outcomes] == ["registered"]
    again = pipeline.take_file(path, remove=True)  # the inbox copy the crash left behind
    assert again.outcome == "registered" and again.entry_ref == outcomes[0].entry_ref
    assert not path.exists()
    assert [r.outcome for r in pipeline.journal.iter()] == ["registered"]


def test_a_second_delivery_of_the_same_bytes_is_a_duplicate(pipeline: Pipeline, sample) -> None:  # type: ignore[no-untyped-def]
    pipeline.take_file(sample("born-digital.pdf"), remove=True)
    again = pipeline.take_file(sample("born-digital.pdf"), remove=True)  # scanned once more
    assert again.outcome == "duplicate"


def test_every_dropped_file_ends_in_exactly_one_state(pipeline: Pipeline, tmp_path: Path) -> None:
    drop = tmp_path / "many"
    drop.mkdir()
    names = [
        make_pdf(drop / f"leter-{i}.pdf", f"Letra {i}\nI nderuar Kryetar").name for i in range(6)
    ]
    (drop / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    (drop / "copy.pdf").write_bytes((drop / names[0]).read_bytes())
    for path in sorted(drop.iterdir()):
        pipeline.take_file(path, remove=True)
    counts = Counter(r.outcome for r in pipeline.journal.iter())
    assert counts == {"registered": 6, "duplicate": 1, "quarantined": 1}
    assert not list(drop.iterdir())


def test_an_email_is_classified_by_its_body_and_sent_by_its_from_header(
    pipeline: Pipeline,
    sample,
    classifier: FixedClassifier,  # type: ignore[no-untyped-def]
) -> None:
    outcome = pipeline.take_file(sample("email-utf8.eml"))
    entry = pipeline.book.get(*map(int, (outcome.entry_ref or "").split("/")))
    assert entry.channel == "email" and entry.sender_contact == "luan.kaci@example.al"
    assert entry.sender_name == "Luan Kaçi"
    assert entry.subject == "Kërkesë për rishikimin e taksës"
    assert entry.attachments and entry.attachments[0].sha256
    seen = classifier.seen[-1]
    assert seen.startswith("Subject: Kërkesë për rishikimin e taksës")
    assert "Drejtorisë së Taksave Vendore" in seen
    attachment_text = " ".join(pipeline.book.entry_text(entry.year, entry.number).split())
    assert len(attachment_text) > len(" ".join(seen.split()))  # the attachment is still searchable
