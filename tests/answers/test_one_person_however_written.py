"""One person however the articles and the fan write the name: accents folded, and a
nickname the text gives (invented stories)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import stories_store

FIRST = "\n\n".join(
    (
        "date 2026-03-01 Invented: Brändle wins at Orvik",
        "Zoë Brändle won the invented Orvik 200 for Halden Motorsport.",
        '"The car was perfect from the first lap," said Brändle.',
        "Her race engineer Tomas Wendt is known in the garage simply as TW.",
    )
)  # fmt: skip

SECOND = "\n\n".join(
    (
        "date 2026-03-15 Invented: Brandle second at Vessel Bay",
        "Zoe Brandle finished second at the invented Vessel Bay 150.",
        '"We lost the rear tyres in the last stint," said Brandle.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    stories = (("2026-03-01-orvik", FIRST), ("2026-03-15-vessel", SECOND))
    return stories_store(tmp_path_factory.mktemp("folded"), stories)


@pytest.mark.parametrize("question", ["what did brandle say", "what did zoe brändle say"])
async def test_both_spellings_quotes_are_the_one_persons(
    engine: AnswerEngine, question: str
) -> None:
    """A fan typing with or without the accents gets both stories' quotes of one person."""
    shown = render_text(await engine.ask(question))
    assert "The car was perfect" in shown or "We lost the rear tyres" in shown
    assert "Several people" not in shown


async def test_a_plain_spelling_typed_finds_the_accented_name(engine: AnswerEngine) -> None:
    """The store keeps one spelling; a fan's other spelling resolves to it."""
    names = {engine.lookup.resolve_person("zoe brandle"), engine.lookup.resolve_person("brändle")}
    assert len(names) == 1 and None not in names


async def test_a_nickname_the_text_gives_names_the_person(engine: AnswerEngine) -> None:
    """ "known in the garage simply as TW": "who is tw" answers with Tomas Wendt."""
    shown = render_text(await engine.ask("who is tw"))
    assert "Tomas Wendt" in shown
