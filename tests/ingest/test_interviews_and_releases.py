"""Unmarked words a reader still gives a speaker: interview answers, press release blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people
from bot.models import Quote


def quotes(paragraphs: Sequence[str]) -> list[Quote]:
    return extract_quotes(paragraphs, discover_people(paragraphs), published=date(2025, 6, 1))


def said(paragraphs: Sequence[str]) -> list[tuple[str | None, str]]:
    """(speaker, first three words) of every quote, in order."""
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in quotes(paragraphs)]


REPORT = "Marco Ricci won at Misano ahead of Tomas Novak and Axel Bassani."


def test_bold_question_answer_is_the_lead_in_interviewees() -> None:
    """A lead-in naming one person makes the unmarked answers after bold questions theirs."""
    got = said(
        [
            REPORT,
            "We spoke to Bassani in the Bimota hospitality.",
            "**Was the crash his fault?**",
            "Yes, one hundred percent. He closed the door on me.",
            "I could do nothing about it.",
        ]
    )
    assert got == [
        ("Axel Bassani", "Yes, one hundred"),
        ("Axel Bassani", "I could do"),
    ]


def test_question_addressing_someone_names_the_interviewee() -> None:
    """``**Tomas, ...?**`` gives the answer to Tomas Novak, whatever the lead-in says."""
    got = said([REPORT, "Later we caught up with the runner-up.", "**Tomas, happy?**", "Very."])
    assert got == [("Tomas Novak", "Very.")]


def test_lead_in_with_two_people_leaves_the_answer_unattributed() -> None:
    """ "Ricci and his engineer met the press": two voices, so the answer is nobody's."""
    got = said(
        [REPORT, "Ricci and his engineer met the press.", "**How was it?**", "We were quick."]
    )
    assert got == [(None, "We were quick.")]


def test_narration_naming_the_interviewee_ends_the_answers() -> None:
    """A paragraph about the interviewee in the third person is narration, not an answer."""
    got = said(
        [
            REPORT,
            "We spoke to Bassani afterwards.",
            "**Are you hurt?**",
            "My wrist is sore.",
            "Bassani then left for the medical centre.",
            "I will be fine.",
        ]
    )
    assert got == [("Axel Bassani", "My wrist is")]


def test_q_dot_questions_and_unlabelled_answers() -> None:
    """``Q.`` lines are questions (nobody's), the unlabelled paragraph after is the answer."""
    got = said(
        [
            "Alex Palou won in Toronto and spoke to us the next morning.",
            "Q. Was it easy?",
            "Not at all. I had to be brave.",
            "Q: And the title?",
            "No way, anything can happen.",
        ]
    )
    assert got == [
        (None, "Was it easy?"),
        ("Alex Palou", "Not at all."),
        (None, "And the title?"),
        ("Alex Palou", "No way, anything"),
    ]


def test_a_dot_initial_is_no_answer_label() -> None:
    """ "A. J. Foyt ..." opens with an initial, not an answer label, even in an interview."""
    found = quotes(["Q. Who won?", "A. J. Foyt watched from the pit wall, smiling."])
    assert [q.paragraph for q in found] == [1]


def test_interview_under_two_peoples_names() -> None:
    """``Brightwater: ...?`` / ``Norris: ...`` lines: each person's own words."""
    got = said(
        [
            "Lando Norris sat down with our correspondent Ella Brightwater on Thursday.",
            "Brightwater: Is the gap too big?",
            "Norris: No. I think we can still do it.",
        ]
    )
    assert got == [("Ella Brightwater", "Is the gap"), ("Lando Norris", "No. I think")]


def test_driver_ratings_under_names_are_narration() -> None:
    """ "Norris: A solid weekend." (no one asks, no first person) is no transcript."""
    got = said(
        [
            "Lando Norris and Oscar Piastri both scored for McLaren.",
            "Norris: A solid weekend, he did what he had to.",
            "Piastri: Quick all weekend, but he lost out at the start.",
        ]
    )
    assert got == []


@pytest.mark.parametrize(
    "heading",
    [
        "Oscar Piastri:",
        "Oscar Piastri: P2",
        "OSCAR PIASTRI:",
        "**Oscar Piastri**",
        "Oscar Piastri, McLaren driver:",
    ],
)
def test_press_release_heading_names_the_blocks_speaker(heading: str) -> None:
    """Quoted and unquoted first-person paragraphs under the heading are the speaker's."""
    got = said(
        [
            "McLaren finished with Oscar Piastri second and Lando Norris fifth.",
            heading,
            '"A good result for us."',
            "I want to thank everyone at the factory.",
            "Lando Norris:",
            '"A day to forget."',
        ]
    )
    assert got == [
        ("Oscar Piastri", "A good result"),
        ("Oscar Piastri", "I want to"),
        ("Lando Norris", "A day to"),
    ]


def test_press_release_block_ends_at_narration() -> None:
    """A paragraph of narration ends the block: a later untagged quote is not the heading's."""
    got = said(
        [
            "Ferrari scored with Charles Leclerc eighth and Lewis Hamilton tenth.",
            "Charles Leclerc:",
            '"It was difficult."',
            "Ferrari are fourth in the standings.",
            "ENDS",
            '"We will see," a spokesperson added.',
        ]
    )
    assert got[0] == ("Charles Leclerc", "It was difficult.")
    assert got[1][0] is None


def test_heading_naming_nobody_in_the_article_makes_no_block() -> None:
    """A heading whose name is not one of the article's people gives nobody the words."""
    got = said(["McLaren finished second.", "Race facts:", "I was happy with it."])
    assert got == []
