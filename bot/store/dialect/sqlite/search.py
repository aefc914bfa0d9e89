"""SQLite's full-text search: FTS5 MATCH expressions and bm25, queried as it is fastest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.store.dialect.base import Dialect, Match, Statement
from bot.store.records import PASSAGE_COLUMNS, PASSAGE_ORDER, QUOTE_COLUMNS, QUOTE_ORDER

__all__ = ["SqliteSearch"]


def _fts5(terms: Sequence[str], prefixes: Sequence[str], any_term: bool) -> str:
    parts = [f'"{t}"' for t in terms] + [f'"{p}" *' for p in prefixes]
    return (" OR " if any_term else " AND ").join(parts)


#: How far :meth:`SqliteDialect.speaker_quotes` counts a speaker's quotes and the matches
#: to choose its plan, and how many speaker quotes one match costs as much as when the
#: index drives (a seek into quotes and one into articles, against a list entry).
_PLAN_CAP, _MATCH_SEEK_COST = 2048, 8
_SPEAKER_SIDES = (
    "SELECT (SELECT count(*) FROM (SELECT 1 FROM quotes q JOIN people p ON p.id = q.person_id "
    "WHERE p.name = ? LIMIT ?)), "
    "(SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?))"
)


class SqliteSearch(Dialect):
    """The full-text search of :class:`~bot.store.dialect.base.Dialect` in FTS5."""

    async def match(
        self,
        table: str,
        alias: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
    ) -> Match:
        fts = f"{table}_fts"
        return Match(
            join=f" JOIN {fts} f ON f.rowid = {alias}.id",
            where=f"{fts} MATCH ?",
            rank=f"bm25({fts})",
            where_params=[_fts5(terms, prefixes, any_term)],
        )

    async def ranked_ids(
        self,
        table: str,
        terms: Sequence[str],
        *,
        any_term: bool = False,
        prefixes: Sequence[str] = (),
        limit: int = 100,
    ) -> list[int]:
        # The index alone: no join to the table for rows that are never shown.
        rows = await self.all(
            f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ? "
            f"ORDER BY bm25({table}_fts) LIMIT ?",
            (_fts5(terms, prefixes, any_term), limit),
        )
        return [int(r[0]) for r in rows]

    async def best_quotes(self, terms: Sequence[str], limit: int) -> list[Any]:
        rows = (
            f"SELECT {QUOTE_COLUMNS} FROM b JOIN quotes q ON q.id = b.id "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id"
        )
        query = " ".join(f'"{t}"' for t in terms)
        return await self._best(
            "quotes", query, rows, "a.published DESC, q.statement, q.part", limit
        )

    async def best_passages(
        self, terms: Sequence[str], *, any_term: bool, slugs: Sequence[str] | None, limit: int
    ) -> list[Any]:
        if slugs is not None:  # ranked among those articles' paragraphs only
            return await super().best_passages(terms, any_term=any_term, slugs=slugs, limit=limit)
        # Any of a name's words ("Kevin" or "Ricciardo") is 1,800 paragraphs at 10,000
        # articles: joined before sorting, 6 ms a search; ranked first, 2 ms.
        rows = (
            f"SELECT {PASSAGE_COLUMNS} FROM b JOIN passages s ON s.id = b.id "
            "JOIN articles a ON a.id = s.article_id"
        )
        return await self._best("passages", _fts5(terms, (), any_term), rows, PASSAGE_ORDER, limit)

    async def passages_holding(self, terms: Sequence[str], limit: int) -> list[Any]:
        # The index's rowids first, then their rows by id, in one trip: joined in one
        # statement, SQLite reads each match's text as it goes (1.1 ms at 10,000 articles
        # for 22 paragraphs, the ids alone 0.3).
        def rows(found: list[Any]) -> Statement | None:
            if not found:
                return None
            return (
                f"SELECT {PASSAGE_COLUMNS} FROM passages s JOIN articles a ON a.id = s.article_id "
                f"WHERE s.id IN ({', '.join('?' * len(found))})",
                [r[0] for r in found],
            )

        return await self.read_then(
            "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? LIMIT ?",
            (_fts5(terms, (), False), limit),
            rows,
            ("holding",),
        )

    async def _best(self, table: str, query: str, rows: str, order: str, limit: int) -> list[Any]:
        """The ``limit`` best rows of ``table`` for the FTS5 ``query``: ``rows`` (a SELECT from
        ``b(id, score)`` joined to what it shows) ordered by bm25, then ``order``.

        Ranking inside FTS5 alone and joining only the winners is several times faster than
        joining every match before sorting (10,000 matches: 7 ms, not 18). Ties at the cut
        are all kept for the final sort; if there are more than fit, one query does it all.
        The rows and their order are the same as the joined query's."""
        fts = f"{table}_fts"
        margin = max(4 * limit, 200)

        def winners(top: list[Any]) -> Statement | None:
            if not top:
                return None
            cut = top[min(limit, len(top)) - 1][1]
            if len(top) == margin and top[-1][1] <= cut:
                # More ties at the cut than fit: only the matches scoring at the cut or
                # better are joined and sorted (the same first ``limit``); joining every
                # match first took 3-4 times the ranking's own time with a million quotes.
                return (
                    f"WITH b(id, score) AS (SELECT rowid, bm25({fts}) FROM {fts} "
                    f"WHERE {fts} MATCH ?) {rows} WHERE b.score <= ? "
                    f"ORDER BY b.score, {order} LIMIT ?",
                    (query, cut, limit),
                )
            best = [(r[0], r[1]) for r in top if r[1] <= cut]
            values = ", ".join("(?, ?)" for _ in best)
            return (
                f"WITH b(id, score) AS (VALUES {values}) {rows} ORDER BY b.score, {order} LIMIT ?",
                [*(v for pair in best for v in pair), limit],
            )

        # The ranking and the winners' rows in one trip to a reader (see ``read_then``).
        return await self.read_then(
            f"SELECT rowid, bm25({fts}) FROM {fts} WHERE {fts} MATCH ? "
            f"ORDER BY bm25({fts}) LIMIT ?",
            (query, margin),
            winners,
            ("best", rows, order, limit),
        )

    async def speaker_quotes(self, speaker: str, terms: Sequence[str], limit: int) -> list[Any]:
        """From the smaller side. Driven by the index, every match (180,000 quotes hold
        "lap" at 100,000 articles) was a seek into quotes to test its speaker: 100-230 ms.
        Driven by the speaker, the index still ranks: its matches are tested against the
        speaker's quote ids (a list built once, unary + keeping FTS5 from seeking each id:
        every seek restarts its cursor and bm25 counts the term's matches again) and only
        theirs are ranked and joined: 12-50 ms. A rare word and a speaker quoted thousands
        of times go the other way round (building the list is about 0.5 µs a quote), so two
        counts (each up to ``_PLAN_CAP``, 0.1-0.5 ms together) choose. The rows, scores
        and order are the same either way (bm25 reads the whole index's statistics)."""
        query = _fts5(terms, (), False)
        # On a reader, not as a point read: the index's pages would fill the loop's own
        # connection's page cache too (up to 2 MB more of the bot's memory).
        said, matches = (await self.all(_SPEAKER_SIDES, (speaker, _PLAN_CAP, query, _PLAN_CAP)))[0]
        if matches * _MATCH_SEEK_COST < said:
            return await super().speaker_quotes(speaker, terms, limit)
        return await self.all(
            "WITH ranked(id, score) AS MATERIALIZED (SELECT f.rowid, bm25(quotes_fts) "
            "FROM quotes_fts f WHERE quotes_fts MATCH ? AND +f.rowid IN (SELECT q.id "
            "FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = ?)) "
            f"SELECT {QUOTE_COLUMNS} FROM ranked b JOIN quotes q ON q.id = b.id "
            "JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id "
            f"ORDER BY b.score, {QUOTE_ORDER} LIMIT ?",
            (query, speaker, limit),
        )

    async def passage_counts(self, stems: Sequence[str]) -> tuple[int, dict[str, int]]:
        # max(id) is an index lookup where count(*) reads every row; ids are near enough.
        sql = "SELECT '' AS term, coalesce(max(id), 0) AS doc FROM passages"
        # One "term = ?" per term: fts5vocab looks an equality up, but scans for IN (...).
        sql += "".join(
            " UNION ALL SELECT term, doc FROM passages_vocab WHERE term = ?" for _ in stems
        )
        rows = await self.all(sql, stems)
        counts = {r["term"]: int(r["doc"]) for r in rows if r["term"]}
        total = next(int(r["doc"]) for r in rows if not r["term"])
        return total, counts

    async def quote_term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        if not terms:
            return {}
        # One "term = ?" per word: fts5vocab looks an equality up, but scans for IN (...).
        sql = " UNION ALL ".join("SELECT term, doc FROM quotes_vocab WHERE term = ?" for _ in terms)
        return {r["term"]: int(r["doc"]) for r in await self.all(sql, list(terms))}

    async def quotes_with_prefix(self, prefix: str, cap: int) -> int:
        rows = await self.all(
            "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
            (f'"{prefix}" *', cap),
        )
        return int(rows[0][0])

    async def ranked_quote_texts(
        self, terms: Sequence[str], *, any_term: bool, prefixes: Sequence[str], limit: int
    ) -> list[tuple[int, str]]:
        # Rank inside the index alone (as ranked_ids), then read only the winners' texts:
        # joining first would read the text of every match before the sort. The ranked
        # subquery is the outer loop (a rowid seek per winner), so its order is kept.
        rows = await self.all(
            "SELECT b.id, q.text FROM (SELECT rowid AS id FROM quotes_fts "
            "WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?) b "
            "CROSS JOIN quotes q ON q.id = b.id",
            (_fts5(terms, prefixes, any_term), limit),
        )
        return [(int(r[0]), r[1]) for r in rows]
