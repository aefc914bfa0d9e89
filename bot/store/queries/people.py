"""People as answers read them: the cards the writer keeps (bot/store/people.py), their aliases,
and the people one article names."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from bot.models import Person
from bot.store._base import StoreBase

__all__ = ["PeopleReadsMixin"]


#: Folds ASCII capitals only, as SQLite's NOCASE and citext in the "C" collation compare.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class PeopleReadsMixin(StoreBase):
    """Everyone named, by name, and who each article names."""

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

    async def teams_in(self, slugs: Sequence[str]) -> dict[tuple[str, str], str]:
        """The team each of these articles gives each person it names, by (slug, name):
        what a speaker's "we" stands for in that story (their card holds only their
        newest team, which a principal who has moved since did not speak for)."""
        if not slugs:
            return {}
        marks = ", ".join("?" * len(slugs))
        rows = await self._all(
            "SELECT a.slug, p.name, ap.team FROM article_people ap "
            "JOIN people p ON p.id = ap.person_id JOIN articles a ON a.id = ap.article_id "
            f"WHERE a.slug IN ({marks}) AND ap.team IS NOT NULL AND ap.team <> ''",
            list(slugs),
        )
        return {(r[0], r[1]): r[2] for r in rows}
