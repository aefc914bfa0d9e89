"""Rendering what the intake did: added articles, the article list, feed announcements."""

from __future__ import annotations

from datetime import date

import pytest

from bot.models import ArticleSummary
from bot.render import (
    ARTICLES_PER_PAGE,
    LIMITS,
    announcement_page,
    article_added,
    article_list,
    story_link,
)

STORY = ArticleSummary(
    "2025-03-30-norris", date(2025, 3, 30), "Norris wins", url="https://x.test/a"
)


def test_added_article_shows_headline_date_quotes_and_link() -> None:
    """The /articles add answer: linked headline (no preview), date, quote count, slug."""
    text = article_added(STORY, quotes=3)
    assert text.startswith("Added: [**Norris wins**](<https://x.test/a>)")
    assert "30 March 2025 · 3 quotes · `2025-03-30-norris`" in text
    assert article_added(STORY, quotes=1, replaced=True).startswith("Updated:")
    assert "1 quote ·" in article_added(STORY, quotes=1)
    assert article_added(STORY, quotes=0, unchanged=True).startswith("Already known:")


@pytest.mark.parametrize(
    "url",
    [
        None,
        "javascript:alert(1)",
        "https://x.test/a b",
        "https://x.test/<x>",
        "https://x/" + "a" * 600,
    ],
)
def test_unsafe_or_missing_link_leaves_the_headline_unlinked(url: str | None) -> None:
    """Only a plain http(s) link that fits becomes a Markdown link."""
    story = ArticleSummary(STORY.slug, STORY.published, STORY.headline, url=url)
    assert story_link(story) == "**Norris wins**"


def test_headline_from_the_web_cannot_ping_or_break_markdown() -> None:
    """A hostile headline is escaped: no mention, no fake link."""
    story = ArticleSummary("s", date(2025, 1, 1), "@everyone [click](https://evil) <@123>")
    text = story_link(story)
    assert "@everyone" not in text and "<@123>" not in text and "\\[click" in text


def test_parentheses_in_a_link_do_not_end_it() -> None:
    story = ArticleSummary("s", date(2025, 1, 1), "H", url="https://x.test/a_(b)")
    assert story_link(story) == "[**H**](<https://x.test/a_%28b%29>)"


def test_article_list_pages_newest_first_and_within_limits() -> None:
    """/articles list: ten a page, each page one embed within Discord's limits, private."""
    stories = [
        ArticleSummary(f"2025-03-{d:02}-s", date(2025, 3, d), "H" * 300, url=f"https://x.test/{d}")
        for d in range(25, 0, -1)
    ]
    rendered = article_list(stories, total=40)
    assert rendered.ephemeral
    assert len(rendered.pages) == 3
    first = rendered.pages[0].embeds[0]
    assert first.description.count("\n") == ARTICLES_PER_PAGE - 1
    assert first.description.startswith("`2025-03-25`")
    assert "the newest 25 shown" in first.title
    for page in rendered.pages:
        (embed,) = page.embeds
        assert len(embed.description) <= LIMITS.description


def test_empty_article_list_says_how_to_add() -> None:
    rendered = article_list([], total=0)
    assert "/articles add" in (rendered.pages[0].content or "")


def test_announcement_is_one_embed_linking_the_story() -> None:
    """A feed's new story: headline as title linking to it, the date and the feed's name."""
    page = announcement_page(STORY, "Paddock @here Daily")
    (embed,) = page.embeds
    assert page.content is None
    assert embed.title == "Norris wins" and embed.url == "https://x.test/a"
    assert "30 March 2025 · Paddock" in embed.description and "@here" not in embed.description
