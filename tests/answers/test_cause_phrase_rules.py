"""A cause is often told without "because": "The late chassis did not help: the team missed
the Valdora test", "the footage was therefore not new". For a "why" question such a sentence
gives the cause as one holding a cause word does; without the rule it was dropped for a
sentence that only held a cause word ("engine", "contact") and told nothing asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.store import Store
from tests.answers.scoring import ask, stories_store

EXPLAINER = (
    "date 2026-05-12 How Orla Racing found its lost straight-line speed",
    "Orla Racing arrive at Brenmoor this weekend sixth in the standings, well clear of where "
    "their engine problems in the spring left them.",
    "The late chassis did not help: the team missed the first day of the Valdora test, and "
    "that was the day the cooling package was meant to be signed off.",
    "Engineer Hal Voss said the engine had been blamed for a loss that was really drag.",
)
HEARING = (
    "date 2026-06-02 Stewards reject Tarrant's protest against Ansel",
    "Tarrant's protest against Mika Ansel followed contact at the hairpin that broke Ansel's "
    "front wing on lap 12.",
    "The stewards ruled that the onboard footage had been in front of them at the first "
    "hearing and was therefore not new evidence, and the protest was rejected.",
)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented explainer and stewards' story, ingested through the real ingester."""
    return stories_store(
        tmp_path_factory.mktemp("cause_phrase"),
        [
            ("2026-05-12-invented-orla-explainer", "\n\n".join(EXPLAINER)),
            ("2026-06-02-invented-tarrant-protest", "\n\n".join(HEARING)),
        ],
    )


async def test_a_cause_told_after_did_not_help(engine: AnswerEngine) -> None:
    """Without the rule: the spring's engine problems (a cause word, nothing asked)."""
    shown = await ask(engine, "why did the valdora test day matter for orla")
    assert "the day the cooling package was meant to be signed off" in shown


async def test_a_cause_told_with_therefore(engine: AnswerEngine) -> None:
    """Without the rule: the contact that broke the wing, which is what was protested."""
    shown = await ask(engine, "why was the tarrant protest rejected")
    assert "therefore not new evidence" in shown


RESULT = (
    "date 2026-07-05 Ansel wins at Corvel; Tarrant second",
    "Mika Ansel won at Corvel on Sunday ahead of Lio Tarrant and Hal Voss.",
    'Tarrant thanked his crew. "Thanks to the whole garage for a perfect weekend," he said.',
    "So it was a long day for Voss.",
)


@pytest.fixture(scope="module")
def result_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An invented race report with a thank-you and a "So it was", neither a cause."""
    return stories_store(
        tmp_path_factory.mktemp("cause_phrase_result"),
        [("2026-07-05-invented-corvel", "\n\n".join(RESULT))],
    )


@pytest.mark.parametrize(
    ("question", "not_a_cause"),
    [
        ("why did tarrant finish second", "Thanks to the whole garage"),
        ("why was voss third", "So it was a long day"),
    ],
)
async def test_thanks_and_so_opening_a_sentence_are_no_cause(
    result_database: Path, question: str, not_a_cause: str
) -> None:
    """Without the rule: the thank-you (or "So it was a long day") shown as the cause, first."""
    async with await Store.open(result_database) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        shown = await ask(engine, question)
    first = shown.split("From the article")[1]
    assert not_a_cause not in first
