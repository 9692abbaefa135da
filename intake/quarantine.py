"""The quarantine folder: a copy of each file Protokoll could not read, beside a small JSON file
saying why, at which stage, and what the clerk can do. The original stays in the store."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

from intake.store import OriginalsStore

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str) -> str:
    """A bare file name, never a path: strips directories, NULs and odd characters."""
    bare = name.replace("\\", "/").split("/")[-1].replace("\x00", "")
    bare = _UNSAFE.sub("_", bare).strip("._") or "file"
    return bare[:120]


class Quarantine:
    def __init__(self, root: Path, store: OriginalsStore) -> None:
        self.root = root
        self.store = store

    def put(
        self,
        *,
        journal_id: int,
        sha256: str,
        source_name: str,
        stage: str,
        code: str,
        reason: str,
        advice: str,
        at: datetime,
    ) -> Path:
        """Copy the original into quarantine with its reason; return the reason file's path."""
        self.root.mkdir(parents=True, exist_ok=True)
        stem = f"{journal_id:06d}-{safe_name(source_name)}"
        target = self.root / stem
        if not target.exists():
            self.store.copy_out(sha256, target)
        reason_file = self.root / f"{stem}.json"
        reason_file.write_text(
            json.dumps(
                {
                    "journal_id": journal_id,
                    "source_name": source_name,
                    "sha256": sha256,
                    "stage": stage,
                    "code": code,
                    "reason": reason,
                    "advice": advice,
                    "retry": f"protokoll retry {journal_id}",
                    "quarantined_at": at.isoformat(),
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
        return reason_file

    def release(self, *, journal_id: int, source_name: str) -> None:
        """Remove the quarantine copy once a retry succeeded (the store keeps the original)."""
        stem = f"{journal_id:06d}-{safe_name(source_name)}"
        for path in (self.root / stem, self.root / f"{stem}.json"):
            if path.exists():
                path.chmod(0o644)
                path.unlink()
