"""Obituaries, biographies and ratings on invented stories: a fan asks an obituary's facts in
passing ("how old was X when he died", "what did X die of", "where did he die") and the
sentences telling the death answer, cited; a living driver's "death" is no one's. A ratings
piece's "Name (Team) - 7/10" line heads the paragraph about that rider: "who got the worst
mark", "what rating did X get" and "who is the <nickname>" read it."""

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
        "invented Vellano Six Hours in 1979. His drivers called him \"il Mago\", the Magician, "
        "for set-ups nobody else could copy.",
        "His son Matteo, who took over as team principal at Scùderia Brancàti in 2015, "
        "said the team would race on.",
        '"He taught us that a car is finished when it wins," said Nina Okoro, who raced for '
        "the team in 2004.",
    )
)  # fmt: skip

RACE = "\n\n".join(
    (
        "date 2026-09-06 Okoro wins the invented Cortemare 300 as Holt's engine dies",
        "Nina Okoro won the invented Cortemare 300 by four seconds from Pavel Holt. Okoro's "
        "No. 8 Lumen Arrow led the last 30 laps.",
        "Halden Motorsport driver Pavel Holt had started from pole. Halden team principal "
        "Greta Lind said the team would study the engine.",
        "Holt had led until lap 40, when his engine died on the back straight and he coasted "
        "to the pits.",
    )
)  # fmt: skip

RATINGS = "\n\n".join(
    (
        "date 2026-10-12 Invented Kestrel Superbike ratings: a nine for the Falcon, a one for Dane",
        "Tomas Rill won the invented Kestrel round and Ivo Dane crashed twice. Here is how we "
        "marked every rider, out of 10.",
        "Tomas Rill (Vireo Racing) - 9/10",
        "Fourth on the first lap, leading by the sixth. He never looked back and never looked "
        'troubled. "The bike was perfect today," the Falcon said.',
        "Ivo Dane (Corran Moto) - 1/10",
        "Two starts, two crashes at the hairpin, both from the points. His team said he had been "
        "trying too hard.",
        "Lars Okabe (Corran Moto) - 6/10",
        "Sixth, quiet, and he kept the bike on the track.",
        "Rider of the day: Rill, nobody else came close. Loser of the weekend: Dane, again.",
    )
)  # fmt: skip

MOVED = "\n\n".join(
    (
        "date 2026-10-20 Okoro wins again at the invented Tarvos 200",
        "Nina Okoro won the invented Tarvos 200 from pole.",
        "Corran Motorsport's Pavel Holt finished third on his first start for the team.",
    )
)  # fmt: skip


VANTOR_EARLY = "\n\n".join(
    (
        "date 2026-08-09 Brandt takes a first podium for Vantor Racing at the invented Oskvik 250",
        "Nina Okoro won the invented Oskvik 250 from Vantor Racing's Oskar Brandt, the team's "
        "first podium.",
        "Brandt said the car had been good from the first lap.",
    )
)  # fmt: skip

VANTOR_LATE = "\n\n".join(
    (
        "date 2026-10-27 Lund fourth at the invented Selmar 300",
        "Nina Okoro won the invented Selmar 300 by two seconds after the car ahead of her spun.",
        "Vantor Racing driver Mika Lund was fourth, one place ahead of Pavel Holt.",
    )
)  # fmt: skip


PEREZ_OLD = "\n\n".join(
    (
        "date 2024-09-15 Invented Red Bull update: Perez fifth at the invented Harlow Grand Prix",
        "Red Bull driver Sergio Perez was fifth at the invented Harlow Grand Prix.",
    )
)  # fmt: skip

PEREZ_NEW = "\n\n".join(
    (
        "date 2026-09-20 Invented Ostmark Grand Prix: a quiet twelfth for Perez",
        "Sergio Perez brought the Cadillac home twelfth at the invented Ostmark Grand Prix.",
        "Nico Hulkenberg, whose Formula 1 career began with Williams in 2010, was tenth.",
        "Carlos Sainz was ninth. Sainz's manager, Tomas Lerma, said the Spaniard would see out "
        "his contract.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bio")
    return stories_store(
        folder,
        [
            ("brancati-obituary", OBITUARY),
            ("cortemare-300", RACE),
            ("kestrel-ratings", RATINGS),
            ("tarvos-200", MOVED),
            ("oskvik-250", VANTOR_EARLY),
            ("selmar-300", VANTOR_LATE),
            ("harlow-gp", PEREZ_OLD),
            ("ostmark-gp", PEREZ_NEW),
        ],
    )


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


@pytest.mark.parametrize(
    ("question", "wanted", "under"),
    [
        ("who got the worst mark in the ratings", "Ivo Dane (Corran Moto) - 1/10", "Two starts"),
        ("who got the highest rating", "Tomas Rill (Vireo Racing) - 9/10", "Fourth on the"),
        ("what rating did okabe get", "Lars Okabe (Corran Moto) - 6/10", "kept the bike"),
    ],
)
async def test_a_mark_is_its_line_and_the_paragraph_under_it(
    engine: AnswerEngine, question: str, wanted: str, under: str
) -> None:
    shown = render_text(await engine.ask(question))
    assert wanted in shown, shown
    assert under in shown, shown


async def test_a_nickname_under_a_mark_line_is_the_rider_it_heads(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("who is the falcon"))
    assert "Tomas Rill (Vireo Racing) - 9/10" in shown, shown
    assert "the Falcon said" in shown, shown


async def test_a_verdict_line_answers_without_its_article(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("who was the loser of the weekend"))
    assert "Loser of the weekend: Dane" in shown, shown
    assert "don't say" not in shown, shown


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("why did they call him il mago", "for set-ups nobody else could copy"),
        ("who runs scuderia brancati now", "Matteo, who took over as team principal"),
        ("whos holt's team boss", "Greta Lind"),
    ],
)
async def test_a_biographys_roles_and_names(
    engine: AnswerEngine, question: str, wanted: str
) -> None:
    shown = render_text(await engine.ask(question))
    assert wanted in shown, shown


async def test_someone_never_quoted_is_who_the_story_says_they_are(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("who is pavel holt"))
    assert "Pavel Holt finished third" in shown, shown
    assert "neither quote nor report" not in shown, shown


async def test_a_team_written_possessive_before_the_name_is_the_newer_team(
    engine: AnswerEngine,
) -> None:
    shown = render_text(await engine.ask("what team does holt drive for now"))
    assert "Corran Motorsport's Pavel Holt finished third" in shown, shown


@pytest.mark.parametrize(
    "question", ["who drives for vantor racing", "who are vantors drivers", "who races for vantor"]
)
async def test_a_teams_drivers_are_each_named_beside_it(
    engine: AnswerEngine, question: str
) -> None:
    shown = render_text(await engine.ask(question))
    assert "Vantor Racing driver Mika Lund was fourth" in shown, shown
    assert "from Vantor Racing's Oskar Brandt" in shown, shown
    assert shown.index("Mika Lund") < shown.index("Oskar Brandt"), shown  # newest first
    assert "Nina Okoro won the invented Selmar" not in shown, shown


async def test_the_registers_newer_team_is_shown_by_the_newer_story(engine: AnswerEngine) -> None:
    """The profile's team comes from a 2024 story; the register has Perez at Cadillac in
    2026, and the 2026 story names the car only in passing."""
    shown = render_text(await engine.ask("what team is perez"))
    assert "Sergio Perez brought the Cadillac home twelfth" in shown, shown
    assert "2026-09-20" in shown, shown
    # The older story's team too, dated: a fan asking of that race meant it.
    assert "Red Bull driver Sergio Perez was fifth" in shown, shown
    assert shown.index("Cadillac home") < shown.index("Red Bull driver"), shown


async def test_a_nicknames_possessive_asks_the_persons_own_people(engine: AnswerEngine) -> None:
    """ "Smooth Operator" is Sainz's nickname in the register: his manager is asked."""
    shown = render_text(await engine.ask("who is smooth operators manager"))
    assert "Sainz's manager, Tomas Lerma" in shown, shown


async def test_where_a_career_began_is_the_sentence_telling_it(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what team did hulkenberg start in f1 with"))
    assert "career began with Williams in 2010" in shown, shown


async def test_a_car_is_the_sentence_writing_it_beside_the_driver(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what car does okoro drive"))
    assert "Okoro's No. 8 Lumen Arrow led" in shown, shown
