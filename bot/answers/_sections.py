"""Sub-headings: a short line that heads the paragraphs under it, and is no answer itself.

Explainers, previews, FAQs and mailbags break a story into sections, each under a line of its
own: a question ("What is clipping?", "Did it work?") or a title ("The tyres, the track and
the weather", "What they said"). A fan asking the heading's question in their own words
matches the heading best, since it holds their words, but what they want is what the
section under it says, which rarely repeats them ("The numbers say yes."). So a heading's
words hold for every sentence of its section, as a story's headline holds for each of its
sentences, and a heading that is a question is never shown as the answer.

A heading that is a team's name ("McLaren", "Red Bull" over a driver-market roundup told team
by team) is no loose title: it names exactly whom its section is about, and its sentences
rarely repeat it ("Nothing moves. Both are under contract"). Its words hold for the section,
and a question naming one team is answered under that team's heading, never under another's.
A technical analysis told team by team gives each heading a title after the team's name
("McLaren: a floor for the bumps"): the name before the colon scopes the section as a bare
name does, and the title after it is a title's loose words, no more.

A heading is told by its shape: one short line with no sentence's closing stop, standing
between paragraphs of prose (a list's items stand next to each other; a byline, "By Tom
Okafor", heads nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers.text import capitalised_runs
from bot.answers.understand import is_team
from bot.models import Passage

__all__ = [
    "HEADING_WORDS",
    "Section",
    "heading_shaped",
    "heads_nothing",
    "held_words",
    "names_team",
    "opens_with_other_team",
    "other_teams",
    "sections_of",
]

#: Most words a heading has; a longer line is a sentence, even without its full stop.
HEADING_WORDS = 12
#: What ends a sentence or a quotation, never a heading ("The full calendar:" opens a list).
_CLOSED = tuple(".!:;,\"”’'»…")
#: What opens a line that is no heading: a quotation, an interview's question, a bold one.
_OPENED = ('"', "“", "‘", "'", "Q:", "Q.", "**")
#: A byline: whom the story is by heads no section of it.
_BYLINE = re.compile(r"^By\s+[A-Z]")
#: Inside a line: a sentence's end before more words ("Fifth. Is that ...?").
_INNER_END = re.compile(r"[.!?]\s+\S")
#: A title naming a cause: "Why Red Bull backed down", "Why the stewards went for five".
_WHY_TITLE = re.compile(r"^Why\s+\w[^?]*$")
#: A numbered heading's number ("2. Colapinto's opening lap was one to forget").
_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


@dataclass(frozen=True, slots=True)
class Section:
    """Where a paragraph stands under a heading: the heading, and how many paragraphs of
    the section come before it (0: the first under the heading)."""

    heading: Passage
    depth: int

    @property
    def asks(self) -> bool:
        """The heading is a question ("Did it work?"), or a cause's title ("Why Red Bull
        backed down"), which asks as a question does: its section is the answer."""
        return self.heading.text.rstrip().endswith("?") or self.titled_why

    @property
    def titled_why(self) -> bool:
        """The heading is a title opening with "Why", no question mark ("Why Red Bull backed
        down"): a news story's section giving the reasons for its headline's event."""
        return _WHY_TITLE.match(self.heading.text.strip()) is not None


def heading_shaped(text: str) -> bool:
    """Whether a paragraph has a heading's shape: one short line of a few words (numbered
    or not), with no closing stop (a question mark is a question heading's), no quotation
    or interview mark opening it and no sentence ending inside it."""
    line = text.strip()
    words = line.split()
    if not words or len(words) > HEADING_WORDS or "\n" in line:
        return False
    if line.endswith(_CLOSED) or line.startswith(_OPENED) or _BYLINE.match(line):
        return False
    return _INNER_END.search(_NUMBER.sub("", line)) is None


def _team_named(text: str) -> str | None:
    """The team a heading names: all of it ("Racing Bulls"), or all before a title's colon
    ("McLaren: a floor for the bumps"); else None."""
    line = text.strip()
    if is_team(line):
        return line
    team, colon, title = line.partition(":")
    return team.strip() if colon and title.strip() and is_team(team.strip()) else None


def names_team(heading: Passage) -> bool:
    """Whether a heading is a team's name, alone or before its section's title."""
    return _team_named(heading.text) is not None


#: How far into a sentence its subject is named ("Ferrari tried", "At Baku, Ferrari ...").
_SUBJECT_WORDS = 3


def opens_with_other_team(sentence: str, heading: Passage) -> bool:
    """Whether a sentence under a team's heading opens with a team other than the heading's
    ("Ferrari tried the same idea in Baku" under "McLaren: a floor for the bumps"): it is
    about that other team, so the heading's team is not lent to it. Only its subject: a team
    named later ("Verstappen, under contract to Red Bull, ..." under "Mercedes") leaves the
    sentence the section's."""
    return opens_with_team_but(sentence, set(held_words(heading).casefold().split()))


def opens_with_team_but(sentence: str, own: set[str]) -> bool:
    """Whether a sentence's subject (its opening words) is a team (or a body) named by words
    not all in ``own`` (folded): "Ferrari said the wear was high" is Ferrari's."""
    opening = " ".join(sentence.split()[:_SUBJECT_WORDS])
    for words in capitalised_runs(opening):
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                span = words[start : start + size]
                if not {w.casefold() for w in span} <= own and is_team(" ".join(span)):
                    return True
    return False


def held_words(heading: Passage) -> str:
    """The words of a heading that hold for each sentence under it: a team's name without
    the title after it, else the whole heading."""
    return _team_named(heading.text) or heading.text


def heads_nothing(text: str) -> bool:
    """Whether a paragraph tells nothing of the story: a byline or a heading's shape."""
    return _BYLINE.match(text.strip()) is not None or heading_shaped(text)


def sections_of(paragraphs: Sequence[Passage]) -> dict[int, Section]:
    """Each paragraph under a heading (by paragraph number) with its section, for one
    story's paragraphs in order; a heading maps to nothing.

    A heading-shaped line counts only between paragraphs of prose: the line after it must
    be prose (a title over a heading is no section's), and so must the line before it, if
    any (a list's items stand next to each other; its last item heads no section)."""
    shaped = [heading_shaped(p.text) for p in paragraphs]
    out: dict[int, Section] = {}
    current: Passage | None = None
    depth = 0
    for i, p in enumerate(paragraphs):
        if (
            shaped[i]
            and i + 1 < len(paragraphs)
            and not shaped[i + 1]
            and (i == 0 or not shaped[i - 1])
        ):
            current, depth = p, 0
            continue
        if current is not None and not shaped[i]:
            out[p.paragraph] = Section(current, depth)
            depth += 1
    return out


def other_teams(
    sections: dict[tuple[str, int], Section],
    heading_stems: dict[tuple[str, int], frozenset[str]],
    question: set[str],
) -> dict[tuple[str, int], list[frozenset[str]]]:
    """The team headings of a story told team by team that name a team other than the one
    asked (``question``: the question's stems), each with the asked teams' heading stems:
    "whos mercedes reserve driver" is answered under "Mercedes", never by Alpine's "its
    reserve driver" under "Alpine", unless that sentence names Mercedes itself."""
    teams: dict[str, set[tuple[str, int]]] = {}
    for (slug, _), section in sections.items():
        if names_team(section.heading):
            teams.setdefault(slug, set()).add((slug, section.heading.paragraph))
    out: dict[tuple[str, int], list[frozenset[str]]] = {}
    for keys in teams.values():
        asked = [
            heading_stems[k] for k in keys if heading_stems[k] and heading_stems[k] <= question
        ]
        if asked:
            out.update({k: asked for k in keys if not heading_stems[k] <= question})
    return out
