"""A podcast's transcript: the host's turn that asks ("... what does Rennick need?") is
answered by the next turn, a guest's ("Fourth. Fourth gives him the title"), as an
interviewer's "Q:" line is answered by the paragraph under it. The fan's words match the
host's question best; what they want is the guest's answer, which rarely repeats them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers._interviews import question_paragraphs
from bot.store import Store
from tests.answers.scoring import ask, engine_over, stories_store

STORIES = {
    "2026-11-18-invented-podcast": (
        "date 2026-11-18 The Back Straight podcast: our panel on the finale and the Kestrel "
        "engineer",
        "This is an edited transcript of this week's episode of The Back Straight. The host "
        "is Nina Ferrow. Her guests are Tomas Reyl, a former team manager at Arc, and Ada "
        "Quist, our chief writer.",
        "NINA: Welcome back. One race left and two drivers in it.",
        "ADA: And neither of them is sleeping much, from what I hear.",
        'NINA: A listener question now, from Ravi in Perth. He asks: "If Dace wins the '
        'finale, what does Rennick need?"',
        "TOMAS: Fourth. Fourth gives him the title by a point, and fifth gives it to Dace.",
        "NINA: Kestrel let their race engineer go on Tuesday. Right call?",
        "ADA: Wrong. He was the one person on that pit wall who kept his head in Jarama.",
        "TOMAS: I'd have done the same as Kestrel, honestly.",
    ),
    "2026-11-10-invented-report": (
        "date 2026-11-10 Invented report: Dace wins at Jarama to close on Rennick",
        "Ilya Dace won at Jarama on Sunday to move within 12 points of Kai Rennick.",
        "Rennick finished fourth after a slow stop.",
    ),
}


@pytest.fixture(scope="module")
def engine_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("podcast"),
        [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()],
    )


async def _ask(db: Path, question: str) -> str:
    async with engine_over(db) as engine:
        return await ask(engine, question)


async def test_a_host_turn_that_asks_is_a_question_and_one_that_tells_is_not(
    engine_store: Path,
) -> None:
    async with await Store.open(engine_store) as store:
        quotes, _ = await store.said_in(["2026-11-18-invented-podcast"])
    # 4: the listener's question, 6: "Right call?"; 2, the host's welcome, asks nothing,
    # and 7, a guest's answer before the other guest's, asks nothing.
    assert question_paragraphs(quotes) == frozenset({4, 6})


async def test_a_hosts_question_brings_the_guests_answer(engine_store: Path) -> None:
    shown = await _ask(engine_store, "what does rennick need if dace wins the finale")
    assert "Fourth gives him the title by a point" in shown, shown
