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
