"""People's cards (role, team, aliases) kept by the write path read as ranking every row did."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bot.models import Article, Person
from bot.store import MIGRATIONS, Store

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True

#: What Store.people() returned before the cards: every article-person row ranked.
_RANKED = """
    WITH ranked AS (
        SELECT ap.person_id, ap.role, ap.team,
               row_number() OVER (PARTITION BY ap.person_id, ap.role IS NULL
                                  ORDER BY a.published DESC, ap.rowid) AS role_rank,
               row_number() OVER (PARTITION BY ap.person_id, ap.team IS NULL
                                  ORDER BY a.published DESC, ap.rowid) AS team_rank
        FROM article_people ap JOIN articles a ON a.id = ap.article_id
    )
    SELECT p.id, p.name, r.role, t.team
    FROM people p
    LEFT JOIN ranked r ON r.person_id = p.id AND r.role IS NOT NULL AND r.role_rank = 1
    LEFT JOIN ranked t ON t.person_id = p.id AND t.team IS NOT NULL AND t.team_rank = 1
    ORDER BY p.name
"""


async def _ranked(store: Store) -> list[Person]:
    aliases: dict[int, set[str]] = {}
    for row in await store._all("SELECT person_id, alias FROM aliases"):
        aliases.setdefault(row[0], set()).add(row[1].casefold())
    return [
        Person(r["name"], r["role"], r["team"], tuple(sorted(aliases.get(r["id"], ()))))
        for r in await store._all(_RANKED)
    ]


async def _cards(store: Store) -> list[Person]:
    return [
        replace(p, aliases=tuple(sorted(a.casefold() for a in p.aliases)))
        for p in await store.people()
    ]


def _article(slug: str, day: int, *people: Person, h: str = "1") -> Article:
    return Article(
        slug=slug,
        published=date(2024, 5, day),
        headline=f"Story {slug}",
        paragraphs=("One paragraph.",),
        content_hash=f"{slug}-{h}",
        people=people,
    )


ANN = "Ann Driver"
BOB = "Bob Rival"


async def test_newest_article_gives_role_team_and_every_alias(store: Store) -> None:
    """The newest article's role and team win, an older one's never; aliases add up."""
    await store.replace_article(_article("b", 10, Person(ANN, "driver", "Blue", ("the rookie",))))
    await store.replace_article(_article("c", 12, Person(ANN, "reserve driver", None, ("AD",))))
    await store.replace_article(_article("a", 5, Person(ANN, "tester", "Green", ("annie",))))
    [ann] = await store.people()
    assert (ann.role, ann.team) == ("reserve driver", "Blue")
    assert sorted(ann.aliases) == ["AD", "annie", "the rookie"]
    assert await _cards(store) == await _ranked(store)


async def test_same_day_keeps_the_earlier_stored_article(store: Store) -> None:
    """Two articles of one day: the one stored first gives the card, as the ranking did."""
    await store.replace_article(_article("first", 10, Person(ANN, "driver", "Blue")))
    await store.replace_article(_article("second", 10, Person(ANN, "pundit", "Red")))
    assert await store.person(ANN) == Person(ANN, "driver", "Blue")
    assert await _cards(store) == await _ranked(store)


async def test_edit_and_delete_work_the_card_out_again(store: Store) -> None:
    """An edit that changes or drops what a card came from, and a delete, redo the card."""
    await store.replace_article(_article("old", 1, Person(ANN, "driver", "Blue", ("the rookie",))))
    await store.replace_article(
        _article("new", 9, Person(ANN, "champion", "Red", ("AD",)), Person(BOB, "driver", "Red"))
    )
    assert await store.person(ANN) == Person(ANN, "champion", "Red", ("AD", "the rookie"))
    # The newest story, edited: Ann loses her role there and the alias "AD".
    await store.replace_article(_article("new", 9, Person(ANN, None, "Red"), h="2"))
    assert await store.person(ANN) == Person(ANN, "driver", "Red", ("the rookie",))
    assert await _cards(store) == await _ranked(store)
    # Moved back in time, its team no longer newest.
    await store.replace_article(_article("new", 1, Person(ANN, None, "Red"), h="3"))
    assert await _cards(store) == await _ranked(store)
    await store.delete_article("old")
    assert await store.person(ANN) == Person(ANN, None, "Red")
    assert await _cards(store) == await _ranked(store)


async def test_a_batch_matches_the_ranking(store: Store) -> None:
    """Many articles in one batch, edits among them, read as the ranking reads them."""
    batch = [
        _article(
            f"s{i % 7}",
            1 + (i * 5) % 20,
            Person(ANN, f"role{i}" if i % 3 else None, f"team{i % 4}", (f"alias{i % 5}",)),
            Person(BOB, None if i % 2 else "driver", None),
            h=str(i),
        )
        for i in range(30)
    ]
    await store.replace_articles(batch)
    assert await _cards(store) == await _ranked(store)
    await store.replace_articles(batch[:5])
    assert await _cards(store) == await _ranked(store)


async def test_people_named_reads_only_those_cards(store: Store) -> None:
    """/who's read of one person finds them in any case, with their aliases; nobody else."""
    await store.replace_article(_article("s", 3, Person(ANN, "driver", "Blue", ("the rookie",))))
    await store.replace_article(_article("t", 4, Person(BOB, "driver", "Red")))
    assert await store.people_named(["ann DRIVER", "Nobody"]) == [
        Person(ANN, "driver", "Blue", ("the rookie",))
    ]
    assert await store.people_named([]) == []


async def test_migration_fills_the_cards_of_a_kept_store(tmp_path: Path) -> None:
    """A store written before the cards existed gets them filled when it upgrades."""
    at = next(i for i, m in enumerate(MIGRATIONS) if m.name.endswith("_person_cards.sql"))
    path = tmp_path / "old.db"
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:at])
        for i in range(6):
            person = Person(ANN, f"role{i}", "Blue" if i < 3 else None, (f"a{i % 2}",))
            await old.replace_article(_article(f"s{i}", 10 - i % 3, person))
    async with await Store.open(path) as store:
        people: Any = await store.people()
        assert people[0].role == "role0"
        assert await _cards(store) == await _ranked(store)


async def test_stories_after_team_are_those_newer_than_the_cards_team(store: Store) -> None:
    """Only stories after the one a card's team comes from can tell a newer team: those the
    router searches for "who is X", newest first; none when the newest gives the team."""
    await store.replace_article(_article("team", 10, Person(ANN, "driver", "Blue")))
    assert await store.stories_after_team(ANN) == []
    await store.replace_article(_article("older", 3, Person(ANN)))
    await store.replace_article(_article("later", 12, Person(ANN)))
    await store.replace_article(_article("latest", 20, Person(ANN), Person(BOB)))
    assert await store.stories_after_team(ANN) == ["latest", "later"]
    assert await store.stories_after_team(BOB) == ["latest"]  # no team: every story
    assert await store.stories_after_team("Nobody Known") == []
