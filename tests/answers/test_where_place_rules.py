"""A "where" question is answered by a sentence that gives a place, not only by one naming a
track's turn or corner: "where was the podcast recorded" is "recorded ... in our Lisbon
studio", over a sentence about a corner that shares the story's words. A sentence naming only
the place the question asks about gives no other place."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages._places import tells_place
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2026-11-12 The Pit Board podcast: our panel on Renner's lunge and the Ostmark finale",
    "This week's episode of The Pit Board was recorded on Tuesday evening in our Lisbon "
    "studio, and it has been shortened for length.",
    "The panel spent most of the hour on Renner's lunge at the last corner of the race.",
    "Larsen was never going to make that corner, the panel agreed.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented podcast story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("where_place"),
        [("2026-11-12-invented-podcast", "\n\n".join(STORY))],
    )


async def test_a_place_answers_where_over_a_corner(engine: AnswerEngine) -> None:
    """Without the rule the corner sentences were preferred as the only "where" cue."""
    shown = await ask(engine, "where was the podcast recorded")
    assert "Lisbon studio" in shown
    assert "don't say" not in shown


def test_the_place_asked_is_no_other_place() -> None:
    asked = frozenset({"lisbon"})
    assert tells_place("It was recorded in our Lisbon studio.", frozenset())
    assert not tells_place("It was recorded in our Lisbon studio.", asked)
    assert not tells_place("It was recorded in February.", frozenset())


def test_a_team_is_no_place() -> None:
    # "at Ferrari" is where someone raced, never where something happened.
    assert not tells_place("Vail spent three seasons at Ferrari before this one.", frozenset())
    assert tells_place("Vail crashed at the Corkscrew on lap 30.", frozenset())
