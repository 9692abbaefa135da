"""Fixtures of the API tests: the real app over a real SQLite database, a pipeline with a fake
extractor and classifier, and one token per role.

The fake extractor reads a file's bytes as text; a file starting with `BROKEN` is corrupt. The
fake classifier reads its labels from the text: `addressee=taksat topic=taksat kind=kerkese
relevant=yes confidence=0.4`; without labels, the letter goes to review unclassified.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from classify.types import Classification, LetterFields, Prediction
from extract.errors import CorruptFile
from extract.types import Extraction, Page
from intake import build_pipeline
from intake.pipeline import Pipeline
from protokoll.settings import Settings
from registry import Database, ProtocolBook, TokenStore

ROLES = ("clerk", "reviewer", "director", "admin")
_LABEL = re.compile(r"(addressee|topic|kind|relevant|confidence|subject)=(\S+)")


def fake_extractor(path: Path, name: str) -> Extraction:
    data = path.read_bytes()
    if data.startswith(b"BROKEN"):
        raise CorruptFile(f"{name} cannot be read")
    pages = tuple(
        Page(number=i + 1, text=part, method="ocr" if "[scan]" in part else "text")
        for i, part in enumerate(data.decode("utf-8", "replace").split("\f"))
    )
    return Extraction(media_type="text/plain", pages=pages)


class FakeClassifier:
    is_available = True

    def classify(self, text: str, *, email_to: tuple[str, ...] = ()) -> Classification:
        labels = dict(_LABEL.findall(text))
        if "addressee" not in labels:
            return Classification(notes=("no labels",))
        confidence = float(labels.get("confidence", "0.5"))
        relevant = labels.get("relevant", "yes") == "yes"
        return Classification(
            addressee=Prediction(labels["addressee"], confidence, ("salutation",)),
            topic=Prediction(labels.get("topic", "tjeter"), confidence, ("keyword",)),
            kind=Prediction(labels.get("kind", "kerkese"), confidence, ()),
            relevance=Prediction("relevant" if relevant else "not-relevant", confidence, ()),
            fields=LetterFields(sender_name="Arben Hoxha", subject=labels.get("subject", "")),
            needs_review=confidence < 0.9,
            model_version="fake-1",
        )


class Clock:
    """A settable clock, so tests can register letters on chosen days."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def api_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", max_upload_bytes=64 * 1024)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A freshly migrated SQLite file, copied for each test: migrating is the slow part."""
    path = tmp_path_factory.mktemp("template") / "protokoll.db"
    db = Database(f"sqlite:///{path}")
    db.migrate()
    db.dispose()
    return path


@pytest.fixture
def api_book(
    api_settings: Settings, clock: Clock, migrated_template: Path
) -> Iterator[ProtocolBook]:
    api_settings.ensure_dirs()
    shutil.copyfile(migrated_template, api_settings.home / "protokoll.db")
    db = Database(api_settings.resolved_database_url())
    yield ProtocolBook(db, clock=clock)
    db.dispose()


@pytest.fixture
def pipeline(api_settings: Settings, api_book: ProtocolBook) -> Pipeline:
    return build_pipeline(
        api_settings, book=api_book, extractor=fake_extractor, classifier=FakeClassifier()
    )


@pytest.fixture
def tokens(api_book: ProtocolBook) -> dict[str, str]:
    store = TokenStore(api_book.db)
    return {role: store.create(name=f"{role}-1", role=role, actor="test") for role in ROLES}


@pytest.fixture
def client(
    api_book: ProtocolBook, pipeline: Pipeline, api_settings: Settings
) -> Iterator[TestClient]:
    app = create_app(api_book, pipeline=pipeline, settings=api_settings)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(client: TestClient, token: str, text: str, name: str = "letter.txt") -> dict:
    response = client.post(
        "/api/intake", files={"file": (name, text.encode("utf-8"))}, headers=auth(token)
    )
    assert response.status_code == 200, response.text
    return response.json()
