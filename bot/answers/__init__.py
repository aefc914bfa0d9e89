"""What a fan asked -> a typed answer, over the store.

The Discord cogs and the offline ``python -m bot ask`` both call :class:`AnswerEngine`, so a
question gets the same answer wherever it is asked. Nothing here imports discord and nothing
here knows any article: names, laps and phrases all come from the store.

Modules: ``engine`` (the facade), ``router`` (plain questions), one per kind of answer
(``quotes``, ``laps``, ``apologies``, ``people``, ``facts``, ``passages``), and the shared
``records``, ``text`` and ``lookup``.
"""

from __future__ import annotations

from bot.answers.apologies import apology_strength
from bot.answers.engine import AnswerEngine
from bot.answers.records import (
    Answer,
    ApologyAnswer,
    Choice,
    FactsAnswer,
    Found,
    HelpAnswer,
    LapAnswer,
    NotFound,
    PassageAnswer,
    PersonAnswer,
    QuotesAnswer,
    RecapAnswer,
    RecapStory,
    WhoSaidAnswer,
    group_statements,
)
from bot.answers.text import normalise

__all__ = [
    "Answer",
    "AnswerEngine",
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
    "apology_strength",
    "group_statements",
    "normalise",
]
