"""Reading a fan's question: the kind of answer it asks for, the people, story and words in it.

Fans type in lower case, with typos, slang and no question mark. This module turns such text
into a :class:`Reading`: the question's kind, the people it names (through names, surnames,
first names, aliases and nicknames the articles give, typos tolerated), the story it points at
(a race or circuit, a year, "the last race") and its content words, with fans' words mapped to
the words articles use ("penalised" -> penalty, "angry" -> furious). Nothing here reads the
store; the router decides what to do with a reading.

Where things are: this module holds the names other modules import. ``_reading`` holds the
record ``Reading`` and ``read``, which makes one from the parts it calls: ``_numbers`` (years,
laps, turns, hours, stages, heats, sessions, cars by number, counted figures), ``_places``
(places and series named) and ``_people`` (people named, a team's people). ``_words`` holds
the words all share: stop words, ``SYNONYMS``, ``SERIES``, ``CUES``, question words.
"""

from __future__ import annotations

from bot.answers.understand._numbers import CARDINAL_WORDS as CARDINAL_WORDS
from bot.answers.understand._numbers import COUNTED_UNITS, counted
from bot.answers.understand._numbers import ORDINAL_WORDS as ORDINAL_WORDS
from bot.answers.understand._numbers import car_numbers as car_numbers
from bot.answers.understand._people import is_team, prepare_reading, the_register
from bot.answers.understand._places import names_series
from bot.answers.understand._reading import Reading, read
from bot.answers.understand._words import CUE_PHRASES as CUE_PHRASES
from bot.answers.understand._words import CUES, QUESTION_WORDS
from bot.answers.understand._words import PREFER_PHRASES as PREFER_PHRASES
from bot.answers.understand._words import PURPOSE_PHRASES as PURPOSE_PHRASES
from bot.answers.understand._words import SERIES as SERIES
from bot.answers.understand._words import SERIES_TEXT as SERIES_TEXT
from bot.answers.understand._words import SYNONYMS as SYNONYMS
from bot.answers.understand._words import both_spellings as both_spellings
from bot.answers.understand._words import stop_words as stop_words

__all__ = [
    "COUNTED_UNITS",
    "CUES",
    "QUESTION_WORDS",
    "Reading",
    "counted",
    "is_team",
    "names_series",
    "prepare_reading",
    "read",
    "the_register",
]
