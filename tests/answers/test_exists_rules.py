"""Whether something exists, asked ("is there a tyre limit"), on an invented preview: the
sentence saying there is (or is no) that thing answers, not one that only names it ("the
tyre limit at the last round had cost him a win")."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import _tells_there_is, stem
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-07-01-invented-preview": (
        "date 2031-07-01 Kestrel Park preview: Brook needs a podium, and the tyres are new",
        "Ansel Brook arrives at Kestrel Park 14 points ahead of Halvor Dunmore with two races "
        "left.",
        "Pirelli brings its hardest tyres, after blistering at the last round forced a limit "
        "of 20 laps on each set. This time there will be no limit on stint length, because "
        "the track was resurfaced in May.",
        'Dunmore said the tyre limit at the last round had cost him a win. "The limit on the '
        'tyres hurt us more than anyone," he said.',
        "There is no sprint this weekend, and the race starts at 3pm.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("exists"), stories)


async def test_is_there_is_answered_by_there_is_no(engine: AnswerEngine) -> None:
    shown = await ask(engine, "is there a tyre limit at kestrel park")
    assert "there will be no limit on stint length" in shown


@pytest.mark.parametrize(
    ("sentence", "asked", "tells"),
    [
        ("There is no sprint this weekend, and the race starts at 3pm.", "sprint", True),
        ("There is no sprint this weekend, and the race starts at 3pm.", "weekend", False),
        ("This time there will be no limit on stint length.", "limit", True),
        ("Dunmore said the tyre limit had cost him a win.", "limit", False),
    ],
)
def test_there_is_names_the_thing_right_after_it(sentence: str, asked: str, tells: bool) -> None:
    assert _tells_there_is(sentence, [(stem(asked),)]) is tells
