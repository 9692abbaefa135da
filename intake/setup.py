"""Building the pipeline from the settings: the one place where the stages are wired together."""

from __future__ import annotations

from pathlib import Path

from extract.types import Extraction
from intake.pipeline import Classifier, Extractor, Pipeline
from intake.quarantine import Quarantine
from intake.store import OriginalsStore
from protokoll.settings import Settings
from registry import Database, DeadlinePolicy, ProtocolBook


def open_book(settings: Settings, *, migrate: bool = True) -> ProtocolBook:
    """The protocol book of this deployment, its schema brought up to date."""
    settings.ensure_dirs()
    db = Database(settings.resolved_database_url())
    if migrate:
        db.migrate()
    return ProtocolBook(
        db,
        deadlines=DeadlinePolicy(
            default_reply_days=settings.default_reply_days,
            information_working_days=settings.information_reply_working_days,
        ),
    )


def real_extractor(settings: Settings) -> Extractor:
    from extract import ExtractLimits, OcrEngine, extract_file

    limits = ExtractLimits.from_settings(settings)
    ocr = OcrEngine.from_limits(limits)

    def run(path: Path, name: str) -> Extraction:
        return extract_file(path, name=name, limits=limits, ocr=ocr)

    return run


def real_classifier(settings: Settings) -> Classifier:
    from classify import load_classifier

    return load_classifier(settings.model_path, thresholds=settings.thresholds or None)


def build_pipeline(
    settings: Settings,
    *,
    book: ProtocolBook | None = None,
    extractor: Extractor | None = None,
    classifier: Classifier | None = None,
) -> Pipeline:
    book = book or open_book(settings)
    store = OriginalsStore(settings.originals_dir)
    return Pipeline(
        book=book,
        store=store,
        quarantine=Quarantine(settings.quarantine_dir, store),
        extractor=extractor or real_extractor(settings),
        classifier=classifier or real_classifier(settings),
        max_file_bytes=settings.max_file_bytes,
    )
