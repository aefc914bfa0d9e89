"""A big ingest builds in worker processes: the same report, the same rows, the same logs."""

from __future__ import annotations

import logging
import os
import pickle
import shutil
from pathlib import Path

import pytest

from bot.ingest import load, pool
from bot.store import Store
from tests.ingest.helpers import FICTION, SEED, write_article


def corpus(folder: Path) -> list[Path]:
    """The seed (with its annotation), the fiction articles, a bad file and a duplicate slug."""
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_suffix(".toml"), folder / SEED.with_suffix(".toml").name)
    for path in sorted(FICTION.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    write_article(folder, "no header here\n\ntext\n", slug="2024-01-02-bad")
    twin = folder / "twin"
    twin.mkdir()
    shutil.copy(SEED, twin / SEED.name)
    return [*sorted(folder.glob("*.txt")), twin / SEED.name]


async def ingest_into(db: Path, paths: list[Path]) -> tuple[load.IngestReport, list[tuple]]:
    async with await Store.open(db) as store:
        report = await load.ingest(store, paths)
        rows = list(await store.db.execute_fetchall("SELECT * FROM quotes ORDER BY id"))
    return report, [tuple(r) for r in rows]


async def test_processes_and_one_thread_store_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Built in worker processes or in one thread, the report and the stored rows agree."""
    paths = corpus(tmp_path)
    caplog.set_level(logging.WARNING)
    alone, alone_rows = await ingest_into(tmp_path / "one.db", paths)
    alone_logs = sorted(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    caplog.clear()
    monkeypatch.setattr(load, "PARALLEL_FROM", 2)
    monkeypatch.setattr(load, "CHUNK", 2)
    pooled, pooled_rows = await ingest_into(tmp_path / "pool.db", paths)
    pooled_logs = sorted(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert (pooled.loaded, pooled.unchanged) == (alone.loaded, alone.unchanged)
    assert [(e.path, e.line, e.message) for e in pooled.failed] == [
        (e.path, e.line, e.message) for e in alone.failed
    ]
    assert len(alone.failed) == 2  # the bad file and the duplicate slug
    assert pooled_rows == alone_rows
    # A worker's warning ("not ingested: ...") is relayed to this process's loggers.
    assert pooled_logs == alone_logs
    assert any("not ingested" in message for message in pooled_logs)


async def test_articles_are_stored_while_the_rest_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With worker processes, the first batch is stored before the last file is built."""
    paths = corpus(tmp_path)
    monkeypatch.setattr(load, "PARALLEL_FROM", 2)
    monkeypatch.setattr(load, "CHUNK", 2)
    monkeypatch.setattr(load, "WRITE_BATCH", 2)
    built = 0
    real = load._built_chunks

    def counted(paths: list[Path], parallel: bool):  # type: ignore[no-untyped-def]
        nonlocal built
        for chunk in real(paths, parallel):
            built += len(chunk)
            yield chunk

    monkeypatch.setattr(load, "_built_chunks", counted)
    built_at_write: list[int] = []
    written: list[str] = []

    class Store:
        async def replace_articles(self, articles: list) -> list[bool]:  # type: ignore[type-arg]
            built_at_write.append(built)
            written.extend(a.slug for a in articles)
            return [True] * len(articles)

    report = await load.ingest(Store(), paths)
    assert built_at_write[0] < len(paths)
    assert report.loaded == written
    assert len(report.loaded) == len(paths) - 2  # the bad file and the duplicate slug


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_workers_run_at_a_lower_priority_than_their_parent() -> None:
    """The store writer and the event loop get a core before the builders do."""
    assert pool.map_in_processes(os.nice, [0], 1) == [min(os.nice(0) + pool.NICENESS, 19)]


def test_records_come_back_from_a_worker_as_they_were_built() -> None:
    """An article built in a worker comes back equal to the one built here, though it
    travels as its fields (the workers' reducers), not by the dataclasses' own pickling."""
    here = load.build_article(SEED)
    (there,) = pool.map_in_processes(load.build_article, [SEED], 1)
    assert there == here
    assert repr(there) == repr(here)


def test_a_worker_sends_records_by_their_fields() -> None:
    """In a worker, every slotted record pickles as :func:`pool._rebuild` and its values."""
    from multiprocessing.reduction import ForkingPickler

    from bot.models import Article, Person, Quote

    before = dict(ForkingPickler._extra_reducers)  # type: ignore[attr-defined]
    try:
        pool._send_records_as_fields()
        person = Person("Lena Quist", "driver", "Invicta", ("the Swede",))
        data = bytes(ForkingPickler.dumps(person))
        assert b"_rebuild" in data
        assert pickle.loads(data) == person
        for cls in (Article, Person, Quote):
            assert cls in ForkingPickler._extra_reducers  # type: ignore[attr-defined]
    finally:
        ForkingPickler._extra_reducers.clear()  # type: ignore[attr-defined]
        ForkingPickler._extra_reducers.update(before)  # type: ignore[attr-defined]
