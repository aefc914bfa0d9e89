"""The records a walk keeps: each sieve's decision, each statement, each paragraph."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.ingest.text import Segment
from bot.models import QuoteKind

DEFAULT_SETTING = "remarks"


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the annotation says the text cannot: the usual setting of spoken remarks."""

    spoken_setting: str | None = None
    #: The file's ``author`` line: whose first-person column the article may be.
    writer: str | None = None
    #: The headline: whose first-person diary an "As told to" byline without a teller is.
    headline: str | None = None


Status = Literal["none", "person", "blocked"]


@dataclass(frozen=True, slots=True)
class _Attribution:
    """One sieve's decision: a person, or blocked (someone the text leaves unnamed), or none.

    ``cue`` says which sieve decided and on what words; ``cue_paragraph`` where they stand.
    ``label`` is a transcript label naming a role or team rather than a person.
    """

    status: Status
    speaker: str | None = None
    verb: str | None = None
    cue: str | None = None
    cue_paragraph: int | None = None
    label: str | None = None


def _voice_of(statement: _Statement | None) -> str | None:
    """The organisation a statement is labelled with (its words), or None."""
    if statement is None or statement.speaker is not None or not statement.label:
        return None
    return statement.label if 'organisation "' in (statement.cue or "") else None


_NONE = _Attribution("none")
_BLOCKED = _Attribution("blocked")


@dataclass
class _Statement:
    number: int
    speaker: str | None
    setting: str
    parts: list[tuple[int, Segment, QuoteKind]] = field(default_factory=list)
    attributed: bool = False
    cue: str | None = None
    cue_paragraph: int | None = None
    label: str | None = None

    def decide(self, attribution: _Attribution) -> None:
        """Take a sieve's decision (the speaker, or the reason there is none)."""
        self.speaker = attribution.speaker if attribution.status == "person" else None
        self.attributed = attribution.status != "none"
        self.cue = attribution.cue
        self.cue_paragraph = attribution.cue_paragraph
        self.label = attribution.label


@dataclass
class _Paragraph:
    """What the follow-on sieve needs to know about a paragraph once the walk has read it."""

    kind: Literal["narrative", "quotes", "transcript"] = "narrative"
    #: The paragraph holds quotations and nothing but quotations (no narration at all).
    quote_only: bool = False
    #: The first subject the paragraph's narration names (a person, or None).
    subject: str | None = None
    has_subject: bool = False
    #: People the narration has saying something ("Krack said both incidents...").
    speaking: set[str] = field(default_factory=set)
