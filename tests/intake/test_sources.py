"""The source file an extracted article becomes: Pitwall's own format plus its url and author
lines, read back by the ordinary parser; and citations that link to the original article."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

from bot.ingest.parse import parse_article
from bot.intake.extract import Extracted
from bot.intake.sources import render_source, slugify
from bot.models import Quote, Source

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from bot.answers import QuotesAnswer
    from bot.render import render, render_text

FOUND = Extracted(
    headline="Piastri  thrilled\nwith first home podium",
    published=None,
    author="Sam Carter",
    url="https://gridpulse.example/news/piastri",
    paragraphs=("Oscar Piastri finished   third.", "“It was special,” Piastri said."),
)


def _write(folder: Path, text: str, name: str = "2024-03-24-x.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_source_file_round_trips_through_the_parser(tmp_path: Path) -> None:
    text = render_source(FOUND, date(2024, 3, 24))
    assert text.split("\n")[:3] == [
        "date 2024-03-24 Piastri thrilled with first home podium",
        "url https://gridpulse.example/news/piastri",
        "author Sam Carter",
    ]
    parsed = parse_article(_write(tmp_path, text))
    assert parsed.url == FOUND.url and parsed.author == "Sam Carter"
    assert parsed.headline == "Piastri thrilled with first home podium"
    assert parsed.paragraphs == ("Oscar Piastri finished third.", "“It was special,” Piastri said.")


def test_a_first_paragraph_that_starts_like_a_source_line_stays_a_paragraph(
    tmp_path: Path,
) -> None:
    """Source lines count only as a block right under the header, closed by a blank line."""
    text = "date 2024-03-24 Headline\nauthor of the move, Piastri said he was happy.\nmore\n"
    parsed = parse_article(_write(tmp_path, text))
    assert parsed.author is None and parsed.url is None
    assert parsed.paragraphs == ("author of the move, Piastri said he was happy. more",)


def test_typed_in_articles_have_no_url(tmp_path: Path) -> None:
    parsed = parse_article(_write(tmp_path, "date 2024-03-24 Headline\n\nOne paragraph.\n"))
    assert parsed.url is None and parsed.paragraphs == ("One paragraph.",)


def test_slugs_are_short_ascii_words() -> None:
    assert slugify("Pérez: “I’ll be back” — Red Bull’s driver on 2025!") == (
        "perez-ill-be-back-red-bulls-driver-on"
    )
    assert slugify("!!!") == "article"


def _answer(url: str | None) -> QuotesAnswer:
    source = Source("2024-03-24-x", "Piastri thrilled", date(2024, 3, 24), 2, url)
    quote = Quote("Oscar Piastri", "It was special", "direct", "after the race", 2, 1,
                  source=source)  # fmt: skip
    return QuotesAnswer(quotes=(quote,), title="Quotes")


def test_citation_links_the_embed_title_and_prints_the_url_offline() -> None:
    url = "https://gridpulse.example/news/piastri"
    [page] = render(_answer(url)).pages
    assert page.embeds[0].url == url
    assert url in render_text(_answer(url))


def test_no_url_means_no_link() -> None:
    [page] = render(_answer(None)).pages
    assert page.embeds[0].url is None
    assert "http" not in render_text(_answer(None))


def test_a_link_that_is_not_http_is_never_used() -> None:
    [page] = render(_answer("javascript:alert(1)")).pages
    assert page.embeds[0].url is None
