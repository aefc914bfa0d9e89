"""Forms journalists really write: British run-on quotes, role tags, rumours, posts, radio and
live blogs, tags in the middle of a quotation. Each on a small invented text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from bot.ingest.attribute import Speech, extract_speech
from bot.ingest.people import discover_people
from bot.ingest.resolve import default_register
from bot.ingest.text import article_style, find_segments
from bot.models import Quote

ON = date(2025, 6, 1)


def speech(paragraphs: Sequence[str]) -> Speech:
    return extract_speech(paragraphs, discover_people(paragraphs), published=ON)


def said(paragraphs: Sequence[str]) -> list[tuple[int, str | None]]:
    """(paragraph, speaker) of every quote, in order."""
    return [(q.paragraph, q.speaker) for q in speech(paragraphs).quotes]


def quote_in(paragraphs: Sequence[str], paragraph: int) -> Quote:
    (quote,) = [q for q in speech(paragraphs).quotes if q.paragraph == paragraph]
    return quote


# -- British style: a quote opened after a colon, running over paragraphs ------------------

BRITISH = [
    "George Russell was seventh at Imola and Toto Wolff watched from the pit wall.",
    "Wolff was blunt: 'We brought the wrong set-up and we paid for it.",
    "'The car was slow in the fast corners and the drivers could do nothing.",
    "'We will take it apart this week.'",
    "Russell agreed. 'It was a long afternoon,' he said.",
]


def test_a_single_marked_quote_opened_after_a_colon_runs_to_the_end_of_its_paragraph() -> None:
    """The unclosed quote after "blunt:" is a quotation, open at the paragraph's end."""
    (seg,) = find_segments(BRITISH[1], "single")
    assert seg.close_mark is None
    assert BRITISH[1][seg.start : seg.end].startswith("We brought")


def test_an_apostrophe_after_a_colon_that_never_ends_a_sentence_is_no_quote() -> None:
    """Only a quote running to a sentence's end runs on: "Label: 'em all" is not one."""
    assert find_segments("He had one word for it: 'em all and more", "single") == []


def test_a_british_quote_over_three_paragraphs_is_one_statement_of_the_colons_subject() -> None:
    """Every paragraph of the run-on quote, the first included, is Wolff's, as one statement."""
    quotes = speech(BRITISH).quotes
    assert [(q.paragraph, q.speaker) for q in quotes] == [
        (2, "Toto Wolff"),
        (3, "Toto Wolff"),
        (4, "Toto Wolff"),
        (5, "George Russell"),
    ]
    assert len({q.statement for q in quotes[:3]}) == 1


def test_a_run_on_quote_in_a_paragraph_without_double_marks_in_a_double_marked_article() -> None:
    """An article quoting in double marks elsewhere still reads a single-marked run-on quote."""
    paragraphs = [
        "Toto Wolff spoke after the race.",
        "Wolff was blunt: 'We brought the wrong set-up and we paid for it.",
        "'The car was slow in the fast corners.'",
        'Russell agreed. "It was a long afternoon," he said.',
        '"And a hot one," he added.',
    ]
    assert article_style(paragraphs) == "auto"
    assert said(paragraphs)[:2] == [(2, "Toto Wolff"), (3, "Toto Wolff")]


# -- Role tags: the name only in the paragraph before ----------------------------------------


@pytest.mark.parametrize(
    ("before", "tag", "speaker"),
    [
        pytest.param(
            "Lance Stroll held up Kimi Antonelli, and Toto Wolff was not impressed.",
            "said the Mercedes boss",
            "Toto Wolff",
            id="boss-not-the-subject",
        ),
        pytest.param(
            "Lewis Hamilton crossed the line sixth. Frederic Vasseur called it a step forward.",
            "the seven-time world champion said",
            "Lewis Hamilton",
            id="title-count-not-the-last-subject",
        ),
        pytest.param(
            "Valtteri Bottas and Sergio Perez collided at the first corner.",
            "the Finn added",
            "Valtteri Bottas",
            id="nationality-after-two-subjects",
        ),
        pytest.param(
            "Carlos Sainz and Fernando Alonso fought over 11th place for 20 laps.",
            "the Spaniard said",
            None,
            id="two-fit-so-nobody",
        ),
    ],
)
def test_a_role_tag_resolves_among_the_people_in_view(
    before: str, tag: str, speaker: str | None
) -> None:
    """The epithet fits exactly one person of the paragraph before, and nobody else: theirs."""
    paragraphs = [
        "Oscar Piastri won the race from pole, with Bob Hartley watching.",
        before,
        f'"It was a difficult day for all of us," {tag}.',
    ]
    assert said(paragraphs) == [(3, speaker)]


def test_a_role_tag_two_paragraphs_back_past_a_quote_paragraph() -> None:
    """A quote-only paragraph names nobody: the reader looks at the paragraph before it."""
    paragraphs = [
        "Lewis Hamilton crossed the line sixth. Frederic Vasseur called it a step forward.",
        '"We will get there," the seven-time world champion said.',
        '"We needed these points," the Ferrari boss added.',
    ]
    assert said(paragraphs) == [(2, "Lewis Hamilton"), (3, "Frederic Vasseur")]


def test_a_role_tag_someone_else_in_the_article_fits_stays_unattributed() -> None:
    """'the Finn' fits Bottas in view, but the article names another Finn: nobody."""
    paragraphs = [
        "Kimi Raikkonen watched the race from the paddock club.",
        "Valtteri Bottas and Sergio Perez collided at the first corner.",
        '"It was a difficult day for all of us," the Finn added.',
    ]
    assert quote_in(paragraphs, 3).speaker is None
    assert quote_in(paragraphs[1:], 2).speaker == "Valtteri Bottas"


# -- Reported speech and rumours -------------------------------------------------------------

RUMOURS = [
    "According to Corriere dello Sport, Lewis Hamilton is weighing up whether to retire.",
    "The Italian newspaper also claimed that Ferrari had spoken to Oliver Bearman.",
    '"Lewis has lost his patience," according to La Gazzetta dello Sport.',
    "Hamilton told reporters in Montreal on Thursday that he had no plans to stop racing.",
    "Hamilton, according to the Italian newspaper, had told friends that he was tired of it.",
    "Frederic Vasseur is understood to have told the team that Hamilton will stay.",
    "Asked about the rumours, Charles Leclerc said he wanted to focus on his own race.",
    "Bearman, speaking to the media at Haas, said that he had not been contacted by anybody.",
    'Corriere dello Sport wrote: "Hamilton is a shadow of the driver he was."',
]


def test_an_outlets_claim_about_someone_is_not_their_statement() -> None:
    """ "According to X, Hamilton is ...": nothing Hamilton said, quoted or reported."""
    found = speech(RUMOURS)
    assert [r.paragraph for r in found.reported if r.speaker == "Lewis Hamilton"] == [4, 5]
    assert all(r.paragraph not in (1, 2) for r in found.reported)


def test_an_outlet_is_never_a_person_nor_the_speaker_of_a_quote() -> None:
    """'La Gazzetta dello Sport' is no one; its words and Corriere's are nobody's quote."""
    found = speech(RUMOURS)
    assert "La Gazzetta" not in discover_people(RUMOURS).names
    assert [(q.paragraph, q.speaker) for q in found.quotes] == [(3, None), (9, None)]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        (4, "Lewis Hamilton", "he had no plans to stop racing"),
        (5, "Lewis Hamilton", "he was tired of it"),
        (6, "Frederic Vasseur", "Hamilton will stay"),
        (7, "Charles Leclerc", "he wanted to focus on his own race"),
        (8, "Oliver Bearman", "he had not been contacted by anybody"),
    ],
)
def test_reported_speech_is_kept_as_reported_with_its_speaker(
    paragraph: int, speaker: str, words: str
) -> None:
    """The paraphrase is a reported statement of the right person, never a quote."""
    found = speech(RUMOURS)
    reported = [(r.speaker, r.text) for r in found.reported if r.paragraph == paragraph]
    assert reported == [(speaker, words)]
    assert all(q.paragraph != paragraph for q in found.quotes)


def test_an_outlets_name_with_dello_is_kept_whole_as_the_interview_setting() -> None:
    """'told Corriere dello Sport' is an interview with Corriere dello Sport."""
    quote = quote_in(
        [
            "Lewis Hamilton spoke in Montreal.",
            '"I am not done," Hamilton told Corriere dello Sport.',
        ],
        2,
    )
    assert (quote.speaker, quote.setting) == (
        "Lewis Hamilton",
        "interview with Corriere dello Sport",
    )


# -- Social posts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        'Russell wrote on Instagram: "What a day in Montreal."',
        'Russell posted on X (formerly Twitter): "What a day in Montreal."',
        'Russell took to social media. "What a day in Montreal," he wrote.',
    ],
)
def test_a_social_post_is_the_posters_words_in_a_post(line: str) -> None:
    """Whoever posts it said it, and the setting says it was a post."""
    quote = quote_in(["George Russell won in Canada.", line], 2)
    assert (quote.speaker, quote.setting) == ("George Russell", "social media post")


# -- Team radio and live blogs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        '15:12 "He just turned in on me!" Kimi Antonelli on the radio after the contact.',
        'Lap 40/70 – "He just turned in on me!" Antonelli on the team radio.',
        '15:12 Antonelli on the radio: "He just turned in on me!"',
    ],
)
def test_a_live_blog_entrys_radio_quote_is_the_credited_drivers(entry: str) -> None:
    """After a time or lap stamp, the quote opens the entry; the radio credit names him."""
    quote = quote_in(["Kimi Antonelli and Max Verstappen collided at Turn 3.", entry], 2)
    assert (quote.speaker, quote.kind, quote.setting) == ("Kimi Antonelli", "direct", "team radio")


def test_a_radio_credit_naming_two_people_names_nobody() -> None:
    """'Antonelli and Verstappen on the radio' is no single speaker."""
    quote = quote_in(
        [
            "Kimi Antonelli and Max Verstappen collided at Turn 3.",
            '15:12 "He just turned in!" Antonelli and Verstappen on the radio.',
        ],
        2,
    )
    assert quote.speaker is None


def test_a_transcript_label_after_a_time_stamp_is_read() -> None:
    """'14:55 Leclerc: ...' is Leclerc's; his race engineer's line is kept as a role label."""
    paragraphs = [
        "Charles Leclerc led the race.",
        '14:55 Leclerc\'s race engineer: "Plan B, box at the end of this lap."',
        '14:54 Leclerc: "Copy, the fronts feel good."',
    ]
    quotes = speech(paragraphs).quotes
    assert [(q.speaker, q.label) for q in quotes] == [
        (None, "Leclerc's race engineer"),
        ("Charles Leclerc", None),
    ]


# -- A tag in the middle ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '"It was," said Norris, "the hardest race of my life."',
        '"It was," said Norris, who started fifth, "the hardest race of my life."',
        '"It was," Norris said with a smile, "the hardest race of my life."',
        '"It was" – said Norris – "the hardest race of my life."',
        "'It was,' said Norris, 'the hardest race of my life.'",
    ],
)
def test_a_tag_in_the_middle_makes_one_statement_of_both_halves(line: str) -> None:
    """Both halves are parts of one statement, by the tag's speaker."""
    quotes = speech(["Lando Norris won, ahead of Max Verstappen.", line]).quotes
    assert [q.speaker for q in quotes] == ["Lando Norris", "Lando Norris"]
    assert [q.part for q in quotes] == [0, 1]
    assert quotes[0].statement == quotes[1].statement
    assert quotes[1].text.startswith("the hardest race")


# -- A quote after a sentence of reported speech ---------------------------------------------


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        pytest.param(
            'Stroll said he had not been told about the Mercedes. "I had no warning at all."',
            "Lance Stroll",
            id="reported-then-quote",
        ),
        pytest.param(
            'Antonelli said that the team would talk to Stroll. "These things happen here."',
            "Kimi Antonelli",
            id="that-clause-then-quote",
        ),
        pytest.param(
            'Stroll said sorry to Antonelli. "It is fine, really."',
            None,
            id="a-speech-verb-with-no-reported-words",
        ),
        pytest.param(
            'Stroll finished 14th, behind Antonelli. "I had no warning at all."',
            None,
            id="narration-reports-nothing",
        ),
    ],
)
def test_a_quote_after_a_sentence_reporting_someones_words_goes_on_with_them(
    line: str, speaker: str | None
) -> None:
    """The quote opening the next sentence continues what the sentence before reported."""
    quote = quote_in(["Lance Stroll held up Kimi Antonelli at Portier.", line], 2)
    assert quote.speaker == speaker


# -- Titles on the article's date ------------------------------------------------------------


@pytest.mark.parametrize(
    ("epithet", "name", "on", "verdict"),
    [
        ("the reigning world champion", "Max Verstappen", date(2025, 5, 1), True),
        ("the reigning world champion", "Lando Norris", date(2025, 5, 1), False),
        # Mid-season, the year's title may or may not be decided: never Norris's yet.
        ("the reigning world champion", "Lando Norris", date(2025, 6, 15), None),
        ("the world champion", "Lando Norris", date(2025, 6, 15), None),
        ("the reigning world champion", "Lando Norris", date(2026, 1, 10), True),
        ("the reigning world champion", "Max Verstappen", date(2026, 1, 10), False),
        ("the world champion", "Lando Norris", date(2026, 1, 10), True),
        ("the seven-time world champion", "Lewis Hamilton", date(2020, 11, 15), True),
    ],
)
def test_a_title_epithet_fits_as_the_season_stood_on_the_articles_date(
    epithet: str, name: str, on: date, verdict: bool | None
) -> None:
    """A title counts once its season may be decided; "reigning" only when it surely is."""
    assert default_register().describes(epithet, name, on) is verdict


def test_the_reigning_champion_mid_season_names_nobody_who_only_later_won() -> None:
    """In June 2025, "the reigning world champion" is not Norris, whatever the register
    knows of December."""
    paragraphs = [
        "Lando Norris and Charles Leclerc shared the front row in Barcelona.",
        '"It was a good lap, but tomorrow is what counts," said the reigning world champion.',
    ]
    found = extract_speech(paragraphs, discover_people(paragraphs), published=date(2025, 6, 1))
    assert [q.speaker for q in found.quotes] == [None]
