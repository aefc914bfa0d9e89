"""Facts, relations between people and editors' notes of the stories; one article's
facts, notes, lap events and people in one read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.models import Fact, LapEvent, Note, Person, Source
from bot.store._base import StoreBase
from bot.store.records import source
from bot.store.text import FTS_TERM

__all__ = ["FactReadsMixin"]


class FactReadsMixin(StoreBase):
    """An article's facts and notes, and the relation facts of the stories naming someone."""

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


#: :meth:`FactReadsMixin.article_facts`' statement: one row per fact (kind 0), note (1), lap
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
