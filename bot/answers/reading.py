"""Reading the chosen story whole: every sentence of it ranked for the question.

Why this exists: the passage search (``bot.answers.passages``) finds paragraphs by the
question's words and the kind's cue words, and most of the questions it gets wrong are not
a wrong story but a wrong sentence: the one that answers stands next to the sentence shown,
or says it in other words ("when did he win his titles" -> "Alonso won his titles with
Renault in 2005 and 2006", which holds no month; "why did X lose" -> her own "I got too much
wheelspin" two sentences after the lede). Once a story is chosen, it is short enough to read
all of it: each sentence is scored for what the question asks (its content words, the people
it names, a pronoun carrying the person the sentence before named), for the shape of the
answer its kind wants (a date or year for "when", a lap for "what lap", a number for "how
many", a cause for "why", a result for an outcome), and for nearness to the sentence the
search found. Nothing is reworded: the sentence is shown verbatim and cited as any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.models import Passage

__all__ = ["Ranked", "StoryReader", "opens_with"]

#: The answer's shape by the question's kind: a sentence holding it can answer that kind.
_YEAR = r"\b(?:19[5-9]\d|20\d\d)\b"
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_WHEN = re.compile(
    rf"{_YEAR}|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|tonight)\b|"
    r"\b(?:this|last|next)\s+(?:spring|summer|autumn|fall|winter|season|year|week|weekend)\b|"
    r"\blap\s+\d+\b|\b(?:opening|first|final|last)\s+lap\b|\b\d{1,2}(?:[.:]\d\d)?\s*[ap]m\b",
    re.IGNORECASE,
)
_LAP = re.compile(r"\blaps?\s+\d+\b|\b(?:opening|first|final|last)\s+lap\b", re.IGNORECASE)
_COUNT = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred|a\s+single|both)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(?:because|due\s+to|after|as\s+a\s+result|caused|cost\s+(?:him|her|them|it)|"
    r"so\s+that|blamed|blame|failure|failed|problem|issue|mistake|fault|wheelspin|"
    r"broke|broken|damage[d]?|puncture|penalty\s+for|for\s+(?:causing|leaving|speeding|"
    r"exceeding)|injur\w*|fractur\w*|why)\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(?:won|wins|win|victory|finished|finish|retired|champion|title|penalty|penalised|"
    r"penalized|excluded|disqualified|dropped|classified|pole|podium|points?|"
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:crash\w*|collid\w*|collision|contact|touched|spun|spin|stall\w*|locked|"
    r"ran\s+(?:into|wide|off)|hit|clash\w*|retired|out\s+of\s+the\s+race|gravel|barrier|"
    r"wall|failure|penalt\w*|investigat\w*|lost|dived|passed|overtook|fell)\b",
    re.IGNORECASE,
)
#: What passes between two people ("what happened between X and Y"): a touch of some kind.
_CONTACT = re.compile(
    r"\b(?:crash\w*|collid\w*|collision|contact|touched|ran\s+into|hit|clash\w*|tangled|"
    r"banged|squeezed|pushed|blocked|took\s+(?:\w+\s+)?out|closed\s+the\s+door|"
    r"tipped|punted|rammed|dived)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:at|in|into|near|from)\s+(?:the\s+)?[A-Z][\w-]+|\b[Tt]urn\s+\d+")
#: Which shape each kind of question wants, first match wins (a "why ... lap" is a cause).
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("why", _CAUSE),
    ("lap", _LAP),
    ("when", _WHEN),
    ("count", _COUNT),
    ("count_laps", _COUNT),
    ("where", _PLACE),
    ("finish", _RESULT),
    ("won", _RESULT),
    ("start", _RESULT),
    ("penalty", _RESULT),
    ("crash", _EVENT),
    ("retire", _EVENT),
    ("did_finish", _EVENT),
)
#: Shapes precise enough that a story's sentence holding one, and every word and person the
#: question asks, answers where the search found nothing: a date, a lap, a number.
STRICT = frozenset({"when", "lap", "count", "count_laps"})
#: The kinds asking how many of a thing: "how many penalty points", "how many laps".
_COUNTS = frozenset({"count", "count_laps"})
_WORDS = re.compile(r"[^\W_]+")
#: A sentence opening with a pronoun is about whom the one before named. (An epithet, "The
#: Dutch driver", was tried too: it cost a held-out question, and stays out.)
_CARRIES = re.compile(r"^[\"“‘']?(?:he|she|his|her)\b", re.IGNORECASE)
#: A sentence opening with a name no one asked about ("Ruud won the race."): the pronoun of
#: the next one is that person, no longer whom the sentences before named.
_OTHER_SUBJECT = re.compile(
    r"^[\"“‘']?(?!(?:The|A|An|In|On|At|After|Before|But|And|It|Its|This|That|These|Those|"
    r"There|When|While|With|His|Her|He|She|They|Their|By|For|From|As|Then|So|Now|If|"
    r"Only|Not|No|Yes|We|I|You|Our|My)\b)[A-Z][\w'’-]+"
)
#: A sentence opening with someone's word on the news ("Vell said the talks ended because
#: ..."): its subject speaks about whom the sentence before named, so it goes on about them.
_SAYS = re.compile(
    r"^[\"“‘']?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:said|says|told|added|explained|"
    r"admitted|confirmed|insisted|claimed)\b"
)
#: What nearness to the sentence the search found is worth: the next or previous sentence
#: of its paragraph, and the paragraph either side.
NEAR_SENTENCE = 1.0
NEAR_PARAGRAPH = 0.5
#: What befell someone is told with them as the subject ("He spun", "Lawson was hit by
#: ..."), not as another's object ("I hit the side of Liam's car"): worth this in a tie.
SUBJECT = 0.5


@dataclass(frozen=True, slots=True)
class Ranked:
    """One sentence of the story as the reader scored it."""

    score: float
    text: str
    passage: Passage
    position: int
    #: The share of the question's word groups the sentence itself holds.
    cover: float
    #: Every person the question names is named in it, or carried from the sentence before.
    people: bool
    #: How much of the shape of answer the question's kind wants it holds: the distinct
    #: matches of the shape (a cause word, a date), or for "how many" the question's own
    #: words right after a number ("two penalty points"); 0 when none.
    shape: int
    #: It stands next to the sentence the search found (its paragraph or the next one).
    near: bool = False
    #: The people asked are named in the order the question names them ("when did Pell
    #: pass Harlow" is not told by "Harlow passed Pell").
    ordered: bool = True
    #: Its subject is someone not asked: named ("Kai Moreno spun out"), or "he"/"she" after
    #: a sentence whose subject was that other person ("... He clipped the barrier").
    anothers: bool = False

    @property
    def shaped(self) -> bool:
        return self.shape > 0


class StoryReader:
    """Ranks every sentence of one story for a question (see the module's docstring).

    ``groups`` are the question's content words as stems (any stem of a group covers it),
    ``people`` each asked person's folded forms (names, aliases), ``kinds`` the kinds of
    answer the router read; ``mentions`` tells whether a text names someone by some forms
    and ``sentences`` splits a paragraph, ``stems_of`` stems a text: the passage search's
    own helpers, so a sentence is split and matched the same way it is searched.
    """

    def __init__(
        self,
        groups: Sequence[frozenset[str]],
        people: Sequence[set[str]],
        kinds: Iterable[str],
        asked: Iterable[str] = (),
        *,
        mentions: Callable[[str, Iterable[str]], bool],
        sentences: Callable[[str], list[tuple[int, int]]],
        stems_of: Callable[[str], frozenset[str]],
    ) -> None:
        self.groups = [g for g in groups if g]
        self.people = [p for p in people if p]
        kinds = set(kinds)
        self.kind = next((k for k, _ in _SHAPES if k in kinds), None)
        if self.kind is None and not kinds and len(self.people) >= 1:
            self.kind = "event"  # "what happened to X": what befell X, an event's words
        self.shape = dict(_SHAPES).get(self.kind or "")
        if self.kind == "event":
            # What befell one person is any event; what passed between two, a touch.
            self.shape = _CONTACT if len(self.people) >= 2 else _EVENT
        self.asked = frozenset(asked)
        self.strict = self.kind in STRICT
        self._mentions = mentions
        self._sentences = sentences
        self._stems = stems_of

    def rank(
        self, paragraphs: Sequence[Passage], anchor: tuple[int, str] | None = None
    ) -> list[Ranked]:
        """Every sentence of ``paragraphs`` (one story, in order), best first; ``anchor``
        is the paragraph and text of the sentence the search found."""
        ranked: list[Ranked] = []
        carried: list[bool] = [False] * len(self.people)
        #: The last subject named was someone not asked: a pronoun now stands for them.
        elsewhere = False
        at_anchor: tuple[int, int] | None = None
        flat: list[tuple[Passage, int, str]] = []
        for passage in paragraphs:
            for i, (a, b) in enumerate(self._sentences(passage.text)):
                text = passage.text[a:b].strip()
                if anchor is not None and passage.paragraph == anchor[0] and text == anchor[1]:
                    at_anchor = (passage.paragraph, i)
                flat.append((passage, i, text))
        for passage, i, text in flat:
            named = [self._mentions(text, forms) for forms in self.people]
            carry = bool(_CARRIES.match(text))
            people = [n or (carry and c) for n, c in zip(named, carried, strict=True)]
            befell = (
                self.kind == "event"
                and len(self.people) == 1
                and ((carry and carried[0] and not named[0]) or opens_with(text, self.people[0]))
            )
            other = not any(named) and _OTHER_SUBJECT.match(text) is not None
            anothers = (other and not _SAYS.match(text)) or (carry and elsewhere and not any(named))
            elsewhere = other or (elsewhere and not any(named))
            carried = [
                n or (c and not any(named) and not other)
                for n, c in zip(named, carried, strict=True)
            ]
            have = self._stems(text)
            covered = sum(1 for g in self.groups if have & g)
            cover = covered / len(self.groups) if self.groups else 1.0
            shape = self._shape(text)
            score = 3.0 * cover + 2.0 * (sum(people) / len(people) if people else 1.0)
            score += 2.0 * min(shape, 2) + 0.25 * len(have & self.asked)
            score += SUBJECT if befell and shape else 0.0
            near = _nearness(at_anchor, (passage.paragraph, i)) if at_anchor else 0.0
            ordered = _in_order(text.casefold(), self.people)
            score += near
            ranked.append(
                Ranked(
                    score, text, passage, i, cover, all(people), shape, near > 0, ordered, anothers
                )
            )
        ranked.sort(key=lambda r: -r.score)
        return ranked

    def _shape(self, text: str) -> int:
        """How much of the answer's shape ``text`` holds (see ``Ranked.shape``)."""
        if self.shape is None:
            return 0
        if self.kind in ("count", "count_laps") and self.asked:
            # The thing counted follows its number, at once: "two penalty points", "three
            # times"; not the unit of another figure ("a 10-second time penalty") nor a
            # word further on ("four Le Mans wins" does not count wins of a team).
            best = 0
            for m in self.shape.finditer(text):
                run = 0
                for word in _WORDS.findall(text[m.end() : m.end() + 40])[:3]:
                    if not self._stems(word) & self.asked:
                        break
                    run += 1
                best = max(best, run)
            return best
        found = {m[0].casefold() for m in self.shape.finditer(text)}
        if found and self.shape is _CONTACT:
            # A touch told, with what else befell them ("locked ... and ran into").
            found |= {m[0].casefold() for m in _EVENT.finditer(text)}
        return len(found)

    def better(self, ranked: Sequence[Ranked], shown: Sequence[str]) -> Ranked | None:
        """The story's best sentence when it answers the question better than the first one
        shown: it holds the answer's shape and every person asked, and at least as much of
        the question's words as the shown sentence, which lacks the shape or some person, or
        has less of the shape, or as much and the best stands next to it."""
        if self.shape is None or not ranked or not (self.groups or self.people):
            return None
        first = next((r for r in ranked if r.text == shown[0]), None) if shown else None
        for r in ranked:
            # Next to the sentence shown, which names the people asked, a sentence goes on
            # about them ("X is leaving Y. The talks ended because ..."); not one whose "he"
            # stands for someone else the sentence before named ("Y spun. He clipped ..."), nor one
            # opening with someone else's act (his word on it may tell its cause).
            about = r.people or (r.near and first is not None and first.people and not r.anothers)
            if not (r.shaped and about):
                continue
            if r.text in shown or first is None:
                return None
            if (r.cover < first.cover or (r.cover == 0.0 and self.groups)) and not (
                (self.kind in _COUNTS or (r.near and (r.cover > 0.0 or self.kind != "event")))
                and not first.shaped
            ):
                # (What befell someone is the reader's own guess of a question of no kind:
                # next to a sentence shown holding the question's words, "what does X
                # need" -> "If Y wins, X needs second.", one holding none of them is no
                # better answer for telling an event, "X took 33 points".)
                # (A figure asked, "how many X", is told by "N X" wherever the story says
                # it, when the sentence shown counts nothing asked: the name the question
                # uses ("Kimi", "his team") may be one the sentence does not.)
                return None
            if first.people and (r.shape < first.shape or (r.shape == first.shape and not r.near)):
                # The sentence shown has as much of what the question asks; one next to it
                # with as much tells on what it names ("a clash" -> "ran into the side").
                return None
            return r
        return None

    def instead_of_denial(self, ranked: Sequence[Ranked]) -> Ranked | None:
        """A sentence that answers where the search found none: only for a precise shape
        (a date, a lap, a number), with every word group and person the question asks."""
        if not self.strict or not self.groups:
            return None
        return next(
            (r for r in ranked if r.shaped and r.people and r.ordered and r.cover == 1.0), None
        )


def opens_with(text: str, forms: Iterable[str]) -> bool:
    """Whether ``text`` opens with one of someone's folded ``forms`` ("Lawson was hit"):
    they are its subject, quotation marks aside.

    Strict on purpose: a story read whole carries this subject on to the sentences after, and
    a feeling is theirs only when they are sure to be its subject. The passages' looser test
    (the name in the first three words) is :func:`bot.answers.passages._shapes._opens_with`."""
    low = text.casefold().lstrip("\"“‘' ")
    return any(low.startswith(f) and not low[len(f) : len(f) + 1].isalnum() for f in forms)


def _in_order(low: str, people: Sequence[set[str]]) -> bool:
    """Whether the people named in ``low`` (folded) first stand in the order given."""
    at = [min((i for f in forms if (i := low.find(f)) >= 0), default=-1) for forms in people]
    named = [i for i in at if i >= 0]
    return named == sorted(named)


def _nearness(anchor: tuple[int, int], at: tuple[int, int]) -> float:
    """What standing near the sentence the search found is worth."""
    if at[0] == anchor[0]:
        return NEAR_SENTENCE if abs(at[1] - anchor[1]) == 1 else 0.0
    return NEAR_PARAGRAPH if abs(at[0] - anchor[0]) == 1 else 0.0
