"""Structured one-line logs. Letter text never reaches a log; personal IDs are masked."""

from __future__ import annotations

import json
import logging
import sys

from protokoll.privacy import mask_personal_ids

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": mask_personal_ids(record.getMessage()),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = mask_personal_ids(value) if isinstance(value, str) else value
        if record.exc_info:
            line["error"] = mask_personal_ids(
                self.formatException(record.exc_info).splitlines()[-1]
            )
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("pdfminer", "PIL", "watchdog", "alembic", "httpx", "multipart"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
