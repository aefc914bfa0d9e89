"""The answer index's compact parts read as the plain structures they replace."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, cast

from bot.answers.lookup import _SEPARATOR, Lookup, _build_index, _normalise_all
from bot.answers.text import normalise

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
