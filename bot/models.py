"""The records Pitwall stores and answers with, as frozen dataclasses.

Ingestion builds an ``Article`` from a text file and its annotation; the store saves it and
hands back the same records with ``id`` and ``source`` filled in, so every answer can cite
the article and paragraph it stands on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "INTERVIEWER",
    "TRANSCRIPT_CUE",
    "Article",
    "ArticleSummary",
    "Fact",
    "LapEvent",
    "Note",
    "Passage",
    "Person",
    "Quote",
    "QuoteKind",
    "ReportedStatement",
    "Source",
]

QuoteKind = Literal["direct", "partial"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a quote or fact stands: the article, and the paragraph (1 = first after the title)."""

    slug: str
    headline: str
    published: date
    paragraph: int | None = None
    url: str | None = None  # the original article online, when it came from a link or feed


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the article names, with role and team as the article gives them."""

    name: str
    role: str | None = None
    team: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks, verbatim, with the person they are attributed to.

    A statement that runs over several paragraphs is several ``Quote`` parts sharing one
    ``statement`` number, in ``part`` order. ``speaker`` is None when the text does not say
    who spoke: Pitwall never guesses a name.
    """

    speaker: str | None
    text: str
    kind: QuoteKind
    setting: str
    paragraph: int
    statement: int
    part: int = 0
    id: int | None = None
    source: Source | None = None
    # -- how the speaker was found (issue 8) --------------------------------------------
    #: The attribution cue: the sieve and its words ('tag "said Stroll"', 'follow-on
    #: paragraph ...'), or why there is no speaker; None when not recorded.
    cue: str | None = None
    #: The paragraph the cue stands in (it may differ from the quote's own paragraph).
    cue_paragraph: int | None = None
    #: A transcript label naming a role or team rather than a person ("Race engineer").
    label: str | None = None


@dataclass(frozen=True, slots=True)
class ReportedStatement:
    """A paraphrase of what someone said (no quotation marks); never shown as a quote."""

    speaker: str
    text: str
    paragraph: int
    id: int | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class LapEvent:
    """What happened on one lap: who was involved and how it ended."""

    lap: int
    description: str
    who: tuple[str, ...] = ()
    outcome: str | None = None
    paragraph: int | None = None
    id: int | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A key fact of the story (race, lap, outcome...), in the article's words where it has them."""

    key: str
    value: str
    paragraph: int | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """An editor's note where the article is loose with a fact; shown beside it, never instead."""

    about: str
    text: str
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article's identity, without its contents: enough to list, cite and pick one."""

    slug: str
    published: date
    headline: str
    id: int | None = None
    url: str | None = None  # the original article online, when known


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested article, everything extracted from it and its annotation file."""

    slug: str
    published: date
    headline: str
    paragraphs: tuple[str, ...]
    content_hash: str
    source_path: str = ""
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    reported: tuple[ReportedStatement, ...] = ()
    events: tuple[LapEvent, ...] = ()
    facts: tuple[Fact, ...] = ()
    notes: tuple[Note, ...] = field(default_factory=tuple)
    url: str | None = None  # the original article online, from the file's `url` line

    @property
    def summary(self) -> ArticleSummary:
        return ArticleSummary(self.slug, self.published, self.headline, url=self.url)


# -- passages (issue 9: the general answer) ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of an article, verbatim, with where it stands; answers quote from it."""

    text: str
    paragraph: int
    source: Source | None = None


# -- interviews (issue 9) -------------------------------------------------------------------

#: The label of an interviewer's question in a Q&A ("Q: Why now?"): the words are nobody's
#: statement, and the paragraph after it is the interviewee's answer to it.
INTERVIEWER = "Interviewer"
#: How a quote's cue opens when a transcript's label names its speaker ('transcript label
#: "MAYA:"'): the quote is a whole turn, and the turns before and after it are other voices'.
TRANSCRIPT_CUE = "transcript label"
