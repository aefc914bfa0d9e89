"""The one interface the domain modules talk to (:class:`Dialect`), and what both share.

A domain module writes its SQL once, with ``?`` placeholders, against this class; what
the two databases do differently is each one's subclass (``sqlite``, ``postgres``).
"""

from __future__ import annotations

import asyncio
import contextlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, TypeVar

from bot.store.migrations import Migration
from bot.store.records import (
    PASSAGE_COLUMNS,
    PASSAGE_ORDER,
    QUOTE_COLUMNS,
    QUOTE_FROM,
    QUOTE_ORDER,
)

__all__ = ["CONVERT_ON_LOOP", "Dialect", "Match", "Statement", "SyncConnection", "SyncCursor"]


T = TypeVar("T")
#: One SQL statement and its parameters.
Statement = tuple[str, Sequence[Any]]


#: Up to this many rows are turned into records on the event loop; more on a worker thread
#: (:meth:`Dialect.read_into`).
CONVERT_ON_LOOP = 200


class SyncCursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class SyncConnection(Protocol):
    """What the synchronous write path uses: sqlite3's connection API, on either database."""

    @property
    def in_transaction(self) -> bool: ...
    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> SyncCursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Any: ...


@dataclass(frozen=True, slots=True)
class Match:
    """A full-text match as SQL: ``FROM <table> <alias>{join} WHERE {where}``, ranked by
    ``rank`` (lower is better, as FTS5's bm25). Params go with ``join``, then ``where``."""

    join: str
    where: str
    rank: str
    join_params: list[Any] = field(default_factory=list)
    where_params: list[Any] = field(default_factory=list)


class Dialect(ABC):
    """One open database: its connections and the SQL that is its own."""

    name: ClassVar[str]
    #: Opens the write transaction of the synchronous write path.
    begin_write: ClassVar[str]
    #: Record a person's role and team in an article, replacing a row already there.
    upsert_article_person: ClassVar[str]
    #: Case-insensitive LIKE.
    like: ClassVar[str]
    #: The errors the driver raises.
    error: ClassVar[type[Exception]]
    #: (person_id, their aliases joined by U+001F) from ``person_aliases``, one row a person.
    joined_aliases: ClassVar[str]

    def __init__(self) -> None:
        # Writes of this process, one at a time: a transaction that awaits between BEGIN and
        # COMMIT (recaps, feeds) must not meet another coroutine's BEGIN or statements.
        self.lock = asyncio.Lock()

    # -- people's folded key (migration people_folded) ---------------------------------
    #: A row when ``people`` has the ``folded`` column (people keyed without case/accents).
    people_folded_probe: ClassVar[str]
    _people_folded: bool = False

    def has_people_folded(self, conn: SyncConnection) -> bool:
        """Whether ``people`` has its folded key (a store older than it writes names only)."""
        if not self._people_folded:  # once there, the column stays: remember a yes
            self._people_folded = conn.execute(self.people_folded_probe).fetchone() is not None
        return self._people_folded

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store is, fit for a log line or an error message (no password)."""

    def describe(self, exc: BaseException) -> str:
        """The driver's error as one line for a message."""
        return str(exc)

    # -- statements ----------------------------------------------------------------------

    @abstractmethod
    async def all(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """Run one statement and return every row it yields."""

    @abstractmethod
    async def execute(self, sql: str, params: Iterable[Any] = ()) -> int:
        """Run one statement; return how many rows it changed."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def transaction(self) -> contextlib.AbstractAsyncContextManager[None]:
        """One write transaction, alone: committed on exit, rolled back by an exception.

        Every statement of the task inside it (``all``, ``execute``...) runs in it.
        """

    @abstractmethod
    async def run_sync(self, work: Callable[..., T], *args: Any) -> T:
        """Run ``work(connection, *args)`` on a thread with a synchronous connection."""

    @abstractmethod
    async def close(self) -> None: ...

    async def point_read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        """One small indexed read (one article's rows): where a trip to another thread costs
        more than the read, the dialect may run it where it is asked; else as :meth:`all`."""
        return await self.all(sql, params)

    async def point_data_version(self) -> int:
        """:meth:`data_version`, asked where it is cheapest (see :meth:`point_read`)."""
        return await self.data_version()

    async def read_into(
        self, sql: str, params: Iterable[Any], convert: Callable[[list[Any]], T]
    ) -> T:
        """``convert(rows)`` of one read: many rows are converted on a worker thread."""
        rows = await self.all(sql, params)
        if len(rows) <= CONVERT_ON_LOOP:
            return convert(rows)
        return await asyncio.to_thread(convert, rows)

    async def read_then(
        self,
        sql: str,
        params: Sequence[Any],
        then: Callable[[list[Any]], Statement | None],
        key: tuple[Any, ...],
    ) -> list[Any]:
        """Two reads in turn: ``sql``, then the statement ``then`` makes of its rows (None:
        no second read, and no rows). ``key`` names what ``then`` does (for a dialect that
        shares a running read, as :meth:`all` may). Here two trips; a dialect may make it one."""
        second = then(await self.all(sql, params))
        return [] if second is None else await self.all(*second)

    # -- schema --------------------------------------------------------------------------

    @abstractmethod
    async def schema_version(self) -> int: ...

    @abstractmethod
    async def apply_migration(self, migration: Migration) -> None:
        """Apply one migration and record its version, in one transaction."""

    @abstractmethod
    async def data_version(self) -> int:
        """A number that moves when another connection commits."""

    @abstractmethod
    async def integrity_check(self) -> str:
        """``ok``, or what is wrong with the database."""

    # -- the synchronous write path ------------------------------------------------------

    @abstractmethod
    def has_intake_columns(self, conn: SyncConnection) -> bool:
        """Whether ``articles`` has the url and text_hash columns (schema 4 on)."""

    def index_article(self, conn: SyncConnection, article_id: int) -> None:  # noqa: B027
        """Index an article's quotes and paragraphs just written, where triggers do not."""

    def articles_changed(self, conn: SyncConnection) -> None:  # noqa: B027
        """Move the data version, in the write's transaction, where the database does not."""

    def index_articles(self, conn: SyncConnection, article_ids: Sequence[int]) -> None:  # noqa: B027
        """Index the articles a batch wrote, in bulk, before it commits, where nothing else
        (triggers, :meth:`index_article`) has."""

    # -- full-text search ----------------------------------------------------------------

    @abstractmethod
    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        """Rows of ``table`` (``quotes`` or ``passages``) holding the terms, bm25-ranked.

        ``terms`` are words (never syntax); ``passages`` stem them as their index does.
        ``prefixes`` also match any word starting with them.
        """

    async def ranked_ids(
        self,
        table: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[int]:
        """Ids of the ``limit`` best rows of ``table`` for :meth:`match`, best first."""
        match = await self.match(table, "t", terms, any_term=any_term, prefixes=prefixes)
        rows = await self.all(
            f"SELECT t.id FROM {table} t{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, t.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )
        return [int(r[0]) for r in rows]

    @abstractmethod
    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        """Rows (``QUOTE_COLUMNS``) of the ``limit`` best quotes holding every term."""

    async def speaker_quotes(self, speaker: str, terms: Sequence[str], limit: int) -> list[Any]:
        """Rows (``QUOTE_COLUMNS``) of the ``limit`` best quotes of ``speaker`` (the exact
        name) holding every term: :meth:`match`'s rank, then the newest article first."""
        match = await self.match("quotes", "q", terms)
        return await self.all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}{match.join} WHERE p.name = ? AND {match.where} "
            f"ORDER BY {match.rank}, {QUOTE_ORDER} LIMIT ?",
            [*match.join_params, speaker, *match.where_params, limit],
        )

    async def best_passages(
        self, terms: Sequence[str], *, any_term: bool, slugs: Sequence[str] | None, limit: int
    ) -> list[Any]:
        """Rows (``PASSAGE_COLUMNS``) of the ``limit`` best paragraphs holding the terms (any
        of them with ``any_term``), of the articles ``slugs`` when given: :meth:`match`'s
        rank, then ``PASSAGE_ORDER``."""
        match = await self.match("passages", "s", terms, any_term=any_term)
        sql = (
            f"SELECT {PASSAGE_COLUMNS} FROM passages s{match.join} "
            f"JOIN articles a ON a.id = s.article_id WHERE {match.where}"
        )
        params: list[Any] = [*match.join_params, *match.where_params]
        if slugs is not None:
            sql += f" AND a.slug IN ({', '.join('?' * len(slugs))})"
            params.extend(slugs)
        return await self.all(
            f"{sql} ORDER BY {match.rank}, {PASSAGE_ORDER} LIMIT ?", [*params, limit]
        )

    async def passages_holding(self, terms: Sequence[str], limit: int) -> list[Any]:
        """Rows (``PASSAGE_COLUMNS``) of up to ``limit`` paragraphs holding every term, in
        no order: unranked, for a caller that orders them itself and ranks only if it must."""
        match = await self.match("passages", "s", terms)
        return await self.all(
            f"SELECT {PASSAGE_COLUMNS} FROM passages s{match.join} "
            f"JOIN articles a ON a.id = s.article_id WHERE {match.where} LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )

    @abstractmethod
    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many passages there are (near enough), and how many hold each stem."""

    # -- /whosaid's search plan (issue 12): counts from the index, never from a copy -------

    @abstractmethod
    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many quotes hold each word (words as :func:`fts_terms` makes them)."""

    @abstractmethod
    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        """How many quotes hold a word starting with ``prefix``, counting no further than
        ``cap``: the caller only asks whether there are few, and a common prefix would
        otherwise cost a pass over most of the index."""

    async def ranked_quote_texts(
        self, terms: Sequence[str], *, any_term: bool, prefixes: Sequence[str], limit: int
    ) -> list[tuple[int, str]]:
        """(id, text) of the ``limit`` best quotes for :meth:`ranked_ids`, best first: the
        ranking and the texts in one round trip (/whosaid scores exactly these texts)."""
        match = await self.match("quotes", "t", terms, any_term=any_term, prefixes=prefixes)
        rows = await self.all(
            f"SELECT t.id, t.text FROM quotes t{match.join} WHERE {match.where} "
            f"ORDER BY {match.rank}, t.id LIMIT ?",
            [*match.join_params, *match.where_params, limit],
        )
        return [(int(r[0]), r[1]) for r in rows]
