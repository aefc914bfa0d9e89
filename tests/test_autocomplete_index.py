"""Autocomplete's indexes give what a pass over every name, alias and article would give."""

from __future__ import annotations

import random
from array import array
from itertools import accumulate

import pytest
from rapidfuzz import fuzz, process

from bot.answers import AnswerEngine
from bot.answers import lookup as lookup_module
from bot.answers.lookup import _MANY_WORDS, ARTICLE_CUTOFF, _build_index, _containing
from bot.answers.lookup._postings import _Postings
from bot.answers.text import clean, normalise
from bot.models import Person
from bot.store import Store

_TEAMS = ["Ferrari", "Alpine", "Haas", "Ferrari Academy"]
_ROLES = ["driver", "race engineer", "team boss"]


def _people() -> list[Person]:
    """Invented people who share role aliases, as a store of many articles gives them."""
    people = []
    for n in range(60):
        aliases = tuple(f"{team} {role}" for team in _TEAMS[n % 3 :] for role in _ROLES[n % 2 :])
        people.append(Person(f"Rider{n:02d} Tester{n % 7}", aliases=(*aliases, f"the no {n}")))
    return people


def _alias_pass(engine: AnswerEngine, current: str, limit: int = 25) -> list[str]:
    """People autocomplete's alias step as one pass over every alias of every person."""
    key = normalise(clean(current, 100))
    picked: list[str] = []
    for alias_key, alias, name in engine.lookup.index.aliases:
        if key in alias_key and all(not p.startswith(f"{name} (") for p in picked):
            picked.append(f"{name} ({alias})")
    return picked[:limit]


async def test_alias_autocomplete_is_a_pass_over_every_alias(store: Store) -> None:
    """A role alias hundreds share is searched once, and finds the people, labels and order
    a pass over every person's aliases finds; each distinct alias key is held once."""
    engine = AnswerEngine(store)
    engine.lookup.index = _build_index(_people(), None, 0, [], ())
    index = engine.lookup.index
    assert index.alias_blob.split("\0").count("ferrari driver") == 1
    for typed in ["ferrari", "driver", "boss", "academy race", "no 4", "alpine team", "haas d"]:
        labels = [c.name for c in engine.complete_people(typed) if "(" in c.name]
        assert labels == _alias_pass(engine, typed), typed
        assert labels, typed
    assert [c.name for c in engine.complete_people("ferrari", limit=3)] == _alias_pass(
        engine, "ferrari", 3
    )


@pytest.mark.parametrize("seed", range(4))
def test_smallest_postings_are_the_first_of_every_words_first(seed: int) -> None:
    """The fuzzy pool's articles: the n smallest of every word's first n postings, read
    only up to the bound a long posting list gives."""
    rnd = random.Random(seed)
    words = [f"w{v:03d}" for v in range(40)]
    lists = []
    for v in range(len(words)):
        start = rnd.randrange(0, 5_000) if v % 3 else v * 400  # long runs, most far apart
        lists.append(sorted(rnd.sample(range(start, start + 6_000), rnd.randrange(0, 900))))
    starts = array("i", accumulate(map(len, lists), initial=0))
    postings = _Postings(words, starts, array("i", [i for ids in lists for i in ids]))
    for n in (1, 7, 300, 3_000):
        for _ in range(20):
            vs = set(rnd.sample(range(len(words)), rnd.randrange(0, 12)))
            expected = sorted(set().union(*(lists[v][:n] for v in vs)))[:n]
            assert postings.smallest(vs, n) == expected, (n, sorted(vs))


async def test_vocabulary_search_is_kept_per_index(store: Store) -> None:
    """The headline words holding a typed word are searched once per index: the same words
    as a search of the whole vocabulary, bounded or not."""
    rows = [
        (n, f"2021-05-{n % 28 + 1:02d}-story-{n}", f"2021-05-{n % 28 + 1:02d}",
         f"Rider{n} and Tester{n % 9} clash at Circuit{n % 250}", None)
        for n in range(600)
    ]  # fmt: skip
    engine = AnswerEngine(store)
    engine.lookup.index = _build_index([], rows, 0, [], ())
    index = engine.lookup.index
    for word in ["circuit2", "circuit", "ider", "05", "nowhere"]:
        for every in (False, True):
            most = 0 if every else _MANY_WORDS
            expected = _containing(index.vocab_blob, index.vocab_starts, word, most)
            assert engine.lookup._vocab_holding(word, every=every) == expected, word
        assert word in index.vocab_hits
    assert index.vocab_hits["circuit"] is None  # 250 words hold it
    before = [c.value for c in engine.complete_articles("2021-05-03-s")]
    assert before == [c.value for c in engine.complete_articles("2021-05-03-s")]


def _scored_pool(engine: AnswerEngine, current: str, limit: int = 25) -> list[str]:
    """Article autocomplete as it was: the fuzzy step scores every article of the pool."""
    lookup = engine.lookup
    index = lookup.index
    text = clean(current, 100).casefold()
    key = normalise(text)
    picked = [index.articles[i] for i in lookup._articles_matching(text, key, limit)]
    if len(picked) < limit and len(key) >= 4 and not key.replace(" ", "").isdigit():
        pool = lookup._fuzzy_pool(key)
        keys = index.article_keys if pool is None else [index.article_keys[i] for i in pool]
        extra = process.extract(key, keys, scorer=fuzz.partial_ratio, limit=limit,
                                score_cutoff=ARTICLE_CUTOFF)  # fmt: skip
        for _, _, i in extra:
            article = index.articles[i if pool is None else pool[i]]
            if article not in picked:
                picked.append(article)
    return [a.slug for a in picked[:limit]]


@pytest.mark.parametrize(("count", "warm"), [(1_500, 0), (3_500, 0), (3_500, 200)])
async def test_a_typed_date_suggests_what_scoring_every_pooled_article_does(
    store: Store, count: int, warm: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A date or slug prefix (few articles start with it) is scored only against the
    articles whose digits could match it: the same suggestions, in the same order, as
    scoring the whole pool (every article of a small store, 3,000 of a big one). With
    ``warm``, only that many zones are worked out with the index, the others when a pool
    first holds them, and past 3 times as many the old ones are let go."""
    if warm:
        monkeypatch.setattr("bot.answers.lookup._pools._ZONES_WARM", warm)
        monkeypatch.setattr("bot.answers.lookup._pools._ZONES_KEPT", 3 * warm)
    rnd = random.Random(count)
    rows = []
    for n in range(count):
        day = f"{2026 - n // 200}-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
        first, second = f"Rider{rnd.randrange(40)}", f"Tester{rnd.randrange(40)}"
        slug = f"{day}-{first.lower()}-{second.lower()}-{n:05d}"
        rows.append((n, slug, day, f"{first} and {second} clash at Circuit{n % 30}", None))
    rows.sort(key=lambda r: (r[2], r[0]), reverse=True)  # newest first, as the store reads
    slugs = [r[1] for r in rows]
    engine = AnswerEngine(store)
    engine.lookup.index = _build_index([], rows, 0, [], ())  # (it empties rows)
    zones = engine.lookup.index.digit_zones
    pinned = engine.lookup.index.digit_pinned
    assert zones.count(None) == (count - warm - len(pinned) if warm else 0)  # the rest first typed
    typed = [s[:k] for s in rnd.sample(slugs, 60) for k in (7, 10, 12, 13, 16)]
    typed += [s[:12].replace("-", "x", 1) for s in rnd.sample(slugs, 20)]  # typos
    pooled = skipped = 0
    for text in typed:
        key = normalise(clean(text, 100).casefold())
        pool = engine.lookup._fuzzy_pool(key)
        kept = engine.lookup._digit_pool(key, pool)
        if kept is not pool:
            size = len(pool) if pool is not None else count
            pooled += size
            skipped += size - len(kept or ())
        assert [c.value for c in engine.complete_articles(text)] == _scored_pool(engine, text)
    assert skipped > pooled // 2  # most of the pool is never scored
    if warm:
        assert engine.lookup.index.digit_kept <= 3 * warm


def _dated_rows(count: int) -> list[tuple[int, str, str, str, None]]:
    """Invented articles, 200 a year back from 2026, newest first as the store reads them."""
    rows = []
    for n in range(count):
        day = f"{2026 - n // 200}-{n % 12 + 1:02d}-{n % 27 + 1:02d}"
        slug = f"{day}-rider{n % 40}-tester{n % 23}-{n:05d}"
        rows.append(
            (n, slug, day, f"Rider{n % 40} and Tester{n % 23} clash at Circuit{n % 30}", None)
        )
    rows.sort(key=lambda r: (r[2], r[0]), reverse=True)
    return rows


async def test_a_typed_date_finds_its_pools_zones_worked_out_with_the_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool a typed date draws (its year's) has every digit zone worked out by the
    index's build, past the newest _ZONES_WARM too: the first date typed after a refresh
    works out none on the event loop (3,000 of them took 5-6 ms at 100,000 articles). A
    lazy fill past the bound lets the other zones go, not those."""
    monkeypatch.setattr("bot.answers.lookup._pools._ZONES_WARM", 200)
    monkeypatch.setattr("bot.answers.lookup._pools._ZONES_KEPT", 600)
    monkeypatch.setattr("bot.answers.lookup._pools.ARTICLE_POOL", 300)
    rows = _dated_rows(6_000)
    engine = AnswerEngine(store)
    index = engine.lookup.index = _build_index([], list(rows), 0, [], ())
    assert index.digit_zones.count(None) > 3_000  # most are still left for a pool to ask
    years = sorted({r[2][:4] for r in rows})
    pinned = set(index.digit_pinned)
    for year in years:
        pool = engine.lookup._fuzzy_pool(normalise(f"{year}-03-04-r"))
        assert pool is not None and max(pool) >= 200
        assert all(index.digit_zones[i] is not None for i in pool), year
        assert {i for i in pool if i >= 200} <= pinned
    kept = [(i, index.digit_zones[i]) for i in index.digit_pinned]
    before, lets_go = index.digit_kept, False
    for n in range(0, 6_000, 7):  # other pools' lazy fills, past the bound many times
        engine.complete_articles(f"{n:05d}-03-04-r")
        lets_go = lets_go or index.digit_kept < before
        before = index.digit_kept
    assert lets_go and index.digit_kept <= 600
    assert all(index.digit_zones[i] == zone for i, zone in kept)
    # An update (one new article) keeps the pools' zones worked out, at their new places.
    fresh = (9_999, "2026-12-30-rider1-tester2-09999", "2026-12-30", "Rider1 and Tester2", None)
    updated = _build_index([], None, 0, [], (), index, ([fresh], ()))
    assert len(updated.articles) == len(index.articles) + 1
    for year in years:
        pool = lookup_module._fuzzy_pool(updated, year)
        assert pool is not None and all(updated.digit_zones[i] is not None for i in pool), year


class _CountedKeys(list[str]):
    """Article keys that count how many times one is read."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[override]
        _CountedKeys.reads += 1
        return super().__getitem__(i)


async def test_words_held_by_most_of_a_years_articles_stop_at_the_limit(store: Store) -> None:
    """A typed date's words ("2009 08 04") are tested on the year's articles a slice at a
    time and the test stops once ``limit`` hold them all: a doubled slice that reached a
    whole year (4,000 at 100,000 articles) was tested whole for 25 suggestions."""
    rows = []
    for n in range(5_000):
        day = f"{2010 if n < 2_000 else 2009}-08-{n % 27 + 1:02d}"
        rows.append((n, f"{day}-rider{n % 40}-{n:05d}", day, f"Rider{n % 40} at Circuit", None))
    rows.sort(key=lambda r: (r[2], r[0]), reverse=True)
    engine = AnswerEngine(store)
    index = engine.lookup.index = _build_index([], list(rows), 0, [], ())
    keys = index.article_keys
    words = ["2009", "08", "r"]
    expected = [i for i, key in enumerate(keys) if all(w in key for w in words)][:25]
    assert len(expected) == 25 and expected[0] >= 2_000
    index.article_keys = _CountedKeys(keys)
    _CountedKeys.reads = 0
    assert engine.lookup._articles_with_words(words, 25) == expected
    assert _CountedKeys.reads <= 2 * 512 * len(words)
