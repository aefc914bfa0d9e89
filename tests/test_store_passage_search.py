"""A search of every paragraph on SQLite: ranked inside the index, only the winners joined,
the same paragraphs in the same order (issue 12: "who is X" in /ask searches any of a
name's words, about 1,800 paragraphs at 10,000 articles)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from bot.models import Article, Person
from bot.store import Store
from bot.store.dialect import Dialect


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
    seen: list[tuple[str, tuple[Any, ...]]] = []
    read = sqlite.all

    async def spy(sql: str, params: Any = ()) -> list[Any]:
        seen.append((sql, tuple(params)))
        return await read(sql, params)

    monkeypatch.setattr(sqlite, "all", spy)
    found = await crowded.passages_matching(["mara", "ostrova"], limit=3)
    assert [p.text for p in found] == ["Mara Ostrova waved from the pit wall."] * 3
    joined = [(sql, params) for sql, params in seen if "JOIN articles" in sql]
    assert len(joined) == 1
    sql, params = joined[0]
    assert "MATCH" not in sql
    assert len(params) <= 2 * 8 + 1  # (id, score) of the 8 paragraphs naming Ostrova, limit
