"""Articles changed while the bot runs: refreshes of the answer indexes never overlap."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.client import Pitwall
from bot.config import Settings
from bot.store import Store


class _SlowAnswers:
    """Stands in for AnswerEngine: records each refresh, which takes a while."""

    def __init__(self) -> None:
        self.running = 0
        self.most_at_once = 0
        self.refreshes = 0
        self.started = asyncio.Event()
        self.go_on = asyncio.Event()

    async def refresh(self) -> None:
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        self.started.set()
        await self.go_on.wait()
        self.refreshes += 1
        self.running -= 1


async def test_changes_during_a_refresh_share_the_next_one(store: Store, tmp_path: Path) -> None:
    """Three adds while one refresh runs: one more refresh, never two at once, and every
    caller returns only after a refresh begun after its change has finished."""
    bot = Pitwall(Settings(data_dir=tmp_path), store, sync_on_start=False)
    answers = _SlowAnswers()
    bot.answers = answers  # type: ignore[assignment]
    first = asyncio.create_task(bot.articles_changed())
    await answers.started.wait()
    later = [asyncio.create_task(bot.articles_changed()) for _ in range(3)]
    await asyncio.sleep(0.01)
    assert not any(task.done() for task in later)  # none returns on the running refresh
    answers.go_on.set()
    await asyncio.gather(first, *later)
    assert answers.refreshes == 2
    assert answers.most_at_once == 1
    assert bot._articles_seen == await store.articles_fingerprint()


async def test_a_failed_refresh_is_tried_again_by_the_next_change(
    store: Store, tmp_path: Path
) -> None:
    bot = Pitwall(Settings(data_dir=tmp_path), store, sync_on_start=False)
    calls: list[str] = []

    class _Failing:
        async def refresh(self) -> None:
            calls.append("refresh")
            if len(calls) == 1:
                raise RuntimeError("store went away")

    bot.answers = _Failing()  # type: ignore[assignment]
    with pytest.raises(RuntimeError):
        await bot.articles_changed()
    await bot.articles_changed()
    assert calls == ["refresh", "refresh"]


async def test_a_start_connects_once_the_articles_are_read(store: Store, tmp_path: Path) -> None:
    """setup_hook (before the gateway connects) returns with the articles in the index when
    they are read within INDEX_BEFORE_READY: the first interactions, at READY, find them."""
    from bot.ingest.load import ingest

    assert (await ingest(store, [_SEED])).ok
    bot = Pitwall(Settings(data_dir=tmp_path), store, sync_on_start=False)
    try:
        await bot.setup_hook()
        lookup = bot.answers.lookup
        assert lookup.has_articles and lookup.index.articles and lookup.index.people
    finally:
        await _stop(bot)


async def test_a_slow_start_connects_anyway_and_answers_wait_for_the_articles(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles not read within INDEX_BEFORE_READY: setup_hook returns all the same (READY
    is not held longer), and an answer asked meanwhile waits for them rather than answering
    from no articles."""
    from bot.ingest.load import ingest

    assert (await ingest(store, [_SEED])).ok
    monkeypatch.setattr("bot.client.INDEX_BEFORE_READY", 0.05)
    go_on = asyncio.Event()
    article_rows = store.article_rows

    async def slow_article_rows() -> list[object]:
        await go_on.wait()
        return await article_rows()

    monkeypatch.setattr(store, "article_rows", slow_article_rows)
    bot = Pitwall(Settings(data_dir=tmp_path), store, sync_on_start=False)
    try:
        await asyncio.wait_for(bot.setup_hook(), 30)
        lookup = bot.answers.lookup
        assert not lookup.has_articles
        facts = asyncio.create_task(bot.answers.facts(None))
        await asyncio.sleep(0.05)
        assert not facts.done()  # waits for the articles, never "no articles"
        go_on.set()
        answer = await asyncio.wait_for(facts, 30)
        assert lookup.has_articles and lookup.index.articles
        assert answer == await bot.answers.facts(None)
        # The reader notes what it read once its refresh returns, which can be after the
        # index is in place (the refresh then hands memory back on a thread).
        assert bot._reader is not None
        await asyncio.wait_for(bot._reader, 30)
        assert bot._articles_seen == await store.articles_fingerprint()
    finally:
        await _stop(bot)


async def _stop(bot: Pitwall) -> None:
    """Never logged in: Client.close would fail; stop what setup_hook started."""
    for task in (bot._early, bot._reader, bot._watcher):
        if task is not None:
            task.cancel()
    for name in list(bot.extensions):
        await bot.unload_extension(name)
    await bot.intake.aclose()


_SEED = Path(__file__).resolve().parent.parent / "data/articles/2021-04-20-russell-bottas.txt"


async def test_a_start_whose_people_fail_to_build_reads_them_with_the_articles(
    store: Store,
) -> None:
    """The start's first refresh (all but the articles) fails: the articles' refresh that
    follows builds the people too, never the articles onto an empty people part."""
    from bot.answers import AnswerEngine
    from bot.ingest.load import ingest

    assert (await ingest(store, [_SEED])).ok
    engine = AnswerEngine(store)
    read_people = store.people
    calls = 0

    async def people() -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("store went away")
        return await read_people()

    store.people = people  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        await engine.refresh(articles=False)
    await engine.refresh()
    assert engine.lookup.index.people and engine.lookup.index.articles
    assert calls == 2
