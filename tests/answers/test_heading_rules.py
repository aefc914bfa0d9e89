"""Sub-headings on an invented explainer: a question heading ("What is bouncing?", "Did it
work?") is never shown as the answer; a fan asking it is answered by the section under it,
whose words are its own ("The data says yes."); a sentence naming what the one before it
described ("Engineers call that bouncing.") brings that one; a byline is no story's lede."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers._sections import heading_shaped, sections_of
from bot.models import Passage
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-05-02-invented-explainer": (
        "date 2031-05-02 Explained: how Halden cured the bouncing of its HR9, and why it is "
        "quicker through the fast corners than in February",
        "By Maren Oyelaran, technical editor",
        "Halden arrived in Europe seventh in the constructors' championship, and its drivers "
        "had spent the first four races complaining about the car. We asked the team's "
        "engineers what had gone wrong, and how they fixed it.",
        "What is bouncing?",
        "The HR9 makes most of its grip from the air flowing under its floor. At high speed "
        "the floor is sucked towards the track until the airflow stalls, the car rises, the "
        "grip returns and the floor is sucked down again, several times a second. Engineers "
        "call that bouncing.",
        "Why was Halden worse than its rivals?",
        "Every team bounced in the early races. Halden's floor had been shaped in a wind "
        "tunnel that ran two millimetres higher than the real car, said Ilse Varnhagen, the "
        "team's head of aerodynamics.",
        "What did they change?",
        "There were two changes, and neither needed a new floor. First, the team stiffened "
        "the rear suspension. Second, it raised the car by a millimetre at the rear.",
        "Did it work?",
        "The data says yes. In the first four races the HR9 was the ninth-quickest car "
        "through Copse; since Imola it has been the third-quickest.",
        "Varnhagen said the team would keep the same floor until the summer break.",
    ),
    "2031-04-20-invented-report": (
        "date 2031-04-20 Corvo wins at Imola as Halden's Rask fades to ninth",
        "Tomas Corvo won the Emilia Romagna Grand Prix on Sunday, six seconds ahead of Pia "
        "Lund. Halden's Jonas Rask started fourth and finished ninth after his car began "
        "bouncing on the straights.",
        "Rask said the bouncing had cost him half a second a lap.",
        "Corvo's crew had fitted a softer front wing on Saturday night. That is why the "
        "Vallett car turned in so well through Tamburello, his engineer said.",
        "Corvo is the veteran of the grid. The Italian retires in December and was asked on "
        'Monday what advice he had for the rookies at Monaco. "Keep the car off the barriers '
        'on Thursday," he said. "Saturday is the day that counts."',
    ),
    "2031-06-01-invented-five-things": (
        "date 2031-06-01 Five things we learned from the Kestrel Park Grand Prix",
        "Kestrel Park rarely hides anything, and on Sunday it told us plenty.",
        "1. Brook finally has a car that turns",
        "Ansel Brook has complained about understeer all year. On Sunday he won by nine seconds.",
        "2. Dunmore's opening lap was one to forget",
        "The race was barely 20 seconds old when Halvor Dunmore clipped the kerb at Turn 3 "
        "and spun into the gravel, and his afternoon was over.",
        "3. The new tyres last",
        "Nobody stopped more than once.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("headings"), stories)


async def test_a_term_asked_is_told_by_the_sentence_that_defines_it(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "whats bouncing")
    assert "What is bouncing?" not in shown
    assert "Engineers call that bouncing" in shown
    assert "the floor is sucked towards the track until the airflow stalls" in shown


async def test_a_question_heading_restated_is_answered_by_its_section(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "did the halden fix work")
    assert "Did it work?" not in shown
    assert "third-quickest" in shown


async def test_what_they_changed_is_the_sections_opening(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did halden change to fix it")
    assert "What did they change?" not in shown
    assert "There were two changes" in shown


def _story(*texts: str) -> list[Passage]:
    return [Passage(t, i) for i, t in enumerate(texts, start=1)]


def test_a_heading_stands_between_paragraphs_of_prose() -> None:
    story = _story(
        "By Maren Oyelaran",
        "The car was slow. Nobody knew why.",
        "Did it work?",
        "The data says yes. It was quicker.",
        "It was also lighter.",
        "The tyres and the track",
        "Both were new.",
    )
    sections = sections_of(story)
    assert {n: (s.heading.paragraph, s.depth) for n, s in sections.items()} == {
        4: (3, 0),
        5: (3, 1),
        7: (6, 0),
    }
    assert sections[4].asks and not sections[7].asks


def test_a_lists_items_a_byline_and_a_quotation_head_nothing() -> None:
    story = _story(
        "The full calendar:",
        "1. Imola, April 20",
        "2. Monaco, May 4",
        "Two races are new.",
    )
    assert sections_of(story) == {}
    assert not heading_shaped("By Maren Oyelaran, technical editor")
    assert not heading_shaped('"Did it work?"')
    assert not heading_shaped("Q: Fifth in the championship. Is that where you expected?")
    assert heading_shaped("What comes next?")


async def test_a_byline_is_no_ledes_sentence(engine: AnswerEngine) -> None:
    lede = await engine._passages.lede("2031-05-02-invented-explainer")
    assert lede is not None
    assert lede.passages[0].text.startswith("Halden arrived in Europe seventh")


async def test_a_sentence_leaning_on_the_one_before_brings_it(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why did the vallett car turn in so well through tamburello")
    assert "That is why the Vallett car turned in so well" in shown
    assert "had fitted a softer front wing on Saturday night" in shown


async def test_asked_what_advice_brings_the_answer_after_it(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what advice did corvo give the rookies")
    assert "was asked on Monday what advice he had" in shown
    assert "Keep the car off the barriers on Thursday" in shown


async def test_a_why_heading_is_answered_by_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "why was haldens bouncing worse than every1 else")
    assert "Why was Halden worse than its rivals?" not in shown
    assert "shaped in a wind tunnel that ran two millimetres higher" in shown


async def test_a_numbered_heading_shown_brings_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what happened on the opening lap at kestrel park")
    assert "spun into the gravel" in shown
    shown = await ask(engine, "what happened to dunmore on the first lap")
    assert "spun into the gravel" in shown
    assert "\n2.\n" not in shown  # a heading's number alone is no sentence to show
