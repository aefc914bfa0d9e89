"""Quotes and whole statements: filtered by speaker, words and article, by id, at random."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.models import Quote
from bot.store._base import StoreBase
from bot.store.records import QUOTE_COLUMNS, QUOTE_FROM, QUOTE_ORDER, quote, quotes_of
from bot.store.text import FTS_TERM, fts_terms, query_terms

__all__ = ["QuoteReadsMixin"]


class QuoteReadsMixin(StoreBase):
    """Quotes as records, with their speaker and source; a statement's parts in order."""

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
        # Built on the reader that read them (a speaker's 50 for /who: 0.5 ms on the loop).
        return list(await self._read_into(sql, params, quotes_of))

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
