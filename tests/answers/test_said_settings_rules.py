""" "What did X post on insta", "what did X say on his podcast", "what did X say about the
title fight" on invented stories: a setting the fan names picks the words said there and is
no topic; a transcript's answer is about what its question asked, and a partial quote is
about what its sentence says."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from tests.answers.scoring import ask, stories_store

REACTIONS = "\n\n".join(
    (
        "date 2026-11-09 Invented: how the paddock reacted to Varo Lind's first title",
        "Varo Lind won the invented Harbour 200 and the title on Sunday after a late bump on "
        "Dace Ferrow.",
        '"I was racing for the win and I will race for it again in the spring," Ferrow said '
        "after the race.",
        'Later that night Ferrow posted on Instagram: "Moved aside for a title. Lovely."',
        "On Monday's episode of his podcast, Grid Chatter, Lind said he had phoned Ferrow and "
        'that the call had been "short and friendly".',
        '"I owe Dace a proper apology for the bump at the restart," Lind wrote on X.',
    )
)  # fmt: skip

PRESSER = "\n\n".join(
    (
        "date 2026-11-22 Invented Canyon GP press conference: Tobin Quill wins",
        "Tobin Quill won the invented Canyon Grand Prix on Saturday.",
        "Q: Tobin, you passed two cars on the last lap. Talk us through the race.",
        "TOBIN QUILL: The tyres were cold and the track was green, so I waited and waited. "
        "The car came alive at the end and I could go around the outside twice.",
        "Q: (Mira Salo - Invented Weekly) Tobin, ten points behind with one race left. Are "
        "you in this fight?",
        "TOBIN QUILL: Of course. Ten points is nothing with a sprint to come.",
    )
)  # fmt: skip

NICKNAMED = "\n\n".join(
    (
        "date 2026-10-18 Invented Lakeside 300: van Gisbergen wins on the road course",
        "Shane van Gisbergen won the invented Lakeside 300 on Sunday.",
        '"The car turned like a go-kart all afternoon," van Gisbergen said.',
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("said_settings"),
        (
            ("2026-11-09-reactions", REACTIONS),
            ("2026-11-22-presser", PRESSER),
            ("2026-10-18-lakeside", NICKNAMED),
        ),
    )


async def test_what_someone_posted_on_instagram_is_their_post(engine: AnswerEngine) -> None:
    """ "on insta" names where, not what about: the post answers, not what he said."""
    shown = await ask(engine, "what did ferrow post on insta")
    assert "Moved aside for a title" in shown
    assert "racing for the win" not in shown


async def test_what_someone_said_on_their_podcast_is_what_they_said_there(
    engine: AnswerEngine,
) -> None:
    shown = await ask(engine, "what did lind say on his podcast about the call with ferrow")
    assert "short and friendly" in shown
    assert "proper apology" not in shown


async def test_an_answer_is_about_what_its_question_asked(engine: AnswerEngine) -> None:
    """ "Are you in this fight?" then "Of course. Ten points is nothing": the answer is
    about the fight though it never says "fight"; it comes before his words on the race."""
    shown = await ask(engine, "what did quill say about the fight")
    assert "Ten points is nothing" in shown
    assert shown.index("Ten points is nothing") < shown.index("The tyres were cold")


async def test_a_register_nickname_the_story_never_uses_names_the_speaker(
    engine: AnswerEngine,
) -> None:
    """ "svg" is van Gisbergen's nickname in the register; the story calls him by name."""
    shown = await ask(engine, "what did svg say")
    assert "like a go-kart" in shown
