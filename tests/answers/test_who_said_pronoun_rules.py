""" "Who said <a paraphrase>" with a pronoun in it, on an invented story: "the restart cost her
the race" asks a woman's words, or words whose paragraph speaks of a woman; a man's words
about a restart, in a paragraph with no "she" in it, answer a different question."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

OVAL = "\n\n".join(
    (
        "date 2026-05-03 Invented Oval 250: Lev Marsh holds on",
        "Lev Marsh won the invented Oval 250 on Sunday from Kira Holt and Tom Ruddle.",
        '"Everything cost us time until the restart, then we flew," Marsh said.',
        "Holt had led until the final caution. Holt said the restart had cost her.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("who_said_pronoun"), (("2026-05-03-oval", OVAL),))


async def test_her_in_a_paraphrase_is_answered_by_a_womans_words(engine: AnswerEngine) -> None:
    """Marsh's words hold "restart" and "cost" but speak of no woman: Holt's answer."""
    shown = await ask(engine, "who said the restart cost her the race")
    assert "Kira Holt" in shown
    assert "Marsh said" not in shown


async def test_him_in_a_paraphrase_is_never_a_womans_words_about_herself(
    engine: AnswerEngine,
) -> None:
    """ "cost him": Holt's "cost her", in a paragraph with no "he", does not answer."""
    shown = await ask(engine, "who said the restart cost him the race")
    assert "Kira Holt" not in shown
