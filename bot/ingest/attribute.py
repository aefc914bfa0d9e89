"""Quotes and paraphrase: find them in the paragraphs and say who spoke, or admit we can't.

The walk goes through the article once, in order, keeping a short history of who was last
quoted or last the subject of a sentence, so "he said" can be resolved the way a reader
would. Every rule prefers leaving a quote unattributed to guessing: a wrong name is worse
than none.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.ingest.people import Mention, PeopleIndex, discover_people
from bot.ingest.text import Segment, find_segments, sentence_spans
from bot.ingest.text import masked as masked_text
from bot.models import Quote, QuoteKind, ReportedStatement

__all__ = [
    "DEFAULT_SETTING",
    "Defaults",
    "Speech",
    "discover_people",
    "extract_quotes",
    "extract_reported",
    "extract_speech",
]

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    """Read a whitespace-separated word list (long lists stay readable as prose)."""
    return frozenset(text.split())


DEFAULT_SETTING = "remarks"

_SPEECH = (
    r"said|says|say|added|adds|wrote|writes|told|tells|explained|explains|continued|insisted|"
    r"insists|admitted|admits|claimed|claims|stated|posted|tweeted|reflected|joked|jokes|"
    r"conceded|concedes|revealed|noted|remarked|replied|responded|answered|asked|warned|argued|"
    r"declared|acknowledged|confessed|commented|recalled|shouted|radioed|complained|vowed|"
    r"reckoned|reckons|suggested|laughed|concluded|enthused|fumed|quipped|lamented|stressed|"
    r"maintained|urged|mused|cautioned|predicted|agreed|observed|pointed out|went on|"
    r"insisted|explained|reiterated|admitted|confirmed|announced|messaged|texted|grinned|"
    r"smiled|sighed|beamed|groaned|barked|yelled|screamed|cried"
)
_SPEECH_PRE = _SPEECH + r"|adding|saying|writing|explaining|insisting|telling|noting|posting"
_ADVERB = r"(?:(?:later|also|then|simply|just|had|has|have|would|once|again|\w+ly)\s+)"
_PUNCT = r"^[\s,.!?…—–-]*"
_SUBJ = r"(?P<subj>[^,.;:!?\"“”]{1,80}?)"
_POST_SUBJECT_FIRST = re.compile(rf"{_PUNCT}{_SUBJ}\s+{_ADVERB}{{0,2}}(?P<verb>{_SPEECH})\b")
_POST_VERB_FIRST = re.compile(rf"{_PUNCT}(?P<verb>{_SPEECH})\s+(?P<subj>[^,.;:!?\"“”]{{1,80}})")
_ACCORDING = re.compile(r"^[\s,.!?…—–-]*according\s+to\s+(?P<subj>[^,.;:!?\"“”]{1,80})", re.I)
_PRE_VERB = re.compile(rf"\b(?P<verb>{_SPEECH_PRE})\b")
_PRE_ACCORDING = re.compile(r"according\s+to\s+(?P<subj>[^,.;:!?\"“”]{1,80}),\s*$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+$", re.I)
_CLAUSE_WORDS = _words(
    "while whilst and but as when after before because although though whereas since who "
    "which that if where once until unless so"
)
_CLAUSE_BOUNDARY = re.compile(
    r"\s+while\s+|\s+whilst\s+|\s+whereas\s+|;\s+|,\s+but\s+|\s+but\s+|,?\s+although\s+"
)
_WRITE_VERBS = frozenset({"wrote", "writes", "posted", "tweeted", "writing", "posting"})
_SOCIAL = re.compile(
    r"\b(?:instagram|twitter|facebook|tiktok|threads|social[ -]media|on x|x account)\b", re.I
)
_REPORTERS = re.compile(
    r"\b(?:told|telling|speaking to|said to)\s+(?:the\s+)?(?:reporters|journalists|media|press"
    r"|assembled media)\b|\bpress conference\b|\bmedia (?:session|pen|day)\b|\bpress briefing\b",
    re.I,
)
_OUTLET = re.compile(
    r"\b(?:told|telling|speaking to|spoke to|in an interview with|interview with|said to)\s+"
    r"(?:the\s+)?(?P<outlet>[A-Z][\w.&'’+-]*(?:\s+(?:[A-Z][\w.&'’+-]*|F1|\d+))*)"
)
_RADIO = re.compile(r"\bteam radio\b|\bover the radio\b|\bon the radio\b|\bradioed\b", re.I)
_STATEMENT = re.compile(r"\bin a (?:team )?statement\b|\bstatement (?:released|issued)\b", re.I)


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the annotation says the text cannot: the usual setting of spoken remarks."""

    spoken_setting: str | None = None


Status = Literal["none", "person", "blocked"]


@dataclass(frozen=True, slots=True)
class _Attribution:
    status: Status
    speaker: str | None = None
    verb: str | None = None


#: A reporter's epithet for someone already named: "the Mexican", "the 23-year-old", "the
#: Ferrari driver". Resolved only when the paragraph names exactly one person, which is how
#: such a back-reference reads; otherwise the quote stays unattributed.
_EPITHET = re.compile(
    r"the\s+(?:[A-Z][a-z]+(?:man|woman)?|\d{1,2}-year-old"
    r"|(?:[A-Z][\w-]*\s+){0,2}(?:driver|star|boss|rookie|champion|veteran|youngster|principal))"
)

_NONE = _Attribution("none")
_BLOCKED = _Attribution("blocked")


@dataclass
class _Statement:
    number: int
    speaker: str | None
    setting: str
    parts: list[tuple[int, Segment, QuoteKind]] = field(default_factory=list)
    attributed: bool = False


@dataclass
class _Walk:
    paragraphs: Sequence[str]
    people: PeopleIndex
    defaults: Defaults
    history: list[str | None] = field(default_factory=list)
    statements: list[_Statement] = field(default_factory=list)
    reported: list[ReportedStatement] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)
    _settings: dict[tuple[int, int, int, str | None], str] = field(default_factory=dict)
    #: Epithets resolved to one person ("the Mexican" -> Sergio Perez); None once an epithet
    #: has meant two different people, so it is never offered as an alias.
    epithets: dict[str, str | None] = field(default_factory=dict)

    def _learn_epithet(self, epithet: str, person: str | None) -> None:
        key = epithet[:1].lower() + epithet[1:]  # "The Mexican" opening a sentence
        if key in self.epithets and self.epithets[key] != person:
            self.epithets[key] = None
        else:
            self.epithets[key] = person

    # -- the walk -------------------------------------------------------------------------

    def run(self) -> None:
        open_statement: _Statement | None = None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            segments = find_segments(paragraph)
            masked = masked_text(paragraph)
            self.masked.append(masked)
            mentions = self.people.mentions(masked)
            sentences = sentence_spans(masked)
            continuing = (
                open_statement
                if open_statement is not None
                and segments
                and paragraph[: segments[0].open_mark].strip() == ""
                and paragraph.lstrip()[:1] == paragraph[segments[0].open_mark]
                else None
            )
            open_statement = None
            previous: tuple[_Statement, QuoteKind, int] | None = None
            # Segments and sentences are both in text order: one pointer walks the segments,
            # so a paragraph of thousands of quotes stays linear.
            cursor = 0
            for s_index, (a, b) in enumerate(sentences):
                while cursor < len(segments) and segments[cursor].open_mark < a:
                    cursor += 1
                first = cursor
                while cursor < len(segments) and segments[cursor].open_mark < b:
                    cursor += 1
                in_sentence = segments[first:cursor]
                for j, seg in enumerate(in_sentence, start=first):
                    kind, attribution = self._attribute(number, masked, mentions, segments, j, a, b)
                    setting = self._setting(number, masked, a, b, attribution.verb)
                    statement: _Statement
                    if continuing is not None and j == 0:
                        statement = continuing
                        kind = "direct"
                        if not statement.attributed and attribution.status == "person":
                            statement.speaker = attribution.speaker
                            statement.setting = setting
                            statement.attributed = True
                    elif (
                        previous is not None
                        and kind == "direct"
                        and previous[1] == "direct"
                        and self._joins(previous, attribution, s_index)
                    ):
                        statement = previous[0]
                    else:
                        statement = self._new_statement(attribution, setting)
                    statement.parts.append((number, seg, kind))
                    previous = (statement, kind, s_index)
                    if attribution.status == "person":
                        self.history.append(attribution.speaker)
                    if seg.close_mark is None and seg is segments[-1] and kind == "direct":
                        open_statement = statement
                self._note_subject(mentions, masked, a, b)
                if not in_sentence:
                    self._reported(number, paragraph, masked, mentions, a, b)

    def _new_statement(self, attribution: _Attribution, setting: str) -> _Statement:
        statement = _Statement(
            number=len(self.statements) + 1,
            speaker=attribution.speaker if attribution.status == "person" else None,
            setting=setting,
            attributed=attribution.status != "none",
        )
        self.statements.append(statement)
        return statement

    @staticmethod
    def _joins(
        previous: tuple[_Statement, QuoteKind, int], attribution: _Attribution, s_index: int
    ) -> bool:
        statement, _kind, prev_sentence = previous
        if attribution.status == "person":
            return attribution.speaker == statement.speaker
        if attribution.status == "blocked":
            return False
        # No attribution of its own: it continues only when nothing but the previous
        # quote's attribution sentence stands between them.
        return s_index <= prev_sentence + 1

    # -- attribution ----------------------------------------------------------------------

    def _attribute(
        self,
        paragraph: int,
        masked: str,
        mentions: list[Mention],
        segments: list[Segment],
        j: int,
        a: int,
        b: int,
    ) -> tuple[QuoteKind, _Attribution]:
        seg = segments[j]
        pre_start = max(a, segments[j - 1].span_end if j > 0 else 0)
        pre = masked[pre_start : seg.open_mark]
        post_end = min(b, segments[j + 1].open_mark if j + 1 < len(segments) else b)
        post_start = seg.span_end

        pre_attr = self._pre(masked, mentions, pre_start, seg.open_mark)
        at_start = pre.strip() == ""
        intro = pre.rstrip().endswith(":") or (
            pre_attr.status != "none" and pre.rstrip()[-1:] in {",", ":"}
        )
        bare_verb = re.search(rf"\b(?:{_SPEECH_PRE})\s*$", pre) is not None
        kind: QuoteKind = "direct" if at_start or intro or bare_verb else "partial"

        post_attr = self._post(masked, mentions, post_start, post_end)
        if post_attr.status != "none":
            return kind, post_attr
        if kind == "direct" and pre_attr.status != "none":
            return kind, pre_attr
        if kind == "partial":
            return kind, self._clause_subject(masked, mentions, a, b, seg.open_mark)
        return kind, _NONE

    def _speaker_of(self, mention: Mention) -> _Attribution:
        if mention.kind == "pronoun":
            name = self._resolve_pronoun(mention.pronoun or "")
            return _Attribution("person", name) if name else _BLOCKED
        if mention.person is None:
            return _BLOCKED
        return _Attribution("person", mention.person)

    def _post(self, masked: str, mentions: list[Mention], start: int, end: int) -> _Attribution:
        text = masked[start:end]
        m = _ACCORDING.match(text)
        if m:
            return self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
        m = _POST_SUBJECT_FIRST.match(text)
        if m:
            subj = m.group("subj")
            words = subj.split()
            if len(words) <= 8 and not any(w.lower() in _CLAUSE_WORDS for w in words):
                s0, s1 = start + m.start("subj"), start + m.end("subj")
                inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
                found = _BLOCKED
                if inside and inside[-1].end == s1 and not inside[-1].possessive:
                    found = self._speaker_of(inside[-1])
                if found.status == "blocked" and _EPITHET.fullmatch(subj.strip()):
                    named = {x.person for x in mentions if x.kind != "pronoun" and x.person}
                    if len(named) == 1:
                        found = _Attribution("person", named.pop())
                        self._learn_epithet(subj.strip(), found.speaker)
                return _Attribution(found.status, found.speaker, m.group("verb"))
        m = _POST_VERB_FIRST.match(text)
        if m:
            found = self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
            if found.status == "none":
                found = _BLOCKED
            return _Attribution(found.status, found.speaker, m.group("verb"))
        return _NONE

    def _first_in(self, mentions: list[Mention], s0: int, s1: int) -> _Attribution:
        inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
        if not inside:
            return _NONE
        return self._speaker_of(inside[0]) if inside[0].subject_like else _BLOCKED

    def _pre(self, masked: str, mentions: list[Mention], start: int, end: int) -> _Attribution:
        pre = masked[start:end]
        m = _PRE_ACCORDING.search(pre)
        if m:
            return self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
        for verb in reversed(list(_PRE_VERB.finditer(pre))):
            tail = pre[verb.end() :]
            if not (re.fullmatch(r"[^\"“”]{0,60}[:,]\s*", tail) or tail.strip() == ""):
                continue
            if _PASSIVE.search(pre[: verb.start()]):
                return _Attribution("blocked", None, verb.group("verb"))
            clause_start = start
            for boundary in _CLAUSE_BOUNDARY.finditer(pre[: verb.start()]):
                clause_start = start + boundary.end()
            before = [
                x
                for x in mentions
                if clause_start <= x.start and x.end <= start + verb.start() and x.subject_like
            ]
            if before:
                found = self._speaker_of(before[-1])
            else:
                found = self._first_in(mentions, start + verb.end(), end)
                if found.status == "none":
                    found = _BLOCKED
            return _Attribution(found.status, found.speaker, verb.group("verb"))
        if pre.rstrip().endswith(":"):
            found = self._clause_subject(masked, mentions, start, end, end)
            return found if found.status != "none" else _NONE
        return _NONE

    def _clause_subject(
        self, masked: str, mentions: list[Mention], a: int, b: int, at: int
    ) -> _Attribution:
        clause_start, clause_end = a, b
        for boundary in _CLAUSE_BOUNDARY.finditer(masked, a, b):
            if boundary.end() <= at:
                clause_start = boundary.end()
            elif boundary.start() >= at:
                clause_end = boundary.start()
                break
        for mention in mentions:
            if clause_start <= mention.start and mention.end <= clause_end and mention.subject_like:
                return self._speaker_of(mention)
        return _NONE

    # -- who "he" is ----------------------------------------------------------------------

    def _resolve_pronoun(self, pronoun: str) -> str | None:
        for name in reversed(self.history[-6:]):
            if name is None:
                return None
            person = self.people.get(name)
            known = person.pronoun if person else None
            if known == pronoun or (known is None and pronoun != "they"):
                return name
        return None

    def _note_subject(self, mentions: list[Mention], masked: str, a: int, b: int) -> None:
        for mention in mentions:
            if a <= mention.start < b and mention.subject_like:
                if mention.kind == "pronoun":
                    name = self._resolve_pronoun(mention.pronoun or "")
                    if name is not None:
                        self.history.append(name)
                else:
                    self.history.append(mention.person)
                return

    # -- settings -------------------------------------------------------------------------

    def _setting(self, paragraph: int, masked: str, a: int, b: int, verb: str | None) -> str:
        # Every quote of one sentence shares its setting: work it out once per sentence, or a
        # paragraph of many short quotes costs quadratic time.
        key = (paragraph, a, b, verb)
        if key not in self._settings:
            self._settings[key] = self._setting_of(paragraph, masked, a, b, verb)
        return self._settings[key]

    def _setting_of(self, paragraph: int, masked: str, a: int, b: int, verb: str | None) -> str:
        sentence = masked[a:b]
        original = self.paragraphs[paragraph - 1][a:b]
        context = " ".join(self.masked[max(0, paragraph - 3) : paragraph])
        lowered = sentence.lower()
        if "comment" in lowered and _SOCIAL.search(sentence):
            return "Instagram comment" if "instagram" in lowered else "social media comment"
        if verb in _WRITE_VERBS or _SOCIAL.search(sentence):
            if (
                _SOCIAL.search(sentence)
                or _SOCIAL.search(context)
                or re.search(r"\bpost\b", context)
            ):
                return "social media post"
            if "column" in lowered:
                return "column"
            return "written statement"
        if _RADIO.search(sentence):
            return "team radio"
        if _REPORTERS.search(sentence):
            return "remarks to reporters"
        outlet = _OUTLET.search(original)
        if outlet is not None:
            name = outlet.group("outlet").rstrip(".'’-")
            if self.people.resolve(name) is None and not self.people.mentions(name):
                return f"interview with {name}"
        if _STATEMENT.search(sentence):
            return "statement"
        return self.defaults.spoken_setting or DEFAULT_SETTING

    # -- reported speech ------------------------------------------------------------------

    def _reported(
        self,
        number: int,
        paragraph: str,
        masked: str,
        mentions: list[Mention],
        a: int,
        b: int,
    ) -> None:
        if any(ch in '"“”„«»' for ch in paragraph[a:b]):
            return
        for verb in _REPORT_VERB.finditer(masked, a, b):
            before = [x for x in mentions if a <= x.start and x.end <= verb.start()]
            if not before:
                continue
            subject = before[-1]
            if not subject.subject_like:
                continue
            if not re.fullmatch(rf"\s+{_ADVERB}*", masked[subject.end : verb.start()]):
                continue
            found = self._speaker_of(subject)
            if found.status != "person" or found.speaker is None:
                continue
            clause = _clause_after(paragraph, verb.end(), b, told=verb.group(0) == "told")
            if clause is not None:
                self.reported.append(ReportedStatement(found.speaker, clause, number))
                return


_REPORT_VERB = re.compile(
    r"\b(?:said|says|insisted|insists|claimed|claims|argued|argues|believes|believed|admitted|"
    r"admits|added|explained|stressed|maintained|conceded|suggested|suggests|felt|feels|thinks|"
    r"thought|warned|revealed|acknowledged|confirmed|reckons|reckoned|noted|predicted|agreed|"
    r"accepted|hinted|indicated|told)\b"
)
_AUX = (
    r"was|is|were|are|had|has|have|would|could|should|will|can|might|must|did|does|do|may|"
    r"wasn't|isn't|weren't|hadn't|hasn't|wouldn't|couldn't|shouldn't|won't|can't|didn't|"
    r"doesn't|don't|needed|needs|deserved|deserves|made|felt|feels|lacked|lacks|went|got"
)
_BARE_CLAUSE = re.compile(
    r"(?:he|she|they|it|there|we|I|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"|(?:his|her|their|the|a|an|its)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    rf"\s+(?:{_AUX})\b"
)
_REPORT_CUT = re.compile(
    r",\s+but\s+|\s+but\s+|\s+while\s+|\s+whilst\s+|\s+whereas\s+|;\s+|,?\s+although\s+"
)


def _clause_after(paragraph: str, start: int, end: int, *, told: bool) -> str | None:
    """The that-clause after a reporting verb, cut at the next clause boundary."""
    tail = paragraph[start:end]
    if told:
        m = re.match(r"\s+(?:[\w'’.-]+\s+){1,4}?that\s+", tail)
        if m is None:
            return None
        body = tail[m.end() :]
    else:
        m = re.match(r"\s+that\s+", tail)
        body = tail[m.end() :] if m else tail.lstrip()
        if m is None and not _BARE_CLAUSE.match(body):
            return None
    cut = _REPORT_CUT.search(body)
    if cut:
        body = body[: cut.start()]
    body = body.strip().rstrip(".!?,;: ").strip()
    return body if len(body.split()) >= 3 else None


def _walk(paragraphs: Sequence[str], people: PeopleIndex, defaults: Defaults | None) -> _Walk:
    walk = _Walk(paragraphs, people, defaults or Defaults())
    walk.run()
    return walk


def extract_quotes(
    paragraphs: Sequence[str], people: PeopleIndex, defaults: Defaults | None = None
) -> list[Quote]:
    """Return every quotation with its speaker (None when unsure), kind and setting.

    A statement that runs over several quotations or paragraphs is several ``Quote`` parts
    sharing a ``statement`` number (from 1), with ``part`` counting from 0.
    """
    return _quotes(_walk(paragraphs, people, defaults), paragraphs)


@dataclass(frozen=True, slots=True)
class Speech:
    """Everything one walk through an article finds."""

    quotes: list[Quote]
    reported: list[ReportedStatement]
    #: Epithets the text used for exactly one named person: aliases learned from the text.
    epithets: dict[str, str]


def extract_speech(
    paragraphs: Sequence[str], people: PeopleIndex, defaults: Defaults | None = None
) -> Speech:
    """Return what :func:`extract_quotes` and :func:`extract_reported` do, from one walk.

    Both come out of the same walk through the article; ingesting walks once, not twice.
    """
    walk = _walk(paragraphs, people, defaults)
    learned = {epithet: name for epithet, name in walk.epithets.items() if name is not None}
    return Speech(_quotes(walk, paragraphs), list(walk.reported), learned)


def _quotes(walk: _Walk, paragraphs: Sequence[str]) -> list[Quote]:
    placed: list[tuple[int, int, Quote]] = []
    for statement in walk.statements:
        for part, (paragraph, seg, kind) in enumerate(statement.parts):
            quote = Quote(
                speaker=statement.speaker,
                text=paragraphs[paragraph - 1][seg.start : seg.end],
                kind=kind,
                setting=statement.setting,
                paragraph=paragraph,
                statement=statement.number,
                part=part,
            )
            placed.append((paragraph, seg.start, quote))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [quote for _p, _s, quote in placed]


def extract_reported(
    paragraphs: Sequence[str], people: PeopleIndex, defaults: Defaults | None = None
) -> list[ReportedStatement]:
    """Return paraphrased statements: a named subject, a reporting verb and a that-clause."""
    return list(_walk(paragraphs, people, defaults).reported)
