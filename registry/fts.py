"""Full-text search over the entries' folded text, in each database's own engine.

SQLite answers from the FTS5 table `entry_search`, PostgreSQL from the GIN-indexed
`entry_texts.search_vector` (both made by migration 0003). A query is folded like the stored
text, so "ndricim" and "ndriçim" find the same letters; every word must match, as a prefix on
SQLite, and by its first 5 letters on PostgreSQL, whose index holds words cut to 5 letters so
that the planner's estimates stay exact and common words stay fast.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, String, bindparam
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

from registry.search import fold_for_search

MAX_QUERY_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


def search_words(query: str) -> list[str]:
    """The folded words of a query, without any character a search syntax could misread."""
    return _WORD.findall(fold_for_search(query))[:MAX_QUERY_WORDS]


class EntryTextMatches(ColumnElement[bool]):
    """True for entries whose subject, sender or extracted text contain every word."""

    inherit_cache = False
    type = Boolean()

    def __init__(self, words: list[str]) -> None:
        self.words = tuple(words)


def entry_text_matches(query: str) -> EntryTextMatches | None:
    """The search condition for `query`, or None when it holds no words."""
    words = search_words(query)
    return EntryTextMatches(words) if words else None


def _bound(compiler: Any, value: str, **kw: Any) -> str:
    return str(compiler.process(bindparam(None, value, type_=String(), unique=True), **kw))


@compiles(EntryTextMatches, "sqlite")
def _sqlite_match(element: EntryTextMatches, compiler: Any, **kw: Any) -> str:
    fts_query = " ".join(f'"{word}"*' for word in element.words)
    return (
        "entries.id IN (SELECT rowid FROM entry_search WHERE entry_search MATCH "
        f"{_bound(compiler, fts_query, **kw)})"
    )


#: PostgreSQL indexes each word by its first STEM letters (migration 0003).
STEM = 5


def postgres_term(word: str) -> str:
    """A query word as the stemmed index holds it: its first STEM letters, matched exactly.

    Exact lexemes keep the planner's estimates right; a prefix (`:*`) term is estimated badly
    and once made common words slow. A short word is looked up whole.
    """
    return word[:STEM]


@compiles(EntryTextMatches, "postgresql")
def _postgres_match(element: EntryTextMatches, compiler: Any, **kw: Any) -> str:
    ts_query = " & ".join(postgres_term(word) for word in element.words)
    return (
        "entries.id IN (SELECT entry_id FROM entry_texts WHERE search_vector @@ "
        f"to_tsquery('simple', {_bound(compiler, ts_query, **kw)}))"
    )


@compiles(EntryTextMatches)
def _portable_match(element: EntryTextMatches, compiler: Any, **kw: Any) -> str:
    """Any other database: a substring match per word (no index, but the same answers)."""
    clauses = [
        "entries.id IN (SELECT entry_id FROM entry_texts WHERE search_text LIKE "
        f"{_bound(compiler, '%' + word + '%', **kw)})"
        for word in element.words
    ]
    return "(" + " AND ".join(clauses) + ")"
