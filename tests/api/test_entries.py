"""Reading the book through the API: filters, pages, one entry in full, original and text."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from registry import TokenStore
from tests.api.conftest import auth, upload


def _numbers(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["number"] for item in response.json()["items"]]


def test_filters(client: TestClient, tokens: dict[str, str], clock) -> None:
    clerk = tokens["clerk"]
    upload(
        client, clerk, "addressee=taksat topic=taksat kind=kerkese confidence=0.95 Taksa", "1.txt"
    )
    clock.now += timedelta(days=2)
    upload(
        client, clerk, "addressee=kryetari topic=rruget kind=ankese confidence=0.4 Gropa", "2.txt"
    )
    upload(client, clerk, "addressee=keshilli topic=tjeter kind=ftese relevant=no Reklama", "3.txt")
    upload(client, clerk, "pa etiketa", "4.txt")
    get = lambda query: _numbers(client.get(f"/api/entries?{query}", headers=auth(clerk)))  # noqa: E731
    assert get("") == [4, 3, 2, 1]
    assert get("addressee=kryetari") == [2]
    assert get("topic=taksat") == [1]
    assert get("kind=ankese") == [2]
    assert get("relevant=false") == [3]
    assert get("needs_review=false") == [1]
    assert get("status=in_review") == [4, 3, 2]
    assert get("direction=out") == []
    assert get("year=2026") == [4, 3, 2, 1]
    assert get("year=2025") == []
    assert get("date_from=2026-11-27") == [4, 3, 2]
    assert get("date_to=2026-11-26") == [1]
    assert get("q=gropa") == [2]


def test_overdue_and_assigned_office(client: TestClient, tokens: dict[str, str], clock) -> None:
    upload(client, tokens["clerk"], "addressee=taksat topic=taksat kind=kerkese confidence=0.95 A")
    upload(
        client, tokens["clerk"], "addressee=taksat topic=taksat kind=ftese confidence=0.95 B", "b"
    )
    client.post(
        "/api/entries/2026/1/assign", json={"office": "taksat"}, headers=auth(tokens["reviewer"])
    )
    clock.now += timedelta(days=31)
    get = lambda query: _numbers(client.get(f"/api/entries?{query}", headers=auth(tokens["clerk"])))  # noqa: E731
    assert get("overdue=true") == [1]
    assert get("assigned_office=taksat") == [1]


def test_pages_are_stable_under_new_letters(client: TestClient, tokens: dict[str, str]) -> None:
    for i in range(5):
        upload(client, tokens["clerk"], f"letter {i}", f"{i}.txt")
    first = client.get("/api/entries?limit=2", headers=auth(tokens["clerk"])).json()
    assert [e["number"] for e in first["items"]] == [5, 4]
    upload(client, tokens["clerk"], "a new one", "new.txt")
    second = client.get(
        f"/api/entries?limit=2&after={first['next_after']}", headers=auth(tokens["clerk"])
    )
    assert _numbers(second) == [3, 2]
    third = client.get(
        f"/api/entries?limit=2&after={second.json()['next_after']}", headers=auth(tokens["clerk"])
    )
    assert _numbers(third) == [1]
    assert third.json()["next_after"] is None


def test_full_entry_with_reasons_audit_and_links(
    client: TestClient, tokens: dict[str, str]
) -> None:
    upload(
        client, tokens["clerk"], "addressee=taksat topic=taksat kind=kerkese confidence=0.5 Taksa"
    )
    client.post(
        "/api/entries/2026/1/routing",
        json={"topic": "urbanistika"},
        headers=auth(tokens["reviewer"]),
    )
    client.post("/api/outgoing", data={"recipient": "A. Hoxha", "subject": "Përgjigje", "reply_to": "2026/1"},
                headers=auth(tokens["clerk"]))  # fmt: skip
    entry = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()
    assert entry["reasons"]["addressee"] == ["salutation"]
    assert entry["replies"] == ["2026/2"]
    assert entry["status"] == "answered"
    changes = [(a["actor"], a["field"], a["old_value"], a["new_value"]) for a in entry["audit"]]
    assert ("reviewer-1", "topic", "taksat", "urbanistika") in changes
    assert "personal_ids" not in entry


def test_original_byte_for_byte_and_audited(client: TestClient, tokens: dict[str, str]) -> None:
    body = "addressee=taksat Kërkesë për ndriçim\f[scan] faqja 2".encode()
    client.post("/api/intake", files={"file": ("kërkesa.txt", body)}, headers=auth(tokens["clerk"]))
    response = client.get("/api/entries/2026/1/original", headers=auth(tokens["clerk"]))
    assert response.status_code == 200
    assert response.content == body
    audit = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()["audit"]
    assert any(a["action"] == "download" and a["actor"] == "clerk-1" for a in audit)
    text = client.get("/api/entries/2026/1/text", headers=auth(tokens["clerk"]))
    assert "Kërkesë për ndriçim" in text.text


def test_an_entry_without_original(client: TestClient, tokens: dict[str, str]) -> None:
    client.post(
        "/api/outgoing", data={"recipient": "A", "subject": "S"}, headers=auth(tokens["clerk"])
    )
    response = client.get("/api/entries/2026/1/original", headers=auth(tokens["clerk"]))
    assert response.status_code == 404
    assert response.json()["code"] == "original_missing"


def test_unknown_entry_is_404(client: TestClient, tokens: dict[str, str]) -> None:
    for path in (
        "/api/entries/2026/99",
        "/api/entries/2026/99/text",
        "/api/entries/2026/99/original",
    ):
        response = client.get(path, headers=auth(tokens["clerk"]))
        assert response.status_code == 404
        assert response.json()["code"] == "entry_not_found"
        assert response.json()["message_sq"] == "Regjistrimi nuk u gjet."


def test_tokens_can_be_made_and_listed(
    client: TestClient, tokens: dict[str, str], api_book
) -> None:
    made = client.post(
        "/api/tokens", json={"name": "drejtori", "role": "director"}, headers=auth(tokens["admin"])
    )
    assert made.status_code == 201
    secret = made.json()["secret"]
    assert TokenStore(api_book.db).authenticate(secret).role == "director"
    names = [t["name"] for t in client.get("/api/tokens", headers=auth(tokens["admin"])).json()]
    assert "drejtori" in names and all("secret" not in t for t in names)
    again = client.post(
        "/api/tokens", json={"name": "drejtori", "role": "clerk"}, headers=auth(tokens["admin"])
    )
    assert again.status_code == 422
