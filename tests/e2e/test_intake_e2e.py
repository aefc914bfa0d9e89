"""Articles and news feeds end to end: the real bot, the local Discord, a local news site.

The bot reaches the site on 127.0.0.1 only because the tests set PITWALL_ALLOW_PRIVATE_URLS=1.
It runs through tests/e2e/feed_launcher.py, whose file-driven clock makes a feed due in
milliseconds instead of fifteen minutes. Every story here is invented.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.e2e.clock_launcher import set_clock
from tests.e2e.feed_launcher import KILL_STEPS
from tests.e2e.helpers import is_ephemeral, text_of
from tests.e2e.site import LocalSite, Story, rss
from tests.emulator import DiscordEmulator, StoredMessage
from tests.emulator.fixtures import BotProcess, Launcher

pytestmark = [pytest.mark.e2e]

ENTRY = "tests.e2e.feed_launcher:main"
POSTS_ROUTE = r"^/channels/{}/messages$"

MELBOURNE = Story(
    "/f1/norris-melbourne-rain.html",
    "Norris keeps his nerve in the Melbourne rain",
    date(2025, 3, 16),
    (
        "Lando Norris won a rain-hit Australian Grand Prix on Sunday, holding off Max Verstappen "
        "over the final laps as the track dried and the barriers waited.",
        '"The tyres were on a knife edge in those last ten laps, and I just kept breathing," '
        "Norris said after the race.",
        "Verstappen finished less than a second behind. "
        '"We lacked grip on the intermediates when it mattered," Verstappen said.',
        "George Russell completed the podium for Mercedes after a quiet afternoon.",
    ),
)
SHANGHAI = Story(
    "/f1/piastri-shanghai-sprint.html",
    "Piastri calm as Shanghai turns into a tyre puzzle",
    date(2025, 3, 23),
    (
        "Oscar Piastri controlled the Chinese Grand Prix from pole position, managing a "
        "graining front-left tyre through two long stints.",
        '"It was about patience more than pace, honestly, the car did the rest," Piastri said.',
        "Lando Norris recovered from a brake problem to finish second, while George Russell "
        "held off the Ferraris for a lonely third place after an early safety car.",
        "The team now heads to Japan with both drivers inside the top three of the standings "
        "and a car that looks happy on every kind of circuit so far.",
    ),
)
SUZUKA = Story(
    "/f1/verstappen-suzuka-pole-to-flag.html",
    "Verstappen turns Suzuka pole into a measured win",
    date(2025, 4, 6),
    (
        "Max Verstappen won the Japanese Grand Prix from pole, resisting pressure from both "
        "McLarens for fifty-three laps at Suzuka.",
        '"Honestly the first sector felt like driving on rails today," Verstappen told reporters.',
        "Lando Norris was second and Oscar Piastri third, with the three cars covered by "
        "barely two seconds at the flag after a race without a single safety car.",
        "The result keeps the championship fight open going into the spring races, with the "
        "McLaren drivers still ahead on points but no longer ahead on pace.",
    ),
)


@dataclass
class Rig:
    """One test's world: the local Discord, the local news site, a store, a data dir, a clock."""

    emulator: DiscordEmulator
    site: LocalSite
    launch: Launcher
    tmp: Path

    @property
    def database(self) -> Path:
        return self.tmp / "pitwall.db"

    async def start(self, *, kill_at: str | None = None, wait: bool = True) -> BotProcess:
        env = {
            "PITWALL_DATABASE": str(self.database),
            "PITWALL_DATA_DIR": str(self.tmp / "data"),
            "PITWALL_TEST_CLOCK": str(self.tmp / "clock"),
            "PITWALL_ALLOW_PRIVATE_URLS": "1",
            "PITWALL_HOST_INTERVAL": "0s",
            "PITWALL_FETCH_TIMEOUT": "5s",
            "LOG_LEVEL": "INFO",
        }
        if kill_at is not None:
            env["PITWALL_TEST_KILL_AT"] = kill_at
        proc = await self.launch(env=env, entry=ENTRY)
        if wait:
            await proc.wait_ready(timeout=30)
        return proc

    def at(self, instant: datetime) -> None:
        set_clock(self.tmp / "clock", instant)

    async def command(
        self, name: str, options: dict[str, Any] | None = None, *, user: Any = None
    ) -> dict[str, Any]:
        """Run a slash command (as the moderator by default) and return its visible answer."""
        rec = await self.emulator.send_command(
            name, options or {}, user=user or self.emulator.moderator
        )
        return await rec.wait_final(timeout=20)

    def posts(self, channel_id: int) -> list[StoredMessage]:
        return [m for m in self.emulator.channel_history(channel_id) if m.by_bot]

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.database, timeout=5) as db:
            return db.execute(sql, params).fetchall()

    def publish_feed(self, *stories: Story) -> None:
        self.site.put("/feed.xml", rss("Paddock Daily", self.site.base, list(stories)),
                      "application/rss+xml")  # fmt: skip


async def eventually(check: Any, what: str, within: float = 15.0) -> None:
    """Wait until ``check()`` holds, for state outside the emulator (the database, the site)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


@pytest_asyncio.fixture
async def rig(
    emulator: DiscordEmulator, bot_launcher: Launcher, tmp_path: Path
) -> AsyncIterator[Rig]:
    site = await LocalSite().start()
    (tmp_path / "data" / "articles").mkdir(parents=True)
    made = Rig(emulator, site, bot_launcher, tmp_path)
    made.at(datetime.now(UTC))
    try:
        yield made
    finally:
        await site.stop()


def attachment(rig: Rig, path: str, filename: str) -> dict[str, Any]:
    """An attachment option as Discord resolves it; its file is served by the local site."""
    size = len(rig.site.routes[path][2])
    url = rig.site.url(path)
    return {"id": "1357924680135792468", "filename": filename, "size": size, "url": url,
            "proxy_url": url, "content_type": "text/html"}  # fmt: skip


# -- one article from a link ---------------------------------------------------------------


async def test_moderator_adds_a_link_and_fans_can_ask_about_it(rig: Rig) -> None:
    """/articles add url: answers with the story; /whosaid then finds its quote, with the link."""
    rig.site.publish(MELBOURNE)
    await rig.start()
    url = rig.site.url(MELBOURNE.path)
    answer = await rig.command("articles add", {"url": url})
    assert is_ephemeral(answer)
    text = answer["content"]
    assert text.startswith("Added:"), text
    assert MELBOURNE.headline in text and "16 March 2025" in text and url in text
    assert "2 quotes" in text, text
    assert list((rig.tmp / "data" / "articles").iterdir()), "the source file is under data/"

    found = await rig.emulator.send_command(
        "whosaid", {"phrase": "knife edge in those last ten laps"}, user=rig.emulator.member
    )
    message = await found.wait_final(timeout=10)
    said = text_of(message)
    assert "Lando Norris" in said, said
    assert url in json.dumps(message), "the citation links to the original article"

    listed = await rig.command("articles list")
    assert MELBOURNE.headline in text_of(listed)

    (choice,) = await rig.emulator.send_autocomplete(
        "articles remove", {"article": "melbourne"}, focused="article", user=rig.emulator.moderator
    )
    removed = await rig.command("articles remove", {"article": choice["value"]})
    assert removed["content"].startswith("Removed:") and MELBOURNE.headline in removed["content"]
    gone = await rig.emulator.send_command(
        "whosaid", {"phrase": "knife edge in those last ten laps"}, user=rig.emulator.member
    )
    assert "Lando Norris" not in text_of(await gone.wait_final(timeout=10))
    assert rig.rows("SELECT count(*) FROM articles") == [(0,)]


async def test_moderator_adds_a_saved_page_as_an_attachment(rig: Rig) -> None:
    """/articles add file: takes an uploaded .html page; its quotes are answerable at once."""
    rig.site.publish(SUZUKA)
    await rig.start()
    upload = attachment(rig, SUZUKA.path, "suzuka.html")
    answer = await rig.command("articles add", {"file": upload})
    assert is_ephemeral(answer) and answer["content"].startswith("Added:"), answer["content"]
    assert SUZUKA.headline in answer["content"] and "6 April 2025" in answer["content"]
    found = await rig.emulator.send_command(
        "whosaid", {"phrase": "driving on rails"}, user=rig.emulator.member
    )
    assert "Max Verstappen" in text_of(await found.wait_final(timeout=10))
    both = await rig.command("articles add", {"url": rig.site.url(SUZUKA.path), "file": upload})
    assert "one" in both["content"], both["content"]


async def test_plain_member_is_refused_and_nothing_is_fetched(rig: Rig) -> None:
    """Without Manage Server, /articles and /feeds refuse privately and touch nothing."""
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    await rig.start()
    member = rig.emulator.member
    for name, options in (
        ("articles add", {"url": rig.site.url(MELBOURNE.path)}),
        ("articles list", {}),
        ("feeds add", {"url": rig.site.url("/feed.xml")}),
        ("feeds list", {}),
    ):
        answer = await rig.command(name, options, user=member)
        assert is_ephemeral(answer)
        assert "Manage Server" in answer["content"], (name, answer["content"])
    assert sum(rig.site.hits.values()) == 0
    assert rig.rows("SELECT count(*) FROM articles") == [(0,)]
    assert rig.rows("SELECT count(*) FROM feeds") == [(0,)]


async def test_bad_links_get_one_clear_line(rig: Rig) -> None:
    """A missing page, a local path or both options at once: one private line, nothing stored."""
    await rig.start()
    missing = await rig.command("articles add", {"url": rig.site.url("/gone.html")})
    assert is_ephemeral(missing) and "404" in missing["content"], missing["content"]
    local = await rig.command("articles add", {"url": "/etc/passwd"})
    assert "https://" in local["content"], local["content"]
    assert rig.rows("SELECT count(*) FROM articles") == [(0,)]


# -- news feeds ---------------------------------------------------------------------------------


async def subscribe(rig: Rig, channel_id: int) -> None:
    """Follow the site's feed with announcements in ``channel_id``; wait for its first poll."""
    answer = await rig.command(
        "feeds add", {"url": rig.site.url("/feed.xml"), "channel": channel_id}
    )
    assert is_ephemeral(answer) and "Following" in answer["content"], answer["content"]
    rig.at(datetime.now(UTC) + timedelta(seconds=5))  # the new feed is due now: poll it
    await eventually(lambda: rig.rows("SELECT primed FROM feeds") == [(1,)], "the first poll")


@pytest.mark.parametrize(
    "step", [pytest.param(s, marks=[] if s == "sent" else [pytest.mark.slow]) for s in KILL_STEPS]
)
async def test_new_story_is_announced_once_across_a_kill(rig: Rig, step: str) -> None:
    """First poll announces nothing; a later story is posted exactly once despite SIGKILL."""
    news = await rig.emulator.add_channel("news")
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    proc = await rig.start()
    await subscribe(rig, news.id)
    # The back catalogue is learnt, not announced: not even a claim is recorded for it.
    assert rig.rows("SELECT count(*) FROM feed_announcements") == [(0,)]
    assert rig.posts(news.id) == []
    assert rig.rows("SELECT count(*) FROM articles") == [(1,)]
    assert await proc.terminate() == 0

    rig.site.publish(SHANGHAI)
    rig.publish_feed(SHANGHAI, MELBOURNE)
    crashing = await rig.start(kill_at=step)
    rig.at(datetime.now(UTC) + timedelta(days=1))  # well past the next poll, whatever the jitter
    assert await crashing.wait(timeout=30) == -9
    assert f"KILLED at feed step {step} " in crashing.output()

    await rig.start()
    await eventually(
        lambda: rig.rows("SELECT state FROM feed_announcements") == [("done",)], "the post done"
    )
    await asyncio.sleep(0.3)
    posts = rig.posts(news.id)
    assert len(posts) == 1, [text_of(p.data) for p in posts]
    assert SHANGHAI.headline in text_of(posts[0].data)
    assert posts[0].data.get("mentions") in (None, [])
    sends = rig.emulator.requests_to(POSTS_ROUTE.format(news.id), "POST")
    # Killed between the POST and 'done', the restart resent the same nonce and the local
    # Discord answered with the message it already had.
    assert len(sends) == (2 if step == "sent" else 1)


async def test_announcement_left_pending_is_found_after_discord_forgot_its_nonce(rig: Rig) -> None:
    """Killed after the post, down past Discord's nonce memory: read back, not posted again."""
    news = await rig.emulator.add_channel("news")
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    proc = await rig.start()
    await subscribe(rig, news.id)
    assert await proc.terminate() == 0
    rig.site.publish(SHANGHAI)
    rig.publish_feed(SHANGHAI, MELBOURNE)
    # Due now by the store rather than by moving the clock ahead: the read-back looks from
    # when the announcement was recorded, and the local Discord stamps messages in real time.
    polled_at = datetime.now(UTC).replace(microsecond=0)
    earlier = (polled_at - timedelta(minutes=1)).isoformat()
    rig.rows("UPDATE feeds SET next_poll = ?", earlier)
    rig.at(polled_at)
    crashing = await rig.start(kill_at="sent")
    assert await crashing.wait(timeout=30) == -9
    assert rig.rows("SELECT state FROM feed_announcements") == [("pending",)]

    rig.emulator.forget_nonces()  # more than a few minutes down: the nonce is no help
    rig.at(polled_at + timedelta(minutes=10))
    restarted = await rig.start()
    await eventually(
        lambda: rig.rows("SELECT state FROM feed_announcements") == [("done",)], "the post done"
    )
    await asyncio.sleep(0.3)
    posts = rig.posts(news.id)
    assert len(posts) == 1, [text_of(p.data) for p in posts]
    assert rig.rows("SELECT message_id FROM feed_announcements") == [(posts[0].id,)]
    assert len(rig.emulator.requests_to(POSTS_ROUTE.format(news.id), "POST")) == 1
    assert rig.emulator.requests_to(POSTS_ROUTE.format(news.id), "GET"), "no read-back"
    assert "already in the channel" in restarted.output()


async def test_failing_feed_is_paused_told_once_and_the_bot_keeps_answering(rig: Rig) -> None:
    """A feed that keeps failing is paused; moderators hear it once; fans still get answers."""
    news = await rig.emulator.add_channel("news")
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    proc = await rig.start()
    await subscribe(rig, news.id)
    rig.site.put("/feed.xml", "<rss><channel><item>", "application/rss+xml", status=500)
    instant = datetime.now(UTC)
    for failures in range(1, 21):  # a day apart: past any backoff (at most 12 h)
        instant += timedelta(days=1)
        rig.at(instant)
        await eventually(
            lambda: rig.rows("SELECT failures FROM feeds")[0][0] >= failures,  # noqa: B023
            f"failed poll {failures}",
        )
        if rig.rows("SELECT paused_reason IS NOT NULL FROM feeds") == [(1,)]:
            break
    await eventually(
        lambda: rig.rows("SELECT paused_reason IS NOT NULL FROM feeds") == [(1,)], "the pause"
    )
    system = rig.emulator.guild.system_channel_id
    assert system is not None
    notice = await rig.emulator.wait_for_channel_message(system, timeout=10)
    assert "paused" in notice["content"] and "/feeds add" in notice["content"]
    listed = await rig.command("feeds list")
    assert "Paused" in listed["content"], listed["content"]
    assert "paused" not in listed["content"].split("News feeds", 1)[0]  # no second notice
    assert len(rig.posts(system)) == 1
    assert rig.posts(news.id) == []
    found = await rig.emulator.send_command(
        "whosaid", {"phrase": "knife edge"}, user=rig.emulator.member
    )
    assert "Lando Norris" in text_of(await found.wait_final(timeout=10))
    assert "Traceback" not in proc.output()  # expected failures are one line each, not crashes


async def test_feeds_list_and_remove(rig: Rig) -> None:
    """/feeds list shows each feed and its state; remove (by autocomplete) keeps its stories."""
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    await rig.start()
    answer = await rig.command("feeds add", {"url": rig.site.url("/feed.xml")})
    assert "Following **Paddock Daily**" in answer["content"], answer["content"]
    assert "without being announced" in answer["content"]
    rig.at(datetime.now(UTC) + timedelta(seconds=5))
    await eventually(lambda: rig.rows("SELECT primed FROM feeds") == [(1,)], "the first poll")
    listed = await rig.command("feeds list")
    assert "News feeds (1)" in listed["content"] and "1 stories taken" in listed["content"]
    assert "not announced" in listed["content"] and "Last check:" in listed["content"]
    (choice,) = await rig.emulator.send_autocomplete(
        "feeds remove", {"feed": "paddock"}, focused="feed", user=rig.emulator.moderator
    )
    removed = await rig.command("feeds remove", {"feed": choice["value"]})
    assert "No longer following" in removed["content"], removed["content"]
    assert "No news feeds" in (await rig.command("feeds list"))["content"]
    assert rig.rows("SELECT count(*) FROM articles") == [(1,)]


async def test_deleted_channel_pauses_its_feed_and_moderators_are_told_once(rig: Rig) -> None:
    """Announcing into a deleted channel pauses the feed (404), told once; /feeds add resumes."""
    news = await rig.emulator.add_channel("news")
    rig.site.publish(MELBOURNE)
    rig.publish_feed(MELBOURNE)
    await rig.start()
    await subscribe(rig, news.id)
    await rig.emulator.delete_channel(news.id)
    rig.site.publish(SHANGHAI)
    rig.publish_feed(SHANGHAI, MELBOURNE)
    rig.at(datetime.now(UTC) + timedelta(days=1))
    system = rig.emulator.guild.system_channel_id
    assert system is not None
    notice = await rig.emulator.wait_for_channel_message(system, timeout=15)
    assert "is paused" in notice["content"] and "404" in notice["content"], notice["content"]
    assert rig.rows("SELECT state FROM feed_announcements") == [("failed",)]
    listed = await rig.command("feeds list")
    assert "Paused" in listed["content"] and "does not exist" in listed["content"]
    assert len(rig.posts(system)) == 1
    other = await rig.emulator.add_channel("news-2")
    resumed = await rig.command(
        "feeds add", {"url": rig.site.url("/feed.xml"), "channel": other.id}
    )
    assert "resumed" in resumed["content"], resumed["content"]
    assert f"announced in <#{other.id}>" in resumed["content"]
    assert "Paused" not in (await rig.command("feeds list"))["content"]


HOSTILE = [
    ("articles remove", {"article": "@everyone <@1234567890123456> **x**" * 2}, "no article"),
    ("feeds remove", {"feed": "@here " * 300}, "no feed"),
    ("feeds remove", {"feed": "99999"}, "no feed"),
    ("feeds add", {"url": "file:///etc/passwd"}, "https://"),
    ("feeds add", {"url": "@everyone"}, "https://"),
    ("articles add", {"url": "ftp://127.0.0.1/x.html"}, "https://"),
]


async def test_hostile_or_unknown_values_get_one_private_line(rig: Rig) -> None:
    """Unknown or hostile values: one short private answer each, no ping, nothing fetched."""
    proc = await rig.start()
    for name, options, says in HOSTILE:
        answer = await rig.command(name, options)
        assert is_ephemeral(answer) and says in answer["content"], (name, answer["content"])
        assert len(answer["content"]) <= 2000 and not answer.get("mentions")
    assert sum(rig.site.hits.values()) == 0
    assert "Traceback" not in proc.output()
