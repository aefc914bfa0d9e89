"""The raw SQLite query a careful engineer would write for each fan command.

A helper module for ``bench.store``. Each answer is timed beside the plain query that does
the same search on the same store in the same run: for a text search, FTS5's own bm25-ranked
top 5 for the words (``ORDER BY rank LIMIT 5`` on the FTS table, the form FTS5 optimises);
for the rest, the indexed SELECT that reads what the answer shows. The answer's p99 over the
raw query's p99 is what Pitwall's work around the database costs. The raw query gets what
the engine works out itself (a speaker's full name, the article meant), so it is the floor,
not a rival implementation.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.store.text import query_terms

__all__ = ["Raw", "RawSQLite"]

#: One raw query: SQL and its parameters.
Raw = tuple[str, tuple[Any, ...]]

_HITS = (
    "WITH hits AS (SELECT rowid AS id, rank FROM quotes_fts WHERE quotes_fts MATCH ? "
    "ORDER BY rank LIMIT 5) "
    "SELECT q.id, q.text, p.name, a.slug, a.published FROM hits JOIN quotes q ON q.id = hits.id "
    "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id "
    "ORDER BY hits.rank"
)
_HITS_BY = (
    "SELECT q.id, q.text, p.name, a.slug, a.published FROM quotes_fts "
    "JOIN quotes q ON q.id = quotes_fts.rowid JOIN people p ON p.id = q.person_id "
    "JOIN articles a ON a.id = q.article_id "
    "WHERE quotes_fts MATCH ? AND p.name = ? ORDER BY bm25(quotes_fts) LIMIT 5"
)
_BY_SPEAKER = (
    "SELECT q.id, q.text, a.slug, a.published FROM people p "
    "JOIN quotes q ON q.person_id = p.id JOIN articles a ON a.id = q.article_id "
    "WHERE p.name = ? ORDER BY a.published DESC LIMIT 5"
)
_RANDOM = (
    "SELECT q.id, q.text, p.name, a.slug FROM quotes q JOIN people p ON p.id = q.person_id "
    "JOIN articles a ON a.id = q.article_id "
    "WHERE q.id >= abs(random()) % (SELECT max(id) FROM quotes) ORDER BY q.id LIMIT 1"
)
_PEOPLE = (
    "SELECT name FROM people WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' "
    "ORDER BY name LIMIT 25"
)
_SLUGS = "SELECT slug, headline FROM articles WHERE slug >= ? AND slug < ? ORDER BY slug LIMIT 25"
_NEWEST = "SELECT slug, headline FROM articles ORDER BY published DESC LIMIT 25"
_WHO = (
    "SELECT p.id, p.name, (SELECT count(*) FROM quotes q WHERE q.person_id = p.id) "
    "FROM people p WHERE p.name = ?"
)
_LAP = (
    "SELECT le.description, le.who, le.outcome, a.slug FROM lap_events le "
    "JOIN articles a ON a.id = le.article_id WHERE le.lap = ? "
    "ORDER BY a.published DESC LIMIT 5"
)
_ARTICLE = "(SELECT id FROM articles WHERE slug = ?)"
_NEWEST_ARTICLE = "(SELECT id FROM articles ORDER BY published DESC LIMIT 1)"
_FACTS = "SELECT key, value FROM facts WHERE article_id = {article} ORDER BY position"
_RECAP = (
    "SELECT q.text, p.name, q.statement, q.part FROM quotes q "
    "LEFT JOIN people p ON p.id = q.person_id WHERE q.article_id = {article} "
    "ORDER BY q.statement, q.part"
)
_APOLOGY_WORDS = ("sorry", "apologise", "apologize", "apology", "apologised", "apologies")


def match(text: str) -> str:
    """FTS5 MATCH text for every word of ``text`` (each quoted: words, never syntax)."""
    return " ".join(f'"{t}"' for t in query_terms(text))


def words(text: str) -> Raw:
    """Top 5 quotes holding every word of ``text``, by bm25."""
    return _HITS, (match(text) or '""',)


def words_by(text: str, speaker: str) -> Raw:
    """Top 5 quotes by ``speaker`` (a full name) holding every word, by bm25."""
    return _HITS_BY, (match(text) or '""', speaker)


def by_speaker(speaker: str) -> Raw:
    """A speaker's five newest quotes (the quotes_person index)."""
    return _BY_SPEAKER, (speaker,)


def random_quote() -> Raw:
    """One attributed quote at a random id (the primary key)."""
    return _RANDOM, ()


def people(prefix: str) -> Raw:
    """Names whose first or a later word starts with ``prefix``."""
    p = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _PEOPLE, (f"{p}%", f"% {p}%")


def articles(prefix: str) -> Raw:
    """Slugs starting with ``prefix`` (the slug index), or the newest 25 for nothing typed."""
    if not prefix:
        return _NEWEST, ()
    return _SLUGS, (prefix, prefix + "\uffff")


def who(name: str) -> Raw:
    """A person by full name and how many quotes they have."""
    return _WHO, (name,)


def lap(number: int) -> Raw:
    """The five newest events on a lap (the lap_events_lap index)."""
    return _LAP, (number,)


def apology() -> Raw:
    """Top 5 quotes with an apology word, by bm25."""
    return _HITS, (" OR ".join(_APOLOGY_WORDS),)


def facts(slug: str | None) -> Raw:
    """An article's facts in order (the newest article's for none)."""
    if slug is None:
        return _FACTS.format(article=_NEWEST_ARTICLE), ()
    return _FACTS.format(article=_ARTICLE), (slug,)


def recap(slug: str | None) -> Raw:
    """An article's quotes in order, with their speakers (the newest article's for none)."""
    if slug is None:
        return _RECAP.format(article=_NEWEST_ARTICLE), ()
    return _RECAP.format(article=_ARTICLE), (slug,)


class RawSQLite:
    """A read-only connection of its own to the store's file, timing one query at a time.

    Used from a worker thread (``asyncio.to_thread``), so a raw query never holds the event
    loop the answers are measured on.
    """

    def __init__(self, db_path: Path) -> None:
        self._conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)

    def close(self) -> None:
        self._conn.close()

    def time(self, raw: Raw) -> float:
        """Seconds to run ``raw`` and fetch every row."""
        sql, params = raw
        start = time.perf_counter()
        self._conn.execute(sql, params).fetchall()
        return time.perf_counter() - start

    def rows(self, raw: Raw) -> Sequence[Any]:
        """The rows ``raw`` returns (to check a query finds what it should)."""
        return self._conn.execute(*raw).fetchall()
