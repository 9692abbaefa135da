"""full-text search and the indexes of the review and reporting API

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

SQLite gets an FTS5 index over `entry_texts.search_text` (an external-content table kept in
sync by triggers); PostgreSQL gets a generated `tsvector` column ('simple' configuration, over
the already folded text) with a GIN index. Both find words with and without diacritics, because
the text and the query are folded the same way (registry.search.fold_for_search).

On PostgreSQL it also repairs the guard of registered facts from 0001: `json` has no equality
operator, so comparing `recipients` made every UPDATE of an entry fail; it is compared as jsonb.

The indexes serve the review queue (least confident first), the date ranges of lists and
reports, and the response-time figures.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The registered facts as of 0001 (a copy on purpose: migrations never import models).
IMMUTABLE_COLUMNS = (
    "year", "number", "direction", "registered_at", "channel", "source_name", "sha256",
    "original_path", "sender_name", "sender_address", "sender_contact", "recipients", "subject",
)  # fmt: skip
_JSON_COLUMNS = ("recipients",)

# PostgreSQL refuses a tsvector over 1 MB; 250,000 characters stay safely below it.
_PG_SEARCHABLE_CHARS = 250_000


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    else:
        _postgres_fact_guard(json_as_jsonb=True)
        _postgres_fts()
    op.create_index("ix_entries_registered_at", "entries", ["registered_at"])
    op.create_index("ix_entries_answered_at", "entries", ["answered_at"])
    if op.get_bind().dialect.name == "sqlite":
        # SQLite sorts NULLs first in ascending order: the queue's order exactly. With
        # annulled_at in the key, the queue is an ordered index scan and its size an index count.
        op.execute(
            "CREATE INDEX ix_entries_review_queue ON entries "
            "(needs_review, annulled_at, review_confidence, id)"
        )
    else:
        op.execute(
            "CREATE INDEX ix_entries_review_queue ON entries "
            "(needs_review, annulled_at, review_confidence ASC NULLS FIRST, id)"
        )


def _sqlite_fts() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE entry_search USING fts5(search_text, content='entry_texts', "
        "content_rowid='entry_id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER entry_texts_search_insert AFTER INSERT ON entry_texts BEGIN "
        "INSERT INTO entry_search(rowid, search_text) VALUES (new.entry_id, new.search_text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER entry_texts_search_update AFTER UPDATE OF search_text ON entry_texts "
        "BEGIN "
        "INSERT INTO entry_search(entry_search, rowid, search_text) "
        "VALUES ('delete', old.entry_id, old.search_text); "
        "INSERT INTO entry_search(rowid, search_text) VALUES (new.entry_id, new.search_text); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER entry_texts_search_delete AFTER DELETE ON entry_texts BEGIN "
        "INSERT INTO entry_search(entry_search, rowid, search_text) "
        "VALUES ('delete', old.entry_id, old.search_text); "
        "END"
    )
    op.execute("INSERT INTO entry_search(entry_search) VALUES ('rebuild')")


def _postgres_fact_guard(*, json_as_jsonb: bool) -> None:
    def compared(column: str) -> str:
        if json_as_jsonb and column in _JSON_COLUMNS:
            return f"NEW.{column}::jsonb IS DISTINCT FROM OLD.{column}::jsonb"
        return f"NEW.{column} IS DISTINCT FROM OLD.{column}"

    changed = " OR ".join(compared(c) for c in IMMUTABLE_COLUMNS)
    op.execute(
        "CREATE OR REPLACE FUNCTION protokoll_refuse_fact_change() RETURNS trigger AS $$ BEGIN "
        f"IF {changed} THEN RAISE EXCEPTION 'registered facts are immutable'; END IF; "
        "RETURN NEW; END $$ LANGUAGE plpgsql"
    )


# Words are indexed by their first STEM letters, so one exact lexeme stands for the inflected
# forms (ndricimi, ndricimin, ndricimit -> ndric) and the planner's estimates stay exact; a
# prefix query (`word:*`) over whole words is estimated badly and made common words slow.
STEM = 5


def _postgres_fts() -> None:
    op.execute(
        "ALTER TABLE entry_texts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', regexp_replace("
        f"left(search_text, {_PG_SEARCHABLE_CHARS}), '(\\w{{{STEM}}})\\w+', '\\1', 'g'))) STORED"
    )
    op.execute("CREATE INDEX ix_entry_texts_search_vector ON entry_texts USING GIN (search_vector)")


def downgrade() -> None:
    op.drop_index("ix_entries_review_queue", table_name="entries")
    op.drop_index("ix_entries_answered_at", table_name="entries")
    op.drop_index("ix_entries_registered_at", table_name="entries")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS entry_texts_search_{trigger}")
        op.execute("DROP TABLE IF EXISTS entry_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_entry_texts_search_vector")
        op.execute("ALTER TABLE entry_texts DROP COLUMN IF EXISTS search_vector")
        _postgres_fact_guard(json_as_jsonb=False)
