"""Health, feelings and honest negatives on invented stories: "is X ok" answered by the
sentences about X's health (the one after it included), an interview's answer, a name two
people share chosen by whose health a story tells; a question the stories cannot answer
gets an honest negative."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.router._feelings import _ASKS_FEELING
from bot.answers.router._wellbeing import _ASKS_HEALTH
from bot.render import render_text
from tests.answers.scoring import stories_store

ENDURO = "\n\n".join(
    (
        "date 2026-07-05 Invented Six Hours of Norvik: Halvorsen crash stops the race",
        "Tove Halvorsen's Vireo prototype hit the barrier at the Kestrel bend in the fourth "
        "hour of the invented Six Hours of Norvik, and the race was stopped for forty minutes.",
        "Halvorsen climbed out on her own and walked to the ambulance. She was taken to the "
        "circuit's medical centre and released with a bruised shoulder.",
        "Her team-mate Oren Pike finished the race fourth.",
        '"We lost a car but we got Tove back, and that matters more," Pike said.',
    )
)  # fmt: skip

INTERVIEW = "\n\n".join(
    (
        "date 2026-07-12 Invented: Dario Fenwick on the Brackley clash",
        "Dario Fenwick was knocked off by Ugo Lasalle on the last lap at the invented Brackley "
        "round. We spoke to Fenwick in the paddock an hour later.",
        "**Dario, what happened?**",
        "I was on the inside and he turned in on me. There was nowhere to go.",
        "**Are you hurt?**",
        "My ankle is swollen, but the doctors say nothing is broken. I will race next week.",
    )
)  # fmt: skip

SHARED = "\n\n".join(
    (
        "date 2026-06-01 Invented Cup at Hollin: Marco Vell returns",
        "Marco Vell returns at the invented Hollin round after six weeks away. He broke his "
        "left wrist in a practice crash at Tarvos in April.",
        "Paolo Vell, no relation, finished second in the support race.",
        '"My wrist has healed and I want points on Sunday," Marco Vell said.',
    )
)  # fmt: skip


BRIEF = "\n\n".join(
    (
        "date 2026-08-20 Invented briefing: Kestrel Rally dropped, Blue Mountain Racing to appeal",
        "Kai Brandt's No. 14 Falcon started from the back of the invented Corran 400 field.",
        "The stewards gave the #14 a drive-through penalty for jumping the restart.",
        "The Corran 400 turned on lap 88. Brandt crashed at the final turn while running "
        "third, and Sol Imre went on to win.",
        "The organisers have dropped the Kestrel Rally from next year's calendar. The event, "
        "planned for May 4, has been replaced by a second round in Halden.",
        "\"We disagree with the decision and we will appeal,\" Blue Mountain Racing said in a "
        "statement after its car was excluded.",
        "Orrin Vale, the Tarvo team principal, was asked about a protest. \"We will not "
        "protest, it changes nothing,\" Vale said.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("wellbeing"),
        (
            ("2026-07-05-norvik", ENDURO),
            ("2026-07-12-fenwick", INTERVIEW),
            ("2026-06-01-hollin", SHARED),
            ("2026-08-20-briefing", BRIEF),
        ),
    )


@pytest.mark.parametrize("question", ["is halvorsen ok", "was tove hurt", "is halvorsen alright"])
async def test_health_is_the_sentences_about_it_the_one_after_included(
    engine: AnswerEngine, question: str
) -> None:
    shown = render_text(await engine.ask(question))
    assert "walked to the ambulance" in shown
    assert "released with a bruised shoulder" in shown
    assert "don't say" not in shown


async def test_an_interviews_answer_tells_the_health(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("is fenwick hurt"))
    assert "nothing is broken" in shown
    assert "Dario Fenwick" in shown


async def test_a_shared_name_is_the_one_whose_injury_a_story_tells(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("where did vell get hurt"))
    assert "practice crash at Tarvos" in shown


async def test_no_health_sentence_is_an_honest_negative(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("is oren pike ok"))
    assert shown.startswith("The articles don't say")
    assert "Pike" in shown


@pytest.mark.parametrize(
    ("question", "health", "feeling"),
    [
        ("is x ok", True, False),
        ("was lando hurt in the crash", True, False),
        ("how bad is his injury", True, False),
        ("ok but why did checo crash", False, False),
        ("how is piastri feeling", False, True),
        ("how does norris feel about it", False, True),
        ("how did the race go", False, False),
    ],
)
def test_health_and_feeling_questions_are_told_apart(
    question: str, health: bool, feeling: bool
) -> None:
    assert (_ASKS_HEALTH.search(question) is not None) is health
    assert (_ASKS_FEELING.match(question) is not None) is feeling


async def test_a_car_number_alias_is_its_hash_form_too(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what pen did the 14 car get"))
    assert "drive-through penalty for jumping the restart" in shown
    assert "don't say" not in shown


async def test_a_fans_filler_word_is_no_word_to_cover(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("are tarvo gonna protest"))
    assert "protest" in shown
    assert "don't say" not in shown


async def test_initials_name_a_team(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("are bmr appealing"))
    assert "we will appeal" in shown
    assert "don't say" not in shown


async def test_a_sentence_going_on_from_the_rarest_word_answers(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("whats replacing the kestrel rally"))
    assert "replaced by a second round in Halden" in shown
    assert "dropped the Kestrel Rally" in shown
    assert "don't say" not in shown


async def test_a_shared_name_in_what_said_is_the_one_quoted(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("what did vell say"))
    assert "I want points on Sunday" in shown
    assert "Several people" not in shown


async def test_the_lap_a_lead_sentence_gives_is_the_lap_of_the_next(engine: AnswerEngine) -> None:
    shown = render_text(await engine.ask("which lap did brandt crash"))
    assert "turned on lap 88" in shown
    assert "Brandt crashed at the final turn" in shown
    assert "don't say" not in shown
