"""The store's reads for one answer: each gives what the smaller reads it stands for give."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.models import Article, Fact, LapEvent, Note, Person, Quote, Source
from bot.store import Store

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


def story(slug: str, published: date, laps: tuple[int, ...], h: str) -> Article:
    """An article with facts, a note, people with teams and one event on each lap given."""
    return Article(
        slug=slug,
        published=published,
        headline=f"Headline of {slug}",
        paragraphs=("First paragraph.", "Second paragraph."),
        content_hash=h,
        people=(Person("Ann Driver", "driver", "Blue"), Person("Bob Rival", "driver", "Red")),
        quotes=(Quote("Ann Driver", "It was close.", "direct", "said", 2, 0, 0),),
        events=tuple(
            LapEvent(lap, f"Something on lap {lap}", ("Ann Driver",), None, 1) for lap in laps
        ),
        facts=(Fact("race", "Test Grand Prix", 1), Fact("winner", "Bob Rival", 2)),
        notes=(Note("race", "The race was the Other Grand Prix."),),
    )


async def test_article_facts_are_the_four_reads_in_one(store: Store) -> None:
    """Facts, notes, events and people of one article, as each read gives them alone."""
    await store.replace_article(story("one", date(2021, 4, 20), (40, 3, 12), "h1"))
    await store.replace_article(story("two", date(2021, 5, 2), (12,), "h2"))
    found = await store.article_facts("one")
    assert found == (
        await store.facts("one"),
        await store.notes("one"),
        await store.lap_events(article="one"),
        await store.article_people("one"),
    )
    assert [e.lap for e in found[2]] == [3, 12, 40]
    assert [p.team for p in found[3]] == ["Blue", "Red"]


async def test_article_facts_of_an_unknown_article_are_empty(store: Store) -> None:
    assert await store.article_facts("nowhere") == ([], [], [], [])


async def test_laps_with_events_are_each_lap_once_in_order(store: Store) -> None:
    await store.replace_article(story("one", date(2021, 4, 20), (40, 3, 12), "h1"))
    await store.replace_article(story("two", date(2021, 5, 2), (12, 7), "h2"))
    assert await store.laps_with_events() == [3, 7, 12, 40]


async def test_a_lap_with_hundreds_of_events_comes_back_whole_newest_first(
    store: Store,
) -> None:
    """Past the size converted on the event loop, every event still comes back, in order."""
    old = story("old", date(2020, 1, 1), (5,) * 150, "h1")
    new = story("new", date(2022, 1, 1), (5,) * 150, "h2")
    await store.replace_articles([old, new])
    events = await store.lap_events(lap=5)
    assert len(events) == 300
    assert [e.source.slug if e.source else "" for e in events] == ["new"] * 150 + ["old"] * 150
    assert all(e.who == ("Ann Driver",) and e.source and e.source.paragraph == 1 for e in events)


def test_lap_events_set_through_their_slots_are_the_constructors_records() -> None:
    """The fast path builds the records the constructors build: equal, hashing and printing
    alike, each column in its own field."""
    from bot.store.queries import laps

    rows = [
        (7, 5, "Spun at turn one", "Ann Driver\nBob Rival", "lost a place", 2, "new",
         "Headline of new", "2022-01-01", "https://example.test/new"),
        (8, 5, "Pitted", "", None, None, "old", "Headline of old", "2020-01-01", None),
    ]  # fmt: skip
    assert laps._SLOTS_SET_DIRECTLY
    fast, built = laps._lap_events(rows), laps._lap_events_built(rows)
    assert fast == built
    assert [hash(e) for e in fast] == [hash(e) for e in built]
    assert [repr(e) for e in fast] == [repr(e) for e in built]
    assert fast[0] == LapEvent(
        5, "Spun at turn one", ("Ann Driver", "Bob Rival"), "lost a place", 2, 7,
        Source("new", "Headline of new", date(2022, 1, 1), 2, "https://example.test/new"),
    )  # fmt: skip


async def test_a_speakers_quotes_holding_a_word_are_theirs_best_ranked_first(
    store: Store,
) -> None:
    """/quote speaker + contains on either database: only that speaker's quotes holding the
    word, the one holding it most for its length first, ties newest first."""
    said = (
        ("Ann Driver", "The tyres were fine"),
        ("Bob Rival", "Tyres tyres tyres"),
        ("Ann Driver", "Tyres, tyres"),
        ("Ann Driver", "Nothing on that"),
    )
    for n, day in ((1, 3), (2, 9)):
        await store.replace_article(
            replace(
                story(f"s{n}", date(2021, 5, day), (), f"h{n}"),
                quotes=tuple(
                    Quote(who, text, "direct", "said", 2, i) for i, (who, text) in enumerate(said)
                ),
            )
        )
    found = await store.quotes(speaker="Ann Driver", contains="tyres")
    assert [(q.text, q.source.slug if q.source else None) for q in found] == [
        ("Tyres, tyres", "s2"),
        ("Tyres, tyres", "s1"),
        ("The tyres were fine", "s2"),
        ("The tyres were fine", "s1"),
    ]
