"""Full-text search and the review desk over PostgreSQL, through the real app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from intake import build_pipeline
from protokoll.settings import Settings
from registry import Database, ProtocolBook, TokenStore
from tests.api.conftest import FakeClassifier, auth, fake_extractor, upload

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(pg_url: str, tmp_path, clock) -> TestClient:
    settings = Settings(home=tmp_path / "home", database_url=pg_url)
    book = ProtocolBook(Database(pg_url), clock=clock)
    pipeline = build_pipeline(
        settings, book=book, extractor=fake_extractor, classifier=FakeClassifier()
    )
    client = TestClient(
        create_app(book, pipeline=pipeline, settings=settings), raise_server_exceptions=False
    )
    client.headers.update(
        auth(TokenStore(book.db).create(name="admin", role="admin", actor="test"))
    )
    yield client
    book.db.dispose()


def test_search_on_postgres(pg_client: TestClient) -> None:
    token = pg_client.headers["Authorization"].split()[1]
    upload(pg_client, token, "addressee=sociale Kërkesë për ndriçimin e rrugës në Zvërnec", "a")
    upload(pg_client, token, "Ankesë për mbetjet në Nartë", "b")

    def found(q: str) -> list[int]:
        return [e["number"] for e in pg_client.get("/api/entries", params={"q": q}).json()["items"]]

    assert found("ndriçim") == [1]
    assert found("ndricim zverne") == [1]
    assert found("ndriçimit") == [1]  # another inflection: the same 5-letter stem
    assert found("NARTË") == [2]
    assert found("për") == [2, 1]
    assert found("ndricim narte") == []
    assert found("ndricim:* & !(") == [1]
    assert found("arben") == [1]


def test_review_and_report_on_postgres(pg_client: TestClient) -> None:
    token = pg_client.headers["Authorization"].split()[1]
    upload(pg_client, token, "addressee=taksat topic=taksat kind=kerkese confidence=0.3 A", "a")
    upload(pg_client, token, "unlabelled", "b")
    assert [e["number"] for e in pg_client.get("/api/review").json()["items"]] == [2, 1]
    routed = pg_client.post("/api/entries/2026/1/routing", json={"assigned_office": "taksat"})
    assert routed.status_code == 200, routed.text
    assert routed.json()["status"] == "assigned"
    report = pg_client.get("/api/reports/monthly/2026-11").json()
    assert report["current"]["incoming"] == 2
    assert pg_client.get("/api/entries/2026/99999").status_code == 404
