"""End to end, as a clerk would: `protokoll serve` watches a real inbox, a PDF dropped there is
registered within seconds, and the entry shows through the API and the CLI."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "files"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cli(home: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "api.cli", "--home", str(home), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout


def test_serve_registers_a_dropped_pdf(tmp_path: Path) -> None:
    home, inbox = tmp_path / "data", tmp_path / "inbox"
    port = _free_port()
    token = _cli(home, "token", "create", "--name", "ana", "--role", "clerk").strip()
    env = {**os.environ, "PROTOKOLL_STABILITY_SECONDS": "0.5", "OMP_THREAD_LIMIT": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "--home", str(home), "serve", "--inbox", str(inbox),
         "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise AssertionError("the server did not start")
        assert httpx.get(f"{base}/health", timeout=5).json()["model"] == "none"  # not trained
        shutil.copyfile(SAMPLES / "born-digital.pdf", inbox / "leter.pdf")
        headers = {"Authorization": f"Bearer {token}"}
        items: list[dict[str, object]] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not items:
            items = httpx.get(f"{base}/api/entries", headers=headers, timeout=5).json()["items"]
            time.sleep(0.3)
        assert httpx.get(f"{base}/api/entries", timeout=5).status_code == 401
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert len(items) == 1, output[-2000:]
    assert items[0]["number"] == 1 and items[0]["source_name"] == "leter.pdf"
    assert not (inbox / "leter.pdf").exists()
    exported = [json.loads(line) for line in _cli(home, "export", "--format", "jsonl").splitlines()]
    assert [e["display"] for e in exported] == [items[0]["display"]]
    journal = [json.loads(line) for line in _cli(home, "journal", "--format", "jsonl").splitlines()]
    assert [j["outcome"] for j in journal] == ["registered"]
    assert "Gropa" not in output and "I nderuar" not in output  # no letter text in the logs
