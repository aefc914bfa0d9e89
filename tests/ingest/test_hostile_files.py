"""Hostile article and annotation files through ``python -m bot ingest``, as a moderator runs it.

Each file is refused with exit code 1 and one ``FAILED`` line naming it (no traceback), and
the store is left exactly as it was: nothing of the bad file, nothing of what was there lost.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.store import Store
from tests.cli_support import run_cli
from tests.ingest.helpers import SEED

SEED_SLUG = SEED.stem
SEED_TEXT = SEED.read_bytes()
FIVE_MB = 5 * 1024 * 1024


def ingest(database: Path, *paths: Path) -> subprocess.CompletedProcess[str]:
    """Run the real `ingest` in the store's folder (no .env), as a moderator would."""
    return run_cli(
        "ingest", *map(str, paths), cwd=database.parent, database=database,
        env={"LOG_LEVEL": "WARNING"},
    )  # fmt: skip


async def contents(database: Path) -> dict[str, Any]:
    """Everything a fan can be shown from the store, for before/after comparison."""
    async with await Store.open(database) as store:
        articles = await store.articles()
        return {
            "stats": await store.stats(),
            "articles": articles,
            "paragraphs": {a.slug: await store.paragraphs(a.slug) for a in articles},
            "people": await store.people(),
            "quotes": await store.quotes(limit=100_000),
            "reported": await store.reported(),
            "events": await store.lap_events(),
            "facts": {a.slug: await store.facts(a.slug) for a in articles},
            "notes": {a.slug: await store.notes(a.slug) for a in articles},
        }


def refused_cleanly(done: subprocess.CompletedProcess[str], name: str, reason: str) -> None:
    """Exit code 1, one FAILED line that names the file and says why, and no traceback."""
    assert done.returncode == 1, done.stdout + done.stderr
    failed = [line for line in done.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 1, done.stderr
    assert name in failed[0] and reason in failed[0].casefold(), failed[0]
    assert "Traceback" not in done.stdout + done.stderr


def _header(body: bytes) -> bytes:
    return b"date 2024-05-01 A hostile file\n\n" + body


ARTICLES: list[tuple[str, Callable[[], bytes], str]] = [
    ("empty", lambda: b"", "empty"),
    ("blank lines only", lambda: b"\n \n\t\n", "header"),
    ("header without paragraphs", lambda: b"date 2024-05-01 Only a headline\n", "paragraph"),
    ("huge: 5 MB", lambda: _header(b"Russell said it was fine. " * (FIVE_MB // 26)), "too large"),
    ("binary", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    ("UTF-16", lambda: SEED_TEXT.decode("utf-8").encode("utf-16"), "binary"),
    ("Latin-1", lambda: _header("Räikkönen’s café".encode("cp1252")), "utf-8"),
    ("impossible date", lambda: b"date 2024-02-30 Leap\n\nText.\n", "date"),
    ("no header", lambda: b"Russell and Bottas crashed.\n\nThey argued.\n", "header"),
]


@pytest.mark.parametrize(("kind", "make", "reason"), ARTICLES, ids=[a[0] for a in ARTICLES])
async def test_hostile_article_is_refused_and_stores_nothing(
    database: Path, kind: str, make: Callable[[], bytes], reason: str
) -> None:
    """An empty, huge, binary or malformed article: a clear refusal, the store unchanged."""
    before = await contents(database)
    path = database.parent / "2024-05-01-hostile.txt"
    path.write_bytes(make())
    refused_cleanly(ingest(database, path), path.name, reason)
    assert await contents(database) == before


async def test_bad_new_version_keeps_the_stored_article(database: Path, tmp_path: Path) -> None:
    """A broken edit of a stored article is refused; the stored version stays whole."""
    before = await contents(database)
    edited = tmp_path / "edited" / SEED.name
    edited.parent.mkdir()
    edited.write_bytes(SEED_TEXT[: len(SEED_TEXT) // 2] + b"\x00\x00 truncated by a crash")
    refused_cleanly(ingest(database, edited), SEED.name, "binary")
    after = await contents(database)
    assert after == before
    assert len(after["quotes"]) == before["stats"].quotes > 0


async def test_one_bad_file_among_good_ones_loads_only_the_good(
    database: Path, tmp_path: Path
) -> None:
    """A good and a bad article in one run: the good one loads, the bad one is named."""
    folder = tmp_path / "batch"
    folder.mkdir()
    good = folder / "2024-05-02-good.txt"
    good.write_bytes(SEED_TEXT)
    bad = folder / "2024-05-03-bad.txt"
    bad.write_bytes(b"\x00" * 64)
    done = ingest(database, good, bad)
    refused_cleanly(done, bad.name, "binary")
    assert "loaded     2024-05-02-good" in done.stdout
    slugs = {a.slug for a in (await contents(database))["articles"]}
    assert slugs == {SEED_SLUG, "2024-05-02-good"}


ANNOTATIONS: list[tuple[str, Callable[[], bytes], str]] = [
    ("TOML syntax error", lambda: b'[[people]\nname = "Russell"\n', "toml"),
    ("binary", lambda: bytes(range(256)) * 4, "utf-8"),
    ("wrong shape", lambda: b'people = "everyone"\n', "people"),
    ("unknown key", lambda: b'[[people]]\nname = "George Russell"\nshoe_size = 44\n', "shoe_size"),
    ("lap out of range", lambda: b'[[events]]\nlap = 0\nwhat = "Crash"\n', "lap"),
    (
        "evidence not in the article",
        lambda: (
            b'[[people]]\nname = "Toto Wolff"\n\n[[reported]]\nspeaker = "Toto Wolff"\n'
            b'text = "said nothing"\nevidence = "a sentence the article never had"\n'
        ),
        "evidence",
    ),
]


@pytest.mark.parametrize(("kind", "make", "reason"), ANNOTATIONS, ids=[a[0] for a in ANNOTATIONS])
async def test_hostile_annotation_is_refused_and_stores_nothing(
    database: Path, kind: str, make: Callable[[], bytes], reason: str
) -> None:
    """A malformed annotation beside a good article: refused, naming the .toml; nothing stored."""
    before = await contents(database)
    article = database.parent / "2024-05-04-annotated.txt"
    article.write_bytes(SEED_TEXT)
    article.with_suffix(".toml").write_bytes(make())
    refused_cleanly(ingest(database, article), "2024-05-04-annotated.toml", reason)
    assert await contents(database) == before


async def test_deeply_nested_annotation_is_refused_as_toml(database: Path) -> None:
    """TOML nested 100,000 deep is refused as invalid TOML, naming the .toml, no traceback."""
    article = database.parent / "2024-05-05-nested.txt"
    article.write_bytes(SEED_TEXT)
    article.with_suffix(".toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    refused_cleanly(ingest(database, article), "2024-05-05-nested.toml", "toml")


async def test_huge_annotation_is_refused(database: Path) -> None:
    """A 5 MB annotation file is refused as too large, like a 5 MB article."""
    before = await contents(database)
    article = database.parent / "2024-05-06-huge-note.txt"
    article.write_bytes(SEED_TEXT)
    name = "a" * FIVE_MB
    article.with_suffix(".toml").write_text(f'[[people]]\nname = "{name}"\n')
    refused_cleanly(ingest(database, article), "2024-05-06-huge-note.toml", "too large")
    assert await contents(database) == before


def test_a_paragraph_of_many_short_quotes_ingests_promptly(tmp_path: Path) -> None:
    """200 KB in one paragraph of short quotes (under the size limit) ingests in seconds."""
    article = tmp_path / "2024-05-07-many-quotes.txt"
    article.write_bytes(_header(b'"Yes." ' * 30_000))
    done = run_cli("ingest", str(article), cwd=tmp_path, database=tmp_path / "p.db", timeout=30)
    assert done.returncode == 0, done.stderr
