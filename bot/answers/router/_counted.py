""" "How many X": the answer is a number counting X ("two stops", "a three-stop race", "60,000
fans"), not any figure in a sentence that shares the question's words."""

from __future__ import annotations

import re

from bot.answers.passages import stem
from bot.answers.understand import CARDINAL_WORDS, SYNONYMS

#: "how many pit stops did ...": the counted noun phrase runs to the verb after it.
_HOW_MANY = re.compile(
    r"\bhow\s+many\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+"
    r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|in|at|on|for|"
    r"of)\b"
)
#: Nouns counted in other words than a number before them ("how many times": "twice").
_OTHER_COUNT = frozenset({"times", "time", "people"})
#: Words after the counted noun that say where it stands ("how many points behind is X").
_NOT_COUNTED = frozenset({"behind", "ahead", "clear", "more", "less", "fewer", "left", "back",
                          "off", "up", "down", "adrift", "short"})  # fmt: skip
#: A count as a report writes it: a figure, a number's word (the cardinals one to twenty are
#: the reading's own, ``CARDINAL_WORDS``) or a word that counts ("several", "both", "double").
_COUNT_WORD = (
    r"(?:\d[\d,.]*|"
    + "|".join((*CARDINAL_WORDS.values(), "thirty", "forty", "fifty", "hundred", "thousand"))
    + "|several|dozen|both|no|single|double|triple)"
)


def counted_need(low: str) -> re.Pattern[str] | None:
    """The pattern a sentence must hold to answer "how many <noun>": a number and, within
    three words after it, the noun ("two stops", "a three-stop race", "142 of the 312 laps")
    or the articles' word for it ("how many new parts": "27 components"); None when the
    question counts no noun this way."""
    m = _HOW_MANY.search(low)
    if m is None:
        return None
    words = [w for w in m[1].split() if w not in _NOT_COUNTED]
    if not words:
        return None
    noun = words[-1]
    if noun in _OTHER_COUNT or len(noun) < 3:
        return None
    roots = "|".join(re.escape(stem(w)) for w in dict.fromkeys((noun, *SYNONYMS.get(noun, ()))))
    return re.compile(rf"\b{_COUNT_WORD}[\s-]+(?:[\w'’,-]+\s+){{0,3}}?(?:{roots})\w*\b")
