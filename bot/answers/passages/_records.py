"""The passage search's records: the question as searched (``Query``) and a scored sentence.

Also where a sentence stands (``_key``, ``_date``), who speaks it (``_speaker_of``: quotes
are verbatim, so found by position) and how it is shown (``as_found``), which every step of
the search and the facade share.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from bot.answers.records import Found
from bot.answers.text import normalise
from bot.models import Passage, Quote, ReportedStatement

_QUOTE_MARKS = "\"“”‘’'«»„"


class Searches(Protocol):
    """What a query needs of a pattern a sentence must hold: ``re.Pattern.search``."""

    def search(self, text: str, /) -> object: ...


@dataclass(slots=True)
class Query:
    """What the router understood of a question, for the passage search.

    ``groups``: the question's content words, each with the words articles use for it
    ("penalised", "penalty"); a sentence holding any word of a group covers it. ``people``
    are full names it names; ``subject`` one of them who must be named in (or speak) the
    sentence. ``cues`` signal the answer asked for (stems; ``cue_phrases`` as phrases) and,
    with ``need_cue``, a sentence without one does not answer. ``need`` is a pattern an
    answer must hold ("lap 32", a date); ``phrases`` must appear, ``hints`` only help.
    ``slugs`` limits the stories (None: any). ``required`` (stems) and ``required_phrases``
    are the cues of the kind that must be met; with ``prefer_cue``, when some answering
    sentence holds a cue only those answer. ``team_people`` are people of a team the
    question names: naming them helps, as does being quoted with ``prefer_quotes``.
    """

    groups: list[tuple[str, ...]] = field(default_factory=list)
    people: tuple[str, ...] = ()
    subject: str | None = None
    cues: tuple[str, ...] = ()
    cue_phrases: tuple[str, ...] = ()
    need_cue: bool = False
    required: tuple[str, ...] = ()
    required_phrases: tuple[str, ...] = ()
    prefer_cue: bool = False
    prefer: tuple[str, ...] = ()
    #: Phrases that give what ``prefer`` gives, told in more than one word: a cause told
    #: without "because" ("did not help: the team missed the test", "was therefore not").
    prefer_phrases: tuple[str, ...] = ()
    prefer_quotes: bool = False
    all_people: bool = False
    team_people: tuple[str, ...] = ()
    need_team: bool = False
    #: The stems of the team's name when the team asked is the one speaking ("who did
    #: Nissan blame"): a sentence naming or quoting one of ``team_people`` holds them (its
    #: principal's blame is the team's own word).
    team_words: frozenset[str] = frozenset()
    need_rarest: bool = False
    need: re.Pattern[str] | None = None
    phrases: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    slugs: list[str] | None = None
    speaker_only: str | None = None
    need_speaker: bool = False
    #: A pattern the sentence as written must hold (capitals kept: "for Tech3"); anything
    #: with a pattern's ``search``.
    need_written: Searches | None = None
    #: The people asked about are the object ("who defended Hartley"): a sentence of a
    #: story naming them answers without naming them itself.
    object_people: bool = False
    #: Stems of the question's own content words: a sentence using them ranks higher.
    asked: tuple[str, ...] = ()
    #: Words to search paragraphs by that no phrase spells out: the other names of a
    #: place asked about ("italian", "mugello" for "italy"), matched through a pattern.
    search_more: tuple[str, ...] = ()
    #: Where something happened is asked: a sentence naming no place brings the one
    #: before it that does.
    place_asked: bool = False
    #: The newest story with an answering sentence answers ("the next race").
    newest_first: bool = False
    #: ``slugs`` are a few stories whose paragraphs are read whole, not searched for.
    whole_stories: bool = False
    #: The required cue of a sentence holds for the next one of its paragraph: "Larson
    #: leads the standings by 28 points. Hamlin climbed to fifth." (the standings).
    required_carries: bool = False
    #: Stems that tell the event a "why" question asks the cause of ("crashed", "race"):
    #: of the stories where the one asked about had it, the newest answers ("why did Pecco
    #: crash" is his latest crash, not an older retirement), unless the question dates it.
    event: tuple[str, ...] = ()
    #: Stems a sentence must hold itself to cover a group, never through its headline:
    #: the words a report uses for a fan's word ("review" for "appeal") name a headline's
    #: story only loosely.
    own_only: frozenset[str] = frozenset()
    #: Paragraphs a sentence of a story must be in, by slug (stories not listed: any): a
    #: round-up's items about the series asked, each item a story of its own.
    within: dict[str, frozenset[int]] | None = None
    min_cover: float = 0.6
    #: The kinds of answer the router read in the question ("when", "why", "count"...):
    #: the shape the story's reader (``bot.answers.reading``) looks for in a sentence.
    kinds: frozenset[str] = frozenset()
    loose: bool = False  # "why": the event's own words need not be in its cause
    yes_no: bool = False  # "did X ...": X's own sentence meeting the cue answers it
    #: A yes/no question's act (stems) and the forms of whom it asks about ("did Larsen
    #: crash"): a sentence telling the act as someone else's answers nothing
    #: (``_direction.act_of_another``).
    act: frozenset[str] = frozenset()
    act_by: frozenset[str] = frozenset()
    #: The question asks whether the act happens ("will", "did"), not whether it may
    #: ("could", "would"): a sentence only weighing it is no answer (``_hedged``).
    act_firm: bool = False
    #: The one group naming a team, when the question asks of one ("what did mclaren say
    #: about tyre wear"): a sentence opening with another team, not holding it, is that
    #: other team's (read in ``Finding.find``).
    team_group: int | None = None


@dataclass(slots=True)
class Scored:
    score: float
    text: str
    passage: Passage
    order: int
    position: int
    speaker: str | None = None
    quoted: bool = False
    reported: bool = False
    cue: bool = False
    named: bool = False
    subject: bool = False
    cover: float = 0.0
    hinted: bool = False
    required: bool = False
    all_named: bool = False
    team: bool = False
    rarest: bool = False
    story_named: bool = False
    #: The question's groups the sentence's own words hold (not its headline's), by index.
    own: frozenset[int] = frozenset()
    #: The sentence before it holds what the question asks that it lacks ("The rally
    #: turned on SS14. Thierry Neuville ... rolled"): the two are shown together.
    lead: bool = False
    #: Which of the question's people the sentence is about (named, speaking or carried).
    people: frozenset[str] = frozenset()
    #: Its people are the next sentence's, which tells what it introduces: shown after it.
    from_next: bool = False
    #: It stands in a section whose heading asks the fan's question (``_sections``): the
    #: section answers it, in words of its own.
    headed: bool = False
    #: It tells of another: the act a yes/no question asks as another's ("Brandt crashed"
    #: for "did Larsen crash"), or, a team asked, another team's ("Ferrari said the wear
    #: was high" for McLaren): near, never the answer.
    others: bool = False
    #: A section heading lends it words it does not hold (a team's name over "The aim was
    #: ..."): its score pays for what the heading says, so its story's date may settle a
    #: tie it is a full point behind in (``_picking``).
    heading_lent: bool = False


def _key(s: Scored | Passage) -> tuple[str, int]:
    """Where a sentence (or a paragraph) stands: its story's slug and its paragraph."""
    passage = s.passage if isinstance(s, Scored) else s
    return (passage.source.slug if passage.source else "", passage.paragraph)


def _date(passage: Passage) -> date:
    return passage.source.published if passage.source else date.min


def _speaker_of(
    passage: Passage,
    span: tuple[int, int],
    quotes: Sequence[Quote],
    reported: Sequence[ReportedStatement],
) -> tuple[str | None, bool, bool]:
    """(speaker, wholly inside a quotation, a reported view) for one sentence of a passage.

    Quotes are verbatim, so where each stands in the paragraph is found by position: a
    sentence mostly within a quotation is that speaker's; "..., Russell said." after it too.
    A sentence holding the quotations of two people ('Russell suggested Bottas "was trying
    to kill us both" while the Mercedes star defended himself, saying it was "completely his
    fault"') is no one speaker's: it names them itself, and labelling it with the first
    would put the second's words under the wrong name.
    """
    start, end = span
    length = max(end - start, 1)
    text = passage.text
    found: tuple[str | None, bool, bool] | None = None
    for q in quotes:
        if q.paragraph != passage.paragraph or not q.text.strip():
            continue
        at = text.find(q.text.strip())
        if at < 0:
            continue
        q_end = at + len(q.text.strip())
        overlap = min(end, q_end) - max(start, at)
        if overlap > 0 and (overlap >= 0.5 * length or overlap >= 0.5 * (q_end - at)):
            if found is None:
                inside = overlap >= length - 4  # the sentence's own quote marks aside
                if inside:
                    return q.speaker, True, False
                found = (q.speaker, False, False)
            elif found[0] != q.speaker:
                return None, False, False
    if found is not None:
        return found
    sentence = normalise(text[start:end])
    for r in reported:
        if r.paragraph != passage.paragraph:
            continue
        rn = normalise(r.text)
        if rn and sentence and (sentence in rn or (len(rn) >= 12 and rn in sentence)):
            return r.speaker, False, True
    return None, False, False


def as_found(s: Scored) -> Found:
    source = s.passage.source
    assert source is not None
    cited = dataclasses.replace(source, paragraph=s.passage.paragraph)
    text = s.text
    if s.quoted:
        text = text.strip(_QUOTE_MARKS + " ,")
    elif (mark := _opened_before(s.passage.text, text)) is not None:
        text = mark + text.lstrip()
    return Found(text, cited, s.speaker, s.quoted, s.reported)


def _opened_before(paragraph: str, sentence: str) -> str | None:
    """The quotation mark a sentence cut from its paragraph stands inside, if any:
    '"I asked the team to drop it. I made a mistake," he wrote.' splits into two, and the
    second, shown alone, must still read as the quotation it is (its own opening mark, as
    the paragraph wrote it), never as the writer's narration."""
    at = paragraph.find(sentence.strip())
    if at <= 0 or sentence.lstrip()[:1] in _QUOTE_MARKS:
        return None
    before = paragraph[:at]
    if before.count("“") > before.count("”"):
        return "“"
    if before.count('"') % 2 == 1:
        return '"'
    return None
