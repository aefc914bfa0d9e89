"""The answers the engine gives: typed, discord-free records the renderer lays out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.models import (
    ArticleSummary,
    Fact,
    LapEvent,
    Note,
    Person,
    Quote,
    ReportedStatement,
    Source,
)

__all__ = [
    "Answer",
    "ApologyAnswer",
    "Choice",
    "FactsAnswer",
    "Found",
    "HelpAnswer",
    "LapAnswer",
    "NotFound",
    "PassageAnswer",
    "PersonAnswer",
    "QuotesAnswer",
    "RecapAnswer",
    "RecapStory",
    "WhoSaidAnswer",
    "group_statements",
]


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice, discord-free; cogs turn it into ``app_commands.Choice``."""

    name: str
    value: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.name) <= 100 or len(self.value) > 100:
            raise ValueError("a choice's name must be 1..100 chars and its value at most 100")


@dataclass(frozen=True, slots=True)
class QuotesAnswer:
    """Quotes for /quote, newest first; parts of one statement stay together, in order.

    ``reported`` holds paraphrases when the person was reported but never quoted, so "what
    did X say" can answer truthfully without inventing quotation marks.
    """

    quotes: tuple[Quote, ...]
    title: str
    reported: tuple[ReportedStatement, ...] = ()

    @property
    def statements(self) -> tuple[tuple[Quote, ...], ...]:
        return group_statements(self.quotes)


@dataclass(frozen=True, slots=True)
class WhoSaidAnswer:
    """The quote a phrase matched, its whole statement, and how close the match was (0-100).

    ``quote.speaker`` None means the article does not say who spoke; ``others`` are other
    quotes that matched as well, from other speakers, so an ambiguous phrase is visible.
    """

    quote: Quote
    statement_parts: tuple[Quote, ...]
    score: float
    phrase: str = ""
    others: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class LapAnswer:
    """Events on one lap across articles; empty events means none, with the laps that have."""

    lap: int
    events: tuple[LapEvent, ...]
    laps_with_events: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ApologyAnswer:
    """An apology (every part, in order) and what others said after it in the same article."""

    apology_parts: tuple[Quote, ...]
    reactions: tuple[Quote, ...]
    reported: tuple[ReportedStatement, ...]
    article: ArticleSummary

    @property
    def speaker(self) -> str | None:
        return self.apology_parts[0].speaker if self.apology_parts else None


@dataclass(frozen=True, slots=True)
class PersonAnswer:
    """A profile: who someone is, what they said (quoted) and what they were reported saying."""

    person: Person
    quotes: tuple[Quote, ...]
    reported: tuple[ReportedStatement, ...]
    articles: tuple[ArticleSummary, ...]
    #: Who they are, in a sentence ("Andrea Stella is McLaren's team principal."), and the
    #: articles' sentences giving that role, verbatim and cited; empty when none gives it.
    role_line: str = ""
    role_told: tuple[Found, ...] = ()


@dataclass(frozen=True, slots=True)
class FactsAnswer:
    """An article's key facts in stored order, the editor's notes on them, and its lap events."""

    article: ArticleSummary
    facts: tuple[Fact, ...]
    notes: tuple[Note, ...]
    events: tuple[LapEvent, ...] = ()
    people: tuple[Person, ...] = ()  # the article's people, with the team it gives them


@dataclass(frozen=True, slots=True)
class RecapStory:
    """One story of a recap: what happened, the line that sums it up, and what came after."""

    article: ArticleSummary
    what_happened: tuple[LapEvent | Fact, ...]
    key_quote: Quote | None
    apology_or_aftermath: ApologyAnswer | Fact | None


@dataclass(frozen=True, slots=True)
class RecapAnswer:
    """A recap of one or more stories; ``late_by``/``due_at`` say a scheduled post is late."""

    stories: tuple[RecapStory, ...]
    late_by: timedelta | None = None
    archive: bool = False
    due_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class NotFound:
    """Nothing matched; the message says what was looked for and never guesses a name."""

    message: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HelpAnswer:
    """What Pitwall can answer, with examples built from what the store holds."""

    message: str
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """One sentence of an article, verbatim, with where it stands and who said it.

    ``quoted``: the sentence lies inside ``speaker``'s quotation (shown in quotation marks);
    ``reported``: it reports ``speaker``'s view (never shown as a quote). A sentence that
    merely contains a quotation keeps its own marks and names the speaker.
    """

    text: str
    source: Source
    speaker: str | None = None
    quoted: bool = False
    reported: bool = False


@dataclass(frozen=True, slots=True)
class PassageAnswer:
    """The articles' own sentences that answer a question, best first, each cited.

    ``missing`` is set when nothing answers it: one line naming what the articles do not
    say, and ``passages`` are then the nearest things they do say.
    """

    passages: tuple[Found, ...]
    title: str
    missing: str = ""
    race: Fact | None = None


Answer = (
    QuotesAnswer
    | WhoSaidAnswer
    | LapAnswer
    | ApologyAnswer
    | PersonAnswer
    | FactsAnswer
    | RecapAnswer
    | NotFound
    | HelpAnswer
    | PassageAnswer
)


def group_statements(quotes: Iterable[Quote]) -> tuple[tuple[Quote, ...], ...]:
    """Group quotes into statements (same article and statement number), first-seen order."""
    groups: dict[tuple[str, int], list[Quote]] = {}
    for q in quotes:
        key = (q.source.slug if q.source else "", q.statement)
        groups.setdefault(key, []).append(q)
    return tuple(tuple(sorted(g, key=lambda q: q.part)) for g in groups.values())
