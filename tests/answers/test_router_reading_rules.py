"""The router's reading of a question's words, each rule on invented stories: what someone
said about "the title fight" is their words, not their team; "who asked about X" names the
asker a transcript prints with the question; the words after "after" or "in" are a place
only when they name one ("after winning baku", never "after he lost the title" or "in the
morning"); "thrown out" is an exclusion; "lose the lead" is the race's lead, not the
standings; a team's people the chosen story never names ask nothing of it; and "behind"
is a standings word only beside a number or the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._kinds import _kinds
from bot.answers.router._shapes import _WHO_ASKED
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-11-invented-presser": (
        "date 2026-10-11 Invented GP press conference: Holm, Varga and Lindqvist on a title "
        "fight with three races left",
        "Teo Holm won the invented Grand Prix on Sunday from Ilja Varga, with Nils Lindqvist "
        "third.",
        "Here is an edited transcript of the post-race press conference.",
        "Q: Teo, a dominant win. Talk us through it.",
        "TEO HOLM: The tyres held on better than we expected and the car was fast all weekend.",
        "Q: (Mara Quell - Invented Daily) Teo, nine points clear with three races left. Can "
        "anyone stop you in this title fight?",
        "TEO HOLM: Nine points is not much at all. I take it one race at a time and I am not "
        "counting anything yet.",
        "Q: (Pavel Oster - Wheel Weekly) Question for all three. The safety car on lap 12 "
        "stayed out for six laps. Was it too long?",
        "ILJA VARGA: It was long, but the barrier needed fixing, so it was fine for me.",
    ),
    "2026-09-20-invented-baku": (
        "date 2026-09-20 Invented race at Baku: Varga holds off Holm",
        "Ilja Varga won the invented race in Baku on Sunday, 1.4 seconds ahead of Teo Holm.",
        '"The car was superb from the first lap and I never had to push," Varga said.',
    ),
    "2026-11-02-invented-tribute": (
        "date 2026-11-02 Invented tribute: Bram Ostrander, team founder, dies at 80",
        "Bram Ostrander, who ran his own sportscar team for thirty years, has died aged 80.",
        "In 2009 his car was excluded from the invented 6 Hours after scrutineers found its "
        "rear wing was two centimetres too wide.",
    ),
    "2026-02-14-invented-e-prix": (
        "date 2026-02-14 Invented E-Prix: Adler wins for Porsche",
        "Porsche driver Rik Adler won the invented E-Prix on Saturday.",
        '"A perfect day for the whole team," Adler said.',
    ),
    "2026-01-26-invented-daytona": (
        "date 2026-01-26 Invented 24-hour race at Daytona: Cadillac wins after Porsche "
        "pit-lane blunder",
        "The No. 31 Cadillac of Jens Marlow won the invented 24-hour race at Daytona on Sunday.",
        "The Porsche had led for most of the night, but the race turned in the 20th hour. "
        "Jan Oude was caught speeding in the pit lane and the No. 7 was given a "
        "drive-through penalty.",
    ),
    "2026-11-29-invented-column": (
        "date 2026-11-29 Invented column: Kai Brandt on the worst weekend of his year",
        "Kai Brandt writes about a weekend he would rather forget.",
        "Brandt was standing behind Holm in the drivers' briefing on Friday, two days before "
        "the race, thinking about how many of his best weekends came after his worst ones.",
    ),
    "2026-11-22-invented-standings": (
        "date 2026-11-22 Invented standings: Holm leads with three races left",
        "Teo Holm leads the championship on 301 points, with Ilja Varga nine points behind on 292.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("reading"), stories)


async def test_what_someone_said_about_the_title_fight_is_their_words(
    engine: AnswerEngine,
) -> None:
    """ "title" asks for a team's role elsewhere; asked what someone said, it is the topic."""
    shown = await ask(engine, "what did holm say about the title fight")
    assert "Nine points is not much" in shown


async def test_who_asked_names_the_asker_of_a_transcript_question(engine: AnswerEngine) -> None:
    """The transcript prints the asker with the question: that paragraph answers."""
    shown = await ask(engine, "who asked about the safety car")
    assert "Pavel Oster" in shown
    assert "Mara Quell" not in shown
    assert "don't say" not in shown


def test_who_asked_for_is_a_request_not_a_question() -> None:
    """ "who asked for team orders" asks who wanted them, which the passages tell."""
    assert _WHO_ASKED.match("who asked about the safety car")
    assert _WHO_ASKED.match("who asked for team orders") is None


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("what did varga say after winning baku", ["baku"]),
        ("what did holm say after he lost the title", []),
        ("why was holm slow in the morning", []),
        ("what did holm say after finishing second", []),
        ("what did holm say in the press conference", []),
        ("who won at sebring", ["sebring"]),
    ],
)
def test_only_a_place_is_read_as_a_place(
    engine: AnswerEngine, question: str, places: list[str]
) -> None:
    """A verb after "after" is the event, a clause is no place, nor is a time of day."""
    assert read(question, engine.lookup).places == places


async def test_what_was_said_after_winning_a_place_is_said_there(engine: AnswerEngine) -> None:
    """ "after winning baku": Varga's words at Baku, not "no quote at Winning Baku"."""
    shown = await ask(engine, "what did varga say after winning baku")
    assert "superb from the first lap" in shown


async def test_thrown_out_is_an_exclusion(engine: AnswerEngine) -> None:
    """A car "thrown out" is one a report says was excluded."""
    shown = await ask(engine, "why were they thrown out in 2009")
    assert "rear wing" in shown
    assert "don't say" not in shown


def test_losing_the_lead_is_the_races_lead(engine: AnswerEngine) -> None:
    """ "lose the lead" is where the cars ran; with the table named it is the standings."""
    assert "points" not in _kinds(read("why did the porsche lose the lead", engine.lookup))
    assert "points" in _kinds(read("how did holm lose the championship lead", engine.lookup))


async def test_a_team_the_story_never_names_asks_nothing_of_it(engine: AnswerEngine) -> None:
    """ "the porsche" at Daytona is the endurance car, not Adler's Formula E team, whom the
    Daytona story never names: a sentence need not name Adler to answer."""
    shown = await ask(engine, "why did the porsche lose the lead at daytona")
    assert "speeding" in shown
    assert "don't say" not in shown


async def test_standing_behind_someone_is_no_standings(engine: AnswerEngine) -> None:
    """ "standing behind him in the briefing" tells no points; "nine points behind" does."""
    shown = await ask(engine, "how many points has brandt got this year")
    assert "standing behind" not in shown
    assert "don't say" in shown
    assert "nine points behind" in await ask(engine, "how far behind is varga")


def test_who_won_reads_a_series_few_stories_whole(engine: AnswerEngine) -> None:
    """ "won" is in too many paragraphs to propose the one telling the result: the few
    stories chosen for "who won" are read whole, as a schedule's are for a clock time."""
    router = engine._router
    reading = read("who won the nascar race", engine.lookup)
    kinds = _kinds(reading)
    slugs = ["a", "b", "c"]
    assert router._query(reading, kinds, [], slugs).whole_stories
    assert not router._query(reading, kinds, [], [f"s{i}" for i in range(9)]).whole_stories
