"""Intake: the one place where the stages meet. Files are noticed (watcher), stored and
journaled (store, registry journal), then extracted, classified and registered (pipeline)."""

from intake.pipeline import Classifier, Extractor, Outcome, Pipeline
from intake.quarantine import Quarantine, safe_name
from intake.readiness import StabilityTracker, is_ignored
from intake.setup import build_pipeline, open_book
from intake.store import OriginalsStore, StoredOriginal, sha256_of
from intake.watcher import InboxWatcher, files_in

__all__ = [
    "Classifier",
    "Extractor",
    "InboxWatcher",
    "Outcome",
    "OriginalsStore",
    "Pipeline",
    "Quarantine",
    "StabilityTracker",
    "StoredOriginal",
    "build_pipeline",
    "files_in",
    "is_ignored",
    "open_book",
    "safe_name",
    "sha256_of",
]
