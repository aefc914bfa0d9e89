"""What a recap reads of one article, in one statement (issue 12: answers at SQLite's speed)."""

from __future__ import annotations

from datetime import date

from bot.models import ArticleSummary, Fact, LapEvent, Quote, ReportedStatement, Source
from bot.store._base import StoreBase

__all__ = ["StoryReadsMixin"]


# -- one story for a recap in one read (issue 12) ----------------------------------------------
# A recap shows an article's lap events (or its first facts) and picks a key quote and an
# apology from its quotes. Reading them took two trips (``article_facts``, which also joins
# the article's people for /facts' teams, and ``quotes``) and built every quote by column
# name: five times the raw SQLite query's time.

#: :func:`article_story`'s statement: one row per fact (kind 0), lap event (2) and quote (4),
#: each with the article's columns; on both databases every column holds one type.
_ARTICLE_STORY = """
WITH art AS (SELECT id, slug, headline, published, url FROM articles WHERE slug = ?)
SELECT 0 AS kind, f.position AS k1, 0 AS k2, 0 AS k3, f.paragraph AS n, f.key AS t1,
       f.value AS t2, NULL AS t3, NULL AS t4, NULL AS t5, NULL AS t6, CAST(NULL AS INTEGER) AS n2,
       art.slug, art.headline, art.published, art.url
FROM art JOIN facts f ON f.article_id = art.id
UNION ALL
SELECT 2, e.lap, e.id, 0, e.paragraph, e.description, e.who, e.outcome, NULL, NULL, NULL,
       CAST(NULL AS INTEGER),
       art.slug, art.headline, art.published, art.url
FROM art JOIN lap_events e ON e.article_id = art.id
UNION ALL
SELECT 4, q.statement, q.part, q.id, q.paragraph, q.text, q.kind, q.setting, q.cue, q.label,
       CAST(p.name AS TEXT), q.cue_paragraph, art.slug, art.headline, art.published, art.url
FROM art JOIN quotes q ON q.article_id = art.id LEFT JOIN people p ON p.id = q.person_id
ORDER BY kind, k1, k2, k3
"""


#: :func:`article_told`'s statement: the article's row (kind 0), its reported statements (1,
#: by paragraph) and its paragraphs' text (2, in order).
_ARTICLE_TOLD = """
WITH art AS (SELECT id, slug, headline, published, url FROM articles WHERE slug = ?)
SELECT 0 AS kind, 0 AS k1, art.id AS k2, NULL AS t1, NULL AS t2,
       art.slug, art.headline, art.published, art.url
FROM art
UNION ALL
SELECT 1, r.paragraph, r.id, r.text, CAST(p.name AS TEXT),
       art.slug, art.headline, art.published, art.url
FROM art JOIN reported_statements r ON r.article_id = art.id JOIN people p ON p.id = r.person_id
UNION ALL
SELECT 2, g.idx, 0, g.text, NULL, art.slug, art.headline, art.published, art.url
FROM art JOIN paragraphs g ON g.article_id = art.id
ORDER BY kind, k1, k2
"""


class StoryReadsMixin(StoreBase):
    """What a recap reads of one article: its story in one statement, and for an apology,
    what the reactions to it are looked for in, in one more."""

    async def article_story(self, slug: str) -> tuple[list[Fact], list[LapEvent], list[Quote]]:
        """An article's facts (in order), lap events (by lap) and quotes (by statement and
        part), as :meth:`QueriesMixin.facts`, ``lap_events(article=)`` and
        ``quotes(article=)`` give them, in one statement; records built by position."""
        rows = await self._point(_ARTICLE_STORY, (slug,))
        facts: list[Fact] = []
        events: list[LapEvent] = []
        quotes: list[Quote] = []
        if not rows:
            return facts, events, quotes
        first = rows[0]
        day = date.fromisoformat(first[14])
        slug_, headline, url = first[12], first[13], first[15]
        sources: dict[int | None, Source] = {}
        for r in rows:
            n = r[4]
            where = sources.get(n)
            if where is None:
                where = sources[n] = Source(slug_, headline, day, n, url)
            kind = r[0]
            if kind == 4:
                quotes.append(
                    Quote(r[10], r[5], r[6], r[7], n, r[1], r[2], r[3], where, r[8], r[11], r[9])
                )
            elif kind == 0:
                facts.append(Fact(r[5], r[6], n, where))
            else:
                who = tuple(w for w in r[6].split("\n") if w) if r[6] else ()
                events.append(LapEvent(r[1], r[5], who, r[7], n, r[2], where))
        return facts, events, quotes

    async def article_told(
        self, slug: str
    ) -> tuple[ArticleSummary | None, list[ReportedStatement], list[str]]:
        """The article's summary (None if it is not stored), its reported statements (as
        ``reported(article=)`` gives them) and its paragraphs (as ``paragraphs`` does)."""
        rows = await self._point(_ARTICLE_TOLD, (slug,))
        if not rows:
            return None, [], []
        first = rows[0]
        day = date.fromisoformat(first[7])
        slug_, headline, url = first[5], first[6], first[8]
        stored = ArticleSummary(slug_, day, headline, first[2], url)
        told: list[ReportedStatement] = []
        paragraphs: list[str] = []
        for r in rows[1:]:
            if r[0] == 1:
                where = Source(slug_, headline, day, r[1], url)
                told.append(ReportedStatement(r[4], r[3], r[1], r[2], where))
            else:
                paragraphs.append(r[3])
        return stored, told, paragraphs
