"""The watcher takes a file only once it has stopped changing, in subfolders too, with native
events or polling, and ignores temporary and hidden files."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from intake import InboxWatcher, StabilityTracker, is_ignored


@pytest.mark.parametrize(
    "name, ignored",
    [
        ("~$letter.docx", True),
        (".hidden.pdf", True),
        ("scan.pdf.part", True),
        ("x.tmp", True),
        ("download.pdf.crdownload", True),
        ("scan.pdf", False),
        ("Letër nga qytetari.eml", False),
    ],
)
def test_temporary_and_hidden_files_are_ignored(name: str, ignored: bool) -> None:
    assert is_ignored(Path(name)) is ignored


def test_a_file_is_ready_only_after_it_stops_changing(tmp_path: Path) -> None:
    now = [0.0]
    tracker = StabilityTracker(3.0, clock=lambda: now[0])
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 first half")
    tracker.notice(path)
    now[0] = 2.0
    with path.open("ab") as handle:
        handle.write(b" second half")
    assert tracker.ready() == []  # it changed at t=2: the clock restarts
    now[0] = 4.5
    assert tracker.ready() == []
    now[0] = 5.1
    assert tracker.ready() == [path]
    assert tracker.ready() == []  # returned once


def _watch(
    inbox: Path, *, poll: bool
) -> tuple[InboxWatcher, list[tuple[Path, bytes]], threading.Thread]:
    taken: list[tuple[Path, bytes]] = []

    def take(path: Path) -> None:
        taken.append((path, path.read_bytes()))
        path.unlink()

    watcher = InboxWatcher(
        inbox, take, stability_seconds=0.6, poll=poll, rescan_seconds=30, tick_seconds=0.1
    )
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    return watcher, taken, thread


def _wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("poll", [False, True], ids=["native", "polling"])
def test_watcher_takes_complete_files_in_subfolders(tmp_path: Path, poll: bool) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "skaner-2").mkdir(parents=True)
    (inbox / "before-start.pdf").write_bytes(b"dropped while Protokoll was down")
    watcher, taken, thread = _watch(inbox, poll=poll)
    try:
        slow = inbox / "skaner-2" / "slow.pdf"
        with slow.open("wb") as handle:  # a scanner writing in pieces
            for piece in range(5):
                handle.write(b"piece %d " % piece)
                handle.flush()
                time.sleep(0.25)
        (inbox / "~$lock.docx").write_bytes(b"office lock file")
        assert _wait_for(lambda: len(taken) >= 2)
        time.sleep(1.0)
    finally:
        watcher.stop()
        thread.join(timeout=5)
    by_name = {p.name: data for p, data in taken}
    assert set(by_name) == {"before-start.pdf", "slow.pdf"}
    assert by_name["slow.pdf"] == b"piece 0 piece 1 piece 2 piece 3 piece 4 "
    assert (inbox / "~$lock.docx").exists()


def test_one_bad_file_does_not_stop_the_loop(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    taken: list[str] = []

    def take(path: Path) -> None:
        if path.name == "bad.pdf":
            raise RuntimeError("disk full")
        taken.append(path.name)
        path.unlink()

    watcher = InboxWatcher(inbox, take, stability_seconds=0.3, tick_seconds=0.1)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        (inbox / "bad.pdf").write_bytes(b"x")
        (inbox / "good.pdf").write_bytes(b"y")
        assert _wait_for(lambda: taken == ["good.pdf"])
    finally:
        watcher.stop()
        thread.join(timeout=5)
    assert (inbox / "bad.pdf").exists()  # left for the next rescan, not lost
