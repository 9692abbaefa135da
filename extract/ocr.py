"""The one adapter around tesseract: rotation detection, OCR with confidence, timeouts, a pool.

Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`) and pages are spread over a process pool
with one worker per core: with its OpenMP threads on, tesseract runs 3-4 times slower once
processes run side by side. Page inputs are PNG bytes, so a page can travel to any worker (or,
later, to another machine) and the work stays a change of executor, not of design.
"""

from __future__ import annotations

import io
import os
import re
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context

import pytesseract
from PIL import Image

from extract.deskew import deskew
from extract.errors import ExtractionError, OcrTimeout, ToolMissing
from extract.limits import ExtractLimits

#: OSD's orientation confidence below which we trust the page as it is. Full letter pages score
#: well above this; pages with a line or two of text score near zero and are left unturned.
MIN_ORIENTATION_CONFIDENCE = 2.0
#: Extra seconds we wait for a worker beyond the tesseract timeout before giving the page up.
_POOL_GRACE_SECONDS = 30.0
_ROTATE_RE = re.compile(r"Rotate:\s*(\d+)")
_ORIENTATION_CONFIDENCE_RE = re.compile(r"Orientation confidence:\s*([\d.]+)")


@dataclass(frozen=True)
class OcrJob:
    """One page to OCR. Picklable: the image travels as PNG bytes."""

    png: bytes
    languages: str
    timeout_seconds: float
    detect_rotation: bool = True
    omp_threads: int | None = 1  # None keeps tesseract's default threading


@dataclass(frozen=True)
class OcrResult:
    """What tesseract made of one page."""

    text: str
    confidence: float | None
    rotation: int = 0
    flags: tuple[str, ...] = ()


class OcrEngine:
    """Runs OCR jobs, in a lazily created process pool or (workers=1, in_process) in-process.

    Reuse one engine across files and `close()` it at shutdown; it is also a context manager.
    Workers are started with "spawn" (safe under a threaded server), so a script that uses the
    pool must keep its top-level code under `if __name__ == "__main__":`.
    """

    def __init__(
        self,
        *,
        languages: str = "sqi+eng",
        timeout_seconds: float = 120.0,
        workers: int = 0,
        in_process: bool = False,
        omp_threads: int | None = 1,
        detect_rotation: bool = True,
    ) -> None:
        self.languages = languages
        self.timeout_seconds = timeout_seconds
        self.workers = workers if workers > 0 else _core_count()
        self.in_process = in_process
        self.omp_threads = omp_threads
        self.detect_rotation = detect_rotation
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_limits(cls, limits: ExtractLimits, *, in_process: bool = False) -> OcrEngine:
        return cls(
            languages=limits.ocr_languages,
            timeout_seconds=limits.ocr_timeout_seconds,
            workers=1 if in_process else limits.ocr_workers,
            in_process=in_process,
        )

    def recognise_pages(self, images: Sequence[bytes]) -> list[OcrResult]:
        """OCR each PNG image, in input order. One slow page never sinks the rest."""
        jobs = [
            OcrJob(
                png=png,
                languages=self.languages,
                timeout_seconds=self.timeout_seconds,
                detect_rotation=self.detect_rotation,
                omp_threads=self.omp_threads,
            )
            for png in images
        ]
        if self.in_process:
            return [recognise_page(job) for job in jobs]
        pool = self._ensure_pool()
        futures = [pool.submit(recognise_page, job) for job in jobs]
        return [self._collect(future) for future in futures]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> OcrEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent may be a threaded server, and forked locks deadlock.
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=get_context("spawn")
            )
        return self._pool

    def _collect(self, future: Future[OcrResult]) -> OcrResult:
        try:
            return future.result(timeout=self.timeout_seconds * 2 + _POOL_GRACE_SECONDS)
        except TimeoutError:
            future.cancel()
            return OcrResult(text="", confidence=None, flags=("ocr-timeout",))
        except BrokenProcessPool as error:
            self._pool = None
            raise ExtractionError("an OCR worker process died") from error


def recognise_page(job: OcrJob) -> OcrResult:
    """Turn the page upright and level, then OCR it. Runs in a worker process, so it takes a picklable job."""
    with _tesseract_threads(job.omp_threads):
        image: Image.Image = Image.open(io.BytesIO(job.png))
        image.load()
        deadline = time.monotonic() + job.timeout_seconds
        try:
            rotation = 0
            if job.detect_rotation:
                rotation = _detect_rotation(image, timeout=_remaining(deadline))
                if rotation:
                    # PIL turns counter-clockwise; OSD's "Rotate" is clockwise.
                    image = image.rotate(-rotation, expand=True, fillcolor=255)
            image, skew = deskew(image.convert("L"))
            text, confidence = _read_text(
                image, languages=job.languages, timeout=_remaining(deadline)
            )
        except OcrTimeout:
            return OcrResult(text="", confidence=None, flags=("ocr-timeout",))
        except pytesseract.TesseractError:
            return OcrResult(text="", confidence=None, flags=("ocr-failed",))
        flags = ("deskewed",) if skew else ()
        return OcrResult(text=text, confidence=confidence, rotation=rotation, flags=flags)


def _detect_rotation(image: Image.Image, *, timeout: float) -> int:
    """Clockwise degrees that turn the page upright, by tesseract's OSD; 0 when OSD is unsure."""
    try:
        osd = pytesseract.image_to_osd(image, config="--psm 0", timeout=timeout)
    except pytesseract.TesseractNotFoundError as error:
        raise ToolMissing("tesseract is not installed") from error
    except RuntimeError as error:
        if _is_timeout(error):
            raise OcrTimeout("orientation detection timed out") from error
        return 0  # OSD fails on pages with too little text: take the page as it is
    rotate = _ROTATE_RE.search(osd)
    confidence = _ORIENTATION_CONFIDENCE_RE.search(osd)
    if rotate is None or confidence is None:
        return 0
    if float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def _read_text(image: Image.Image, *, languages: str, timeout: float) -> tuple[str, float | None]:
    """One tesseract run giving both the text and the per-word confidences."""
    try:
        outputs = pytesseract.run_and_get_multiple_output(
            image, extensions=["txt", "tsv"], lang=languages, timeout=timeout
        )
    except pytesseract.TesseractNotFoundError as error:
        raise ToolMissing("tesseract is not installed") from error
    except RuntimeError as error:
        if _is_timeout(error):
            raise OcrTimeout("OCR timed out") from error
        raise
    text, tsv = outputs
    return text.strip(), _mean_word_confidence(tsv)


def _mean_word_confidence(tsv: str) -> float | None:
    """Mean of tesseract's confidences over recognised words (level 5 rows with text)."""
    lines = tsv.splitlines()
    if not lines:
        return None
    header = lines[0].split("\t")
    level, conf, text = header.index("level"), header.index("conf"), header.index("text")
    scores = []
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) <= text or cells[level] != "5" or not cells[text].strip():
            continue
        value = float(cells[conf])
        if value >= 0:
            scores.append(value)
    return round(sum(scores) / len(scores), 1) if scores else None


def _remaining(deadline: float) -> float:
    """Seconds left for this page; never zero, which pytesseract would read as 'no timeout'."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrTimeout("OCR timed out")
    return left


def _is_timeout(error: RuntimeError) -> bool:
    return "timeout" in str(error).lower()


@contextmanager
def _tesseract_threads(omp_threads: int | None) -> Iterator[None]:
    """Limit tesseract's OpenMP threads for the subprocesses pytesseract starts from here."""
    if omp_threads is None:
        yield
        return
    previous = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = str(omp_threads)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = previous


def _core_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)
