"""/facts, /recap and /lap answers kept until the store changes: never one from before."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.records import FactsAnswer, LapAnswer, RecapAnswer
from bot.models import Fact, LapEvent
from bot.store import Store
from bot.store.dialect import SqliteDialect
from tests.test_store_stories import story

#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


async def _engine(store: Store) -> AnswerEngine:
    await store.replace_article(story("one", date(2021, 4, 20), "h1"))
    await store.replace_article(story("two", date(2021, 5, 2), "h2"))
    engine = AnswerEngine(store)
    await engine.refresh()
    return engine


def _winner(answer: object) -> str:
    assert isinstance(answer, FactsAnswer)
    return next(f.value for f in answer.facts if f.key == "winner")


async def test_an_unchanged_articles_facts_and_recap_are_kept(store: Store) -> None:
    engine = await _engine(store)
    first_facts, first_recap = await engine.facts("one"), await engine.recap("one")
    assert await engine.facts("one") is first_facts
    assert await engine.recap("one") == first_recap
    assert (await engine.recap("one")).stories[0] is first_recap.stories[0]  # type: ignore[union-attr]


async def test_a_replaced_article_is_answered_anew_before_any_refresh(store: Store) -> None:
    """The article changes in the store (a moderator's edit, a feed's correction): the next
    /facts and /recap show the new text, though the indexes were not rebuilt."""
    engine = await _engine(store)
    assert _winner(await engine.facts("one")) == "Bob Rival"
    before = await engine.recap("one")
    edited = story("one", date(2021, 4, 20), "h1-edited")
    edited = replace(edited, facts=(Fact("race", "Test Grand Prix", 1), Fact("winner", "Ann", 2)))
    await store.replace_article(replace(edited, events=()))
    assert _winner(await engine.facts("one")) == "Ann"
    after = await engine.recap("one")
    assert isinstance(before, RecapAnswer) and isinstance(after, RecapAnswer)
    assert [getattr(w, "lap", None) for w in before.stories[0].what_happened] == [3, 40]
    # No lap events now: a recap's "what" is the first facts.
    assert [getattr(w, "value", None) for w in after.stories[0].what_happened] == [
        "Test Grand Prix",
        "Ann",
    ]


async def test_a_deleted_article_is_not_answered_from_what_was_kept(store: Store) -> None:
    engine = await _engine(store)
    assert _winner(await engine.facts("two")) == "Bob Rival"
    await store.delete_article("two")
    answer = await engine.facts("two")
    assert isinstance(answer, FactsAnswer) and answer.facts == ()


async def test_a_new_article_is_recapped_after_the_refresh_that_follows_it(store: Store) -> None:
    engine = await _engine(store)
    assert (await engine.recap()).stories[0].article.slug == "two"  # type: ignore[union-attr]
    await store.replace_article(story("three", date(2021, 6, 1), "h3"))
    await engine.refresh()
    newest = await engine.recap()
    assert isinstance(newest, RecapAnswer) and newest.stories[0].article.slug == "three"


async def test_a_laps_answer_shows_an_event_stored_after_it_was_given(store: Store) -> None:
    engine = await _engine(store)
    first = await engine.lap(40)
    assert isinstance(first, LapAnswer) and len(first.events) == 2
    assert await engine.lap(40) is first
    late = story("three", date(2021, 6, 1), "h3")
    await store.replace_article(replace(late, events=(LapEvent(40, "A third story", (), None, 1),)))
    again = await engine.lap(40)
    assert isinstance(again, LapAnswer)
    assert [e.description for e in again.events] == ["A third story", "Late drama", "Late drama"]


async def test_another_process_writing_the_sqlite_file_is_seen_at_once(tmp_path: Path) -> None:
    path = tmp_path / "pitwall.db"
    async with await Store.open(path) as store:
        engine = await _engine(store)
        assert _winner(await engine.facts("one")) == "Bob Rival"
        async with await Store.open(path) as other:  # as a second process would
            edited = story("one", date(2021, 4, 20), "h1-other")
            await other.replace_article(replace(edited, facts=(Fact("winner", "Someone Else", 1),)))
        assert _winner(await engine.facts("one")) == "Someone Else"


async def test_a_point_read_that_finds_the_database_busy_is_read_on_a_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loop never waits on a lock: a busy point read goes the usual way instead."""
    async with await Store.open(tmp_path / "pitwall.db") as store:
        await store.replace_article(story("one", date(2021, 4, 20), "h1"))
        dialect = store._dialect
        assert isinstance(dialect, SqliteDialect)

        class Busy:
            def execute(self, *_args: object) -> None:
                error = sqlite3.OperationalError("database is locked")
                error.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
                raise error

        monkeypatch.setattr(dialect, "_point_conn", lambda: Busy())
        facts, _notes, _events, _people = await store.article_facts("one")
        assert [f.key for f in facts] == ["race", "winner"]


async def test_what_is_kept_stays_within_its_weight(tmp_path: Path) -> None:
    """The oldest answers go first; one heavier than the whole budget is never kept."""
    from bot.answers._kept import Kept

    async with await Store.open(tmp_path / "pitwall.db") as store:
        kept = Kept(store, budget=10)
        made: list[str] = []

        async def make(key: str) -> str:
            made.append(key)
            return key

        for key in ("a", "b", "c"):
            await kept.get(key, lambda k=key: make(k), weight=lambda _r: 4)
        await kept.get("c", lambda: make("c"), weight=lambda _r: 4)
        await kept.get("a", lambda: make("a"), weight=lambda _r: 4)
        await kept.get("huge", lambda: make("huge"), weight=lambda _r: 11)
        await kept.get("huge", lambda: make("huge"), weight=lambda _r: 11)
        assert made == ["a", "b", "c", "a", "huge", "huge"]
