"""Two processes claiming one recap slot at once, on either database: one row, no error."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from bot.scheduling import recap_nonce
from bot.store import RecapPost, Store
from tests.test_recaps_store import CHANNEL, GUILD, SLOT, article

BOTH_DATABASES = True


async def _claim(target: Path | str, start: asyncio.Event) -> RecapPost:
    """One process: its own store (its own connections), claiming the slot on the signal."""
    async with await Store.open(target) as store:
        await start.wait()
        return await store.begin_recap_post(
            guild_id=GUILD,
            channel_id=CHANNEL,
            slot=SLOT,
            kind="scheduled",
            nonce=recap_nonce(CHANNEL, SLOT),
            now=SLOT,
        )


async def test_concurrent_claims_of_one_slot_make_one_pending_row(
    store_target: Path | str,
) -> None:
    """Both claimers get the same pending post (same stories, same nonce); neither fails.

    The row alone does not decide who sends: both find it, as a restart does. The instance
    guard's claim does (tests/test_instance_lock.py); this checks the row stays single.
    """
    async with await Store.open(store_target) as store:
        await store.replace_article(article("story", date(2021, 4, 1)))
    start = asyncio.Event()
    claims = [asyncio.create_task(_claim(store_target, start)) for _ in range(4)]
    await asyncio.sleep(0.2)  # every store open, waiting for the signal
    start.set()
    posts = await asyncio.gather(*claims)
    assert {p.id for p in posts} == {posts[0].id}
    assert {p.nonce for p in posts} == {recap_nonce(CHANNEL, SLOT)}
    assert all(p.state == "pending" and p.slugs == ("story",) for p in posts)
    async with await Store.open(store_target) as store:
        assert [p.id for p in await store.recap_posts(CHANNEL)] == [posts[0].id]
