"""PostgreSQL's full-text search: tsvectors standing in for FTS5's tables, and bm25 computed
from them as FTS5 computes it, so the same ranks (and the same answers) as SQLite."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.store.dialect.base import Dialect, Match
from bot.store.records import QUOTE_COLUMNS, QUOTE_FROM
from bot.store.text import index_terms

__all__ = ["PostgresSearch"]


_MAX_LEXEME = 2046
#: FTS5's bm25 constants.
_K1, _B = 1.2, 0.75


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


@dataclass(slots=True)
class _Corpus:
    """What bm25 needs of a whole table: its rows and their words, as of a data version."""

    version: int
    docs: int
    avgdl: float


class PostgresSearch(Dialect):
    """The full-text search of :class:`~bot.store.dialect.base.Dialect` over tsvectors."""

    #: bm25's per-table figures and per-word counts, kept until articles change (set up by
    #: :class:`~bot.store.dialect.postgres.dialect.PostgresDialect`).
    _corpus: dict[str, _Corpus]
    _df: dict[str, dict[str, int]]
    _df_version: int

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
