"""A running bot's article index, updated with what changed, is the one a full build gives."""

from __future__ import annotations

import random
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import generate
from bot.answers import lookup as lookup_module
from bot.answers.lookup import _ARTICLE_FIELDS, Lookup, _build_index, _Index
from bot.ingest.load import ingest
from bot.store import Store

BOTH_DATABASES = True

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


def _fields(index: _Index) -> dict[str, Any]:
    """Every article field as plain values, the compact ones unpacked."""
    found: dict[str, Any] = {}
    for name in _ARTICLE_FIELDS:
        value = getattr(index, name)
        if name == "article_words":
            value = (value.words, list(value._starts), list(value._ids))
        elif name == "by_slug":
            value = (value._keys, list(value._order), value._articles)
        elif not isinstance(value, (bool, str, list)):
            value = list(value)
        found[name] = value
    return found


Row = tuple[int, str, str, str, "str | None"]


def _row(rnd: random.Random, article_id: int, day: date) -> Row:
    headline = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(2, 7)))
    # A unique word now and then: the postings of a word some article alone holds.
    if article_id % 7 == 0:
        headline += f" Unique{article_id}"
    slug = f"{day.isoformat()}-story-{article_id}"
    if article_id % 11 == 0:
        slug = slug.replace("story", "Story")  # a slug that is not its own casefold
    url = None if article_id % 2 else f"https://x.test/{article_id}"
    return (article_id, slug, day.isoformat(), headline, url)


def _ordered(rows: list[Row]) -> list[Row]:
    """Newest first, as the store's ``ORDER BY published DESC, id DESC``."""
    return sorted(rows, key=lambda r: (r[2], r[0]), reverse=True)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_update_with_new_edited_and_deleted_articles_equals_a_full_build(seed: int) -> None:
    """New articles of every date (newest, oldest, days already held, ties), edited ones
    (headline, URL, date) and deleted ones give the index a full build of the result gives."""
    rnd = random.Random(seed)
    start = date(2020, 1, 1)
    rows = [_row(rnd, i, start + timedelta(days=rnd.randrange(400))) for i in range(1, 601)]
    previous = _build_index([], _ordered(rows), 0, [], ())
    # Deleted: some at random, and every article holding a word no other holds.
    gone = {r[0] for r in rnd.sample(rows, 40)} | {7, 14}
    kept = [r for r in rows if r[0] not in gone]
    changed: list[Row] = []
    for r in rnd.sample(kept, 25):  # edited in place: same id and slug
        edited = (r[0], r[1], r[2], r[3] + " Monaco", r[4])
        if r[0] % 3 == 0:
            edited = (r[0], r[1], (date.fromisoformat(r[2]) + timedelta(days=9)).isoformat(),
                      "Rain at Monaco", "https://x.test/edited")  # fmt: skip
        changed.append(edited)
    days = [start - timedelta(days=3), start + timedelta(days=500), start + timedelta(days=17)]
    days += [date.fromisoformat(r[2]) for r in rnd.sample(kept, 10)]
    new = [_row(rnd, 1000 + i, rnd.choice(days)) for i in range(60)]
    # A deleted slug written again (a new id), and rows read again unchanged.
    again = next(r for r in rows if r[0] in gone)
    new.append((2000, again[1], again[2], "Back again", None))
    unchanged = rnd.sample([r for r in kept if r not in changed], 15)
    by_id = {r[0]: r for r in kept}
    by_id.update((r[0], r) for r in changed)
    final = _ordered([*by_id.values(), *new])

    update_rows = _ordered([*changed, *new, *unchanged])
    updated = _build_index([], None, 0, [], (), previous, (update_rows, gone))
    full = _build_index([], list(final), 0, [], ())
    assert [a.id for a in updated.articles] == [r[0] for r in final]
    assert _fields(updated) == _fields(full)
    # The index it was built from is left as it was (the loop reads it meanwhile).
    assert _fields(previous) == _fields(_build_index([], _ordered(rows), 0, [], ()))


def test_an_update_with_nothing_changed_keeps_every_article() -> None:
    rnd = random.Random(5)
    rows = _ordered([_row(rnd, i, date(2021, 1, 1) + timedelta(days=i // 2)) for i in range(1, 80)])
    previous = _build_index([], list(rows), 0, [], ())
    updated = _build_index([], None, 0, [], (), previous, ([], ()))
    assert _fields(updated) == _fields(previous)


async def test_a_running_lookup_updates_with_added_and_removed_articles(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After articles are added and deleted, a refresh reads only what changed and its index
    equals a new lookup's full read of the store."""
    corpus = generate(tmp_path / "articles", 40, seed=4, people=60)
    first = sorted((tmp_path / "articles").glob("*.txt"))
    assert (await ingest(store, first[:30])).ok
    lookup = Lookup(store)
    await lookup.refresh()
    assert len(lookup.index.articles) == 30

    assert (await ingest(store, first[30:])).ok
    for slug in corpus.slugs[3:9:2]:
        assert await store.delete_article(slug) is not None
    read_whole: list[int] = []
    whole = store.article_rows

    async def counted() -> list[Any]:
        read_whole.append(1)
        return await whole()

    monkeypatch.setattr(store, "article_rows", counted)
    await lookup.refresh()
    assert not read_whole  # the update read only the changed rows
    assert len(lookup.index.articles) == 37

    fresh = Lookup(store)
    await fresh.refresh()
    assert read_whole
    assert _fields(lookup.index) == _fields(fresh.index)
    assert lookup.complete_articles("monaco") == fresh.complete_articles("monaco")


async def test_an_article_written_unseen_makes_the_next_refresh_read_them_all(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article written with a time before the reread window (another process's clock)
    is not missed: the count gives it away and the articles are read whole."""
    generate(tmp_path / "articles", 12, seed=6, people=30)
    paths = sorted((tmp_path / "articles").glob("*.txt"))
    assert (await ingest(store, paths[:10])).ok
    lookup = Lookup(store)
    await lookup.refresh()
    assert (await ingest(store, paths[10:])).ok
    monkeypatch.setattr("bot.answers.lookup._refresh.REREAD_WINDOW", timedelta(0))
    lookup._written_up_to = "9999-01-01T00:00:00.000000+00:00"  # every write looks older
    await lookup.refresh()
    fresh = Lookup(store)
    await fresh.refresh()
    assert len(lookup.index.articles) == 12
    assert _fields(lookup.index) == _fields(fresh.index)


def _people_part(index: _Index) -> dict[str, Any]:
    """What a start's people-only refresh builds, as plain values."""
    return {
        "names": index.names,
        "exact": index.exact,
        "ambiguous": index.ambiguous,
        "aliases": index.aliases,
        "quote_count": index.quote_count,
        "quote_ids": index.quote_ids,
        "laps": index.laps,
    }


async def test_a_start_reads_the_people_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bot's start refreshes the people before READY and the articles after it: with no
    article written between, the second refresh reads the articles alone (the people were
    read and indexed twice: 0.5 s of CPU after READY at 100,000 articles), and its index is
    the one a full refresh gives."""
    generate(tmp_path / "articles", 20, seed=7, people=40)
    assert (await ingest(store, sorted((tmp_path / "articles").glob("*.txt")))).ok
    lookup = Lookup(store)
    await lookup.refresh(articles=False)
    assert lookup.index.people and not lookup.index.articles
    reads: list[str] = []
    for name in ("people", "quote_count", "first_quotes", "laps_with_events"):
        original = getattr(store, name)

        async def counted(*args: Any, _name: str = name, _original: Any = original) -> Any:
            reads.append(_name)
            return await _original(*args)

        monkeypatch.setattr(store, name, counted)
    await lookup.refresh()
    assert reads == []
    monkeypatch.undo()
    fresh = Lookup(store)
    await fresh.refresh()
    assert _fields(lookup.index) == _fields(fresh.index)
    assert _people_part(lookup.index) == _people_part(fresh.index)
    surname = fresh.index.names[0].split()[-1]
    assert lookup.resolve_person(surname) == fresh.resolve_person(surname)


async def test_an_article_written_during_a_start_makes_it_read_the_people_again(
    store: Store, tmp_path: Path
) -> None:
    """Articles written between the start's two refreshes bring people, quotes and laps of
    their own: the second refresh then reads everything, as a full one."""
    generate(tmp_path / "articles", 16, seed=8, people=40)
    paths = sorted((tmp_path / "articles").glob("*.txt"))
    assert (await ingest(store, paths[:8])).ok
    lookup = Lookup(store)
    await lookup.refresh(articles=False)
    before = lookup.index.quote_count
    assert (await ingest(store, paths[8:])).ok
    await lookup.refresh()
    fresh = Lookup(store)
    await fresh.refresh()
    assert lookup.index.quote_count > before
    assert _fields(lookup.index) == _fields(fresh.index)
    assert _people_part(lookup.index) == _people_part(fresh.index)


def test_every_index_field_is_in_the_people_part_the_articles_part_or_a_cache() -> None:
    """A start builds the people's part before READY and the articles onto it after
    (:func:`lookup._with_articles` copies ``_PEOPLE_FIELDS``): a field missing from every
    tuple would be left empty in the bot's index (an alias search once failed so)."""
    parts = [lookup_module._PEOPLE_FIELDS, _ARTICLE_FIELDS, lookup_module._CACHE_FIELDS]
    named = [name for part in parts for name in part]
    assert sorted(named) == sorted(f.name for f in fields(_Index))
