"""What one person told another, and a short quote inside a long paraphrase, on an invented
story told in the first person: "what did X tell Y about Z" asks X's words (the one told is no
topic); "who said <a long paraphrase>" is never answered by a one-word quote whose letters
happen to sit inside one of the paraphrase's longer words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

DIARY = "\n\n".join(
    (
        "date 2031-04-02 Invented: Tomas Ekberg's diary of a wet week at Harlow",
        "As told to Petra Lindqvist",
        "Monday, March 30",
        "I rang Ida Solvik after lunch. Ida said I could have the long runs, because she "
        "prefers the short ones anyway. I think she meant it.",
        "The stewards said the rule had decided the race, and I don't think anybody wants "
        "that. I told the team so on the radio.",
    )
)
CHANT = "\n\n".join(
    (
        "date 2031-04-05 Invented: Harlow crowd greets Rocco Vanti",
        'Rocco Vanti stood on the wall after his win and shouted "CORONA" at the crowd.',
        "The grandstand answered him for five minutes.",
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("told"),
        (("2031-04-02-ekberg-diary", DIARY), ("2031-04-05-vanti-crowd", CHANT)),
    )


async def test_what_one_told_another_is_the_tellers_words(engine: AnswerEngine) -> None:
    """ "what did ida tell tomas about runs": Ida's reported words, not a search for
    "tell tomas runs" in the passages."""
    shown = await ask(engine, "what did ida tell tomas about runs")
    assert "I could have the long runs" in shown
    assert shown.startswith("Ida Solvik")  # her words, not the diarist's narration


async def test_what_a_named_person_told_someone_is_their_words(engine: AnswerEngine) -> None:
    """ "what did ida tell him", no topic: her words still, when she is named (a role,
    "his engineer", is left to the passages)."""
    shown = await ask(engine, "what did ida tell him")
    assert shown.startswith("Ida Solvik")


async def test_a_one_word_quote_is_no_match_for_a_long_paraphrase(engine: AnswerEngine) -> None:
    """ "CORONA" sits, letter for letter, near "coronation" no more than "CAMPIONE" in
    "championship": a quote shorter than the phrase must be the phrase's own words."""
    shown = await ask(engine, "who said the rule decided the coronation and nobody wants that")
    assert "Rocco Vanti" not in shown
