"""A long answer gives the event loop turns (issue 12: the loop never held over 20 ms).

A passage search scores every sentence of the paragraphs it found in Python, and "who is X"
reads the stories tied at the top whole: with no store read between, that held the loop
for 14-30 ms at 10,000 articles. Both now check a clock between paragraphs and stories
(``bot.answers._turns``) and let the loop run what waits once they have held it for a few
milliseconds. The answer is the same whether they take turns or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.answers import _turns
from bot.render import render_text
from bot.store import Store
from tests.answers.scoring import engine_over, stories_store


def _round(n: int) -> tuple[str, str]:
    """Invented round ``n``: Mira Okonjo named alike in each, so the stories tie."""
    text = "\n\n".join(
        (
            f"date 2026-{3 + n % 9:02d}-{10 + n:02d} Invented: the Larkspur crew's round {n}",
            f"The Larkspur crew rebuilt the gearbox before round {n} of the invented cup.",
            "Mira Okonjo finished sixth for Larkspur after a slow second stop.",
            f'"The gearbox held together for all of round {n}," Okonjo said.',
            "The crew packs up for the next round on Tuesday.",
        )
    )
    return f"2026-cup-round-{n:02d}", text


@pytest.fixture(scope="module")
def rounds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("turns"), [_round(n) for n in range(1, 6)])


async def _ask(
    path: Path, question: str, turn: float, monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """The turns the answer took (every check a turn when ``turn`` is 0), and the answer."""
    monkeypatch.setattr(_turns, "TURN", turn)
    taken = 0
    take = _turns.Turns.take

    async def counted(self: _turns.Turns) -> None:
        nonlocal taken
        taken += 1
        await take(self)

    monkeypatch.setattr(_turns.Turns, "take", counted)
    async with engine_over(path) as engine:
        shown = render_text(await engine.ask(question))
    monkeypatch.undo()
    return taken, shown


async def test_who_is_takes_turns_and_answers_the_same(
    rounds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    turns, shown = await _ask(rounds, "who is Mira Okonjo?", 0.0, monkeypatch)
    _, unhurried = await _ask(rounds, "who is Mira Okonjo?", 1e9, monkeypatch)
    assert "Okonjo" in shown
    assert shown == unhurried
    # A turn checked before each paragraph scored and each tied story read.
    assert turns >= 5


async def test_a_refresh_builds_what_reading_a_question_keeps(rounds: Path) -> None:
    """The teams' people and the people's initials, kept per index for reading questions,
    are built by the refresh (on a worker thread), and the places file read, not by the
    first question after it."""
    from bot.answers import places
    from bot.answers.places import places_file
    from bot.answers.understand import _people

    async with engine_over(rounds) as engine:
        index = engine.lookup.index
        assert _people._TEAMS and _people._TEAMS[0][0] is index
        assert _people._INITIALS and _people._INITIALS[0][0] is index
        assert places_file() in places._LOADED


async def test_a_searchs_records_are_built_where_they_are_read(
    rounds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quotes of the stories a search found and the stories it reads whole become
    records on the reader that read them (``read_into``), not on the event loop."""
    async with await Store.open(rounds) as store:
        dialect = store._dialect
        converted: list[str] = []
        read_into = dialect.read_into

        async def counted(sql: str, params: Any, convert: Any) -> Any:
            converted.append(getattr(convert, "__name__", ""))
            return await read_into(sql, params, convert)

        monkeypatch.setattr(dialect, "read_into", counted)
        slugs = ["2026-cup-round-01", "2026-cup-round-02"]
        quotes, _ = await store.said_in(slugs)
        stories = await store.stories_passages(slugs)
        assert {q.source.slug for q in quotes if q.source} == set(slugs)
        assert [len(stories[s]) for s in slugs] == [4, 4]
        assert converted == ["quotes_of", "_told", "passages_by_story"]
