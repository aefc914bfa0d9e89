"""What one walk through an article keeps, and the helpers every sieve shares."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.ingest.attribution.labels import _Label
from bot.ingest.attribution.records import Defaults, _Attribution, _Paragraph, _Statement
from bot.ingest.people import Appositive, PeopleIndex, find_appositives
from bot.ingest.resolve import Describer, default_register
from bot.ingest.text import masked as masked_text
from bot.models import ReportedStatement


@dataclass
class _State:
    """The article, the history of speakers and subjects, and what the walk has found."""

    paragraphs: Sequence[str]
    people: PeopleIndex
    defaults: Defaults
    published: date | None = None
    #: The article's descriptors of its people, when the caller has them already.
    appositives: Sequence[Appositive] | None = None
    history: list[str | None] = field(default_factory=list)
    statements: list[_Statement] = field(default_factory=list)
    reported: list[ReportedStatement] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)
    info: list[_Paragraph] = field(default_factory=list)
    style: str = "auto"
    _settings: dict[tuple[int, int, int, str | None], str] = field(default_factory=dict)
    #: Per paragraph: where the writer's interview words first end (``settings``), and the
    #: dash credit closing it (``tags``); each found once, not once per quote.
    _writer_words: dict[int, int] = field(default_factory=dict, repr=False)
    _dash_credits: dict[int, re.Match[str] | None] = field(default_factory=dict, repr=False)
    #: Epithets resolved to one person ("the Mexican" -> Sergio Perez); None once an epithet
    #: has meant two different people, so it is never offered as an alias.
    epithets: dict[str, str | None] = field(default_factory=dict)
    #: People a nickname named whom the article never names in full ("Checo").
    nicknamed: dict[str, str] = field(default_factory=dict)
    _describer: Describer | None = field(default=None, repr=False)
    _labels: dict[int, _Label] = field(default_factory=dict, repr=False)
    #: Paragraphs of unquoted words that are someone's (an interview's answers, a press
    #: release's paragraphs under a speaker's heading), and whose they are.
    _answers: dict[int, _Attribution] = field(default_factory=dict, repr=False)
    #: Quote-only paragraphs under a press release's heading: the heading's speaker.
    _block_speaker: dict[int, _Attribution] = field(default_factory=dict, repr=False)
    #: The writer of a newsmaker's first-person column (``columns``): whose "I" the body's is.
    _column: _Attribution | None = field(default=None, repr=False)
    #: The column's byline paragraph (0: none; the writer came from the ``author`` line).
    _column_byline: int = field(default=0, repr=False)
    #: A spoken transcript's lines (``spoken``): paragraph -> the setting of its words.
    _spoken: dict[int, str] = field(default_factory=dict, repr=False)
    #: The interview's labelled answers were given at a press conference (``spoken``).
    _conference: bool = field(default=False, repr=False)
    #: Every person's name and last name without accents (None: two people's), built once.
    _folded_names: dict[str, str | None] | None = field(default=None, repr=False)
    #: The sentence whose quote is being attributed (its words can make a tag a statement).
    _sentence_now: str = field(default="", repr=False)
    #: A present-tense long-read's subject and the pronoun that stands for them (``chain``).
    profile: tuple[str, str] | None = None
    #: The quotation being attributed: whom it names in the third person is never its speaker.
    _quote_now: str | None = field(default=None, repr=False)

    def _learn_epithet(self, epithet: str, person: str | None) -> None:
        key = epithet[:1].lower() + epithet[1:]  # "The Mexican" opening a sentence
        if key in self.epithets and self.epithets[key] != person:
            self.epithets[key] = None
        else:
            self.epithets[key] = person

    def _mask(self, paragraph: str) -> str:
        # masked(p) and masked(p, "auto") are separate cache entries: ask as bot.ingest.people does.
        return masked_text(paragraph) if self.style == "auto" else masked_text(paragraph, "single")

    @property
    def describer(self) -> Describer:
        """The epithet and nickname resolver, built the first time an article needs one."""
        if self._describer is None:
            if self.appositives is None:
                self.appositives = find_appositives(self.paragraphs, self.people)
            self._describer = Describer(
                default_register(),
                self.published,
                self.people,
                self.appositives,
                [self._mask(p) for p in self.paragraphs],
            )
        return self._describer

    def _new_statement(self, attribution: _Attribution, setting: str) -> _Statement:
        statement = _Statement(number=len(self.statements) + 1, speaker=None, setting=setting)
        statement.decide(attribution)
        self.statements.append(statement)
        return statement
