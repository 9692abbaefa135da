"""Benchmark OCR throughput: single-threaded tesseract in a pool vs tesseract's own threads.

    .venv/bin/python bench/extract.py [--repeats 3] [--workers 2]

Both runs OCR the same sample pages (orientation detection included). The pool runs tesseract
with OMP_THREAD_LIMIT=1, one process per worker; the baseline runs the pages one after another
in this process with tesseract's default OpenMP threading. Prints the median wall time of each
and their ratio (baseline / pool: above 1 means the pool is faster).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import ExtractLimits, OcrEngine  # noqa: E402
from extract.images import prepare_image_pages  # noqa: E402

SAMPLE_PAGES = ("scan-clean.png", "scan-skewed.png", "scan-rotated-90.png", "scan-multipage.tif")


def load_pages() -> list[bytes]:
    limits = ExtractLimits()
    pages: list[bytes] = []
    for name in SAMPLE_PAGES:
        pages.extend(
            prepare_image_pages((ROOT / "samples" / "files" / name).read_bytes(), limits=limits)
        )
    return pages


def time_run(engine: OcrEngine, pages: list[bytes]) -> float:
    started = time.perf_counter()
    results = engine.recognise_pages(pages)
    elapsed = time.perf_counter() - started
    assert all(result.text for result in results), "a page came back empty"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    pages = load_pages()
    pooled = OcrEngine(workers=args.workers, omp_threads=1)
    sequential = OcrEngine(in_process=True, workers=1, omp_threads=None)
    with pooled:
        pooled.recognise_pages(pages[:1])  # start the workers outside the timing
        pool_times = [time_run(pooled, pages) for _ in range(args.repeats)]
    threaded_times = [time_run(sequential, pages) for _ in range(args.repeats)]

    pool_median = statistics.median(pool_times)
    threaded_median = statistics.median(threaded_times)
    print(f"pages per run:                              {len(pages)}")
    print(f"pool of {args.workers}, OMP_THREAD_LIMIT=1:            median {pool_median:6.2f} s")
    print(f"sequential, tesseract's default threads:   median {threaded_median:6.2f} s")
    print(f"ratio (sequential / pool):                  {threaded_median / pool_median:6.2f}x")


if __name__ == "__main__":
    main()
