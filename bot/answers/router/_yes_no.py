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

A sentence whose act falls on someone the question does not name ("did Larsen hit Moreau":
"Larsen hit Pia Renner") answers another question: it is not the answer, and the honest
"The articles don't say" stands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.answers.passages import (
    _mentions,
    act_of_another,
    act_only_hedged,
    done_to,
    forms_of,
    our_team,
    stem,
    stems,
)
from bot.answers.records import Found
from bot.answers.text import normalise, wordset
from bot.answers.understand import CUES, Reading, is_team
from bot.models import Person

__all__ = ["Turn", "anothers_act", "tells_the_act", "the_other_way", "turn_of"]

#: The verbs a yes/no question opens with, whose subject follows.
_OPENING = wordset("did does do is are was were will would has have had can could")
#: The opening verbs that ask whether the act happens, not whether it may ("could X").
_FIRM = wordset("did does do is are was were will has have had")
#: Words fans put between the subject and the act ("is Alonso gonna try", "did he ever
#: apologise"): they say when or how surely, never what.
_BETWEEN = wordset("gonna going to ever really actually still even finally already")
#: A capitalised word of a sentence: where a name can stand.
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
#: A speaker's own first person: "I" for the subject, "we" for the subject or its team.
_FIRST_PERSON = wordset("i we")


@dataclass(frozen=True)
class Turn:
    """The subject's forms (a name's, or the question's word) and the act's words."""

    subject: frozenset[str]
    act: frozenset[str]
    person: bool
    asked: frozenset[str] = frozenset()  # every person the question names
    objects: tuple[frozenset[str], ...] = ()  # the forms of each named person but the subject
    firm: bool = False  # "will X ...", "did X ...": asked whether it happens, not may


def _forms(reading: Reading, name: str) -> frozenset[str]:
    """The forms a sentence may name ``name`` by (the index's person's, else the name)."""
    person = reading.index_people.get(name)
    return frozenset(forms_of(person) if person is not None else {name.casefold()})


def _subject_end(reading: Reading, at: int) -> tuple[frozenset[str], int, bool] | None:
    """The subject named from word ``at``: its forms, the word after it, whether a person."""
    tokens = reading.tokens
    for name in reading.people:
        forms = _forms(reading, name)
        # Longest first, whatever the set's order: "ruud aske" before "ruud" ("did ruud
        # aske crash" turns on "crash", never on "aske").
        for form in sorted(forms, key=lambda f: (-len(f.split()), f)):
            words = normalise(form).split()
            if words and tokens[at : at + len(words)] == words:
                return forms, at + len(words), True
    for end in range(min(len(tokens) - 1, at + 3), at + 1, -1):
        # A team of two words or more ("did aston martin grumble") is one subject: its
        # second word is no act.
        name = " ".join(tokens[at:end])
        if is_team(name):
            # "did the haas team appeal": the sentence names the team, "team" or not.
            return frozenset({name.removesuffix(" team")}), end, False
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
    asked = frozenset(reading.people)
    firm = tokens[0] in _FIRM
    objects = tuple(o for o in (_forms(reading, n) for n in reading.people) if o != subject)
    if group is not None:
        return Turn(subject, frozenset(group), person, asked, objects, firm)
    # The kind took the verb for its cue ("did X admit"): the kind's cue words are the act.
    cued = [k for k in kinds if verb in CUES.get(k, ()) or stem(verb) in _stems(CUES.get(k, ()))]
    if not cued:
        return None
    acts = frozenset(w for k in cued for w in CUES[k])
    return Turn(subject, acts, person, asked, objects, firm)


def _stems(words: Sequence[str]) -> set[str]:
    return {stem(w) for w in words}


def _act_word(text: str, turn: Turn) -> re.Match[str] | None:
    """The first word of ``text`` that tells the act (by its stem)."""
    acts = _stems(tuple(turn.act))
    return next(
        (m for m in re.finditer(r"[\w'’-]+", text) if stem(normalise(m.group())) in acts),
        None,
    )


def the_other_way(text: str, turn: Turn) -> bool:
    """Whether ``text`` tells the act done to the subject, when the question names whom the
    subject did it to: "Larsen passed Brandt" and "Brandt was passed by Larsen" do not answer
    "did brandt overtake larsen", nor "Larsen was caught in traffic behind Brandt" "did larsen
    hold up brandt" (one reading of an act's direction: ``passages.done_to``)."""
    return (
        turn.person and bool(turn.objects) and done_to(text, _stems(tuple(turn.act)), turn.subject)
    )


def anothers_act(text: str, turn: Turn) -> bool:
    """Whether ``text`` tells the act as someone else's, the one asked named elsewhere or
    not at all: "Odo Brandt crashed out ... and Jon Larsen finished fourth" does not answer
    "did larsen crash", nor "We think Vanta should appeal" "will harlow appeal"
    (``passages.act_of_another``); nor does the speaker's "We think we should appeal" a
    "will" (``passages.act_only_hedged``)."""
    acts = _stems(tuple(turn.act))
    return act_of_another(text, acts, turn.subject) or (turn.firm and act_only_hedged(text, acts))


def _others_after_act(text: str, turn: Turn, names: Mapping[str, str]) -> bool:
    """Whether a person the question does not name stands after the act's word in ``text``
    where a person it does name is missing (``names``: the index's normalised names -> full
    names): "Evans admitted he could not match Katsuta" still answers "did evans admit taka
    was quicker" when "taka" names no one the index knows."""
    act = _act_word(text, turn)
    if act is None:
        return False
    at = act.end()
    if all(_mentions(text, forms) for forms in turn.objects):
        return False  # every person asked is there (or none but the subject was asked)
    for word in _CAPITALISED.findall(text, at):
        name = names.get(normalise(word))
        if name is not None and name not in turn.asked:
            return True
    return False


def _speaks_for(found: Found, turn: Turn, people: Mapping[str, Person]) -> bool:
    """Whether a quotation is the subject's own word on the act: its speaker is the subject
    saying "I" or "we" ("would Kessler race here again": her "I would race here again"), or
    speaks for the team the subject names ("are Orla gonna appeal": Orla's principal's "We
    will not appeal"; the team as ``passages.our_team`` reads a "we", the story's season's)."""
    if found.speaker is None:
        return False
    if turn.person:
        speaker = people.get(found.speaker) or Person(found.speaker)
        said = set(normalise(found.text).split())
        return bool(forms_of(speaker) & turn.subject) and bool(said & _FIRST_PERSON)
    team = our_team(found.speaker, None, found.text, found.source.published.year)
    return bool(team) and any(stems(f) <= team for f in turn.subject)


def tells_the_act(
    found: Found, turn: Turn, names: Mapping[str, str], people: Mapping[str, Person]
) -> bool:
    """Whether the sentence ``found`` tells the subject doing (or not doing) the act: it
    names the subject and holds the act's word, as a statement, or it is the subject's own
    quoted word on it (``_speaks_for``; anyone else's quotation, or a question, is someone's
    words, which the passages judge by their speaker), and the act falls on no one the
    question leaves out (``names``: the index's normalised names; ``people``: its people),
    nor the other way round (by an object asked, to the subject)."""
    text = found.text
    if "?" in text:
        return False
    own = stems(text)
    if found.quoted:
        named = _speaks_for(found, turn, people)
    elif turn.person:
        named = _mentions(text, turn.subject)
    else:
        named = any(stems(f) <= own for f in turn.subject if stems(f))
    if not (named and own & _stems(tuple(turn.act))):
        return False
    return not (
        _others_after_act(text, turn, names)
        or the_other_way(text, turn)
        or anothers_act(text, turn)
    )
