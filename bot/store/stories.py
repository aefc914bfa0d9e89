"""What a recap reads of one article, in one statement (issue 12: answers at SQLite's speed)."""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from bot.models import ArticleSummary, Fact, LapEvent, Quote, ReportedStatement, Source
from bot.store._base import StoreBase

__all__ = ["StoryReadsMixin", "Told"]


# -- one story for a recap in one read (issue 12) ----------------------------------------------
# A recap shows an article's lap events (or its first facts) and picks a key quote and an
# apology from its quotes; for an apology it also looks for the reactions in the article's
# reported statements and paragraphs. Reading them took two trips (``article_facts``, which
# also joins the article's people for /facts' teams, and ``quotes``) and built every quote by
# column name: five times the raw SQLite query's time; then, for an apology, a second read
# of the same article for the reactions (3.4 times the raw query at 10,000 articles).

#: What a recap's apology looks for reactions in: the article's summary (None if it is not
#: stored), its reported statements (by paragraph) and its paragraphs' text (in order).
Told = tuple[ArticleSummary | None, list[ReportedStatement], list[str]]

#: :func:`article_recap`'s statement: one row per fact (kind 0), reported statement (1), lap
#: event (2), paragraph (3) and quote (4), each with the article's columns; on both databases
#: every column holds one type. The paragraphs cost a recap without an apology about 0.05 ms
#: (SQLite, 10,000 articles): less than the second read one with an apology saves.
_ARTICLE_RECAP = """
WITH art AS (SELECT id, slug, headline, published, url FROM articles WHERE slug = ?)
SELECT 0 AS kind, f.position AS k1, 0 AS k2, 0 AS k3, f.paragraph AS n, f.key AS t1,
       f.value AS t2, NULL AS t3, NULL AS t4, NULL AS t5, NULL AS t6, CAST(NULL AS INTEGER) AS n2,
       art.slug, art.headline, art.published, art.url, art.id AS aid
FROM art JOIN facts f ON f.article_id = art.id
UNION ALL
SELECT 1, r.paragraph, r.id, 0, r.paragraph, r.text, CAST(p.name AS TEXT), NULL, NULL, NULL,
       NULL, CAST(NULL AS INTEGER), art.slug, art.headline, art.published, art.url, art.id
FROM art JOIN reported_statements r ON r.article_id = art.id JOIN people p ON p.id = r.person_id
UNION ALL
SELECT 2, e.lap, e.id, 0, e.paragraph, e.description, e.who, e.outcome, NULL, NULL, NULL,
       CAST(NULL AS INTEGER), art.slug, art.headline, art.published, art.url, art.id
FROM art JOIN lap_events e ON e.article_id = art.id
UNION ALL
SELECT 3, g.idx, 0, 0, g.idx, g.text, NULL, NULL, NULL, NULL, NULL, CAST(NULL AS INTEGER),
       art.slug, art.headline, art.published, art.url, art.id
FROM art JOIN paragraphs g ON g.article_id = art.id
UNION ALL
SELECT 4, q.statement, q.part, q.id, q.paragraph, q.text, q.kind, q.setting, q.cue, q.label,
       CAST(p.name AS TEXT), q.cue_paragraph, art.slug, art.headline, art.published, art.url,
       art.id
FROM art JOIN quotes q ON q.article_id = art.id LEFT JOIN people p ON p.id = q.person_id
"""
#: The rows' order, (kind, k1, k2, k3): a total order (ids break every tie, no column is
#: NULL), sorted in Python. An ORDER BY made SQLite sort each of the five branches in a
#: temporary B-tree and merge them: the statement took 0.14 ms with it, 0.10 without (p50,
#: 10,000 articles; bench.store's raw four reads 0.06), and a few dozen rows sort in µs.
_ORDER = itemgetter(0, 1, 2, 3)


class StoryReadsMixin(StoreBase):
    """What a recap reads of one article, in one statement."""

    async def article_recap(
        self, slug: str
    ) -> tuple[list[Fact], list[LapEvent], list[Quote], Told]:
        """An article's facts (in order), lap events (by lap) and quotes (by statement and
        part), as :meth:`FactReadsMixin.facts`, ``lap_events(article=)`` and
        ``quotes(article=)`` give them, and what its apology's reactions are looked for in
        (:data:`Told`: ``article``, ``reported(article=)`` and ``paragraphs``), in one
        statement; records built by position."""
        rows = await self._point(_ARTICLE_RECAP, (slug,))
        rows.sort(key=_ORDER)
        facts: list[Fact] = []
        events: list[LapEvent] = []
        quotes: list[Quote] = []
        told: list[ReportedStatement] = []
        paragraphs: list[str] = []
        if not rows:
            return facts, events, quotes, (None, told, paragraphs)
        first = rows[0]
        day = date.fromisoformat(first[14])
        slug_, headline, url = first[12], first[13], first[15]
        stored = ArticleSummary(slug_, day, headline, first[16], url)
        sources: dict[int | None, Source] = {}
        for r in rows:
            kind = r[0]
            if kind == 3:
                paragraphs.append(r[5])
                continue
            n = r[4]
            where = sources.get(n)
            if where is None:
                where = sources[n] = Source(slug_, headline, day, n, url)
            if kind == 4:
                quotes.append(
                    Quote(r[10], r[5], r[6], r[7], n, r[1], r[2], r[3], where, r[8], r[11], r[9])
                )
            elif kind == 0:
                facts.append(Fact(r[5], r[6], n, where))
            elif kind == 1:
                told.append(ReportedStatement(r[6], r[5], n, r[2], where))
            else:
                who = tuple(w for w in r[6].split("\n") if w) if r[6] else ()
                events.append(LapEvent(r[1], r[5], who, r[7], n, r[2], where))
        return facts, events, quotes, (stored, told, paragraphs)
