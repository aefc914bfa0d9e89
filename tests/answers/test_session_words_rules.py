"""A session asked by a fan's short name is found where a report writes it out: "fp2" is
"second practice" (``router._scope``), so "what happened to X in fp2" reads the paragraph
that tells second practice, not none."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORY = (
    "date 2031-05-10 Lisbon Friday: Alpine's new wing survives, Castel's car does not",
    "Alpine ran its new rear wing on both cars all day and said the numbers matched the tunnel.",
    "Ruben Castel spun into the barrier at the final chicane in second practice and missed "
    "the last half hour while his mechanics rebuilt the rear of the car.",
    "Nils Brandt was ninth in both sessions.",
)

#: Another Friday: one driver's crash in first practice, her retirement in the race, and
#: another driver on top in second practice.
OTHER = (
    "date 2031-06-14 Invented Marrow Friday: Quill quickest",
    "Ida Marsh crashed at the hairpin in first practice after a puncture and lost the hour.",
    "Tomas Quill topped second practice by two tenths after the team changed his gearing.",
    "Marsh retired from the race on lap 12 with a broken driveshaft.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented Friday report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("session_words"),
        [
            ("2031-05-10-invented-friday", "\n\n".join(STORY)),
            ("2031-06-14-invented-marrow-friday", "\n\n".join(OTHER)),
        ],
    )


async def test_a_short_session_name_reads_the_written_one(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened to castel in fp2")
    assert "spun into the barrier" in shown
    assert DENIAL not in shown


@pytest.mark.parametrize(
    "question",
    ["did marsh crash in fp2", "did marsh crash in fp2 at marrow", "who had a puncture in fp2"],
)
async def test_a_session_told_without_it_is_no_answer(engine: AnswerEngine, question: str) -> None:
    """Second practice is told, but nothing of Marsh in it: her first-practice crash (or her
    race) is never the answer, nor who topped it. Without the rule: those shown as the answer,
    no denial."""
    shown = await ask(engine, question)
    assert DENIAL in shown


async def test_what_happened_in_a_session_reads_it(engine: AnswerEngine) -> None:
    """What happened in second practice is what its paragraph tells: no denial."""
    shown = await ask(engine, "what happened in fp2")
    assert "Tomas Quill topped second practice" in shown
    assert DENIAL not in shown
