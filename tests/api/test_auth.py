"""Every /api call needs a bearer token; roles are cumulative; /health and /metrics are open."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from registry import TokenStore
from tests.api.conftest import ROLES, auth, upload

# (method, path, lowest role, JSON body)
BOUNDARIES = [
    ("get", "/api/entries", "clerk", None),
    ("get", "/api/entries/2026/1", "clerk", None),
    ("get", "/api/entries/2026/1/text", "clerk", None),
    ("get", "/api/entries/2026/1/original", "clerk", None),
    ("get", "/api/journal", "clerk", None),
    ("get", "/api/quarantine", "clerk", None),
    ("get", "/api/deadlines", "clerk", None),
    ("get", "/api/daily/2026-11-26", "clerk", None),
    ("get", "/api/review", "reviewer", None),
    ("post", "/api/entries/2026/1/confirm", "reviewer", None),
    ("post", "/api/entries/2026/1/routing", "reviewer", {"topic": "taksat"}),
    ("post", "/api/review/confirm", "reviewer", {"entries": ["2026/1"]}),
    ("post", "/api/entries/2026/1/assign", "reviewer", {"office": "taksat"}),
    ("get", "/api/reports/weekly/2026-W48", "director", None),
    ("get", "/api/reports/monthly/2026-11", "director", None),
    ("get", "/api/reports/range?date_from=2026-11-01&date_to=2026-11-30", "director", None),
    ("get", "/api/tokens", "admin", None),
    ("post", "/api/tokens", "admin", {"name": "new-clerk", "role": "clerk"}),
    ("post", "/api/entries/2026/1/annul", "admin", {"reason": "x", "authorised_by": "Sekretari"}),
]


@pytest.fixture
def one_letter(client: TestClient, tokens: dict[str, str]) -> dict:
    return upload(client, tokens["clerk"], "addressee=taksat topic=taksat confidence=0.5 Taksa")


@pytest.mark.parametrize(("method", "path", "lowest", "body"), BOUNDARIES)
def test_each_role_boundary(
    client: TestClient, tokens: dict[str, str], one_letter: dict, method, path, lowest, body
) -> None:
    for role in ROLES:
        response = client.request(method, path, json=body, headers=auth(tokens[role]))
        if ROLES.index(role) < ROLES.index(lowest):
            assert response.status_code == 403, (role, response.text)
            assert response.json()["code"] == "forbidden"
            assert response.json()["message_sq"]
        else:
            assert response.status_code < 400, (role, path, response.text)
            return  # the lowest allowed role passed; writes need not be repeated


@pytest.mark.parametrize(("method", "path", "lowest", "body"), BOUNDARIES)
def test_no_token_is_401(client: TestClient, method, path, lowest, body) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"


def test_unknown_and_revoked_tokens_are_401(client: TestClient, api_book) -> None:
    store = TokenStore(api_book.db)
    secret = store.create(name="leaving", role="admin", actor="test")
    assert client.get("/api/entries", headers=auth(secret)).status_code == 200
    store.revoke("leaving", actor="test")
    assert client.get("/api/entries", headers=auth(secret)).status_code == 401
    assert client.get("/api/entries", headers=auth("pk_nonsense")).status_code == 401
    assert client.get("/api/entries", headers={"Authorization": "Basic eDp5"}).status_code == 401


def test_upload_needs_a_clerk(client: TestClient, tokens: dict[str, str]) -> None:
    files = {"file": ("a.txt", b"hello")}
    assert client.post("/api/intake", files=files).status_code == 401
    assert client.post("/api/intake", files=files, headers=auth(tokens["clerk"])).status_code == 200


def test_outgoing_needs_a_clerk(client: TestClient, tokens: dict[str, str]) -> None:
    data = {"recipient": "Prefektura", "subject": "Njoftim"}
    assert client.post("/api/outgoing", data=data).status_code == 401
    ok = client.post("/api/outgoing", data=data, headers=auth(tokens["clerk"]))
    assert ok.status_code == 201


def test_revoking_a_token_is_admin_only(client: TestClient, tokens: dict[str, str]) -> None:
    assert client.delete("/api/tokens/clerk-1", headers=auth(tokens["director"])).status_code == 403
    assert client.delete("/api/tokens/clerk-1", headers=auth(tokens["admin"])).status_code == 204
    assert client.get("/api/entries", headers=auth(tokens["clerk"])).status_code == 401


def test_health_and_metrics_are_open(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok", "database": "ok", "model": "loaded"}
    assert "protokoll_review_backlog" in client.get("/metrics").text
