"""Watching the inbox with watchdog (native events, or polling for SMB/NFS shares), plus a
periodic rescan so files dropped while Protokoll was down are taken too. The watcher only
notices files; the pipeline takes them once they are ready."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from intake.readiness import StabilityTracker, is_ignored

log = logging.getLogger("protokoll.watcher")


def files_in(folder: Path) -> list[Path]:
    """Every candidate file under `folder`, subfolders included."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not is_ignored(p))


class _Notice(FileSystemEventHandler):
    def __init__(self, tracker: StabilityTracker, lock: threading.Lock) -> None:
        self.tracker = tracker
        self.lock = lock

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory:
            return
        path = getattr(event, "dest_path", None) or event.src_path
        with self.lock:
            self.tracker.notice(Path(str(path)))


class InboxWatcher:
    """Feeds ready files of `inbox` to `take`, until `stop()`."""

    def __init__(
        self,
        inbox: Path,
        take: Callable[[Path], object],
        *,
        stability_seconds: float,
        poll: bool = False,
        rescan_seconds: float = 60.0,
        tick_seconds: float = 0.5,
    ) -> None:
        self.inbox = inbox
        self.take = take
        self.tracker = StabilityTracker(stability_seconds)
        self.poll = poll
        self.rescan_seconds = rescan_seconds
        self.tick_seconds = tick_seconds
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._observer = PollingObserver(timeout=1) if poll else Observer()

    def rescan(self) -> None:
        with self._lock:
            for path in files_in(self.inbox):
                self.tracker.notice(path)

    def run(self) -> None:
        """Watch until stopped. Blocking; run it in a thread."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        self._observer.schedule(_Notice(self.tracker, self._lock), str(self.inbox), recursive=True)
        self._observer.start()
        self.rescan()
        since_rescan = 0.0
        try:
            while not self._stop.wait(self.tick_seconds):
                since_rescan += self.tick_seconds
                if since_rescan >= self.rescan_seconds:
                    self.rescan()
                    since_rescan = 0.0
                with self._lock:
                    ready = self.tracker.ready()
                for path in ready:
                    self._take_one(path)
        finally:
            self._observer.stop()
            self._observer.join(timeout=5)

    def _take_one(self, path: Path) -> None:
        if not path.exists():
            return
        try:
            self.take(path)
        except Exception:  # one bad file never stops the loop; the journal keeps it pending
            log.exception("file could not be taken; it stays for the next rescan")

    def stop(self) -> None:
        self._stop.set()
