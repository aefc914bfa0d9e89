"""A search of every paragraph on SQLite: ranked inside the index, only the winners joined,
the same paragraphs in the same order (issue 12: "who is X" in /ask searches any of a
name's words, about 1,800 paragraphs at 10,000 articles)."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest

from bot.models import Article, Person
from bot.store import Store
from bot.store.dialect import Dialect, SqliteDialect


def _story(n: int, paragraphs: tuple[str, ...]) -> Article:
    return Article(
        slug=f"story-{n:03d}",
        published=date(2021, 3, 1) + timedelta(days=n % 17),  # many stories share a date
        headline=f"Round {n}",
        paragraphs=paragraphs,
        content_hash=f"h{n}",
        people=(Person("Mara Vellin", "driver", "Orchid"),),
    )


@pytest.fixture
async def crowded(store: Store) -> Store:
    """Thirty stories: ten equal paragraphs naming "Vellin" each (300 ties, more than a
    ranking's margin), a few naming "Mara" too, and some naming other Maras."""
    for n in range(30):
        paragraphs = ["Vellin pitted from the lead."] * 10
        if n % 3 == 0:
            paragraphs[2] = f"Mara Vellin said stint {n} was long and the car held on."
        if n % 4 == 0:
            paragraphs[5] = "Mara Ostrova waved from the pit wall."
        paragraphs.append("The stewards looked at nothing at all.")
        await store.replace_article(_story(n, tuple(paragraphs)))
    return store


@pytest.mark.parametrize(
    ("terms", "any_term", "limit"),
    [
        (["mara", "vellin"], True, 40),  # "who is Mara Vellin": ties at the cut past the margin
        (["mara", "vellin"], True, 5),
        (["mara", "vellin"], False, 40),  # both words: 10 paragraphs
        (["ostrova", "stint"], True, 4),  # few matches, ties at the cut within the margin
        (["stewards"], True, 60),
        (["nobody"], True, 40),
    ],
)
async def test_a_paragraph_search_gives_the_joined_searchs_rows_and_order(
    crowded: Store, terms: list[str], any_term: bool, limit: int
) -> None:
    """Ranked in the index first, the rows, bm25 order and its ties (newest story, then the
    paragraph's id) are those of the search joining every match before sorting."""
    sqlite = crowded._dialect
    expected = [
        tuple(r)
        for r in await Dialect.best_passages(
            sqlite, terms, any_term=any_term, slugs=None, limit=limit
        )
    ]
    found = [
        tuple(r)
        for r in await sqlite.best_passages(terms, any_term=any_term, slugs=None, limit=limit)
    ]
    assert found == expected


async def test_a_paragraph_search_joins_only_the_paragraphs_it_gives(
    crowded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "who is Mara Ostrova": the statement reading the paragraphs and their stories is given
    the few best ids the index ranked, never the search itself (which joined every
    paragraph holding "Mara" to its story before keeping the best 3)."""
    sqlite = crowded._dialect
    assert isinstance(sqlite, SqliteDialect)
    seen: list[tuple[str, tuple[Any, ...]]] = []
    read = sqlite._read_on_thread

    def spy(sql: str, params: tuple[Any, ...]) -> list[Any]:
        seen.append((sql, tuple(params)))
        return read(sql, params)

    monkeypatch.setattr(sqlite, "_read_on_thread", spy)
    found = await crowded.passages_matching(["mara", "ostrova"], limit=3)
    assert [p.text for p in found] == ["Mara Ostrova waved from the pit wall."] * 3
    joined = [(sql, params) for sql, params in seen if "JOIN articles" in sql]
    assert len(joined) == 1
    sql, params = joined[0]
    assert "MATCH" not in sql
    assert len(params) <= 2 * 8 + 1  # (id, score) of the 8 paragraphs naming Ostrova, limit


async def test_a_ranked_search_reads_its_ranking_and_rows_in_one_trip(
    crowded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking and the winners' rows are read one after the other on one reader, in one
    trip there and back (each trip was a wait for a reader, the loop and the GIL): the same
    paragraphs as two trips give."""
    sqlite = crowded._dialect
    assert isinstance(sqlite, SqliteDialect)
    two_trips = [
        tuple(r)
        for r in await Dialect.read_then(
            sqlite,
            "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH ? "
            "ORDER BY bm25(passages_fts) LIMIT ?",
            ('"ostrova"', 200),
            lambda top: ("SELECT text FROM passages WHERE id = ?", (top[0][0],)),
            ("probe",),
        )
    ]
    assert two_trips == [("Mara Ostrova waved from the pit wall.",)]
    trips: list[int] = []
    threads: list[str] = []
    shared, read = sqlite._shared, sqlite._read_on_thread

    async def trip(*args: Any) -> Any:
        trips.append(1)
        return await shared(*args)

    def on_thread(sql: str, params: tuple[Any, ...]) -> list[Any]:
        threads.append(threading.current_thread().name)
        return read(sql, params)

    monkeypatch.setattr(sqlite, "_shared", trip)
    monkeypatch.setattr(sqlite, "_read_on_thread", on_thread)
    found = await crowded.passages_matching(["mara", "ostrova"], limit=3)
    assert [p.text for p in found] == ["Mara Ostrova waved from the pit wall."] * 3
    assert len(trips) == 1
    assert len(threads) == 2 and threads[0] == threads[1]
    assert threads[0].startswith("pitwall-read")
