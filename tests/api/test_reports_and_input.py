"""Reports in their three forms, and bad input answered with 4xx and a reason, never 500."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import auth, upload


@pytest.fixture
def november(client: TestClient, tokens: dict[str, str], clock) -> None:
    """Three incoming letters and one reply in November; one incoming letter in October."""
    clock.now -= timedelta(days=30)
    upload(
        client,
        tokens["clerk"],
        "addressee=kryetari topic=rruget kind=ankese confidence=0.95 Okt",
        "o",
    )
    clock.now += timedelta(days=30)
    upload(
        client,
        tokens["clerk"],
        "addressee=kryetari topic=rruget kind=kerkese confidence=0.95 A",
        "a",
    )
    upload(
        client, tokens["clerk"], "addressee=taksat topic=taksat kind=kerkese confidence=0.95 B", "b"
    )
    upload(
        client, tokens["clerk"], "addressee=keshilli kind=ftese relevant=no confidence=0.95 C", "c"
    )
    client.post(
        "/api/entries/2026/2/assign",
        json={"office": "sherbimet-publike"},
        headers=auth(tokens["reviewer"]),
    )
    clock.now += timedelta(days=2)
    client.post("/api/outgoing", data={"recipient": "X", "subject": "Y", "reply_to": "2026/2"},
                headers=auth(tokens["clerk"]))  # fmt: skip


def test_monthly_json(client: TestClient, tokens: dict[str, str], november) -> None:
    report = client.get(
        "/api/reports/monthly/2026-11?as_of=2026-12-31", headers=auth(tokens["director"])
    ).json()
    cur = report["current"]
    assert (cur["incoming"], cur["outgoing"], cur["not_relevant_archived"]) == (3, 1, 1)
    assert cur["by_addressee"]["kryetari"] == 1 and cur["by_addressee"]["nenkryetari"] == 0
    assert cur["by_channel"]["upload"] == 3
    assert cur["timing"] == [
        {"office": "sherbimet-publike", "answered": 1, "median_days": 2.0, "p90_days": 2.0}
    ]
    assert report["previous"]["period"]["label"] == "2026-10"
    assert report["change"]["incoming"] == {"current": 3, "previous": 1, "delta": 2, "pct": 200.0}
    # October's complaint fell due on 26 November and is unanswered: overdue.
    deadlines = cur["deadlines"]
    assert (deadlines["due"], deadlines["open_overdue"], deadlines["overdue_pct"]) == (1, 1, 100.0)


def test_weekly_and_range(client: TestClient, tokens: dict[str, str], november) -> None:
    h = auth(tokens["director"])
    week = client.get("/api/reports/weekly/2026-W48", headers=h).json()
    assert week["current"]["period"] == {
        "kind": "week",
        "label": "2026-W48",
        "start": "2026-11-23",
        "end": "2026-11-29",
    }
    assert week["current"]["incoming"] == 3
    span = client.get(
        "/api/reports/range?date_from=2026-10-01&date_to=2026-11-30", headers=h
    ).json()
    assert span["current"]["incoming"] == 4


def test_csv_and_html(client: TestClient, tokens: dict[str, str], november) -> None:
    h = auth(tokens["director"])
    response = client.get("/api/reports/monthly/2026-11?format=csv", headers=h)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["section", "key", "current", "previous", "change"]
    assert ["totals", "incoming", "3", "1", "2"] in rows
    assert ["addressee", "kryetari", "1", "1", "0"] in rows
    page = client.get("/api/reports/monthly/2026-11?format=html", headers=h)
    assert page.headers["content-type"].startswith("text/html")
    assert "<svg" in page.text and "kryetari" in page.text
    assert "http" not in page.text.replace("http://www.w3.org/2000/svg", "")  # no external assets


@pytest.mark.parametrize(
    "path",
    [
        "/api/reports/weekly/2026-W54",
        "/api/reports/weekly/2026-48",
        "/api/reports/monthly/2026-13",
        "/api/reports/monthly/0000-01",
        "/api/reports/monthly/2026-11?format=pdf",
        "/api/reports/range?date_from=2026-11-30&date_to=2026-11-01",
        "/api/reports/range?date_from=2026-02-30&date_to=2026-03-01",
        "/api/reports/range?date_from=0001-01-01&date_to=0001-01-02",
    ],
)
def test_bad_report_periods_are_422(client: TestClient, tokens: dict[str, str], path: str) -> None:
    response = client.get(path, headers=auth(tokens["director"]))
    assert response.status_code == 422, response.text
    assert response.json()["code"] in ("invalid_value", "validation_error")
    assert response.json()["message"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("get", "/api/entries?addressee=bashkia-fier", None, 422),
        ("get", "/api/entries?date_from=2026-13-01", None, 422),
        ("get", "/api/entries?date_from=2026-11-30&date_to=2026-11-01", None, 422),
        ("get", "/api/entries?limit=0", None, 422),
        ("get", "/api/entries?after=-1", None, 422),
        ("get", "/api/entries/2026/0", None, 422),
        ("get", "/api/entries/2026/99999999999", None, 422),
        ("get", "/api/entries/2026/5", None, 404),
        ("get", "/api/entries/abc/5", None, 422),
        ("get", "/api/review?after=zzz", None, 422),
        ("get", "/api/daily/2026-02-30", None, 422),
        ("get", "/api/daily/0001-01-01", None, 422),
        ("post", "/api/entries/2026/1/routing", {"topic": "moti"}, 422),
        ("post", "/api/entries/2026/1/routing", {"colour": "blue"}, 422),
        ("post", "/api/entries/2026/1/assign", {"office": "taksat", "mode": "maybe"}, 422),
        ("post", "/api/entries/2026/9/assign", {"office": "taksat"}, 404),
        ("post", "/api/review/confirm", {"entries": []}, 422),
        ("post", "/api/review/confirm", {"entries": ["26/1"]}, 422),
        ("post", "/api/tokens", {"name": "x", "role": "mayor"}, 422),
        ("delete", "/api/tokens/nobody", None, 404),
        ("get", "/api/nowhere", None, 404),
    ],
)
def test_bad_input_is_4xx_with_reason(
    client: TestClient, tokens: dict[str, str], method: str, path: str, body, status: int
) -> None:
    upload(client, tokens["clerk"], "addressee=taksat confidence=0.5 Taksa")
    response = client.request(method, path, json=body, headers=auth(tokens["admin"]))
    assert response.status_code == status, response.text
    assert response.json()["code"] and response.json()["message"]


def test_search_with_and_without_diacritics(client: TestClient, tokens: dict[str, str]) -> None:
    upload(
        client, tokens["clerk"], "addressee=sociale Kërkesë për ndriçimin e rrugës në Zvërnec", "a"
    )
    upload(client, tokens["clerk"], "Ankesë për mbetjet në Nartë", "b")
    h = auth(tokens["clerk"])

    def found(q: str) -> list[int]:
        return [
            e["number"]
            for e in client.get("/api/entries", params={"q": q}, headers=h).json()["items"]
        ]

    assert found("ndriçim") == [1]
    assert found("ndricim") == [1]
    assert found("NDRIÇIMIN zverne") == [1]
    assert found("narte") == [2]
    assert found("për") == [2, 1]
    assert found("ndricim narte") == []
    assert found('ndricim* ("rruges" NEAR') == []  # search syntax is just text: no 'near'
    assert found('ndricim* ("rruges"') == [1]
    assert found("arben") == [1]  # the sender, from the classifier's fields
