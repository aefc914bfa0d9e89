"""A yes/no question turns on its subject and its act: "will Halvorsen favour Renner over
Larsen" is answered by the sentence telling Halvorsen would not favour either driver, and
"did Larsen admit Renner was quicker" by "Larsen admitted he could not match Renner", however
the rest is worded. The denial is kept for a sentence that tells neither the subject nor the
act."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.store import Store
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-10-04 Moreau wins the Dunmere Rally as the Halvorsen pair close in on the title",
    "Kai Moreau won the Dunmere Rally on Sunday by 11.2 seconds.",
    "Pia Renner was second, and her Halvorsen team-mate Jon Larsen admitted he could not "
    "match Renner on the fast forest stages.",
    "Halvorsen's team boss, Odo Brandt, said the squad would not favour either of its drivers "
    "before the last round.",
    "The next round is the Kestrel Rally in three weeks.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented rally report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("yes_no_act"),
        [("2026-10-04-invented-dunmere-rally", "\n\n".join(STORY))],
    )


async def test_the_subjects_act_answers_a_future_yes_no(engine: AnswerEngine) -> None:
    """Without the rule: "The articles don't say whether halvorsen favour renner over
    larsen", above the sentence that says no."""
    shown = await ask(engine, "will halvorsen favour renner over larsen")
    assert "would not favour either of its drivers" in shown
    assert "don't say" not in shown


async def test_an_act_the_kind_cues_answers(engine: AnswerEngine) -> None:
    """ "admit" is the kind's cue: "Larsen admitted ..." tells the act asked (the cue's
    words stand for the act, so the rule keeps this answer as the passages give it)."""
    shown = await ask(engine, "did larsen admit renner was quicker")
    assert "Larsen admitted he could not match Renner" in shown
    assert "don't say" not in shown


async def test_a_sentence_without_the_act_keeps_the_denial(engine: AnswerEngine) -> None:
    """Naming the subject is not enough: nothing tells Larsen protesting."""
    shown = await ask(engine, "will larsen protest the result")
    assert "don't say" in shown


PASS = (
    "date 2026-10-18 Quill wins at Harrowmere after a first-lap pass",
    "Ada Quill won the Harrowmere Grand Prix on Sunday from Tomas Vey and Ilse Marr.",
    "Nell Ostrander passed Bram Kettle at the first corner and held fifth to the flag.",
    "Sunniva Dahl was passed by Rune Haldor on the run to the chicane on lap 9.",
)


@pytest.fixture(scope="module")
def pass_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An invented race report telling two passes, one active and one passive."""
    return stories_store(
        tmp_path_factory.mktemp("yes_no_pass"),
        [("2026-10-18-invented-harrowmere", "\n\n".join(PASS))],
    )


@pytest.mark.parametrize(
    "question",
    [
        "did kettle overtake ostrander",
        "did kettle pass ostrander",
        "did kettle get past ostrander",
    ],
)
async def test_a_pass_the_other_way_keeps_the_denial(pass_database: Path, question: str) -> None:
    """Without the rule: "Ostrander passed Kettle" shown as a yes to "did kettle overtake
    ostrander": the one before the act's word is the one acting."""
    async with await Store.open(pass_database) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        shown = await ask(engine, question)
    assert "don't say" in shown


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("did ostrander pass kettle", "Nell Ostrander passed Bram Kettle"),
        ("did haldor pass dahl", "Sunniva Dahl was passed by Rune Haldor"),
    ],
)
async def test_a_pass_the_right_way_answers(pass_database: Path, question: str, told: str) -> None:
    """A passive's agent acts: "was passed by Haldor" still answers "did haldor pass dahl"."""
    async with await Store.open(pass_database) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        shown = await ask(engine, question)
    assert told in shown
    assert "don't say" not in shown
