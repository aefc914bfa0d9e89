"""Credit one sentence passes to another after scoring: a lead told before a sentence, a
name the next sentence gives, a term defined, the question's rarest word carried on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers.passages._records import Query, Scored
from bot.answers.passages._shapes import _names_no_one
from bot.answers.passages._words import _mentions, stem, words_of

#: A sentence giving a term's meaning, the term caught: what the one before it described
#: called by a name ("Engineers call that clipping"), a name given ("known inside the team
#: as "the bank""), or the term said to be something ("Porpoising is when ...").
_DEFINES_TERM = (
    re.compile(
        r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed|nicknamed|"
        r"known\s+(?:[\w'’-]+\s+){0,4}?as|referred\s+to\s+as)\s+"
        r"(?:(?:that|this|it|these|those)\s+)?[\"“‘']?(?:(?:the|a|an)\s+)?([\w'’-]+)",
        re.I,
    ),
    re.compile(
        r"^[\"“‘']?(?:(?:the|a|an)\s+)?([\w'’-]+)[\"”’']?\s+(?:is|are|means|refers\s+to)\s+"
        r"(?:when|what|where|how)\b",
        re.I,
    ),
)
#: A demonstrative after the naming verb: the term names what the sentence before told.
_NAMES_BEFORE = re.compile(
    r"\b(?:call|calls|called|dub|dubs|dubbed|term|terms|termed)\s+(?:that|this|it|these|those)\b",
    re.I,
)
#: What a sentence defining the one term asked gains.
DEFINITION_SHARE = 2.0
#: Most word groups a question asking what a term is has ("whats clipping", "what is the
#: bank on the steering wheel" asks one term, with where it is).
TERM_GROUPS = 4


#: How much a sentence gains from the question's words its lead holds and it lacks, per
#: unit of their weight (a tie-break among sentences naming the one asked).
LEAD_SHARE = 0.5


def _lean_on_leads(scored: list[Scored], weights: list[float]) -> None:
    """Mark each sentence whose lead (the sentence before it in its paragraph) holds words
    of the question it lacks, and credit it with them: "The rally turned on SS14. Thierry
    Neuville ... rolled his Hyundai" answers "what happened to Neuville on SS14" together.

    Only a lead naming none of the people asked lends its words (one naming them is an
    answer of its own), and only to a sentence that names them.
    """
    at = {(id(s.passage), s.position): s for s in scored}
    for s in scored:
        before = at.get((id(s.passage), s.position - 1)) if s.position else None
        if before is None or before.named or not s.named:
            continue
        extra = before.own - s.own
        if extra:
            s.score += LEAD_SHARE * sum(weights[i] for i in extra)
            s.lead = True


def _definitions(
    scored: list[Scored], query: Query, group_stems: Sequence[tuple[str, ...]]
) -> None:
    """Credit each sentence that defines a term the question asks what it is ("whats
    clipping": no one named, no kind of answer read): "Engineers call that clipping." tells
    it with the sentence before (its lead, shown with it), "Porpoising is when ..." alone."""
    if query.people or query.kinds or not 0 < len(group_stems) <= TERM_GROUPS:
        return
    asked = {x for g in group_stems for x in g}
    for s in scored:
        for pattern in _DEFINES_TERM:
            m = pattern.search(s.text)
            if m is None or stem(words_of(m[1])[0] if words_of(m[1]) else "") not in asked:
                continue
            s.score += DEFINITION_SHARE
            s.lead = s.lead or (s.position > 0 and _NAMES_BEFORE.search(s.text) is not None)
            break


#: A sentence going on with what the one before it named: "The race, planned for June 5,
#: has been replaced", "It was", "He said".
_CONTINUES = re.compile(
    r"^[\"“‘']?(?:the|this|that|these|those|it|its|he|she|they|his|her|their)\b", re.I
)


def _carry_rarest(scored: list[Scored]) -> None:
    """A sentence going on with the one before it ("Formula E has dropped the Jakarta
    E-Prix. The race ... has been replaced by a second race in Tokyo") holds the rarest
    word of the question through it, and is shown with it."""
    at = {(id(s.passage), s.position): s for s in scored}
    for s in scored:
        if s.rarest or not s.position or not _CONTINUES.match(s.text):
            continue
        before = at.get((id(s.passage), s.position - 1))
        if before is not None and before.rarest:
            s.rarest = s.lead = True


def _name_from_next(
    query: Query,
    text: str,
    spans: Sequence[tuple[int, int]],
    items: dict[int, Scored],
    name_forms: list[set[str]],
) -> None:
    """A paragraph's lead naming no one introduces what its next sentence tells ("The pass
    that decided the title came on lap 19 of 27. Acosta ran wide, and Bezzecchi cut back
    underneath him"), so it is about whom that next sentence names."""
    for i, item in items.items():
        if i or item.all_named or item.quoted or len(spans) < 2 or not _names_no_one(item.text):
            continue
        a, b = spans[i + 1]
        after = text[a:b]
        there = {
            n for n, forms in zip(query.people, name_forms, strict=True) if _mentions(after, forms)
        }
        if not there - item.people:
            continue
        item.score += 3.0 * len(there - item.people)
        item.people |= there
        item.named = True
        item.subject = item.subject or query.subject in there
        item.all_named = len(item.people) == len(query.people)
        item.from_next = True
