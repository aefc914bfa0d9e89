"""Recap schedules and posts in a real SQLite store: replace/off, pending→done, story choice."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.models import Article
from bot.scheduling import recap_nonce
from bot.store import MIGRATIONS, RecapAdvance, RecapSchedule, Store

GUILD = 111111111111111111
OTHER_GUILD = GUILD + (1 << 22)  # the next shard of two
CHANNEL, OTHER_CHANNEL = 333333333333333333, 444444444444444444
MOD = 555555555555555555
#: Every test taking `db` or `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True
NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
SLOT = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def article(slug: str, published: date) -> Article:
    return Article(
        slug=slug,
        published=published,
        headline=f"Headline of {slug}",
        paragraphs=("Something happened.",),
        content_hash=f"hash-{slug}",
    )


def schedule(channel: int = CHANNEL, *, guild: int = GUILD, hhmm: tuple[int, int] = (9, 0),
             next_slot: datetime = SLOT, zone: str = "UTC") -> RecapSchedule:  # fmt: skip
    return RecapSchedule(
        channel_id=channel,
        guild_id=guild,
        hour=hhmm[0],
        minute=hhmm[1],
        timezone=zone,
        every="daily",
        weekday=None,
        next_slot=next_slot,
        created_by=MOD,
        created_at=NOW,
    )


@pytest.fixture
async def db(store_target: Path | str) -> AsyncIterator[Store]:
    """A migrated store holding three articles, oldest first: old, mid, new."""
    async with await Store.open(store_target) as store:
        for slug, day in (("old", date(2021, 4, 1)), ("mid", date(2021, 4, 10)),
                          ("new", date(2021, 4, 20))):  # fmt: skip
            await store.replace_article(article(slug, day))
        yield store


async def post(store: Store, slot: datetime, channel: int = CHANNEL, *, done: bool = True,
               kind: str = "scheduled", limit: int = 5) -> tuple[str, ...]:  # fmt: skip
    """Record a post for ``slot`` (and finish it); return the stories it features."""
    begun = await store.begin_recap_post(
        guild_id=GUILD,
        channel_id=channel,
        slot=slot,
        kind=kind,
        nonce=recap_nonce(channel, slot, kind),
        now=slot,
        limit=limit,
    )
    if done:
        await store.finish_recap_post(begun.id, state="done", now=slot, message_id=slot.day)
    return begun.slugs


# -- schedules ---------------------------------------------------------------------------------


async def test_scheduling_again_replaces_the_channels_schedule(db: Store) -> None:
    """One schedule per channel: saving again replaces time and zone, not adds a row."""
    assert await db.save_recap_schedule(schedule()) is False
    assert await db.save_recap_schedule(schedule(hhmm=(18, 30), zone="Europe/Rome")) is True
    stored = await db.recap_schedules(GUILD)
    assert [(s.hour, s.minute, s.timezone) for s in stored] == [(18, 30, "Europe/Rome")]


async def test_scheduling_again_resumes_a_paused_schedule(db: Store) -> None:
    """A paused schedule is active again, pause and retry cleared, after scheduling again."""
    await db.save_recap_schedule(schedule())
    assert await db.pause_recap_schedule(CHANNEL, "Missing Access (403)", now=NOW)
    assert await db.next_due_recap_schedule() is None
    paused = await db.recap_schedule(CHANNEL)
    assert paused is not None and paused.paused_reason == "Missing Access (403)"
    await db.save_recap_schedule(schedule())
    resumed = await db.recap_schedule(CHANNEL)
    assert resumed is not None
    assert (resumed.paused_reason, resumed.paused_at, resumed.retry_at) == (None, None, None)
    assert await db.next_due_recap_schedule() == resumed


async def test_off_removes_the_schedule_but_keeps_history(db: Store) -> None:
    """Turning recaps off deletes the schedule; the channel's posts stay for the rotation."""
    await db.save_recap_schedule(schedule())
    await post(db, SLOT)
    assert await db.delete_recap_schedule(CHANNEL) is True
    assert await db.delete_recap_schedule(CHANNEL) is False
    assert await db.recap_schedules(GUILD) == []
    assert len(await db.recap_posts(CHANNEL)) == 1


async def test_next_due_is_the_soonest_active_schedule(db: Store) -> None:
    """The runner's one query: the soonest slot (or retry) among active schedules."""
    await db.save_recap_schedule(schedule(CHANNEL, next_slot=SLOT + timedelta(hours=2)))
    await db.save_recap_schedule(schedule(OTHER_CHANNEL, next_slot=SLOT + timedelta(hours=1)))
    due = await db.next_due_recap_schedule()
    assert due is not None and due.channel_id == OTHER_CHANNEL
    await db.retry_recap_later(CHANNEL, slot=SLOT + timedelta(hours=2), retry_at=SLOT, attempts=1)
    due = await db.next_due_recap_schedule()
    assert due is not None and due.channel_id == CHANNEL and due.due == SLOT


async def test_next_due_only_returns_guilds_of_our_shards(db: Store) -> None:
    """With shards, a process only sees the guilds its shards own ((id >> 22) % count)."""
    shard_of = {g: (g >> 22) % 2 for g in (GUILD, OTHER_GUILD)}
    assert shard_of[GUILD] != shard_of[OTHER_GUILD]
    await db.save_recap_schedule(schedule(CHANNEL, guild=GUILD))
    await db.save_recap_schedule(schedule(OTHER_CHANNEL, guild=OTHER_GUILD))
    for guild, channel in ((GUILD, CHANNEL), (OTHER_GUILD, OTHER_CHANNEL)):
        due = await db.next_due_recap_schedule(2, [shard_of[guild]])
        assert due is not None and due.channel_id == channel
    both = await db.next_due_recap_schedule(2, [0, 1])
    assert both is not None
    assert await db.next_due_recap_schedule(None, None) == both


# -- pending → done -----------------------------------------------------------------------------


async def test_post_is_pending_then_done_and_advances_the_schedule(db: Store) -> None:
    """A post is recorded pending, then done with its message, moving the schedule on."""
    await db.save_recap_schedule(schedule())
    begun = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW,
    )  # fmt: skip
    assert (begun.state, begun.message_id) == ("pending", None)
    tomorrow = SLOT + timedelta(days=1)
    await db.finish_recap_post(
        begun.id, state="done", now=SLOT, message_id=42,
        advance=RecapAdvance(CHANNEL, SLOT, tomorrow),
    )  # fmt: skip
    finished = await db.recap_post(begun.id)
    assert finished is not None and (finished.state, finished.message_id) == ("done", 42)
    moved = await db.recap_schedule(CHANNEL)
    assert moved is not None and moved.next_slot == tomorrow


async def test_begin_twice_returns_the_same_pending_post(db: Store) -> None:
    """After a crash, the slot's row is found again: same id, nonce and stories."""
    first = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW,
    )  # fmt: skip
    await db.replace_article(article("newer", date(2021, 5, 1)))
    again = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW + timedelta(minutes=5),
    )  # fmt: skip
    assert again == first
    assert len(await db.recap_posts(CHANNEL)) == 1


async def test_nonce_is_stored_and_deterministic(db: Store) -> None:
    """The stored nonce is recap_nonce(channel, slot): a restart resends the same one."""
    begun = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW,
    )  # fmt: skip
    assert begun.nonce == recap_nonce(CHANNEL, SLOT) == recap_nonce(CHANNEL, SLOT)
    assert len(begun.nonce) <= 25


async def test_advance_does_not_clobber_a_schedule_replaced_meanwhile(db: Store) -> None:
    """A post finishing after a moderator rescheduled leaves the new slot alone."""
    await db.save_recap_schedule(schedule())
    begun = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW,
    )  # fmt: skip
    replaced_slot = SLOT + timedelta(hours=6)
    await db.save_recap_schedule(schedule(next_slot=replaced_slot))
    await db.finish_recap_post(
        begun.id, state="done", now=SLOT, message_id=1,
        advance=RecapAdvance(CHANNEL, SLOT, SLOT + timedelta(days=1)),
    )  # fmt: skip
    current = await db.recap_schedule(CHANNEL)
    assert current is not None and current.next_slot == replaced_slot


async def test_skipped_slot_is_recorded_and_supersedes_a_stale_pending(db: Store) -> None:
    """A slot beyond grace is recorded 'skipped'; an old pending row becomes skipped too."""
    await db.save_recap_schedule(schedule())
    stale = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled",
        nonce=recap_nonce(CHANNEL, SLOT), now=NOW,
    )  # fmt: skip
    later = SLOT + timedelta(days=2)
    assert await db.supersede_recap_posts(CHANNEL, later, detail="superseded", now=later) == 1
    await db.close_recap_slot(
        guild_id=GUILD, channel_id=CHANNEL, slot=later, nonce=recap_nonce(CHANNEL, later),
        detail="missed by 7h", now=later + timedelta(hours=7),
        advance=RecapAdvance(CHANNEL, SLOT, later + timedelta(days=1)),
    )  # fmt: skip
    states = [(p.id == stale.id, p.state, p.detail) for p in await db.recap_posts(CHANNEL)]
    assert states == [(True, "skipped", "superseded"), (False, "skipped", "missed by 7h")]
    moved = await db.recap_schedule(CHANNEL)
    assert moved is not None and moved.next_slot == later + timedelta(days=1)


async def test_pause_notification_is_claimed_once(db: Store) -> None:
    """Moderators are told of a pause at most once: the first claim wins."""
    await db.save_recap_schedule(schedule())
    await db.pause_recap_schedule(CHANNEL, "Missing Permissions (403)", now=NOW)
    assert await db.claim_recap_pause_notice(CHANNEL) is True
    assert await db.claim_recap_pause_notice(CHANNEL) is False
    await db.release_recap_pause_notice(CHANNEL)  # the message could not be sent
    assert await db.claim_recap_pause_notice(CHANNEL) is True


async def test_last_posts_are_per_channel(db: Store) -> None:
    """Status reads each channel's latest post of this server."""
    await post(db, SLOT)
    await post(db, SLOT + timedelta(days=1))
    await post(db, SLOT, OTHER_CHANNEL)
    last = await db.last_recap_posts(GUILD)
    assert set(last) == {CHANNEL, OTHER_CHANNEL}
    assert last[CHANNEL].slot == SLOT + timedelta(days=1)


# -- which stories -------------------------------------------------------------------------------


async def test_first_recap_features_the_newest_stories_capped(db: Store) -> None:
    """A channel's first recap shows the newest stories, at most ``limit``, newest first."""
    assert await post(db, SLOT, limit=2) == ("new", "mid")
    begun = (await db.recap_posts(CHANNEL))[0]
    assert (begun.archive, begun.more) == (False, 1)


async def test_next_recap_features_only_stories_ingested_since(db: Store) -> None:
    """After a recap, only stories ingested since its last successful post are new."""
    await post(db, SLOT)
    await db.replace_article(article("fresh", date(2021, 3, 1)))  # old date, new ingest
    assert await post(db, SLOT + timedelta(days=1)) == ("fresh",)


async def test_a_failed_post_does_not_count_as_last_recap(db: Store) -> None:
    """Stories of a post that never reached the channel are still new next time."""
    await post(db, SLOT)
    await db.replace_article(article("fresh", date(2021, 5, 1)))
    begun = await db.begin_recap_post(
        guild_id=GUILD, channel_id=CHANNEL, slot=SLOT + timedelta(days=1), kind="scheduled",
        nonce="x", now=SLOT,
    )  # fmt: skip
    await db.finish_recap_post(begun.id, state="failed", now=SLOT, detail="403")
    assert await post(db, SLOT + timedelta(days=2)) == ("fresh",)


async def test_archive_rotation_is_least_recently_featured(db: Store) -> None:
    """With nothing new: never-featured first (older first), then the oldest feature."""
    assert await post(db, SLOT, limit=1) == ("new",)
    day = SLOT
    picks = []
    for _ in range(5):
        day += timedelta(days=1)
        picks.append(await post(db, day))
    # old and mid never featured (older first), then new (featured longest ago), and round.
    assert picks == [("old",), ("mid",), ("new",), ("old",), ("mid",)]
    assert all(p.archive for p in (await db.recap_posts(CHANNEL))[1:])


async def test_archive_rotation_is_per_channel(db: Store) -> None:
    """What one channel featured does not change another channel's rotation."""
    await post(db, SLOT, limit=3)
    await post(db, SLOT + timedelta(days=1))  # archive: "old" in CHANNEL
    assert await post(db, SLOT, OTHER_CHANNEL, limit=1) == ("new",)
    assert await post(db, SLOT + timedelta(days=1), OTHER_CHANNEL) == ("old",)


async def test_manual_posts_count_as_the_channels_recaps(db: Store) -> None:
    """/recaps post takes part in the history: a slot afterwards has nothing new."""
    await post(db, SLOT, kind="manual")
    assert await post(db, SLOT) == ("old",)
    assert [p.kind for p in await db.recap_posts(CHANNEL)] == ["manual", "scheduled"]


async def test_empty_store_begins_a_post_with_no_stories(tmp_path: Path) -> None:
    """With no articles at all, the post has no stories (the runner skips it)."""
    async with await Store.open(tmp_path / "empty.db") as store:
        begun = await store.begin_recap_post(
            guild_id=GUILD, channel_id=CHANNEL, slot=SLOT, kind="scheduled", nonce="n", now=NOW
        )
        assert begun.slugs == ()


# -- migration ----------------------------------------------------------------------------------


async def test_v1_database_migrates_to_v2_in_place_keeping_articles(tmp_path: Path) -> None:
    """A store made before recaps upgrades in place: articles kept, recap tables added."""
    path = tmp_path / "v1.db"
    async with await Store.open(path, migrate=False) as old:
        await old.migrate(MIGRATIONS[:1])
        await old.replace_article(article("kept", date(2021, 4, 20)))
        assert await old.schema_version() == 1
    async with await Store.open(path) as upgraded:
        assert await upgraded.schema_version() == MIGRATIONS[-1].version
        assert [a.slug for a in await upgraded.articles()] == ["kept"]
        assert await post(upgraded, SLOT) == ("kept",)
    with sqlite3.connect(path) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"recap_schedules", "recap_posts", "recap_features"} <= tables


async def test_store_refuses_naive_datetimes(db: Store) -> None:
    """Instants are stored as aware UTC only; a naive one is a programming error."""
    with pytest.raises(ValueError, match="naive"):
        await db.save_recap_schedule(schedule(next_slot=datetime(2025, 1, 1)))
