"""The chosen story read whole (``bot.answers.reading``), on invented stories: the sentence
that answers stands next to the one the search finds, or holds the answer's shape (a year, an
event between two people) in words the question does not use; a question the story does not
answer is still denied."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import _mentions, split_sentences, stems
from bot.answers.reading import StoryReader
from bot.models import Passage
from tests.answers.scoring import DENIAL, ask, stories_store

STORIES = {
    "2026-02-10-invented-launch": (
        "date 2026-02-10 Korvath shows its first car in Valdor with Ruud and Menke",
        "VALDOR — Korvath showed its first Formula 1 car on Tuesday in a hall by the river, "
        "with Sami Ruud and Lotte Menke as its drivers.",
        "The car runs on a Brenner power unit, as it will until Korvath's own engine, built "
        "in Ostwick, is ready for the 2030 season.",
        "The team will build a wind tunnel of its own beside the factory.",
        "Team principal Arno Vell said the car was slower than he wanted.",
    ),
    "2026-09-12-invented-market": (
        "date 2026-09-12 Serra to leave Korvath at the end of the season",
        "Paul Serra is leaving Korvath at the end of the season, the team confirmed on Friday. "
        "Vell said the talks had ended because the two sides wanted different things for 2027.",
        "Serra has raced for the team since 2022.",
    ),
    "2026-05-03-invented-superbike": (
        "date 2026-05-03 Dahl wins twice at Valdor as Krel says sorry for Osten clash",
        "Mika Dahl won both races at the invented Valdor circuit this weekend, but the talk of "
        "the paddock was a clash between Joel Krel and Anton Osten.",
        "The second race was decided early. Krel, the veteran everyone calls the Bear, braked "
        "too late into the last chicane and ran into the side of Osten's bike. Osten fell and "
        "could not rejoin; Krel was given a long lap penalty by the stewards and finished ninth.",
        "Dahl won the first race by 1.2 seconds from Paul Serra.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("reading"), stories)


async def test_a_year_alone_answers_when(engine: AnswerEngine) -> None:
    """ "when will korvath have its own engine": "ready for the 2030 season" holds every word
    asked and a year, though no month or day the date search asks for."""
    shown = await ask(engine, "when will korvath have its own engine")
    assert "2030" in shown
    assert DENIAL not in shown


async def test_what_passed_between_two_is_the_sentence_telling_it(engine: AnswerEngine) -> None:
    """ "what happened between krel and osten": the sentence telling the clash (he braked
    too late and ran into the side of the other's bike), not only the lede naming it."""
    shown = await ask(engine, "what happened between krel and osten")
    assert "ran into the side" in shown


async def test_the_cause_next_to_the_news_answers_why(engine: AnswerEngine) -> None:
    """ "why is serra leaving korvath": the sentence after the news gives the cause
    ("because the two sides wanted different things") in fewer of the question's words."""
    shown = await ask(engine, "why is serra leaving korvath")
    assert "because the two sides wanted different things" in shown


async def test_a_question_the_story_does_not_answer_is_still_denied(engine: AnswerEngine) -> None:
    """ "when will korvath have its own wind tunnel": the story says it will build one, never
    when; a sentence with a date but not the words asked does not answer it."""
    shown = await ask(engine, "when will korvath have its own wind tunnel")
    assert "2030" not in shown
    assert DENIAL in shown


def test_a_pronoun_opening_a_sentence_carries_the_person_named_before() -> None:
    """ "She crashed ... on lap 9" is about Menke, whom the sentence before names, however the
    pronoun is written; a sentence naming someone else does not carry her on."""
    reader = StoryReader(
        [frozenset({"crash"})], [{"lotte menke", "menke"}], {"lap"},
        mentions=_mentions, sentences=split_sentences, stems_of=stems,
    )  # fmt: skip
    story = [
        Passage("Menke came from sportscars. She crashed at the hairpin on lap 9.", 1),
        Passage("Ruud won the race. He crashed on lap 3 a year ago.", 2),
    ]
    ranked = {r.text: r for r in reader.rank(story)}
    assert ranked["She crashed at the hairpin on lap 9."].people
    assert not ranked["He crashed on lap 3 a year ago."].people
