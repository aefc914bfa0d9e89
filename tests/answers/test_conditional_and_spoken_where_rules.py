"""Two "where"/"when" questions read whole: "where did X say he lost time" asks the place
the clause tells (not where X spoke), "where was X told to serve ..." the order's; and
"when would X pit if it rains" asks of rain, which a past stop does not answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2030-05-18 Invented: Quill takes Tarrow win as Brede slides back",
    "Ema Quill won the Tarrow Grand Prix on Sunday, and Sten Brede came home sixth.",
    "Brede said he lost most of his time at the hairpin, where his front tyres grained.",
    "Brede was told to serve a five-second penalty at his second stop for a pit-lane speed breach.",
    "Brede pitted on lap 14 for hard tyres.",
    "Speaking at a sponsor lunch in Farrow on Friday, Ema Quill said the kerbs were too high.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("condwhere"), [("2030-05-18-invented-tarrow", "\n\n".join(STORY))]
    )


@pytest.mark.parametrize(
    ("question", "told"),
    [
        pytest.param("where did brede say he lost time", "hairpin", id="say-with-a-clause"),
        pytest.param("where was brede told to serve his penalty", "second stop", id="told-to"),
    ],
)
async def test_a_say_with_a_clause_asks_the_clauses_where(
    engine: AnswerEngine, question: str, told: str
) -> None:
    """Only "where was X when he said ..." asks where the remark was made."""
    shown = await ask(engine, question)
    assert told in shown.split("\n(")[0]
    assert "Farrow" not in shown


async def test_where_was_someone_when_he_spoke_still_answers(engine: AnswerEngine) -> None:
    """The speaker's own "speaking at" sentence tells the place of the remark."""
    shown = await ask(engine, "where was quill when she talked about the kerbs")
    assert "Farrow" in shown


async def test_a_condition_of_its_own_is_asked(engine: AnswerEngine) -> None:
    """ "if it rains" is no restated event: the past stop on lap 14 is no answer."""
    shown = await ask(engine, "when would brede pit if it rains")
    assert "lap 14" not in shown.split("\n(")[0] or "don't say" in shown
