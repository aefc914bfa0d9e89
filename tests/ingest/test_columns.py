"""A newsmaker's first-person column: the body's narration is the writer's, its quotes not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.ingest.attribute import Defaults, extract_quotes
from bot.ingest.people import discover_people

#: An invented column in a driver's voice, with someone else quoted inside it.
BODY = [
    "I knew on the formation lap that the balance was wrong. The rear felt loose in the "
    "slow corners and I told myself to be patient.",
    "By lap 14 I had lost two places. Oscar Piastri was stuck behind me for a while. "
    '"He was defending hard but fair," Piastri told reporters afterwards.',
    "I finished ninth, which is two points more than I expected on Saturday night.",
]


def said(paragraphs: Sequence[str], writer: str | None = None) -> list[tuple[str | None, str]]:
    """(speaker, first three words) of every quote, in order."""
    found = extract_quotes(
        paragraphs,
        discover_people(paragraphs),
        Defaults(writer=writer),
        published=date(2026, 6, 1),
    )
    return [(q.speaker, " ".join(q.text.split()[:3])) for q in found]


def test_a_drivers_byline_makes_the_narration_his_and_keeps_quotes_their_speakers() -> None:
    """ "By Lando Norris": each run of narration is Norris's, Piastri's quote stays Piastri's."""
    assert said(["By Lando Norris", *BODY]) == [
        ("Lando Norris", "I knew on"),
        ("Lando Norris", "By lap 14"),
        ("Oscar Piastri", "He was defending"),
        ("Lando Norris", "I finished ninth,"),
    ]


def test_the_column_narration_is_kept_in_the_setting_column() -> None:
    """The writer's narration is written words: its setting says so."""
    paragraphs = ["By Lando Norris", *BODY]
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 6, 1))
    assert {q.setting for q in quotes if q.speaker == "Lando Norris"} == {"column"}


def test_as_told_to_makes_the_teller_the_speaker_not_the_journalist() -> None:
    """In "Lando Norris, as told to Jane Porter", Norris speaks; Porter is never a speaker."""
    got = said(["Lando Norris, as told to Jane Porter", *BODY])
    assert ("Lando Norris", "I finished ninth,") in got
    assert all(speaker != "Jane Porter" for speaker, _ in got)


def test_a_staff_journalists_byline_makes_no_one_a_speaker() -> None:
    """A "By Jane Porter" byline, unknown to the register: her "I" is the reporter's, not news."""
    assert said(["By Jane Porter", *BODY]) == [("Oscar Piastri", "He was defending")]


def test_a_reporters_single_first_person_aside_is_no_column() -> None:
    """One "I" in a driver-bylined piece that otherwise reports is not a column."""
    got = said(
        [
            "By Lando Norris",
            "Oscar Piastri won in Barcelona, his third win of the year.",
            "I watched the last laps from the garage.",
            "Piastri led from pole and never lost the lead.",
        ]
    )
    assert got == []


def test_the_author_line_names_the_writer_when_no_byline_paragraph_does() -> None:
    """The file's ``author`` line (intake keeps the page's byline there) works the same."""
    got = said(["Lando Norris looks back on his weekend.", *BODY], writer="Lando Norris")
    assert ("Lando Norris", "I finished ninth,") in got


def test_a_quote_tagged_i_said_in_a_column_is_the_writers() -> None:
    """'"...," I said on the radio' in a driver's column: the writer's own quoted words."""
    got = said(["By Lando Norris", '"We can fix it at the stop," I said on the radio.', *BODY])
    assert got[0] == ("Lando Norris", "We can fix")


def test_a_quote_tagged_i_said_under_a_journalists_byline_stays_nobodys() -> None:
    """The same tag under a staff journalist's byline names nobody: never guessed."""
    got = said(["By Jane Porter", '"We can fix it at the stop," I said on the radio.', *BODY])
    assert got[0] == (None, "We can fix")


def test_i_told_the_team_before_a_quote_in_a_column_is_the_writer() -> None:
    """'I told the team: "..."' in a driver's column: the writer's own words."""
    got = said(["By Lando Norris", 'I told the team: "The rear is gone."', *BODY])
    assert ("Lando Norris", "The rear is") in got


#: An invented ghost-written diary: the byline names only the journalist who wrote it down,
#: an editor's introduction names the driver in the third person, entries open under dates.
DIARY = [
    "As told to Petra Lindqvist",
    "For his final month in the sport, Tomas Ekberg agreed to keep a diary for us.",
    "Tuesday, March 3",
    "Woke up early and went running by the lake. I felt ready for the season.",
    'My engineer rang at noon. He said: "The new floor is on the truck."',
]


def test_a_bare_as_told_to_byline_makes_the_headlines_driver_the_speaker() -> None:
    """ "As told to Petra Lindqvist" names the ghost writer only: "I" is the one person the
    headline names, never the journalist; the editor's third-person introduction and the
    dated heading are nobody's words."""
    found = extract_quotes(
        DIARY,
        discover_people(DIARY),
        Defaults(headline="Tomas Ekberg's diary: a long winter and a new floor"),
        published=date(2026, 3, 10),
    )
    got = [(q.speaker, " ".join(q.text.split()[:3])) for q in found]
    assert ("Tomas Ekberg", "Woke up early") in got
    assert all(speaker != "Petra Lindqvist" for speaker, _ in got)
    assert all(words not in {"For his final", "Tuesday, March 3"} for _, words in got)


def test_without_a_headline_the_introductions_person_is_the_diarist() -> None:
    """No headline given: the first person the paragraph after the byline names."""
    got = said(DIARY)
    assert ("Tomas Ekberg", "Woke up early") in got


#: An invented ghost-written diary whose introduction names a rival before the diarist.
RIVAL_DIARY = [
    "As told to Petra Lindqvist",
    "After Jon Larsen beat him at Dunmere, Kai Moreau kept a diary for us.",
    "I slept badly after the race and watched the start again on my phone.",
    "My mechanics had the car rebuilt by Thursday, and I felt ready to go again.",
]


def test_as_told_to_introduction_naming_two_people_gives_the_diary_to_its_keeper() -> None:
    """The introduction names the rival first: the diary is still the one who kept it, never
    the first person named (Larsen), nor the ghost writer."""
    found = extract_quotes(
        RIVAL_DIARY,
        discover_people(RIVAL_DIARY),
        Defaults(headline="Invented: A diary of a hard week"),
        published=date(2026, 3, 10),
    )
    got = [(q.speaker, " ".join(q.text.split()[:3])) for q in found]
    assert all(speaker not in {"Jon Larsen", "Petra Lindqvist"} for speaker, _ in got)
    assert ("Kai Moreau", "I slept badly") in got
