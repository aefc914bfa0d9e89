"""The answer-index refresh holds off full garbage collections and freezes what it built."""

from __future__ import annotations

import gc

import pytest

from bot.answers._collector import long_lived_build


def test_full_collections_are_held_off_inside_and_restored_after() -> None:
    """Only the young generations are collected during a build; the thresholds come back."""
    before = gc.get_threshold()
    with long_lived_build():
        inside = gc.get_threshold()
    assert inside[:2] == before[:2]
    assert inside[2] > 1_000_000
    assert gc.get_threshold() == before


def test_overlapping_builds_restore_the_thresholds_once_the_last_ends() -> None:
    """Two refreshes that overlap (watcher and a moderator's add) leave nothing changed."""
    before = gc.get_threshold()
    first, second = long_lived_build(), long_lived_build()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[2] > 1_000_000  # the second is still building
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_what_a_build_leaves_alive_is_frozen() -> None:
    """Objects alive after the build are out of later full collections' reach."""
    gc.unfreeze()
    with long_lived_build():
        kept = [[i] for i in range(100)]
    assert gc.get_freeze_count() >= len(kept)


def test_an_exception_still_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), long_lived_build():
        raise RuntimeError("refresh failed")
    assert gc.get_threshold() == before
