"""PostgreSQL's dialect: a psycopg pool, ``?`` as ``%s``, and bm25 ranked as FTS5 ranks it.

The same answers as SQLite from another engine: tsvectors stand in for FTS5's tables
and triggers, and :meth:`PostgresDialect.match` computes FTS5's bm25 from them.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import math
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, LiteralString, cast

from bot.errors import StoreError
from bot.store.dialect.base import Dialect, Match, SyncConnection, SyncCursor, T
from bot.store.dialect.urls import _clean, redact
from bot.store.migrations import Migration
from bot.store.records import QUOTE_COLUMNS, QUOTE_FROM
from bot.store.text import index_terms

# psycopg is imported where PostgreSQL is used, not here: importing it costs about 0.3 s of
# every start, and a bot on SQLite never needs it (issue 12: start to READY).
if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import AsyncConnectionPool

__all__ = ["MIGRATION_LOCK", "PgRow", "PostgresDialect"]

log = logging.getLogger(__name__)


#: The advisory lock (two-key form: class, object) migrations take, so two processes starting
#: on a new database apply each step once. Shard locks use another class.
MIGRATION_LOCK = (0x50495457, 0)  # "PITW", 0
_MAX_LEXEME = 2046
#: FTS5's bm25 constants.
_K1, _B = 1.2, 0.75


@functools.lru_cache(maxsize=2048)
def _pg_sql(sql: str) -> LiteralString:
    """SQLite's ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled).

    Typed LiteralString for psycopg: the store's SQL is its own text; values always travel
    as parameters, never inside it.
    """
    return cast(LiteralString, sql.replace("%", "%%").replace("?", "%s"))


class PgRow:
    """A row read by name or position, with ``keys()``: what ``sqlite3.Row`` offers."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: Sequence[Any]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"PgRow({dict(zip(self._index, self._values, strict=False))!r})"


def _pg_rows(cursor: Any) -> Callable[[Sequence[Any]], PgRow]:
    """psycopg row factory making :class:`PgRow`; the first of two same-named columns wins."""
    index: dict[str, int] = {}
    for i, column in enumerate(cursor.description or ()):
        index.setdefault(column.name, i)
    return lambda values: PgRow(index, values)


def _tsvector(tokens: Sequence[str]) -> str:
    """A tsvector literal holding ``tokens`` at their positions (1-based), as FTS5 keeps them."""
    positions: dict[str, list[int]] = {}
    for i, token in enumerate(tokens[:16383], start=1):
        positions.setdefault(_cut(token), []).append(i)
    return " ".join(f"'{_lexeme(t)}':{','.join(map(str, p[:256]))}" for t, p in positions.items())


def _cut(word: str) -> str:
    """``word`` cut to the longest lexeme PostgreSQL keeps (2 KB; FTS5 has no limit, and no
    real word comes near it)."""
    if len(word) * 4 <= _MAX_LEXEME:
        return word
    return word.encode("utf-8")[:_MAX_LEXEME].decode("utf-8", "ignore")


def _lexeme(word: str) -> str:
    """``word`` quoted for a tsvector or tsquery literal."""
    return _cut(word).replace("\\", "\\\\").replace("'", "''")


class _PgSync:
    """A psycopg connection with sqlite3's shape, for the synchronous write path."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    @property
    def in_transaction(self) -> bool:
        import psycopg.pq

        return self.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> SyncCursor:
        return self.conn.execute(_pg_sql(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(_pg_sql(sql), [tuple(r) for r in rows])  # type: ignore[arg-type]


@dataclass(slots=True)
class _Corpus:
    """What bm25 needs of a whole table: its rows and their words, as of a data version."""

    version: int
    docs: int
    avgdl: float


class PostgresDialect(Dialect):
    """PostgreSQL through psycopg 3: an async pool for the statements, and one synchronous
    connection, opened at the first article write, for the write path on its thread.

    Every connection is in autocommit; a transaction is opened explicitly (``transaction``,
    or BEGIN in the write path), so nothing is ever left open by accident.
    """

    name = "postgresql"
    begin_write = "BEGIN"
    people_folded_probe = (
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'people' AND column_name = 'folded'"
    )
    # SQLite's REPLACE deletes the row and stores a new one (a new rowid); this keeps the row.
    upsert_article_person = (
        "INSERT INTO article_people(article_id, person_id, role, team) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (article_id, person_id) DO UPDATE SET role = excluded.role, "
        "team = excluded.team"
    )
    like = "ILIKE"
    joined_aliases = (
        "SELECT person_id, string_agg(alias::text, chr(31)) FROM person_aliases GROUP BY person_id"
    )

    def __init__(self, url: str, pool: AsyncConnectionPool[Any]) -> None:
        import psycopg

        PostgresDialect.error = psycopg.Error  # set here: psycopg is imported lazily
        super().__init__()
        self._url = url
        self._pool: AsyncConnectionPool[Any] | None = pool
        self._tx: contextvars.ContextVar[psycopg.AsyncConnection[Any] | None] = (
            contextvars.ContextVar("pitwall_store_tx", default=None)
        )
        self._writer: _PgSync | None = None
        self._thread: ThreadPoolExecutor | None = None
        self._intake_columns = False
        self._corpus: dict[str, _Corpus] = {}
        self._df: dict[str, dict[str, int]] = {}
        self._df_version = -1
        self._tables: set[str] = set()

    @classmethod
    async def connect(cls, url: str, *, max_size: int = 10) -> PostgresDialect:
        """Connect (one connection first, so a wrong URL or password fails with one clear
        line), then open the pool."""
        import psycopg
        from psycopg_pool import AsyncConnectionPool, PoolTimeout

        where = redact(url)
        try:
            first = await psycopg.AsyncConnection.connect(url, connect_timeout=10)
            await first.close()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the store {where}: {_clean(exc, url)}") from None
        pool: AsyncConnectionPool[Any] = AsyncConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            kwargs={"autocommit": True, "row_factory": _pg_rows},
            open=False,
            name="pitwall-store",
        )
        try:
            await pool.open(wait=True, timeout=30)
        except (psycopg.Error, PoolTimeout) as exc:
            await pool.close()
            raise StoreError(f"cannot open the store {where}: {_clean(exc, url)}") from None
        return cls(url, pool)

    @property
    def location(self) -> str:
        return redact(self._url)

    def describe(self, exc: BaseException) -> str:
        return _clean(exc, self._url)

    @property
    def pool(self) -> AsyncConnectionPool[Any]:
        if self._pool is None:
            raise StoreError("the store is closed")
        return self._pool

    async def close(self) -> None:
        if self._thread is not None:
            thread, self._thread = self._thread, None
            writer, self._writer = self._writer, None
            if writer is not None:
                await asyncio.get_running_loop().run_in_executor(thread, writer.conn.close)
            thread.shutdown(wait=True)
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    # -- statements ----------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _connection(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        """The task's transaction connection inside ``transaction``, else one from the pool."""
        conn = self._tx.get()
        if conn is not None:
            yield conn
            return
        async with self.pool.connection() as conn:
            yield conn

    async def all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg_sql(sql), tuple(params))
            return await cursor.fetchall() if cursor.description else []

    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        async with self._connection() as conn:
            cursor = await conn.execute(_pg_sql(sql), tuple(params))
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if not batch:
            return
        async with self._connection() as conn, conn.cursor() as cursor:
            await cursor.executemany(_pg_sql(sql), batch)

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        async with self.lock, self.pool.connection() as conn, conn.transaction():
            token = self._tx.set(conn)
            try:
                yield
            finally:
                self._tx.reset(token)

    async def run_sync(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work`` with the synchronous connection, on its own thread."""
        self.pool  # noqa: B018 (raises when closed)
        if self._thread is None:
            self._thread = ThreadPoolExecutor(1, thread_name_prefix="pitwall-store")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._thread, lambda: work(self._writer_conn(), *args))

    def _writer_conn(self) -> _PgSync:
        import psycopg

        if self._writer is None:
            try:
                conn: psycopg.Connection[Any] = psycopg.Connection.connect(
                    self._url, autocommit=True, row_factory=cast(Any, _pg_rows), connect_timeout=10
                )
            except psycopg.Error as exc:
                raise StoreError(
                    f"cannot open the store {self.location}: {_clean(exc, self._url)}"
                ) from None
            self._writer = _PgSync(conn)
        return self._writer

    # -- schema --------------------------------------------------------------------------

    async def schema_version(self) -> int:
        if (await self.all("SELECT to_regclass('pitwall_schema')"))[0][0] is None:
            return 0
        return int((await self.all("SELECT coalesce(max(version), 0) FROM pitwall_schema"))[0][0])

    async def apply_migration(self, migration: Migration) -> None:
        if migration.postgresql is None:
            raise StoreError(
                f"migration {migration.name} has no PostgreSQL version "
                f"(bot/migrations/postgresql/{migration.name})"
            )
        async with self.lock, self.pool.connection() as conn, conn.transaction():
            await conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", MIGRATION_LOCK)
            await conn.execute(
                "CREATE TABLE IF NOT EXISTS pitwall_schema (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            cursor = await conn.execute("SELECT coalesce(max(version), 0) FROM pitwall_schema")
            row = await cursor.fetchone()
            if row is not None and int(row[0]) >= migration.version:
                log.info("store %s: %s was applied by another process", self.location,
                         migration.name)  # fmt: skip
                return
            await conn.execute(migration.postgresql.encode("utf-8"))
            await conn.execute(
                "INSERT INTO pitwall_schema(version, name) VALUES (%s, %s)",
                (migration.version, migration.name),
            )

    async def data_version(self) -> int:
        rows = await self.all("SELECT articles_version FROM pitwall_meta")
        return int(rows[0][0]) if rows else 0

    async def integrity_check(self) -> str:
        import psycopg

        try:
            await self.all("SELECT count(*) FROM articles")
        except psycopg.Error as exc:
            return _clean(exc, self._url)
        return "ok"

    # -- the synchronous write path ------------------------------------------------------

    def has_intake_columns(self, conn: SyncConnection) -> bool:
        if not self._intake_columns:
            self._intake_columns = (
                conn.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = 'articles' AND column_name = 'text_hash'"
                ).fetchone()
                is not None
            )
        return self._intake_columns

    def index_article(self, conn: SyncConnection, article_id: int) -> None:
        """Give the article's quotes their words, and its paragraphs their passages with
        stems: what SQLite's FTS5 tables and triggers do."""
        quotes = conn.execute(
            "SELECT id, text FROM quotes WHERE article_id = ?", (article_id,)
        ).fetchall()
        terms = index_terms("quotes", [row[1] for row in quotes])
        updates = [
            (_tsvector(words), len(words), row[0]) for row, words in zip(quotes, terms, strict=True)
        ]
        conn.executemany("UPDATE quotes SET tsv = ?::tsvector, len = ? WHERE id = ?", updates)
        if not self._has_table(conn, "passages"):
            return
        paragraphs = conn.execute(
            "SELECT idx, text FROM paragraphs WHERE article_id = ? ORDER BY idx", (article_id,)
        ).fetchall()
        conn.execute("DELETE FROM passages WHERE article_id = ?", (article_id,))
        stems = index_terms("passages", [row[1] for row in paragraphs])
        rows = [
            (article_id, row[0], row[1], _tsvector(words), len(words))
            for row, words in zip(paragraphs, stems, strict=True)
        ]
        conn.executemany(
            "INSERT INTO passages(article_id, paragraph, text, tsv, len) "
            "VALUES (?, ?, ?, ?::tsvector, ?)",
            rows,
        )

    def _has_table(self, conn: SyncConnection, table: str) -> bool:
        """Whether ``table`` exists (a store migrated part way, in tests); once seen, kept."""
        if table not in self._tables:
            if conn.execute("SELECT to_regclass(?)", (table,)).fetchone()[0] is None:
                return False
            self._tables.add(table)
        return True

    def articles_changed(self, conn: SyncConnection) -> None:
        conn.execute("UPDATE pitwall_meta SET articles_version = articles_version + 1")

    # -- full-text search ----------------------------------------------------------------

    def _lexemes(self, table: str, words: Sequence[str]) -> list[str]:
        """The index's words for each search word: folded as FTS5 folds, stemmed for passages.

        A word FTS5 would split (``a_b``) gives each of its parts.
        """
        return [_cut(term) for terms in index_terms(table, list(words)) for term in terms]

    async def _hits(self, table: str, queries: Sequence[str]) -> dict[str, int]:
        """How many rows of ``table`` match each one-word tsquery: FTS5's per-phrase count for
        its idf. Kept until articles change (the data version, read in the same trip), since
        the common words of questions come back again and again."""
        cache = self._df.setdefault(table, {})
        if len(cache) > 100_000:  # a bound, for a store whose articles never change
            cache.clear()
        missing = [q for q in dict.fromkeys(queries) if q not in cache]
        counted = await self.all(
            "SELECT (SELECT articles_version FROM pitwall_meta)"
            + "".join(f", (SELECT count(*) FROM {table} WHERE tsv @@ ?::tsquery)" for _ in missing),
            missing,
        )
        version, *found = (int(v) for v in counted[0])
        if version != self._df_version:
            # Articles changed: every count kept may be stale, and those just read are not.
            self._df_version = version
            self._df = {table: dict(zip(missing, found, strict=True))}
            if len(missing) < len(set(queries)):
                return await self._hits(table, queries)
        else:
            cache.update(zip(missing, found, strict=True))
        return self._df[table]

    async def _corpus_of(self, table: str, version: int) -> _Corpus:
        """How many rows ``table`` has and their mean length, recounted when articles change."""
        corpus = self._corpus.get(table)
        if corpus is None or corpus.version != version:
            row = (await self.all(f"SELECT count(*), coalesce(sum(len), 0) FROM {table}"))[0]
            docs = int(row[0])
            corpus = _Corpus(version, docs, float(row[1]) / docs if docs else 1.0)
            self._corpus[table] = corpus
        return corpus

    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        """bm25 as FTS5 computes it (k1 1.2, b 0.75, its idf), from the tsvector's positions:
        the same ranks as SQLite, so the same answers."""
        phrases = [(t, False) for t in self._lexemes(table, terms)]
        phrases += [(t, True) for t in self._lexemes(table, prefixes)]
        if not phrases:
            return Match(join="", where="FALSE", rank="0")
        queries = [f"'{_lexeme(t)}'{':*' if prefix else ''}" for t, prefix in phrases]
        tsquery = (" | " if any_term else " & ").join(queries)
        hits = await self._hits(table, queries)
        corpus = await self._corpus_of(table, self._df_version)
        values, params = [], []
        for i, ((term, prefix), query) in enumerate(zip(phrases, queries, strict=True)):
            n = hits[query]
            idf = math.log((corpus.docs - n + 0.5) / (n + 0.5))
            values.append("(?::int, ?::text, ?::float8, ?::boolean)")
            params += [i, term, idf if idf > 0 else 1e-6, prefix]
        # Exact words only (the usual case): an equality the planner can hash, and only the
        # wanted lexemes of each row unnested.
        exact = not any(prefix for _, prefix in phrases)
        on = (
            "u.lexeme = w.term"
            if exact
            else ("u.lexeme = w.term OR (w.prefix AND starts_with(u.lexeme, w.term))")
        )
        # Exact words: the wanted lexemes are weighted A and kept alone (setweight and
        # ts_filter work on the tsvector in C) before unnest builds a row, and a positions
        # array, for each of them: not for every word of every matching row. Every lexeme
        # has positions (_tsvector), so none is dropped; tf is unchanged.
        lateral = (
            "unnest(ts_filter(setweight(t.tsv, 'A', ?::text[]), '{a}'))"
            if exact
            else "unnest(t.tsv)"
        )
        join = (
            f" JOIN (SELECT m.id, -sum(m.idf * m.tf * {_K1 + 1} / (m.tf + {_K1} * "
            f"({1 - _B} + {_B} * m.len / ?::float8))) AS score FROM ("
            "SELECT t.id, t.len, w.i, w.idf, sum(coalesce(array_length(u.positions, 1), 1)) "
            f"AS tf FROM {table} t CROSS JOIN LATERAL {lateral} u "
            f"JOIN (VALUES {', '.join(values)}) w(i, term, idf, prefix) ON {on} "
            "WHERE t.tsv @@ ?::tsquery GROUP BY t.id, t.len, w.i, w.idf) m "
            f"GROUP BY m.id) f ON f.id = {alias}.id"
        )
        if exact:
            params = [[t for t, _ in phrases], *params]
        return Match(
            join=join,
            where="TRUE",
            rank="f.score",
            join_params=[corpus.avgdl, *params, tsquery],
        )

    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        match = await self.match("quotes", "q", terms)
        return await self.all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, a.published DESC, q.statement, q.part, q.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        rows = await self.all(
            "SELECT (SELECT coalesce(max(id), 0) FROM passages)"
            + "".join(", (SELECT count(*) FROM passages WHERE tsv @@ ?::tsquery)" for _ in stems),
            [f"'{_lexeme(s)}'" for s in stems],
        )
        total, *counts = (int(v) for v in rows[0])
        return total, {s: n for s, n in zip(stems, counts, strict=True) if n}

    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        # The same per-word counts bm25 needs, kept until articles change.
        queries = {t: f"'{_lexeme(_cut(t))}'" for t in terms}
        hits = await self._hits("quotes", list(queries.values())) if queries else {}
        return {t: hits[q] for t, q in queries.items() if hits.get(q)}

    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        rows = await self.all(
            "SELECT count(*) FROM (SELECT 1 FROM quotes WHERE tsv @@ ?::tsquery LIMIT ?) s",
            (f"'{_lexeme(_cut(prefix))}':*", cap),
        )
        return int(rows[0][0])
