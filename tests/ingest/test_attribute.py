"""The attributor on small texts: each attribution form, and the cases it must refuse."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.ingest.attribute import Defaults, extract_quotes, extract_reported
from bot.ingest.laps import extract_lap_events, laps_in
from bot.ingest.people import PersonEntry, discover_people

INTRO = "Max Verstappen and Lewis Hamilton raced. Lando Norris and Susie Wolff watched."


def speakers(paragraphs: Sequence[str], known: Sequence[PersonEntry] = ()) -> list[str | None]:
    """Attribute ``paragraphs`` after a paragraph introducing four people."""
    texts = [INTRO, *paragraphs]
    quotes = extract_quotes(texts, discover_people(texts, known))
    return [q.speaker for q in quotes]


FORMS = [
    pytest.param(['"I was fast," Verstappen said.'], ["Max Verstappen"], id="name-said"),
    pytest.param(['"I was fast," said Verstappen.'], ["Max Verstappen"], id="said-name"),
    pytest.param(['"I was fast," Hamilton wrote.'], ["Lewis Hamilton"], id="name-wrote"),
    pytest.param(
        ["Hamilton was third.", '"I was fast," he said.'], ["Lewis Hamilton"], id="he-said"
    ),
    pytest.param(
        ['"A," Norris said. "B," he added.'], ["Lando Norris", "Lando Norris"], id="he-added"
    ),
    pytest.param(
        ["Susie Wolff was pleased.", '"It went well," she told reporters.'],
        ["Susie Wolff"],
        id="she-told-reporters",
    ),
    pytest.param(['"It went well," Norris told reporters.'], ["Lando Norris"], id="told-reporters"),
    pytest.param(['"It went well," according to Norris.'], ["Lando Norris"], id="according-to"),
    pytest.param(
        ['"Respect," Hamilton wrote on Instagram.'], ["Lewis Hamilton"], id="wrote-on-instagram"
    ),
    pytest.param(['Verstappen said: "We were quick."'], ["Max Verstappen"], id="said-colon"),
    pytest.param(
        ['Verstappen told Sky Sports: "We were quick."'], ["Max Verstappen"], id="told-outlet"
    ),
    pytest.param(
        ['Speaking after the race, Verstappen said: "We were quick."'],
        ["Max Verstappen"],
        id="speaking-after",
    ),
    pytest.param(
        ['"And then," Norris said, "he moved."'], ["Lando Norris", "Lando Norris"], id="interrupted"
    ),
    pytest.param(
        ['Asked about Hamilton, Verstappen said the move was "silly".'],
        ["Max Verstappen"],
        id="partial-skips-prepositional-object",
    ),
    pytest.param(
        ['Norris said Verstappen "was never going to give way".'],
        ["Lando Norris"],
        id="partial-subject-not-object",
    ),
    pytest.param(['"Verstappen is the best," the Dutchman said.'], [None], id="unknown-descriptor"),
    pytest.param(
        ['Norris was fourth. "I had too much wheelspin," the Briton told reporters.'],
        ["Lando Norris"],
        id="epithet-for-the-one-named-person",
    ),
    pytest.param(
        ['Norris passed Hamilton. "I had too much wheelspin," the Briton said.'],
        [None],
        id="epithet-ambiguous-between-two",
    ),
    pytest.param(
        ['Norris was fourth. "We learned a lot," the team said.'], [None], id="team-not-epithet"
    ),
    pytest.param(['"Hamilton was unlucky," a spokesperson said.'], [None], id="unnamed-speaker"),
    pytest.param(['"Norris drove well," the team said.'], [None], id="team-not-a-person"),
    pytest.param(['"Lewis Hamilton is a legend."'], [None], id="name-inside-quote-only"),
    pytest.param(['Hamilton was asked: "Was it fair?"'], [None], id="passive-asked"),
    pytest.param(['"Brilliant," Verstappen\'s engineer said.'], [None], id="possessive-subject"),
    pytest.param(['The team called it "a learning experience".'], [None], id="partial-no-subject"),
    pytest.param(
        ['"Hard but fair," was Verstappen\'s verdict.'], ["Max Verstappen"], id="was-x-verdict"
    ),
    pytest.param(
        ["Norris was fourth.", 'Hamilton, who led early, faded with tyres that he said "gave up".'],
        ["Lewis Hamilton"],
        id="pronoun-takes-its-own-sentence-subject",
    ),
    pytest.param(
        [
            "Hamilton was asked about his contract.",
            'Verstappen said he had warned Norris first, "before anyone in the team".',
        ],
        ["Max Verstappen"],
        id="pronoun-after-said-is-the-one-who-said",
    ),
    pytest.param(
        ['Norris was out of the race after Verstappen called his move "a bit hopeful".'],
        ["Max Verstappen"],
        id="verdict-clause-names-whose-words",
    ),
    pytest.param(
        ["Norris was fourth.", 'After Hamilton passed him, he said: "No room."'],
        ["Lando Norris"],
        id="subordinate-clause-subject-is-not-the-pronoun",
    ),
    pytest.param(
        ["Hamilton was asked about it.", "The veteran grinned.", '"Later," he said.'],
        ["Lewis Hamilton"],
        id="role-epithet-keeps-the-subject",
    ),
]


@pytest.mark.parametrize(("paragraphs", "expected"), FORMS)
def test_attribution_form(paragraphs: list[str], expected: list[str | None]) -> None:
    """Each attribution form gives the right speaker, or None when the text doesn't say."""
    assert speakers(paragraphs) == expected


def test_pronoun_matches_annotated_pronoun() -> None:
    """With annotated pronouns, "she" skips the more recent "he" person."""
    known = [
        PersonEntry("Susie Wolff", pronoun="she"),
        PersonEntry("Lando Norris", pronoun="he"),
    ]
    texts = [
        "Susie Wolff spoke after Lando Norris won.",
        "Norris left early.",
        '"Great," she said.',
    ]
    quotes = extract_quotes(texts, discover_people(texts, known))
    assert [q.speaker for q in quotes] == ["Susie Wolff"]


def test_they_is_not_resolved_without_an_annotated_pronoun() -> None:
    """ "They said" is never pinned on a person the annotation has not called "they"."""
    assert speakers(['"We will appeal," they said.']) == [None]


def test_multi_paragraph_quote_is_one_statement() -> None:
    """An unclosed quote continued by a paragraph opening with a mark is one statement."""
    texts = ['Norris said: "First part.', '"Second part.', '"Third part," he added.']
    quotes = extract_quotes(texts, discover_people([INTRO, *texts]))
    assert [(q.paragraph, q.statement, q.part, q.kind, q.speaker) for q in quotes] == [
        (1, 1, 0, "direct", "Lando Norris"),
        (2, 1, 1, "direct", "Lando Norris"),
        (3, 1, 2, "direct", "Lando Norris"),
    ]


def test_statement_speaker_found_in_a_later_part() -> None:
    """A statement attributed only in its last paragraph takes that speaker for every part."""
    texts = [INTRO, '"First part.', '"Second part," Hamilton said.']
    quotes = extract_quotes(texts, discover_people(texts))
    assert [(q.statement, q.part, q.speaker) for q in quotes] == [
        (1, 0, "Lewis Hamilton"),
        (1, 1, "Lewis Hamilton"),
    ]


def test_closed_quote_paragraph_without_attribution_is_not_guessed() -> None:
    """A fresh quote paragraph is not pinned on the previous speaker once the subject changed."""
    assert speakers(['"One," Norris said.', "Hamilton was third.", '"Two."']) == [
        "Lando Norris",
        None,
    ]


def test_follow_on_quote_paragraph_keeps_the_speaker() -> None:
    """A paragraph of quotation alone right after a speaker's quote is theirs (issue 8)."""
    assert speakers(['"One," Norris said.', '"Two."']) == ["Lando Norris", "Lando Norris"]


SETTINGS = [
    pytest.param('"Hi," Norris said.', None, "remarks", id="plain"),
    pytest.param(
        '"Hi," Norris said.', "remarks after the race", "remarks after the race", id="default"
    ),
    pytest.param('"Hi," Norris told reporters.', None, "remarks to reporters", id="reporters"),
    pytest.param('"Hi," Norris told Sky Sports.', None, "interview with Sky Sports", id="outlet"),
    pytest.param('"Hi," Norris wrote on Instagram.', None, "social media post", id="instagram"),
    pytest.param(
        '"Hi," Norris wrote on Instagram in the comments section.',
        None,
        "Instagram comment",
        id="instagram-comment",
    ),
    pytest.param('"Hi," Norris said over team radio.', None, "team radio", id="radio"),
]


@pytest.mark.parametrize(("text", "default", "expected"), SETTINGS)
def test_setting_from_the_attribution(text: str, default: str | None, expected: str) -> None:
    """The setting comes from the attribution words, else the annotation's default."""
    texts = [INTRO, text]
    quotes = extract_quotes(texts, discover_people(texts), Defaults(default))
    assert [q.setting for q in quotes] == [expected]


def test_nested_single_quotes_stay_inside() -> None:
    """Single quotes inside a double-quoted quote are part of it, not another quote."""
    texts = [INTRO, "\"He said 'box, box' and I boxed,\" Norris said."]
    quotes = extract_quotes(texts, discover_people(texts))
    assert [q.text for q in quotes] == ["He said 'box, box' and I boxed,"]


def test_apostrophes_are_not_quote_marks() -> None:
    """Apostrophes (don't, Russell's, drivers') never open or close a quote."""
    texts = [
        "Lando Norris's car didn't start and the drivers' meeting ran late. It's Norris' fault."
    ]
    assert extract_quotes(texts, discover_people(texts)) == []


def test_single_quoted_british_style_quote() -> None:
    """A paragraph quoted in single marks only is still read, with its speaker."""
    texts = [INTRO, "'We were quick today,' Norris said."]
    quotes = extract_quotes(texts, discover_people(texts))
    assert [(q.text, q.speaker) for q in quotes] == [("We were quick today,", "Lando Norris")]


REPORTED = [
    pytest.param(
        "Norris said Verstappen was too aggressive.",
        [("Lando Norris", "Verstappen was too aggressive")],
        id="bare-clause",
    ),
    pytest.param(
        "Hamilton insisted that the team had done nothing wrong, but admitted defeat.",
        [("Lewis Hamilton", "the team had done nothing wrong")],
        id="that-clause-cut",
    ),
    pytest.param(
        "Wolff was happy with third but admitted the strategy had cost the team a win.",
        [("Susie Wolff", "the strategy had cost the team a win")],
        id="own-predicate-before-the-verb",
    ),
    pytest.param(
        "Hamilton beat Verstappen easily and said the car had been perfect.",
        [],
        id="coordinated-verb-after-an-object-is-not-the-objects",
    ),
    pytest.param("Norris admitted his own mistakes after the race.", [], id="noun-object"),
    pytest.param('Norris said the car was "awful".', [], id="quoted-sentence"),
    pytest.param(
        'Norris would not blame the stewards, who had done "their job", but he said the rule '
        'had decided the race, "and nobody wants that".',
        [("Lando Norris", "the rule had decided the race")],
        id="reported-between-quotations",
    ),
    pytest.param(
        'Norris said he was fine "for now", and Wolff said the team would look at the data.',
        [("Susie Wolff", "the team would look at the data")],
        id="reported-after-a-quotation",
    ),
    pytest.param(
        "Norris told reporters that the tyres were gone.",
        [("Lando Norris", "the tyres were gone")],
        id="told-that",
    ),
    pytest.param(
        "Norris was asked whether he thought Verstappen had gone too far.",
        [],
        id="asked-whether-is-a-question",
    ),
    pytest.param(
        "Reporters wondered if Norris felt the team had let him down.",
        [],
        id="wondered-if-is-a-question",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_statement(text: str, expected: list[tuple[str, str]]) -> None:
    """Paraphrase needs a person subject, a reporting verb, a clause and no quote marks
    inside it (the narration around a sentence's quotations is read too)."""
    texts = [INTRO, text]
    found = extract_reported(texts, discover_people(texts))
    assert [(r.speaker, r.text) for r in found] == expected


@pytest.mark.parametrize(
    ("text", "laps"),
    [
        ("He crashed on lap 32.", [32]),
        ("It happened on lap 32 of 63.", [32]),
        ("He pitted on the 32nd lap.", [32]),
        ("They touched on the opening lap.", [1]),
        ("Lap 250 is not a lap.", []),
        ("He did 12 laps.", []),
    ],
)
def test_lap_mentions(text: str, laps: list[int]) -> None:
    """Lap numbers are read from the usual phrasings; implausible numbers are ignored."""
    assert laps_in(text) == laps


def test_lap_inside_a_quote_is_not_an_event() -> None:
    """A lap a speaker mentions inside quotes does not become a lap event."""
    texts = [INTRO, '"On lap 5 I lost it," Norris said.']
    assert extract_lap_events(texts, discover_people(texts)) == []


HOSTILE = [
    pytest.param('"', id="lone-mark"),
    pytest.param('He said "', id="lone-mark-at-end"),
    pytest.param('""""""', id="only-marks"),
    pytest.param('"unbalanced and never closed', id="unclosed"),
    pytest.param("“curly open ” stray ” marks “", id="curly-mess"),
    pytest.param('🏎️🔥 "Fast 🏁," 💨 said.', id="emoji"),
    pytest.param('Zero\u200bwidth\u200d "quote\u200b here," he said.', id="zero-width"),
    pytest.param("'''' ‘ ’ ' ,' .' !'", id="single-mess"),
    pytest.param('said: "', id="said-colon-then-nothing"),
    pytest.param('\u202e\u2066reversed\u2069 "x" \ufeff', id="bidi-controls"),
]


@pytest.mark.parametrize("paragraph", HOSTILE)
def test_hostile_text_does_not_crash_or_invent_a_speaker(paragraph: str) -> None:
    """Broken or odd text yields verbatim quotes with no invented speaker."""
    texts = [paragraph, paragraph + " " + paragraph]
    people = discover_people(texts)
    quotes = extract_quotes(texts, people)
    assert all(q.speaker is None for q in quotes)
    assert all(q.text in texts[q.paragraph - 1] for q in quotes)
    extract_reported(texts, people)
    extract_lap_events(texts, people)


_ALPHABET = st.sampled_from(
    [
        *"abc XYZ.,;:!?-'\"“”‘’()\u200b🏁\n",
        *("Lewis Hamilton", " said", " he", " told reporters", " lap 5", " Norris", " while "),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_ALPHABET, max_size=40).map("".join), min_size=1, max_size=5))
def test_extract_quotes_never_raises_and_quotes_are_verbatim(paragraphs: list[str]) -> None:
    """For any text, extraction never raises and each quote appears verbatim in its paragraph."""
    texts = [" ".join(p.split()) or "x" for p in paragraphs]
    people = discover_people(texts)
    for quote in extract_quotes(texts, people):
        assert quote.text
        assert quote.text in texts[quote.paragraph - 1]
        assert quote.speaker is None or quote.speaker in people.names
    extract_reported(texts, people)
    extract_lap_events(texts, people)
