"""Right content, not a denial, on an invented story: a sentence answering a yes/no question
without naming the one asked ("The stewards looked at the clash and took no further action")
is an answer, and so is "X declined to comment" to "did X say anything"; a question the story
does not answer is still denied."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

CLASH = "\n\n".join(
    (
        "date 2026-06-14 Invented: Harlow takes the Ridgeway 200 as Okafor and Mori collide",
        "Nell Harlow won the invented Ridgeway 200 on Sunday by 1.4 seconds from Dario Pell.",
        "On lap 31 Tobias Okafor dived down the inside of Kenji Mori at the hairpin. The two "
        "cars touched and Mori spun into the gravel, dropping to 15th.",
        "Race control reviewed the clash after the finish and took no further action.",
        "Pell was handed a five-second penalty for speeding in the pit lane.",
        "Harlow passed Pell for the lead at the chicane on lap 40.",
        '"The car was perfect from the first lap," Harlow said.',
        "Asked about the stewards' decision on Monday, Mori declined to comment.",
    )
)  # fmt: skip

DENIED = "The articles don't say"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("denials"), (("2026-06-14-ridgeway", CLASH),))


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # The incident's sentence names no one: it is about whom the paragraph before named.
        ("did race control penalise okafor", "took no further action"),
        ("did okafor get a pen for hitting mori", "took no further action"),
        ("was okafor punished for the clash with mori", "took no further action"),
        # "Mori declined to comment" is the answer (no), not a denial showing it as nearest.
        ("did mori say anything about the decision", "Mori declined to comment"),
        ("has mori commented on the stewards decision", "Mori declined to comment"),
        ("did kenji respond to the stewards", "Mori declined to comment"),
        # "Harlow passed Pell" tells when Harlow passed Pell.
        ("when did harlow pass pell", "lap 40"),
    ],
)
async def test_the_sentence_that_answers_is_shown_as_the_answer(
    engine: AnswerEngine, question: str, answer: str
) -> None:
    """A sentence answering the question without naming it as asked is the answer."""
    shown = await ask(engine, question)
    assert answer in shown
    assert DENIED not in shown


async def test_a_penalty_someone_else_got_is_no_answer_for_the_winner(
    engine: AnswerEngine,
) -> None:
    """Harlow had no part in the incident nor a penalty: still an honest negative."""
    shown = await ask(engine, "did harlow get a penalty")
    assert DENIED in shown


async def test_what_someone_said_who_declined_gives_the_reason_there_is_no_quote(
    engine: AnswerEngine,
) -> None:
    """No quote from Mori: said so, with the sentence saying he would not comment."""
    shown = await ask(engine, "what did mori say about the decision")
    assert "no quote from Kenji Mori" in shown
    assert "Mori declined to comment" in shown


async def test_someone_who_neither_spoke_nor_declined_is_still_denied(
    engine: AnswerEngine,
) -> None:
    """Okafor said nothing and was not asked: no one's refusal stands in for his words."""
    shown = await ask(engine, "did okafor say anything about the decision")
    assert "declined to comment" not in shown


async def test_a_pass_the_other_way_round_is_no_answer(engine: AnswerEngine) -> None:
    """ "Harlow passed Pell" does not tell when Pell passed Harlow: he never did."""
    shown = await ask(engine, "when did pell pass harlow")
    assert DENIED in shown
