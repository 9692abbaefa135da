"""Prometheus metrics: files taken by outcome, pages OCR'd, the intake queue, the review
backlog and per-stage latency.

Counters and histograms live in a registry of the app's own (so two apps in one process never
clash). The queue length, the review backlog and the journal's files by outcome are read from the
database at scrape time, so they count files the watcher took too. Extraction and classification
are timed by wrapping the pipeline's two seams once, when the app is built.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from extract.types import Extraction
from intake.pipeline import Classifier, Extractor, Outcome, Pipeline
from registry import Database
from registry.access import journal_counts
from registry.review import review_backlog

_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)


class ApiMetrics:
    def __init__(self, db: Database) -> None:
        self.registry = CollectorRegistry()
        self.files_taken = Counter(
            "protokoll_files_taken", "Files taken through the API, by outcome", ["outcome"],
            registry=self.registry,
        )  # fmt: skip
        self.pages_ocr = Counter("protokoll_pages_ocr", "Pages read by OCR", registry=self.registry)
        self.pages_read = Counter(
            "protokoll_pages_read", "Pages read by any method", registry=self.registry
        )
        self.stage_seconds = Histogram(
            "protokoll_stage_seconds", "Seconds per pipeline stage", ["stage"],
            buckets=_BUCKETS, registry=self.registry,
        )  # fmt: skip
        self.registry.register(_DatabaseGauges(db))

    def observe_outcome(self, outcome: Outcome) -> None:
        self.files_taken.labels(outcome.outcome).inc()
        self.stage_seconds.labels("total").observe(outcome.seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _DatabaseGauges(Collector):
    """Figures read from the register when Prometheus scrapes."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        counts = journal_counts(self.db)
        queue = GaugeMetricFamily(
            "protokoll_intake_queue_length", "Files stored and journaled, not yet processed"
        )
        queue.add_metric([], counts.get("pending", 0))
        yield queue
        files = GaugeMetricFamily(
            "protokoll_journal_files", "Files ever seen, by outcome", labels=["outcome"]
        )
        for outcome in ("pending", "registered", "duplicate", "quarantined"):
            files.add_metric([outcome], counts.get(outcome, 0))
        yield files
        backlog = GaugeMetricFamily("protokoll_review_backlog", "Letters waiting for review")
        backlog.add_metric([], review_backlog(self.db))
        yield backlog


class _TimedExtractor:
    def __init__(self, inner: Extractor, metrics: ApiMetrics) -> None:
        self.inner = inner
        self.metrics = metrics

    def __call__(self, path: Path, name: str) -> Extraction:
        started = time.monotonic()
        try:
            extraction = self.inner(path, name)
        finally:
            self.metrics.stage_seconds.labels("extract").observe(time.monotonic() - started)
        self.metrics.pages_read.inc(extraction.page_count)
        self.metrics.pages_ocr.inc(extraction.ocr_page_count)
        return extraction


class _TimedClassifier:
    def __init__(self, inner: Classifier, metrics: ApiMetrics) -> None:
        self.inner = inner
        self.metrics = metrics

    def classify(self, text: str, *, email_to: tuple[str, ...] = ()) -> Any:
        started = time.monotonic()
        try:
            return self.inner.classify(text, email_to=email_to)
        finally:
            self.metrics.stage_seconds.labels("classify").observe(time.monotonic() - started)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def instrument_pipeline(pipeline: Pipeline, metrics: ApiMetrics) -> None:
    """Time the pipeline's extractor and classifier seams (once, however often it is called)."""
    if isinstance(pipeline.extractor, _TimedExtractor):
        pipeline.extractor.metrics = metrics
    else:
        pipeline.extractor = _TimedExtractor(pipeline.extractor, metrics)
    if isinstance(pipeline.classifier, _TimedClassifier):
        pipeline.classifier.metrics = metrics
    else:
        pipeline.classifier = _TimedClassifier(pipeline.classifier, metrics)
