"""An apology withheld, on an invented story: "did X apologise" is answered by the sentence
telling X would not apologise (a no the articles give), not "The articles don't say X
apologised"; someone the story tells nothing of either way still gets that line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.render import render_text
from tests.answers.scoring import engine_over, stories_store

RULING = "\n\n".join(
    (
        "date 2026-08-02 Invented Pellham 300: organisers cut the race to 200 laps",
        "The organisers of the invented Pellham 300 cut the race to 200 laps on Saturday "
        "after the track surface broke up at the second turn.",
        '"We saw the surface lifting on Friday night and we could not fix it in time," '
        "Harlan Voss said. Pellham's safety chief admitted the cut was \"not what "
        'anybody wanted", but he would not apologise for it: safety, the American said, "is '
        'not negotiable".',
        "Mira Tolland won the shortened race from Cade Ruston.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("refused"), (("2026-08-02-pellham", RULING),))


async def test_an_apology_withheld_is_the_articles_no(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did voss apologise for cutting the race"))
    assert "he would not apologise for it" in shown
    assert "don't say" not in shown


async def test_nothing_told_either_way_is_still_an_honest_negative(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("did ruston apologise"))
    assert shown.startswith("The articles don't say Cade Ruston apologised")


CONTACT = "\n\n".join(
    (
        "date 2026-08-09 Invented Brackley 200: Ruston and Tolland collide at the hairpin",
        "Cade Ruston and Mira Tolland touched at the hairpin of the invented Brackley 200 on "
        "Sunday, and both cars were out on the spot.",
        "Tolland called the move optimistic, but Ruston would not apologise for the contact.",
        "Harlan Voss won from the back of the field.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def contact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(tmp_path_factory.mktemp("contact"), (("2026-08-09-brackley", CONTACT),))


async def test_someone_elses_refusal_is_not_the_answer(contact: Path) -> None:
    """A no told of another person in the sentence ("Tolland called it optimistic, but
    Ruston would not apologise") is Ruston's, never Tolland's."""
    async with engine_over(contact) as engine:
        shown = render_text(await engine.ask("did tolland apologise"))
    assert "Ruston would not apologise" not in shown
    assert shown.startswith("The articles don't say Mira Tolland apologised")
