"""Schemathesis against the OpenAPI schema, on a seeded database, with an admin token: every
operation answers as documented and never with a 500. Bounded to a few examples each."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from api.app import create_app
from intake import build_pipeline
from protokoll.settings import Settings
from registry import Database, NewEntry, ProtocolBook, Routing, TokenStore
from tests.api.conftest import FakeClassifier, fake_extractor


def _seeded_app():  # type: ignore[no-untyped-def]
    home = Path(tempfile.mkdtemp(prefix="protokoll-fuzz-"))
    app_settings = Settings(home=home, max_upload_bytes=16 * 1024)
    app_settings.ensure_dirs()
    db = Database(app_settings.resolved_database_url())
    db.migrate()
    now = [datetime(2026, 11, 2, 9, tzinfo=UTC)]
    book = ProtocolBook(db, clock=lambda: now[0])
    for i in range(12):
        routing = Routing(addressee="taksat", topic="taksat", kind="kerkese", relevant=True,
                          confidence={"addressee": 0.2 + i / 20}, needs_review=i % 2 == 0)  # fmt: skip
        book.register(NewEntry(direction="in", channel="scan", subject=f"Kërkesë {i}",
                               text="ndriçim rrugor", routing=routing))  # fmt: skip
        now[0] += timedelta(days=1)
    pipeline = build_pipeline(
        app_settings, book=book, extractor=fake_extractor, classifier=FakeClassifier()
    )
    secret = TokenStore(db).create(name="fuzzer", role="admin", actor="test")
    return create_app(book, pipeline=pipeline, settings=app_settings), secret


app, SECRET = _seeded_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.auth()
class AdminToken:
    """Every generated request carries the seeded admin token."""

    def get(self, case, context):  # type: ignore[no-untyped-def]
        return SECRET

    def set(self, case, data, context):  # type: ignore[no-untyped-def]
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case) -> None:  # type: ignore[no-untyped-def]
    if case.path == "/api/tokens/{name}" and case.method.upper() == "DELETE":
        case.path_parameters = {"name": "nobody-" + str(case.path_parameters.get("name", ""))[:50]}
    # Schema-valid but refused is right where the register knows better than the schema: an
    # unknown entry (404), a name already taken, a week that a year does not have.
    case.call_and_validate(
        excluded_checks=[positive_data_acceptance],
    )
