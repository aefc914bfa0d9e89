"""Obituaries and biographies on invented stories: a fan asks an obituary's facts in
passing ("how old was X when he died", "what did X die of", "where did he die") and the
sentences telling the death answer, cited; a living driver's "death" is no one's."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

OBITUARY = "\n\n".join(
    (
        "date 2026-09-02 Aurelio Brancati, founder of Scuderia Brancati, dies aged 84",
        "Aurelio Brancati, who founded Scuderia Brancati in a barn outside Vellano and ran it "
        "for half a century, has died at the age of 84.",
        "He passed away on Sunday in a hospital in Cortemare after a short illness, the team "
        "said.",
        "Brancati was a welder before he built cars. His first prototype won its class at the "
        "invented Vellano Six Hours in 1979.",
        '"He taught us that a car is finished when it wins," said Nina Okoro, who raced for '
        "the team in 2004.",
    )
)  # fmt: skip

RACE = "\n\n".join(
    (
        "date 2026-09-06 Okoro wins the invented Cortemare 300 as Holt's engine dies",
        "Nina Okoro won the invented Cortemare 300 by four seconds from Pavel Holt.",
        "Holt had led until lap 40, when his engine died on the back straight and he coasted "
        "to the pits.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bio")
    return stories_store(folder, [("brancati-obituary", OBITUARY), ("cortemare-300", RACE)])


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("how old was brancati when he died", "age of 84"),
        ("what did brancati die of", "short illness"),
        ("where did he die", "Cortemare"),
        ("when did aurelio brancati pass away", "on Sunday"),
    ],
)
async def test_a_death_is_told_by_the_sentences_saying_it(
    engine: AnswerEngine, question: str, wanted: str
) -> None:
    shown = render_text(await engine.ask(question))
    assert wanted in shown, shown
    assert "dies aged 84" in shown  # cited: the obituary's headline


async def test_a_living_drivers_death_is_not_someone_elses(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what did okoro die of"))
    assert "age of 84" not in shown, shown
    assert "short illness" not in shown, shown
