"""Shared fixtures: settings in a temporary home, a real SQLite file, and a fresh database on
the PostgreSQL server at PROTOKOLL_TEST_DATABASE_URL (default: the local one, database `test`)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from protokoll.settings import Settings
from registry import Database, ProtocolBook

PG_ADMIN_URL = os.environ.get(
    "PROTOKOLL_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "data", stability_seconds=0.2, rescan_seconds=1.0)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'book.db'}"


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = Database(sqlite_url)
    database.migrate()
    yield database
    database.dispose()


@pytest.fixture
def book(db: Database) -> ProtocolBook:
    return ProtocolBook(db)


def _pg_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://"))
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, migrated database on the PostgreSQL server, dropped afterwards."""
    if not _pg_available():
        if os.environ.get("PROTOKOLL_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required but not reachable at {PG_ADMIN_URL}")
        pytest.skip(f"no PostgreSQL at {PG_ADMIN_URL}")
    admin_url = PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://")
    name = f"protokoll_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + f"/{name}"
    Database(url).migrate()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
