"""Alembic's environment: runs the migrations against the URL set by registry.db.

Migrating is atomic and safe to start from several processes at once: on SQLite the whole
migration runs in one `BEGIN IMMEDIATE` transaction (so a crash mid-way leaves no half schema),
and on PostgreSQL under a transaction-scoped advisory lock.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from registry.db import _make_engine
from registry.models import Base

_MIGRATION_LOCK = 7_455_001  # any constant shared by all Protokoll processes

config = context.config
url = config.get_main_option("sqlalchemy.url")
assert url is not None
engine = _make_engine(url, immediate=True)
with engine.connect() as connection:
    is_sqlite = connection.dialect.name == "sqlite"
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=is_sqlite,
        transactional_ddl=True,
    )
    with context.begin_transaction():
        if not is_sqlite:
            connection.execute(text(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"))
        context.run_migrations()
engine.dispose()
