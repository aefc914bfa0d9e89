"""A team's quotes sheet: each speaker under a heading line, his words without quotation marks.

Invented sheets only. The heading names the speaker (in capitals, with a dash and a role or a
results line; or ``Name (Team), P3:``, ``Name, Team Principal:``, ``Name:``, or a name line
alone), and the first-person paragraphs under it are that speaker's, until the next heading
or a paragraph plainly not his. A sub-heading or a sentence opening with a name is no heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from bot.ingest.attribute import extract_quotes
from bot.ingest.load import build_article
from bot.ingest.people import discover_people
from bot.ingest.people.headings import speaker_heading
from tests.ingest.helpers import write_article

SUMMARY = (
    "The Brightwell Racing Team leaves Ostrava with a win and a fourth place. Tomas Kral won "
    "the race from pole, and Luca Ferrandi crashed at the chicane on lap 3."
)


def said(paragraphs: Sequence[str]) -> list[tuple[str | None, str]]:
    """(speaker, first three words) of every quote, in order."""
    found = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2027, 5, 2))
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in found]


SHEET = [
    "Gresini Racing Team – Ostrava Grand Prix, Sunday May 2. Quotes issued by the team.",
    SUMMARY,
    "TOMAS KRAL – Sprint: 2nd. Race: 1st",
    "What a day. I had a good start and from there I could manage the tyres.",
    "Honestly I did not expect it after Friday, my crew found something overnight.",
    "LUCA FERRANDI – Sprint: 9th. Race: DNF (crash, lap 3)",
    "I made a mistake at the chicane, this is on me. I apologised to the guys.",
    "HELENA VOSS – Team Director",
    "A win is a big emotion for all of us. Tomas was perfect, and Luca said sorry himself.",
    "OTTO BREM – Crew Chief, Luca Ferrandi",
    "We changed nothing on the bike. The crash was not a set-up problem, I think.",
    "Next round: the Bohemian Grand Prix, June 4-6.",
]


def test_capital_headings_with_a_dash_name_the_speaker_of_the_words_below() -> None:
    """Each first-person paragraph under a heading is its speaker's, even a speaker the
    prose never names (only the heading does); the block ends at "Next round: ..."."""
    assert said(SHEET) == [
        ("Tomas Kral", "What a day."),
        ("Tomas Kral", "Honestly I did"),
        ("Luca Ferrandi", "I made a"),
        ("Helena Voss", "A win is"),
        ("Otto Brem", "We changed nothing"),
    ]


def test_a_heading_role_feeds_the_people_records(tmp_path: Path) -> None:
    """A heading's role is the speaker's role, of the team the sheet's opening line names;
    "Crew Chief, <rider>" makes him that rider's crew chief (the rider is no team, the role
    no person); a results line is no role."""
    body = "date 2027-05-02 Ostrava quotes: Kral wins\n\n" + "\n\n".join(SHEET) + "\n"
    article = build_article(write_article(tmp_path, body, slug="2027-05-02-ostrava"))
    people = {p.name: p for p in article.people}
    team = "Gresini Racing Team"
    assert (people["Helena Voss"].role, people["Helena Voss"].team) == ("team director", team)
    assert (people["Otto Brem"].role, people["Otto Brem"].team) == ("crew chief", team)
    assert people["Tomas Kral"].role is None
    assert "Crew Chief" not in people
    said_by = {q.speaker for q in article.quotes}
    assert {"Tomas Kral", "Luca Ferrandi", "Helena Voss", "Otto Brem"} <= said_by


@pytest.mark.parametrize(
    ("heading", "speaker"),
    [
        ("Tomas Kral (Brightwell), P1:", "Tomas Kral"),
        ("Helena Voss, Team Principal:", "Helena Voss"),
        ("Tomas Kral:", "Tomas Kral"),
        ("**Tomas Kral, Brightwell:**", "Tomas Kral"),
        ("Tomas Kral", "Tomas Kral"),  # a name line alone, first-person words after it
    ],
)
def test_other_heading_shapes_name_the_speaker(heading: str, speaker: str) -> None:
    got = said(
        [
            "Tomas Kral won for Brightwell, whose boss Helena Voss watched from the wall.",
            heading,
            "It was a hard race for me. We had to save fuel in the last ten laps.",
            "I am happy for the whole team.",
        ]
    )
    assert got == [(speaker, "It was a"), (speaker, "I am happy")]


def test_a_third_person_paragraph_ends_the_block() -> None:
    """Narration after a speaker's words is not his, however short."""
    got = said(
        [
            SUMMARY,
            "TOMAS KRAL – Race: 1st",
            "I could manage the tyres from the start.",
            "Kral now leads the championship by 12 points.",
            "We will see in Brno.",
        ]
    )
    assert got == [("Tomas Kral", "I could manage")]


@pytest.mark.parametrize(
    "line",
    [
        "Brightwell: a new fork for the bumps",
        "Q3: the order",
        "Lap 32",
        "LAP 32",
        "Tomas Kral won the race from pole.",
        "Tomas Kral",  # a name line with narration after it
    ],
)
def test_sub_headings_and_sentences_are_no_speakers(line: str) -> None:
    """A sub-heading, a lap line or a sentence opening with a name gives nobody the words
    after it: with narration or first-person words, never the line's name."""
    got = said(
        [
            SUMMARY,
            line,
            "The team brought a stiffer fork to Ostrava and Kral tried it on Friday.",
            "I think it is the best chassis on the grid, one engineer told us.",
        ]
    )
    assert all(speaker is None for speaker, _words in got)


def test_speaker_heading_reads_the_form_only() -> None:
    heading = speaker_heading("OTTO BREM – Crew Chief, Luca Ferrandi")
    assert heading is not None
    assert (heading.name, heading.role, heading.owner) == (
        "OTTO BREM",
        "Crew Chief",
        "Luca Ferrandi",
    )
    results = speaker_heading("TOMAS KRAL – Sprint: 2nd. Race: 1st")
    assert results is not None and results.result and results.role is None
    assert speaker_heading("Brightwell: a new fork for the bumps") is None
    assert speaker_heading("Tomas Kral won the race from pole.") is None


def test_a_name_line_in_capitals_is_a_speaker_the_register_knows() -> None:
    """ "JACK MILLER" alone over first-person words is his heading (the register knows him);
    "SPRINT RACE" alone is no one's, and ends his block."""
    got = said(
        [
            "The Ostrava sheet, issued after the race on Sunday.",
            "JACK MILLER",
            "I had a good feeling with the front all day.",
            "SPRINT RACE",
            "I was fast but we lost the rear grip.",
        ]
    )
    assert got == [("Jack Miller", "I had a")]


def test_a_name_line_over_a_writers_prose_gives_no_one_the_words() -> None:
    """A column's sections named for the drivers it is about: the writer's "I" and "we" are
    his own, and a paragraph naming the section's driver is about him, never his words."""
    got = said(
        [
            "Our writer looks back at three drivers who shaped the 2031 season.",
            "Piet Olander",
            "I cannot remember a calmer rookie. Olander scored in every race but one.",
            "Rui Castelo",
            "We watched Castelo spin away a certain win at Harbourne, and I think it haunted him.",
            "Mara Quint",
            "Quint was the find of the year for us. Her pass at Eastfield was the move of 2031.",
            "Ilse Warra",
            "The team never gave her a car to match the talent, and we all saw it.",
        ]
    )
    assert all(speaker is None for speaker, _words in got)


def test_a_session_line_in_capitals_over_a_riders_words_is_no_person() -> None:
    """ "SPRINT RACE:" and "MAIN RACE:" split a rider's words by session: no person says
    them (the article writes "sprint" and "race" in lower case), so nobody is named "Sprint
    Race" and the words under them are never that line's."""
    paragraphs = [
        "Brightwell leave Ostrava with a win. Tomas Kral won the race from pole.",
        "TOMAS KRAL – Race: 1st",
        "What a day for me and the team.",
        "SPRINT RACE:",
        "I lost the front in the sprint and finished sixth, so we softened the fork.",
        "MAIN RACE:",
        "I could look after the tyres from the start and we won.",
    ]
    assert "Sprint Race" not in discover_people(paragraphs).names
    assert said(paragraphs) == [("Tomas Kral", "What a day")]
