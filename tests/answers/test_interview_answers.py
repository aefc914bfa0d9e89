"""A Q&A interview on an invented story: a fan asking the interviewer's question gets the
interviewee's answer under it, verbatim and cited, never the question as somebody's quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

INTERVIEW = "\n\n".join(
    (
        "date 2026-06-20 Invented: 'The gearbox is our Achilles heel': Orla Brant on Kestrel's "
        "season",
        "Orla Brant has run the invented Kestrel team since 2024. We met her in the paddock "
        "before the race to talk about the car and her drivers.",
        "Q: What is the car's biggest weakness?",
        "Reliability of the gearbox. We have lost three finishes to it, and the fix arrives "
        "only in August.",
        "Q: Why did you keep both drivers for next year?",
        "Because they are still improving. Stability is worth more than a big name.",
        "Q: When does Kestrel score its first podium?",
        "When the car deserves one. I will not give you a date.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("interview"), (("2026-06-20-brant", INTERVIEW),))


@pytest.mark.parametrize(
    ("question", "answer", "paragraph"),
    [
        ("whats the cars biggest weakness", "Reliability of the gearbox.", "¶3"),
        ("why did kestrel keep both drivers", "Because they are still improving.", "¶5"),
    ],
)
async def test_the_interviewers_question_brings_the_answer_under_it(
    engine: AnswerEngine, question: str, answer: str, paragraph: str
) -> None:
    """The answer paragraph's first sentences, the interviewee's, cited to their paragraph."""
    shown = render_text(await engine.ask(question))
    assert answer in shown
    assert "Orla Brant" in shown
    assert paragraph in shown
    assert "does not say who said" not in shown
