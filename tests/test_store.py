"""The store: migrations, idempotent replacement, and FTS that treats user text as words."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg
import pytest

from bot.errors import StoreError
from bot.models import Article, Fact, LapEvent, Note, Person, Quote, ReportedStatement
from bot.store import MIGRATIONS, Store, fts_query

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True
#: A constraint a write breaks, as each database's driver reports it.
INTEGRITY_ERRORS = (sqlite3.IntegrityError, psycopg.IntegrityError)


def make_article(
    slug: str = "a-story", *, text: str = "I was massively fast", h: str = "h1"
) -> Article:
    return Article(
        slug=slug,
        published=date(2021, 4, 20),
        headline="Driver blames rival after crash",
        paragraphs=("First paragraph.", "Second paragraph.", "Third paragraph."),
        content_hash=h,
        people=(
            Person("Ann Driver", "driver", "Blue", ("the rookie",)),
            Person("Bob Rival", "driver", "Red"),
        ),
        quotes=(
            Quote("Ann Driver", text, "direct", "remarks after the race", 2, 0, 0),
            Quote("Ann Driver", "And then he moved.", "direct", "remarks after the race", 3, 0, 1),
            Quote(None, "nobody knows who said this", "partial", "remarks", 3, 1, 0),
        ),
        reported=(ReportedStatement("Bob Rival", "Ann was in the wrong", 3),),
        events=(LapEvent(12, "Ann and Bob collide", ("Ann Driver", "Bob Rival"), "both out", 1),),
        facts=(Fact("race", "Test Grand Prix", 1), Fact("lap", "12", 1)),
        notes=(Note("race", "The race was the Other Grand Prix."),),
    )


async def test_new_store_is_at_latest_schema(store: Store) -> None:
    """Opening an empty file applies every migration."""
    assert await store.schema_version() == MIGRATIONS[-1].version


async def test_older_schema_upgrades_in_place_keeping_data(tmp_path: Path) -> None:
    """A database at the first schema version upgrades and keeps its articles."""
    path = tmp_path / "old.db"
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:1])
        await old.replace_article(make_article())
        assert await old.schema_version() == 1
    async with await Store.open(path) as upgraded:
        assert await upgraded.schema_version() == MIGRATIONS[-1].version
        assert [a.slug for a in await upgraded.articles()] == ["a-story"]


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A database from a newer Pitwall is refused with a clear message, not misread."""
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    with pytest.raises(StoreError, match="newer than this Pitwall understands"):
        await Store.open(path)


async def test_corrupt_file_is_refused_clearly(tmp_path: Path) -> None:
    """A file that is not SQLite gives a StoreError naming it."""
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        await Store.open(path)


async def test_missing_folder_is_refused_clearly(tmp_path: Path) -> None:
    """A database path in a folder that does not exist is a StoreError, not a crash."""
    with pytest.raises(StoreError, match="does not exist"):
        await Store.open(tmp_path / "nope" / "p.db")


async def test_same_article_twice_changes_nothing(store: Store) -> None:
    """Re-ingesting an unchanged article is a no-op that reports False."""
    assert await store.replace_article(make_article()) is True
    assert await store.replace_article(make_article()) is False
    stats = await store.stats()
    assert (stats.articles, stats.quotes, stats.events) == (1, 3, 1)


async def test_edited_article_replaces_its_rows(store: Store) -> None:
    """An edited article replaces the old quotes; nothing of the old version lingers."""
    await store.replace_article(make_article())
    await store.replace_article(make_article(text="A brand new quote", h="h2"))
    texts = [q.text for q in await store.quotes(speaker="Ann Driver")]
    assert "A brand new quote" in texts
    assert "I was massively fast" not in texts
    assert await store.quotes(contains="massively") == []
    assert (await store.stats()).quotes == 3


async def test_failed_replace_keeps_the_old_version(store: Store) -> None:
    """A write that fails midway rolls back: the stored article is untouched."""
    await store.replace_article(make_article())
    bad = replace(make_article(h="h2"), events=(LapEvent(1, None, ()),))  # type: ignore[arg-type]
    with pytest.raises(INTEGRITY_ERRORS):
        await store.replace_article(bad)
    assert [q.text for q in await store.quotes(contains="massively")] == ["I was massively fast"]


async def test_batch_keeps_the_articles_before_a_failing_one(store: Store) -> None:
    """A batch stores what precedes a failing article; the failing one leaves nothing."""
    await store.replace_article(make_article())
    bad = replace(make_article("bad", h="b1"), events=(LapEvent(1, None, ()),))  # type: ignore[arg-type]
    batch = [make_article(), make_article("first"), bad, make_article("never")]
    with pytest.raises(INTEGRITY_ERRORS):
        await store.replace_articles(batch)
    assert sorted(a.slug for a in await store.articles()) == ["a-story", "first"]
    assert await store.replace_articles([make_article(), make_article("x")]) == [False, True]


async def test_quotes_cite_their_source(store: Store) -> None:
    """Every quote read back carries its article and paragraph."""
    await store.replace_article(make_article())
    [quote] = await store.quotes(contains="massively fast")
    assert quote.speaker == "Ann Driver"
    assert quote.source is not None
    assert (quote.source.slug, quote.source.paragraph) == ("a-story", 2)


async def test_unattributed_quote_has_no_speaker(store: Store) -> None:
    """A quote the text does not attribute is stored without a name."""
    await store.replace_article(make_article())
    [quote] = await store.quotes(contains="nobody knows")
    assert quote.speaker is None


async def test_people_carry_role_team_and_aliases(store: Store) -> None:
    """People read back with what the article says of them."""
    await store.replace_article(make_article())
    ann = await store.person("ann driver")
    assert ann == Person("Ann Driver", "driver", "Blue", ("the rookie",))


async def test_edit_drops_people_no_article_names_any_more(store: Store) -> None:
    """An edit that stops naming someone drops them; someone another story names stays."""
    await store.replace_article(make_article())
    await store.replace_article(make_article("other-story", h="o1"))
    only_ann = replace(
        make_article(h="h2"),
        people=(Person("Ann Driver", "driver", "Blue"),),
        reported=(),
        events=(),
    )
    await store.replace_article(only_ann)
    assert await store.person("Bob Rival") is not None  # still named by other-story
    edited_other = replace(only_ann, slug="other-story", content_hash="o2")
    await store.replace_article(edited_other)
    assert [p.name for p in await store.people()] == ["Ann Driver"]


HOSTILE = [
    '"',
    '"unbalanced',
    "*",
    "fast*",
    "NEAR(fast massively)",
    "NEAR(",
    "text: fast",
    "'); DROP TABLE quotes; --",
    "fast OR 1=1",
    "^fast",
    "-fast",
    "fast AND NOT",
    "\x00fast",
    "fast\u200b",
    "🏎️ fast 🏁",
    "a" * 5000,
    "",
    "   ",
]


@pytest.mark.parametrize("text", HOSTILE)
async def test_hostile_text_reaches_fts_as_words_only(store: Store, text: str) -> None:
    """FTS syntax and SQL in user text never raise and never match as syntax."""
    await store.replace_article(make_article())
    found = await store.quotes(contains=text)
    words = text.split()  # raw, as a hostile client sends them: the store must quote them
    ids = await store.quote_ids_matching(words, any_term=True, prefixes=words)
    assert all("fast" in q.text.casefold() for q in found)
    # Operators are plain words here: each id found shares a word (or word start) with the
    # input, e.g. "AND" finds "And then he moved."; nothing matches through FTS syntax.
    tokens = re.findall(r"\w+", text.casefold())
    for quote_id, quote_text, _ in await store.quote_index():
        if quote_id in ids:
            words = re.findall(r"\w+", quote_text.casefold())
            assert any(w.startswith(t) for t in tokens for w in words), (text, quote_text)
    assert (await store.stats()).quotes == 3  # nothing dropped


def test_fts_query_quotes_every_term() -> None:
    """Terms are quoted strings joined by AND (space) or OR; operators are just words."""
    assert fts_query('NEAR(a "b") *') == '"near" "a" "b"'
    assert fts_query("a b", any_term=True) == '"a" OR "b"'
    assert fts_query("*** ()") is None


async def test_lap_events_round_trip(store: Store) -> None:
    """Lap events keep their lap, people and outcome."""
    await store.replace_article(make_article())
    [event] = await store.lap_events(12)
    assert (event.who, event.outcome) == (("Ann Driver", "Bob Rival"), "both out")
    assert await store.laps_with_events() == [12]
    assert await store.lap_events(13) == []


async def test_facts_and_notes_keep_order(store: Store) -> None:
    """Facts come back in the annotation's order, notes beside them."""
    await store.replace_article(make_article())
    assert [f.key for f in await store.facts("a-story")] == ["race", "lap"]
    assert [n.text for n in await store.notes("a-story")] == ["The race was the Other Grand Prix."]


async def test_articles_fingerprint_moves_with_every_article_write(store: Store) -> None:
    """Adding or editing an article changes the fingerprint the bot watches; re-ingesting
    the same content does not."""
    empty = await store.articles_fingerprint()
    await store.replace_article(make_article())
    added = await store.articles_fingerprint()
    await store.replace_article(make_article())
    assert await store.articles_fingerprint() == added
    await store.replace_article(make_article(text="Edited", h="h2"))
    edited = await store.articles_fingerprint()
    assert len({empty, added, edited}) == 3
