"""Quotes and paraphrase: find them in the paragraphs and say who spoke, or admit we can't.

The walk goes through the article once, in order, keeping a short history of who was last
quoted or last the subject of a sentence, so "he said" can be resolved the way a reader
would. Every rule prefers leaving a quote unattributed to guessing: a wrong name is worse
than none.

Attribution has two stages, after CoreNLP's quote attribution (Muzny et al., 2017). Stage one
links a quote to a mention through ordered sieves, the most precise first, each deciding or
passing: a transcript label, a tag after the quote, a tag before it, a tag set off inside the
sentence, the subject of the reported speech around a partial quote, a dash credit, and
(after the walk) a follow-on paragraph. Stage two links the mention to a person: a name
directly, a pronoun through the history, an epithet or nickname through the article's own
words and the register (``bot.ingest.resolve``). Each decision keeps its cue (the sieve and
its words) and the cue's paragraph, which ``pitwall ingest --explain`` prints.

The package reads by form: ``tags`` (said X, X said, according to, dash credits),
``transcripts`` and ``labels`` (transcripts and interviews), ``organisations`` (teams' and
bodies' statements), ``mentions`` (names, pronouns, epithets, nicknames to people),
``follow_on`` (untagged quote paragraphs), ``settings`` and ``reported``; ``walk`` puts them
in order. ``bot.ingest.attribute`` re-exports this package's public names.
"""

from __future__ import annotations

from bot.ingest.attribution.records import DEFAULT_SETTING, Defaults
from bot.ingest.attribution.walk import (
    Speech,
    extract_quotes,
    extract_reported,
    extract_speech,
    register_nicknames,
)
from bot.ingest.people import discover_people

__all__ = [
    "DEFAULT_SETTING",
    "Defaults",
    "Speech",
    "discover_people",
    "extract_quotes",
    "extract_reported",
    "extract_speech",
    "register_nicknames",
]
