"""A rules FAQ and a verdict column, invented: readers' questions as headings answered in the
section under them ("What happens to launch control? / Gone for good."), where the heading is the
answer's subject; a column's own words ("the biggest loser") are no typos of others ("lose");
the fan's shorthands for a boss ("who's in charge at X"), for someone's words ("X on Y",
"why does X reckon Y"; "hows X feel about Y" and "how did X take it" are in
test_taking_it_rules, "the min weight" in test_clipped_word_rules) and for a plate's number
("the number 1", written "number one"); of two people sharing
a first name, the one quoted in the story headed by what is asked; "who said" by the quote
holding the phrase's telling words, not one only shaped like it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import DENIAL, ask, stories_store

STORIES = {
    "2031-03-02-invented-rules-faq": (
        "date 2031-03-02 WorldSBK 2032 rules explained: lighter bikes, a single tyre and "
        "fewer electronics",
        "By Ottilie Brand",
        "The winter test at Jerez showed the first machines built to next year's rules, and "
        "most of the paddock liked what it saw. These are the questions our readers sent in, "
        "with the answers.",
        "What happens to launch control?",
        "Gone for good. The electronic aids that hold a machine at its ideal revs on the grid are "
        "banned from next year. Riders will have to judge the clutch themselves again.",
        '"Riders who brake late will like the new rules," said Kai Lindgren, who rode the '
        "prototype on the last day.",
        "Is anything else changing?",
        "Under the new rules the minimum weight rises by two kilos, and every team gets one "
        "extra test day.",
    ),
    "2031-02-20-invented-verdicts": (
        "date 2031-02-20 Winners and losers from the Kestrel Park Grand Prix",
        "By Tomas Vell",
        "Every weekend leaves some people happier than others. Here is our verdict.",
        "Winner: Ansel Brook",
        "He won from ninth on the grid and now leads the championship by six points. "
        "Brook's win was his first since March, and his team's first on a street circuit. "
        '"Honestly, it was a quiet afternoon at the office," Brook said. '
        "As champion, Brook will carry the number one next season.",
        "Loser: Halden",
        "Both cars retired with the same fault, and the team fell to fifth in the standings. "
        'Alpine team principal Mira Jansen apologised to both drivers. "We let them down '
        "today,\" Jansen said. Kai Moreau's weekend ended on lap 3 with a gearbox failure. "
        '"It has been that sort of year for all of us," Moreau said. The team blamed a '
        'faulty batch of sensors for both failures. Moreau sees a pattern: "We lose out '
        'every time the nights turn cold, because the car was built for heat," he said.',
        "Kai Moreau, who retires in the autumn, said the new rules come too late for him. "
        '"I will not be around to enjoy them," Moreau said.',
        "Alpine's late charge in the last ten laps took Pia Lund from ninth to fourth.",
        "Asked what went through his mind on the final lap, Brook said he had mostly "
        '"wondered about the ferry home". His team-mate Pia Lund had a longer answer: "I was '
        "wondering about the final lap of last year, when I was wondering about the title and "
        'lost it, and about how long a season is," Lund said.',
        "Biggest winner: Brook, for the drive of the year. Biggest loser: Halden, by a mile.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("faq"), stories)


async def test_a_question_heading_is_its_answers_subject(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happens to launch control in 2032")
    assert DENIAL not in shown
    assert "banned from next year" in shown


async def test_the_biggest_loser_is_a_verdicts_word(engine: AnswerEngine) -> None:
    shown = await ask(engine, "biggest loser of the weekend at kestrel park")
    assert DENIAL not in shown
    assert "Biggest loser: Halden" in shown


async def test_in_charge_asks_for_the_boss(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whos in charge at alpine")
    assert "Mira Jansen" in shown
    assert "late charge" not in shown  # the word "charge" beside the team is no boss


async def test_a_name_on_a_topic_asks_their_words(engine: AnswerEngine) -> None:
    shown = await ask(engine, "brook on his win")
    assert "a quiet afternoon at the office" in shown
    assert "his first since March" not in shown  # a sentence about the win is no words of his


async def test_a_plates_number_is_written_in_words(engine: AnswerEngine) -> None:
    shown = await ask(engine, "will brook carry the number 1")
    assert DENIAL not in shown
    assert "carry the number one" in shown


async def test_why_they_reckon_is_their_words(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why does moreau reckon alpine lose out")
    assert "built for heat" in shown
    assert "faulty batch of sensors" not in shown  # the team's cause, not his opinion


async def test_a_shared_first_name_is_the_one_the_headline_fits(engine: AnswerEngine) -> None:
    # Both Kais' stories speak of the new rules; only the rules explainer is headed by them.
    shown = await ask(engine, "what did kai say about the new rules")
    assert "Riders who brake late" in shown


async def test_who_said_needs_the_phrases_telling_words(engine: AnswerEngine) -> None:
    # Lund's long quote is close in shape ("wondering about the final lap") but says nothing
    # of a ferry; the sentence reporting Brook's words holds every word it lacks.
    shown = await ask(engine, "who said he was wondering about the ferry on the final lap")
    assert "Ansel Brook" in shown
    assert "Pia Lund" not in shown
