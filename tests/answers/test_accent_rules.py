"""One person however a story accents the name: a press release writes "Björk" where an
earlier report (and the fan) wrote "Bjork", and its sentences about him still name him. On
invented stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import _mentions
from tests.answers.scoring import ask, stories_store

#: The earlier report: the name without its accent.
REPORT = "\n\n".join(
    (
        "date 2026-05-10 Invented GT: Lukas Bjork wins at Vallelunga",
        "Lukas Bjork won the invented GT race at Vallelunga on Sunday from Tom Reyes.",
        '"The car was perfect," Bjork said.',
    )
)  # fmt: skip

#: The newer press release: the name accented, and the facts only it tells.
RELEASE = "\n\n".join(
    (
        "date 2026-11-02 Invented: Team Norda signs Lukas Björk for 2027",
        "Team Norda is pleased to announce that Lukas Björk will drive its No. 7 car in 2027.",
        "Born in Kalmar, Sweden, in 1999, Björk won the Nordic karting title at 14.",
        "Björk will drive the car for the first time at a test in Aragon on December 3.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("accents"),
        (("2026-05-10-bjork-vallelunga", REPORT), ("2026-11-02-norda-bjork", RELEASE)),
    )


def test_an_accented_name_mentions_the_unaccented_person() -> None:
    assert _mentions("Born in Kalmar, Björk won the title.", {"lukas bjork", "bjork"})
    assert _mentions("Born in Kalmar, Bjork won the title.", {"lukas björk", "björk"})
    assert not _mentions("Born in Kalmar, Bjorn won the title.", {"lukas björk", "björk"})


async def test_the_accented_story_answers_for_the_person(engine: AnswerEngine) -> None:
    """ "where was bjork born": the release's "Born in Kalmar ..., Björk won" answers."""
    shown = await ask(engine, "where was bjork born")
    assert "Born in Kalmar" in shown
    assert not shown.startswith("The articles don't say")
