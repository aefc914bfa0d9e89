"""A long answer is rendered off the loop, and the same kept answer object is rendered once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.answers._kept import Kept
from bot.answers.records import Answer, LapAnswer
from bot.models import LapEvent, Source
from bot.render import pack_pages, render
from bot.store import Store
from cogs import _respond


def _lap(events: int) -> LapAnswer:
    return LapAnswer(
        12,
        tuple(
            LapEvent(
                12,
                f"Event {i} of the lap",
                ("Ann Driver",),
                "retired",
                3,
                i,
                Source(f"story-{i}", f"Story {i}", date(2021, 4, 20), 3),
            )
            for i in range(events)
        ),
        (12,),
    )


def _dicts(pages: tuple[object, ...]) -> list[object]:
    return [(p.content, [e.to_dict() for e in p.embeds]) for p in pages]  # type: ignore[attr-defined]


@pytest.fixture
async def kept(tmp_path: Path) -> AsyncIterator[Kept]:
    """A Kept as the engine's (its lap answers, its answers to questions)."""
    async with await Store.open(tmp_path / "pitwall.db") as store:
        yield Kept(store, budget=1000)


async def _kept_lap(kept: Kept, key: str, events: int) -> Answer:
    async def make() -> Answer:
        return _lap(events)

    return await kept.get(key, make, lambda a: len(a.events))  # type: ignore[attr-defined]


async def test_a_long_answer_is_sent_as_render_gives_it_and_rendered_once(kept: Kept) -> None:
    answer = await _kept_lap(kept, "lap 12", _respond.RENDER_ON_LOOP + 60)
    expected = render(answer)
    assert len(expected.pages) > 1
    rendered, packed = await _respond._rendered(answer)
    assert packed == pack_pages(expected.pages)
    assert _dicts(rendered.pages) == _dicts(expected.pages)
    again, packed_again = await _respond._rendered(answer)
    assert packed_again is packed  # kept: not rendered again
    assert _dicts(again.pages) == _dicts(expected.pages[:1])


async def test_a_short_answer_is_rendered_where_it_is_asked() -> None:
    answer = _lap(3)
    rendered, packed = await _respond._rendered(answer)
    assert packed is None
    assert _dicts(rendered.pages) == _dicts(render(answer).pages)


async def test_an_equal_but_new_answer_is_rendered_anew() -> None:
    """Kept by the answer object itself: a new answer (after the store changed) is new."""
    first, second = _lap(_respond.RENDER_ON_LOOP + 60), _lap(_respond.RENDER_ON_LOOP + 60)
    _rendered_first, packed_first = await _respond._rendered(first)
    _rendered_second, packed_second = await _respond._rendered(second)
    assert packed_second is not packed_first and packed_second == packed_first


async def test_an_answer_nothing_keeps_is_rendered_each_time() -> None:
    """Only the engine's kept answers are held: no other answer's records are."""
    answer = _lap(_respond.RENDER_ON_LOOP + 60)
    _rendered, packed = await _respond._rendered(answer)
    _again, packed_again = await _respond._rendered(answer)
    assert packed_again is not packed and packed_again == packed


async def test_a_rendering_goes_with_its_kept_answer(kept: Kept) -> None:
    """Once the Kept lets the answer go, its rendering is not given for it again."""
    answer = await _kept_lap(kept, "lap 12", _respond.RENDER_ON_LOOP + 60)
    _rendered, packed = await _respond._rendered(answer)
    kept.forget()
    _again, packed_again = await _respond._rendered(answer)
    assert packed_again is not packed and packed_again == packed
