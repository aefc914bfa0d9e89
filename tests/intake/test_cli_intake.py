"""The command line as a moderator runs it: `add`, `feeds add|list|poll|remove`, and `ask`
citing the article's link, against the local news site."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

from tests.cli_support import run_cli
from tests.intake.site import STORIES, NewsSite, article_page, rss_feed


async def _cli(root: Path, *args: str, private: bool = True) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a thread, so this test's event loop keeps serving the local site."""
    env = {
        "PITWALL_DATA_DIR": str(root / "data"),
        "PITWALL_ALLOW_PRIVATE_URLS": "1" if private else "0",
        "PITWALL_HOST_INTERVAL": "0s",
        "PITWALL_FETCH_TIMEOUT": "5s",
    }
    return await asyncio.to_thread(run_cli, *args, cwd=root, database=root / "pitwall.db", env=env)


def _serve(site: NewsSite) -> None:
    for story in STORIES:
        site.page(f"/news/{story.slug}", article_page(story, site.base))


async def test_add_links_and_ask_cites_the_url(site: NewsSite, tmp_path: Path) -> None:
    _serve(site)
    url = site.url(f"/news/{STORIES[0].slug}")
    done = await _cli(tmp_path, "add", url, site.url("/missing"))
    assert done.returncode == 1
    [line] = done.stdout.splitlines()
    assert line.startswith("added      2024-07-07-norris-holds-off-verstappen")
    assert line.endswith(f"(2024-07-07, 3 quotes) {url}")
    assert done.stderr.strip() == (
        f"FAILED     {site.url('/missing')}: 127.0.0.1 says the page is not there (HTTP 404)"
    )
    again = await _cli(tmp_path, "add", url)
    assert again.returncode == 0 and again.stdout.startswith("unchanged  ")
    answer = await _cli(tmp_path, "ask", "who said 'perfect on the intermediates'?")
    assert answer.returncode == 0
    assert "Lando Norris" in answer.stdout and url in answer.stdout


async def test_private_links_are_refused_unless_allowed(site: NewsSite, tmp_path: Path) -> None:
    _serve(site)
    done = await _cli(tmp_path, "add", site.url(f"/news/{STORIES[0].slug}"), private=False)
    assert done.returncode == 1
    assert "refused: 127.0.0.1 is a loopback address" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert list((tmp_path / "data").rglob("*.txt")) == []


async def test_no_network_is_one_line(tmp_path: Path) -> None:
    """An offline machine (or a name that does not exist): one line, exit 1, nothing stored."""
    done = await _cli(tmp_path, "add", "https://news.invalid/a-story", private=False)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    # Where DNS answers at once the name does not resolve; where it hangs, the timeout says so.
    assert line in (
        "FAILED     https://news.invalid/a-story: cannot reach news.invalid: the name does not "
        "resolve (no network, or no such site)",
        "FAILED     https://news.invalid/a-story: news.invalid did not answer within 5 s",
    )
    assert done.stdout == ""
    assert list((tmp_path / "data").rglob("*.txt")) == []


async def test_feeds_add_poll_list_remove(site: NewsSite, tmp_path: Path) -> None:
    _serve(site)
    site.page("/rss.xml", rss_feed(site.base, list(STORIES[:2])), "application/rss+xml")
    feed = site.url("/rss.xml")
    added = await _cli(tmp_path, "feeds", "add", feed)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"following {feed} (Grid Pulse: Formula 1)")
    polled = await _cli(tmp_path, "feeds", "poll")
    assert polled.returncode == 0, polled.stderr
    lines = polled.stdout.splitlines()
    assert lines[0] == f"polled     {feed}: 2 added, 0 unchanged (first poll: nothing announced)"
    assert {line.split(": ", 1)[1] for line in lines[1:]} == {s.headline for s in STORIES[:2]}
    again = await _cli(tmp_path, "feeds", "poll")
    assert again.stdout.splitlines() == [f"polled     {feed}: 0 added, 2 unchanged"]
    listed = await _cli(tmp_path, "feeds", "list")
    assert f"1 {feed} Grid Pulse: Formula 1" in listed.stdout
    assert "2 items" in listed.stdout and "active" in listed.stdout
    site.page("/rss.xml", "gone", status=404)
    failing = await _cli(tmp_path, "feeds", "poll")
    assert failing.returncode == 1
    assert failing.stderr.strip() == (
        f"FAILED     {feed}: 127.0.0.1 says the page is not there (HTTP 404)"
    )
    listed = await _cli(tmp_path, "feeds", "list")
    assert "failing (1 in a row): 127.0.0.1 says the page is not there (HTTP 404)" in listed.stdout
    removed = await _cli(tmp_path, "feeds", "remove", feed)
    assert removed.stdout.strip() == f"no longer following {feed} (its articles stay)"
    missing = await _cli(tmp_path, "feeds", "remove", feed)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"pitwall: no feed {feed!r}: see the feeds list"
    assert len(list((tmp_path / "data" / "articles").glob("*.txt"))) == 2


async def test_feeds_add_of_a_page_is_refused(site: NewsSite, tmp_path: Path) -> None:
    _serve(site)
    done = await _cli(tmp_path, "feeds", "add", site.url(f"/news/{STORIES[0].slug}"))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "pitwall: 127.0.0.1 sent a web page, not an RSS, Atom or JSON feed"
    )
