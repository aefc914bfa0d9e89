"""The router's rules for the size of a lead, a finish changed and a circuit asked by its
short name, each on invented stories: "how big is X's lead" asks a figure (the word "big" is
no content a sentence must hold), a nickname's possessive ("bezs lead") names its rider as
the plain nickname does, a finish the officials changed is shown with the place that stood,
a penalty "given him" is the one the sentence before named, and "when is sebring" reads
Sebring as the place whose next race is asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._groups import _groups
from bot.answers.router._kinds import _kinds
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-07-05-invented-f2-feature": (
        "date 2026-07-05 Invented F2 feature race: Varga wins as leader Holm stalls",
        "Ilja Varga won the Formula 2 feature race at Silverstone on Sunday after championship "
        "leader Teo Holm stalled on the grid.",
        "The results leave Holm at the top of the standings on 140 points, but his lead has "
        "been cut to 11 points over Varga.",
        "Holm admitted the start had been a big mistake.",
        '"A big error from me, and a big lesson," Holm said.',
    ),
    "2026-09-14-invented-motogp": (
        "date 2026-09-14 Invented MotoGP round: Bezzecchi extends his lead",
        "Marco Bezzecchi won the invented Grand Prix on Sunday and extends his championship "
        "lead to 23 points over Lino Ferra.",
        "Ferra called it a big weekend for the team all the same.",
    ),
    "2026-01-26-invented-imsa": (
        "date 2026-01-26 Invented 24-hour race: the No. 7 Cadillac wins at Daytona",
        "The No. 7 Cadillac won the invented 24-hour race at Daytona on Sunday.",
        "The championship moves on to the Twelve Hours of Sebring on March 21.",
    ),
    "2026-04-26-invented-cup-race": (
        "date 2026-04-26 Invented Cup race: Pardo wins at Kansas in overtime",
        "Rico Pardo won the invented Cup Series race at Kansas on Sunday in overtime.",
        "Wes Okafor crossed the line fourth but was penalized for passing below the line on "
        "the final lap. NASCAR dropped the No. 41 Ford to 19th, and Dale Moss was credited "
        "with fourth.",
        '"I had nowhere to go," said Okafor.',
    ),
    "2026-05-09-invented-street-race": (
        "date 2026-05-09 Invented street race: Lemaire wins as Quist spins Rask",
        "Aurel Lemaire won the invented street race on Saturday.",
        "Jonas Rask was spun into the wall at the hairpin after Pim Quist locked up behind him.",
        'Quist owned up at once. "I braked too late and I hit Jonas," the Dutchman said. '
        '"That one is mine." The stewards gave him a ten-second time penalty for causing a '
        "collision, which dropped him to 15th.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("gap"), stories)


@pytest.mark.parametrize("question", ["how big is holms lead", "how large is holm's lead now"])
async def test_how_big_asks_the_size_of_the_lead(engine: AnswerEngine, question: str) -> None:
    """ "how big is X's lead": the sentence giving the gap, never one that only says "big"."""
    shown = await ask(engine, question)
    assert "11 points" in shown
    assert "big" not in shown.casefold()


def test_how_big_is_a_size_not_a_word_to_find(engine: AnswerEngine) -> None:
    """ "big" after "how" asks a number; elsewhere ("the big one") it stays content."""
    reading = read("how big is holms lead", engine.lookup)
    kinds = _kinds(reading)
    assert "count" in kinds
    assert all("big" not in g for g in _groups(reading, kinds))
    other = read("what lap was the big one", engine.lookup)
    assert any("big" in g for g in _groups(other, _kinds(other)))


@pytest.mark.parametrize("question", ["how big is bez's lead", "how big is bezs lead"])
async def test_a_nicknames_possessive_names_the_rider(engine: AnswerEngine, question: str) -> None:
    """ "bez's lead": the nickname with its possessive names Bezzecchi, as "bez" does."""
    assert read(question, engine.lookup).people == ["Marco Bezzecchi"]
    shown = await ask(engine, question)
    assert "23 points" in shown


async def test_a_finish_changed_by_a_penalty_shows_the_place_that_stood(
    engine: AnswerEngine,
) -> None:
    """ "crossed the line fourth but was penalized": the sentence after it, which tells the
    place he was dropped to, is shown with it."""
    shown = await ask(engine, "where did okafor finish")
    assert "crossed the line fourth" in shown
    assert "19th" in shown


@pytest.mark.parametrize("question", ["what penalty did quist get", "what pen did quist get"])
async def test_a_penalty_given_to_him_is_the_one_named_before(
    engine: AnswerEngine, question: str
) -> None:
    """ "The stewards gave him a ten-second penalty", after Quist's own words: the decision
    is Quist's, though the sentence names him only as "him"."""
    shown = await ask(engine, question)
    assert "ten-second" in shown
    assert "don't say" not in shown


def test_sebring_is_a_place(engine: AnswerEngine) -> None:
    """Sebring is a circuit: "when is sebring" asks when the race there is."""
    assert read("when is sebring", engine.lookup).places == ["sebring"]


async def test_when_is_sebring_gives_the_schedule_line(engine: AnswerEngine) -> None:
    """The line moving the series on to Sebring tells when the race there is."""
    shown = await ask(engine, "when is sebring")
    assert "March 21" in shown
