"""Intake's settings, and the store records it keeps: text hashes, deletion, claims."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.models import Article, Person, Quote
from bot.store import FeedItem, Store, text_hash

NOW = datetime(2024, 7, 8, 12, 0, tzinfo=UTC)


def test_intake_defaults() -> None:
    settings = load_settings(env_file=None, environ={})
    assert settings.feed_interval == timedelta(minutes=15)
    assert settings.allow_private_urls is False
    assert settings.fetch_timeout == timedelta(seconds=20)
    assert settings.host_interval == timedelta(seconds=3)


def test_intake_overrides() -> None:
    settings = load_settings(
        env_file=None,
        environ={"PITWALL_FEED_INTERVAL": "5m", "PITWALL_ALLOW_PRIVATE_URLS": "1",
                 "PITWALL_FETCH_TIMEOUT": "3s", "PITWALL_HOST_INTERVAL": "0s"},
    )  # fmt: skip
    assert settings.feed_interval == timedelta(minutes=5)
    assert settings.allow_private_urls is True
    assert settings.fetch_timeout == timedelta(seconds=3)
    assert settings.host_interval == timedelta(0)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PITWALL_FEED_INTERVAL", "10s", "at least 1m"),
        ("PITWALL_FEED_INTERVAL", "often", "must be a duration"),
        ("PITWALL_ALLOW_PRIVATE_URLS", "maybe", "must be 0 or 1"),
        ("PITWALL_FETCH_TIMEOUT", "0s", "more than 0s"),
        ("PITWALL_HOST_INTERVAL", "2h", "at most 10m"),
    ],
)
def test_bad_intake_settings_name_themselves(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as err:
        load_settings(env_file=None, environ={name: value})
    assert name in str(err.value)


def _article(slug: str, paragraphs: tuple[str, ...], url: str | None = None) -> Article:
    quote = Quote("Lando Norris", "It was perfect", "direct", "after the race", 1, 1)
    return Article(
        slug=slug, published=date(2024, 7, 7), headline=f"Story {slug}", paragraphs=paragraphs,
        content_hash=slug + str(len(paragraphs)), people=(Person("Lando Norris"),),
        quotes=(quote,), url=url,
    )  # fmt: skip


def test_text_hash_ignores_wrapping_only() -> None:
    assert text_hash(["a  b\nc", "d"]) == text_hash(["a b c", " d "])
    assert text_hash(["a b c", "d"]) != text_hash(["a b", "c d"])


async def test_url_and_text_hash_are_stored_and_found(store: Store) -> None:
    await store.replace_article(_article("a", ("One.", "Two."), "https://x.example/a"))
    [found] = await store.articles_with_url("https://x.example/a")
    assert found.summary.slug == "a" and found.text_hash == text_hash(["One.", "Two."])
    assert [a.summary.slug for a in await store.articles_with_text(found.text_hash)] == ["a"]
    assert (await store.article("a")).url == "https://x.example/a"  # type: ignore[union-attr]


async def test_text_hashes_of_older_articles_are_filled_in(store: Store) -> None:
    await store.replace_article(_article("old", ("Typed by hand.",)))
    await store.db.execute("UPDATE articles SET text_hash = NULL")
    found = await store.articles_with_text(text_hash(["Typed by hand."]))
    assert [a.summary.slug for a in found] == ["old"]


async def test_delete_article_takes_its_rows_and_lonely_people(store: Store) -> None:
    await store.replace_article(_article("a", ("One.",)))
    await store.replace_article(_article("b", ("Two.",)))
    await store.delete_article("a")
    assert [a.slug for a in await store.articles()] == ["b"]
    assert [p.name for p in await store.people()] == ["Lando Norris"]
    await store.delete_article("b")
    assert await store.people() == [] and await store.quotes() == []
    assert await store.delete_article("b") is None


async def test_announcement_claim_is_once_per_channel_and_story(store: Store) -> None:
    await store.replace_article(_article("a", ("One.",)))
    feed, new = await store.add_feed("https://f.example/rss", guild_id=1, channel_id=2,
                                     title="F", now=NOW)  # fmt: skip
    assert new
    item = FeedItem("k1", "fp", "https://x.example/a", "a")
    [claim] = await store.record_feed_items(feed.id, [item], [("k1", "a", "n1")], now=NOW)
    assert claim.state == "pending" and claim.nonce == "n1" and claim.channel_id == 2
    again = await store.record_feed_items(feed.id, [item], [("k1", "a", "n1")], now=NOW)
    assert again == []
    await store.finish_announcement(claim.id, state="done", now=NOW, message_id=5)
    await store.finish_announcement(claim.id, state="failed", now=NOW, detail="late")
    done = await store.announcement(claim.id)
    assert done is not None and done.state == "done" and done.message_id == 5
    # Removing the feed keeps the sent announcement's record; removing the story drops it.
    assert await store.delete_feed(feed.id)
    assert (await store.announcement(claim.id)) is not None
    await store.delete_article("a")
    assert await store.announcement(claim.id) is None
