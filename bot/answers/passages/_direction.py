"""Who does an act to whom in a sentence: the one way the answers read an act's direction.

"did Dahl pass Haldor" is not answered by "Haldor passed Dahl", nor by "Dahl was passed by
Haldor": both tell the act the other way. The passage search (``_scoring``) takes the credit
of the subject away from such a sentence, and a yes/no question (``router/_yes_no``) does not
take it for its answer; both ask :func:`done_to` whether the one asked about is the one the
act falls on.

The one acting stands before the act's word ("Haldor passed Dahl"), unless the act is told in
the passive ("Dahl was passed", "Dahl got passed on lap 12"), where the one before it is the
one it is done to; after the act's word, whoever stands behind a "by" or "behind" acts ("was
passed by Haldor", "caught in traffic behind Haldor"), anyone else is done to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answers.passages._words import _VERB_FORMS, _WORD, stem
from bot.answers.text import unaccent

__all__ = ["done_to"]

#: The auxiliary right before an act's word that tells it in the passive ("was passed",
#: "got overtaken", "had been hit"), an adverb allowed between ("was easily passed").
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|got|gets|get|getting)\s+(?:\w+ly\s+)?$"
)
#: A word between the act and a name that makes that name the one acting ("passed by").
_AGENT = re.compile(r"\b(?:by|behind)\b")
#: The same right after the act's word, which tells it in the passive ("Dahl, passed by
#: Haldor on lap 12, ...").
_AGENT_NEXT = re.compile(r"\s+(?:by|behind)\b")


def _act_at(low: str, acts: set[str], past: bool) -> re.Match[str] | None:
    """The first word of ``low`` telling the act: its stem, or an irregular verb's other
    form's ("overtaken" for "overtake"), is one of ``acts``; with ``past``, in a past form
    ("passed", "overtook", "overtaken"), as a report tells what was done."""
    for m in _WORD.finditer(low):
        word = re.split(r"['’]", m[0])[0]
        forms = _VERB_FORMS.get(word, (word,))
        if not any(stem(f) in acts for f in forms):
            continue
        if not past or word.endswith("ed") or forms.index(word) > 0:
            return m
    return None


def _first_at(low: str, forms: Iterable[str]) -> int:
    """Where ``low`` first names someone by one of ``forms`` (folded), or -1."""
    named = [
        m.start()
        for f in forms
        for m in [re.search(rf"(?<!\w){re.escape(unaccent(f).casefold())}(?!\w)", low)]
        if m
    ]
    return min(named, default=-1)


def done_to(sentence: str, acts: set[str], forms: Iterable[str], *, past: bool = False) -> bool:
    """Whether the one named by ``forms`` is the one the act (any word stemming to one of
    ``acts``) is done to in ``sentence``, as first named: after the act's word and behind
    no "by" ("Acosta passed Bezzecchi"), or before the act told in the passive ("Bezzecchi
    was passed by Acosta")."""
    low = unaccent(sentence).casefold()
    act = _act_at(low, acts, past)
    if act is None:
        return False
    first = _first_at(low, forms)
    if first < 0:
        return False
    if first > act.start():
        return not _AGENT.search(low, act.end(), first)
    return bool(_PASSIVE_BEFORE.search(low[: act.start()]) or _AGENT_NEXT.match(low, act.end()))
