"""The `protokoll` command line: serve, process, export, daily, journal, retry, show, train,
evaluate and token. Each command builds the settings once and passes them down."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from protokoll.settings import Settings

Command = Callable[[argparse.Namespace, Settings], int]


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.home:
        overrides["home"] = Path(args.home)
    if getattr(args, "inbox", None):
        overrides["inbox"] = Path(args.inbox)
    if getattr(args, "poll", False):
        overrides["poll"] = True
    return Settings(**overrides)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    from api import commands

    parser = argparse.ArgumentParser(prog="protokoll", description=__doc__)
    parser.add_argument("--home", help="data directory (PROTOKOLL_HOME, default ./data)")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, handler: Command, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--home", help=argparse.SUPPRESS, default=argparse.SUPPRESS)
        p.set_defaults(handler=handler)
        return p

    p = add("serve", commands.serve, "watch the inbox and serve the API")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--inbox", help="folder to watch (default HOME/inbox)")
    p.add_argument("--poll", action="store_true", help="poll instead of file events (SMB/NFS)")

    p = add("process", commands.process, "take the given files or folders once, then exit")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--remove", action="store_true", help="remove each file once it is stored")

    p = add("export", commands.export, "print every entry")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")

    p = add("daily", commands.daily, "print the daily register with its SHA-256 seal")
    p.add_argument("--date", type=date.fromisoformat, default=date.today())
    p.add_argument("--json", action="store_true", help="print the canonical JSON instead")

    p = add("journal", commands.journal, "list every file ever seen")
    p.add_argument("--format", choices=("jsonl", "table"), default="table")
    p.add_argument("--outcome", choices=("pending", "registered", "duplicate", "quarantined"))

    p = add("retry", commands.retry, "retry quarantined files")
    p.add_argument("journal_ids", nargs="*", type=int)
    p.add_argument("--all", action="store_true", help="retry every quarantined file")

    p = add("show", commands.show, "show one entry")
    p.add_argument("ref", help="YEAR/NUMBER")

    p = add("train", commands.train, "train the classifier from the corpus and confirmed routings")
    p.add_argument("--corpus", type=Path, default=Path("samples/corpus"))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--if-missing", action="store_true", help="only train if no loadable model exists"
    )

    add("reclassify", commands.reclassify, "classify unconfirmed letters again with the model")

    p = add("evaluate", commands.evaluate, "evaluate the model on the held-out split")
    p.add_argument("corpus", nargs="?", type=Path, default=Path("samples/corpus"))

    p = add("token", commands.token, "create or revoke API tokens")
    token_sub = p.add_subparsers(dest="token_command", required=True)
    create = token_sub.add_parser("create")
    create.add_argument("--name", required=True)
    create.add_argument("--role", required=True, choices=("clerk", "reviewer", "director", "admin"))
    revoke = token_sub.add_parser("revoke")
    revoke.add_argument("name")
    token_sub.add_parser("list")

    add("migrate", commands.migrate, "bring the database schema up to date")
    return parser


def main(argv: list[str] | None = None) -> int:
    from api.logs import configure_logging
    from protokoll.errors import ProtokollError

    args = build_parser().parse_args(argv)
    configure_logging()
    settings = _settings(args)
    try:
        return int(args.handler(args, settings) or 0)
    except ProtokollError as err:
        print(json.dumps(err.as_dict(), ensure_ascii=False), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
