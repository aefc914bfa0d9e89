"""Whether something exists, asked of a session ("is there a sprint at kestrel park", "will
there be a shootout"): the session is the thing asked about, a word the sentence must tell of
("There is no sprint this weekend"), not a part of the weekend scoping the answer as in "who
won the sprint". Invented stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._reading import _indirect
from bot.answers.understand import read
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-06-20-invented-report": (
        "date 2031-06-20 Dunmore wins the Vellmoor sprint and the race",
        "Halvor Dunmore won the sprint at Vellmoor on Saturday and the race on Sunday.",
        "Ansel Brook was second in both, and said the car had been hard to drive in the heat.",
    ),
    "2031-07-01-invented-preview": (
        "date 2031-07-01 Kestrel Park preview: Brook needs a podium to keep the title alive",
        "Ansel Brook arrives at Kestrel Park 14 points behind Halvor Dunmore with two races "
        "left. There is no sprint this weekend, so 25 points is the most either of them can "
        "score.",
        "Brook has won at Kestrel Park twice, and Dunmore has never finished on the podium there.",
        "The track was resurfaced in May, and Pirelli brings its softest tyres.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("exists_asked"), stories)


@pytest.mark.parametrize(
    "question", ["is there a sprint at kestrel park", "will there be a sprint at kestrel park"]
)
async def test_a_session_asked_to_exist_is_what_the_sentence_tells(
    engine: AnswerEngine, question: str
) -> None:
    shown = await ask(engine, question)
    assert "There is no sprint this weekend" in shown


async def test_the_session_asked_to_exist_is_a_word_not_a_scope(engine: AnswerEngine) -> None:
    asked = read("is there a sprint at kestrel park", engine.lookup)
    assert asked.session is None
    assert "sprint" in asked.words
    scoped = read("who won the sprint at kestrel park", engine.lookup)
    assert scoped.session == "sprint"
    assert "sprint" not in scoped.words


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("is there a sprint at yas", "whether there is a sprint at yas"),
        ("will there be a shootout", "whether there will be a shootout"),
        ("are there any tyre limits", "whether there are any tyre limits"),
        ("did norris win", "whether norris win"),
    ],
)
def test_a_question_whether_a_thing_exists_is_told_with_its_verb(question: str, told: str) -> None:
    """Told as "they don't say whether there is a sprint", never "whether there a sprint"."""
    assert _indirect(question) == told
