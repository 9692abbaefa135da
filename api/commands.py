"""What each `protokoll` command does. Thin: build the parts, call them, print."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from protokoll.settings import Settings

log = logging.getLogger("protokoll")


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app
    from intake import InboxWatcher, build_pipeline

    pipeline = build_pipeline(settings)
    resumed = pipeline.resume_pending()
    if resumed:
        log.info("resumed pending files", extra={"count": len(resumed)})
    watcher = InboxWatcher(
        settings.inbox_dir,
        lambda path: pipeline.take_file(path, channel="scan", remove=True),
        stability_seconds=settings.stability_seconds,
        poll=settings.poll,
        rescan_seconds=settings.rescan_seconds,
    )
    thread = threading.Thread(target=watcher.run, name="inbox-watcher", daemon=True)
    thread.start()
    log.info("watching inbox", extra={"inbox": str(settings.inbox_dir), "poll": settings.poll})
    app = create_app(pipeline.book, pipeline=pipeline, settings=settings)
    try:
        # No access log: query strings carry searched names and words from letters.
        uvicorn.run(
            app,
            host=args.host or settings.host,
            port=args.port or settings.port,
            log_config=None,
            access_log=False,
        )
    finally:
        watcher.stop()
        thread.join(timeout=10)
    return 0


def process(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from intake import build_pipeline, files_in

    files: list[Path] = []
    for path in args.paths:
        files.extend(files_in(path) if path.is_dir() else [path])
    pipeline = build_pipeline(settings)
    counts: Counter[str] = Counter()
    ocr_pages = 0
    started = time.monotonic()
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("Registering", total=len(files))
        for path in files:
            outcome = pipeline.take_file(path, channel="scan", remove=args.remove)
            counts[outcome.outcome] += 1
            ocr_pages += outcome.ocr_pages
            progress.advance(task)
    summary = ", ".join(
        f"{counts[k]} {k}" for k in ("registered", "duplicate", "quarantined")
    )  # fmt: skip
    print(
        f"{len(files)} files: {summary}; {ocr_pages} pages OCR'd; {time.monotonic() - started:.1f} s"
    )
    return 0


def export(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book
    from registry import iter_entries, to_csv, to_jsonl

    book = open_book(settings)
    render = to_jsonl if args.format == "jsonl" else to_csv
    for chunk in render(iter_entries(book.db)):
        sys.stdout.write(chunk if args.format == "csv" else chunk + "\n")
    return 0


def daily(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book
    from registry import daily_register

    register = daily_register(open_book(settings).db, args.date)
    print(register.canonical() if args.json else register.render())
    if args.json:
        print(register.sha256, file=sys.stderr)
    return 0


def journal(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book
    from registry import IntakeJournal

    records = IntakeJournal(open_book(settings).db).iter(outcome=args.outcome)
    for r in records:
        row = {
            "id": r.id,
            "source_name": r.source_name,
            "sha256": r.sha256,
            "received_at": r.received_at.isoformat(),
            "channel": r.channel,
            "outcome": r.outcome,
            "display": r.entry_display,
            "reason": r.reason,
        }
        if args.format == "jsonl":
            print(json.dumps(row, ensure_ascii=False))
        else:
            detail = r.entry_display or r.reason or ""
            print(f"{r.id:>6}  {r.outcome:<11}  {r.source_name[:40]:<40}  {detail}")
    return 0


def retry(args: argparse.Namespace, settings: Settings) -> int:
    from intake import build_pipeline
    from registry import IntakeJournal

    pipeline = build_pipeline(settings)
    ids = list(args.journal_ids)
    if args.all:
        ids += [r.id for r in IntakeJournal(pipeline.book.db).iter(outcome="quarantined")]
    if not ids:
        print("nothing to retry: give journal ids or --all", file=sys.stderr)
        return 1
    for journal_id in ids:
        outcome = pipeline.retry(journal_id)
        print(f"{journal_id}: {outcome.outcome} {outcome.display or outcome.reason or ''}")
    return 0


def show(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book
    from registry import export_record, parse_entry_ref

    book = open_book(settings)
    year, number = parse_entry_ref(args.ref)
    print(json.dumps(export_record(book.get(year, number)), ensure_ascii=False, indent=2))
    return 0


def train(args: argparse.Namespace, settings: Settings) -> int:
    from classify import LabelledLetter, load_classifier, read_corpus, train_model
    from intake import open_book
    from registry import confirmed_routings

    if args.if_missing and (settings.model_path / "meta.json").exists():
        if load_classifier(settings.model_path).is_available:
            print(f"model present at {settings.model_path}; not retraining")
            return 0
        print(f"the model at {settings.model_path} cannot be loaded; retraining")
    corpus = read_corpus(args.corpus)
    confirmed = [
        LabelledLetter(
            text=r.text,
            addressee=r.addressee,
            topic=r.topic,
            kind=r.kind,
            relevant=r.relevant,
            source=f"register:{r.ref}",
        )  # fmt: skip
        for r in confirmed_routings(open_book(settings).db)
    ]
    report = train_model(
        list(corpus.train) + confirmed, out_dir=settings.model_path, seed=args.seed
    )
    print(f"trained on {len(corpus.train)} corpus letters + {len(confirmed)} confirmed routings")
    print(report.render() if hasattr(report, "render") else report)
    return 0


def reclassify(args: argparse.Namespace, settings: Settings) -> int:
    from intake.reclassify import reclassify_unconfirmed
    from intake.setup import open_book, real_classifier

    book = open_book(settings)
    changed = reclassify_unconfirmed(book, real_classifier(settings), actor="model")
    print(f"{changed} unconfirmed entries changed their suggested routing")
    return 0


def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    from classify import evaluate as evaluate_model
    from classify import load_classifier, read_corpus

    classifier = load_classifier(settings.model_path, thresholds=settings.thresholds or None)
    corpus = read_corpus(args.corpus)
    print(evaluate_model(classifier, corpus.heldout).render())
    return 0


def token(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book
    from registry import TokenStore

    tokens = TokenStore(open_book(settings).db)
    if args.token_command == "create":
        secret = tokens.create(name=args.name, role=args.role, actor="cli")
        print(secret)
        print(f"token for {args.name} ({args.role}); it is shown only once", file=sys.stderr)
    elif args.token_command == "revoke":
        tokens.revoke(args.name, actor="cli")
        print(f"revoked {args.name}")
    else:
        for t in tokens.list():
            state = "revoked" if t.revoked_at else "active"
            print(f"{t.name:<24} {t.role:<9} {state}")
    return 0


def migrate(args: argparse.Namespace, settings: Settings) -> int:
    from intake import open_book

    open_book(settings)
    print(f"schema up to date at {settings.resolved_database_url()}")
    return 0
