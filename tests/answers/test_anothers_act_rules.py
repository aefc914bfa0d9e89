"""A yes/no question's act told as someone else's is no yes (``passages.act_of_another``):
"Mira Tolvan spun into the gravel ... and Ruud Aske came home sixth" tells Tolvan's crash,
so "did aske crash" is not answered by it; "we believe Corvex should protest" tells
Corvex's protest, not the speaker's team's. The passage search and the yes/no router's
nearest sentence read it the one way; the sentence stays the nearest, under the denial."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import act_of_another, stem
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-08-03 Invented: Tolvan out early at Brennmoor",
    "Mira Tolvan spun into the gravel at the Hollow on lap 4 and Ruud Aske came home sixth "
    "for Pentara.",
    '"I watched Tolvan crash right ahead of me and just kept it on the road," Aske said.',
    'Pentara sporting director Lis Omberg said: "We believe Corvex should protest the '
    'result, it was a mess."',
    "Sauber ran a softer rear wing, though Alpine grumbled about bouncing on the back straight.",
)

#: Acts whose subject is the one asked though another name stands nearer the act's word.
SHARED = (
    "date 2029-06-02 Invented Dunmere Grand Prix: Rask wins for Mercedes",
    "Mercedes driver Gil Rask won the Dunmere Grand Prix from pole on Sunday.",
    "Jon Larsen and Odo Brandt crashed at Turn 1 on the opening lap.",
    "Harlow boss Ada Quill appealed the penalty on Friday evening.",
    "Teo Vell retired with a gearbox failure, and so did Lina Sorel.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("anothers_act"),
        [
            ("2031-08-03-invented-brennmoor", "\n\n".join(STORY)),
            ("2029-06-02-invented-dunmere", "\n\n".join(SHARED)),
        ],
    )


@pytest.mark.parametrize(
    "question",
    [
        "did aske crash",
        "did ruud aske crash",
        "will pentara protest",
        "did sauber grumble about bouncing",
    ],
)
async def test_anothers_act_is_no_yes(engine: AnswerEngine, question: str) -> None:
    """Without the rule: the other driver's crash (or the other team's protest, the other
    team's complaint) shown as the answer, no denial above it."""
    shown = await ask(engine, question)
    assert shown.startswith("The articles don't say"), shown


async def test_the_one_acting_still_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did tolvan crash")
    assert "Mira Tolvan spun into the gravel" in shown
    assert "don't say" not in shown


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("did larsen crash", "Jon Larsen and Odo Brandt crashed"),
        ("did mercedes win at dunmere", "Mercedes driver Gil Rask won"),
        ("did harlow appeal the penalty", "Harlow boss Ada Quill appealed"),
        ("did sorel retire", "and so did Lina Sorel"),
    ],
)
async def test_a_shared_act_still_answers(engine: AnswerEngine, question: str, told: str) -> None:
    """A coordinated subject ("X and Y crashed"), a team before its person's role ("Mercedes
    driver X won") and "and so did X" tell the act of the one asked too: without the rule,
    the right sentence under a denial."""
    shown = await ask(engine, question)
    assert told in shown
    assert "don't say" not in shown, shown


def test_one_reading_of_whose_act() -> None:
    """The name right before the act's word (a modal or adverb between) is the one acting;
    a pronoun, a passive, an epithet or the one asked named after it leave it open."""
    crash = {stem(w) for w in ("crash", "crashed", "spun", "hit")}
    aske = ("ruud aske", "aske")
    assert act_of_another("Tolvan crashed and Aske finished sixth.", crash, aske)
    assert act_of_another("Then Tolvan had crashed.", crash, aske)
    assert not act_of_another("Aske crashed at the Hollow.", crash, aske)
    assert not act_of_another("Tolvan crashed into Aske at the Hollow.", crash, aske)
    assert not act_of_another("Aske was hit by Tolvan.", crash, aske)
    assert not act_of_another("The Dutchman crashed at the Hollow.", crash, aske)
    assert not act_of_another("He crashed at the Hollow.", crash, aske)
    assert not act_of_another("Honestly, I'm crashing too often.", crash, aske)
