"""Words posted, replied and said on a podcast: whose they are and where they were said.
Each on a small invented text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.ingest.attribute import extract_speech
from bot.ingest.people import discover_people
from bot.models import Quote

ON = date(2026, 11, 9)


def quotes(paragraphs: Sequence[str]) -> list[Quote]:
    return list(extract_speech(paragraphs, discover_people(paragraphs), published=ON).quotes)


PODCAST = [
    "Varo Lind won the invented Harbour 200 from Dace Ferrow on Sunday.",
    "On Monday's episode of his podcast, Grid Chatter, Lind said he had spoken to Ferrow "
    'by phone and that the call was "brief and friendly".',
]


def test_the_podcast_named_before_the_speaker_is_not_the_speaker() -> None:
    """The show's name opens the clause, but the words are those of the one who "said"."""
    (quote,) = [q for q in quotes(PODCAST) if q.paragraph == 2]
    assert quote.speaker == "Varo Lind"


def test_words_said_on_a_podcast_have_the_podcast_as_their_setting() -> None:
    (quote,) = [q for q in quotes(PODCAST) if q.paragraph == 2]
    assert quote.setting == "podcast"


REPLY = [
    "Varo Lind won the invented Harbour 200 on Sunday and Dace Ferrow posted a photograph "
    "of the podium.",
    "Kit Sund, the New Zealander who drives for Marrow Racing, replied to Ferrow's post with a "
    'thumbs-up and then, under it, "nice one, both of you".',
]


def test_a_description_set_off_after_a_name_is_that_person() -> None:
    """ "Kit Sund, the New Zealander who ..., replied": the epithet describes the name before it."""
    (quote,) = [q for q in quotes(REPLY) if q.paragraph == 2]
    assert quote.speaker == "Kit Sund"


def test_a_reply_to_a_post_is_a_post() -> None:
    (quote,) = [q for q in quotes(REPLY) if q.paragraph == 2]
    assert quote.setting == "social media post"


RECORD = [
    "Varo Lind won the invented Harbour 200 on Sunday.",
    'Tobin Quill kept it short. "He has earned this twice over," the two-time Harbour 200 '
    "winner wrote on X.",
]


def test_an_epithet_by_record_is_the_one_person_the_paragraph_names() -> None:
    """ "the two-time Harbour 200 winner": a description with no capital at its head."""
    (quote,) = [q for q in quotes(RECORD) if q.paragraph == 2]
    assert quote.speaker == "Tobin Quill"


OWNER = [
    "Varo Lind won the invented Harbour 200 for Joe Gibbs Racing on Sunday.",
    'Jimmie Johnson posted an old photograph of Lind. "Knew it all along," Johnson wrote.',
    'Joe Gibbs spoke for the team on its website. "He never stopped believing in himself," '
    "the team owner said.",
]


def test_the_team_owner_after_the_owner_opens_the_paragraph_is_the_owner() -> None:
    """The owner named like his team opens the paragraph and speaks for it: "the team
    owner" is no longer the person of the paragraph before (a team owner too), but the
    owner himself ("Joe Gibbs spoke for the team": a person, see test_people_roles_rules)."""
    (quote,) = [q for q in quotes(OWNER) if q.paragraph == 3]
    assert quote.speaker == "Joe Gibbs"


PRAISED = [
    "Varo Lind won the invented Harbour 200 from Kit Sund.",
    "Team owner Mira Salo praised her drivers' pace but said the team had \"thrown a win "
    'away in the pits."',
]


def test_a_clause_opening_with_said_after_but_shares_the_subject_before_it() -> None:
    """ "Salo praised ... but said the team had "...": "said" has no subject of its own."""
    (quote,) = [q for q in quotes(PRAISED) if q.paragraph == 2]
    assert quote.speaker == "Mira Salo"


KIN = [
    "Kit Sund won the invented Harbour 200 from Ola Sund and Varo Lind.",
    '"Ola pushed me all the way," Kit Sund said.',
    '"He is the one to beat and today I was close," his younger brother said.',
]


def test_a_relative_of_the_one_before_is_the_other_person_with_their_surname() -> None:
    """ "his younger brother": "his" is Kit Sund; the article's other Sund is the brother."""
    (quote,) = [q for q in quotes(KIN) if q.paragraph == 3]
    assert quote.speaker == "Ola Sund"


KIN_UNCLEAR = [
    "Kit Sund won the invented Harbour 200 from Ola Sund and Ari Sund.",
    '"It was a family day," Kit Sund said.',
    '"He is the one to beat," his younger brother said.',
]


def test_a_relative_is_nobody_when_two_people_share_the_surname() -> None:
    (quote,) = [q for q in quotes(KIN_UNCLEAR) if q.paragraph == 3]
    assert quote.speaker is None
