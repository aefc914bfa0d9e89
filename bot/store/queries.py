"""The reads answers need: people, quotes, reported speech, lap events, facts, passages."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from typing import Any

from bot.models import Fact, LapEvent, Note, Passage, Person, Quote, ReportedStatement, Source
from bot.store._base import StoreBase
from bot.store.records import (
    PASSAGE_COLUMNS,
    QUOTE_COLUMNS,
    QUOTE_FROM,
    QUOTE_ORDER,
    StoreStats,
    passage,
    passages_by_story,
    quote,
    quotes_of,
    source,
)
from bot.store.text import FTS_TERM, fts_terms, query_terms

#: Folds ASCII capitals only, as SQLite's NOCASE and citext in the "C" collation compare.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

__all__ = ["QueriesMixin"]

_REPORTED_COLUMNS = (
    "SELECT r.id, r.text, r.paragraph, p.name AS speaker, a.slug, a.headline, a.published, "
    "a.url FROM reported_statements r JOIN articles a ON a.id = r.article_id "
    "JOIN people p ON p.id = r.person_id"
)


def _search_words(terms: Sequence[str], prefixes: Sequence[str]) -> tuple[list[str], list[str]]:
    """The terms and prefixes safe to search for: plain words, never FTS syntax."""
    return [t for t in terms if FTS_TERM.fullmatch(t)], [
        p for p in prefixes if FTS_TERM.fullmatch(p)
    ]


def _reported(r: Any) -> ReportedStatement:
    return ReportedStatement(
        r["speaker"], r["text"], r["paragraph"], r["id"], source(r, r["paragraph"])
    )


class QueriesMixin(StoreBase):
    """What the answer engine reads, each a query or two."""

    async def schema_version(self) -> int:
        return await self._dialect.schema_version()

    async def stats(self) -> StoreStats:
        counts = []
        for table in (
            "articles", "people", "quotes", "reported_statements", "lap_events", "facts",
        ):  # fmt: skip
            row = (await self._all(f"SELECT count(*) FROM {table}"))[0]
            counts.append(int(row[0]))
        return StoreStats(*counts, schema_version=await self.schema_version())

    async def version(self) -> tuple[int, int]:
        """A value that changes whenever articles may have changed, here or in another process.

        The database's data version moves when another connection commits; this store's own
        article writes are counted beside it. Answers derived from articles can be kept until
        it moves.
        """
        return await self._dialect.point_data_version(), self._article_writes

    async def integrity_check(self) -> str:
        """The database's own quick check: ``ok``, or what is wrong with it."""
        return await self._dialect.integrity_check()

    # -- people --------------------------------------------------------------------------

    async def people(self) -> list[Person]:
        """Everyone named, with role and team from their newest article and every alias."""
        # Read from the cards the write path keeps (bot/store/people.py): ranking every
        # article-person row here took 6 s at start with 100,000 articles.
        rows = await self._all("SELECT id, name, role, team FROM people ORDER BY name")
        # One row a person (82,000 alias rows at 100,000 generated articles took 0.25 s).
        joined = await self._all(self._dialect.joined_aliases)
        # Splitting, sorting and building the Persons is 40-60 ms of Python at 10,000
        # articles: on a worker thread, where the GIL is handed back to the loop every few
        # ms, not on the loop, which a running bot's refresh after new articles held.
        return await asyncio.to_thread(self._people_from_joined, rows, joined)

    @classmethod
    def _people_from_joined(cls, rows: Sequence[Any], joined: Sequence[Any]) -> list[Person]:
        """:meth:`_people_with_aliases` of the cards and their aliases joined one row a person."""
        aliases = [(r[0], alias) for r in joined for alias in r[1].split("\x1f")]
        return cls._people_with_aliases(rows, aliases)

    async def person(self, name: str) -> Person | None:
        """The person with this exact name (any case), or None."""
        for p in await self.people_named([name]):
            return p
        return None

    async def people_named(self, names: Sequence[str]) -> list[Person]:
        """The people with these exact names (any case), by name; one card each."""
        if not names:
            return []
        marks = ", ".join("?" * len(names))
        rows = await self._all(
            f"SELECT id, name, role, team FROM people WHERE name IN ({marks}) ORDER BY name",
            list(names),
        )
        wanted = {n.casefold() for n in names}
        rows = [r for r in rows if r["name"].casefold() in wanted]
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        aliases = await self._all(
            "SELECT person_id, alias FROM person_aliases "
            f"WHERE person_id IN ({', '.join('?' * len(ids))})",
            ids,
        )
        return self._people_with_aliases(rows, aliases)

    async def stories_after_team(self, name: str, limit: int = 50) -> list[str]:
        """Slugs of the stories naming ``name`` published after the one their card's team
        comes from, newest first: only their sentences can tell a newer team (a plain "who
        is X" otherwise searched every story naming X, 40 ms at 10,000 articles)."""
        rows = await self._all(
            "SELECT a.slug FROM article_people ap JOIN people p ON p.id = ap.person_id "
            "JOIN articles a ON a.id = ap.article_id "
            "WHERE p.name = ? AND (p.team_at IS NULL OR a.published > p.team_at) "
            "ORDER BY a.published DESC LIMIT ?",
            (name, limit),
        )
        return [r[0] for r in rows]

    @staticmethod
    def _people_with_aliases(rows: Sequence[Any], aliases: Sequence[Any]) -> list[Person]:
        """Cards and (person id, alias) pairs as :class:`Person` records, each person's
        aliases in the order the alias column sorts them (ASCII case aside, then code point:
        SQLite's NOCASE and PostgreSQL's citext in "C")."""
        by_person: dict[int, list[str]] = {}
        # Many people share an alias ("the Finn"): one string each, not one per row.
        one: dict[str, str] = {}
        for row in aliases:
            by_person.setdefault(row[0], []).append(one.setdefault(row[1], row[1]))
        for found in by_person.values():
            found.sort(key=lambda alias: alias.translate(_ASCII_LOWER))
        return [
            Person(r["name"], r["role"], r["team"], tuple(by_person.get(r["id"], ()))) for r in rows
        ]

    async def article_people(self, slug: str) -> list[Person]:
        """The people one article names, with the role and team that article gives them."""
        rows = await self._all(
            "SELECT p.id, p.name, ap.role, ap.team FROM article_people ap "
            "JOIN people p ON p.id = ap.person_id JOIN articles a ON a.id = ap.article_id "
            "WHERE a.slug = ? ORDER BY ap.rowid",
            (slug,),
        )
        return [Person(r["name"], r["role"], r["team"]) for r in rows]

    # -- quotes --------------------------------------------------------------------------

    async def quotes(
        self,
        *,
        speaker: str | None = None,
        contains: str | None = None,
        article: str | None = None,
        limit: int = 50,
    ) -> list[Quote]:
        """Quotes filtered by speaker (exact full name), words they contain, and article.

        ``contains`` is matched through full-text search as escaped terms (every word must
        appear).
        """
        where: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        order = QUOTE_ORDER
        source_sql = QUOTE_FROM
        if contains is not None:
            terms = query_terms(contains)
            if not terms:
                return []
            if not where and limit <= 100:
                return [quote(r) for r in await self._dialect.best_quotes(terms, limit)]
            if speaker is not None and article is None:
                rows = await self._dialect.speaker_quotes(speaker, terms, limit)
                return [quote(r) for r in rows]
            match = await self._dialect.match("quotes", "q", terms)
            source_sql += match.join
            where.append(match.where)
            params = [*match.join_params, *params, *match.where_params]
            order = f"{match.rank}, {order}"
        sql = f"SELECT {QUOTE_COLUMNS} {source_sql}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order} LIMIT ?"
        params.append(limit)
        return [quote(r) for r in await self._all(sql, params)]

    async def random_quote(self) -> Quote | None:
        rows = await self._all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE q.person_id IS NOT NULL "
            "ORDER BY random() LIMIT 1"
        )
        return quote(rows[0]) if rows else None

    async def statement(self, slug: str, statement: int) -> list[Quote]:
        """Every part of one statement, in order: a quote that runs over paragraphs, whole."""
        rows = await self._all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE a.slug = ? AND q.statement = ? "
            "ORDER BY q.part",
            (slug, statement),
        )
        return [quote(r) for r in rows]

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
        words = [t for t in terms if FTS_TERM.fullmatch(t)]
        if not words:
            return []
        where: list[str] = ["q.person_id IS NOT NULL"]
        params: list[Any] = []
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
                f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE {' AND '.join(where)} ORDER BY q.id",
                params,
            )
            found = [r for r in rows if wanted.intersection(fts_terms(r["text"], limit=None))]
            return [quote(r) for r in found[offset : offset + limit]]
        match = await self._dialect.match("quotes", "q", words, any_term=True)
        rows = await self._all(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM}{match.join} "
            f"WHERE {match.where} AND {' AND '.join(where)} "
            "ORDER BY a.published DESC, q.id LIMIT ? OFFSET ?",
            [*match.join_params, *match.where_params, *params, limit, offset],
        )
        return [quote(r) for r in rows]

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
                f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE q.id IN ({marks})", chunk
            )
            found.update((r["id"], quote(r)) for r in rows)
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
                f"SELECT {QUOTE_COLUMNS} FROM wanted w "
                "JOIN articles a ON a.slug = w.slug "
                "JOIN quotes q ON q.article_id = a.id AND q.statement = w.statement "
                "LEFT JOIN people p ON p.id = q.person_id ORDER BY q.part",
                [v for key in chunk for v in key],
            )
            for r in rows:
                found.setdefault((r["slug"], r["statement"]), []).append(quote(r))
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
                f"SELECT w.id AS wanted, {QUOTE_COLUMNS} FROM wanted w "
                "JOIN quotes q0 ON q0.id = w.id "
                "JOIN quotes q ON q.article_id = q0.article_id AND q.statement = q0.statement "
                "JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN people p ON p.id = q.person_id ORDER BY w.id, q.part",
                chunk,
            )
            for r in rows:
                found.setdefault(r["wanted"], []).append(quote(r))
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
        words, starts = _search_words(terms, prefixes)
        if not words and not starts:
            return []
        return await self._dialect.ranked_ids(
            "quotes", words, any_term=any_term, prefixes=starts, limit=limit
        )

    # -- reported speech, events, facts, notes -------------------------------------------

    async def reported(
        self, *, speaker: str | None = None, article: str | None = None
    ) -> list[ReportedStatement]:
        where: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            where.append("p.name = ?")
            params.append(speaker)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        sql = _REPORTED_COLUMNS
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, r.paragraph"
        return [_reported(r) for r in await self._all(sql, params)]

    async def lap_events(
        self, lap: int | None = None, article: str | None = None
    ) -> list[LapEvent]:
        where: list[str] = []
        params: list[Any] = []
        if lap is not None:
            where.append("e.lap = ?")
            params.append(lap)
        if article is not None:
            where.append("a.slug = ?")
            params.append(article)
        sql = (
            "SELECT e.id, e.lap, e.description, e.who, e.outcome, e.paragraph, "
            "a.slug, a.headline, a.published, a.url "
            "FROM lap_events e JOIN articles a ON a.id = e.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published DESC, e.lap, e.id"
        # A lap of a big store has thousands of events (about 2,000 at 100,000 articles):
        # turning them into records is tens of milliseconds of Python, which a worker thread
        # does while the event loop keeps answering (it gets the GIL back every switch).
        # A list of the caller's own: the read's may be shared with the same read asked
        # meanwhile (``Dialect.read_into``).
        return list(await self._read_into(sql, params, _lap_events))

    async def laps_with_events(self) -> list[int]:
        # Each lap is one seek in the index on the lap for the next larger lap: DISTINCT reads
        # every event's index entry (12 ms at 100,000 articles) to find the same 70 laps.
        rows = await self._all(
            "WITH RECURSIVE l(lap) AS ("
            " SELECT min(lap) FROM lap_events"
            " UNION ALL"
            " SELECT (SELECT min(e.lap) FROM lap_events e WHERE e.lap > l.lap) FROM l"
            " WHERE l.lap IS NOT NULL"
            ") SELECT lap FROM l WHERE lap IS NOT NULL ORDER BY lap"
        )
        return [int(r[0]) for r in rows]

    async def facts(self, slug: str) -> list[Fact]:
        rows = await self._all(
            "SELECT f.key, f.value, f.paragraph, a.slug, a.headline, a.published, a.url "
            "FROM facts f JOIN articles a ON a.id = f.article_id WHERE a.slug = ? "
            "ORDER BY f.position",
            (slug,),
        )
        return [Fact(r["key"], r["value"], r["paragraph"], source(r, r["paragraph"])) for r in rows]

    # -- relations between people (team-mates, replacements, co-drivers) -----------------

    async def facts_naming(self, name: str, keys: Sequence[str], limit: int = 20) -> list[Fact]:
        """Facts under ``keys`` of the stories naming ``name``, newest story first: the
        relations a story states about someone ("who is X's team-mate"), read without
        searching every story that names them."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        rows = await self._all(
            "SELECT f.key, f.value, f.paragraph, a.slug, a.headline, a.published, a.url "
            "FROM article_people ap JOIN people p ON p.id = ap.person_id "
            "JOIN articles a ON a.id = ap.article_id JOIN facts f ON f.article_id = a.id "
            f"WHERE p.name = ? AND f.key IN ({marks}) "
            "ORDER BY a.published DESC, a.slug, f.position LIMIT ?",
            (name, *keys, limit),
        )
        return [Fact(r["key"], r["value"], r["paragraph"], source(r, r["paragraph"])) for r in rows]

    async def notes(self, slug: str) -> list[Note]:
        rows = await self._all(
            "SELECT n.about, n.text, a.slug, a.headline, a.published, a.url "
            "FROM notes n JOIN articles a ON a.id = n.article_id WHERE a.slug = ? ORDER BY n.id",
            (slug,),
        )
        return [Note(r["about"], r["text"], source(r, None)) for r in rows]

    async def notes_mentioning(self, word: str) -> list[str]:
        """Slugs of the articles whose editor's notes hold ``word`` (letters and digits only)."""
        if not FTS_TERM.fullmatch(word):
            return []
        rows = await self._all(
            "SELECT DISTINCT a.slug FROM notes n JOIN articles a ON a.id = n.article_id "
            f"WHERE n.text {self._dialect.like} ?",
            (f"%{word}%",),
        )
        return [r["slug"] for r in rows]

    async def said_in(self, slugs: Sequence[str]) -> tuple[list[Quote], list[ReportedStatement]]:
        """Every quote and reported statement of these articles, in two reads."""
        if not slugs:
            return [], []
        marks = ", ".join("?" * len(slugs))
        # Records built where the rows are read (a search's forty stories: 400 quotes, a
        # few milliseconds of Python the loop would wait for); lists of the caller's own,
        # as a read may be shared (``Dialect.read_into``).
        quotes = await self._read_into(
            f"SELECT {QUOTE_COLUMNS} {QUOTE_FROM} WHERE a.slug IN ({marks}) "
            "ORDER BY q.article_id, q.statement, q.part",
            list(slugs),
            quotes_of,
        )
        told = await self._read_into(
            f"{_REPORTED_COLUMNS} WHERE a.slug IN ({marks}) ORDER BY r.id", list(slugs), _told
        )
        return list(quotes), list(told)

    # -- passages (bot/answers/passages/) ------------------------------------------------
    # Every paragraph, full-text indexed with stemming: the general answer's candidates.

    async def passages_matching(
        self,
        terms: Sequence[str],
        *,
        slugs: Sequence[str] | None = None,
        limit: int = 40,
        every: bool = False,
    ) -> list[Passage]:
        """Paragraphs holding any of ``terms`` (with ``every``, all of them; stemmed as the
        index stems), best bm25 first. ``every`` when each term must be there for a paragraph
        to serve: any of a common word ("team") is most of the store, all ranked per call."""
        words = [t for t in dict.fromkeys(terms) if FTS_TERM.fullmatch(t)]
        if not words:
            return []
        if slugs is not None and not slugs:
            return []
        rows = await self._dialect.best_passages(
            words, any_term=not every, slugs=slugs, limit=limit
        )
        return [passage(r) for r in rows]

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many passages there are, and how many hold each stemmed term."""
        wanted = [t for t in dict.fromkeys(stems) if t][:64]
        return await self._dialect.passage_counts(wanted)

    async def article_passages(self, slug: str) -> list[Passage]:
        """Every paragraph of one article, in order, as passages."""
        return (await self.stories_passages([slug])).get(slug, [])

    async def stories_passages(self, slugs: Sequence[str]) -> dict[str, list[Passage]]:
        """Every paragraph of each of these articles, in order, by slug (the ones stored).

        One read for them all: a search for a name ties its top sentences in up to dozens
        of stories, each read whole to see which is about them; a read each was a trip to
        a reader thread each (0.3 ms, 10 ms of a "who is" at 10,000 articles)."""
        wanted = list(dict.fromkeys(slugs))
        if not wanted:
            return {}
        # The passages built where the rows are read (dozens of stories: about a thousand
        # paragraphs); lists of the caller's own, as a read may be shared.
        found = await self._read_into(
            f"SELECT {PASSAGE_COLUMNS} FROM passages s JOIN articles a ON a.id = s.article_id "
            f"WHERE a.slug IN ({', '.join('?' * len(wanted))}) ORDER BY a.slug, s.paragraph",
            wanted,
            passages_by_story,
        )
        return {slug: list(story) for slug, story in found.items()}

    # -- /whosaid and /quote without a copy of every quote in memory (issue 12) ----------
    # The answer engine asks for what one answer needs: a few words' counts, a few hundred
    # candidates' texts, one random id; the quotes themselves stay in the database.

    async def quote_count(self) -> int:
        """How many quotes are stored."""
        return int((await self._all("SELECT count(*) FROM quotes"))[0][0])

    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many quotes hold each word (words as :func:`fts_terms` makes them); words no
        quote holds are left out."""
        words = [t for t in dict.fromkeys(terms) if FTS_TERM.fullmatch(t)][:64]
        return await self._dialect.quote_term_counts(words)

    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        """How many quotes hold a word starting with ``prefix``, counted up to ``cap``."""
        if not FTS_TERM.fullmatch(prefix):
            return 0
        return await self._dialect.quotes_with_prefix(prefix, cap)

    async def quote_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The text of each quote id (ids not stored are left out), in one query a chunk."""
        found: dict[int, str] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            rows = await self._all(f"SELECT id, text FROM quotes WHERE id IN ({marks})", chunk)
            found.update((int(r[0]), r[1]) for r in rows)
        return found

    async def quote_texts_matching(
        self,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[tuple[int, str]]:
        """(id, text) of :meth:`quote_ids_matching`'s quotes, best first, in one query."""
        words, starts = _search_words(terms, prefixes)
        if not words and not starts:
            return []
        return await self._dialect.ranked_quote_texts(
            words, any_term=any_term, prefixes=starts, limit=limit
        )

    async def first_quotes(self, limit: int) -> list[tuple[int, str]]:
        """(id, text) of the first ``limit`` quotes stored, in id order."""
        rows = await self._all("SELECT id, text FROM quotes ORDER BY id LIMIT ?", (limit,))
        return [(int(r[0]), r[1]) for r in rows]

    async def random_attributed_id(self, pick: float) -> int | None:
        """An attributed quote's id, ``pick`` (0 to 1) of the way through their id range.

        Two seeks in the partial index ``quotes_attributed``: ``ORDER BY random()`` reads
        every quote to pick one. Ids are near dense, so a uniform ``pick`` is near uniform
        over the quotes.
        """
        # Each end alone: SQLite answers min() and max() together by reading every row.
        ends = await self._all(
            "SELECT (SELECT id FROM quotes WHERE person_id IS NOT NULL ORDER BY id LIMIT 1), "
            "(SELECT id FROM quotes WHERE person_id IS NOT NULL ORDER BY id DESC LIMIT 1)"
        )
        if ends[0][0] is None:
            return None
        low, high = int(ends[0][0]), int(ends[0][1])
        at = low + int(pick * (high - low + 1))
        rows = await self._all(
            "SELECT id FROM quotes WHERE person_id IS NOT NULL AND id >= ? ORDER BY id LIMIT 1",
            (min(at, high),),
        )
        return int(rows[0][0]) if rows else low

    async def article_rows(self) -> list[Any]:
        """Every article's row, newest first, unconverted: :meth:`articles` for a caller that
        turns 100,000 rows into summaries off the event loop (``records.summary``)."""
        return await self._all(
            "SELECT id, slug, published, headline, url FROM articles "
            "ORDER BY published DESC, id DESC"
        )

    # -- what changed in the articles, for the answer index's update (issue 12) -----------
    # A running bot's answer index takes in only the articles written since it was built
    # (bot/answers/lookup/_article_index.py), not every row again (100,000 rows: 25 MB, 0.5 s).

    async def article_rows_since(self, ingested_at: str) -> list[Any]:
        """The rows of :meth:`article_rows` of the articles written (added or edited) at or
        after ``ingested_at`` (an ISO UTC time, as the store writes them), newest first."""
        return await self._all(
            "SELECT id, slug, published, headline, url FROM articles WHERE ingested_at >= ? "
            "ORDER BY published DESC, id DESC",
            (ingested_at,),
        )

    async def article_ids(self) -> list[Any]:
        """Every article's id, each in a one-item row as read (to find those deleted since an
        index was built; 100,000 rows are turned into a set off the event loop)."""
        return await self._all("SELECT id FROM articles")

    # -- one article's facts in one read (issue 12) ---------------------------------------
    # /facts and /recap read four small things of one article. Each read is a trip through
    # the connection's thread (and, in a busy bot, a wait for its turn there): four trips
    # cost more than the reads themselves.

    async def article_facts(
        self, slug: str
    ) -> tuple[list[Fact], list[Note], list[LapEvent], list[Person]]:
        """An article's facts, editor's notes, lap events and people (with the role and team
        it gives them), each in the order :meth:`facts`, :meth:`notes`, :meth:`lap_events`
        and :meth:`article_people` give them, in one statement."""
        rows = await self._point(_ARTICLE_FACTS, (slug,))
        facts: list[Fact] = []
        notes: list[Note] = []
        events: list[LapEvent] = []
        people: list[Person] = []
        if not rows:
            return facts, notes, events, people
        first = rows[0]
        day = date.fromisoformat(first[9])
        for r in rows:
            kind = r[0]
            if kind == 0:
                facts.append(Fact(r[4], r[5], r[3], Source(r[7], r[8], day, r[3], r[10])))
            elif kind == 1:
                notes.append(Note(r[4], r[5], Source(r[7], r[8], day, None, r[10])))
            elif kind == 2:
                who = tuple(w for w in r[5].split("\n") if w) if r[5] else ()
                source = Source(r[7], r[8], day, r[3], r[10])
                events.append(LapEvent(r[1], r[4], who, r[6], r[3], r[2], source))
            else:
                people.append(Person(r[4], r[5], r[6]))
        return facts, notes, events, people

    # -- a random quote in two small reads (issue 12) -------------------------------------
    # /quote with no option read the ends of the attributed ids, one id, then its statement:
    # three trips to a reader thread for three index seeks, several times the seeks' cost.

    async def random_statement(self, pick: float) -> tuple[int, list[Quote]] | None:
        """:meth:`random_attributed_id`'s quote and :meth:`statements_of` its statement, in
        two point reads (where they are asked, see ``Dialect.point_read``): (the quote's id,
        every part of its statement in order); None when no quote is attributed."""
        ends = await self._point(_ATTRIBUTED_ENDS)
        if ends[0][0] is None:
            return None
        low, high = int(ends[0][0]), int(ends[0][1])
        at = low + int(pick * (high - low + 1))
        rows = await self._point(_STATEMENT_FROM, (min(at, high),))
        if not rows:  # nothing attributed at or after it (deleted meanwhile): the first
            rows = await self._point(_STATEMENT_FROM, (low,))
        if not rows:
            return low, []
        return int(rows[0]["wanted"]), [quote(r) for r in rows]


#: The first and last attributed quote's ids, each from its end of ``quotes_attributed``.
_ATTRIBUTED_ENDS = (
    "SELECT (SELECT id FROM quotes WHERE person_id IS NOT NULL ORDER BY id LIMIT 1), "
    "(SELECT id FROM quotes WHERE person_id IS NOT NULL ORDER BY id DESC LIMIT 1)"
)
#: The first attributed quote at or after an id, with every part of its statement.
_STATEMENT_FROM = (
    "WITH w AS (SELECT id FROM quotes WHERE person_id IS NOT NULL AND id >= ? "
    "ORDER BY id LIMIT 1) "
    f"SELECT w.id AS wanted, {QUOTE_COLUMNS} FROM w "
    "JOIN quotes q0 ON q0.id = w.id "
    "JOIN quotes q ON q.article_id = q0.article_id AND q.statement = q0.statement "
    "JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN people p ON p.id = q.person_id ORDER BY q.part"
)


# -- rows into records, fast (issue 12: answers at the speed of SQLite) ----------------------
# An answer that shows thousands of rows (every event on a lap) spent more time building its
# records from rows by column name than the database spent finding them.


def _told(rows: Sequence[Any]) -> list[ReportedStatement]:
    """Reported statements from rows of ``_REPORTED_COLUMNS``."""
    return [_reported(r) for r in rows]


def _lap_events(rows: Sequence[Any]) -> list[LapEvent]:
    """Lap events from rows of (id, lap, description, who, outcome, paragraph, slug,
    headline, published, url), by position; each date is parsed once."""
    if not _SLOTS_SET_DIRECTLY:
        return _lap_events_built(rows)
    days: dict[str, date] = {}
    found = []
    new = object.__new__
    for r in rows:
        day = days.get(r[8])
        if day is None:
            day = days[r[8]] = date.fromisoformat(r[8])
        where = new(Source)
        _source_slug(where, r[6])
        _source_headline(where, r[7])
        _source_published(where, day)
        _source_paragraph(where, r[5])
        _source_url(where, r[9])
        event = new(LapEvent)
        _event_lap(event, r[1])
        _event_description(event, r[2])
        _event_who(event, tuple(filter(None, r[3].split("\n"))) if r[3] else ())
        _event_outcome(event, r[4])
        _event_paragraph(event, r[5])
        _event_id(event, r[0])
        _event_source(event, where)
        found.append(event)
    return found


def _lap_events_built(rows: Sequence[Any]) -> list[LapEvent]:
    """:func:`_lap_events` through the records' constructors (the models' fields changed)."""
    days: dict[str, date] = {}
    found = []
    for r in rows:
        day = days.get(r[8])
        if day is None:
            day = days[r[8]] = date.fromisoformat(r[8])
        who = tuple(filter(None, r[3].split("\n"))) if r[3] else ()
        found.append(
            LapEvent(r[1], r[2], who, r[4], r[5], r[0], Source(r[6], r[7], day, r[5], r[9]))
        )
    return found


# A frozen dataclass's __init__ sets each field through object.__setattr__: building a lap's
# 1,900 events at 100,000 articles that way was 14 ms, as long as reading them. Setting the
# slots through their descriptors makes the same records (equal, hashing alike) in about
# 60 % of it. Only while the models' fields are the ones set here; else the constructors.
_SOURCE_FIELDS = ("slug", "headline", "published", "paragraph", "url")
_EVENT_FIELDS = ("lap", "description", "who", "outcome", "paragraph", "id", "source")
_SLOTS_SET_DIRECTLY = (
    tuple(f.name for f in dataclasses.fields(Source)) == _SOURCE_FIELDS
    and tuple(f.name for f in dataclasses.fields(LapEvent)) == _EVENT_FIELDS
    and not hasattr(Source, "__post_init__")
    and not hasattr(LapEvent, "__post_init__")
)


def _setters(cls: type, names: tuple[str, ...]) -> list[Callable[[object, object], None]]:
    """Each field's slot setter (its descriptor's ``__set__``; object.__setattr__ for one
    that is no slot, which only a changed model has, and then they are not used)."""
    found: list[Callable[[object, object], None]] = []
    for name in names:
        slot = getattr(cls.__dict__.get(name), "__set__", None)
        found.append(slot if slot is not None else partial(_set_named, name))
    return found


def _set_named(name: str, record: object, value: object) -> None:
    object.__setattr__(record, name, value)


_source_slug, _source_headline, _source_published, _source_paragraph, _source_url = _setters(
    Source, _SOURCE_FIELDS
)
(
    _event_lap,
    _event_description,
    _event_who,
    _event_outcome,
    _event_paragraph,
    _event_id,
    _event_source,
) = _setters(LapEvent, _EVENT_FIELDS)


#: :meth:`QueriesMixin.article_facts`' statement: one row per fact (kind 0), note (1), lap
#: event (2) and person (3), each with the article's columns; every value in a column of one
#: type on both databases (names are citext on PostgreSQL).
_ARTICLE_FACTS = """
WITH art AS (SELECT id, slug, headline, published, url FROM articles WHERE slug = ?)
SELECT 0 AS kind, f.position AS k1, 0 AS k2, f.paragraph AS n, f.key AS t1, f.value AS t2,
       NULL AS t3, art.slug, art.headline, art.published, art.url
FROM art JOIN facts f ON f.article_id = art.id
UNION ALL
SELECT 1, n.id, 0, NULL, n.about, n.text, NULL, art.slug, art.headline, art.published, art.url
FROM art JOIN notes n ON n.article_id = art.id
UNION ALL
SELECT 2, e.lap, e.id, e.paragraph, e.description, e.who, e.outcome,
       art.slug, art.headline, art.published, art.url
FROM art JOIN lap_events e ON e.article_id = art.id
UNION ALL
SELECT 3, ap.rowid, 0, NULL, CAST(p.name AS TEXT), ap.role, ap.team,
       art.slug, art.headline, art.published, art.url
FROM art JOIN article_people ap ON ap.article_id = art.id JOIN people p ON p.id = ap.person_id
ORDER BY kind, k1, k2
"""
