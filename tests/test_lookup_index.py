"""The answer index's compact parts read as the plain structures they replace."""

from __future__ import annotations

import asyncio
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

from bot.answers.lookup import _SEPARATOR, Lookup, _build_index, _normalise_all
from bot.answers.text import normalise
from bot.store import Store

_WORDS = [
    "Verstappen",
    "Hamilton",
    "crash",
    "Monaco",
    "rain",
    "penalty",
    "Ferrari",
    "pit",
    "wall",
    "Ocon's",
    "win",
]


def _rows(n: int) -> list[tuple[int, str, str, str, str | None]]:
    """(id, slug, published, headline, url) newest first, as Store.article_rows gives them."""
    rnd = random.Random(3)
    rows = []
    for i in range(n):
        day = (date(2024, 12, 31) - timedelta(days=i // 3)).isoformat()
        headline = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(2, 7)))
        slug = f"{day}-story-{n - i}" if i % 50 else f"{day}-Story-{n - i}"
        rows.append((n - i, slug, day, headline, None if i % 2 else f"https://x.test/{i}"))
    return rows


def test_normalise_all_is_normalise_of_each() -> None:
    """Normalising many texts at once gives what normalising each gives, separator or not."""
    texts = [f"“{w}’s” — Café {i}!\u200b" for i, w in enumerate(_WORDS * 100)]
    assert _normalise_all(texts) == [normalise(t) for t in texts]
    texts[7] = f"a {_SEPARATOR} b"  # a text holding the separator word
    texts[8] = ""
    assert _normalise_all(texts) == [normalise(t) for t in texts]


def test_postings_slugs_and_dates_match_a_pass_over_every_article() -> None:
    """Word postings, slug lookups and one day's articles are what a full pass finds."""
    rows = _rows(2500)
    index = _build_index([], list(rows), 0, [], ())
    assert [a.slug for a in index.articles] == [r[1] for r in rows]
    assert index.article_keys == [normalise(f"{r[3]} {r[1]}") for r in rows]
    for word in ["verstappen", "ocons", "monaco", "story", "2024", "nothing"]:
        expected = [i for i, k in enumerate(index.article_keys) if word in k.split()]
        assert list(index.article_words.get(word, ())) == expected
        assert (word in index.article_words) == bool(expected)
    for article in index.articles[::97]:
        assert index.by_slug.get(article.slug) is article
    assert index.by_slug.get("no-such-story") is None
    lookup = Lookup(cast(Any, None))  # resolving reads the index only
    lookup.index = index
    for r in rows[::211]:
        same_day = [a for a in index.articles if a.published.isoformat() == r[2]]
        assert lookup.resolve_article(r[2]) == same_day[0]
        [named] = [a for a in index.articles if a.slug == r[1]]
        assert lookup.resolve_article(r[1].upper()) == named


async def test_a_refresh_without_articles_keeps_them_and_waits_only_at_start(
    store: Store,
) -> None:
    """refresh(articles=False) builds the people but keeps the articles' part: empty (and
    waited for) before the first full refresh, the same objects after one."""
    from bot.ingest.load import ingest

    seed = _SEED
    assert (await ingest(store, [seed])).ok
    lookup = Lookup(store)
    assert lookup.has_articles  # a new, empty lookup waits for nothing
    await lookup.refresh(articles=False)
    assert lookup.index.people and not lookup.index.articles
    assert not lookup.has_articles
    await lookup.refresh()
    assert lookup.has_articles
    full = lookup.index
    await lookup.refresh(articles=False)
    assert lookup.has_articles and lookup.index is not full
    assert lookup.index.articles is full.articles
    assert lookup.index.article_words is full.article_words
    assert lookup.resolve_article(None) == full.articles[0]
    await asyncio.wait_for(lookup.wait_for_articles(), 1)


_SEED = Path(__file__).resolve().parent.parent / "data/articles/2021-04-20-russell-bottas.txt"


def test_a_full_build_over_a_previous_index_keeps_unchanged_articles_and_lets_rows_go() -> None:
    """A full build over a previous index reuses its unchanged summaries and keys, works out
    the changed ones as a fresh build does, and empties the rows list it was given."""
    rows = _rows(1200)
    previous = _build_index([], list(rows), 0, [], ())
    changed = list(rows)
    for k in range(0, len(changed), 7):
        r = changed[k]
        changed[k] = (r[0], r[1], r[2], f"{r[3]} {_SEPARATOR} rain", r[4])
    fresh = _build_index([], list(changed), 0, [], ())
    given = list(changed)
    index = _build_index([], given, 0, [], (), previous)
    assert given == []
    assert index.articles == fresh.articles and index.article_keys == fresh.article_keys
    assert index.article_dates == fresh.article_dates
    assert index.article_vocab == fresh.article_vocab
    assert list(index.article_words._ids) == list(fresh.article_words._ids)
    assert index.articles[1] is previous.articles[1]
    assert index.articles[0] is not previous.articles[0]
    assert index.article_keys[0] == normalise(f"{changed[0][3]} {changed[0][1]}")
