"""What a yes/no question turns on: its subject and its act.

"will Prema favour Sebastian over Mini" is answered by "Prema's team principal ... said the
Italian team would not favour either of its drivers", and "did Evans admit Taka was quicker"
by "Evans admitted he had not been able to match Katsuta": the sentence tells the subject
doing (or refusing) the act asked, and words the rest its own way. The passages deny such a
question, as no sentence holds all its words; a denial above the sentence that answers
misleads the fan, so the sentence telling the subject's act is the answer.

The subject is who or what stands right after the question's verb ("did Evans ...", "will
Prema ..."); the act is the word after it ("admit", "favour"), or, when the question's kind
took that word for its cue ("admit"), any of the kind's cue words ("admitted").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers.passages import _mentions, forms_of, stem, stems
from bot.answers.records import Found
from bot.answers.text import normalise, wordset
from bot.answers.understand import CUES, Reading

__all__ = ["Turn", "tells_the_act", "turn_of"]

#: The verbs a yes/no question opens with, whose subject follows.
_OPENING = wordset("did does do is are was were will would has have had can could")
#: Words fans put between the subject and the act ("is Alonso gonna try", "did he ever
#: apologise"): they say when or how surely, never what.
_BETWEEN = wordset("gonna going to ever really actually still even finally already")


@dataclass(frozen=True)
class Turn:
    """The subject's forms (a name's, or the question's word) and the act's words."""

    subject: frozenset[str]
    act: frozenset[str]
    person: bool


def _subject_end(reading: Reading, at: int) -> tuple[frozenset[str], int, bool] | None:
    """The subject named from word ``at``: its forms, the word after it, whether a person."""
    tokens = reading.tokens
    for name in reading.people:
        person = reading.index_people.get(name)
        forms = forms_of(person) if person is not None else {name.casefold()}
        for form in forms:
            words = normalise(form).split()
            if words and tokens[at : at + len(words)] == words:
                return frozenset(forms), at + len(words), True
    if at < len(tokens):
        return frozenset({tokens[at]}), at + 1, False
    return None


def turn_of(reading: Reading, groups: Sequence[Sequence[str]], kinds: set[str]) -> Turn | None:
    """The subject and act of a yes/no question ("did X VERB ..."), if it reads as one."""
    tokens = reading.tokens
    if len(tokens) < 3 or tokens[0] not in _OPENING:
        return None
    at = 2 if tokens[1] == "the" else 1
    found = _subject_end(reading, at)
    if found is None:
        return None
    subject, end, person = found
    if not person and not any(tokens[at] in g for g in groups):
        return None  # "is it ...", "did anyone ...": no subject a sentence can name
    while end < len(tokens) and tokens[end] in _BETWEEN:
        end += 1
    if end >= len(tokens):
        return None
    verb = tokens[end]
    group = next((g for g in groups if verb in g), None)
    if group is not None:
        return Turn(subject, frozenset(group), person)
    # The kind took the verb for its cue ("did X admit"): the kind's cue words are the act.
    cued = [k for k in kinds if verb in CUES.get(k, ()) or stem(verb) in _stems(CUES.get(k, ()))]
    if not cued:
        return None
    return Turn(subject, frozenset(w for k in cued for w in CUES[k]), person)


def _stems(words: Sequence[str]) -> set[str]:
    return {stem(w) for w in words}


def tells_the_act(found: Found, turn: Turn) -> bool:
    """Whether the sentence ``found`` tells the subject doing (or not doing) the act: it
    names the subject and holds the act's word, as a statement (a quotation or a question
    is someone's words, which the passages judge by their speaker)."""
    text = found.text
    if found.quoted or "?" in text:
        return False
    own = stems(text)
    if turn.person:
        named = _mentions(text, turn.subject)
    else:
        named = bool(own & _stems(tuple(turn.subject)))
    return named and bool(own & _stems(tuple(turn.act)))
