"""Extraction: pages shaped like real news sites give the headline, date, author, canonical
URL and the article's paragraphs, and nothing of the navigation, banners or comments."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import FetchError
from bot.intake.extract import canonical_url, extract_html, extract_text
from tests.intake.site import (
    BOILERPLATE,
    STORIES,
    amp_page,
    article_page,
    byline_page,
    paywall_page,
    video_page,
)

BASE = "https://gridpulse.example"
STORY = STORIES[0]


def _no_boilerplate(paragraphs: tuple[str, ...]) -> None:
    for paragraph in paragraphs:
        for junk in BOILERPLATE:
            assert junk not in paragraph, f"{junk!r} reached the article: {paragraph!r}"


def test_full_news_page_gives_metadata_and_only_the_article() -> None:
    """JSON-LD/OpenGraph page: headline without the site name, date, author, canonical URL."""
    found = extract_html(article_page(STORY, BASE), f"{BASE}/news/{STORY.slug}?utm_source=x")
    assert found.headline == STORY.headline
    assert found.published == STORY.published
    assert found.author == STORY.author
    assert found.url == f"{BASE}/news/{STORY.slug}"
    assert found.paragraphs == STORY.paragraphs
    _no_boilerplate(found.paragraphs)


def test_amp_variant_gives_the_same_story_and_the_canonical_url() -> None:
    """The AMP page names the full page as canonical: both extract to one URL and one text."""
    full = extract_html(article_page(STORY, BASE), f"{BASE}/news/{STORY.slug}")
    amp = extract_html(amp_page(STORY, BASE), f"{BASE}/amp/{STORY.slug}")
    assert amp.url == full.url
    assert amp.paragraphs == full.paragraphs
    assert amp.headline == full.headline
    assert amp.published == STORY.published
    _no_boilerplate(amp.paragraphs)


def test_date_only_in_the_byline_text_is_found() -> None:
    """A page with no metadata: the date comes from 'By Sam Carter | 24 March 2024'."""
    story = STORIES[3]
    found = extract_html(byline_page(story, BASE), f"{BASE}/diary/7")
    assert found.published == story.published == date(2024, 3, 24)
    assert found.author == story.author
    assert found.headline == story.headline
    assert found.url == f"{BASE}/diary/7"
    assert found.paragraphs == story.paragraphs
    _no_boilerplate(found.paragraphs)


@pytest.mark.parametrize("page", [paywall_page, video_page], ids=["paywall", "video"])
def test_page_without_article_text_is_refused_in_one_line(page: object) -> None:
    """A paywall teaser or a video page is refused with one line naming the page."""
    with pytest.raises(FetchError, match=r"no article text at https://gridpulse\.example/x") as err:
        extract_html(page(BASE), f"{BASE}/x")  # type: ignore[operator]
    assert "\n" not in str(err.value)


def test_cookie_wall_alone_is_refused() -> None:
    """A consent page with nothing behind it is not an article."""
    html = (
        "<html><head><title>Before you continue</title></head><body><div class=consent>"
        "<h1>We value your privacy</h1><p>We and our 812 partners store and access information "
        "on your device.</p><button>Accept all</button><button>Reject all</button></div>"
        "</body></html>"
    )
    with pytest.raises(FetchError, match="no article text"):
        extract_html(html, f"{BASE}/consent")


def test_markdown_file_with_front_matter() -> None:
    """Front matter gives title, date, author and URL; Markdown marks are removed."""
    body = "\n\n".join(STORIES[1].paragraphs).replace("Aston Martin's", "**Aston Martin's**")
    text = (
        "---\ntitle: Alonso says Aston Martin upgrade is a step forward\ndate: 2024-06-21\n"
        "author: Marco Bellini\nurl: https://slipstream.example/alonso\n---\n\n" + body
    )
    found = extract_text(text, "alonso.md", markdown=True)
    assert found.headline == STORIES[1].headline
    assert found.published == date(2024, 6, 21)
    assert found.author == "Marco Bellini"
    assert found.url == "https://slipstream.example/alonso"
    assert found.paragraphs == STORIES[1].paragraphs


def test_markdown_file_with_heading_and_byline() -> None:
    """No front matter: the # heading is the headline, the byline line gives author and date."""
    story = STORIES[2]
    text = f"# {story.headline}\n\nBy Dana Whitfield, July 6, 2024\n\n" + "\n\n".join(
        f"[{p}](https://x.example)" if i == 3 else p for i, p in enumerate(story.paragraphs)
    )
    found = extract_text(text, "pole.md", markdown=True)
    assert found.headline == story.headline
    assert found.published == story.published
    assert found.author == "Dana Whitfield"
    assert found.paragraphs == story.paragraphs
    assert found.url is None


def test_plain_text_file_without_a_date_leaves_it_to_the_caller() -> None:
    """A .txt with a headline and paragraphs but no date: published is None, not invented."""
    story = STORIES[3]
    found = extract_text(story.headline + "\n\n" + "\n\n".join(story.paragraphs), "p.txt")
    assert found.published is None
    assert found.headline == story.headline


def test_canonical_url_drops_tracking_and_fragment() -> None:
    assert (
        canonical_url("HTTPS://News.Example/a?id=3&utm_medium=rss&fbclid=9#comments")
        == "https://news.example/a?id=3"
    )
    assert canonical_url("/b", "https://news.example/a") == "https://news.example/b"
    assert canonical_url("javascript:alert(1)") is None


def test_a_differently_worded_h1_on_top_is_not_a_paragraph() -> None:
    """JSON-LD says one headline, the page's <h1> words it a little differently."""
    html = article_page(STORY, BASE).replace(
        f'<h1 class="headline">{STORY.headline}</h1>',
        '<h1 class="headline">Norris holds off Verstappen to win in wet</h1>',
    )
    found = extract_html(html, f"{BASE}/news/{STORY.slug}")
    assert found.headline == STORY.headline
    assert found.paragraphs == STORY.paragraphs
