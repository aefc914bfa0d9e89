"""The write path looks each person up once per batch, and never keeps a dropped one's id."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from bot.models import Article, Person, Quote
from bot.store import Store, text_hash
from tests.test_store import make_article

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


async def _statements(store: Store, articles: list[Article]) -> list[str]:
    """The statements the writer connection runs to store ``articles`` (SQLite)."""
    await store.replace_articles([make_article("first", h="h1")])  # opens the writer
    writer = store.dialect._writer  # type: ignore[attr-defined]  # SqliteDialect's
    assert isinstance(writer, sqlite3.Connection)
    seen: list[str] = []
    writer.set_trace_callback(seen.append)
    try:
        await store.replace_articles(articles)
    finally:
        writer.set_trace_callback(None)
    return seen


async def test_a_batch_looks_each_name_up_once(tmp_path: Path) -> None:
    """Two new articles naming the same two people: two lookups by name, not four."""
    async with await Store.open(tmp_path / "p.db") as store:
        seen = await _statements(store, [make_article("a", h="h1"), make_article("b", h="h1")])
    lookups = [s for s in seen if s.startswith("SELECT id FROM people WHERE name =")]
    assert len(lookups) == 2


async def test_a_new_article_is_one_insert_with_its_url_and_text_hash(tmp_path: Path) -> None:
    """The article's row is written whole: no UPDATE after its INSERT."""
    new = replace(make_article("a", h="h1"), url="https://example.com/a")
    async with await Store.open(tmp_path / "p.db") as store:
        seen = await _statements(store, [new])
        stored = await store.stored_article("a")
    assert not [s for s in seen if s.startswith("UPDATE articles")]
    assert stored is not None
    assert (stored.url, stored.text_hash) == (new.url, text_hash(new.paragraphs))


async def test_a_person_dropped_in_a_batch_is_written_again_by_a_later_article(
    store: Store,
) -> None:
    """A slug's first version names someone, its second drops them (their last mention), and
    a later article of the same batch names them again: they are stored, with that quote."""
    gone = Person("Carl Gone", "driver", "Green")
    first = make_article("s1", h="h1")
    first = replace(
        first,
        people=(*first.people, gone),
        quotes=(*first.quotes, Quote("Carl Gone", "I was here", "direct", "remarks", 1, 5, 0)),
    )
    second = make_article("s1", h="h2")
    later = replace(make_article("s3", h="h1"), people=(gone,), quotes=first.quotes[-1:])
    assert await store.replace_articles([first, second, later]) == [True] * 3
    assert [q.speaker for q in await store.quotes(contains="here", article="s3")] == ["Carl Gone"]
    assert await store.quotes(contains="here", article="s1") == []
    assert "Carl Gone" in {p.name for p in await store.people()}
