"""The title fight as the newest story tells it, each rule on invented stories: "the gap going
into Jerez" is the Jerez preview's own standings line (a preview is written before the race,
never its report), and "what does X need to win the title" is a title still to be decided,
never the champion another series crowned."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-11-22-invented-champion": (
        "date 2026-11-22 Mira Rossa is invented bike champion by one point",
        "Mira Rossa is the 2026 invented bike world champion. She takes the title by a single "
        "point after finishing second in the last race.",
    ),
    "2026-11-30-invented-five-things": (
        "date 2026-11-30 Five things we learned at Losail: Holm wins and Rapid hold fifth",
        "Teo Holm won at Losail on Sunday from Ilja Varga, and the two go on to Jerez.",
        "Rapid Racing go to Jerez six points ahead of Arcus in the fight for fifth in the "
        "teams' championship.",
    ),
    "2026-12-01-invented-preview": (
        "date 2026-12-01 Jerez preview: Holm needs fourth, Varga needs a win and help",
        "Teo Holm arrives at Jerez this weekend on 320 points, four ahead of Ilja Varga on "
        "316, and the race on Sunday, December 6, is the only one left.",
        "If Varga wins, Holm needs fourth. Varga cannot do it on his own: he has to win and "
        "hope Holm finishes fifth or lower.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented stories, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("title_fight"), stories)


async def test_the_gap_going_into_a_race_is_its_previews(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whats the points gap going into jerez")
    assert "four ahead of Ilja Varga" in shown


async def test_what_someone_needs_to_win_a_title_is_no_champion_crowned(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "what does varga need to win the title")
    assert "Rossa" not in shown
    assert "Jerez preview" in shown
