"""The answer-index refresh holds off full garbage collections and freezes what it built."""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass, field

import pytest

from bot.answers._collector import (
    FULL_EVERY,
    SWITCH_INTERVAL,
    long_lived_build,
    parts_of,
    release,
    spare_full_collections,
)
from bot.store import Store


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


def test_the_gil_changes_hands_more_often_while_building_and_as_before_after() -> None:
    """The build's threads hand the GIL to the loop every SWITCH_INTERVAL; the process's own
    interval comes back once the last of two overlapping builds ends."""
    before = sys.getswitchinterval()
    first, second = long_lived_build(), long_lived_build()
    first.__enter__()
    second.__enter__()
    assert sys.getswitchinterval() == pytest.approx(min(before, SWITCH_INTERVAL))
    first.__exit__(None, None, None)
    assert sys.getswitchinterval() == pytest.approx(min(before, SWITCH_INTERVAL))
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


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


@dataclass(slots=True)
class _Slotted:
    words: dict[str, list[int]] = field(default_factory=dict)
    rows: list[tuple[str, int]] = field(default_factory=list)
    names: frozenset[str] = frozenset()
    count: int = 0


class _Plain:
    def __init__(self) -> None:
        self.keys = [("a", 1), ("b", 2)]


def test_parts_of_holds_every_element_of_an_index_without_changing_it() -> None:
    """What an old index held outlives it until released, and the index stays readable."""
    index = _Slotted({"pit": [1, 2]}, [("x", 0)], frozenset({"max"}), 3)
    held = parts_of(index)
    assert index.words == {"pit": [1, 2]} and index.rows == [("x", 0)]
    assert any(part is index.words["pit"] for part in held)
    assert any(part is index.rows[0] for part in held)
    assert "max" in held and "pit" in held
    assert len(parts_of(_Plain())) == 2


def test_release_lets_go_of_everything_held() -> None:
    held: list[object] = [[i] for i in range(5000)]
    release(held)
    assert held == []


async def test_a_refresh_reads_the_register_of_people_off_the_loop(store: Store) -> None:
    """The register (data/people) is read by the engine's refresh, on a thread, so a fan's
    first /ask does not read it on the loop (about 0.3 s)."""
    from bot.answers import AnswerEngine
    from bot.ingest import resolve

    resolve._load.cache_clear()
    assert resolve._load.cache_info().currsize == 0
    await AnswerEngine(store).refresh()
    assert resolve._load.cache_info().currsize == 1


def test_a_running_bot_runs_full_collections_less_often_and_builds_keep_that() -> None:
    """The bot's start raises only the full collections' threshold; a refresh restores the
    raised one, not CPython's."""
    before = gc.get_threshold()
    try:
        gc.set_threshold(before[0], before[1], 10)
        spare_full_collections()
        assert gc.get_threshold() == (before[0], before[1], FULL_EVERY)
        with long_lived_build():
            pass
        assert gc.get_threshold() == (before[0], before[1], FULL_EVERY)
        gc.set_threshold(before[0], before[1], FULL_EVERY * 2)
        spare_full_collections()  # never lowers a threshold set higher
        assert gc.get_threshold()[2] == FULL_EVERY * 2
    finally:
        gc.set_threshold(*before)
