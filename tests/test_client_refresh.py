"""Articles changed while the bot runs: refreshes of the answer indexes never overlap."""

from __future__ import annotations

import asyncio
from pathlib import Path

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


async def test_a_start_reads_the_articles_after_ready_and_answers_wait_for_them(
    store: Store, tmp_path: Path
) -> None:
    """setup_hook starts building all but the articles (READY does not wait for it); once
    connected they are read, and an answer asked in between waits for them rather than
    answering from no articles."""
    from bot.ingest.load import ingest

    seed = _SEED
    assert (await ingest(store, [seed])).ok
    bot = Pitwall(Settings(data_dir=tmp_path), store, sync_on_start=False)
    try:
        await bot.setup_hook()
        lookup = bot.answers.lookup
        assert bot._early is not None
        await asyncio.wait_for(asyncio.shield(bot._early), 30)
        assert lookup.index.people and not lookup.index.articles
        assert not lookup.has_articles
        facts = asyncio.create_task(bot.answers.facts(None))
        await asyncio.sleep(0.05)
        assert not facts.done()  # waits for the articles, never "no articles"
        await bot.on_connect()
        answer = await asyncio.wait_for(facts, 30)
        assert lookup.has_articles and lookup.index.articles
        assert answer == await bot.answers.facts(None)
        # The reader notes what it read once its refresh returns, which can be after the
        # index is in place (the refresh then hands memory back on a thread).
        assert bot._reader is not None
        await asyncio.wait_for(bot._reader, 30)
        assert bot._articles_seen == await store.articles_fingerprint()
    finally:  # never logged in: Client.close would fail; stop what setup_hook started
        for task in (bot._early, bot._reader, bot._watcher):
            if task is not None:
                task.cancel()
        for name in list(bot.extensions):
            await bot.unload_extension(name)
        await bot.intake.aclose()


_SEED = Path(__file__).resolve().parent.parent / "data/articles/2021-04-20-russell-bottas.txt"
