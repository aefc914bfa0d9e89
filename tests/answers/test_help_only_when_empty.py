"""The help text is for a question with nothing in it, never for a real one: a question whose
only word the reader takes for a scope ("gp" is read as the race) but which the articles use
is answered with what they do not say. Invented story."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

HELP = "I answer from the stored articles"

RADIO = "\n\n".join(
    (
        "date 2026-10-20 Invented Texas round: Varga and his engineer trade words on the radio",
        "Tomas Varga finished second in the invented Texas round on Sunday after a tense "
        "afternoon on the radio with his race engineer, Nils Okoro.",
        "Okoro, whom the whole garage calls simply GP, told Varga to look after his rear "
        "tyres in the final stint.",
        '"I know what I am doing, just let me drive," Varga replied on lap 41.',
    )
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("help"), (("2026-10-20-varga", RADIO),))


@pytest.mark.parametrize("question", ["who is gp", "what did gp say", "who is the gp"])
async def test_a_word_the_articles_use_is_never_answered_with_the_help(
    engine: AnswerEngine, question: str
) -> None:
    shown = await ask(engine, question)
    assert HELP not in shown
    assert shown.strip()


async def test_a_question_with_no_word_the_articles_use_gets_the_help(
    engine: AnswerEngine,
) -> None:
    assert HELP in await ask(engine, "qwzx vbnm")


@pytest.mark.parametrize(
    "question", ["whats the wether gonna be like", "is it gonna rane", "wheres the afterparty"]
)
async def test_a_question_none_of_whose_words_the_articles_use_is_told_they_do_not_say(
    engine: AnswerEngine, question: str
) -> None:
    """A fan's typo or slang leaves no word the articles use, but it is still a question:
    the honest negative, not the help text."""
    shown = await ask(engine, question)
    assert HELP not in shown
    assert shown.startswith("The articles don't say")


@pytest.mark.parametrize("question", ["hello", "whats up", "what"])
async def test_a_greeting_or_a_bare_question_word_gets_the_help(
    engine: AnswerEngine, question: str
) -> None:
    assert HELP in await ask(engine, question)
