"""Who said what when a paragraph holds two speakers, a name someone is called, two people
sharing one surname, and a press release's title after a name. Each form once put verbatim
words under the wrong name (the earlier speaker's) or kept a name as someone's words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.ingest.attribute import extract_quotes
from bot.ingest.load import build_article
from bot.ingest.people import discover_people
from bot.models import Quote

PUBLISHED = date(2026, 6, 1)


def _quotes(paragraphs: list[str], headline: str = "") -> list[Quote]:
    index = discover_people(paragraphs, headline=headline)
    return extract_quotes(paragraphs, index, published=PUBLISHED)


def _said(paragraphs: list[str], headline: str = "") -> dict[str, str | None]:
    return {q.text.strip(" ,."): q.speaker for q in _quotes(paragraphs, headline)}


TWO_SPEAKERS = [
    "Tomas Varga won the invented Brno round from Lukas Ostrava and Karel Duda.",
    'Varga was glad to talk about tyres for once. "Two stops was the right call," he said. '
    "Lukas Ostrava, fourth for Kessel, thought the limit spoilt the racing: riders, he said, "
    'were "riding to a lap count, not to the tyre", and he wanted a harder compound.',
    'Duda apologised in person to Ostrava, who said it "does not give me my points back". '
    'Kessel team principal Pavel Hruby said Varga had ridden "the race of a champion". '
    'For Petr Sedlak, ninth, it was the last race of his career. "One more," he said, '
    'smiling. "Then I rest."',
]


def test_a_later_speakers_set_off_tag_is_the_later_speakers() -> None:
    """ "X, fourth, thought ...: riders, he said, were "..."": "he" is the sentence's own
    subject, never the speaker of the sentence before."""
    said = _said(TWO_SPEAKERS)
    assert said["Two stops was the right call"] == "Tomas Varga"
    assert said["riding to a lap count, not to the tyre"] == "Lukas Ostrava"


def test_the_one_a_relative_clause_hangs_on_said_it() -> None:
    """ "Duda apologised to Ostrava, who said it "..."": Ostrava's words, not Duda's."""
    assert _said(TWO_SPEAKERS)["does not give me my points back"] == "Lukas Ostrava"


def test_a_sentence_framed_by_one_person_makes_him_the_next_he() -> None:
    """ "For Sedlak, ninth, it was his last race. "One more," he said": Sedlak's, not those
    of Hruby, who spoke in the sentence before."""
    said = _said(TWO_SPEAKERS)
    assert said["the race of a champion"] == "Pavel Hruby"
    assert said["One more"] == "Petr Sedlak"
    assert said["Then I rest"] == "Petr Sedlak"


NICKNAMES = [
    'Known throughout the paddock as "the Bull", Tomas Varga won again on Sunday.',
    'In the karting years the mechanics started calling Lukas Ostrava "El Maestro", the '
    'teacher. "He had a notebook," his old boss Karel Duda said.',
    'Varga called the new chicane "a joke" after the race.',
]


def test_a_name_someone_is_called_is_nobodys_words() -> None:
    said = _said(NICKNAMES)
    assert "the Bull" not in said
    assert "El Maestro" not in said
    assert said["He had a notebook"] == "Karel Duda"
    # A characterisation in quotation marks after "called" stays the speaker's words.
    assert said["a joke"] == "Tomas Varga"


def test_a_quoted_headline_nickname_is_the_one_named_persons_alias() -> None:
    headline = "'El Maestro' moves up: Lukas Ostrava signs for Kessel"
    index = discover_people(NICKNAMES, headline=headline)
    aliases = {p.name: p.aliases for p in index.people}
    assert "El Maestro" not in aliases
    assert "El Maestro" in aliases["Lukas Ostrava"]


GENERATIONS = [
    "Tomas Varga, 52, watched from the fence as his son Petr Varga, 24, took the flag.",
    '"He asked me for a pen, not a drink," the elder Varga said.',
    '"Papa never pushed me," the younger Varga said.',
    '"I will watch on television," Varga Sr. said. "So will I," Varga Jr. said.',
    '"We talk every night," Varga said.',
    'Petr Varga was quick all day. "He never stops asking," his father said.',
    '"I listen to the first half," said Varga Jr.',
]


def test_the_elder_and_the_younger_are_told_by_the_ages_the_article_gives() -> None:
    said = _said(GENERATIONS)
    assert said["He asked me for a pen, not a drink"] == "Tomas Varga"
    assert said["Papa never pushed me"] == "Petr Varga"
    assert said["I will watch on television"] == "Tomas Varga"
    assert said["So will I"] == "Petr Varga"
    assert said["We talk every night"] is None  # a bare shared surname: never a guess
    assert said["He never stops asking"] == "Tomas Varga"
    assert said["I listen to the first half"] == "Petr Varga"


def test_the_elder_is_told_by_the_register_and_never_guessed() -> None:
    """Mick and Jack Doohan's birth years are the register's; two invented Kovacs have none."""
    said = _said(
        [
            "Mick Doohan and Jack Doohan were in the garage, as were Anna Kovac and Eva Kovac.",
            '"He has his own ideas," the elder Doohan said.',
            '"Dad keeps his advice short," the younger Doohan said.',
            '"We never race each other," the elder Kovac said.',
        ]
    )
    assert said["He has his own ideas"] == "Mick Doohan"
    assert said["Dad keeps his advice short"] == "Jack Doohan"
    assert said["We never race each other"] is None


PRESS_RELEASE = "\n\n".join(
    (
        "date 2026-11-20 Vantor Racing signs Tomas Varga for 2027",
        "Vantor Racing is delighted to announce that Tomas Varga will join its line-up.",
        '"Tomas is exactly the rider we wanted," said Marta Ruiz, Team Principal.',
        "Jonas Berg, Head of Kessel Motorsport, said the deal was long planned. "
        '"He is here to win," said Berg.',
    )
)


def test_a_press_releases_title_after_the_name_is_the_role(tmp_path: Path) -> None:
    path = tmp_path / "2026-11-20-vantor-signs-varga.txt"
    path.write_text(PRESS_RELEASE, encoding="utf-8")
    roles = {p.name: p.role for p in build_article(path).people}
    assert roles["Marta Ruiz"] == "Team Principal"
    assert roles["Jonas Berg"] == "Head of Kessel Motorsport"
    assert roles["Tomas Varga"] is None


def test_a_name_joined_to_a_prepositions_object_is_no_subject() -> None:
    """ "A return to Kessel, with a new engine and Karel Duda across the garage, brought
    little": Duda is no subject, so the next paragraph's "he" is still Varga."""
    said = _said(
        [
            "Tomas Varga won two titles with Vantor before he moved on.",
            "A return to Kessel, with a new engine and Karel Duda across the garage, brought "
            "little.",
            'He never won again after 2019. "That is the thing I will regret," he said.',
        ]
    )
    assert said["That is the thing I will regret"] == "Tomas Varga"
