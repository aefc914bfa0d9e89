"""The places book is found and read once, not on every ask (issue 12), and still follows
``PITWALL_DATA_DIR`` and edits to the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.answers import places

PLACES = """
[[country]]
name = "Inventia"
adjectives = ["Inventian"]
"""


def _write(folder: Path, text: str) -> None:
    (folder / "places").mkdir(parents=True, exist_ok=True)
    (folder / "places" / "places.toml").write_text(text, encoding="utf-8")


def test_the_default_book_is_kept_between_asks_and_follows_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(places, "_RECENT", {})
    repo_book = places.place_book()
    assert places.place_book() is repo_book  # kept: no second look at the file

    _write(tmp_path, PLACES)
    monkeypatch.setenv("PITWALL_DATA_DIR", str(tmp_path))
    moved = places.place_book()
    assert moved is not repo_book  # another data folder takes effect at once
    assert moved == places.place_book(tmp_path / "places" / "places.toml")


def test_an_edit_shows_once_the_recheck_time_has_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(places, "_RECENT", {})
    _write(tmp_path, PLACES)
    monkeypatch.setenv("PITWALL_DATA_DIR", str(tmp_path))
    first = places.place_book()
    _write(tmp_path, PLACES.replace("Inventian", "Otherish"))
    path = tmp_path / "places" / "places.toml"
    stamp = path.stat().st_mtime + 5  # a later modification time, whatever the clock's grain
    os.utime(path, (stamp, stamp))
    assert places.place_book() is first  # within RECHECK_S: the kept book
    clock = places.time.monotonic() + places.RECHECK_S + 1
    monkeypatch.setattr(places.time, "monotonic", lambda: clock)
    assert places.place_book() != first  # looked at again, and the edit read
