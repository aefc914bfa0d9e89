"""News feeds: RSS, Atom and JSON Feed polled into articles, each item taken once, new stories
announced exactly once (never on the first poll), failures backed off and paused with a reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web

from bot.errors import FetchError, UserError
from bot.intake import Intake, announce_nonce
from bot.intake.feeds import PAUSE_AFTER, parse_feed
from bot.store import Store
from tests.intake.site import (
    STORIES,
    NewsSite,
    Story,
    article_page,
    atom_feed,
    huge,
    json_feed,
    rss_feed,
    slow,
)

GUILD, CHANNEL = 111111111111111111, 222222222222222222
NOW = datetime(2024, 7, 8, 12, 0, tzinfo=UTC)
#: Every test taking `store` runs on SQLite and on PostgreSQL (tests/store_backends.py).
BOTH_DATABASES = True


def _serve_pages(site: NewsSite, stories: tuple[Story, ...] = STORIES) -> None:
    for story in stories:
        site.page(f"/news/{story.slug}", article_page(story, site.base))


def _rss(site: NewsSite, stories: list[Story], path: str = "/rss.xml") -> str:
    site.page(path, rss_feed(site.base, stories), "application/rss+xml")
    return site.url(path)


async def test_first_poll_takes_every_item_and_announces_none(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, list(STORIES[:3])), GUILD, CHANNEL)
    assert feed.created and feed.title == "Grid Pulse: Formula 1" and not feed.primed
    result = await intake.poll(feed.id, now=NOW)
    assert result.first_poll and result.error is None
    assert {s.article.headline for s in result.added} == {s.headline for s in STORIES[:3]}
    assert result.announce == () and await intake.pending_announcements() == []
    assert len(await store.articles()) == 3
    # Summary-only items: each article was fetched from its link, and attributed.
    assert (await store.quotes(speaker="Fernando Alonso"))[0].source.url == site.url(  # type: ignore[union-attr]
        f"/news/{STORIES[1].slug}"
    )
    assert result.feed.primed and result.feed.items == 3
    assert result.feed.next_poll >= NOW + timedelta(minutes=13)


async def test_later_new_item_is_announced_exactly_once(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    url = _rss(site, list(STORIES[:2]))
    feed = await intake.add_feed(url, GUILD, CHANNEL)
    await intake.poll(feed.id, now=NOW)
    _rss(site, [STORIES[2], *STORIES[:2]])
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=15))
    assert [s.article.headline for s in result.added] == [STORIES[2].headline]
    assert result.unchanged == 2
    [claim] = result.announce
    assert claim.channel_id == CHANNEL and claim.guild_id == GUILD
    assert claim.article.headline == STORIES[2].headline
    assert claim.url == site.url(f"/news/{STORIES[2].slug}")
    assert claim.nonce == announce_nonce(CHANNEL, f"{feed.id}:gp-{STORIES[2].slug}")
    assert len(claim.nonce) <= 25
    assert await intake.pending_announcements() == [claim]
    assert await intake.pending_announcements([GUILD + 1]) == []
    # Polled again (a restart, a second poll): no second claim for the same story.
    again = await intake.poll(feed.id, now=NOW + timedelta(minutes=30))
    assert again.announce == () and again.added == ()
    await intake.announced(claim.id, 999)
    assert await intake.pending_announcements() == []
    done = await store.announcement(claim.id)
    assert done is not None and done.state == "done" and done.message_id == 999


async def test_feed_without_channel_announces_nothing(site: NewsSite, intake: Intake) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [STORIES[0]]))
    await intake.poll(feed.id, now=NOW)
    _rss(site, [STORIES[1], STORIES[0]])
    result = await intake.poll(feed.id, now=NOW + timedelta(hours=1))
    assert len(result.added) == 1 and result.announce == ()


async def test_unchanged_feed_fetches_no_pages(site: NewsSite, intake: Intake) -> None:
    """An identical document is not even parsed; a 304 is not either."""
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, list(STORIES)))
    await intake.poll(feed.id, now=NOW)
    pages = {p: n for p, n in site.hits.items() if p.startswith("/news/")}
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert result.added == () and result.unchanged == len(STORIES) and result.error is None
    assert {p: n for p, n in site.hits.items() if p.startswith("/news/")} == pages


async def test_conditional_poll_uses_etag(site: NewsSite, intake: Intake) -> None:
    _serve_pages(site)
    body = rss_feed(site.base, [STORIES[0]])

    async def feed_handler(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"abc"':
            return web.Response(status=304)
        return web.Response(text=body, content_type="application/rss+xml",
                            headers={"ETag": '"abc"'})  # fmt: skip

    site.route("/etag.xml", feed_handler)
    feed = await intake.add_feed(site.url("/etag.xml"))
    await intake.poll(feed.id, now=NOW)
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert result.error is None and result.unchanged == 1
    assert site.headers_seen["/etag.xml"]["If-None-Match"] == '"abc"'


@pytest.mark.parametrize("kind", ["atom", "json"])
async def test_full_text_feeds_need_no_page_fetch(
    site: NewsSite, intake: Intake, store: Store, kind: str
) -> None:
    """Atom and JSON Feed entries carrying the whole article are taken as they are."""
    stories = list(STORIES)
    if kind == "atom":
        site.page("/feed", atom_feed(site.base, stories), "application/atom+xml")
        prefix = "/atom-only/"
    else:
        site.page("/feed", json_feed(site.base, stories), "application/feed+json")
        prefix = "/json-only/"
    feed = await intake.add_feed(site.url("/feed"))
    result = await intake.poll(feed.id, now=NOW)
    assert result.error is None and result.refused == ()
    assert len(result.added) == len(stories)
    assert not any(p.startswith(prefix) for p in site.hits)  # links never fetched
    by_headline = {a.headline: a for a in await store.articles()}
    for story in stories:
        stored = by_headline[story.headline]
        assert stored.published == story.published
        assert stored.url == site.url(prefix + story.slug)
        assert await store.paragraphs(stored.slug) == list(story.paragraphs)


async def test_item_listed_twice_is_taken_once(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [STORIES[0], STORIES[1], STORIES[0]]))
    result = await intake.poll(feed.id, now=NOW)
    assert len(result.added) == 2
    assert len(await store.articles()) == 2
    assert site.hits[f"/news/{STORIES[0].slug}"] == 1


async def test_same_story_in_two_feeds_is_announced_once_per_channel(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    a = await intake.add_feed(_rss(site, [STORIES[0]], "/a.xml"), GUILD, CHANNEL)
    b = await intake.add_feed(_rss(site, [STORIES[0]], "/b.xml"), GUILD, CHANNEL)
    await intake.poll(a.id, now=NOW)
    await intake.poll(b.id, now=NOW)
    _rss(site, [STORIES[1], STORIES[0]], "/a.xml")
    _rss(site, [STORIES[1], STORIES[0]], "/b.xml")
    first = await intake.poll(a.id, now=NOW + timedelta(hours=1))
    second = await intake.poll(b.id, now=NOW + timedelta(hours=1))
    assert len(first.announce) == 1 and second.announce == ()
    assert len(await intake.pending_announcements()) == 1
    assert len(await store.articles()) == 2


async def test_item_edited_after_the_first_poll_replaces_its_article(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    story = STORIES[0]
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [story]), GUILD, CHANNEL)
    first = await intake.poll(feed.id, now=NOW)
    slug = first.added[0].article.slug
    edited = Story(story.slug, story.headline, story.published, story.author,
                   (*story.paragraphs[:-1], "Norris now trails by thirty-two points."))  # fmt: skip
    site.page(f"/news/{story.slug}", article_page(edited, site.base))
    # The feed's entry changes too (a new summary), which is how an edit shows in a feed.
    opening = story.paragraphs[0][:40]
    listed = rss_feed(site.base, [edited]).replace(opening, "UPDATED " + opening)
    site.page("/rss.xml", listed, "application/rss+xml")
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert [(s.article.slug, s.replaced) for s in result.added] == [(slug, True)]
    assert result.announce == ()  # an edit is never announced again
    assert (await store.paragraphs(slug))[-1] == "Norris now trails by thirty-two points."
    assert len(await store.articles()) == 1


async def test_malformed_xml_is_refused_whole_and_loses_nothing(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    url = _rss(site, list(STORIES[:2]))
    feed = await intake.add_feed(url)
    await intake.poll(feed.id, now=NOW)
    broken = rss_feed(site.base, list(STORIES)).replace("</item>", "", 2)
    site.page("/rss.xml", broken, "application/rss+xml")
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert result.error is not None and "not well-formed XML" in result.error
    assert "\n" not in result.error
    assert result.added == () and len(await store.articles()) == 2
    assert result.feed.failures == 1 and result.feed.last_error == result.error
    assert result.feed.items == 2  # nothing forgotten
    assert result.feed.next_poll > NOW + timedelta(minutes=20) + timedelta(minutes=25)


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(FetchError, match="sent a web page, not an RSS, Atom or JSON feed"):
        parse_feed(b"<html><body><p>hello</p></body></html>", "text/html", "http://x.test/")
    with pytest.raises(FetchError, match="did not send an RSS, Atom or JSON feed"):
        parse_feed(b"<?xml version='1.0'?><note>hi</note>", "text/xml", "http://x.test/")
    with pytest.raises(FetchError, match="not valid JSON"):
        parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", ', "application/json",
                   "http://x.test/f.json")  # fmt: skip


async def test_adding_a_page_that_is_no_feed_stores_nothing(site: NewsSite, intake: Intake) -> None:
    _serve_pages(site)
    with pytest.raises(FetchError, match="sent a web page, not an RSS, Atom or JSON feed"):
        await intake.add_feed(site.url(f"/news/{STORIES[0].slug}"))
    assert await intake.feeds() == []


async def test_disappearing_feed_is_paused_after_repeated_failures(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [STORIES[0]]), GUILD, CHANNEL)
    await intake.poll(feed.id, now=NOW)
    site.page("/rss.xml", "not here", status=404)
    when = NOW
    result = None
    for n in range(1, PAUSE_AFTER + 1):
        when += timedelta(hours=1)
        result = await intake.poll(feed.id, now=when)
        assert result.error is not None and "HTTP 404" in result.error
        assert result.feed.failures == n
        assert (result.feed.paused is None) == (n < PAUSE_AFTER)
    assert result is not None and result.feed.paused is not None
    assert result.feed.paused.startswith(f"failed {PAUSE_AFTER} times in a row; last: ")
    assert await intake.next_due() is None
    assert await intake.poll_due(when + timedelta(days=2)) == []
    assert len(await store.articles()) == 1  # its stories stay
    # Told once: the first claim wins, the second does not.
    assert await intake.claim_pause_notice(feed.id)
    assert not await intake.claim_pause_notice(feed.id)
    # Adding it again resumes it, due now.
    _rss(site, [STORIES[0]])
    again = await intake.add_feed(site.url("/rss.xml"), GUILD, CHANNEL)
    assert not again.created and again.paused is None and again.failures == 0


async def test_gone_feed_is_paused_at_once(site: NewsSite, intake: Intake) -> None:
    feed = await intake.add_feed(_rss(site, []))
    site.page("/rss.xml", "gone", status=410)
    result = await intake.poll(feed.id, now=NOW)
    assert result.feed.paused is not None and "HTTP 410" in result.feed.paused


async def test_passing_item_failure_is_retried_and_then_announced(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    """A story whose page had a server error is not recorded, so the next poll takes it."""
    _serve_pages(site, STORIES[:1])
    feed = await intake.add_feed(_rss(site, [STORIES[0]]), GUILD, CHANNEL)
    await intake.poll(feed.id, now=NOW)
    _rss(site, [STORIES[1], STORIES[0]])
    site.page(f"/news/{STORIES[1].slug}", "down", status=503)
    failed = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert failed.error is None and failed.added == ()
    assert len(failed.refused) == 1 and "HTTP 503" in failed.refused[0]
    _serve_pages(site, STORIES[1:2])
    # The document is the same, but the item was never taken: it must not be skipped.
    retried = await intake.poll(feed.id, now=NOW + timedelta(minutes=40))
    assert [s.article.headline for s in retried.added] == [STORIES[1].headline]
    assert len(retried.announce) == 1


async def test_item_that_is_not_an_article_is_recorded_and_not_fetched_again(
    site: NewsSite, intake: Intake
) -> None:
    _serve_pages(site, STORIES[:1])
    feed = await intake.add_feed(_rss(site, [STORIES[0]]))
    await intake.poll(feed.id, now=NOW)
    _rss(site, [STORIES[1], STORIES[0]])
    site.page(f"/news/{STORIES[1].slug}", "<html><body><p>Video</p></body></html>")
    first = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert "no article text" in first.refused[0]
    site.page("/rss.xml", rss_feed(site.base, [STORIES[1], STORIES[0]]) + " ",
              "application/rss+xml")  # fmt: skip
    await intake.poll(feed.id, now=NOW + timedelta(minutes=40))
    assert site.hits[f"/news/{STORIES[1].slug}"] == 1


async def test_crash_after_storing_before_recording_still_announces_once(
    site: NewsSite, intake: Intake, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between writing the article and recording its item: the next poll finds the
    article by its URL, records the item and claims the announcement, once."""
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [STORIES[0]]), GUILD, CHANNEL)
    await intake.poll(feed.id, now=NOW)
    _rss(site, [STORIES[1], STORIES[0]])
    original = store.record_feed_items

    async def crash(*args: object, **kwargs: object) -> object:
        raise RuntimeError("killed")

    monkeypatch.setattr(store, "record_feed_items", crash)
    with pytest.raises(RuntimeError):
        await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert len(await store.articles()) == 2  # stored, not yet recorded
    monkeypatch.setattr(store, "record_feed_items", original)
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=21))
    assert len(result.announce) == 1
    assert result.announce[0].article.headline == STORIES[1].headline
    assert len(await intake.pending_announcements()) == 1


async def test_poll_due_polls_only_due_feeds(site: NewsSite, intake: Intake) -> None:
    _serve_pages(site)
    a = await intake.add_feed(_rss(site, [STORIES[0]], "/a.xml"))
    await intake.add_feed(_rss(site, [STORIES[1]], "/b.xml"))
    assert await intake.next_due() is not None
    first = await intake.poll_due(datetime.now(UTC) + timedelta(seconds=1))
    assert len(first) == 2
    due = await intake.next_due()
    assert due is not None and due > datetime.now(UTC) + timedelta(minutes=13)
    assert await intake.poll_due(datetime.now(UTC)) == []
    late = await intake.poll_due(datetime.now(UTC) + timedelta(minutes=17))
    assert {r.feed.id for r in late} >= {a.id}


async def test_remove_feed_by_id_or_url_within_its_server(site: NewsSite, intake: Intake) -> None:
    feed = await intake.add_feed(_rss(site, []), GUILD, CHANNEL)
    with pytest.raises(UserError, match="no feed"):
        await intake.remove_feed(str(feed.id), GUILD + 1)
    removed = await intake.remove_feed(str(feed.id), GUILD)
    assert removed.id == feed.id and await intake.feeds(GUILD) == []
    other = await intake.add_feed(site.url("/rss.xml"))
    assert (await intake.remove_feed(site.url("/rss.xml"))).id == other.id


@pytest.mark.parametrize(
    ("break_it", "line"),
    [
        (lambda s: s.route("/rss.xml", slow), "did not answer within"),
        (lambda s: s.route("/rss.xml", huge), "sent more than 5 MB"),
        (lambda s: s.page("/rss.xml", b"GIF89a", content_type="image/gif"), "sent image/gif"),
        (lambda s: s.page("/rss.xml", "boom", status=500), "server error (HTTP 500)"),
    ],
    ids=["slow", "20MB", "image", "500"],
)
async def test_feed_faults_are_counted_backed_off_and_lose_nothing(
    site: NewsSite, intake: Intake, store: Store, break_it: object, line: str
) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, [STORIES[0]]))
    await intake.poll(feed.id, now=NOW)
    break_it(site)  # type: ignore[operator]
    result = await intake.poll(feed.id, now=NOW + timedelta(minutes=20))
    assert result.error is not None and line in result.error and "\n" not in result.error
    assert result.feed.failures == 1 and result.feed.paused is None
    assert result.feed.next_poll > NOW + timedelta(minutes=20) + timedelta(minutes=25)
    assert result.feed.items == 1 and len(await store.articles()) == 1


async def test_a_bug_on_one_item_does_not_stop_the_feed(
    site: NewsSite, intake: Intake, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _serve_pages(site)
    feed = await intake.add_feed(_rss(site, list(STORIES[:2])))
    original = intake._entry_article

    async def flaky(entry: object) -> object:
        if STORIES[0].slug in str(getattr(entry, "link", "")):
            raise RuntimeError("extractor bug")
        return await original(entry)  # type: ignore[arg-type]

    monkeypatch.setattr(intake, "_entry_article", flaky)
    result = await intake.poll(feed.id, now=NOW)
    assert [s.article.headline for s in result.added] == [STORIES[1].headline]
    assert "internal error" in result.refused[0]
