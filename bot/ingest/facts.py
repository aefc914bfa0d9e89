"""Key facts of a story: from the header, the annotation, or read off the text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.ingest.annotations import Annotations
from bot.ingest.evidence import evidence_paragraph, locate
from bot.ingest.parse import ParsedText
from bot.ingest.relations import RELATION_KEYS, relation_facts
from bot.ingest.text import Caseless, sentence_spans
from bot.models import Fact, LapEvent, Person

__all__ = ["derive_facts", "find_preview", "find_race"]

_RACE = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Grand\s+Prix|GP)\b")
_NOT_RACE_WORDS = frozenset(
    {"The", "A", "After", "Before", "At", "In", "During", "Following", "Since", "Until", "Of"}
)

#: How many paragraphs open a story: its own race is named in the headline or these. A race
#: named further down is another one (the last race before a transfer, the next round).
_OPENING = 3
#: A sentence about another round than the story's: the next or upcoming one ("The
#: championship continues at ...", "next up is ...", "heads to ... next").
_OTHER_ROUND = re.compile(
    r"\b(?:next|upcoming|continues\s+(?:at|in|with)|moves?\s+on\s+to|resumes|returns?\s+to\s+action"
    r"|following\s+round)\b",
    re.IGNORECASE,
)
#: Words right before a race name that put it in the past of the story ("since the British
#: Grand Prix", "two days after the ...", "at last year's ...").
_PAST_ROUND = re.compile(
    r"(?:\bsince|\b(?:days?|weeks?|months?)\s+after|\blast\s+(?:year|season)['’]s"
    r"|\bprevious)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A story about a seat or a contract, not a race ("Bearman signs for Audi").
_TRANSFER = re.compile(
    r"\b(?:signs?|signed|signing|contract|deal|replaces?|replacing|seat|joins?|extension"
    r"|move|leaves?|leaving)\b",
    re.IGNORECASE,
)
#: Words that tell a race's result; a story with them in its opening is about a race.
_RESULT = re.compile(
    r"\b(?:wins?|won|victory|podium|pole|finish(?:ed|es)?|crash(?:ed|es)?|retired|laps?|beat"
    r"|beats|triumph(?:s|ed)?|race\s+report|qualifying|practice|preview)\b",
    re.IGNORECASE,
)


def find_race(paragraphs: Sequence[str], headline: str = "") -> Fact | None:
    """The story's own race: the first "<Name> Grand Prix" or "<Name> GP" of its opening.

    Only the opening paragraphs and the headline speak of the story's race; a sentence
    about the next round, or a race named as the story's past ("since the British Grand
    Prix"), is about another race, and a transfer story names none of its own.
    """
    if _is_transfer_story(paragraphs, headline):
        return None
    texts: list[tuple[int | None, str]] = list(enumerate(paragraphs[:_OPENING], start=1))
    texts.append((None, headline))
    for number, text in texts:
        for m in _RACE.finditer(text):
            if _about_other_round(text, m.start(), m.end()):
                continue
            words = m.group(0).split()
            while words and (words[0] in _NOT_RACE_WORDS or words[0].endswith(("'s", "’s"))):
                words = words[1:]
            if len(words) >= 2:
                return Fact("race", " ".join(words), number)
    return None


def _is_transfer_story(paragraphs: Sequence[str], headline: str) -> bool:
    """A seat or contract story: its headline tells a move and its lede no race result."""
    lede = paragraphs[0] if paragraphs else ""
    if not _TRANSFER.search(headline):
        return False
    return not _RESULT.search(headline) and not _RESULT.search(lede)


def _about_other_round(text: str, start: int, end: int) -> bool:
    """Whether the race named at ``text[start:end]`` is not the story's own."""
    if _PAST_ROUND.search(text[max(0, start - 40) : start]):
        return True
    spans = sentence_spans(text)
    a, b = next(((a, b) for a, b in spans if a <= start < b), (0, len(text)))
    return _OTHER_ROUND.search(text[a:b]) is not None


#: A story written before its race: the weekend ahead, the schedule, last year's winner.
_PREVIEW = Caseless(  # (case-insensitive; lower-case text is faster)
    r"\b(?:this\s+(?:weekend|Sunday|Saturday)(?!['’]s\s+(?:win|victory|result))|heads?\s+into"
    r"|ahead\s+of\s+(?:this|Sunday|Saturday|the\s+race)|preview|last\s+year['’]s\s+winner"
    r"|defending\s+(?:race\s+)?winner|(?:lights\s+out|green\s+flag|race\s+start|start)\s+(?:is\s+)?at"
    r"\s+\d|gets?\s+under\s?way|will\s+(?:start|line\s+up|race|be\s+(?:hoping|looking|aiming))"
    r"|goes?\s+for\s+(?:a\s+)?(?:victory|win)|bids?\s+for)\b"
)
#: Words that tell a race has been run; a story whose opening has them is not a preview.
#: (Case-insensitive, run over the lower-cased text: the IGNORECASE regex tried its
#: alternation at every place of the headline and lede.)
_RUN = Caseless(
    r"\b(?:won|wins|winning|victory\s+(?:on|in|at)|finished|took\s+(?:the\s+)?(?:win|victory|flag"
    r"|chequered|checkered)|crossed\s+the\s+line|retired|crashed|beat|claimed|triumphed"
    r"|recovered|held\s+off)\b"
)


def find_preview(
    paragraphs: Sequence[str], headline: str = "", race: Fact | None = None
) -> Fact | None:
    """A ``preview`` fact when the story was written before its race, else None.

    Its value is the race it looks ahead to (or "the race" when it names none) and its
    paragraph the first that says so: the answers then know that the story tells no
    result ("Norris heads into this weekend's Dutch Grand Prix" has no winner). Precision
    first: two signs of the race ahead in the headline and the opening, and none in its
    headline or lede that the race was run.
    """
    lede = paragraphs[0] if paragraphs else ""
    if _RUN.search(headline) or _RUN.search(lede):
        return None
    hits: list[int | None] = []
    seen: set[str] = set()
    texts: list[tuple[int | None, str]] = [(None, headline)]
    texts += list(enumerate(paragraphs[:_OPENING], start=1))
    for number, text in texts:
        for m in _PREVIEW.finditer(text):
            cue = m.group(0).casefold().split()[0]
            if cue not in seen:
                seen.add(cue)
                hits.append(number)
    if len(hits) < 2:
        return None
    paragraph = next((n for n in hits if n is not None), None)
    return Fact("preview", race.value if race is not None else "the race", paragraph)


def derive_facts(
    parsed: ParsedText,
    events: Sequence[LapEvent],
    notes: Annotations | None,
    people: Sequence[Person] = (),
) -> list[Fact]:
    """Headline and date always; the annotation's facts; the text's for keys it leaves out
    (with ``people``, the relations between them: team-mates, replacements, co-drivers)."""
    facts = [
        Fact("headline", parsed.headline, None),
        Fact("date", parsed.published.isoformat(), None),
    ]
    given: set[str] = set()
    for note in notes.facts if notes else ():
        if note.evidence:
            paragraph: int | None = evidence_paragraph(
                parsed.paragraphs,
                note.evidence,
                notes.path,  # pyright: ignore[reportOptionalMemberAccess]  # set: we loop over it
                note.line,
            )
        else:
            paragraph = locate(parsed.paragraphs, note.value)
        facts.append(Fact(note.key, note.value, paragraph))
        given.add(note.key)
    race = next((f for f in facts if f.key == "race"), None)
    if "race" not in given and (race := find_race(parsed.paragraphs, parsed.headline)):
        facts.append(race)
    if "preview" not in given and (
        preview := find_preview(parsed.paragraphs, parsed.headline, race)
    ):
        facts.append(preview)
    if "lap" not in given:
        facts.extend(Fact("lap", str(e.lap), e.paragraph) for e in events)
    if "who" not in given:
        facts.extend(Fact("who", ", ".join(e.who), e.paragraph) for e in events if e.who)
    if not given & set(RELATION_KEYS):
        facts.extend(relation_facts(parsed.paragraphs, people))
    return facts
