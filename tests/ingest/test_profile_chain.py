"""A present-tense long-read profile: "he" is the man the piece is about, paragraphs away
from his name, unless the paragraph has named another man doing something first; a quote
naming someone in the third person is not that someone's words; a beat ("He grins.") and a
set-off tag ("He is also, Fenn says, ...") give the bare quotation after them a speaker."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes
from bot.ingest.attribution.chain import profile_subject
from bot.ingest.people import discover_people
from bot.ingest.text import masked

PROFILE = [
    "By Tom Reyes",
    "It is raining in Milton Keynes, and Elias Brandt is drinking tea he does not want. He "
    'has a simulator session at two. He has, he says, not slept "more than four hours since '
    'Sunday".',
    "Last year Brandt and Pavel Orlov fought for the junior title until the final round. "
    "Orlov spun at the first corner there, and Brandt, who needed only to finish, cruised "
    "home fourth. He was 19.",
    'So the final round, he says, is "the weekend I stopped being nervous". He grins. "Next '
    'year I want a podium. Nothing less."',
    "Brandt was born in Graz and moved to England at 14. His mother still keeps every "
    "trophy; Brandt keeps none.",
    "Dario Fenn, the team principal, has known him for six years. He says Brandt is "
    '"the calmest driver I have ever hired".',
    'He is also, Fenn says, the first driver the team re-signed. "Elias was never in doubt. '
    'The second seat was the hard one."',
    'Brandt\'s opinion of Orlov is brief. "Pavel is fast and he never gives up," he says.',
    'Orlov tells a longer story. "He asks the engineers everything twice," Orlov says.',
    'He laughs when he hears that. "Pavel says that because he never asks anything," he says.',
]


def _said(paragraphs: list[str]) -> dict[str, str | None]:
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 6, 1))
    return {q.text.strip(' ,."'): q.speaker for q in quotes}


def test_a_present_tense_profile_has_its_subject() -> None:
    people = discover_people(PROFILE)
    assert profile_subject([masked(p) for p in PROFILE], people) == ("Elias Brandt", "he")


def test_he_is_the_profile_subject_unless_the_paragraph_names_another_man_first() -> None:
    said = _said(PROFILE)
    assert said["more than four hours since Sunday"] == "Elias Brandt"
    # "He was 19" after Orlov spun: the next paragraph's "he says" is still the subject's.
    assert said["the weekend I stopped being nervous"] == "Elias Brandt"
    # Fenn named and acting in the paragraph: "He says" is Fenn's.
    assert said["the calmest driver I have ever hired"] == "Dario Fenn"
    # "He laughs when he hears that" opens a paragraph after Orlov's quote: the subject.
    assert said["Pavel says that because he never asks anything"] == "Elias Brandt"


def test_a_quote_naming_its_would_be_speaker_is_not_his() -> None:
    """No profile here (a report in "said"): the history's last man is the one the quote
    names by first name, so "he" is the man before him."""
    report = [
        "Elias Brandt finished second in Lisbon on Sunday.",
        'Pavel Orlov passed him on lap 3 and held on to win. "Pavel drove a perfect race and '
        'deserved it," he said.',
    ]
    assert profile_subject([masked(p) for p in report], discover_people(report)) is None
    assert _said(report)["Pavel drove a perfect race and deserved it"] == "Elias Brandt"
    assert _said(PROFILE)["Pavel is fast and he never gives up"] == "Elias Brandt"


def test_a_beat_or_a_set_off_tag_gives_the_bare_quote_after_it_a_speaker() -> None:
    said = _said(PROFILE)
    assert said["Next year I want a podium. Nothing less"] == "Elias Brandt"
    assert said["Elias was never in doubt. The second seat was the hard one"] == "Dario Fenn"


PREVIEW = [
    "Odo Brandt says Harlow can win at Dunmere on Sunday.",
    '"The car is finally where we want it," Brandt says, and his team agrees.',
    "Brandt admits his qualifying has been weak, and he knows it costs him points.",
    "He says he has worked with his engineer on the braking.",
    "Jon Larsen, his team-mate, finished fourth last time out.",
    '"I need a clean start, that is all," he says.',
]


def test_a_man_just_introduced_is_the_next_he_in_a_news_piece_in_says() -> None:
    """A news preview told in "says": the team-mate named in the paragraph before is the
    "he" of the quote after, not the piece's main driver."""
    said = _said(PREVIEW)
    assert said["I need a clean start, that is all"] == "Jon Larsen"
    assert said["The car is finally where we want it"] == "Odo Brandt"


def test_a_quote_naming_the_speakers_own_team_is_still_his() -> None:
    """A team bearing the owner's name ("Quill Racing") in the quote names no person."""
    story = [
        "Jon Larsen won at Keston on Sunday for Quill Racing.",
        "Team owner Ada Quill was delighted with the result.",
        '"Quill Racing has won here four times now, and Jon drove perfectly," she said.',
    ]
    said = _said(story)
    assert said["Quill Racing has won here four times now, and Jon drove perfectly"] == "Ada Quill"
    story_he = [
        "Kyle Larson won at Keston on Sunday for Hendrick Motorsports.",
        "Team owner Rick Hendrick was delighted with the result.",
        '"Hendrick Motorsports has won here four times now," he said.',
    ]
    assert _said(story_he)["Hendrick Motorsports has won here four times now"] == "Rick Hendrick"


def test_a_team_the_register_names_in_the_quote_bars_no_one() -> None:
    """A team's name the register knows ("Team Penske"), ending in no team word, is the
    team's in the quote: it does not name its owner as someone the speaker talks about."""
    story = [
        "Will Power won at Keston on Sunday for Team Penske.",
        "Team owner Roger Penske was delighted with the result.",
        '"Team Penske has won here four times now," he said.',
    ]
    assert _said(story)["Team Penske has won here four times now"] == "Roger Penske"
