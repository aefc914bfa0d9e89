"""What /whosaid and autocomplete read from the store instead of from copies in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.answers import AnswerEngine
from bot.answers.text import clean, normalise
from bot.store import Store
from tests.test_store import make_article

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


async def test_quote_term_counts_are_quotes_holding_each_word(store: Store) -> None:
    """A word's count is how many quotes hold it; a word no quote holds is left out."""
    await store.replace_article(make_article(text="I was fast, so fast"))
    counts = await store.quote_term_counts(["fast", "then", "was", "nowhere"])
    assert counts == {"fast": 1, "then": 1, "was": 1}


async def test_quotes_with_prefix_counts_up_to_the_cap(store: Store) -> None:
    """A prefix counts quotes holding a word starting with it, never past the cap."""
    await store.replace_article(make_article(text="nobody moved, nothing more"))
    assert await store.quotes_with_prefix("no", 10) == 2  # two quotes, three "no" words
    assert await store.quotes_with_prefix("no", 1) == 1
    assert await store.quotes_with_prefix("zz", 10) == 0


async def test_quote_texts_and_random_attributed_id(store: Store) -> None:
    """Texts come back by id; a random pick is always an attributed quote, at any point."""
    await store.replace_article(make_article())
    ids = [quote_id for quote_id, _text, _ in await store.quote_index()]
    texts = await store.quote_texts([*ids, 10_000])
    assert sorted(texts) == sorted(ids)
    attributed = {q for q, _t, who in await store.quote_index() if who}
    for pick in (0.0, 0.4, 0.99):
        assert await store.random_attributed_id(pick) in attributed


async def test_random_statement_is_the_random_ids_whole_statement(store: Store) -> None:
    """A random statement is the quote the random id picks, with every part of its
    statement as ``statements_of`` gives them: the same as the three reads it replaces."""
    await store.replace_article(make_article())
    for pick in (0.0, 0.4, 0.99):
        picked = await store.random_attributed_id(pick)
        assert picked is not None
        assert await store.random_statement(pick) == (
            picked,
            (await store.statements_of([picked]))[picked],
        )


async def test_quote_texts_matching_is_the_ranking_with_its_texts(store: Store) -> None:
    """The ranking query hands back the same quotes, in the same order, as the ids-only
    ranking, each with its stored text: /whosaid scores them without a second query."""
    await store.replace_article(make_article())
    ids = [quote_id for quote_id, _text, _ in await store.quote_index()]
    texts = await store.quote_texts(ids)
    for terms, any_term, prefixes in ((["was"], False, []), (["was", "then"], True, ["no"])):
        ranked = await store.quote_ids_matching(
            terms, any_term=any_term, prefixes=prefixes, limit=3
        )
        rows = await store.quote_texts_matching(
            terms, any_term=any_term, prefixes=prefixes, limit=3
        )
        assert ranked, terms
        assert [i for i, _ in rows] == ranked
        assert all(text == texts[i] for i, text in rows)
    assert await store.quote_texts_matching(["zzzz"], limit=3) == []
    assert await store.quote_texts_matching(["no such*"], limit=3) == []


def _linear(engine: AnswerEngine, current: str, limit: int = 25) -> list[str]:
    """Article autocomplete's matching as one pass over every article, newest first."""
    index = engine.lookup.index
    text = clean(current, 100).casefold()
    words = normalise(text).split()
    rows = zip(index.articles, index.article_keys, index.article_dates, strict=True)
    found = [
        a.slug
        for a, akey, day in rows
        if day.startswith(text) or a.slug.startswith(text) or all(w in akey for w in words)
    ]
    return found[:limit]


async def test_article_autocomplete_matches_a_pass_over_every_article(store: Store) -> None:
    """Dates, slug prefixes and words inside headline words find what a full pass finds."""
    headlines = ["Verstappen wins in Monaco", "Rain stops play", "Monaco qualifying crash"]
    for n in range(30):
        article = make_article(f"2021-05-{n % 28 + 1:02d}-story-{n}", h=f"h{n}")
        await store.replace_article(
            replace(article, published=date(2021, 5, n % 28 + 1), headline=headlines[n % 3])
        )
    engine = AnswerEngine(store)
    await engine.refresh()
    for typed in ["2021-05-1", "2021-05-03-s", "monaco", "ers", "ona cra", "story-2", "ain"]:
        shown = [c.value for c in engine.complete_articles(typed)]
        assert shown[: len(_linear(engine, typed))] == _linear(engine, typed), typed
