"""Which story answers a question that names no race: the series' next race from the newest
story that gives one, the standings from the newest story that ranks the contenders, each on
invented stories where a newer story of the same series only seems to answer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from bot.store import Store
from tests.answers.scoring import DENIAL, stories_store

RACE = "\n\n".join(
    (
        "date 2026-03-01 Invented Cup Series: Voss wins at Millbrook",
        "Dana Voss won the invented Cup Series race at Millbrook Speedway on Sunday, "
        "beating Rob Pelling by half a second.",
        "Voss leads the Cup Series standings by 20 points from Pelling.",
        "The Cup Series heads to Harlow Motor Speedway on March 15.",
    )
)  # fmt: skip

ROUNDUP = "\n\n".join(
    (
        "date 2026-03-05 Invented paddock round-up: Okafor hurt, Pelling's new sponsor",
        "Our round-up of the week's Cup Series news, from the shops in Mooresville to the "
        "sponsors' lounges.",
        "Sam Okafor will miss the Cup Series race at Harlow after breaking his ankle; his "
        "team expects him back in the car on April 12.",
        "Pelling has scored 41 points this season, eighth in the owners' championship, and "
        "finished 2.1 seconds ahead of his team-mate last weekend.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A race report and, newer, a news round-up of the same series."""
    return stories_store(
        tmp_path_factory.mktemp("choice"),
        (("2026-03-01-millbrook", RACE), ("2026-03-05-roundup", ROUNDUP)),
    )


@pytest.fixture
async def engine(database: Path) -> AsyncIterator[AnswerEngine]:
    async with await Store.open(database) as store:
        built = AnswerEngine(store)
        await built.refresh()
        yield built


async def ask(engine: AnswerEngine, question: str) -> str:
    return render_text(await engine.ask(question))


@pytest.mark.parametrize(
    "question",
    ["when's the next cup race", "where is the next cup race", "where does the cup series go next"],
)
async def test_the_next_race_is_the_line_moving_the_series_on(
    engine: AnswerEngine, question: str
) -> None:
    """A round-up's "round-up", "breaking" and a comeback date are no next race."""
    shown = await ask(engine, question)
    assert "Harlow Motor Speedway on March 15" in shown
    assert "April 12" not in shown
    assert "round-up of the week" not in shown


@pytest.mark.parametrize("question", ["who leads the cup standings", "whats the cup standings"])
async def test_the_standings_are_the_sentence_ranking_the_contenders(
    engine: AnswerEngine, question: str
) -> None:
    """A points figure with a position, or a race's margin, ranks nobody in the table."""
    shown = await ask(engine, question)
    assert "leads the Cup Series standings by 20 points" in shown
    assert "41 points this season" not in shown
    assert DENIAL not in shown
