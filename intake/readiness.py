"""Telling when a file has finished arriving: scanners and SMB shares write slowly, in pieces.

A file is ready once its size and modification time have not changed for the stability delay.
Temporary and hidden files are never ready.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

IGNORED_PATTERNS = ("~$*", ".*", "*.part", "*.tmp", "*.crdownload")


def is_ignored(path: Path) -> bool:
    """Temporary, hidden and partial-download files, which are never taken."""
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in IGNORED_PATTERNS)


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


class StabilityTracker:
    """Remembers candidate files and says which have stopped changing."""

    def __init__(self, delay: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self.clock = clock
        self._seen: dict[Path, _Seen] = {}

    def notice(self, path: Path) -> None:
        if not is_ignored(path):
            self._observe(path)

    def _observe(self, path: Path) -> _Seen | None:
        try:
            stat = path.stat()
        except FileNotFoundError:
            self._seen.pop(path, None)
            return None
        now = self.clock()
        seen = self._seen.get(path)
        if seen is None or (seen.size, seen.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            seen = _Seen(stat.st_size, stat.st_mtime_ns, now)
            self._seen[path] = seen
        return seen

    def ready(self) -> list[Path]:
        """Files unchanged for the delay; they are forgotten once returned."""
        now = self.clock()
        done = []
        for path in list(self._seen):
            seen = self._observe(path)
            if seen is not None and now - seen.since >= self.delay:
                done.append(path)
                del self._seen[path]
        return sorted(done)

    def __len__(self) -> int:
        return len(self._seen)
