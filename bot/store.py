"""The SQLite store: the only module with SQL in it.

One aiosqlite connection per process, WAL so readers never wait on the writer, foreign keys
on so child rows cannot outlive their article. The schema lives in numbered ``.sql`` files in
``bot/migrations`` and is applied by ``PRAGMA user_version``: an older database upgrades in
place, a newer one is refused rather than misread.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, Self, TypeVar

import aiosqlite

from bot.errors import StoreError
from bot.models import (
    Article,
    ArticleSummary,
    Fact,
    LapEvent,
    Note,
    Passage,
    Person,
    Quote,
    ReportedStatement,
    Source,
)

__all__ = [
    "MIGRATIONS",
    "Announcement",
    "FeedInfo",
    "FeedItem",
    "Migration",
    "Store",
    "StoreStats",
    "StoredArticle",
    "fts_query",
    "fts_terms",
    "text_hash",
]

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_FTS_TERM = re.compile(r"\w+", re.UNICODE)
_FTS_TOKEN = re.compile(r"[^\W_]+")
_MAX_FTS_TERMS = 16
#: Turning on WAL needs a moment alone with the file: up to 5 s, as for any lock.
_WAL_TRIES, _WAL_PAUSE = 50, 0.1


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def _load_migrations() -> tuple[Migration, ...]:
    found = []
    for entry in resources.files("bot.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return tuple(found)


#: Every schema migration, in order; append-only.
MIGRATIONS: tuple[Migration, ...] = _load_migrations()


def fts_terms(text: str, *, limit: int | None = _MAX_FTS_TERMS) -> list[str]:
    """The words of ``text`` as the quotes' FTS index holds them: case and accents folded.

    Like the ``unicode61`` tokenizer, letters and digits make words and anything else (the
    underscore too) separates them. At most ``limit`` words, the first ones.
    """
    folded = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return list(dict.fromkeys(_FTS_TOKEN.findall(bare)))[:limit]


def fts_query(text: str, *, any_term: bool = False) -> str | None:
    """Turn user text into a safe FTS5 query: words only, each a quoted string.

    User text never reaches FTS5 as syntax: ``NEAR(``, ``*``, ``"`` and column filters become
    plain words or vanish. Returns None when nothing searchable is left.
    """
    terms = _FTS_TERM.findall(text.casefold())[:_MAX_FTS_TERMS]
    if not terms:
        return None
    joiner = " OR " if any_term else " "
    return joiner.join(f'"{term}"' for term in terms)


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    people: int
    quotes: int
    reported: int
    events: int
    facts: int
    schema_version: int


_QUOTE_COLUMNS = """
    q.id, q.text, q.kind, q.setting, q.paragraph, q.statement, q.part,
    p.name AS speaker, a.slug, a.headline, a.published, a.url,
    q.cue, q.cue_paragraph, q.label
"""
_QUOTE_FROM = """
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN people p ON p.id = q.person_id
"""


def _source(row: sqlite3.Row | aiosqlite.Row, paragraph: int | None) -> Source:
    url = row["url"] if "url" in row.keys() else None  # noqa: SIM118 (Row has no __contains__)
    return Source(
        row["slug"], row["headline"], date.fromisoformat(row["published"]), paragraph, url
    )


def _quote(row: Any) -> Quote:
    return Quote(
        speaker=row["speaker"],
        text=row["text"],
        kind=row["kind"],
        setting=row["setting"],
        paragraph=row["paragraph"],
        statement=row["statement"],
        part=row["part"],
        id=row["id"],
        source=_source(row, row["paragraph"]),
        cue=row["cue"],
        cue_paragraph=row["cue_paragraph"],
        label=row["label"],
    )


def _summary(row: Any) -> ArticleSummary:
    url = row["url"] if "url" in row.keys() else None  # noqa: SIM118 (Row has no __contains__)
    return ArticleSummary(
        row["slug"], date.fromisoformat(row["published"]), row["headline"], row["id"], url
    )


#: Tables holding an article's extracted rows; a new version of the article replaces them all.
_ARTICLE_CHILDREN = (
    "paragraphs", "article_people", "aliases", "quotes",
    "reported_statements", "lap_events", "facts", "notes",
)  # fmt: skip


def _replace_articles(
    conn: sqlite3.Connection, articles: Sequence[Article], stored: list[bool]
) -> None:
    """Write each article whose stored copy has another hash; say which in ``stored``.

    Runs on the store connection's thread (see ``Store._in_connection``), so it is plain
    sqlite3: no await between statements, and nothing of anyone else's in between. The
    articles share one transaction, since a commit costs as much as writing a whole article;
    each is written inside its own savepoint, so one that fails leaves nothing of itself and
    the ones before it are kept and committed, exactly as separate transactions would be.
    """
    begun = False
    try:
        for article in articles:
            found = conn.execute(
                "SELECT content_hash FROM articles WHERE slug = ?", (article.slug,)
            ).fetchone()
            if found is not None and found[0] == article.content_hash:
                stored.append(False)
                continue
            if not begun:
                conn.execute("BEGIN IMMEDIATE")
                begun = True
            conn.execute("SAVEPOINT article")
            try:
                _write_article(conn, article)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO article")
                raise
            finally:
                if conn.in_transaction:
                    conn.execute("RELEASE article")
            stored.append(True)
    finally:
        if begun and conn.in_transaction:
            conn.execute("COMMIT")


def _write_article(conn: sqlite3.Connection, article: Article) -> None:
    # Keep the article's id stable across edits: recap history refers to it.
    existing = conn.execute("SELECT id FROM articles WHERE slug = ?", (article.slug,)).fetchone()
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    values = (
        article.published.isoformat(),
        article.headline,
        article.source_path,
        article.content_hash,
        now,
    )
    # People the old version named: the only ones this write can leave unreferenced.
    dropped: set[int] = set()
    if existing is None:
        cursor = conn.execute(
            "INSERT INTO articles(published, headline, source_path, content_hash, "
            "ingested_at, slug) VALUES (?, ?, ?, ?, ?, ?)",
            (*values, article.slug),
        )
        article_id = cursor.lastrowid
    else:
        article_id = existing[0]
        conn.execute(
            "UPDATE articles SET published = ?, headline = ?, source_path = ?, "
            "content_hash = ?, ingested_at = ? WHERE id = ?",
            (*values, article_id),
        )
        for table in ("article_people", "aliases", "quotes", "reported_statements"):
            dropped.update(
                r[0]
                for r in conn.execute(
                    f"SELECT person_id FROM {table} WHERE article_id = ? AND person_id IS NOT NULL",
                    (article_id,),
                )
            )
        for table in _ARTICLE_CHILDREN:
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    # Intake (bot/intake) finds a story again by its canonical URL and by its text. A store
    # written before those columns existed (tests of old schemas) simply has no such record.
    if _has_intake_columns(conn):
        conn.execute(
            "UPDATE articles SET url = ?, text_hash = ? WHERE id = ?",
            (article.url, text_hash(article.paragraphs), article_id),
        )
    conn.executemany(
        "INSERT INTO paragraphs(article_id, idx, text) VALUES (?, ?, ?)",
        [(article_id, i, text) for i, text in enumerate(article.paragraphs, start=1)],
    )
    ids: dict[str, int] = {}

    def person(name: str) -> int:
        key = name.casefold()
        if key not in ids:
            conn.execute("INSERT OR IGNORE INTO people(name) VALUES (?)", (name,))
            row = conn.execute("SELECT id FROM people WHERE name = ?", (name,)).fetchone()
            assert row is not None
            ids[key] = int(row[0])
        return ids[key]

    for p in article.people:
        pid = person(p.name)
        conn.execute(
            "INSERT OR REPLACE INTO article_people(article_id, person_id, role, team) "
            "VALUES (?, ?, ?, ?)",
            (article_id, pid, p.role, p.team),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO aliases(article_id, person_id, alias) VALUES (?, ?, ?)",
            [(article_id, pid, alias) for alias in p.aliases],
        )
    rows = [
        (
            article_id,
            person(q.speaker) if q.speaker else None,
            q.statement,
            q.part,
            q.paragraph,
            q.text,
            q.kind,
            q.setting,
            q.cue,
            q.cue_paragraph,
            q.label,
        )
        for q in article.quotes
    ]
    try:
        conn.executemany(
            "INSERT INTO quotes(article_id, person_id, statement, part, paragraph, text, "
            "kind, setting, cue, cue_paragraph, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    except sqlite3.OperationalError as exc:
        if "cue" not in str(exc):
            raise
        # A store not yet migrated to 0003_attribution (only ever written on purpose, by
        # tests of upgrades) has no columns for the cue: store the quotes without it.
        conn.executemany(
            "INSERT INTO quotes(article_id, person_id, statement, part, paragraph, text, "
            "kind, setting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row[:8] for row in rows],
        )
    conn.executemany(
        "INSERT INTO reported_statements(article_id, person_id, paragraph, text) "
        "VALUES (?, ?, ?, ?)",
        [(article_id, person(r.speaker), r.paragraph, r.text) for r in article.reported],
    )
    conn.executemany(
        "INSERT INTO lap_events(article_id, lap, description, who, outcome, paragraph) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, e.lap, e.description, "\n".join(e.who), e.outcome, e.paragraph)
            for e in article.events
        ],
    )
    conn.executemany(
        "INSERT INTO facts(article_id, position, key, value, paragraph) VALUES (?, ?, ?, ?, ?)",
        [(article_id, i, f.key, f.value, f.paragraph) for i, f in enumerate(article.facts)],
    )
    conn.executemany(
        "INSERT INTO notes(article_id, about, text) VALUES (?, ?, ?)",
        [(article_id, n.about, n.text) for n in article.notes],
    )
    # People no article mentions any more are dropped so autocomplete stays truthful. Only
    # those the replaced version named can have lost their last mention: every other write
    # leaves nobody unmentioned, so checking them alone keeps a write from scanning every
    # quote in the store (which made ingesting N articles cost N squared).
    dropped.difference_update(ids.values())
    conn.executemany(
        "DELETE FROM people WHERE id = ? "
        "AND NOT EXISTS (SELECT 1 FROM article_people WHERE person_id = people.id) "
        "AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = people.id) "
        "AND NOT EXISTS (SELECT 1 FROM reported_statements WHERE person_id = people.id) "
        "AND NOT EXISTS (SELECT 1 FROM aliases WHERE person_id = people.id)",
        [(pid,) for pid in sorted(dropped)],
    )


def _best_matches(conn: sqlite3.Connection, query: str, limit: int) -> list[sqlite3.Row]:
    """See ``Store._best_matches``: runs on the connection's thread."""
    margin = max(4 * limit, 200)
    top = conn.execute(
        "SELECT rowid, bm25(quotes_fts) FROM quotes_fts WHERE quotes_fts MATCH ? "
        "ORDER BY bm25(quotes_fts) LIMIT ?",
        (query, margin),
    ).fetchall()
    if not top:
        return []
    cut = top[min(limit, len(top)) - 1][1]
    if len(top) == margin and top[-1][1] <= cut:
        return conn.execute(
            f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} JOIN quotes_fts f ON f.rowid = q.id "
            "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts), a.published DESC, "
            "q.statement, q.part LIMIT ?",
            (query, limit),
        ).fetchall()
    best = [(r[0], r[1]) for r in top if r[1] <= cut]
    values = ", ".join("(?, ?)" for _ in best)
    return conn.execute(
        f"WITH best(id, score) AS (VALUES {values}) SELECT {_QUOTE_COLUMNS} FROM best b "
        "JOIN quotes q ON q.id = b.id JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN people p ON p.id = q.person_id "
        "ORDER BY b.score, a.published DESC, q.statement, q.part LIMIT ?",
        [*(v for pair in best for v in pair), limit],
    ).fetchall()


class Store:
    """Pitwall's SQLite store; open with ``async with await Store.open(path) as store``."""

    path: Path
    _db: aiosqlite.Connection | None
    _article_writes: int
    _write_lock: asyncio.Lock

    def __init__(self, path: Path, db: aiosqlite.Connection) -> None:
        self.path = path
        self._db = db
        self._article_writes = 0
        # One connection serves every coroutine of the process: a transaction that awaits
        # between BEGIN and COMMIT (recaps, feeds) must not meet another's BEGIN or statements.
        self._write_lock = asyncio.Lock()

    # -- lifecycle -----------------------------------------------------------------------

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> Self:
        """Connect, configure and migrate; a file that is not a usable database is refused."""
        path = Path(path)
        if path.parent and not path.parent.exists():
            raise StoreError(f"cannot open the store {path}: folder {path.parent} does not exist")
        try:
            db = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        db.row_factory = aiosqlite.Row
        store = cls(path, db)
        try:
            await store._configure()
            if migrate:
                await store.migrate()
        except BaseException:
            await db.close()
            raise
        return store

    async def _configure(self) -> None:
        try:
            await self.db.execute("PRAGMA busy_timeout = 5000")
            await self.db.execute("PRAGMA foreign_keys = ON")
            try:
                row = await self._enable_wal()
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode == sqlite3.SQLITE_READONLY_DIRECTORY:
                    raise StoreError(
                        f"cannot read the store {self.path}: its folder is read-only, and SQLite "
                        f"must create {self.path.name}-wal and -shm beside it; make the folder "
                        "writable for this user"
                    ) from exc
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_READONLY:
                    raise
                # A read-only file or folder can still be answered from; any write fails
                # where it happens, with its own clear error.
                log.warning(
                    "store %s is read-only: answering from it, but nothing can be saved", self.path
                )
                row = None
            if row and str(row[0]).lower() != "wal":
                log.warning("store %s: journal mode is %s, not WAL", self.path, row[0])
            await self.db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Pitwall database: {exc}") from exc

    async def _enable_wal(self) -> Any:
        """Turn on WAL, waiting while another process holds the lock the switch needs.

        SQLite's busy timeout does not cover this switch: two processes opening a new store
        at once (two shards) would otherwise see "database is locked" straight away.
        """
        for _ in range(_WAL_TRIES - 1):
            try:
                return await (await self.db.execute("PRAGMA journal_mode = WAL")).fetchone()
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:
                    raise
            await asyncio.sleep(_WAL_PAUSE)
        return await (await self.db.execute("PRAGMA journal_mode = WAL")).fetchone()

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("the store is closed")
        return self._db

    # -- schema --------------------------------------------------------------------------

    async def schema_version(self) -> int:
        row = await (await self.db.execute("PRAGMA user_version")).fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> int:
        """Apply every migration newer than the database; each one in its own transaction."""
        try:
            current = await self.schema_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable Pitwall database: {exc}") from exc
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this Pitwall "
                f"understands ({latest}); upgrade Pitwall or use another PITWALL_DATABASE"
            )
        for migration in migrations:
            if migration.version <= current:
                continue
            log.info("store %s: applying migration %s", self.path, migration.name)
            script = (
                f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                f"PRAGMA user_version = {migration.version};\nCOMMIT;"
            )
            try:
                await self.db.executescript(script)
            except sqlite3.Error as exc:
                if self.db.in_transaction:
                    await self.db.execute("ROLLBACK")
                # Another process (a second shard starting on a new store) may have applied
                # it first, between our reading the version and taking the write lock.
                if await self.schema_version() >= migration.version:
                    log.info("store %s: %s was applied by another process", self.path,
                             migration.name)  # fmt: skip
                    continue
                raise StoreError(f"{self.path}: migration {migration.name} failed: {exc}") from exc
        return latest

    # -- writing articles ----------------------------------------------------------------

    async def replace_article(self, article: Article) -> bool:
        """Store ``article``, replacing any earlier version of it, in one transaction.

        Returns False, touching nothing, when the stored copy has the same content hash, so
        re-ingesting the same files is free and idempotent.
        """
        return (await self.replace_articles([article]))[0]

    async def replace_articles(self, articles: Sequence[Article]) -> list[bool]:
        """Store each article as :meth:`replace_article` would; True for each one written.

        A batch shares one transaction (ingest writes many articles; a commit per article
        was half the cost of storing one). If one article fails, the ones before it are
        stored, it leaves nothing, and its exception is raised.
        """
        stored: list[bool] = []
        try:
            async with self._write_lock:
                await self._in_connection(_replace_articles, articles, stored)
        finally:
            if any(stored):
                self._article_writes += 1
            for article, written in zip(articles, stored, strict=False):
                if written:
                    log.info("stored article %s (%d quotes)", article.slug, len(article.quotes))
        return stored

    async def _in_connection(
        self, work: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args
    ) -> T:
        """Run ``work(connection, *args)`` on the connection's own thread, as one queued call.

        aiosqlite hops to its worker thread and back for every statement; an article is some
        forty statements, and those hops, not SQLite, were most of the cost of ingesting it.
        One call also keeps the whole transaction together: no other coroutine's statement
        can run between its BEGIN and COMMIT. ``_execute`` and ``_conn`` are aiosqlite's own
        queue and connection (its Cursor goes through the same ``_execute``).
        """
        db = self.db
        return await db._execute(lambda: work(db._conn, *args))  # type: ignore[no-any-return]

    # -- reading: articles -------------------------------------------------------------

    async def _all(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        # One trip to the connection's thread, not three (execute, fetch, close): under load
        # every trip waits its turn for the thread and for the GIL.
        return list(await self.db.execute_fetchall(sql, tuple(params)))

    async def stats(self) -> StoreStats:
        counts = []
        for table in (
            "articles", "people", "quotes", "reported_statements", "lap_events", "facts",
        ):  # fmt: skip
            row = (await self._all(f"SELECT count(*) FROM {table}"))[0]
            counts.append(int(row[0]))
        return StoreStats(*counts, schema_version=await self.schema_version())

    async def articles(self) -> list[ArticleSummary]:
        """Every article, newest first."""
        rows = await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC"
        )
        return [_summary(r) for r in rows]

    async def article(self, slug: str) -> ArticleSummary | None:
        rows = await self._all(
            "SELECT id, slug, published, headline, url FROM articles WHERE slug = ?", (slug,)
        )
        return _summary(rows[0]) if rows else None

    async def paragraphs(self, slug: str) -> list[str]:
        rows = await self._all(
            "SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id "
            "WHERE a.slug = ? ORDER BY p.idx",
            (slug,),
        )
        return [r["text"] for r in rows]

    # -- reading: people ---------------------------------------------------------------

    async def people(self) -> list[Person]:
        """Everyone named, with role and team from their newest article and every alias."""
        # One pass ranking every (person, article) row, newest first (the earlier stored row
        # on a tie): a subquery per person scanned article_people once per person, which
        # took seconds at start-up with 10,000 articles.
        rows = await self._all(
            """
            WITH ranked AS (
                SELECT ap.person_id, ap.role, ap.team,
                       row_number() OVER (PARTITION BY ap.person_id, ap.role IS NULL
                                          ORDER BY a.published DESC, ap.rowid) AS role_rank,
                       row_number() OVER (PARTITION BY ap.person_id, ap.team IS NULL
                                          ORDER BY a.published DESC, ap.rowid) AS team_rank
                FROM article_people ap JOIN articles a ON a.id = ap.article_id
            )
            SELECT p.id, p.name, r.role, t.team
            FROM people p
            LEFT JOIN ranked r ON r.person_id = p.id AND r.role IS NOT NULL AND r.role_rank = 1
            LEFT JOIN ranked t ON t.person_id = p.id AND t.team IS NOT NULL AND t.team_rank = 1
            ORDER BY p.name
            """
        )
        aliases: dict[int, list[str]] = {}
        for row in await self._all("SELECT DISTINCT person_id, alias FROM aliases ORDER BY alias"):
            aliases.setdefault(row["person_id"], []).append(row["alias"])
        return [
            Person(r["name"], r["role"], r["team"], tuple(aliases.get(r["id"], ()))) for r in rows
        ]

    async def person(self, name: str) -> Person | None:
        """The person with this exact name (any case), or None."""
        for p in await self.people_named([name]):
            return p
        return None

    async def people_named(self, names: Sequence[str]) -> list[Person]:
        wanted = {n.casefold() for n in names}
        return [p for p in await self.people() if p.name.casefold() in wanted]

    # -- reading: quotes ---------------------------------------------------------------

    async def quotes(
        self,
        *,
        speaker: str | None = None,
        contains: str | None = None,
        article: str | None = None,
        limit: int = 50,
    ) -> list[Quote]:
        """Quotes filtered by speaker (exact full name), words they contain, and article.

        ``contains`` is matched through FTS5 as escaped terms (every word must appear).
        """
        where, params = [], []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        order = "a.published DESC, q.statement, q.part"
        source = _QUOTE_FROM
        if contains is not None:
            query = fts_query(contains)
            if query is None:
                return []
            if not where and limit <= 100:
                return await self._best_matches(query, limit)
            source += " JOIN quotes_fts f ON f.rowid = q.id"
            where.append("quotes_fts MATCH ?")
            params.append(query)
            order = "bm25(quotes_fts), " + order
        sql = f"SELECT {_QUOTE_COLUMNS} {source}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} LIMIT ?"
        params.append(limit)
        return [_quote(r) for r in await self._all(sql, params)]

    async def _best_matches(self, query: str, limit: int) -> list[Quote]:
        """The ``limit`` best quotes for an FTS query, in :meth:`quotes`' order, ranked in FTS.

        Ranking inside FTS5 alone and joining only the winners is several times faster than
        joining every match before sorting (10,000 matches: 7 ms, not 18). Ties at the cut
        are all kept for the final sort; if there are more than fit, one query does it all.
        Both steps run in one trip to the connection's thread.
        """
        return [_quote(r) for r in await self._in_connection(_best_matches, query, limit)]

    async def random_quote(self) -> Quote | None:
        rows = await self._all(
            f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} WHERE q.person_id IS NOT NULL "
            "ORDER BY random() LIMIT 1"
        )
        return _quote(rows[0]) if rows else None

    async def statement(self, slug: str, statement: int) -> list[Quote]:
        """Every part of one statement, in order: a quote that runs over paragraphs, whole."""
        rows = await self._all(
            f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} WHERE a.slug = ? AND q.statement = ? "
            "ORDER BY q.part",
            (slug, statement),
        )
        return [_quote(r) for r in rows]

    async def articles_fingerprint(self) -> tuple[int, str | None]:
        """(count, newest ingest time) of the articles: changes whenever any article is
        added or replaced, by this process or another, and with nothing else."""
        row = (await self._all("SELECT count(*), max(ingested_at) FROM articles"))[0]
        return int(row[0]), row[1]

    async def version(self) -> tuple[int, int]:
        """A value that changes whenever articles may have changed, here or in another process.

        SQLite's ``data_version`` moves when another connection commits; this store's own
        article writes are counted beside it. Answers derived from articles can be kept until
        it moves.
        """
        row = (await self._all("PRAGMA data_version"))[0]
        return int(row[0]), self._article_writes

    async def quotes_with_any(
        self,
        terms: Sequence[str],
        *,
        speaker: str | None = None,
        article: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[Quote]:
        """Attributed quotes holding any of ``terms``, newest article first, a page at a time.

        One search for all the words: the same quotes as asking word by word, in date order.
        """
        words = [t for t in terms if _FTS_TERM.fullmatch(t)]
        if not words:
            return []
        where, params = ["q.person_id IS NOT NULL"], []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
            # One article holds a handful of quotes: read them and match the words here, as
            # the FTS tokenizer would. Asking FTS5 to check each quote costs ~0.4 ms apiece.
            wanted = {w.casefold() for w in words}
            rows = await self._all(
                f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} WHERE {' AND '.join(where)} ORDER BY q.id",
                params,
            )
            found = [r for r in rows if wanted.intersection(fts_terms(r["text"], limit=None))]
            return [_quote(r) for r in found[offset : offset + limit]]
        rows = await self._all(
            f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} JOIN quotes_fts f ON f.rowid = q.id "
            f"WHERE quotes_fts MATCH ? AND {' AND '.join(where)} "
            "ORDER BY a.published DESC, q.id LIMIT ? OFFSET ?",
            [" OR ".join(f'"{w}"' for w in words), *params, limit, offset],
        )
        return [_quote(r) for r in rows]

    async def quote_index(self) -> list[tuple[int, str, bool]]:
        """(id, text, attributed) of every quote: what the answer engine keeps in memory."""
        rows = await self._all("SELECT id, text, person_id IS NOT NULL FROM quotes ORDER BY id")
        return [(r[0], r[1], bool(r[2])) for r in rows]

    async def quotes_by_ids(self, ids: Sequence[int]) -> dict[int, Quote]:
        """The quotes with these ids, by id (ids not stored are left out), in one query."""
        found: dict[int, Quote] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            rows = await self._all(
                f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} WHERE q.id IN ({marks})", chunk
            )
            found.update((r["id"], _quote(r)) for r in rows)
        return found

    async def statements(
        self, keys: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], list[Quote]]:
        """Every part of each (slug, statement), in order: :meth:`statement` in one query."""
        found: dict[tuple[str, int], list[Quote]] = {}
        for start in range(0, len(keys), 400):
            chunk = keys[start : start + 400]
            values = ", ".join("(?, ?)" for _ in chunk)
            # Driven from the wanted pairs, so each is two index lookups, never a scan.
            rows = await self._all(
                f"WITH wanted(slug, statement) AS (VALUES {values}) "
                f"SELECT {_QUOTE_COLUMNS} FROM wanted w "
                "JOIN articles a ON a.slug = w.slug "
                "JOIN quotes q ON q.article_id = a.id AND q.statement = w.statement "
                "LEFT JOIN people p ON p.id = q.person_id ORDER BY q.part",
                [v for key in chunk for v in key],
            )
            for r in rows:
                found.setdefault((r["slug"], r["statement"]), []).append(_quote(r))
        return found

    async def statements_of(self, ids: Sequence[int]) -> dict[int, list[Quote]]:
        """The whole statement (every part, in order) each quote id belongs to, in one query.

        The quote itself is among its parts; ids not stored are left out.
        """
        found: dict[int, list[Quote]] = {}
        for start in range(0, len(ids), 400):
            chunk = list(ids[start : start + 400])
            values = ", ".join("(?)" for _ in chunk)
            rows = await self._all(
                f"WITH wanted(id) AS (VALUES {values}) "
                f"SELECT w.id AS wanted, {_QUOTE_COLUMNS} FROM wanted w "
                "JOIN quotes q0 ON q0.id = w.id "
                "JOIN quotes q ON q.article_id = q0.article_id AND q.statement = q0.statement "
                "JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN people p ON p.id = q.person_id ORDER BY w.id, q.part",
                chunk,
            )
            for r in rows:
                found.setdefault(r["wanted"], []).append(_quote(r))
        return found

    async def quote_ids_matching(
        self,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[int]:
        """Ids of quotes holding every term (any, with ``any_term``), best (bm25) first.

        ``prefixes`` also match any word that starts with them. Terms are words, each quoted,
        never FTS syntax.
        """
        parts = [f'"{t}"' for t in terms if _FTS_TERM.fullmatch(t)]
        parts += [f'"{p}" *' for p in prefixes if _FTS_TERM.fullmatch(p)]
        if not parts:
            return []
        query = (" OR " if any_term else " AND ").join(parts)
        rows = await self._all(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
            "ORDER BY bm25(quotes_fts) LIMIT ?",
            (query, limit),
        )
        return [int(r[0]) for r in rows]

    # -- reading: reported speech, events, facts -----------------------------------------

    async def reported(
        self, *, speaker: str | None = None, article: str | None = None
    ) -> list[ReportedStatement]:
        where, params = [], []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        sql = (
            "SELECT r.id, r.text, r.paragraph, p.name AS speaker, a.slug, a.headline, a.published, "
            "a.url "
            "FROM reported_statements r JOIN articles a ON a.id = r.article_id "
            "JOIN people p ON p.id = r.person_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, r.paragraph"
        return [
            ReportedStatement(
                r["speaker"], r["text"], r["paragraph"], r["id"], _source(r, r["paragraph"])
            )
            for r in await self._all(sql, params)
        ]

    async def lap_events(
        self, lap: int | None = None, article: str | None = None
    ) -> list[LapEvent]:
        where, params = [], []
        if lap is not None:
            where.append("e.lap = ?")
            params.append(lap)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        # For one article's events without a lap, SQLite would walk the lap index to save a
        # sort, visiting every event in the store out of order (3 ms at 10,000 articles); a
        # plain scan is five times faster.
        hint = " NOT INDEXED" if lap is None and article is not None else ""
        sql = (
            "SELECT e.id, e.lap, e.description, e.who, e.outcome, e.paragraph, "
            "a.slug, a.headline, a.published, a.url "
            f"FROM lap_events e{hint} JOIN articles a ON a.id = e.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, e.lap, e.id"
        return [
            LapEvent(
                r["lap"],
                r["description"],
                tuple(w for w in r["who"].split("\n") if w),
                r["outcome"],
                r["paragraph"],
                r["id"],
                _source(r, r["paragraph"]),
            )
            for r in await self._all(sql, params)
        ]

    async def laps_with_events(self) -> list[int]:
        rows = await self._all("SELECT DISTINCT lap FROM lap_events ORDER BY lap")
        return [int(r["lap"]) for r in rows]

    async def facts(self, slug: str) -> list[Fact]:
        rows = await self._all(
            "SELECT f.key, f.value, f.paragraph, a.slug, a.headline, a.published, a.url "
            "FROM facts f JOIN articles a ON a.id = f.article_id WHERE a.slug = ? "
            "ORDER BY f.position",
            (slug,),
        )
        return [
            Fact(r["key"], r["value"], r["paragraph"], _source(r, r["paragraph"])) for r in rows
        ]

    async def notes(self, slug: str) -> list[Note]:
        rows = await self._all(
            "SELECT n.about, n.text, a.slug, a.headline, a.published, a.url "
            "FROM notes n JOIN articles a ON a.id = n.article_id WHERE a.slug = ? ORDER BY n.id",
            (slug,),
        )
        return [Note(r["about"], r["text"], _source(r, None)) for r in rows]

    async def integrity_check(self) -> str:
        """SQLite's own quick check: ``ok``, or what is wrong with the file."""
        try:
            rows = await self._all("PRAGMA quick_check")
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return "; ".join(str(r[0]) for r in rows)

    # -- passages (bot/answers/passages.py) ---
    # Every paragraph, full-text indexed with stemming: the general answer's candidates.

    async def passages_matching(
        self, terms: Sequence[str], *, slugs: Sequence[str] | None = None, limit: int = 40
    ) -> list[Passage]:
        """Paragraphs holding any of ``terms`` (stemmed as the index stems), best bm25 first."""
        words = [t for t in dict.fromkeys(terms) if _FTS_TERM.fullmatch(t)]
        if not words:
            return []
        sql = (
            "SELECT s.text, s.paragraph, a.slug, a.headline, a.published, a.url "
            "FROM passages_fts f "
            "JOIN passages s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id "
            "WHERE passages_fts MATCH ?"
        )
        params: list[Any] = [" OR ".join(f'"{w}"' for w in words)]
        if slugs is not None:
            if not slugs:
                return []
            sql += f" AND a.slug IN ({', '.join('?' * len(slugs))})"
            params.extend(slugs)
        sql += " ORDER BY bm25(passages_fts), a.published DESC LIMIT ?"
        params.append(limit)
        return [
            Passage(r["text"], r["paragraph"], _source(r, r["paragraph"]))
            for r in await self._all(sql, params)
        ]

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many passages there are, and how many hold each stemmed term."""
        wanted = [t for t in dict.fromkeys(stems) if t][:64]
        # max(id) is an index lookup where count(*) reads every row; ids are near enough.
        sql = "SELECT '' AS term, coalesce(max(id), 0) AS doc FROM passages"
        # One "term = ?" per term: fts5vocab looks an equality up, but scans for IN (...).
        sql += "".join(
            " UNION ALL SELECT term, doc FROM passages_vocab WHERE term = ?" for _ in wanted
        )
        rows = await self._all(sql, wanted)
        counts = {r["term"]: int(r["doc"]) for r in rows if r["term"]}
        total = next(int(r["doc"]) for r in rows if not r["term"])
        return total, counts

    async def said_in(self, slugs: Sequence[str]) -> tuple[list[Quote], list[ReportedStatement]]:
        """Every quote and reported statement of these articles, in two reads."""
        if not slugs:
            return [], []
        marks = ", ".join("?" * len(slugs))
        quotes = await self._all(
            f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM} WHERE a.slug IN ({marks}) "
            "ORDER BY q.article_id, q.statement, q.part",
            list(slugs),
        )
        told = await self._all(
            "SELECT r.id, r.text, r.paragraph, p.name AS speaker, a.slug, a.headline, a.published, "
            "a.url FROM reported_statements r JOIN articles a ON a.id = r.article_id "
            f"JOIN people p ON p.id = r.person_id WHERE a.slug IN ({marks}) ORDER BY r.id",
            list(slugs),
        )
        return [_quote(r) for r in quotes], [
            ReportedStatement(
                r["speaker"], r["text"], r["paragraph"], r["id"], _source(r, r["paragraph"])
            )
            for r in told
        ]

    async def notes_mentioning(self, word: str) -> list[str]:
        """Slugs of the articles whose editor's notes hold ``word`` (letters and digits only)."""
        if not _FTS_TERM.fullmatch(word):
            return []
        rows = await self._all(
            "SELECT DISTINCT a.slug FROM notes n JOIN articles a ON a.id = n.article_id "
            "WHERE n.text LIKE ?",
            (f"%{word}%",),
        )
        return [r["slug"] for r in rows]

    async def article_people(self, slug: str) -> list[Person]:
        """The people one article names, with the role and team that article gives them."""
        rows = await self._all(
            "SELECT p.id, p.name, ap.role, ap.team FROM article_people ap "
            "JOIN people p ON p.id = ap.person_id JOIN articles a ON a.id = ap.article_id "
            "WHERE a.slug = ? ORDER BY ap.rowid",
            (slug,),
        )
        return [Person(r["name"], r["role"], r["team"]) for r in rows]

    async def article_passages(self, slug: str) -> list[Passage]:
        """Every paragraph of one article, in order, as passages."""
        rows = await self._all(
            "SELECT s.text, s.paragraph, a.slug, a.headline, a.published, a.url FROM passages s "
            "JOIN articles a ON a.id = s.article_id WHERE a.slug = ? ORDER BY s.paragraph",
            (slug,),
        )
        return [Passage(r["text"], r["paragraph"], _source(r, r["paragraph"])) for r in rows]

    # -- recap schedules (bot/recaps.py) ---
    # Everything below this line belongs to the scheduled recaps: the Store methods here, the
    # records and helpers after the class. Instants are stored as ISO 8601 UTC text.

    async def _recap_transaction(self, work: Any) -> Any:
        """Run ``work()`` (a coroutine function) inside one write transaction, alone."""
        async with self._write_lock:
            await self.db.execute("BEGIN IMMEDIATE")
            try:
                result = await work()
            except BaseException:
                await self.db.execute("ROLLBACK")
                raise
            await self.db.execute("COMMIT")
            return result

    async def save_recap_schedule(self, schedule: RecapSchedule) -> bool:
        """Create or replace the channel's schedule, active again; True when it replaced one.

        Replacing clears a pause and any pending retry: scheduling again is how a moderator
        resumes a paused channel.
        """

        async def work() -> bool:
            existed = await self._all(
                "SELECT 1 FROM recap_schedules WHERE channel_id = ?", (schedule.channel_id,)
            )
            await self.db.execute(
                "INSERT INTO recap_schedules(channel_id, guild_id, hour, minute, timezone, every, "
                "weekday, next_slot, retry_at, attempts, paused_reason, paused_at, "
                "pause_notified, created_by, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, NULL, 0, ?, ?) "
                "ON CONFLICT(channel_id) DO UPDATE SET guild_id = excluded.guild_id, "
                "hour = excluded.hour, minute = excluded.minute, timezone = excluded.timezone, "
                "every = excluded.every, weekday = excluded.weekday, "
                "next_slot = excluded.next_slot, retry_at = NULL, attempts = 0, "
                "paused_reason = NULL, paused_at = NULL, pause_notified = 0, "
                "created_by = excluded.created_by, created_at = excluded.created_at",
                (
                    schedule.channel_id,
                    schedule.guild_id,
                    schedule.hour,
                    schedule.minute,
                    schedule.timezone,
                    schedule.every,
                    schedule.weekday,
                    _iso(schedule.next_slot),
                    schedule.created_by,
                    _iso(schedule.created_at),
                ),
            )
            return bool(existed)

        return bool(await self._recap_transaction(work))

    async def delete_recap_schedule(self, channel_id: int) -> bool:
        """Stop the channel's recaps; True when there was a schedule. Post history stays."""
        cursor = await self.db.execute(
            "DELETE FROM recap_schedules WHERE channel_id = ?", (channel_id,)
        )
        return cursor.rowcount > 0

    async def recap_schedule(self, channel_id: int) -> RecapSchedule | None:
        rows = await self._all("SELECT * FROM recap_schedules WHERE channel_id = ?", (channel_id,))
        return _recap_schedule(rows[0]) if rows else None

    async def recap_schedules(self, guild_id: int) -> list[RecapSchedule]:
        """Every schedule of one server, soonest first."""
        rows = await self._all(
            "SELECT * FROM recap_schedules WHERE guild_id = ? ORDER BY next_slot, channel_id",
            (guild_id,),
        )
        return [_recap_schedule(r) for r in rows]

    async def next_due_recap_schedule(
        self, shard_count: int | None = None, shard_ids: Sequence[int] | None = None
    ) -> RecapSchedule | None:
        """The active schedule due soonest, among the guilds this process's shards own.

        A guild belongs to shard ``(guild_id >> 22) % shard_count``; with no ``shard_ids``
        (unsharded, or every shard in one process) every guild is this process's.
        """
        sql = "SELECT * FROM recap_schedules WHERE paused_reason IS NULL"
        params: list[Any] = []
        if shard_count is not None and shard_ids is not None:
            marks = ", ".join("?" for _ in shard_ids)
            sql += f" AND ((guild_id >> 22) % ?) IN ({marks})"
            params += [shard_count, *shard_ids]
        sql += " ORDER BY coalesce(retry_at, next_slot), channel_id LIMIT 1"
        rows = await self._all(sql, params)
        return _recap_schedule(rows[0]) if rows else None

    async def begin_recap_post(
        self,
        *,
        guild_id: int,
        channel_id: int,
        slot: datetime,
        kind: str,
        nonce: str,
        now: datetime,
        limit: int = 5,
    ) -> RecapPost:
        """Record a post as 'pending' with the stories it features, or return the one recorded.

        Recording before sending is what makes a slot exactly-once: after a crash the same row
        (same nonce, same stories) is found and resent. The stories: on a channel's first
        recap, the newest ``limit``; after that, those ingested since the channel's last
        successful recap (newest first, ``limit`` of them); when nothing is new, one archive
        story, the least recently featured in this channel (never featured first, then the
        oldest feature; ties go to the older article).
        """

        async def work() -> int:
            existing = await self._all(
                "SELECT id FROM recap_posts WHERE channel_id = ? AND slot = ? AND kind = ?",
                (channel_id, _iso(slot), kind),
            )
            if existing:
                return int(existing[0]["id"])
            top = (await self._all("SELECT coalesce(max(id), 0) FROM articles"))[0][0]
            last = await self._all(
                "SELECT watermark FROM recap_posts WHERE channel_id = ? AND state = 'done' "
                "ORDER BY id DESC LIMIT 1",
                (channel_id,),
            )
            archive = False
            if last:
                fresh = await self._all(
                    "SELECT id FROM articles WHERE id > ? ORDER BY published DESC, id DESC",
                    (last[0]["watermark"],),
                )
            else:
                fresh = await self._all("SELECT id FROM articles ORDER BY published DESC, id DESC")
            chosen = [int(r["id"]) for r in fresh[:limit]]
            if not chosen:
                archive = True
                rows = await self._all(
                    "SELECT a.id FROM articles a LEFT JOIN ("
                    "  SELECT f.article_id, max(p.id) AS last_post FROM recap_features f"
                    "  JOIN recap_posts p ON p.id = f.post_id"
                    "  WHERE p.channel_id = ? AND p.state = 'done' GROUP BY f.article_id"
                    ") r ON r.article_id = a.id "
                    "ORDER BY r.last_post IS NOT NULL, r.last_post, a.published, a.id LIMIT 1",
                    (channel_id,),
                )
                chosen = [int(r["id"]) for r in rows]
            cursor = await self.db.execute(
                "INSERT INTO recap_posts(guild_id, channel_id, slot, kind, state, nonce, archive, "
                "more, watermark, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)",
                (
                    guild_id,
                    channel_id,
                    _iso(slot),
                    kind,
                    nonce,
                    int(archive),
                    max(0, len(fresh) - limit),
                    int(top),
                    _iso(now),
                ),
            )
            post_id = cursor.lastrowid
            await self.db.executemany(
                "INSERT INTO recap_features(post_id, article_id, position) VALUES (?, ?, ?)",
                [(post_id, article_id, i) for i, article_id in enumerate(chosen)],
            )
            return int(post_id or 0)

        post_id = await self._recap_transaction(work)
        post = await self.recap_post(post_id)
        assert post is not None
        return post

    async def recap_post(self, post_id: int) -> RecapPost | None:
        rows = await self._all("SELECT * FROM recap_posts WHERE id = ?", (post_id,))
        if not rows:
            return None
        return (await self._with_slugs(rows))[0]

    async def recap_posts(self, channel_id: int) -> list[RecapPost]:
        """Every post and skipped slot of a channel, oldest first."""
        rows = await self._all(
            "SELECT * FROM recap_posts WHERE channel_id = ? ORDER BY id", (channel_id,)
        )
        return await self._with_slugs(rows)

    async def last_recap_posts(self, guild_id: int) -> dict[int, RecapPost]:
        """The latest post (of any outcome) of each channel of a server, by channel id."""
        rows = await self._all(
            "SELECT * FROM recap_posts WHERE id IN "
            "(SELECT max(id) FROM recap_posts WHERE guild_id = ? GROUP BY channel_id)",
            (guild_id,),
        )
        return {p.channel_id: p for p in await self._with_slugs(rows)}

    async def _with_slugs(self, rows: list[aiosqlite.Row]) -> list[RecapPost]:
        posts = []
        for row in rows:
            slugs = await self._all(
                "SELECT a.slug FROM recap_features f JOIN articles a ON a.id = f.article_id "
                "WHERE f.post_id = ? ORDER BY f.position",
                (row["id"],),
            )
            posts.append(_recap_post(row, tuple(r["slug"] for r in slugs)))
        return posts

    async def move_recap_schedule(self, advance: RecapAdvance | None) -> None:
        """Move a schedule to another slot, unless it was replaced meanwhile."""
        await self._advance_recap_schedule(advance)

    async def _advance_recap_schedule(self, advance: RecapAdvance | None) -> None:
        # Guarded by the slot it moves from, so a schedule replaced meanwhile keeps its new slot.
        if advance is None:
            return
        await self.db.execute(
            "UPDATE recap_schedules SET next_slot = ?, retry_at = NULL, attempts = 0 "
            "WHERE channel_id = ? AND next_slot = ?",
            (_iso(advance.to_slot), advance.channel_id, _iso(advance.from_slot)),
        )

    async def finish_recap_post(
        self,
        post_id: int,
        *,
        state: str,
        now: datetime,
        message_id: int | None = None,
        detail: str | None = None,
        advance: RecapAdvance | None = None,
    ) -> None:
        """Close a post as done, failed or skipped and move the schedule on, atomically."""
        if state not in ("done", "failed", "skipped"):
            raise ValueError(f"a post finishes as done, failed or skipped, not {state!r}")

        async def work() -> None:
            await self.db.execute(
                "UPDATE recap_posts SET state = ?, message_id = coalesce(?, message_id), "
                "detail = ?, finished_at = ? WHERE id = ?",
                (state, message_id, detail, _iso(now), post_id),
            )
            await self._advance_recap_schedule(advance)

        await self._recap_transaction(work)

    async def close_recap_slot(
        self,
        *,
        guild_id: int,
        channel_id: int,
        slot: datetime,
        nonce: str,
        detail: str,
        now: datetime,
        state: str = "skipped",
        advance: RecapAdvance | None = None,
    ) -> None:
        """Record a slot that will not be posted (missed, or failed for good), and move on.

        A post still pending for the slot is closed with this state; a finished one is kept.
        """
        if state not in ("failed", "skipped"):
            raise ValueError(f"a slot closes as failed or skipped, not {state!r}")

        async def work() -> None:
            await self.db.execute(
                "INSERT INTO recap_posts(guild_id, channel_id, slot, kind, state, nonce, "
                "detail, created_at, finished_at) VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?, ?) "
                "ON CONFLICT(channel_id, slot, kind) DO UPDATE SET state = excluded.state, "
                "detail = excluded.detail, finished_at = excluded.finished_at "
                "WHERE state = 'pending'",
                (guild_id, channel_id, _iso(slot), state, nonce, detail, _iso(now), _iso(now)),
            )
            await self._advance_recap_schedule(advance)

        await self._recap_transaction(work)

    async def supersede_recap_posts(
        self, channel_id: int, before: datetime, *, detail: str, now: datetime
    ) -> int:
        """Mark scheduled posts still pending for slots before ``before`` as skipped."""
        cursor = await self.db.execute(
            "UPDATE recap_posts SET state = 'skipped', detail = ?, finished_at = ? "
            "WHERE channel_id = ? AND kind = 'scheduled' AND state = 'pending' AND slot < ?",
            (detail, _iso(now), channel_id, _iso(before)),
        )
        return cursor.rowcount

    async def retry_recap_later(
        self, channel_id: int, *, slot: datetime, retry_at: datetime, attempts: int
    ) -> None:
        """Wait until ``retry_at`` before trying the schedule's current slot again."""
        await self.db.execute(
            "UPDATE recap_schedules SET retry_at = ?, attempts = ? "
            "WHERE channel_id = ? AND next_slot = ?",
            (_iso(retry_at), attempts, channel_id, _iso(slot)),
        )

    async def pause_recap_schedule(self, channel_id: int, reason: str, *, now: datetime) -> bool:
        """Pause a schedule with the reason moderators will see; True if it was active."""
        cursor = await self.db.execute(
            "UPDATE recap_schedules SET paused_reason = ?, paused_at = ?, pause_notified = 0, "
            "retry_at = NULL, attempts = 0 WHERE channel_id = ? AND paused_reason IS NULL",
            (reason, _iso(now), channel_id),
        )
        return cursor.rowcount > 0

    async def claim_recap_pause_notice(self, channel_id: int) -> bool:
        """Claim telling moderators of this pause; False if it was already claimed.

        Claiming before telling keeps it to at most once per pause, whoever tells them.
        """
        cursor = await self.db.execute(
            "UPDATE recap_schedules SET pause_notified = 1 "
            "WHERE channel_id = ? AND paused_reason IS NOT NULL AND pause_notified = 0",
            (channel_id,),
        )
        return cursor.rowcount > 0

    async def release_recap_pause_notice(self, channel_id: int) -> None:
        """Undo a claim whose message could not be sent, so the next /recaps tells them."""
        await self.db.execute(
            "UPDATE recap_schedules SET pause_notified = 0 "
            "WHERE channel_id = ? AND paused_reason IS NOT NULL",
            (channel_id,),
        )

    # -- article intake and feeds (bot/intake) ---
    # Links, files and news feeds: articles' URL and text hash, feed subscriptions, the items
    # each feed listed, and the exactly-once announcement claims. Records after the class.

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> aiosqlite.Cursor:
        """One write statement, never inside another coroutine's open transaction."""
        async with self._write_lock:
            return await self.db.execute(sql, tuple(params))

    async def articles_page(self, limit: int = 100, offset: int = 0) -> list[ArticleSummary]:
        """Articles newest first, a page at a time, with their URL."""
        rows = await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_summary(r) for r in rows]

    async def article_count(self) -> int:
        return int((await self._all("SELECT count(*) FROM articles"))[0][0])

    async def stored_article(self, slug: str) -> StoredArticle | None:
        """An article's identity with what intake compares: URL, hashes and source file."""
        rows = await self._all(f"SELECT {_STORED_COLUMNS} FROM articles WHERE slug = ?", (slug,))
        return _stored_article(rows[0]) if rows else None

    async def articles_with_url(self, url: str) -> list[StoredArticle]:
        """Articles recorded with this canonical URL (normally one), oldest first."""
        rows = await self._all(
            f"SELECT {_STORED_COLUMNS} FROM articles WHERE url = ? ORDER BY id", (url,)
        )
        return [_stored_article(r) for r in rows]

    async def articles_with_text(self, digest: str) -> list[StoredArticle]:
        """Articles whose paragraphs hash to ``digest`` (see ``text_hash``), oldest first."""
        await self.backfill_text_hashes()
        rows = await self._all(
            f"SELECT {_STORED_COLUMNS} FROM articles WHERE text_hash = ? ORDER BY id", (digest,)
        )
        return [_stored_article(r) for r in rows]

    async def backfill_text_hashes(self) -> int:
        """Hash the text of articles stored before text hashes were kept (once each)."""
        missing = await self._all("SELECT id FROM articles WHERE text_hash IS NULL")
        for row in missing:
            paragraphs = await self._all(
                "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY idx", (row["id"],)
            )
            await self._write(
                "UPDATE articles SET text_hash = ? WHERE id = ? AND text_hash IS NULL",
                (text_hash([p["text"] for p in paragraphs]), row["id"]),
            )
        return len(missing)

    async def delete_article(self, slug: str) -> ArticleSummary | None:
        """Delete an article and everything extracted from it, in one transaction; people no
        article mentions any more go too. Returns what was deleted, None if nothing was."""
        found = await self.article(slug)
        if found is None:
            return None
        async with self._write_lock:
            await self._in_connection(_delete_article, slug)
        self._article_writes += 1
        log.info("deleted article %s", slug)
        return found

    async def add_feed(
        self,
        url: str,
        *,
        guild_id: int | None,
        channel_id: int | None,
        title: str | None,
        now: datetime,
    ) -> tuple[FeedInfo, bool]:
        """Subscribe (or again: resumed, due now, the channel changed when one is given);
        True if it is new."""

        async def work() -> tuple[int, bool]:
            rows = await self._all(
                "SELECT id FROM feeds WHERE url = ? AND coalesce(guild_id, 0) = coalesce(?, 0)",
                (url, guild_id),
            )
            if rows:
                await self.db.execute(
                    "UPDATE feeds SET channel_id = coalesce(?, channel_id), "
                    "title = coalesce(?, title), next_poll = ?, failures = 0, "
                    "paused_reason = NULL, paused_at = NULL, pause_notified = 0 WHERE id = ?",
                    (channel_id, title, _iso(now), rows[0]["id"]),
                )
                return int(rows[0]["id"]), False
            cursor = await self.db.execute(
                "INSERT INTO feeds(url, guild_id, channel_id, title, next_poll, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (url, guild_id, channel_id, title, _iso(now), _iso(now)),
            )
            return int(cursor.lastrowid or 0), True

        feed_id, new = await self._recap_transaction(work)
        feed = await self.feed(feed_id)
        assert feed is not None
        return feed, new

    async def feed(self, feed_id: int) -> FeedInfo | None:
        rows = await self._all(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.id = ?", (feed_id,))
        return _feed(rows[0]) if rows else None

    async def feeds_with_url(self, url: str) -> list[FeedInfo]:
        rows = await self._all(
            f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.url = ? ORDER BY f.id", (url,)
        )
        return [_feed(r) for r in rows]

    async def feeds(self, guild_id: int | None = None) -> list[FeedInfo]:
        """One server's feeds (None: every feed), in the order they were added."""
        if guild_id is None:
            rows = await self._all(f"SELECT {_FEED_COLUMNS} FROM feeds f ORDER BY f.id")
        else:
            rows = await self._all(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.guild_id = ? ORDER BY f.id",
                (guild_id,),
            )
        return [_feed(r) for r in rows]

    async def delete_feed(self, feed_id: int) -> bool:
        """Unsubscribe; its items go with it, its articles and sent announcements stay."""
        cursor = await self._write("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return cursor.rowcount > 0

    async def next_feed_poll(self) -> datetime | None:
        """When the soonest unpaused feed is due (None: no active feed)."""
        row = (await self._all("SELECT min(next_poll) FROM feeds WHERE paused_reason IS NULL"))[0]
        return _instant(row[0])

    async def due_feeds(self, now: datetime) -> list[FeedInfo]:
        """Unpaused feeds due at or before ``now``, soonest first."""
        rows = await self._all(
            f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.paused_reason IS NULL "
            "AND f.next_poll <= ? ORDER BY f.next_poll, f.id",
            (_iso(now),),
        )
        return [_feed(r) for r in rows]

    async def feed_items(self, feed_id: int) -> dict[str, FeedItem]:
        """Every item the feed listed so far, by key: one query per poll."""
        rows = await self._all(
            "SELECT item_key, fingerprint, url, slug, detail FROM feed_items WHERE feed_id = ?",
            (feed_id,),
        )
        return {
            r["item_key"]: FeedItem(
                r["item_key"], r["fingerprint"], r["url"], r["slug"], r["detail"]
            )
            for r in rows
        }

    async def record_feed_poll(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll: datetime,
        items: Sequence[FeedItem] = (),
        announce: Sequence[tuple[str, str, str]] = (),
        etag: str | None = None,
        last_modified: str | None = None,
        body_hash: str | None = None,
        title: str | None = None,
    ) -> list[Announcement]:
        """Record a good poll in one transaction: the items it took, the feed's new state
        (failures reset, primed; ``etag``, ``last_modified`` and ``body_hash`` stored as
        given, None clearing them so the next poll reads the whole feed) and a 'pending'
        claim per (item_key, slug, nonce) in ``announce``, unless that story was already
        claimed in the feed's channel. Returns the claims made. A feed deleted meanwhile
        records nothing."""

        async def work() -> list[int]:
            feed = await self.feed(feed_id)
            if feed is None:
                return []
            await self.db.execute(
                "UPDATE feeds SET last_poll = ?, next_poll = ?, failures = 0, last_error = NULL, "
                "primed = 1, etag = ?, last_modified = ?, body_hash = ?, "
                "title = coalesce(?, title) WHERE id = ?",
                (_iso(now), _iso(next_poll), etag, last_modified, body_hash, title, feed_id),
            )
            return await self._feed_items_and_claims(feed, items, announce, now)

        ids = await self._recap_transaction(work)
        return await self._announcements("a.id IN (" + ", ".join("?" for _ in ids) + ")", ids)

    async def record_feed_items(
        self,
        feed_id: int,
        items: Sequence[FeedItem],
        announce: Sequence[tuple[str, str, str]] = (),
        *,
        now: datetime,
    ) -> list[Announcement]:
        """Record items as they are taken, with their claims, in one transaction, leaving the
        feed's state alone: a poll cut short keeps what it took and what it must announce."""

        async def work() -> list[int]:
            feed = await self.feed(feed_id)
            if feed is None:
                return []
            return await self._feed_items_and_claims(feed, items, announce, now)

        ids = await self._recap_transaction(work)
        return await self._announcements("a.id IN (" + ", ".join("?" for _ in ids) + ")", ids)

    async def _feed_items_and_claims(
        self,
        feed: FeedInfo,
        items: Sequence[FeedItem],
        announce: Sequence[tuple[str, str, str]],
        now: datetime,
    ) -> list[int]:
        """Inside a transaction: upsert items, then claim each announcement not yet claimed."""
        feed_id = feed.id
        await self.db.executemany(
            "INSERT INTO feed_items(feed_id, item_key, fingerprint, url, slug, detail, "
            "seen_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(feed_id, item_key) DO UPDATE "
            "SET fingerprint = excluded.fingerprint, url = coalesce(excluded.url, url), "
            "slug = coalesce(excluded.slug, slug), detail = excluded.detail",
            [
                (feed_id, i.item_key, i.fingerprint, i.url, i.slug, i.detail, _iso(now))
                for i in items
            ],
        )
        claimed: list[int] = []
        if feed.channel_id is None:
            return claimed
        for item_key, slug, nonce in announce:
            cursor = await self.db.execute(
                "INSERT OR IGNORE INTO feed_announcements(feed_id, guild_id, channel_id, "
                "article_id, item_key, nonce, state, created_at) "
                "SELECT ?, ?, ?, id, ?, ?, 'pending', ? FROM articles WHERE slug = ?",
                (feed_id, feed.guild_id, feed.channel_id, item_key, nonce, _iso(now), slug),
            )
            if cursor.rowcount > 0 and cursor.lastrowid:
                claimed.append(int(cursor.lastrowid))
        return claimed

    async def record_feed_failure(
        self,
        feed_id: int,
        *,
        now: datetime,
        error: str,
        next_poll: datetime,
        pause_reason: str | None = None,
    ) -> FeedInfo | None:
        """Count a failed poll (the error kept for /feeds list); pause with a reason."""
        await self._write(
            "UPDATE feeds SET last_poll = ?, next_poll = ?, failures = failures + 1, "
            "last_error = ?, paused_reason = coalesce(paused_reason, ?), "
            "paused_at = CASE WHEN ? IS NOT NULL AND paused_reason IS NULL THEN ? "
            "ELSE paused_at END WHERE id = ?",
            (_iso(now), _iso(next_poll), error, pause_reason, pause_reason, _iso(now), feed_id),
        )
        return await self.feed(feed_id)

    async def pause_feed(self, feed_id: int, reason: str, *, now: datetime) -> bool:
        """Pause a feed with the reason moderators will see; True if it was active."""
        cursor = await self._write(
            "UPDATE feeds SET paused_reason = ?, paused_at = ?, pause_notified = 0 "
            "WHERE id = ? AND paused_reason IS NULL",
            (reason, _iso(now), feed_id),
        )
        return cursor.rowcount > 0

    async def claim_feed_pause_notice(self, feed_id: int) -> bool:
        """Claim telling moderators of this pause; False if it was already claimed."""
        cursor = await self._write(
            "UPDATE feeds SET pause_notified = 1 "
            "WHERE id = ? AND paused_reason IS NOT NULL AND pause_notified = 0",
            (feed_id,),
        )
        return cursor.rowcount > 0

    async def release_feed_pause_notice(self, feed_id: int) -> None:
        await self._write(
            "UPDATE feeds SET pause_notified = 0 WHERE id = ? AND paused_reason IS NOT NULL",
            (feed_id,),
        )

    async def _announcements(self, where: str, params: Sequence[Any]) -> list[Announcement]:
        rows = await self._all(
            "SELECT a.*, ar.slug, ar.published, ar.headline, ar.url FROM feed_announcements a "
            f"JOIN articles ar ON ar.id = a.article_id WHERE {where} ORDER BY a.id",
            params,
        )
        return [_announcement(r) for r in rows]

    async def pending_announcements(
        self, guild_ids: Sequence[int] | None = None
    ) -> list[Announcement]:
        """Claims recorded but not yet marked sent, oldest first (optionally of some guilds)."""
        if guild_ids is None:
            return await self._announcements("a.state = 'pending'", ())
        marks = ", ".join("?" for _ in guild_ids) or "NULL"
        return await self._announcements(
            f"a.state = 'pending' AND a.guild_id IN ({marks})", list(guild_ids)
        )

    async def announcement(self, announcement_id: int) -> Announcement | None:
        found = await self._announcements("a.id = ?", (announcement_id,))
        return found[0] if found else None

    async def finish_announcement(
        self,
        announcement_id: int,
        *,
        state: str,
        now: datetime,
        message_id: int | None = None,
        detail: str | None = None,
    ) -> None:
        """Close a claim as done (sent) or failed (given up); a closed one stays closed."""
        if state not in ("done", "failed"):
            raise ValueError(f"an announcement finishes as done or failed, not {state!r}")
        await self._write(
            "UPDATE feed_announcements SET state = ?, message_id = ?, detail = ?, "
            "finished_at = ? WHERE id = ? AND state = 'pending'",
            (state, message_id, detail, _iso(now), announcement_id),
        )


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment!r}: the store keeps aware UTC instants only")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(UTC) if text else None


@dataclass(frozen=True, slots=True)
class RecapSchedule:
    """One channel's recap schedule, as stored: the rule, the next slot and its state."""

    channel_id: int
    guild_id: int
    hour: int
    minute: int
    timezone: str
    every: str
    weekday: int | None
    next_slot: datetime
    created_by: int
    created_at: datetime
    retry_at: datetime | None = None
    attempts: int = 0
    paused_reason: str | None = None
    paused_at: datetime | None = None
    pause_notified: bool = False

    @property
    def due(self) -> datetime:
        """When the runner should look at this schedule next: a retry, else the slot."""
        return self.retry_at or self.next_slot


@dataclass(frozen=True, slots=True)
class RecapPost:
    """One recap post or skipped slot of a channel, with the stories it features."""

    id: int
    guild_id: int
    channel_id: int
    slot: datetime
    kind: str
    state: str
    nonce: str
    archive: bool
    more: int
    watermark: int
    message_id: int | None
    detail: str | None
    created_at: datetime
    finished_at: datetime | None
    slugs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RecapAdvance:
    """Move a channel's schedule from the slot just handled to the next one."""

    channel_id: int
    from_slot: datetime
    to_slot: datetime


def _recap_schedule(row: Any) -> RecapSchedule:
    return RecapSchedule(
        channel_id=row["channel_id"],
        guild_id=row["guild_id"],
        hour=row["hour"],
        minute=row["minute"],
        timezone=row["timezone"],
        every=row["every"],
        weekday=row["weekday"],
        next_slot=_instant(row["next_slot"]),  # type: ignore[arg-type]
        created_by=row["created_by"],
        created_at=_instant(row["created_at"]),  # type: ignore[arg-type]
        retry_at=_instant(row["retry_at"]),
        attempts=row["attempts"],
        paused_reason=row["paused_reason"],
        paused_at=_instant(row["paused_at"]),
        pause_notified=bool(row["pause_notified"]),
    )


def _recap_post(row: Any, slugs: tuple[str, ...]) -> RecapPost:
    return RecapPost(
        id=row["id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        slot=_instant(row["slot"]),  # type: ignore[arg-type]
        kind=row["kind"],
        state=row["state"],
        nonce=row["nonce"],
        archive=bool(row["archive"]),
        more=row["more"],
        watermark=row["watermark"],
        message_id=row["message_id"],
        detail=row["detail"],
        created_at=_instant(row["created_at"]),  # type: ignore[arg-type]
        finished_at=_instant(row["finished_at"]),
        slugs=slugs,
    )


# -- article intake and feeds: records and helpers (see the block at the end of Store) ---

_WHITESPACE = re.compile(r"\s+")


def text_hash(paragraphs: Iterable[str]) -> str:
    """A hash of an article's text that ignores how it was wrapped: the same words in the same
    paragraphs hash the same, whether typed into a file or extracted from a page."""
    digest = hashlib.sha256()
    for paragraph in paragraphs:
        folded = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", paragraph)).strip()
        if folded:
            digest.update(folded.encode("utf-8"))
            digest.update(b"\n")
    return digest.hexdigest()


def _has_intake_columns(conn: sqlite3.Connection) -> bool:
    """Whether ``articles`` has the url and text_hash columns (schema 3 on)."""
    return any(row[1] == "text_hash" for row in conn.execute("PRAGMA table_info(articles)"))


def _delete_article(conn: sqlite3.Connection, slug: str) -> None:
    """See ``Store.delete_article``: runs on the connection's thread, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT id FROM articles WHERE slug = ?", (slug,)).fetchone()
        if row is not None:
            article_id = row[0]
            named: set[int] = set()
            for table in ("article_people", "aliases", "quotes", "reported_statements"):
                named.update(
                    r[0]
                    for r in conn.execute(
                        f"SELECT person_id FROM {table} WHERE article_id = ? "
                        "AND person_id IS NOT NULL",
                        (article_id,),
                    )
                )
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.executemany(
                "DELETE FROM people WHERE id = ? "
                "AND NOT EXISTS (SELECT 1 FROM article_people WHERE person_id = people.id) "
                "AND NOT EXISTS (SELECT 1 FROM quotes WHERE person_id = people.id) "
                "AND NOT EXISTS (SELECT 1 FROM reported_statements WHERE person_id = people.id) "
                "AND NOT EXISTS (SELECT 1 FROM aliases WHERE person_id = people.id)",
                [(pid,) for pid in sorted(named)],
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


_STORED_COLUMNS = "id, slug, published, headline, url, text_hash, content_hash, source_path"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as intake compares it: identity, URL, hashes and its source file."""

    summary: ArticleSummary
    url: str | None
    text_hash: str | None
    content_hash: str
    source_path: str


def _stored_article(row: Any) -> StoredArticle:
    return StoredArticle(
        _summary(row), row["url"], row["text_hash"], row["content_hash"], row["source_path"]
    )


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """One feed subscription: where it announces, when it polls next, how it is doing."""

    id: int
    url: str
    title: str | None
    guild_id: int | None  # None: added from the command line
    channel_id: int | None  # where new stories are announced (None: nowhere)
    next_poll: datetime
    last_poll: datetime | None
    last_error: str | None
    failures: int  # failed polls in a row
    paused: str | None  # the reason, while paused
    paused_at: datetime | None = None
    pause_notified: bool = False
    primed: bool = False  # its first poll is done
    created_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    items: int = 0  # items taken so far
    created: bool = False  # set by Intake.add_feed: a new subscription, not an update


_FEED_COLUMNS = "f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS items"


def _feed(row: Any) -> FeedInfo:
    return FeedInfo(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        next_poll=_instant(row["next_poll"]),  # type: ignore[arg-type]
        last_poll=_instant(row["last_poll"]),
        last_error=row["last_error"],
        failures=row["failures"],
        paused=row["paused_reason"],
        paused_at=_instant(row["paused_at"]),
        pause_notified=bool(row["pause_notified"]),
        primed=bool(row["primed"]),
        created_at=_instant(row["created_at"]),
        etag=row["etag"],
        last_modified=row["last_modified"],
        body_hash=row["body_hash"],
        items=row["items"],
    )


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One item a feed listed: its key, the fingerprint of the entry, what it became."""

    item_key: str
    fingerprint: str
    url: str | None = None
    slug: str | None = None  # None: refused (see detail), tried again when the entry changes
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Announcement:
    """A claim to announce one story in one channel, exactly once (see feed_announcements)."""

    id: int
    feed_id: int | None
    guild_id: int | None
    channel_id: int
    article: ArticleSummary
    url: str | None
    item_key: str
    nonce: str
    state: str  # pending, done or failed
    created_at: datetime
    message_id: int | None = None
    detail: str | None = None


def _announcement(row: Any) -> Announcement:
    return Announcement(
        id=row["id"],
        feed_id=row["feed_id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        article=ArticleSummary(
            row["slug"],
            date.fromisoformat(row["published"]),
            row["headline"],
            row["article_id"],
            row["url"],
        ),
        url=row["url"],
        item_key=row["item_key"],
        nonce=row["nonce"],
        state=row["state"],
        created_at=_instant(row["created_at"]),  # type: ignore[arg-type]
        message_id=row["message_id"],
        detail=row["detail"],
    )
