"""A small local news site on 127.0.0.1 for end-to-end tests: pages and feeds a test writes.

Routes are set (and changed) while it runs, so a test can publish a new story to a feed
between two polls, or make the feed fail. Nothing here reaches the internet.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from aiohttp import web

__all__ = ["LocalSite", "Story", "article_html", "rss"]


@dataclass(frozen=True)
class Story:
    """An invented story: its path on the site, headline, date and paragraphs."""

    path: str
    headline: str
    published: date
    paragraphs: tuple[str, ...]
    author: str = "Staff Writer"


def article_html(story: Story, base: str) -> str:
    """A news page shaped like a real one: navigation, a cookie banner, the article, comments."""
    body = "\n".join(f"<p>{p}</p>" for p in story.paragraphs)
    url = base + story.path
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{story.headline} | Paddock Daily</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{story.headline}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{story.published.isoformat()}T18:00:00Z">
<meta name="author" content="{story.author}">
</head><body>
<nav><a href="/">Home</a> <a href="/f1">Formula 1</a> <a href="/subscribe">Subscribe now</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>{story.headline}</h1>
<p class="byline">By {story.author}, {story.published:%d %B %Y}</p>
{body}
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/x">Ten things</a></li></ul></aside>
<section class="comments"><h2>Comments</h2><p>Great race, what a finish!!</p></section>
<footer>Copyright Paddock Daily</footer>
</body></html>"""


def rss(title: str, base: str, stories: list[Story]) -> str:
    """An RSS 2.0 feed listing ``stories`` (newest first), each with only a summary."""
    items = "\n".join(
        f"""<item><title>{s.headline}</title><link>{base}{s.path}</link>
<guid>{base}{s.path}</guid><pubDate>{s.published:%a, %d %b %Y} 18:00:00 +0000</pubDate>
<description>{s.paragraphs[0][:80]}</description></item>"""
        for s in stories
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>{base}/</link>
<description>Invented motorsport news for tests</description>
{items}
</channel></rss>"""


class LocalSite:
    """An aiohttp server on 127.0.0.1 serving whatever the test put at each path."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: Counter[str] = Counter()
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def put(self, path: str, body: str | bytes, content_type: str = "text/html",
            status: int = 200) -> None:  # fmt: skip
        """Serve ``body`` at ``path`` from now on (or ``status`` with it)."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, content_type, data)

    def publish(self, story: Story) -> None:
        self.put(story.path, article_html(story, self.base), "text/html; charset=utf-8")

    async def _handle(self, request: web.Request) -> web.Response:
        self.hits[request.path] += 1
        found = self.routes.get(request.path)
        if found is None:
            return web.Response(status=404, text="not found")
        status, content_type, data = found
        return web.Response(status=status, body=data, headers={"Content-Type": content_type})

    async def start(self) -> LocalSite:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
