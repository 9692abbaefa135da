"""Bench the classifier: model load time, and per-letter latency over the held-out letters.

    .venv/bin/python bench/classify.py [MODEL_DIR] [--corpus samples/corpus]

Trains a model on the training split first when MODEL_DIR has none. Prints load time and the
median and p99 classification time (targets: load < 2 s, classify < 50 ms).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from classify import load_classifier, read_corpus, train_model  # noqa: E402


def _cold_start(model_dir: Path) -> float:
    code = (
        "import time; t = time.perf_counter(); import classify; "
        f"c = classify.load_classifier({str(model_dir)!r}); assert c.is_available; "
        "print(time.perf_counter() - t)"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir", nargs="?", type=Path, default=None)
    parser.add_argument("--corpus", type=Path, default=Path("samples/corpus"))
    args = parser.parse_args()
    corpus = read_corpus(args.corpus)
    model_dir = args.model_dir or Path(tempfile.mkdtemp(prefix="bench-model-")) / "model"
    if not (model_dir / "meta.json").exists():
        started = time.perf_counter()
        train_model(corpus.train, out_dir=model_dir, seed=0)
        print(f"train: {time.perf_counter() - started:.1f} s on {len(corpus.train)} letters")

    started = time.perf_counter()
    classifier = load_classifier(model_dir)
    load_seconds = time.perf_counter() - started
    if not classifier.is_available:
        print(f"model unavailable: {classifier.unavailable_reason}")
        return 1
    classifier.classify(corpus.heldout[0].text)  # warm-up

    timings = []
    for letter in corpus.heldout:
        started = time.perf_counter()
        classifier.classify(letter.text)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(round(0.99 * (len(timings) - 1))))]
    print(f"load: {load_seconds:.2f} s (target < 2 s)")
    print(f"cold start in a fresh process (import + load): {_cold_start(model_dir):.2f} s")
    print(
        f"classify: median {statistics.median(timings):.1f} ms, p99 {p99:.1f} ms over "
        f"{len(timings)} held-out letters (target < 50 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
