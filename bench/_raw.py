"""The raw SQLite query a careful engineer would write for each fan command.

A helper module for ``bench.store``. Each answer is timed beside the plain query that does
the same search on the same store in the same run: for a text search, FTS5's own bm25-ranked
top 5 for the words (``ORDER BY rank LIMIT 5`` on the FTS table, the form FTS5 optimises);
for the rest, the indexed SELECTs that read what the answer shows (every row of it: a
profile's 50 newest quotes and its reported statements, every event on a lap, an article's
facts, notes, events and people), one statement each. The answer's p99 over the raw query's
p99 is what Pitwall's work around the database costs. The raw query gets what the engine
works out itself (a speaker's full name, the article meant), so it is the floor, not a
rival implementation.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.store.text import query_terms

__all__ = ["Raw", "RawSQLite", "Statement"]

#: One statement: SQL and its parameters.
Statement = tuple[str, tuple[Any, ...]]
#: One raw query: the statements that read what one answer shows, run one after another.
Raw = tuple[Statement, ...]

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
#: What a quote shows: its text, kind, setting, paragraph, statement and part, and its
#: article's slug, headline, date and link.
_QUOTE = (
    "q.id, q.text, q.kind, q.setting, q.paragraph, q.statement, q.part, "
    "a.slug, a.headline, a.published, a.url"
)
#: /quote speaker and /who list a speaker's 50 newest quotes (bot.answers.quotes.QUOTE_LIMIT).
_BY_SPEAKER = (
    f"SELECT {_QUOTE} FROM people p "
    "JOIN quotes q ON q.person_id = p.id JOIN articles a ON a.id = q.article_id "
    "WHERE p.name = ? ORDER BY a.published DESC LIMIT 50"
)
_REPORTED_BY = (
    "SELECT r.id, r.text, r.paragraph, a.slug, a.headline, a.published, a.url "
    "FROM people p JOIN reported_statements r ON r.person_id = p.id "
    "JOIN articles a ON a.id = r.article_id WHERE p.name = ? ORDER BY a.published DESC"
)
#: One attributed quote at a random id (the primary key), with every part of its statement.
_RANDOM = (
    "WITH pick AS (SELECT id, article_id, statement FROM quotes "
    "WHERE person_id IS NOT NULL AND id >= abs(random()) % (SELECT max(id) FROM quotes) "
    "ORDER BY id LIMIT 1) "
    f"SELECT {_QUOTE}, p.name FROM pick JOIN quotes q ON q.article_id = pick.article_id "
    "AND q.statement = pick.statement JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN people p ON p.id = q.person_id ORDER BY q.part"
)
_PEOPLE = (
    "SELECT name FROM people WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' "
    "ORDER BY name LIMIT 25"
)
_SLUGS = "SELECT slug, headline FROM articles WHERE slug >= ? AND slug < ? ORDER BY slug LIMIT 25"
_NEWEST = "SELECT slug, headline FROM articles ORDER BY published DESC LIMIT 25"
#: /lap shows every event on the lap, across the articles, newest first.
_LAP = (
    "SELECT le.id, le.description, le.who, le.outcome, le.paragraph, "
    "a.slug, a.headline, a.published, a.url FROM lap_events le "
    "JOIN articles a ON a.id = le.article_id WHERE le.lap = ? "
    "ORDER BY a.published DESC, le.id"
)
_ARTICLE = "(SELECT id FROM articles WHERE slug = ?)"
_NEWEST_ARTICLE = "(SELECT id FROM articles ORDER BY published DESC LIMIT 1)"
#: An article's key facts, editor's notes, lap events and the people it names with their
#: teams: what /facts shows, and (but the notes and people) what a recap reads.
_FACTS = "SELECT key, value, paragraph FROM facts WHERE article_id = {article} ORDER BY position"
_NOTES = "SELECT about, text FROM notes WHERE article_id = {article} ORDER BY id"
_EVENTS = (
    "SELECT id, lap, description, who, outcome, paragraph FROM lap_events "
    "WHERE article_id = {article} ORDER BY lap, id"
)
_PEOPLE_IN = (
    "SELECT p.name, ap.role, ap.team FROM article_people ap JOIN people p ON p.id = ap.person_id "
    "WHERE ap.article_id = {article}"
)
#: A recap picks its key quote and the apology and reactions from the article's quotes and
#: reported statements.
_RECAP = (
    "SELECT q.id, q.text, q.kind, q.setting, q.paragraph, q.statement, q.part, p.name "
    "FROM quotes q LEFT JOIN people p ON p.id = q.person_id WHERE q.article_id = {article} "
    "ORDER BY q.statement, q.part"
)
_RECAP_REPORTED = (
    "SELECT r.id, r.text, r.paragraph, p.name FROM reported_statements r "
    "JOIN people p ON p.id = r.person_id WHERE r.article_id = {article} ORDER BY r.paragraph"
)
_APOLOGY_WORDS = ("sorry", "apologise", "apologize", "apology", "apologised", "apologies")


def match(text: str) -> str:
    """FTS5 MATCH text for every word of ``text`` (each quoted: words, never syntax)."""
    return " ".join(f'"{t}"' for t in query_terms(text))


def words(text: str) -> Raw:
    """Top 5 quotes holding every word of ``text``, by bm25."""
    return ((_HITS, (match(text) or '""',)),)


def words_by(text: str, speaker: str) -> Raw:
    """Top 5 quotes by ``speaker`` (a full name) holding every word, by bm25."""
    return ((_HITS_BY, (match(text) or '""', speaker)),)


def by_speaker(speaker: str) -> Raw:
    """A speaker's 50 newest quotes (the quotes_person index)."""
    return ((_BY_SPEAKER, (speaker,)),)


def random_quote() -> Raw:
    """One attributed quote at a random id (the primary key), with its whole statement."""
    return ((_RANDOM, ()),)


def people(prefix: str) -> Raw:
    """Names whose first or a later word starts with ``prefix``."""
    p = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return ((_PEOPLE, (f"{p}%", f"% {p}%")),)


def articles(prefix: str) -> Raw:
    """Slugs starting with ``prefix`` (the slug index), or the newest 25 for nothing typed."""
    if not prefix:
        return ((_NEWEST, ()),)
    return ((_SLUGS, (prefix, prefix + "\uffff")),)


def who(name: str) -> Raw:
    """A profile: the person's 50 newest quotes and what they were reported saying."""
    return ((_BY_SPEAKER, (name,)), (_REPORTED_BY, (name,)))


def lap(number: int) -> Raw:
    """Every event on a lap, newest article first (the lap_events_lap index)."""
    return ((_LAP, (number,)),)


def apology() -> Raw:
    """Top 5 quotes with an apology word, by bm25."""
    return ((_HITS, (" OR ".join(_APOLOGY_WORDS),)),)


def _article(sql: str, slug: str | None) -> Statement:
    """``sql`` for the article ``slug`` (the newest for none)."""
    if slug is None:
        return sql.format(article=_NEWEST_ARTICLE), ()
    return sql.format(article=_ARTICLE), (slug,)


def facts(slug: str | None) -> Raw:
    """An article's facts in order, its notes, lap events and people (the newest's for
    none)."""
    return tuple(_article(sql, slug) for sql in (_FACTS, _NOTES, _EVENTS, _PEOPLE_IN))


def recap(slug: str | None) -> Raw:
    """An article's lap events, facts, quotes with their speakers, and reported statements
    (the newest article's for none)."""
    return tuple(_article(sql, slug) for sql in (_EVENTS, _FACTS, _RECAP, _RECAP_REPORTED))


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
        """Seconds to run every statement of ``raw`` and fetch every row."""
        start = time.perf_counter()
        for sql, params in raw:
            self._conn.execute(sql, params).fetchall()
        return time.perf_counter() - start

    def rows(self, raw: Raw) -> Sequence[Any]:
        """The rows ``raw``'s statements return, one after another (to check a query finds
        what it should)."""
        return [row for sql, params in raw for row in self._conn.execute(sql, params).fetchall()]
