"""The write path fills the full-text indexes in bulk, once per batch: every row indexed once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.store import MIGRATIONS, Store
from tests.test_store import make_article

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True

_INDEXES = ("quotes_fts", "passages_fts", "events_fts")


def _index_terms(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every (term, row, column, offset) each FTS5 index holds."""
    with sqlite3.connect(path) as conn:
        found = {}
        for index in _INDEXES:
            conn.execute(f"CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, {index}, instance)")
            found[index] = conn.execute("SELECT * FROM temp.v ORDER BY 1, 2, 3, 4").fetchall()
            conn.execute("DROP TABLE temp.v")
    return found


def _rebuilt_terms(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """What each index would hold if built afresh from its table's rows."""
    with sqlite3.connect(path) as conn:
        for index in _INDEXES:
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    return _index_terms(path)


async def test_a_slug_written_twice_in_one_batch_is_found_by_its_new_text(store: Store) -> None:
    """The second version of an article in the same batch replaces the first in the index."""
    first = make_article(text="I was massively fast", h="h1")
    second = make_article(text="A brand new quote", h="h2")
    other = make_article("other", text="Unrelated words", h="h1")
    assert await store.replace_articles([first, other, second]) == [True] * 3
    assert [q.text for q in await store.quotes(contains="brand")] == ["A brand new quote"]
    assert await store.quotes(contains="massively") == []


async def test_every_quote_is_found_once_after_batches_edits_and_deletes(store: Store) -> None:
    """Rows written in bulk, replaced and deleted leave each live quote indexed exactly once."""
    articles = [make_article(f"s{i}", text=f"Quote number q{i} here", h="h1") for i in range(7)]
    await store.replace_articles(articles[:4])
    await store.replace_articles(articles[4:])
    await store.replace_articles([make_article("s2", text="Edited words q2", h="h2")])
    await store.delete_article("s5")
    for i in range(7):
        texts = [q.text for q in await store.quotes(contains=f"q{i}")]
        expected = {2: ["Edited words q2"], 5: []}.get(i, [f"Quote number q{i} here"])
        assert texts == expected


async def test_sqlite_indexes_hold_exactly_what_a_rebuild_would(tmp_path: Path) -> None:
    """After bulk writes, an edit and a delete, each FTS5 index equals one rebuilt from its rows."""
    path = tmp_path / "p.db"
    async with await Store.open(path) as store:
        await store.replace_articles([make_article(f"s{i}", h="h1") for i in range(5)])
        await store.replace_articles([make_article("s1", text="Something else", h="h2")])
        await store.delete_article("s3")
    before = _index_terms(path)
    assert before["quotes_fts"] and before["passages_fts"] and before["events_fts"]
    assert before == _rebuilt_terms(path)


async def test_a_store_older_than_bulk_indexing_is_not_indexed_twice(tmp_path: Path) -> None:
    """Written before and after the upgrade that drops the insert triggers: each row once."""
    path = tmp_path / "old.db"
    upto = next(i for i, m in enumerate(MIGRATIONS) if "bulk_fts" in m.name)
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:upto])
        await old.replace_articles([make_article("old", h="h1")])
    assert _index_terms(path) == _rebuilt_terms(path)
    async with await Store.open(path) as upgraded:
        await upgraded.replace_articles([make_article("new", h="h1")])
        assert len(await upgraded.quotes(contains="massively")) == 2
    assert _index_terms(path) == _rebuilt_terms(path)


def _passages(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT p.id, a.slug, p.paragraph, p.text FROM passages p "
            "JOIN articles a ON a.id = p.article_id ORDER BY p.id"
        ).fetchall()


def _paragraph_passages(slug: str, at: int) -> list[tuple[object, ...]]:
    """The passages of a make_article article whose first passage has id ``at``."""
    texts = make_article().paragraphs
    return [(at + i, slug, i + 1, text) for i, text in enumerate(texts)]


async def test_sqlite_passages_are_copied_by_the_write_path_not_a_trigger(
    tmp_path: Path,
) -> None:
    """The insert trigger is gone; each paragraph still gets one passage, in order, once."""
    path = tmp_path / "p.db"
    async with await Store.open(path) as store:
        await store.replace_articles([make_article("s1", h="h1"), make_article("s2", h="h1")])
        await store.replace_articles([make_article("s1", text="Something else", h="h2")])
    with sqlite3.connect(path) as conn:
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert "paragraphs_passages_ai" not in triggers
    # s1's edit deletes its passages (by trigger) and writes them again after s2's.
    assert _passages(path) == _paragraph_passages("s2", 4) + _paragraph_passages("s1", 7)
    assert _index_terms(path) == _rebuilt_terms(path)


async def test_a_store_older_than_bulk_passages_gets_each_passage_once(tmp_path: Path) -> None:
    """Written before the upgrade (the trigger copies) and after it (the write path does)."""
    path = tmp_path / "old.db"
    upto = next(i for i, m in enumerate(MIGRATIONS) if "bulk_passages" in m.name)
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:upto])
        await old.replace_articles([make_article("old", h="h1")])
    assert _passages(path) == _paragraph_passages("old", 1)
    async with await Store.open(path) as upgraded:
        await upgraded.replace_articles([make_article("new", h="h1")])
    assert _passages(path) == _paragraph_passages("old", 1) + _paragraph_passages("new", 4)
    assert _index_terms(path) == _rebuilt_terms(path)
