"""``Store.passages_holding``: the paragraphs holding every word, unranked, on both databases.

The role search of /who reads these first and ranks only when more are found than it reads
(``bot.answers.people``): the unranked read must give the same paragraphs the ranked one
holds, and never pay for the ranking itself (bm25 counts every paragraph holding each word).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from bot.models import Article, Person
from bot.store import Store

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True

_PARAGRAPHS = (
    "Tova Lindqvist, the sporting director of Harrow, signed off the new floor.",
    "The sporting director said the team would test it at the next round.",
    "Lindqvist praised the mechanics, who worked through two nights.",
    "Harrow's team principal Oren Maddox called it a fair result.",
)


def _story(n: int) -> Article:
    return Article(
        slug=f"harrow-{n}",
        published=date(2024, 6, 1) + timedelta(days=n),
        headline=f"Harrow update {n}",
        paragraphs=_PARAGRAPHS[n % 2 :],
        content_hash=f"harrow-{n}",
        people=(Person("Tova Lindqvist", "sporting director", "Harrow"),),
    )


def _keys(passages: list[Any]) -> set[tuple[str, int]]:
    return {(p.source.slug, p.paragraph) for p in passages if p.source}


@pytest.mark.parametrize(
    "terms",
    [
        ["lindqvist", "sporting", "director"],
        ["director"],
        ["harrow", "team"],
        ["nobody", "director"],
    ],
)
async def test_holding_gives_the_ranked_searchs_paragraphs(store: Store, terms: list[str]) -> None:
    """Under the limit, the paragraphs holding every word are those the ranked search of
    every word finds; over it, as many of them as the limit lets."""
    for n in range(4):
        await store.replace_article(_story(n))
    ranked = await store.passages_matching(terms, every=True, limit=100)
    held = await store.passages_holding(terms, limit=100)
    assert _keys(held) == _keys(ranked)
    assert len(held) == len(_keys(held))
    few = await store.passages_holding(terms, limit=2)
    assert len(few) == min(2, len(ranked))
    assert _keys(few) <= _keys(ranked)
    assert all(p.text and p.source and p.source.headline for p in few)


async def test_holding_never_ranks(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read is unranked on both databases: it never builds the bm25 join (on
    PostgreSQL it did, counting every paragraph holding each word)."""
    for n in range(4):
        await store.replace_article(_story(n))

    async def ranking(*args: Any, **kw: Any) -> Any:
        raise AssertionError("passages_holding ranked its matches")

    monkeypatch.setattr(store._dialect, "match", ranking)
    held = await store.passages_holding(["sporting", "director"], limit=10)
    assert {p.paragraph for p in held} == {1, 2}
    assert await store.passages_holding(["", "--"], limit=10) == []
