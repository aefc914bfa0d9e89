"""Speaker headings: the line a press release or a team's quotes sheet sets above a speaker.

A team's post-race sheet prints each speaker's words under a line of their own, in one of a
few shapes, and the words below carry no quotation marks:

- ``FABIO QUARTARARO – Sprint: DNF (crash, lap 4). Race: 3rd`` (a name, a dash, a results line),
- ``JANE DOE – Team Director``, ``JOHN ROE – Crew Chief, Fabio Quartararo`` (a dash and a role,
  perhaps whose: a rider's, or a team's),
- ``Lando Norris (McLaren), P3:``, ``Andrea Stella, Team Principal:``, ``Oscar Piastri:``,
  ``**Charles Leclerc**`` (a colon or bold marks closing the line),
- ``Lando Norris`` alone (a bare name line).

This module reads the line's form only: the name as written, the role (a results line is no
role) and whose role it is. Whether the name is a person, and whether the paragraphs after
are that person's first-person words, is the caller's to decide (people discovery adds a name
only a heading gives; attribution gives the words under it to the speaker). A sub-heading
("McLaren: a floor for the bumps", "Q3: the order", "Lap 32") names no one the article or the
register knows as a person, and a sentence opening with a name is no heading: the line must be
the name and its role or result, nothing more.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot.ingest.people.lexicon import ROLE_NOUN

__all__ = [
    "FIRST_PERSON",
    "HEADING_LONGEST",
    "RESULT",
    "Heading",
    "as_written_name",
    "opens_in_first_person",
    "speaker_heading",
]

#: A heading is a line, not a sentence: longer paragraphs are never read as one.
HEADING_LONGEST = 100

#: Words in the first person: a speaker's own words, under a heading or after a question
#: (case matters: "US" is a country).
FIRST_PERSON = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|"
    r"[Oo]ur|[Oo]urs|[Uu]s|[Oo]urselves)\b"
)

#: The first person singular: the speaker himself, not a writer's "we saw" or "for us".
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]yself)\b")
#: The end of a paragraph's first sentence.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def opens_in_first_person(words: str) -> bool:
    """Whether a paragraph's first sentence speaks as "I" (or "me", "my").

    Under a bare name line only this makes the line a speaker's heading: a column's writer
    also says "we saw" or "for us" over a section named for a driver he writes about.
    """
    end = _SENTENCE_END.search(words)
    return _FIRST_PERSON_SINGULAR.search(words[: end.end() if end else len(words)]) is not None


#: A result in a heading: "Started P12, Finished P9", "P4", "DNF", "3rd", "Race: 7th".
RESULT = re.compile(
    r"\b(?:(?:Started|Finished|Qualified)\s+P\d{1,2}|P\d{1,2}|DNF|DNS|DSQ|\d{1,2}(?:st|nd|rd|th))\b"
)
#: A finishing place standing after the heading's colon: "Oscar Piastri: P2".
_PLACE = re.compile(r"P\d{1,2}|\d{1,2}(?:st|nd|rd|th)|DNF|DNS|DSQ|Retired")

#: The name opening a heading: capitalised words (or all capitals), with the particles names
#: hold between ("Fabio di Giannantonio", "Nyck de Vries"); one to five words.
_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:(?:de|da|di|del|della|van|von|der|den|le|la|du|dos|das)\s+)?"
    r"[A-ZÀ-Þ][\w'’.-]*){0,4}"
)
#: What may follow the name: a bracket ("(McLaren)", "(P4)"), then a comma or a spaced dash and
#: the rest of the line (a role, a results line).
_BRACKET = re.compile(r"\s*\((?P<bracket>[^()\n]{1,40})\)")
_REST = re.compile(r"\s*(?:,|\s[–—-])\s*(?P<rest>\S.*)", re.DOTALL)
#: Words a role holds besides its noun: "Team", "Crew", "Head of", "Managing".
_ROLE_WORD = re.compile(r"[A-Za-z][\w'’&.-]*")
#: Roles no role noun ends, capitalised in a heading.
_ROLE_TITLES = frozenset(
    {"head", "ceo", "president", "chairman", "chairwoman", "founder", "coordinator", "advisor"}
)


#: A results line's words, once its brackets are set aside: capitalised ("Sprint", "Race",
#: "Finished"), results ("P3", "DNF") and numbers ("3rd", "12").
_RESULT_WORD = re.compile(r"[A-Z\d][\w'’-]*")
_BRACKETED = re.compile(r"\([^()\n]*\)")


def _results_only(rest: str) -> bool:
    """Whether the words after the name are a results line only ("Sprint: DNF (crash, lap 4).
    Race: 3rd"), not a result opening the speaker's words ("P6: A difficult afternoon")."""
    words = re.findall(r"[\w'’-]+", _BRACKETED.sub(" ", rest))
    return all(_RESULT_WORD.fullmatch(word) for word in words)


@dataclass(frozen=True, slots=True)
class Heading:
    """A speaker heading's parts, as written."""

    #: The name as the line spells it ("FABIO DI GIANNANTONIO", "Oscar Piastri").
    name: str
    #: The role after the name ("Team Director", "Crew Chief"), None for a results line.
    role: str | None = None
    #: Whose role it is: the words after the role's comma ("Fabio Di Giannantonio", "Mercedes"),
    #: or the bracket's team ("Lando Norris (McLaren), P3:").
    owner: str | None = None
    #: The line gives a result ("Sprint: DNF. Race: 3rd", "P3").
    result: bool = False
    #: The line is marked as a heading: a colon closing it, bold marks around it, or a dash
    #: before a role or a result. A bare name line is not (``marked`` False).
    marked: bool = False


def as_written_name(name: str) -> str:
    """A heading's name as prose writes it: "FABIO DI GIANNANTONIO" -> "Fabio Di Giannantonio"."""
    return name.title() if name.isupper() and len(name) > 2 else name


@functools.lru_cache(maxsize=4096)
def speaker_heading(paragraph: str) -> Heading | None:
    """The heading a paragraph is, or None: the name, role or result, and its marks.

    Cached: people discovery, descriptors and attribution each ask of the same short lines.
    """
    text = paragraph.strip()
    if not text or len(text) > HEADING_LONGEST:
        return None
    bold = False
    for mark in ("**", "__"):
        if text.startswith(mark):
            inner = text[len(mark) :]
            close = inner.rfind(mark)
            if close == -1 or inner[close + len(mark) :].strip(" :"):
                return None
            text, bold = (inner[:close] + inner[close + len(mark) :]).strip(), True
    colon = text.endswith(":")
    text = text.rstrip(" :")
    name_match = _NAME.match(text)
    if name_match is None:
        return None
    name = name_match.group(0).strip()
    tail = text[name_match.end() :]
    owner: str | None = None
    if (bracket := _BRACKET.match(tail)) is not None:
        inside = bracket["bracket"].strip()
        if _PLACE.fullmatch(inside):
            tail = ", " + inside + tail[bracket.end() :]
        else:
            owner, tail = inside, tail[bracket.end() :]
    if not tail.strip():
        return Heading(name, None, owner, False, marked=colon or bold)
    if (placed := re.fullmatch(r"\s*:\s*(?P<place>\S+)", tail)) and _PLACE.fullmatch(
        placed["place"]
    ):
        return Heading(name, None, owner, True, marked=True)  # "Oscar Piastri: P2"
    rest_match = _REST.fullmatch(tail)
    if rest_match is None:
        return None
    rest = rest_match["rest"].strip()
    if RESULT.search(rest) and _results_only(rest):
        return Heading(name, None, owner, True, marked=True)
    if ":" in rest or rest[-1:] in ".!?":
        return None
    role, _, whose = rest.partition(",")
    words = _ROLE_WORD.findall(role)
    if 0 < len(words) <= 6 and any(
        ROLE_NOUN.match(w) or w.casefold() in _ROLE_TITLES for w in words
    ):
        return Heading(name, role.strip(), whose.strip() or owner, False, marked=True)
    if (colon or bold) and len(rest) <= 50 and "(" not in rest:
        return Heading(name, None, rest, False, marked=True)  # "Charles Leclerc, Ferrari:"
    return None
