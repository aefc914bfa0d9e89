"""An ordinary word a letter from a cue word is no typo of it (``understand.NOT_TYPOS``):
the mending that reads "penalsed" as "penalised" read "contract" as "contact", so "what
about denks contract" was answered by the sentence telling Denk's contact at Turn 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

STORY = (
    "date 2031-05-11 Invented: Pell wins at Corran",
    "Ari Pell won at Corran on Sunday after Ivo Denk made contact with him at Turn 1.",
    '"The contact at Turn 1 was my fault and I told Ari so," Denk said.',
    "Denk finished ninth.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented race report, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("not_typo"), [("2031-05-11-invented-corran", "\n\n".join(STORY))]
    )


@pytest.mark.parametrize("question", ["what about denks contract", "denk contract news"])
async def test_a_contract_is_no_contact(engine: AnswerEngine, question: str) -> None:
    """Without the rule: the contact at Turn 1 shown as the answer, no denial above it."""
    shown = await ask(engine, question)
    assert shown.startswith("The articles don't say"), shown


async def test_a_typo_is_still_mended(engine: AnswerEngine) -> None:
    shown = await ask(engine, "what did denk say about the contakt")
    assert "The contact at Turn 1 was my fault" in shown, shown
