"""What happened to someone, on an invented first-person column: of the story's sentences
telling an event, the one with them as its subject ("He spun ...", carried from the
sentence before) answers, not one where they are another's object ("I hit the side of
Nils's car"), which tells what the writer did."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

COLUMN = "\n\n".join(
    (
        "date 2026-09-14 Invented column: Oskar Brel on the worst Sunday of his year at Varnholm",
        "I have had better Sundays at the invented Varnholm circuit, and I owe the team an "
        "honest account of this one.",
        "We started on the hard tyre and for fifteen laps the plan worked. Then, on lap 17, "
        "I tried to pass Nils Ardent into the hairpin.",
        "I braked too late, I locked the left-front and I hit the side of Nils's car. He "
        "spun, fell to the back and finished without points.",
        "I went to his team's garage afterwards and said sorry to him in person.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("event-subject"), (("2026-09-14-brel", COLUMN),))


async def test_what_befell_someone_is_the_sentence_they_are_the_subject_of(
    engine: AnswerEngine,
) -> None:
    shown = render_text(await engine.ask("what happened to ardent on lap 17"))
    spun = shown.find("He spun, fell to the back")
    assert spun >= 0
    # The writer's own move may follow, never come first.
    hit = shown.find("I hit the side of Nils's car")
    assert hit < 0 or spun < hit
