"""A topic heading ("Tyres, kerbs and the forecast") names what its section tells and tells
none of it, on an invented preview: shown, it gives way to its section's sentences, which
answer; a heading holding a figure ("Lap 27 ...") is a claim of its own and stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2031-08-10-invented-preview": (
        "date 2031-08-10 Kestrel Park preview: Brook can clinch the title on Sunday",
        "Ansel Brook arrives at Kestrel Park 30 points ahead of Halvor Dunmore, and a win "
        "on Sunday would settle the championship with two races to spare.",
        "Dunmore said he would race for the win and nothing else.",
        "Tyres, kerbs and the forecast",
        "Pirelli brings the two hardest compounds, because the new asphalt is rough. The "
        "organisers have raised the kerb at the final chicane by four centimetres. No rain "
        "is expected, with 31 degrees for the race.",
        "What they said",
        '"We have not won here since 2024, and that needs to change," Brook said.',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("topic"), stories)


async def test_a_topic_heading_gives_way_to_its_section(engine: AnswerEngine) -> None:
    shown = await ask(engine, "whats the forecast at kestrel park")
    assert "Tyres, kerbs and the forecast" not in shown
    assert "Pirelli brings the two hardest compounds" in shown
