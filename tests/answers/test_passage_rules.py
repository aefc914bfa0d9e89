"""Relations and passages on invented stories: a team-mate, a replacement and a co-driver
answered from the story's relation facts, cited; the answering sentence shown whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers import AnswerEngine
from bot.answers.passages import split_sentences
from tests.answers.scoring import ask, stories_store

SEAT = "\n\n".join(
    (
        "date 2026-03-01 Invented: Rafe Dunmore signs for Apex as Lindqvist moves on",
        "Rafe Dunmore will race for Apex next season, the team confirmed on Tuesday.",
        "The 24-year-old, who spent two years in Formula 2, has signed a two-year deal. He "
        "replaces Petra Lindqvist, who moves to sportscars, and will partner Tomas Varga.",
        "Apex said the decision was made in June. The announcement, made on July 2 at the "
        "team's factory, surprised the paddock.",
        '"We wanted a driver who can grow with us," Apex team principal Igor Lenz said.',
        "Dunmore leaves Vortex after two seasons. According to the invented weekly Motor "
        "Daily, Vortex reserve Lina Moreau is the favourite for the Vortex seat.",
    )
)  # fmt: skip

RALLY = "\n\n".join(
    (
        "date 2026-04-12 Invented Rally of the Lakes: Kallio wins",
        "Eerikki Kallio won the invented Rally of the Lakes on Sunday by 6.1 seconds.",
        "Ines Kowal was out on SS3, when her Skoda blew a turbo in the forest.",
        "The bonus stage went to Marta Ruiz, two tenths quicker than Kallio, for three "
        "extra points. Kallio took two, and Ines Kowal one.",
        "The rally turned on SS7, the long stage through the quarry. Ruiz clipped a rock and "
        "broke her steering, losing four minutes.",
        "Kowal led after the first loop. On SS5, the third pass of the ridge, the Skoda driver "
        "ran wide at a hairpin and stalled the engine.",
        '"Marta called me after the finish. It was a kind thing to do, and I thanked her for '
        'it," Kallio said.',
        "Kallio and co-driver Joel Sarkis led from the second stage to the finish.",
        '"The car was a handful on the second loop," Kallio said.',
        '"It was a perfect weekend for the whole crew," Apex team principal Dana Holt said.',
        '"Joel was perfect in the notes," Kallio said.',
    )
)  # fmt: skip


OVAL = "\n\n".join(
    (
        "date 2026-05-31 Invented Oval 300: Sato's last-lap pass scrambles the playoff picture",
        "Reina Sato won the invented Oval 300 on Sunday, sweeping past Mika Thorne on the "
        "final lap.",
        "Thorne had led 80 laps. He is now 12 points above the playoff cutline, with Sato "
        "eight below it.",
    )
)  # fmt: skip


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stories_store(
        tmp_path_factory.mktemp("relations"),
        (
            ("2026-03-01-seat", SEAT),
            ("2026-04-12-lakes", RALLY),
            ("2026-05-31-oval", OVAL),
        ),
    )


@pytest.mark.parametrize(
    "question",
    ["who replaces lindqvist", "who is replacing lindqvist at apex", "lindqvists replacement"],
)
async def test_who_replaces_someone_names_the_replacement_cited(
    engine: AnswerEngine, question: str
) -> None:
    """The replacement named, with the sentence stating it and its paragraph."""
    shown = await ask(engine, question)
    assert "Rafe Dunmore replaces Petra Lindqvist" in shown
    assert "He replaces Petra Lindqvist" in shown
    assert "¶2" in shown
    assert "don't say" not in shown


async def test_whom_someone_replaces_is_the_other_way_round(engine: AnswerEngine) -> None:
    """ "who is Dunmore replacing": the one he replaces."""
    shown = await ask(engine, "who is dunmore replacing")
    assert "Rafe Dunmore replaces Petra Lindqvist" in shown


@pytest.mark.parametrize("question", ["who is dunmores teammate", "who is varga's team-mate"])
async def test_team_mate_either_way_round(engine: AnswerEngine, question: str) -> None:
    """Team-mates answer for each other."""
    shown = await ask(engine, question)
    assert "Rafe Dunmore and Tomas Varga" in shown
    assert "will partner Tomas Varga" in shown


async def test_a_replacement_only_rumoured_is_answered_as_reported(engine: AnswerEngine) -> None:
    """No story states who replaces Dunmore at Vortex; the report naming the favourite for
    the seat answers, as the article words it, never as a quote."""
    shown = await ask(engine, "who is replacing dunmore at vortex")
    assert "According to the invented weekly Motor Daily, Vortex reserve Lina Moreau" in shown
    assert "“" not in shown
    assert "don't say" not in shown


async def test_a_what_said_question_is_no_relation_question(engine: AnswerEngine) -> None:
    """ "what did X say about his co-driver" asks for words, not for the co-driver."""
    shown = await ask(engine, "what did kallio say about his codriver")
    assert "Co-driver:" not in shown


async def test_co_driver_from_the_story(engine: AnswerEngine) -> None:
    """ "who is X's codriver": the co-driver, in the sentence naming them."""
    shown = await ask(engine, "who is kallios codriver")
    assert "Joel Sarkis" in shown
    assert "Kallio and co-driver Joel Sarkis led" in shown


async def test_a_shortened_first_name_asks_the_relation(engine: AnswerEngine) -> None:
    """ "eeri's codriver": the one person whose first name it shortens (Eerikki Kallio)."""
    shown = await ask(engine, "whos eeri's codriver")
    assert "Joel Sarkis" in shown


async def test_the_next_sentence_about_the_one_asked_is_shown(engine: AnswerEngine) -> None:
    """The sentence answering about someone else is followed by the one about them."""
    shown = await ask(engine, "how many bonus points did kallio get")
    assert "Kallio took two" in shown


async def test_a_lead_sentence_lends_its_words(engine: AnswerEngine) -> None:
    """ "what happened to Ruiz on SS7": the stage is told in the sentence before hers."""
    shown = await ask(engine, "what happened to ruiz on ss7")
    assert "The rally turned on SS7" in shown
    assert "Ruiz clipped a rock" in shown
    assert shown.index("The rally turned") < shown.index("Ruiz clipped")


async def test_an_irregular_verb_matches_its_other_forms(engine: AnswerEngine) -> None:
    """ "what stage did kowal blow up on": the report says "blew"."""
    shown = await ask(engine, "what stage did kowals skoda blow up on")
    assert "blew a turbo" in shown
    assert "don't say" not in shown


async def test_what_someone_said_about_their_co_driver_names_the_co_driver(
    engine: AnswerEngine,
) -> None:
    """ "what did Kallio say about his codriver": the quote naming the co-driver first; the
    title keeps the fan's words (no name added inside quotation marks)."""
    shown = await ask(engine, "what did kallio say about his codriver")
    assert shown.index("Joel was perfect") < shown.index("a handful")
    assert "“his codriver”" in shown


async def test_a_report_word_for_the_fans_word_answers(engine: AnswerEngine) -> None:
    """ "who did sato pass on the last lap": the report says "past" and "final lap"."""
    shown = await ask(engine, "who did sato pass on the last lap")
    assert "sweeping past Mika Thorne" in shown
    assert "don't say" not in shown


async def test_a_word_only_the_headline_holds_does_not_rule_out_every_sentence(
    engine: AnswerEngine,
) -> None:
    """ "the playoff picture": no paragraph says "picture", the cutline sentence answers."""
    shown = await ask(engine, "hows the playoff picture after the oval 300")
    assert "playoff cutline" in shown
    assert "don't say" not in shown


async def test_a_dated_sentence_borrows_its_headlines_words(engine: AnswerEngine) -> None:
    """ "when was Dunmore's Apex signing announced": the dated sentence need not repeat the
    headline's "signs for Apex"."""
    shown = await ask(engine, "when was dunmores apex signing announced")
    assert "made on July 2" in shown or "confirmed on Tuesday" in shown
    assert "don't say" not in shown


async def test_a_subject_told_after_an_opening_phrase_is_the_one_before(
    engine: AnswerEngine,
) -> None:
    """ "On SS5, ..., the Skoda driver ran wide": Kowal, named the sentence before, shown first."""
    shown = await ask(engine, "what stage did kowal stall on")
    assert "On SS5" in shown
    assert shown.index("Kowal led after the first loop") < shown.index("On SS5")


async def test_an_object_pronoun_is_the_one_the_sentence_before_named(
    engine: AnswerEngine,
) -> None:
    """ "Marta called me ... I thanked her": Kallio thanked Ruiz."""
    shown = await ask(engine, "did kallio thank ruiz")
    assert "I thanked her" in shown
    assert "don't say" not in shown


async def test_a_role_two_people_share_shows_each_ones_words(engine: AnswerEngine) -> None:
    """ "what did the apex team principal say": both principals' words, not a list of
    names to choose from."""
    shown = await ask(engine, "what did the apex team principal say")
    assert "grow with us" in shown
    assert "perfect weekend for the whole crew" in shown


def test_a_number_ending_a_sentence_ends_it() -> None:
    """ "... in Turn 1. The second ..." is two sentences; "J. Smith" stays one."""
    text = "The first came on Lap 14 for debris in Turn 1. The second came on Lap 98."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("It was J. Smith who won.")) == 1
