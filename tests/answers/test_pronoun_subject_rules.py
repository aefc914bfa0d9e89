"""A "he" is the person the sentence before made its subject, never the one asked merely
because the story is about him (``bot.answers.reading``): in "Ansel Toft won ... Kai Moreno
spun out from third. He clipped the barrier at the hairpin", the barrier is Moreno's, so
"what did toft hit" is not answered by it, though it stands next to Toft's sentence and the
headline names Toft. Nor is Moreno's own sentence. Asked about Moreno, both are his."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2032-05-09 Invented: Toft takes Halvard as Moreno spins out of third",
    "Ansel Toft took the Halvard Grand Prix on Sunday, two seconds clear of Bea Quist.",
    "Kai Moreno spun out on lap 9 from third place. He clipped the barrier at the hairpin "
    "when his rear tyres let go, and climbed out unhurt.",
    "Toft was never headed.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("pronoun_subject"),
        [("2032-05-09-invented-halvard", "\n\n".join(STORY))],
    )


@pytest.mark.parametrize("question", ["what did toft hit", "what did ansel toft hit"])
async def test_anothers_he_is_not_the_one_asked(engine: AnswerEngine, question: str) -> None:
    """Without the rule: "He clipped the barrier ..." shown first, as Toft's."""
    shown = await ask(engine, question)
    assert "He clipped the barrier" not in shown, shown
    assert "Kai Moreno spun out" not in shown, shown


async def test_the_one_named_before_still_answers(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did moreno hit")
    assert "He clipped the barrier at the hairpin" in shown, shown
    assert "don't say" not in shown, shown
