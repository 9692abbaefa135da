"""The review queue, routing corrections, bulk confirmation, assignment, outgoing letters,
deadlines, annulment and the daily register, through the API."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from registry import confirmed_routings
from tests.api.conftest import auth, upload


def test_queue_is_least_confident_first_then_oldest(
    client: TestClient, tokens: dict[str, str]
) -> None:
    for i, confidence in enumerate(["0.7", "0.3", None, "0.3", "0.95", None]):
        labels = f"addressee=taksat confidence={confidence}" if confidence else "unlabelled"
        upload(client, tokens["clerk"], f"{labels} letter {i}", f"{i}.txt")
    page = client.get("/api/review?limit=2", headers=auth(tokens["reviewer"])).json()
    order = [e["number"] for e in page["items"]]
    assert page["backlog"] == 5
    while page["next_after"]:
        page = client.get(
            f"/api/review?limit=2&after={page['next_after']}", headers=auth(tokens["reviewer"])
        ).json()
        order += [e["number"] for e in page["items"]]
    assert order == [3, 6, 2, 4, 1]


def test_correcting_routing_keeps_old_and_new_and_feeds_training(
    client: TestClient, tokens: dict[str, str], api_book
) -> None:
    upload(
        client,
        tokens["clerk"],
        "addressee=taksat topic=taksat kind=kerkese confidence=0.4 Taksa e pronës",
    )
    response = client.post(
        "/api/entries/2026/1/routing",
        json={"addressee": "kryetari", "kind": "ankese", "assigned_office": "taksat"},
        headers=auth(tokens["reviewer"]),
    )
    assert response.status_code == 200, response.text
    entry = response.json()
    assert (entry["addressee"], entry["topic"], entry["kind"]) == ("kryetari", "taksat", "ankese")
    assert entry["needs_review"] is False and entry["status"] == "assigned"
    trail = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()["audit"]
    assert {
        "actor": "reviewer-1",
        "field": "addressee",
        "old_value": "taksat",
        "new_value": "kryetari",
    }.items() <= next(a for a in trail if a["field"] == "addressee").items()
    [confirmed] = confirmed_routings(api_book.db)
    assert (confirmed.addressee, confirmed.kind) == ("kryetari", "ankese")
    assert client.get("/api/review", headers=auth(tokens["reviewer"])).json()["backlog"] == 0


def test_not_relevant_is_archived(client: TestClient, tokens: dict[str, str]) -> None:
    upload(client, tokens["clerk"], "addressee=taksat confidence=0.4 Reklamë")
    entry = client.post(
        "/api/entries/2026/1/routing", json={"relevant": False}, headers=auth(tokens["reviewer"])
    ).json()
    assert entry["status"] == "archived" and entry["due_date"] is None


def test_bulk_confirm_reports_each(client: TestClient, tokens: dict[str, str]) -> None:
    for i in range(3):
        upload(client, tokens["clerk"], f"addressee=sociale confidence=0.5 letter {i}", f"{i}.txt")
    client.post("/api/entries/2026/3/annul", json={"reason": "dublikatë", "authorised_by": "Sekretari"},
                headers=auth(tokens["admin"]))  # fmt: skip
    result = client.post(
        "/api/review/confirm", json={"entries": ["2026/1", "2026/2", "2026/3", "2026/9"]},
        headers=auth(tokens["reviewer"]),
    ).json()  # fmt: skip
    assert result["confirmed"] == ["2026/1", "2026/2"]
    assert [(f["entry"], f["code"]) for f in result["failed"]] == [
        ("2026/3", "invalid_transition"), ("2026/9", "entry_not_found")
    ]  # fmt: skip


def test_assignment_can_change_and_is_kept(client: TestClient, tokens: dict[str, str]) -> None:
    upload(client, tokens["clerk"], "addressee=taksat confidence=0.95 Taksa")
    h = auth(tokens["reviewer"])
    first = client.post(
        "/api/entries/2026/1/assign", json={"office": "taksat", "note": "urgjent"}, headers=h
    )
    assert first.json()["assigned_office"] == "taksat"
    second = client.post(
        "/api/entries/2026/1/assign", json={"office": "financa", "mode": "information"}, headers=h
    )
    assert (second.json()["assigned_office"], second.json()["assignment_mode"]) == (
        "financa",
        "information",
    )
    trail = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()["audit"]
    offices = [
        (a["old_value"], a["new_value"], a["detail"])
        for a in trail
        if a["field"] == "assigned_office"
    ]
    assert offices == [(None, "taksat", "urgjent"), ("taksat", "financa", None)]


def test_outgoing_reply_answers_the_incoming_letter(
    client: TestClient, tokens: dict[str, str], clock
) -> None:
    upload(client, tokens["clerk"], "addressee=taksat kind=kerkese confidence=0.95 Taksa")
    clock.now += timedelta(days=4)
    response = client.post(
        "/api/outgoing",
        data={"recipient": "Arben Hoxha", "subject": "Përgjigje për taksën", "reply_to": "2026/1"},
        files={"file": ("pergjigja.pdf", b"%PDF-1.4 signed reply")},
        headers=auth(tokens["clerk"]),
    )
    assert response.status_code == 201, response.text
    out = response.json()
    assert (out["number"], out["direction"], out["reply_to"]) == (2, "out", "2026/1")
    assert out["sha256"] and out["recipients"] == ["Arben Hoxha"]
    incoming = client.get("/api/entries/2026/1", headers=auth(tokens["clerk"])).json()
    assert (incoming["status"], incoming["response_days"]) == ("answered", 4)
    original = client.get("/api/entries/2026/2/original", headers=auth(tokens["clerk"]))
    assert original.content == b"%PDF-1.4 signed reply"


def test_outgoing_to_a_missing_letter(client: TestClient, tokens: dict[str, str]) -> None:
    h = auth(tokens["clerk"])
    missing = client.post(
        "/api/outgoing", data={"recipient": "A", "subject": "S", "reply_to": "2026/5"}, headers=h
    )
    assert missing.status_code == 404
    malformed = client.post(
        "/api/outgoing", data={"recipient": "A", "subject": "S", "reply_to": "five"}, headers=h
    )
    assert malformed.status_code == 422
    assert client.get("/api/entries", headers=h).json()["items"] == []  # no number used


def test_deadlines_by_office(client: TestClient, tokens: dict[str, str], clock) -> None:
    upload(
        client, tokens["clerk"], "addressee=taksat kind=kerkese confidence=0.95 A", "a"
    )  # due +30
    upload(
        client, tokens["clerk"], "addressee=sociale kind=ankese confidence=0.95 B", "b"
    )  # due +30
    clock.now += timedelta(days=27)
    upload(
        client, tokens["clerk"], "addressee=sociale kind=kerkese confidence=0.95 C", "c"
    )  # due +30
    h = auth(tokens["reviewer"])
    client.post("/api/entries/2026/1/assign", json={"office": "taksat"}, headers=h)
    client.post("/api/entries/2026/2/assign", json={"office": "sociale"}, headers=h)
    clock.now += timedelta(days=4)  # 1 and 2 are overdue by a day; 3 is due in 26 days
    overview = client.get("/api/deadlines?within_days=30", headers=auth(tokens["clerk"])).json()
    assert [e["number"] for e in overview["overdue"]] == [1, 2]
    assert [e["number"] for e in overview["due_soon"]] == [3]
    assert overview["by_office"] == [
        {"office": "sociale", "overdue": 1, "due_soon": 0},
        {"office": "taksat", "overdue": 1, "due_soon": 0},
        {"office": None, "overdue": 0, "due_soon": 1},
    ]
    only = client.get("/api/deadlines?office=taksat", headers=auth(tokens["clerk"])).json()
    assert [e["number"] for e in only["overdue"]] == [1]


def test_annulment_is_admin_only_and_keeps_the_number(
    client: TestClient, tokens: dict[str, str]
) -> None:
    upload(client, tokens["clerk"], "Letër e gabuar")
    body = {"reason": "regjistruar gabimisht", "authorised_by": "Sekretari i Përgjithshëm"}
    assert (
        client.post(
            "/api/entries/2026/1/annul", json=body, headers=auth(tokens["director"])
        ).status_code
        == 403
    )
    entry = client.post(
        "/api/entries/2026/1/annul", json=body, headers=auth(tokens["admin"])
    ).json()
    assert entry["annulled"] and entry["annulled_by"] == "Sekretari i Përgjithshëm"
    assert (
        client.post(
            "/api/entries/2026/1/annul", json=body, headers=auth(tokens["admin"])
        ).status_code
        == 409
    )
    assert client.post("/api/entries/2026/1/annul", json={"reason": "", "authorised_by": "X"},
                       headers=auth(tokens["admin"])).status_code == 422  # fmt: skip
    upload(client, tokens["clerk"], "Letra tjetër", "2.txt")
    assert client.get("/api/entries/2026/2", headers=auth(tokens["clerk"])).status_code == 200


def test_daily_register_with_seal(client: TestClient, tokens: dict[str, str]) -> None:
    upload(client, tokens["clerk"], "addressee=taksat confidence=0.4 Taksa")
    first = client.get("/api/daily/2026-11-26", headers=auth(tokens["clerk"])).json()
    assert [r["number"] for r in first["registrations"]] == [1]
    assert len(first["sha256"]) == 64
    again = client.get("/api/daily/2026-11-26", headers=auth(tokens["clerk"])).json()
    assert again["sha256"] == first["sha256"]
    assert (
        client.get("/api/daily/2026-11-25", headers=auth(tokens["clerk"])).json()["registrations"]
        == []
    )
