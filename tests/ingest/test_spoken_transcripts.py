"""Spoken transcripts: team radio, press conferences and releases under their speakers' labels."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.people import discover_people
from bot.models import INTERVIEWER, Quote


def quotes(paragraphs: Sequence[str]) -> list[Quote]:
    return extract_quotes(paragraphs, discover_people(paragraphs), published=date(2025, 6, 1))


def said(paragraphs: Sequence[str]) -> list[tuple[str | None, str | None, str]]:
    """(speaker, label, first three words) of every quote, in order."""
    return [(q.speaker, q.label, " ".join(q.text.split()[:3])) for q in quotes(paragraphs)]


RADIO = [
    "Oscar Piastri won at Zandvoort from George Russell, and the team radio was busy all day.",
    "Lap 4: Russell and Tsunoda at Tarzan",
    "George Russell and Yuki Tsunoda went into the first corner together and rubbed wheels.",
    "RUSSELL: He squeezed me onto the kerb. That was unnecessary.",
    "ENGINEER (Marcus Dudley): Copy, George. We'll look at it.",
    "TSUNODA: What is he complaining about? I gave him a car's width.",
    "The stewards noted the incident and took no action.",
    "LAP 30: A gearbox gives up",
    "Esteban Ocon had been holding eighth when the shifts started to slip.",
    "OCON: I'm losing gears. Third is gone.",
    "ENGINEER: Understood, Esteban. Bring it to the pits.",
    "OCON: What a waste of a weekend.",
    "Final lap: Piastri home",
    "PIASTRI: Is that it? Did we do it?",
]


def test_radio_labels_in_capitals_name_the_speakers() -> None:
    """``RUSSELL: ...`` is Russell's; the writer's notes between the lines stay narration."""
    got = said(RADIO)
    assert got == [
        ("George Russell", None, "He squeezed me"),
        ("Marcus Dudley", None, "Copy, George. We'll"),
        ("Yuki Tsunoda", None, "What is he"),
        ("Esteban Ocon", None, "I'm losing gears."),
        (None, "Esteban Ocon's race engineer", "Understood, Esteban. Bring"),
        ("Esteban Ocon", None, "What a waste"),
        ("Oscar Piastri", None, "Is that it?"),
    ]


def test_radio_lines_are_set_on_the_lap_of_their_subhead() -> None:
    """The setting says team radio and the lap the subhead above gives ("final lap" too)."""
    settings = {q.speaker or q.label: q.setting for q in quotes(RADIO)}
    assert settings["George Russell"] == "team radio, lap 4"
    assert settings["Esteban Ocon's race engineer"] == "team radio, lap 30"
    assert settings["Oscar Piastri"] == "team radio, final lap"


def test_radio_in_mixed_case_needs_a_role_line() -> None:
    """``Norris:`` / ``Race engineer:`` lines are a transcript: the role makes it one."""
    got = said(
        [
            "Lando Norris won in Singapore on tyres that had almost nothing left.",
            "Norris: The rears are dying. I'm sliding everywhere.",
            "Race engineer: Understood, Lando. Eight to go.",
            "Norris: Eight laps is a long time here.",
        ]
    )
    assert got == [
        ("Lando Norris", None, "The rears are"),
        (None, "Lando Norris's race engineer", "Understood, Lando. Eight"),
        ("Lando Norris", None, "Eight laps is"),
    ]


def test_an_accentless_label_in_capitals_finds_the_accented_name() -> None:
    """``HULKENBERG:`` is Nico Hülkenberg's line: capitals often drop the accent."""
    got = said(
        [
            "Nico Hülkenberg tried to make one set of tyres last 30 laps on the radio.",
            "HULKENBERG: These tyres are finished.",
            "ENGINEER: Copy, Nico. Ten laps.",
        ]
    )
    assert got == [
        ("Nico Hülkenberg", None, "These tyres are"),
        (None, "Nico Hülkenberg's race engineer", "Copy, Nico. Ten"),
    ]


def test_driver_ratings_under_names_stay_the_writers() -> None:
    """``NORRIS: Took pole ...`` in the third person is a rating, not Norris's words."""
    got = said(
        [
            "Our ratings for Lando Norris and Oscar Piastri after the Austrian Grand Prix.",
            "NORRIS: Took pole, controlled the race and never looked troubled. A nine.",
            "PIASTRI: Lost out at the start and spent the day in his mirrors. A seven.",
        ]
    )
    assert got == []


def test_press_conference_answers_are_the_drivers_and_questions_the_journalists() -> None:
    """``Q: (Name - Outlet)`` is the interviewer's; ``LANDO NORRIS:`` answers are his."""
    found = quotes(
        [
            "Lando Norris and Charles Leclerc spoke in the press conference after Monza.",
            "Q: (Hannah Webb - Grid Weekly) Lando, where does this one rank?",
            "LANDO NORRIS: Right at the top, honestly.",
            "Q: (Paolo Ferri - Corsa Oggi) Charles, is second a disappointment?",
            "CHARLES LECLERC: A little. We had the pace in the first stint.",
        ]
    )
    assert [(q.speaker, q.label) for q in found] == [
        (None, INTERVIEWER),
        ("Lando Norris", None),
        (None, INTERVIEWER),
        ("Charles Leclerc", None),
    ]
    assert found[1].setting == "press conference"


def test_release_lines_under_each_drivers_name_and_result() -> None:
    """``Charles Leclerc (P4): ...`` and ``Name, Team Principal: ...`` are theirs."""
    got = said(
        [
            "Ferrari left Hungary with fourth and sixth places.",
            "Charles Leclerc (P4): I had the pace to fight for the podium.",
            "Lewis Hamilton (P6): A difficult afternoon. I was stuck in traffic.",
            "Fred Vasseur, Team Principal: We scored points with both cars.",
        ]
    )
    assert got == [
        ("Charles Leclerc", None, "I had the"),
        ("Lewis Hamilton", None, "A difficult afternoon."),
        ("Fred Vasseur", None, "We scored points"),
    ]


def test_release_heading_with_a_result_and_no_colon_names_the_speaker() -> None:
    """``Oliver Bearman - Started P12, Finished P9`` heads Bearman's unquoted words."""
    got = said(
        [
            "Haas scored points with one car at the Belgian Grand Prix.",
            "Oliver Bearman - Started P12, Finished P9",
            "I'm really happy with the points today.",
            "Esteban Ocon - Started P15, Finished P14",
            "It was a frustrating race for me.",
        ]
    )
    assert got == [
        ("Oliver Bearman", None, "I'm really happy"),
        ("Esteban Ocon", None, "It was a"),
    ]


PRESS_ROOM = [
    "Pierre Gasly won in Montreal from Alexander Albon and Isack Hadjar.",
    "Here is an edited transcript of the post-race press conference.",
    'Q: (Marta Solis - Motor Diario) Pierre, you once called this place "a car park with walls". '
    "Do you still think so?",
    "PIERRE GASLY: Not after today. It is a beautiful car park.",
    "Q: (Marta Solis - Motor Diario) Alex, how were the brakes?",
    "ALEXANDER ALBON: On the limit all race, but they held on.",
]


def test_words_quoted_in_a_question_are_never_the_askers() -> None:
    """The journalist the bracket names asks; what she quotes is someone else's words."""
    got = said(PRESS_ROOM)
    assert not any(speaker == "Marta Solis" for speaker, _, _ in got)
    assert ("Pierre Gasly", None, "Not after today.") in got


def test_a_quoted_title_is_nobodys_words() -> None:
    """'replied to the championship's "Champion 2031" post': the words name a post; the one
    who replied did not say them. His own words in the next sentence stay his."""
    got = said(
        [
            "Rafael Ortega finished second in the title decider at Homestead.",
            'Ortega replied to the championship\'s "Champion 2031" post with a thumbs-up. '
            '"We will be back next year," he said later.',
        ]
    )
    assert ("Rafael Ortega", None, "Champion 2031") not in got
    assert ("Rafael Ortega", None, "We will be") in got
