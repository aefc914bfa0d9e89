"""A parent asked about is told by the other word for them, or as the child's, each rule on an
invented story: "his dad" is "Papa" in the driver's own words and "the father" in the
narration, and "what advice did his dad give him" is told as "advice he had given his son"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-09-14-invented-profile": (
        "date 2026-09-14 Teodor Vasko, the karting prodigy who found his own way to Formula 2",
        "Teodor Vasko grew up in a garage in Brno, where his father Milan Vasko, a former "
        "rally driver, rebuilt engines for a living.",
        '"Papa never forced me into anything," Vasko said. "He waited until I asked."',
        'Asked what advice he had given his son, the elder Vasko was brief: "Listen to the '
        'tyres. Then listen to the engineers."',
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("family"), stories)


async def test_papa_is_the_dad_asked_about(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did vasko say his dad forced him")
    assert "Papa never forced me" in shown
    assert "don't say" not in shown


async def test_advice_given_to_his_son_is_his_dads_advice(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what advice did his dad give him")
    assert "Listen to the tyres" in shown
    assert "don't say" not in shown
