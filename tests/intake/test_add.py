"""Adding one article from a link or a file: written under data/articles/ with its URL,
ingested as `pitwall ingest` would, answerable, taken once, and nothing partial on failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import web

from bot.config import Settings
from bot.errors import FetchError, UserError
from bot.ingest import discover, ingest
from bot.intake import Intake
from bot.store import Store
from tests.intake.site import (
    STORIES,
    NewsSite,
    Story,
    amp_page,
    article_page,
    byline_page,
    huge,
    paywall_page,
    slow,
)

STORY = STORIES[0]


def _files(settings: Settings) -> list[str]:
    """Every file under data/, relative: what a failed add must leave untouched."""
    return sorted(
        str(p.relative_to(settings.data_dir)) for p in settings.data_dir.rglob("*") if p.is_file()
    )


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _serve(site: NewsSite, story: Story) -> str:
    site.page(f"/news/{story.slug}", article_page(story, site.base))
    return site.url(f"/news/{story.slug}")


async def test_link_becomes_a_source_file_and_answerable_quotes(
    site: NewsSite, intake: Intake, store: Store, settings: Settings
) -> None:
    url = _serve(site, STORY)
    result = await intake.add(url + "?utm_source=share")
    assert not result.replaced and not result.unchanged
    assert result.url == url
    assert result.article.headline == STORY.headline
    assert result.article.published == STORY.published
    assert result.author == STORY.author
    assert result.quotes == 3
    path = Path(result.path)
    assert path.parent == settings.articles_dir
    assert path.name == f"{result.article.slug}.txt"
    lines = _read(path).split("\n")
    assert lines[:4] == [
        f"date 2024-07-07 {STORY.headline}",
        f"url {url}",
        f"author {STORY.author}",
        "",
    ]
    quotes = await store.quotes(speaker="Lando Norris")
    assert quotes and quotes[0].source is not None and quotes[0].source.url == url
    assert "the car was perfect on the intermediates" in quotes[0].text


async def test_store_rebuilds_from_data_alone(
    site: NewsSite, intake: Intake, settings: Settings, tmp_path: Path
) -> None:
    """`pitwall ingest` on a new store gives the same article, URL included."""
    result = await intake.add(_serve(site, STORY))
    async with await Store.open(tmp_path / "rebuilt.db") as rebuilt:
        report = await ingest(rebuilt, discover(None, settings.articles_dir))
        assert report.loaded == [result.article.slug]
        again = await rebuilt.article(result.article.slug)
    assert again is not None and again.url == result.url
    assert again.headline == STORY.headline


async def test_amp_copy_and_same_link_again_are_taken_once(
    site: NewsSite, intake: Intake, store: Store, settings: Settings
) -> None:
    first = await intake.add(_serve(site, STORY))
    site.page(f"/amp/{STORY.slug}", amp_page(STORY, site.base))
    amp = await intake.add(site.url(f"/amp/{STORY.slug}"))
    same = await intake.add(first.url or "")
    for again in (amp, same):
        assert again.unchanged and not again.replaced
        assert again.article.slug == first.article.slug
    assert len(await store.articles()) == 1
    assert len(list(settings.articles_dir.glob("*.txt"))) == 1


async def test_same_text_under_another_url_is_taken_once(
    site: NewsSite, intake: Intake, store: Store
) -> None:
    """A syndicated copy (other URL, other page, same words) is the same story."""
    first = await intake.add(_serve(site, STORY))
    site.page("/copy", byline_page(STORY, site.base))
    copy = await intake.add(site.url("/copy"))
    assert copy.unchanged and copy.article.slug == first.article.slug
    assert len(await store.articles()) == 1


async def test_edited_article_replaces_its_old_version(
    site: NewsSite, intake: Intake, store: Store, settings: Settings
) -> None:
    url = _serve(site, STORY)
    first = await intake.add(url)
    edited = Story(
        STORY.slug,
        STORY.headline + " (updated)",
        STORY.published,
        STORY.author,
        (*STORY.paragraphs[:-1], "Norris now trails the leader by thirty-two points."),
    )
    _serve(site, edited)
    second = await intake.add(url)
    assert second.replaced and not second.unchanged
    assert second.article.slug == first.article.slug
    assert second.article.id == first.article.id
    assert (await store.paragraphs(first.article.slug))[-1] == edited.paragraphs[-1]
    assert [a.headline for a in await store.articles()] == [edited.headline]
    assert len(list(settings.articles_dir.glob("*.txt"))) == 1


@pytest.mark.parametrize(
    ("setup", "line"),
    [
        (lambda s: s.page("/x", "gone", status=404), "says the page is not there (HTTP 404)"),
        (lambda s: s.page("/x", "gone", status=410), "gone for good (HTTP 410)"),
        (lambda s: s.page("/x", "boom", status=500), "server error (HTTP 500)"),
        (lambda s: s.route("/x", slow), "did not answer within"),
        (lambda s: s.route("/x", huge), "sent more than 5 MB"),
        (lambda s: s.page("/x", b"%PDF-1.7", content_type="application/pdf"), "application/pdf"),
        (lambda s: s.page("/x", paywall_page(s.base)), "no article text"),
        (
            lambda s: s.route("/x", lambda r: _redirect_to("http://169.254.169.254/latest")),
            "169.254.169.254 is a cloud metadata address",
        ),
        (lambda s: s.route("/x", lambda r: _redirect_to("/x")), "redirects in a loop"),
    ],
    ids=["404", "410", "500", "slow", "20MB", "pdf", "paywall", "metadata", "loop"],
)
async def test_a_failed_link_is_one_line_and_stores_nothing(
    site: NewsSite, intake: Intake, store: Store, settings: Settings, setup: object, line: str
) -> None:
    await intake.add(_serve(site, STORIES[1]))  # something already there, to keep
    before_files, before = _files(settings), await store.articles()
    setup(site)  # type: ignore[operator]
    with pytest.raises(FetchError) as err:
        await intake.add(site.url("/x"))
    assert line in str(err.value) and "\n" not in str(err.value)
    assert _files(settings) == before_files
    assert await store.articles() == before


async def _redirect_to(target: str) -> web.Response:
    return web.Response(status=302, headers={"Location": target})


async def test_store_failure_puts_the_file_back(
    site: NewsSite,
    intake: Intake,
    store: Store,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If storing fails after the file was written, the file goes too: nothing partial."""
    url = _serve(site, STORY)

    async def broken(articles: object) -> list[bool]:
        raise OSError("disk full")

    monkeypatch.setattr(store, "replace_articles", broken)
    with pytest.raises(OSError, match="disk full"):
        await intake.add(url)
    assert _files(settings) == []
    assert await store.articles() == []


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("norris.html", article_page(STORY, "https://gridpulse.example")),
        (
            "norris.md",
            f"# {STORY.headline}\n\nBy {STORY.author}, 7 July 2024\n\n"
            + "\n\n".join(STORY.paragraphs),
        ),
        (
            "norris.txt",
            f"date 2024-07-07 {STORY.headline}\nurl https://gridpulse.example/n\n\n"
            + "\n\n".join(STORY.paragraphs),
        ),
    ],
)
async def test_saved_files_are_added(
    intake: Intake, store: Store, tmp_path: Path, name: str, body: str
) -> None:
    """A saved .html page, a Markdown file, or a text file in Pitwall's own format."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    result = await intake.add(str(path))
    assert result.article.headline == STORY.headline
    assert result.article.published == STORY.published
    assert result.quotes == 3
    assert [p for p in await store.paragraphs(result.article.slug)] == list(STORY.paragraphs)


async def test_upload_of_an_unreadable_type_is_refused(intake: Intake, store: Store) -> None:
    with pytest.raises(UserError, match=r"reads \.html, \.htm, \.md and \.txt files only"):
        await intake.add_upload("story.pdf", b"%PDF-1.7")
    with pytest.raises(UserError, match="not UTF-8 text"):
        await intake.add_upload("story.txt", b"\xff\xfe\xfa" * 50)
    assert await store.articles() == []


async def test_remove_moves_the_file_out_and_deletes_the_article(
    site: NewsSite, intake: Intake, store: Store, settings: Settings
) -> None:
    result = await intake.add(_serve(site, STORY))
    removed = await intake.remove(result.article.slug)
    assert removed.slug == result.article.slug
    assert await store.articles() == []
    assert await store.quotes(speaker="Lando Norris") == []
    assert list(settings.articles_dir.glob("*.txt")) == []
    assert (settings.data_dir / "removed" / f"{result.article.slug}.txt").exists()
    with pytest.raises(UserError, match="no article"):
        await intake.remove(result.article.slug)


async def test_articles_are_listed_newest_first_with_urls(site: NewsSite, intake: Intake) -> None:
    for story in STORIES:
        await intake.add(_serve(site, story))
    listed = await intake.articles(limit=2, offset=1)
    assert [a.headline for a in listed] == [STORIES[2].headline, STORIES[1].headline]
    assert all(a.url and a.url.startswith(site.base) for a in listed)
    assert await intake.article_count() == len(STORIES)
