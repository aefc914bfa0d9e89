"""The router's rules for questions as fans type them, each on invented stories: a question
word typed without its apostrophe ("whos leading", "wheres") is still a question, never a
remembered phrase to look up among the quotes; a stage asked by number ("stage 2") is the
one a report names by its ordinal ("took the second", "a second-stage win"); "the Monaco
GP" is never the E-Prix run in the same streets; "who was on pole" needs pole told, not
any place on the grid; fans' short words ("above the cut", "mercs") meet the report's
("above the line", "Mercedes"); a title won is "to become a Cup Series champion", never
"clinching a place in the Championship 4"; the question's words side by side ("the big
one") are the name a report gives ("The Big One came on lap 150"); how things stood
"before Jerez" is told by the story written ahead of it, never Jerez's own report; "in a
row" is no place, and a report counts a run as "consecutive"; a race's length in laps is
never the laps someone led."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-09-20-invented-grand-prix": (
        "date 2026-09-20 Invented Grand Prix: Ferra wins at Valmont as Holm loses the lead",
        "Lino Ferra won the invented Grand Prix at Valmont on Sunday.",
        "The result leaves Ferra leading the drivers' championship by 14 points from Teo "
        "Holm, who finished ninth.",
        '"Leading the championship is nice, but we are only after Valmont," Ferra said.',
    ),
    "2026-09-19-invented-qualifying": (
        "date 2026-09-19 Invented qualifying: Holm quickest at Valmont",
        "Teo Holm topped final practice for the invented Grand Prix at Valmont on Saturday.",
        "Lino Ferra was fourth on the grid.",
    ),
    "2026-05-02-invented-eprix": (
        "date 2026-05-02 Invented E-Prix: Sandel wins at Valmont",
        "Mika Sandel won the Valmont E-Prix on Saturday from ninth on the grid.",
    ),
    "2026-05-16-invented-monaco-eprix": (
        "date 2026-05-16 Invented E-Prix: Sandel wins in Monaco",
        "MONACO - Mika Sandel won the Monaco E-Prix on Saturday.",
    ),
    "2026-06-06-invented-monaco-qualifying": (
        "date 2026-06-06 Invented qualifying: Holm takes Monaco pole",
        "Teo Holm took pole position for the Monaco Grand Prix on Saturday.",
    ),
    "2026-10-11-invented-cup-race": (
        "date 2026-10-11 Invented Cup race: Pardo wins at Carvers Hill",
        "Rico Pardo won the invented Cup Series race at Carvers Hill on Sunday.",
        "Wes Okafor won the first stage, leading 80 of its 100 laps, and Dale Moss took the "
        "second after a late pass. Moss's second-stage win was worth ten points.",
        '"We had the speed all day," said Pardo.',
        "Okafor finished sixth and moved nine points above the line with one race to go.",
    ),
    "2026-10-25-invented-cup-semi-final": (
        "date 2026-10-25 Invented Cup race: Bravo wins at Elm Ridge to reach Championship 4",
        "Nico Bravo won the invented Cup race at Elm Ridge on Sunday, clinching a place in "
        "the Championship 4 with the victory.",
    ),
    "2026-11-09-invented-cup-champion": (
        "date 2026-11-09 Invented reactions to Tully's first Cup title",
        "It took Jed Tully 19 full-time seasons and one late restart to become a NASCAR Cup "
        "Series champion. It took his rivals a day to congratulate him.",
    ),
    "2025-10-12-invented-superspeedway": (
        "date 2025-10-12 Invented Cup race: Bravo wins at Red Mesa as the Big One strikes",
        "Nico Bravo won the invented Cup race at Red Mesa on Sunday.",
        "The Big One came on lap 150, when Jed Tully was turned in Turn 2 and 14 cars were "
        "collected.",
    ),
    "2026-07-12-invented-f2-sprint": (
        "date 2026-07-12 Invented F2 sprint: Varga holds on",
        "Ilja Varga was given a five-second penalty on lap 17, but his lead was big enough "
        "that he kept the win.",
    ),
    "2026-04-19-invented-motogp-portimao": (
        "date 2026-04-19 Invented MotoGP: Lazzari wins at Portimao",
        "Teo Lazzari won the invented Portuguese round on Sunday and leaves Portimao 11 "
        "points ahead of Dani Ferro, with Jerez next on April 26.",
    ),
    "2026-04-26-invented-motogp-jerez": (
        "date 2026-04-26 Invented MotoGP: Ferro wins at Jerez to take the lead",
        "Dani Ferro won at Jerez on Sunday and now leads Teo Lazzari by five points.",
    ),
    "2026-06-14-invented-f4-round": (
        "date 2026-06-14 Invented F4 round: Ostrova's run ends at Kestrel",
        "Lena Ostrova retired on lap 9 with a gearbox problem, ending a run of six "
        "consecutive podiums.",
        "Mara Quell won the race from pole.",
    ),
    "2026-03-08-invented-oval-race": (
        "date 2026-03-08 Invented Cup race: Moss wins at Pine Flats",
        "Dale Moss won the invented Cup race at Pine Flats on Sunday.",
        '"The car was on rails," said Moss, who led a race-high 98 laps.',
    ),
    "2026-03-15-invented-oval-race-two": (
        "date 2026-03-15 Invented Cup race: Pardo wins at Cedar Bend",
        "Rico Pardo won the invented Cup race at Cedar Bend on Sunday, the race stretching "
        "to 404 laps after a late caution.",
    ),
    "2026-08-30-invented-stewards": (
        "date 2026-08-30 Invented stewards: Mercedes review turned down at Valmont",
        "Mercedes lodged a petition for a right of review of the penalty given to its "
        "driver, and on Monday the stewards rejected it.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("typed"), stories)


@pytest.mark.parametrize(
    "question",
    ["whos leading the championship after valmont", "who's leading the championship after valmont"],
)
async def test_a_question_word_without_its_apostrophe_is_a_question(
    engine: AnswerEngine, question: str
) -> None:
    """ "whos leading ...": the standings sentence, never "who said 'whos leading ...'"."""
    shown = await ask(engine, question)
    assert "14 points" in shown
    assert "Who said" not in shown


@pytest.mark.parametrize(
    "question", ["who won stage 2 at carvers hill", "who won the second stage at carvers hill"]
)
async def test_a_stage_named_by_its_ordinal_is_that_stage(
    engine: AnswerEngine, question: str
) -> None:
    """ "Okafor won the first stage ... and Moss took the second": stage 2 is told."""
    shown = await ask(engine, question)
    assert "Moss" in shown
    assert "don't say" not in shown


async def test_a_grand_prix_is_never_the_e_prix_of_its_streets(engine: AnswerEngine) -> None:
    """ "who won the monaco gp": the grand prix's own story (a qualifying report, which
    tells no winner), never the winner of the E-Prix in the same streets."""
    shown = await ask(engine, "who won the monaco gp")
    assert "Sandel" not in shown
    assert "don't say" in shown
    assert "Sandel" in await ask(engine, "who won the monaco eprix")
    assert "Ferra" in await ask(engine, "who won the valmont gp")


@pytest.mark.parametrize("question", ["who was on pole at valmont", "who got pole at valmont"])
async def test_pole_asked_needs_pole_told(engine: AnswerEngine, question: str) -> None:
    """No story says who took pole at Valmont: say so, never "ninth on the grid" or
    "fourth on the grid"."""
    shown = await ask(engine, question)
    assert "don't say" in shown
    assert "on the grid" not in shown


async def test_above_the_cut_is_above_the_line(engine: AnswerEngine) -> None:
    """ "how far was Okafor above the cut": the report's "nine points above the line"."""
    shown = await ask(engine, "how far was okafor above the cut")
    assert "nine points above the line" in shown
    assert "don't say" not in shown


async def test_mercs_is_mercedes(engine: AnswerEngine) -> None:
    """ "mercs right of review": the Mercedes petition, and what became of it."""
    shown = await ask(engine, "what happened with mercs right of review")
    assert "rejected" in shown
    assert "don't say" not in shown


async def test_a_title_won_is_never_a_place_in_the_final_four(engine: AnswerEngine) -> None:
    """ "who won the cup title": the champion, never the race winner who reached the final."""
    shown = await ask(engine, "who won the cup title")
    assert "Tully" in shown
    assert "Bravo" not in shown


@pytest.mark.parametrize("question", ["what lap was the big one", "what turn was the big one in"])
async def test_words_side_by_side_are_a_name(engine: AnswerEngine, question: str) -> None:
    """ "the big one": the sentence naming the Big One, not one where a lead is "big"."""
    shown = await ask(engine, question)
    assert "The Big One came on lap 150" in shown
    assert "big enough" not in shown


@pytest.mark.parametrize(
    "question",
    [
        "whats the gap between lazzari and ferro before jerez",
        "how far ahead was lazzari going into jerez",
    ],
)
async def test_before_a_race_is_the_story_written_ahead_of_it(
    engine: AnswerEngine, question: str
) -> None:
    """ "before jerez": the standings going into it, not Jerez's own result."""
    shown = await ask(engine, question)
    assert "11 points ahead" in shown
    assert "five points" not in shown


async def test_in_a_row_is_a_run_not_a_place(engine: AnswerEngine) -> None:
    """ "how many podiums in a row": "six consecutive podiums", never "row" read as a place
    no story is at (which denied it)."""
    reading = read("how many podiums in a row did ostrova have", engine.lookup)
    assert reading.places == []
    shown = await ask(engine, "how many podiums in a row did ostrova have")
    assert "six consecutive podiums" in shown
    assert "don't say" not in shown


async def test_a_race_length_is_never_the_laps_led(engine: AnswerEngine) -> None:
    """ "how many laps was the pine flats race": no story gives its length, so say so;
    "led a race-high 98 laps" is Moss's share of it. A length told is shown."""
    shown = await ask(engine, "how many laps was the pine flats race")
    assert "don't say" in shown
    assert "98 laps" not in shown
    assert "404 laps" in await ask(engine, "how many laps was the cedar bend race")
