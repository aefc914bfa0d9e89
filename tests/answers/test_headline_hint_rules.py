"""A place asked about that the story's headline gives helps its sentences, less than one the
sentence names itself, on invented stories: "when is the assen sprint" is the Assen preview's
"with the Sprint at 3pm", not a newer report's "won the sprint on Saturday" elsewhere (the
report names Assen in another sentence)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-06-24-invented-preview": (
        "date 2026-06-24 Invented preview: what to watch at Assen this weekend",
        "The Zephyr bikes arrive at the Cathedral this weekend with the title wide open.",
        "Practice starts on Friday, June 26. Qualifying is on Saturday, June 27, at 11am, "
        "with the Sprint at 3pm.",
    ),
    "2026-11-15-invented-report": (
        "date 2026-11-15 Invented: Corvo is Zephyr champion at Valencia",
        "Lino Corvo is the Zephyr champion after a season of two halves.",
        "It capped a comeback: Corvo had crashed out at Assen and trailed by 40 points.",
        "The decider was tight. Corvo won the sprint on Saturday and took the title on Sunday.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("headline-hint"), stories)


async def test_the_preview_headed_by_the_place_tells_when(engine: AnswerEngine) -> None:
    shown = await ask(engine, "when is the assen sprint")
    assert "with the Sprint at 3pm" in shown
    assert "Corvo" not in shown
