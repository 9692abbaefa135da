"""Uploading into the pipeline: registered, duplicate, quarantined, too big; the journal, the
quarantine, a retry, and what /metrics counts."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import auth, upload


def test_upload_registers_with_channel_upload(client: TestClient, tokens: dict[str, str]) -> None:
    outcome = upload(client, tokens["clerk"], "addressee=taksat topic=taksat confidence=0.5 Taksa")
    assert outcome["outcome"] == "registered"
    assert outcome["entry"]["channel"] == "upload"
    assert outcome["display"] == "Nr. 1 Prot., datë 26.11.2026"
    audit = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()["audit"]
    assert any(a["action"] == "upload" and a["actor"] == "clerk-1" for a in audit)


def test_same_file_twice_is_a_duplicate(client: TestClient, tokens: dict[str, str]) -> None:
    upload(client, tokens["clerk"], "same bytes")
    second = upload(client, tokens["clerk"], "same bytes", "again.txt")
    assert second["outcome"] == "duplicate"
    assert second["entry"] is None and second["entry_ref"] == "2026/1"


def test_unreadable_file_is_quarantined_listed_and_retried(
    client: TestClient, tokens: dict[str, str], pipeline
) -> None:
    outcome = upload(client, tokens["clerk"], "BROKEN file", "scan.pdf")
    assert outcome["outcome"] == "quarantined"
    assert "corrupt" in outcome["reason"]
    listed = client.get("/api/quarantine", headers=auth(tokens["clerk"])).json()["items"]
    assert [r["id"] for r in listed] == [outcome["journal_id"]]
    journal = client.get("/api/journal?outcome=quarantined", headers=auth(tokens["clerk"])).json()
    assert journal["items"][0]["source_name"] == "scan.pdf"
    still_broken = client.post(
        f"/api/journal/{outcome['journal_id']}/retry", headers=auth(tokens["clerk"])
    )
    assert still_broken.json()["outcome"] == "quarantined"
    pipeline.extractor.inner = lambda path, name: _read_anyway(path)  # the reader got fixed
    fixed = client.post(
        f"/api/journal/{outcome['journal_id']}/retry", headers=auth(tokens["clerk"])
    )
    assert fixed.json()["outcome"] == "registered", fixed.text
    again = client.post(
        f"/api/journal/{outcome['journal_id']}/retry", headers=auth(tokens["clerk"])
    )
    assert again.status_code == 409 and again.json()["code"] == "not_quarantined"
    assert client.post("/api/journal/999/retry", headers=auth(tokens["clerk"])).status_code == 404


def _read_anyway(path):
    from extract.types import Extraction, Page

    return Extraction(media_type="text/plain", pages=(Page(1, path.read_text(), "text"),))


def test_oversized_upload_is_413(client: TestClient, tokens: dict[str, str]) -> None:
    big = b"x" * (64 * 1024 + 1)
    response = client.post(
        "/api/intake", files={"file": ("big.pdf", big)}, headers=auth(tokens["clerk"])
    )
    assert response.status_code == 413
    assert response.json()["code"] == "file_too_large"
    assert response.json()["message_sq"]
    assert client.get("/api/journal", headers=auth(tokens["clerk"])).json()["items"] == []


def test_without_pipeline_upload_is_503(api_book, api_settings, tokens: dict[str, str]) -> None:
    client = TestClient(create_app(api_book, settings=api_settings))
    response = client.post(
        "/api/intake", files={"file": ("a.txt", b"a")}, headers=auth(tokens["clerk"])
    )
    assert response.status_code == 503
    assert response.json()["code"] == "intake_unavailable"


def test_journal_pages(client: TestClient, tokens: dict[str, str]) -> None:
    for i in range(3):
        upload(client, tokens["clerk"], f"letter {i}", f"{i}.txt")
    first = client.get("/api/journal?limit=2", headers=auth(tokens["clerk"])).json()
    second = client.get(
        f"/api/journal?limit=2&after={first['next_after']}", headers=auth(tokens["clerk"])
    ).json()
    assert [r["source_name"] for r in first["items"] + second["items"]] == [
        "2.txt",
        "1.txt",
        "0.txt",
    ]


def test_metrics_count_files_pages_queue_backlog_and_stages(
    client: TestClient, tokens: dict[str, str]
) -> None:
    upload(client, tokens["clerk"], "addressee=taksat confidence=0.5 page one\f[scan] page two")
    upload(client, tokens["clerk"], "BROKEN", "bad.pdf")
    text = client.get("/metrics").text
    assert 'protokoll_files_taken_total{outcome="registered"} 1.0' in text
    assert 'protokoll_files_taken_total{outcome="quarantined"} 1.0' in text
    assert "protokoll_pages_ocr_total 1.0" in text
    assert "protokoll_intake_queue_length 0.0" in text
    assert "protokoll_review_backlog 1.0" in text
    assert 'protokoll_journal_files{outcome="quarantined"} 1.0' in text
    for stage in ("extract", "classify", "total"):
        assert f'protokoll_stage_seconds_count{{stage="{stage}"}}' in text
