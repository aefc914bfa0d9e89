"""One person however articles write the name: case, accents and punctuation folded."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from bot.models import Article, Person, Quote
from bot.store import MIGRATIONS, Store

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


def _article(slug: str, name: str, said: str) -> Article:
    return Article(
        slug=slug,
        published=date(2024, 6, 1),
        headline=f"Story {slug}",
        paragraphs=(f'"{said}," said {name}.',),
        content_hash=slug,
        people=(Person(name, "driver", "Blue"),),
        quotes=(Quote(name, said, "direct", "", 1, 1),),
    )


async def test_an_accented_and_a_plain_spelling_are_one_person(store: Store) -> None:
    """ "Zoë Brändle" after "Zoe Brandle": the first spelling stays, with both quotes."""
    await store.replace_article(_article("one", "Zoe Brandle", "We were quick"))
    await store.replace_article(_article("two", "Zoë Brändle", "The car was perfect"))
    assert [p.name for p in await store.people()] == ["Zoe Brandle"]
    quotes = await store.quotes(speaker="Zoe Brandle")
    assert sorted(q.text for q in quotes) == ["The car was perfect", "We were quick"]


async def test_apostrophes_and_hyphens_fold_too(store: Store) -> None:
    """ "Pat O’Hare-Lee" and "Pat O'Hare Lee" are the same person's name."""
    await store.replace_article(_article("one", "Pat O’Hare-Lee", "Flat out"))
    await store.replace_article(_article("two", "Pat O'Hare Lee", "Never lifted"))
    assert [p.name for p in await store.people()] == ["Pat O’Hare-Lee"]


async def test_different_names_stay_different_people(store: Store) -> None:
    """Folding only drops accents and punctuation: another letter is another person."""
    await store.replace_article(_article("one", "Ana Lopes", "Yes"))
    await store.replace_article(_article("two", "Ana Lopez", "No"))
    assert [p.name for p in await store.people()] == ["Ana Lopes", "Ana Lopez"]


async def test_an_upgraded_store_keys_its_people_at_the_next_write(tmp_path: Path) -> None:
    """People written before the key existed are found by it after the upgrade."""
    at = next(i for i, m in enumerate(MIGRATIONS) if m.name.endswith("_people_folded.sql"))
    path = tmp_path / "old.db"
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:at])
        await old.replace_article(_article("one", "Jérôme Faure", "Good day"))
    async with await Store.open(path) as store:
        await store.replace_article(_article("two", "Jerome Faure", "Bad day"))
        assert [p.name for p in await store.people()] == ["Jérôme Faure"]
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT folded FROM people").fetchall() == [("jerome faure",)]
