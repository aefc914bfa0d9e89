"""The feed runner without Discord: what it sends, marks, pauses and retries, and when it sleeps."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import pytest

with warnings.catch_warnings():
    # discord.py imports the stdlib audioop, deprecated since 3.11; not ours to fix here.
    warnings.simplefilter("ignore", DeprecationWarning)
    import discord

from bot.config import Settings
from bot.feed_runner import (
    LOOP_ERROR_PAUSE,
    RETRY_SEND,
    FeedRunner,
    feed_lines,
    pause_notice,
    polls_here,
)
from bot.intake import Announcement, FeedInfo, NewStory, PollResult
from bot.models import ArticleSummary

NOW = datetime(2025, 3, 30, 12, 0, tzinfo=UTC)
STORY = ArticleSummary(
    "2025-03-30-norris-wins", date(2025, 3, 30), "Norris wins @everyone", url="https://x.test/a"
)


def feed(**changes: Any) -> FeedInfo:
    base = FeedInfo(
        id=1,
        url="https://x.test/feed.xml",
        title="Paddock Daily",
        guild_id=10,
        channel_id=20,
        next_poll=NOW + timedelta(minutes=15),
        last_poll=NOW,
        last_error=None,
        failures=0,
        paused=None,
        items=3,
    )
    return replace(base, **changes)


def announcement(id: int = 1, channel_id: int = 20) -> Announcement:
    return Announcement(
        id=id,
        feed_id=1,
        guild_id=10,
        channel_id=channel_id,
        article=STORY,
        url=STORY.url,
        item_key=f"item-{id}",
        nonce=f"f{id:024d}",
        state="pending",
        created_at=NOW,
    )


@dataclass
class FakeIntake:
    """The part of Intake the runner uses, recording what it was asked."""

    pending: list[Announcement] = field(default_factory=list)
    feed_list: list[FeedInfo] = field(default_factory=lambda: [feed()])
    polls: list[PollResult] = field(default_factory=list)
    due: datetime | None = None
    done: list[tuple[int, int | None]] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    paused: list[tuple[int, str]] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)

    async def pending_announcements(self) -> list[Announcement]:
        return [a for a in self.pending if a.id not in {d for d, _ in self.done}]

    async def feeds(self, guild_id: int | None = None) -> list[FeedInfo]:
        return list(self.feed_list)

    async def announced(self, announcement_id: int, message_id: int | None) -> None:
        self.done.append((announcement_id, message_id))

    async def announcement_failed(self, announcement_id: int, detail: str) -> None:
        self.failed.append((announcement_id, detail))

    async def pause_feed(self, feed_id: int, reason: str) -> None:
        self.paused.append((feed_id, reason))
        self.feed_list = [replace(f, paused=reason) if f.id == feed_id else f
                          for f in self.feed_list]  # fmt: skip

    async def claim_pause_notice(self, feed_id: int) -> bool:
        if feed_id in self.claims:
            return False
        self.claims.append(feed_id)
        return True

    async def release_pause_notice(self, feed_id: int) -> None:
        self.claims.remove(feed_id)

    async def poll_due(self, now: datetime) -> list[PollResult]:
        polls, self.polls = self.polls, []
        return polls

    async def next_due(self) -> datetime | None:
        return self.due


class FixedClock:
    def now(self) -> datetime:
        return NOW

    async def sleep_until(self, when: datetime, wake: Any) -> None:
        raise AssertionError("the tests call the runner's steps, never its loop")


def channel(send: AsyncMock) -> MagicMock:
    """A text channel outside any guild the bot caches, whose ``send`` is ``send``."""
    found = MagicMock(spec=discord.TextChannel)
    found.guild = None
    found.send = send
    return found


def runner(intake: FakeIntake, send: AsyncMock | None = None, **settings: Any) -> FeedRunner:
    sender = send or AsyncMock(return_value=SimpleNamespace(id=555))
    bot = MagicMock()
    bot.settings = Settings(**settings)
    bot.get_channel.return_value = channel(sender)
    bot.get_guild.return_value = None
    bot.articles_changed = AsyncMock()
    return FeedRunner(bot, intake, clock=FixedClock())  # type: ignore[arg-type]


def http_error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    return kind(SimpleNamespace(status=status, reason="nope"), "nope")


async def test_pending_announcement_is_sent_with_its_nonce_then_marked_done() -> None:
    """Each pending story is posted once, with the row's nonce and no mentions, then done."""
    intake = FakeIntake(pending=[announcement(1), announcement(2)])
    send = AsyncMock(return_value=SimpleNamespace(id=555))
    assert await runner(intake, send).announce_pending() == 2
    assert [c.kwargs["nonce"] for c in send.await_args_list] == [
        announcement(1).nonce,
        announcement(2).nonce,
    ]
    mentions = send.await_args_list[0].kwargs["allowed_mentions"]
    assert mentions.everyone is False and mentions.users is False and mentions.roles is False
    embed = send.await_args_list[0].kwargs["embeds"][0]
    assert "@everyone" not in embed.title and embed.url == STORY.url
    assert intake.done == [(1, 555), (2, 555)]


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (http_error(discord.Forbidden, 403), "403"),
        (http_error(discord.NotFound, 404), "does not exist"),
    ],
)
async def test_refused_channel_fails_the_post_and_pauses_the_feed(
    error: discord.HTTPException, says: str
) -> None:
    """A 403 or 404 is not retried: the announcement fails, the feed is paused with why."""
    intake = FakeIntake(pending=[announcement()])
    await runner(intake, AsyncMock(side_effect=error)).announce_pending()
    assert intake.done == []
    assert [(i, says in d) for i, d in intake.failed] == [(1, True)]
    assert [(i, says in r) for i, r in intake.paused] == [(1, True)]


async def test_discord_trouble_leaves_the_post_pending_and_retries_soon() -> None:
    """A 503 keeps the announcement pending (the nonce makes the retry safe) and wakes soon."""
    intake = FakeIntake(pending=[announcement()], due=NOW + timedelta(hours=1))
    run = runner(intake, AsyncMock(side_effect=http_error(discord.HTTPException, 503)))
    assert await run._pass() == NOW + RETRY_SEND
    assert intake.done == [] and intake.failed == [] and intake.paused == []


async def test_an_unexpected_error_fails_that_post_and_the_others_still_go() -> None:
    """One announcement that cannot be built never blocks the rest."""
    intake = FakeIntake(pending=[announcement(1), announcement(2)])
    send = AsyncMock(side_effect=[ValueError("boom"), SimpleNamespace(id=7)])
    await runner(intake, send).announce_pending()
    assert intake.failed == [(1, "an internal error (logged)")]
    assert intake.done == [(2, 7)]


async def test_a_poll_that_adds_stories_refreshes_answers_and_sleeps_until_next_due() -> None:
    """New stories reach the answer engine at once; the loop then sleeps until the next feed."""
    story = NewStory(1, "item-1", STORY, STORY.url)
    intake = FakeIntake(polls=[PollResult(feed(), (story,), 0, None, False)])
    intake.due = NOW + timedelta(minutes=14)
    run = runner(intake)
    assert await run._pass() == NOW + timedelta(minutes=14)
    run.bot.articles_changed.assert_awaited_once()  # type: ignore[attr-defined]


async def test_nothing_new_does_not_rebuild_the_answers() -> None:
    """An unchanged feed costs no index rebuild."""
    intake = FakeIntake(polls=[PollResult(feed(), (), 50, None, False)], due=NOW + timedelta(1))
    run = runner(intake)
    await run._pass()
    run.bot.articles_changed.assert_not_awaited()  # type: ignore[attr-defined]


async def test_a_feed_that_does_not_advance_never_spins() -> None:
    """If a poll left its feed due, the loop waits a while instead of polling it hot."""
    intake = FakeIntake(polls=[PollResult(feed(), (), 0, "HTTP 500", False)], due=NOW)
    assert await runner(intake)._pass() == NOW + LOOP_ERROR_PAUSE


async def test_a_slow_pass_does_not_make_an_advanced_feed_look_stuck() -> None:
    """Time passing during the pass (ingest, refresh) past the feed's next due is no error:
    the loop goes straight on to the due feed instead of waiting out an error pause."""

    class Moving(FixedClock):
        calls = 0

        def now(self) -> datetime:
            self.calls += 1
            return NOW if self.calls <= 2 else NOW + timedelta(days=1)  # 2: before the poll

    intake = FakeIntake(polls=[PollResult(feed(), (), 50, None, False)])
    intake.due = NOW + timedelta(minutes=15)
    run = runner(intake)
    run.clock = Moving()
    assert await run._pass() == NOW + timedelta(minutes=15)


async def test_no_feeds_means_sleeping_until_woken() -> None:
    """With no active feed the runner sleeps (a long time) until a /feeds change wakes it."""
    assert await runner(FakeIntake())._pass() > NOW + timedelta(days=300)


async def test_pause_notices_are_given_once() -> None:
    """A paused feed is mentioned on the next /feeds reply, and never again."""
    intake = FakeIntake(feed_list=[feed(paused="the feed answered 404 five times")])
    run = runner(intake)
    (notice,) = await run.pause_notices(10)
    assert "404 five times" in notice and "/feeds add" in notice
    assert await run.pause_notices(10) == []


@pytest.mark.parametrize(
    ("shard_ids", "polls"), [(None, True), ((0, 1), True), ((1,), False), ((2, 3), False)]
)
def test_only_the_process_running_shard_zero_polls(
    shard_ids: tuple[int, ...] | None, polls: bool
) -> None:
    """Feeds are polled by exactly one process: the one with shard 0, or the only one."""
    bot = SimpleNamespace(settings=Settings(shard_count=4 if shard_ids else None,
                                            shard_ids=shard_ids))  # fmt: skip
    assert polls_here(bot) is polls  # type: ignore[arg-type]


def test_feed_list_shows_pause_reason_and_failures() -> None:
    """/feeds list says why a feed is paused and how a failing one is doing, without pings."""
    paused = feed(id=1, paused="malformed XML @everyone", paused_at=NOW)
    failing = feed(id=2, title=None, last_error="HTTP 500", failures=2, channel_id=None)
    text = "\n".join(feed_lines([paused, failing]))
    assert "Paused** since 30 Mar 12:00 UTC: malformed XML" in text
    assert "@everyone" not in text
    assert "Failing (2 in a row): HTTP 500" in text
    assert "not announced" in text and "<#20>" in text
    assert "resume" in pause_notice(paused)


async def test_refused_post_of_a_removed_feed_pauses_nothing() -> None:
    """An announcement whose feed was removed since the poll fails alone, pausing nothing."""
    intake = FakeIntake(pending=[replace(announcement(), feed_id=None)])
    await runner(
        intake, AsyncMock(side_effect=http_error(discord.NotFound, 404))
    ).announce_pending()
    assert [i for i, _ in intake.failed] == [1] and intake.paused == []
