"""Building articles and loading them into a real store: hashes, discovery, failures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.errors import IngestError
from bot.ingest import load
from bot.ingest.load import build_article, discover, ingest
from bot.store import Store
from tests.ingest.helpers import ARTICLES, SEED, write_article

GOOD = 'date 2024-01-01 Good\n\nLando Norris won on lap 5. "Great," Norris said.\n'


def copy_seed(folder: Path) -> Path:
    """Copy the seed article and its annotation into ``folder``."""
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_suffix(".toml"), folder / SEED.with_suffix(".toml").name)
    return folder / SEED.name


def test_build_article_fills_identity_and_source_path() -> None:
    """The article carries slug, date, headline, paragraphs and where it came from."""
    article = build_article(SEED)
    assert article.slug == "2021-04-20-russell-bottas"
    assert article.source_path == str(SEED)
    assert len(article.paragraphs) == 17
    assert len(article.content_hash) == 64


def test_editing_the_annotation_changes_the_hash(tmp_path: Path) -> None:
    """The hash covers the annotation too, so an annotation edit re-ingests."""
    path = copy_seed(tmp_path)
    before = build_article(path).content_hash
    toml = path.with_suffix(".toml")
    toml.write_text(toml.read_text() + "\n# reviewed\n")
    assert build_article(path).content_hash != before


def test_hash_is_stable_for_the_same_files() -> None:
    """Building the same files twice gives the same hash."""
    assert build_article(SEED).content_hash == build_article(SEED).content_hash


def test_discover_defaults_to_every_article_sorted() -> None:
    """With no paths, every .txt in the articles folder is found, sorted, annotations skipped."""
    found = discover(None, ARTICLES)
    assert found == sorted(ARTICLES.glob("*.txt"))
    assert SEED in found


def test_discover_expands_a_directory(tmp_path: Path) -> None:
    """A directory argument means its .txt files."""
    write_article(tmp_path, GOOD, slug="2024-01-02-b")
    write_article(tmp_path, GOOD, slug="2024-01-01-a")
    assert [p.name for p in discover([tmp_path], ARTICLES)] == [
        "2024-01-01-a.txt",
        "2024-01-02-b.txt",
    ]


def test_discover_missing_path_is_an_error(tmp_path: Path) -> None:
    """A path that does not exist is an IngestError naming it."""
    with pytest.raises(IngestError, match="no such file"):
        discover([tmp_path / "missing.txt"], ARTICLES)


async def test_ingest_loads_then_reports_unchanged(store: Store, tmp_path: Path) -> None:
    """A first ingest stores the article; the same files again change nothing."""
    path = copy_seed(tmp_path)
    first = await ingest(store, [path])
    assert (first.loaded, first.unchanged, first.failed) == (["2021-04-20-russell-bottas"], [], [])
    second = await ingest(store, [path])
    assert (second.loaded, second.unchanged, second.failed) == (
        [],
        ["2021-04-20-russell-bottas"],
        [],
    )


async def test_an_upgraded_reader_stores_the_same_files_again(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code that reads articles differently (a new release) makes the next ingest store
    every article again, though no file changed: the old rows hold the old reading."""
    path = copy_seed(tmp_path)
    await ingest(store, [path])
    monkeypatch.setattr(load, "reader_digest", lambda: b"a newer reader")
    again = await ingest(store, [path])
    assert (again.loaded, again.unchanged) == (["2021-04-20-russell-bottas"], [])


def test_the_reader_digest_covers_the_ingest_code() -> None:
    """Every module of bot/ingest (its subpackages too) and the records go into the digest."""
    load.reader_digest.cache_clear()
    read: list[Path] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self)
        return real(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "read_bytes", spy)
        load.reader_digest()
    load.reader_digest.cache_clear()
    names = {p.relative_to(Path(load.__file__).resolve().parents[1]).as_posix() for p in read}
    assert {"ingest/load.py", "ingest/attribution/walk.py", "models.py"} <= names


async def test_ingested_statement_reads_back_whole(store: Store) -> None:
    """The apology statement comes back from the store as its seven parts in order."""
    await ingest(store, [SEED])
    parts = await store.statement("2021-04-20-russell-bottas", 5)
    assert [q.paragraph for q in parts] == [10, 10, 11, 12, 13, 14, 15]
    assert {q.speaker for q in parts} == {"George Russell"}


async def test_one_bad_file_does_not_stop_the_others(store: Store, tmp_path: Path) -> None:
    """A malformed file is reported and skipped; the good files still load."""
    good = write_article(tmp_path, GOOD, slug="2024-01-01-good")
    bad = write_article(tmp_path, "no header here\n\ntext\n", slug="2024-01-02-bad")
    report = await ingest(store, [good, bad])
    assert report.loaded == ["2024-01-01-good"]
    assert [(e.path, e.line) for e in report.failed] == [(bad, 1)]
    assert [a.slug for a in await store.articles()] == ["2024-01-01-good"]


async def test_bad_annotation_loads_nothing_of_its_article(store: Store, tmp_path: Path) -> None:
    """An article whose annotation is malformed is not stored at all."""
    path = write_article(tmp_path, GOOD, toml="[[people]]\nname = 3\n")
    report = await ingest(store, [path])
    assert report.loaded == []
    assert report.failed[0].path == path.with_suffix(".toml")
    assert await store.articles() == []


async def test_every_shipped_article_ingests(store: Store) -> None:
    """All articles in data/articles build and store cleanly."""
    report = await ingest(store, discover(None, ARTICLES))
    assert report.failed == []
    assert len(report.loaded) == len(list(ARTICLES.glob("*.txt")))


def test_unannotated_roles_come_from_the_articles_descriptors(tmp_path: Path) -> None:
    """Unannotated: "Ferrari boss Fred Vasseur" gives role and team; "team-mate" gives none."""
    body = (
        "date 2023-03-05 Verstappen wins in Bahrain\n\n"
        "Max Verstappen beat team-mate Sergio Perez.\n\n"
        '"We will come back," Ferrari boss Fred Vasseur said.\n'
    )
    article = build_article(write_article(tmp_path, body))
    people = {p.name: p for p in article.people}
    assert (people["Fred Vasseur"].role, people["Fred Vasseur"].team) == ("boss", "Ferrari")
    assert (people["Sergio Perez"].role, people["Sergio Perez"].team) == (None, None)


def test_epithet_used_for_a_speaker_becomes_an_alias(tmp_path: Path) -> None:
    """ "the Mexican told reporters" after naming Perez makes "the Mexican" one of his aliases."""
    body = (
        "date 2023-03-05 Verstappen wins in Bahrain\n\n"
        'Sergio Perez lost the lead. "I had wheelspin," the Mexican told reporters.\n'
    )
    article = build_article(write_article(tmp_path, body))
    [perez] = [p for p in article.people if p.name == "Sergio Perez"]
    assert "the Mexican" in perez.aliases
    assert article.quotes[0].speaker == "Sergio Perez"
