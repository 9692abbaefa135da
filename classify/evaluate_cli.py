"""Command line for training and evaluating on a corpus, until `protokoll train/evaluate` wrap it.

python -m classify.evaluate_cli samples/corpus                 # train on train split, evaluate
python -m classify.evaluate_cli samples/corpus --model DIR --no-train   # evaluate a model
python -m classify.evaluate_cli samples/corpus --write-heldout # also rewrite heldout.txt
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from classify.classifier import load_classifier
from classify.corpus import heldout_listing, read_corpus
from classify.evaluation import evaluate
from classify.model import TrainingOptions
from classify.training import train_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classify.evaluate_cli")
    parser.add_argument("corpus", type=Path, help="corpus directory (with letters/)")
    parser.add_argument("--model", type=Path, default=None, help="model directory")
    parser.add_argument("--no-train", action="store_true", help="evaluate an existing model")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--backend", choices=("linear", "spacy-bow", "ensemble"), default="ensemble"
    )
    parser.add_argument("--errors", action="store_true", help="list misclassified letters")
    parser.add_argument("--write-heldout", action="store_true", help="rewrite heldout.txt")
    args = parser.parse_args(argv)

    corpus = read_corpus(args.corpus)
    for problem in corpus.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    print(f"corpus: {len(corpus.train)} training letters, {len(corpus.heldout)} held out")
    if args.write_heldout:
        (args.corpus / "heldout.txt").write_text(heldout_listing(corpus), encoding="utf-8")
    model_dir = args.model or Path(tempfile.mkdtemp(prefix="protokoll-model-"))
    if not args.no_train:
        options = TrainingOptions(backend=args.backend)
        report = train_model(corpus.train, out_dir=model_dir, seed=args.seed, options=options)
        print(report.render())
    classifier = load_classifier(model_dir)
    evaluation = evaluate(classifier, corpus.heldout)
    print(evaluation.render())
    if args.errors:
        for source, dim, truth, predicted in evaluation.errors:
            print(f"  {source}: {dim} {truth} -> {predicted}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
