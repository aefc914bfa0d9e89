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
from bot.answers.understand import stop_words

__all__ = ["act_of_another", "done_to"]

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
        # "Majeski led until Hemric passed him": a name after a conjunction opening another
        # clause is that clause's subject, nothing the act before it was done to.
        return not _AGENT.search(low, act.end(), first) and not _NEXT_CLAUSE.search(
            low, act.end(), first
        )
    return bool(_PASSIVE_BEFORE.search(low[: act.start()]) or _AGENT_NEXT.match(low, act.end()))


#: A conjunction opening a clause of its own after an act ("led until X passed him").
_NEXT_CLAUSE = re.compile(r"\b(?:until|till|before|after|when|while|because)\b")
#: What may stand between an act's own subject and its word: a modal, a tense's auxiliary,
#: an adverb ("Vanta should appeal", "Haas also complained", "Brandt had crashed"); never
#: a passive's ("Larsen was hit": the one before it is done to, not acting).
_SUBJECT_GAP = re.compile(
    r"(?:\s+(?:should|could|would|will|may|might|must|can|did|does|do|had|has|have|also|then|"
    r"later|too|never|not|\w+ly))*\s*$",
    re.I,
)
#: A capitalised word, possessive allowed: where a name can stand.
_CAPITAL = re.compile(r"[A-Z][\w'’-]*$")
#: A word before a capitalised run that makes it an epithet or a car, not a name acting
#: ("the Dane crashed", "his Ferrari stopped").
_DETERMINER = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"})
#: The word before an act's word that makes it a thing named ("into the gravel", "hit the
#: wall"), told by no one acting.
_NOUN_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|into|in|with|of|on|made|make|makes)\s+$"
)
#: Where a clause ends, after an act: a name beyond it is in another clause.
_CLAUSE_END = re.compile(r"[,;:.!?\"“”]|\b(?:and|but|though|although|while|whereas)\b")


#: A role noun between a team and its person ("Mercedes driver Gil Rask", "Harlow boss Ada
#: Quill"): the person's act is his team's too.
_ROLE = frozenset(
    {"driver", "drivers", "boss", "principal", "chief", "owner", "director", "rider", "team-mate"}
)
#: "and so did X", "as did X": the act told again of the one named after it.
_SO_DID = re.compile(r"\b(?:so|as)\s+(?:did|had|has|was|were|is|does)\s+(.*)$")


def _capital_run(words: list[str]) -> list[str]:
    """The capitalised words ending ``words``, taken off it: where a name can stand."""
    run: list[str] = []
    while words and _CAPITAL.match(words[-1].strip('"“‘(')):
        run.insert(0, words.pop().strip('"“‘('))
    return run


def _own_subject(before: str) -> list[str] | None:
    """The capitalised run standing as the subject right before an act's word (``before``:
    the sentence up to it), a modal or adverb between allowed; None when no name stands
    there (a pronoun, a passive's "was", an epithet's "the Dane")."""
    gap = _SUBJECT_GAP.search(before)
    words = before[: gap.start() if gap else len(before)].split()
    run = _capital_run(words)
    while run and words and (words[-1] in {"and", "&"} or words[-1].endswith(",")):
        # "Red Bull, Racing Bulls and Williams brought": each of the list acts.
        if words[-1].endswith(","):
            words[-1] = words[-1].rstrip(",")
        else:
            words.pop()
        more = _capital_run(words)
        if not more:
            break
        run = more + run
    while run and run[0].casefold() in stop_words():
        # "Then Larsen crashed", "We think ...": the opening word is no name.
        words.append(run.pop(0))
    if not run or re.split(r"['’]", run[-1])[0].casefold() in {"i", "we"}:
        return None  # "I", "I'm", "we've": the speaker's own act
    if words and words[-1].casefold() in _DETERMINER:
        return None
    if words and words[-1].casefold() in _ROLE:
        # "Mercedes driver Gil Rask won": the team before the role acts in him.
        role = words.pop()
        team = _capital_run(words)
        run = [*team, role, *run]
    return run


def act_of_another(sentence: str, acts: set[str], forms: Iterable[str]) -> bool:
    """Whether every telling of the act (a word stemming to one of ``acts``) in ``sentence``
    has a name of its own right before it that is not the one asked (``forms``, folded),
    and the one asked is not named after it in its clause: "Odo Brandt crashed out and Jon
    Larsen finished fourth" and '"I saw Brandt crash," Larsen said' tell Brandt's crash,
    not Larsen's; "We think Vanta should appeal" Vanta's appeal, not the speaker's team's;
    "Williams ran a stiffer floor, though Haas complained" Haas' complaint. "Brandt crashed
    into Larsen" still tells Larsen in the crash, so it is not another's alone."""
    low = unaccent(sentence).casefold()
    asked = [unaccent(f).casefold() for f in forms if f]
    again = _SO_DID.search(low)
    if again and _first_at(again[1], asked) >= 0:
        return False  # "Vell retired, and so did Sorel": Sorel's too
    told = False
    for m in _WORD.finditer(low):
        word = re.split(r"['’]", m[0])[0]
        if not any(stem(f) in acts for f in _VERB_FORMS.get(word, (word,))):
            continue
        if _NOUN_BEFORE.search(low, 0, m.start()):
            continue  # "into the gravel", "made contact": a thing, no one's act
        run = _own_subject(sentence[: m.start()])
        if run is None:
            return False  # told with no name acting: it may be the one asked's
        said = unaccent(" ".join(run)).casefold()
        if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", said) for f in asked):
            return False
        end = _CLAUSE_END.search(low, m.end())
        rest = low[m.end() : end.start() if end else len(low)]
        if _first_at(rest, asked) >= 0:
            return False
        told = True
    return told
