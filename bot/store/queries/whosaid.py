"""/whosaid and /quote without a copy of every quote in memory (issue 12): counts from the
index, ranked ids and texts, a random attributed quote."""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import Quote
from bot.store._base import StoreBase
from bot.store.records import QUOTE_COLUMNS, quote
from bot.store.text import FTS_TERM

__all__ = ["WhoSaidReadsMixin"]


def _search_words(terms: Sequence[str], prefixes: Sequence[str]) -> tuple[list[str], list[str]]:
    """The terms and prefixes safe to search for: plain words, never FTS syntax."""
    return [t for t in terms if FTS_TERM.fullmatch(t)], [
        p for p in prefixes if FTS_TERM.fullmatch(p)
    ]


class WhoSaidReadsMixin(StoreBase):
    """What one /whosaid or /quote answer needs, read as it is asked."""

    # The answer engine asks for what one answer needs: a few words' counts, a few hundred
    # candidates' texts, one random id; the quotes themselves stay in the database.

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
