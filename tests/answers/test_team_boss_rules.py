"""A team's boss asked in fans' words, on an invented story: "whos the team boss at cadillac
these days" is the register's principal of that team that season, shown by the sentence
naming him with his title ("team principal Graeme Lowdon said"), though it never names the
team beside him; never another team's principal in a sentence naming this team."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._team_boss import asked_team_boss, team_boss, titled
from tests.answers.scoring import ask, stories_store

STORIES = {
    "2026-10-02-invented-cadillac-notebook": (
        "date 2026-10-02 Notebook: Cadillac's drivers split the weekend in Singapore",
        "Cadillac left Singapore with no points and a car that had been quick on one lap.",
        "Williams team principal James Vowles said Cadillac had been the surprise of the "
        "weekend on Saturday.",
        '"The car is better than our results, and we know where the time is," team '
        "principal Graeme Lowdon said after the race.",
        "Sergio Perez finished 14th and Valtteri Bottas 16th.",
        "McLaren team principal Andrea Stella said the team would not change its plans.",
    ),
    # Newer stories naming another Wolff with a title, and Wolff beside a "head" that is no
    # title: neither is the Mercedes principal's sentence.
    "2026-10-03-invented-mercedes-notebook": (
        "date 2026-10-03 Mercedes confident of a stronger car in Austin",
        '"We found a lot on the simulator this week," Mercedes team principal Toto Wolff said.',
    ),
    "2026-10-09-invented-academy-round": (
        "date 2026-10-09 F1 Academy title goes to the final round",
        '"The field has never been closer," F1 Academy managing director Susie Wolff said.',
        "George Russell said Wolff had told him over the radio to head for the pits early.",
    ),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented story, ingested through the real ingester."""
    stories = [(slug, "\n\n".join(lines)) for slug, lines in STORIES.items()]
    return stories_store(tmp_path_factory.mktemp("team-boss"), stories)


async def test_the_team_boss_is_the_register_principal_the_story_names(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "whos the team boss at cadillac these days")
    assert "team principal Graeme Lowdon said" in shown
    assert "James Vowles" not in shown


async def test_the_other_team_asked_gets_its_own_boss(engine: AnswerEngine) -> None:
    shown = await ask(engine, "who is the team principal of williams")
    assert "Williams team principal James Vowles" in shown
    assert "Lowdon" not in shown


async def test_a_team_filed_with_another_is_not_its_boss(engine: AnswerEngine) -> None:
    # The register files Arrow McLaren (IndyCar) with McLaren: Stella runs only the latter.
    assert await team_boss("arrow mclaren", engine.lookup, engine.store) is None
    found = await team_boss("mclaren", engine.lookup, engine.store)
    assert found is not None
    assert "Andrea Stella" in found[0].text


async def test_the_boss_title_is_tied_to_the_boss_name(engine: AnswerEngine) -> None:
    # Another person of that surname with a title, or the surname beside a "head" that is
    # no title, is never the boss's sentence.
    shown = await ask(engine, "who is the team principal of mercedes")
    assert "Mercedes team principal Toto Wolff said" in shown
    assert "Susie Wolff" not in shown
    assert "head for the pits" not in shown


@pytest.mark.parametrize(
    ("sentence", "tied"),
    [
        ("Mercedes team principal Toto Wolff said.", True),
        ("Toto Wolff, the Mercedes team principal, said so.", True),
        ("Team boss Wolff was happy.", True),
        ("Toto Wolff, who took over as team principal in 2013, said so.", True),
        ("Wolff, who had told him to head for the pits, smiled.", False),
        ("F1 Academy managing director Susie Wolff said.", False),
        ("Russell said Wolff had told him to head for the pits.", False),
        ("Susie Wolff, the managing director, said so.", False),
    ],
)
def test_a_title_tied_to_the_name(sentence: str, tied: bool) -> None:
    assert titled(sentence, "Toto Wolff") is tied


@pytest.mark.parametrize(
    ("target", "team"),
    [
        ("the team boss at cadillac these days", "cadillac"),
        ("the boss of williams", "williams"),
        ("the principal at the cadillac team now", "cadillac team"),
        ("the fastest at cadillac", None),
        ("cadillac", None),
    ],
)
def test_a_boss_asked_names_its_team(target: str, team: str | None) -> None:
    assert asked_team_boss(target) == team
