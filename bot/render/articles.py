"""Articles and feeds: ``/articles`` replies and a feed's announcement of a new story.

Headlines and links here come from other people's web pages: escaped, shortened, never a ping.
Used by cogs/articles.py and bot/feed_runner.py.
"""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.models import ArticleSummary
from bot.render.pages import _COLOURS, Page, Rendered
from bot.render.text import _TITLE, LIMITS, _cut, _escape, neutralise, size

#: Lines per page of ``/articles list``.
ARTICLES_PER_PAGE = 10
_LINK = 500


def _web_link(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) link that fits, made safe inside Markdown; else None."""
    if not url or size(url) > _LINK or not url.lower().startswith(("http://", "https://")):
        return None
    if any(ch.isspace() or ch in "<>" for ch in url):
        return None
    return url.replace("(", "%28").replace(")", "%29")


def story_link(article: ArticleSummary) -> str:
    """The headline in bold, linked to the original article (without a preview) when known."""
    headline = _cut(_escape(article.headline), _TITLE)
    link = _web_link(article.url)
    return f"[**{headline}**](<{link}>)" if link else f"**{headline}**"


def article_added(
    article: ArticleSummary, *, quotes: int, replaced: bool = False, unchanged: bool = False
) -> str:
    """What ``/articles add`` answers: the headline, its date, the quotes found and the link."""
    verb = "Already known" if unchanged else ("Updated" if replaced else "Added")
    count = f"{quotes} quote{'' if quotes == 1 else 's'}"
    return (
        f"{verb}: {story_link(article)}\n"
        f"{article.published:%d %B %Y} · {count} · `{neutralise(article.slug)}`"
    )


def article_list(articles: Sequence[ArticleSummary], total: int) -> Rendered:
    """``/articles list``: newest first, ``ARTICLES_PER_PAGE`` a page, privately."""
    if not articles:
        return Rendered((Page("No articles yet. Add one with `/articles add`."),), ephemeral=True)
    lines = [
        f"`{a.published.isoformat()}` {story_link(a)} · `{neutralise(a.slug)[:80]}`"
        for a in articles
    ]
    chunks = [lines[i : i + ARTICLES_PER_PAGE] for i in range(0, len(lines), ARTICLES_PER_PAGE)]
    shown = "" if total <= len(articles) else f" (the newest {len(articles)} shown)"
    pages = []
    for chunk in chunks:
        embed = discord.Embed(
            title=f"Articles: {total}{shown}",
            description="\n".join(chunk),
            colour=_COLOURS["recap"],
        )
        embed.set_footer(text="Newest first · /articles remove takes one out")
        pages.append(Page(None, (embed,)))
    return Rendered(tuple(pages), ephemeral=True)


def announcement_page(
    article: ArticleSummary, feed_title: str | None = None, *, quotes: int | None = None
) -> Page:
    """A new story from a news feed, as posted in the feed's channel: one embed, no ping."""
    embed = discord.Embed(
        title=_cut(_escape(article.headline), LIMITS.title - 8),
        url=_web_link(article.url),
        colour=_COLOURS["recap"],
    )
    when = f"{article.published:%d %B %Y}"
    source = f" · {_cut(_escape(feed_title), _TITLE)}" if feed_title else ""
    said = f" · {quotes} quote{'' if quotes == 1 else 's'}" if quotes else ""
    embed.description = f"{when}{source}{said}\nAsk about it: `/recap`, `/whosaid`, `/quote`."
    embed.set_footer(text="New story")
    return Page(None, (embed,))
