"""A local news site on 127.0.0.1 for the intake tests: pages and feeds shaped like real ones.

Every story here is invented for the tests (real drivers and teams, words they never said):
Pitwall answers from real reporting, and these quotes were never reported. Pages carry what
real news pages carry around the article: navigation, a cookie banner, a share bar, a
related-stories list, comments, JSON-LD NewsArticle and OpenGraph metadata, an AMP variant,
and a page whose date is only in the byline text. Tests change what a path answers while
the server runs (``site.route``), to edit an item or make a feed disappear.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from html import escape

from aiohttp import web

__all__ = [
    "BOILERPLATE",
    "STORIES",
    "NewsSite",
    "Story",
    "amp_page",
    "article_page",
    "atom_feed",
    "byline_page",
    "huge",
    "json_feed",
    "paywall_page",
    "rss_feed",
    "slow",
    "video_page",
]

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Story:
    slug: str
    headline: str
    published: date
    author: str
    paragraphs: tuple[str, ...]


STORIES: tuple[Story, ...] = (
    Story(
        "norris-holds-off-verstappen",
        "Norris holds off Verstappen to win in the wet",
        date(2024, 7, 7),
        "Dana Whitfield",
        (
            "Lando Norris held off Max Verstappen through a late shower on Sunday to take a "
            "win that McLaren had chased all season, the gap never more than two seconds over "
            "the final twelve laps.",
            "\u201cI could see him in the mirrors every corner, but the car was perfect on the "
            "intermediates,\u201d Norris said after climbing from the car.",
            "Verstappen was philosophical about second place. \u201cWe lost it at the stop, "
            "not on track,\u201d he told reporters. \u201cThe crew did everything right, the "
            "rain just came one lap too late for us.\u201d",
            "McLaren team principal Andrea Stella praised the strategy call that brought Norris "
            "in a lap before the rain intensified.",
            "The result moves Norris to within forty points of the championship lead with ten "
            "rounds remaining.",
        ),
    ),
    Story(
        "alonso-praises-aston-upgrade",
        "Alonso says Aston Martin upgrade is a step forward",
        date(2024, 6, 21),
        "Marco Bellini",
        (
            "Fernando Alonso said on Friday that Aston Martin's new floor had given him a car he "
            "could finally lean on through the fast corners, after two difficult months.",
            "\u201cIt is the first time this year that the balance stays where I put it,\u201d "
            "Alonso said. \u201cWe are not fighting for wins yet, but we are not guessing any "
            "more.\u201d",
            "Team-mate Lance Stroll was more cautious, saying the team needed another weekend "
            "of data before judging the package.",
            "Aston Martin brought the upgrade two races earlier than planned after strong "
            "correlation between the wind tunnel and the simulator.",
        ),
    ),
    Story(
        "hamilton-pole-silverstone",
        "Hamilton takes an emotional pole at Silverstone",
        date(2024, 7, 6),
        "Dana Whitfield",
        (
            "Lewis Hamilton took pole position at Silverstone on Saturday, his first at the "
            "circuit in three years, beating team-mate George Russell by four hundredths.",
            "\u201cThis crowd carries you through Copse,\u201d Hamilton said. \u201cI have had "
            "some hard days in this car, and today it came alive.\u201d",
            "Russell admitted he had left time on the table in the final sector. \u201cI "
            "overdid it into Stowe and that was the session,\u201d he said.",
            "Mercedes locked out the front row for the first time this season, with both cars "
            "running the revised front wing introduced in Austria.",
        ),
    ),
    Story(
        "piastri-first-podium-home",
        "Piastri thrilled with first home podium",
        date(2024, 3, 24),
        "Sam Carter",
        (
            "Oscar Piastri finished third in Melbourne on Sunday to take his first podium in "
            "front of a home crowd, after a measured drive on the hard tyres.",
            "\u201cStanding up there with the whole grandstand singing was something I will not "
            "forget,\u201d Piastri said. \u201cI tried to keep my head down and bring it "
            "home.\u201d",
            "McLaren had feared heavy degradation after Friday's long runs, but the cooler "
            "conditions on race day kept the rear tyres alive.",
            "Piastri said he would spend the break at home before heading to Japan.",
        ),
    ),
)

#: Text that must never reach an article's paragraphs: navigation, consent, sharing, related
#: stories, comments, the footer.
BOILERPLATE = (
    "Latest News",
    "We use cookies",
    "Share on",
    "Related stories",
    "Gerry42",
    "This is rubbish",
    "All rights reserved",
    "Sign up to our newsletter",
)


def _chrome_top(base: str) -> str:
    return f"""
<header class="site-header"><a href="{base}/">Grid Pulse</a>
<nav class="main-nav"><ul><li><a href="{base}/news">Latest News</a></li>
<li><a href="{base}/results">Results</a></li><li><a href="{base}/standings">Standings</a></li>
<li><a href="{base}/video">Video</a></li></ul></nav></header>
<div id="cookie-banner" class="consent"><p>We use cookies to improve your experience and to
show you relevant advertising. By continuing you accept our cookie policy.</p>
<button>Accept all</button><button>Manage preferences</button></div>
"""


def _chrome_bottom(base: str) -> str:
    return f"""
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="{base}/a/1">Related stories: Sainz signs for Williams in surprise move</a></li>
<li><a href="{base}/a/2">Five things we learned from the Austrian Grand Prix weekend</a></li>
<li><a href="{base}/a/3">Opinion: why the midfield has never been closer than this</a></li>
</ul></aside>
<section id="comments" class="comments"><h3>Comments (2)</h3>
<div class="comment"><span class="comment-author">Gerry42</span>
<p>This is rubbish, the stewards should have looked at turn four again and again.</p></div>
<div class="comment"><span class="comment-author">PitLaneFan</span>
<p>Gerry42 you say that every week, mate. Great drive, deserved it completely.</p></div>
</section>
<div class="newsletter"><p>Sign up to our newsletter for the latest paddock news.</p></div>
<footer><p>© 2024 Grid Pulse Media. All rights reserved.</p>
<a href="{base}/privacy">Privacy</a> <a href="{base}/terms">Terms</a></footer>
"""


def _share_bar() -> str:
    return """<div class="share-bar"><span>Share on</span> <a href="#">Facebook</a>
<a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>"""


def _body(story: Story) -> str:
    return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in story.paragraphs)


def article_page(story: Story, base: str, *, path: str | None = None) -> str:
    """A full news page with JSON-LD NewsArticle, OpenGraph, a canonical and an AMP link."""
    canonical = f"{base}/news/{story.slug}"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "datePublished": f"{story.published.isoformat()}T18:30:00+01:00",
        "dateModified": f"{story.published.isoformat()}T21:00:00+01:00",
        "author": [{"@type": "Person", "name": story.author}],
        "publisher": {"@type": "Organization", "name": "Grid Pulse"},
        "mainEntityOfPage": canonical,
    }
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(story.headline)} | Grid Pulse</title>
<link rel="canonical" href="{canonical}">
<link rel="amphtml" href="{base}/amp/{story.slug}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(story.headline)}">
<meta property="og:url" content="{canonical}">
<meta property="og:site_name" content="Grid Pulse">
<meta property="article:published_time" content="{story.published.isoformat()}T18:30:00+01:00">
<meta name="author" content="{escape(story.author)}">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
{_chrome_top(base)}
<main><article class="story">
<h1 class="headline">{escape(story.headline)}</h1>
<div class="byline">By <a rel="author" href="{base}/authors/x">{escape(story.author)}</a>
<time datetime="{story.published.isoformat()}">{story.published:%d %B %Y}</time></div>
{_share_bar()}
<div class="story-body">
{_body(story)}
</div>
{_share_bar()}
</article></main>
{_chrome_bottom(base)}
</body></html>"""


def amp_page(story: Story, base: str) -> str:
    """The AMP variant: other markup, the same story, canonical pointing at the full page."""
    canonical = f"{base}/news/{story.slug}"
    return f"""<!doctype html>
<html ⚡ lang="en"><head><meta charset="utf-8">
<title>{escape(story.headline)}</title>
<link rel="canonical" href="{canonical}">
<meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<style amp-boilerplate>body{{visibility:hidden}}</style>
<script type="application/ld+json">{
        json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": story.headline,
                "datePublished": story.published.isoformat(),
                "author": {"@type": "Person", "name": story.author},
            }
        )
    }</script>
</head><body>
<amp-sidebar id="menu" layout="nodisplay"><ul><li>Latest News</li><li>Results</li></ul>
</amp-sidebar>
<amp-consent id="consent" layout="nodisplay"><div><p>We use cookies to measure our
audience.</p><button>Accept all</button></div></amp-consent>
<article><header><h1>{escape(story.headline)}</h1>
<p class="meta">By {escape(story.author)}</p></header>
{_body(story)}
</article>
{_share_bar()}
<footer><p>© 2024 Grid Pulse Media. All rights reserved.</p></footer>
</body></html>"""


def byline_page(story: Story, base: str) -> str:
    """No metadata at all: the date is only in the byline text."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(story.headline)} - Paddock Diary</title>
</head><body>
<div class="topbar"><a href="{base}/">Paddock Diary</a> | <a href="{base}/news">Latest News</a>
| <a href="{base}/about">About</a></div>
<div id="content"><div class="post">
<h2 class="post-title">{escape(story.headline)}</h2>
<p class="byline">By {escape(story.author)} | {story.published:%-d %B %Y}</p>
{_body(story)}
</div></div>
{_chrome_bottom(base)}
</body></html>"""


def paywall_page(base: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Inside Ferrari's new simulator | Grid Pulse
</title></head><body>{_chrome_top(base)}
<article><h1>Inside Ferrari's new simulator</h1>
<p>Ferrari has opened the doors to its new simulator building.</p>
<div class="paywall"><p>Subscribe to continue reading.</p><button>Subscribe</button>
<p>Already a subscriber? Log in</p></div></article></body></html>"""


def video_page(base: str) -> str:
    return f"""<!DOCTYPE html><html><head><title>Watch: onboard pole lap | Grid Pulse</title>
</head><body>{_chrome_top(base)}<main><h1>Watch: onboard pole lap</h1>
<video src="{base}/v/1.mp4" controls></video><p>Ride along.</p></main></body></html>"""


def rss_feed(base: str, stories: list[Story], *, summaries: bool = True) -> str:
    items = []
    for story in stories:
        link = f"{base}/news/{story.slug}"
        body = escape(story.paragraphs[0]) if summaries else escape(_body(story))
        items.append(f"""<item><title>{escape(story.headline)}</title><link>{link}</link>
<guid isPermaLink="false">gp-{story.slug}</guid>
<pubDate>{story.published:%a, %d %b %Y} 18:30:00 +0100</pubDate>
<description>{body}</description></item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Grid Pulse: Formula 1</title><link>{base}/</link>
<description>Formula 1 news</description>
{"".join(items)}
</channel></rss>"""


def atom_feed(base: str, stories: list[Story], *, updated: str = "T18:30:00Z") -> str:
    entries = []
    for story in stories:
        entries.append(f"""<entry><title>{escape(story.headline)}</title>
<link rel="alternate" href="{base}/atom-only/{story.slug}"/>
<id>urn:paddock:{story.slug}</id>
<updated>{story.published.isoformat()}{updated}</updated>
<published>{story.published.isoformat()}T18:30:00Z</published>
<author><name>{escape(story.author)}</name></author>
<content type="html">{escape(_body(story))}</content></entry>""")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Paddock Diary</title>
<id>urn:paddock</id><updated>2024-07-07T20:00:00Z</updated>
{"".join(entries)}
</feed>"""


def json_feed(base: str, stories: list[Story]) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Slipstream Weekly",
            "home_page_url": f"{base}/",
            "items": [
                {
                    "id": f"slip-{s.slug}",
                    "url": f"{base}/json-only/{s.slug}",
                    "title": s.headline,
                    "content_html": _body(s),
                    "date_published": f"{s.published.isoformat()}T09:00:00Z",
                    "authors": [{"name": s.author}],
                }
                for s in stories
            ],
        }
    )


@dataclass
class NewsSite:
    """The running server: ``base`` URL, ``route(path, handler)`` and request counts."""

    base: str = ""
    handlers: dict[str, Handler] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    headers_seen: dict[str, dict[str, str]] = field(default_factory=dict)
    _runner: web.AppRunner | None = None

    def route(self, path: str, handler: Handler) -> None:
        self.handlers[path] = handler

    def page(self, path: str, body: str | bytes, content_type: str = "text/html",
             status: int = 200, headers: dict[str, str] | None = None) -> None:  # fmt: skip
        """Serve a fixed body at ``path`` (``{base}`` in it is this server's URL)."""
        data = body if isinstance(body, bytes) else body.replace("{base}", self.base).encode()

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(
                body=data, status=status, content_type=content_type, headers=headers or {}
            )

        self.route(path, handler)

    def url(self, path: str) -> str:
        return self.base + path

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] = self.hits.get(path, 0) + 1
        self.headers_seen[path] = dict(request.headers)
        handler = self.handlers.get(path)
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._dispatch)
        # Handlers still running at the end (the slow page) are cancelled, not waited for.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.2)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


async def slow(request: web.Request) -> web.StreamResponse:
    """Answer headers at once, then dribble the body slower than any test timeout."""
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    await response.prepare(request)
    await response.write(b"<html><body><p>")
    await asyncio.sleep(30)
    await response.write(b"late</p></body></html>")
    return response


async def huge(request: web.Request) -> web.StreamResponse:
    """A 20 MB page, streamed without a Content-Length."""
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    await response.prepare(request)
    chunk = b"<p>" + b"x" * 65_000 + b"</p>\n"
    for _ in range(20 * 1024 * 1024 // len(chunk) + 1):
        await response.write(chunk)
    await response.write_eof()
    return response
