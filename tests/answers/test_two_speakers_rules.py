"""A sentence holding two people's quotations is no one speaker's: shown as a passage, it is
never labelled "quoting" the first of them, which would put the second's words under the
wrong name (the seed's 'Russell suggested Bottas "was trying to kill us both" while the
Mercedes star defended himself, saying it was "completely his (Russell's) fault."'). On an
invented story."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-05-10-invented-clash": (
        "date 2026-05-10 Kessler and Varga trade blame after their Turn 4 clash at the invented "
        "Lakeside Grand Prix",
        "Jonas Kessler and Imre Varga collided at Turn 4 on lap 12 of the Lakeside Grand Prix, "
        "and both retired.",
        'Kessler said Varga "never looked in his mirrors" while Varga hit back, '
        'insisting the crash was "entirely Jonas\'s doing" and asking for a penalty.',
        "The stewards took no further action.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("two-speakers"), stories)


async def test_the_two_quotations_are_stored_as_their_own_speakers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who said entirely jonass doing")
    assert "Imre Varga said it" in shown


async def test_a_sentence_quoting_both_is_labelled_with_neither(engine: AnswerEngine) -> None:
    shown = await ask(engine, "did varga hit back at kessler")
    assert "entirely Jonas's doing" in shown
    assert "quoting Jonas Kessler" not in shown
    assert "— Jonas Kessler" not in shown
