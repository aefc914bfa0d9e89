"""Quotes and paraphrase: find them in the paragraphs and say who spoke, or admit we can't.

The walk goes through the article once, in order, keeping a short history of who was last
quoted or last the subject of a sentence, so "he said" can be resolved the way a reader
would. Every rule prefers leaving a quote unattributed to guessing: a wrong name is worse
than none.

Attribution has two stages, after CoreNLP's quote attribution (Muzny et al., 2017). Stage one
links a quote to a mention through ordered sieves, the most precise first, each deciding or
passing: a transcript label, a tag after the quote, a tag before it, a tag set off inside the
sentence, the subject of the reported speech around a partial quote, a dash credit, and
(after the walk) a follow-on paragraph. Stage two links the mention to a person: a name
directly, a pronoun through the history, an epithet or nickname through the article's own
words and the register (``bot.ingest.resolve``). Each decision keeps its cue (the sieve and
its words) and the cue's paragraph, which ``pitwall ingest --explain`` prints.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from bot.ingest.people import (
    Appositive,
    Mention,
    PeopleIndex,
    discover_people,
    find_appositives,
)
from bot.ingest.resolve import Describer, default_register
from bot.ingest.text import Needled, Segment, article_style, find_segments, sentence_spans
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
    r"smiled|sighed|beamed|groaned|barked|yelled|screamed|cried|shot back|hit back|fired back|"
    r"countered|retorted|snapped|interjected|chipped in|offered|teased|deadpanned"
)
_SPEECH_PRE = _SPEECH + r"|adding|saying|writing|explaining|insisting|telling|noting|posting"
_ADVERB = r"(?:(?:later|also|then|simply|just|had|has|have|would|once|again|\w+ly)\s+)"
_PUNCT = r"^[\s,.!?…—–-]*"
_SUBJ = r"(?P<subj>[^,.;:!?\"“”]{1,80}?)"
_POST_SUBJECT_FIRST = re.compile(rf"{_PUNCT}{_SUBJ}\s+{_ADVERB}{{0,2}}(?P<verb>{_SPEECH})\b")
_POST_VERB_FIRST = re.compile(rf"{_PUNCT}(?P<verb>{_SPEECH})\s+(?P<subj>[^,.;:!?\"“”]{{1,80}})")
_ACCORDING = re.compile(r"^[\s,.!?…—–-]*according\s+to\s+(?P<subj>[^,.;:!?\"“”]{1,80})", re.I)
#: "“Hard but fair,” was the Brazilian's verdict": the quote is the named person's words.
_POST_VERDICT = re.compile(
    r"^[\s,.!?…—–-]*(?:was|came)\s+(?P<subj>(?:the\s+)?(?:\d{1,2}-year-old|[A-Z][\w-]*)"
    r"(?:\s+[A-Z][\w-]*){0,3})['’]s?\s+(?P<verb>verdict|view|assessment|take|response|reply|"
    r"answer|reaction|summary|explanation|message|defence|defense|warning|promise|excuse)\b"
)
_PRE_VERB = re.compile(rf"\b(?P<verb>{_SPEECH_PRE})\b")
#: A speech verb ending the narration before a quote ("..., adding").
_BARE_VERB = re.compile(rf"\b(?:{_SPEECH_PRE})\s*$")
_LONGEST_VERB = max(len(verb) for verb in _SPEECH_PRE.split("|"))
_TAG_TAIL = re.compile(r"[^\"“”]{0,60}[:,]\s*")
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
_SOCIAL = Needled(
    re.compile(
        r"\b(?:instagram|twitter|facebook|tiktok|threads|social[ -]media|on x|x account)\b", re.I
    ),
    ("instagram", "twitter", "facebook", "tiktok", "threads", "social", "on x", "x account"),
)
_POST = re.compile(r"\bpost\b")
_REPORTERS = Needled(
    re.compile(
        r"\b(?:told|telling|speaking to|said to)\s+(?:the\s+)?(?:reporters|journalists|media|press"
        r"|assembled media)\b|\bpress conference\b|\bmedia (?:session|pen|day)\b"
        r"|\bpress briefing\b",
        re.I,
    ),
    ("told", "telling", "speaking to", "said to", "press", "media"),
)
_OUTLET = re.compile(
    r"\b(?:told|telling|speaking to|spoke to|in an interview with|interview with|said to)\s+"
    r"(?:the\s+)?(?P<outlet>[A-Z][\w.&'’+-]*(?:\s+(?:[A-Z][\w.&'’+-]*|F1|\d+))*)"
)
#: A word every ``_OUTLET`` match holds (case-sensitive, as it is): most sentences have none.
_OUTLET_WORDS = re.compile(r"told|telling|speaking|spoke|interview|said")
_RADIO = Needled(
    re.compile(r"\bteam radio\b|\bover the radio\b|\bon the radio\b|\bradioed\b", re.I),
    ("radio",),
)
_STATEMENT = Needled(
    re.compile(r"\bin a (?:team )?statement\b|\bstatement (?:released|issued)\b", re.I),
    ("statement",),
)


#: A clause that starts with a verb shares the subject of the clause before it.
_SUBJECTLESS = re.compile(r"(?:and\s+|but\s+)?(?:also\s+|then\s+)?[a-z]+(?:ed|s)\b(?<!\bhis)")
#: A leading subordinate clause, up to its comma.
_SUBORDINATE = re.compile(
    r"\s*(?:As|When|After|Before|While|Whilst|Although|Though|If|Because|Since|Once|Until|"
    r"With|Despite|Asked|Speaking|Having)\b[^,\"“”]*,\s*"
)
#: "Norris and Piastri ...": a coordinated subject.
_COORDINATED = re.compile(r"(?:['’]s?)?\s+(?:and|&)\s+[A-Z]")
#: A subject followed by a speech verb: the narration has them saying something.
_SPEAKS = re.compile(rf"\s+{_ADVERB}{{0,2}}(?:{_SPEECH}|believes|believed|feels|felt|thinks)\b")
#: Capitalised words that open a tag's subject but are never nicknames.
_NOT_NICKNAMES = _words(
    "He She They It We I The A An This That His Her Their Its One Another Somebody Someone "
    "Everybody Everyone Nobody"
)


def _only_quotes(paragraph: str, segments: Sequence[Segment]) -> bool:
    """Whether a paragraph is quotation and nothing else (no narration, no tag)."""
    last = 0
    for seg in segments:
        if _ALNUM.search(paragraph, last, seg.open_mark):
            return False
        last = seg.span_end
    return not _ALNUM.search(paragraph, last)


#: ``[^\W_]``: a character ``str.isalnum`` accepts.
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Defaults:
    """What the annotation says the text cannot: the usual setting of spoken remarks."""

    spoken_setting: str | None = None


Status = Literal["none", "person", "blocked"]


@dataclass(frozen=True, slots=True)
class _Attribution:
    """One sieve's decision: a person, or blocked (someone the text leaves unnamed), or none.

    ``cue`` says which sieve decided and on what words; ``cue_paragraph`` where they stand.
    ``label`` is a transcript label naming a role or team rather than a person.
    """

    status: Status
    speaker: str | None = None
    verb: str | None = None
    cue: str | None = None
    cue_paragraph: int | None = None
    label: str | None = None


#: A reporter's epithet for someone already named: "the Mexican", "the 23-year-old", "the
#: Ferrari driver". Resolved only when the paragraph names exactly one person, which is how
#: such a back-reference reads; otherwise the quote stays unattributed.
_EPITHET = re.compile(
    r"the\s+(?:[A-Z][a-z]+(?:man|woman)?|\d{1,2}-year-old"
    r"|(?:[A-Z][\w-]*\s+){0,2}(?:driver|star|boss|rookie|champion|veteran|youngster|principal))"
)

#: A nickname as a tag's subject: "Checo", "Danny Ric", "the Honey Badger", "El Diablo".
_NICKNAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|of|the)){0,3}")

#: An organisation as a tag's subject: what may come before and after its name.
_ORG_DETERMINER = re.compile(r"(?:([Tt]he)|[Aa]n?|[Oo]ne)\s+")
_ORG_VOICE = re.compile(
    r"(?:['’]s)?\s+(?:spokes(?:person|man|woman)|press\s+office|representative|"
    r"(?:team\s+|official\s+|written\s+)?statement)$"
)
#: "Red Bull in a statement", "the stewards later": words after the name, cut off.
_ORG_TAIL = re.compile(
    r"\s+(?:in|on|via|through|after|before|late|later|earlier|shortly|then|also|had|have|has)"
    r"\b.*$"
)


def _org_name(group: str) -> str:
    """A team's or body's name as a regex group: capitalised words, or "the stewards"."""
    return (
        rf"(?P<{group}>(?:[Tt]he\s+)?(?:[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){{0,4}}|stewards))"
    )


_STATEMENT_NOUN = r"(?:team\s+|official\s+|written\s+|short\s+)?statement"
_STATEMENT_VERB = r"(?:read|reads|said|says|added|continued|went\s+on|stated)"
#: "a statement from the FIA": how a statement names whose it is.
_STATEMENT_FROM = r"(?:from|by|of|issued\s+by|released\s+by)"
#: "The stewards ruled": a body's decision, its words the body's.
_RULED = r"(?:ruled|decided|concluded|found|determined)"
#: "“...,” McLaren's statement read", "“...,” read a statement from the FIA", "“...,” the
#: stewards ruled": the words are an organisation's, said in its statement or decision.
_POST_STATEMENT = re.compile(
    rf"^[\s,.!?…—–-]*(?:{_org_name('subj')}['’]s?\s+{_STATEMENT_NOUN}\s+{_STATEMENT_VERB}"
    rf"|{_STATEMENT_VERB}\s+(?:the|a|an)\s+{_STATEMENT_NOUN}\s+{_STATEMENT_FROM}\s+"
    rf"{_org_name('by')}"
    rf"|{_org_name('body')}\s+{_RULED})\b"
)
#: "McLaren's statement read:", "A statement from the FIA said:", "The stewards ruled:".
_PRE_STATEMENT = re.compile(
    rf"(?:{_org_name('subj')}['’]s?\s+{_STATEMENT_NOUN}(?:\s+\w+){{0,3}}?\s+{_STATEMENT_VERB}"
    rf"|(?:[Tt]he|[Aa]n?)\s+{_STATEMENT_NOUN}\s+{_STATEMENT_FROM}\s+"
    rf"{_org_name('by')}(?:\s+\w+){{0,3}}?\s+{_STATEMENT_VERB}"
    rf"|{_org_name('body')}\s+{_RULED}(?:\s+that)?)"
    r"(?:\s+(?:in\s+part|simply|only))?\s*[:,]\s*$"
)

_BARE_STATEMENT = (
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:team['’]s\s+|short\s+|written\s+)?statement\s+"
    rf"{_STATEMENT_VERB}"
)
#: "“...,” the statement read": whose, the sentences before must tell.
_POST_BARE_STATEMENT = re.compile(rf"^[\s,.!?…—–-]*{_BARE_STATEMENT}\b")
_PRE_BARE_STATEMENT = re.compile(rf"\b{_BARE_STATEMENT}(?:\s+\w+){{0,2}}?\s*[:,]\s*$")
#: A clause whose subject is an organisation and whose verb says something ("Red Bull
#: called the penalty", "the stewards described the move as").
_ORG_CLAUSE = re.compile(
    rf"\s*{_org_name('org')}"
    r"\s+(?:\w+ly\s+)?(?:said|says|called|calls|described|describes|labelled|labeled|"
    r"branded|termed|deemed|insisted|admitted|confirmed|stated|declared|promised|vowed|"
    r"added|wrote|ruled|explained|blamed)\b"
)
#: Capitalised words that may name an organisation ("Toyota's", "the Ducati Lenovo Team").
_CAPITALISED_RUN = re.compile(r"(?:\b[Tt]he\s+)?\b[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){0,4}")

#: Roles no register or article fact can confirm or contradict ("the veteran").
_ROLE_EPITHET = re.compile(
    r"[Tt]he\s+(?:veteran|youngster|rookie|teenager|racer|rider|driver|star)", re.I
)

#: The pronoun continues its sentence's subject: "a tyre that he said", "and he added".
_PRONOUN_LEAD = re.compile(r"\b(?:that|which|and|but)\s+$")


def _voice_of(statement: _Statement | None) -> str | None:
    """The organisation a statement is labelled with (its words), or None."""
    if statement is None or statement.speaker is not None or not statement.label:
        return None
    return statement.label if 'organisation "' in (statement.cue or "") else None


_NONE = _Attribution("none")
_BLOCKED = _Attribution("blocked")


@dataclass
class _Statement:
    number: int
    speaker: str | None
    setting: str
    parts: list[tuple[int, Segment, QuoteKind]] = field(default_factory=list)
    attributed: bool = False
    cue: str | None = None
    cue_paragraph: int | None = None
    label: str | None = None

    def decide(self, attribution: _Attribution) -> None:
        """Take a sieve's decision (the speaker, or the reason there is none)."""
        self.speaker = attribution.speaker if attribution.status == "person" else None
        self.attributed = attribution.status != "none"
        self.cue = attribution.cue
        self.cue_paragraph = attribution.cue_paragraph
        self.label = attribution.label


# -- transcripts -------------------------------------------------------------------------

#: A transcript line: a short label, a colon, then the words ("Alonso: ...", "Race engineer:
#: ...", "Q: ...", "Driver to team: ..."). Lower-case words are allowed only from the small
#: vocabulary of roles, so "Verstappen said: ..." is a tag, not a label.
_LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|to|the|of|and|race|team|engineer|"
    r"principal|boss|wall|manager|chief|director|radio|strategist|spokesperson|owner|crew|"
    r"spotter|driver|rider|pit|performance))*?)\s*:\s+(?=\S)"
)
_QUESTION = frozenset({"q", "question", "interviewer"})
_ANSWER = frozenset({"a", "answer"})
_LABEL_ROLES = re.compile(
    r"\b(engineer|principal|boss|manager|chief|director|strategist|spokesperson|owner|"
    r"spotter|crew chief)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Label:
    """A transcript line's label and where its words start."""

    text: str
    end: int
    quoted: bool

    @property
    def question(self) -> bool:
        return self.text.casefold() in _QUESTION

    @property
    def answer(self) -> bool:
        return self.text.casefold() in _ANSWER


def _transcript_label(paragraph: str, *, interview: bool = False) -> _Label | None:
    """The label opening a transcript line, or None.

    Unquoted words after a label are speech only for Q and A, or, in an interview that has
    Q lines (``interview``), after any label (``VETTEL: Strange...``).
    """
    m = _LABEL.match(paragraph)
    if m is None:
        return None
    label = m.group("label")
    if len(label.split()) > 5:
        return None
    rest = paragraph[m.end() :]
    quoted = rest[:1] in "\"“‘'`" or rest[:2] == "''"
    if not quoted and not interview and label.casefold() not in _QUESTION | _ANSWER:
        return None
    return _Label(label, m.end(), quoted)


#: A credit after a dash at the end of a standfirst or pull quote: `... "misjudgement" – Kowalski`.
_DASH_CREDIT = re.compile(
    r"\s[–—-]{1,2}\s*(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\.?\s*$"
)
#: A tag set off inside the sentence: `Vettel, he added, had driven "a perfect race"`.
_PARENTHETICAL = re.compile(
    rf",\s+(?P<subj>[^,.;:!?\"“”]{{1,40}}?)\s+{_ADVERB}{{0,2}}(?P<verb>{_SPEECH}),"
)


@dataclass
class _Paragraph:
    """What the follow-on sieve needs to know about a paragraph once the walk has read it."""

    kind: Literal["narrative", "quotes", "transcript"] = "narrative"
    #: The paragraph holds quotations and nothing but quotations (no narration at all).
    quote_only: bool = False
    #: The first subject the paragraph's narration names (a person, or None).
    subject: str | None = None
    has_subject: bool = False
    #: People the narration has saying something ("Krack said both incidents...").
    speaking: set[str] = field(default_factory=set)


@dataclass
class _Walk:
    paragraphs: Sequence[str]
    people: PeopleIndex
    defaults: Defaults
    published: date | None = None
    #: The article's descriptors of its people, when the caller has them already.
    appositives: Sequence[Appositive] | None = None
    history: list[str | None] = field(default_factory=list)
    statements: list[_Statement] = field(default_factory=list)
    reported: list[ReportedStatement] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)
    info: list[_Paragraph] = field(default_factory=list)
    style: str = "auto"
    _settings: dict[tuple[int, int, int, str | None], str] = field(default_factory=dict)
    #: Epithets resolved to one person ("the Mexican" -> Sergio Perez); None once an epithet
    #: has meant two different people, so it is never offered as an alias.
    epithets: dict[str, str | None] = field(default_factory=dict)
    #: People a nickname named whom the article never names in full ("Checo").
    nicknamed: dict[str, str] = field(default_factory=dict)
    _describer: Describer | None = field(default=None, repr=False)
    _labels: dict[int, _Label] = field(default_factory=dict, repr=False)
    #: The sentence whose quote is being attributed (its words can make a tag a statement).
    _sentence_now: str = field(default="", repr=False)

    def _learn_epithet(self, epithet: str, person: str | None) -> None:
        key = epithet[:1].lower() + epithet[1:]  # "The Mexican" opening a sentence
        if key in self.epithets and self.epithets[key] != person:
            self.epithets[key] = None
        else:
            self.epithets[key] = person

    def _mask(self, paragraph: str) -> str:
        # masked(p) and masked(p, "auto") are separate cache entries: ask as people.py does.
        return masked_text(paragraph) if self.style == "auto" else masked_text(paragraph, "single")

    @property
    def describer(self) -> Describer:
        """The epithet and nickname resolver, built the first time an article needs one."""
        if self._describer is None:
            if self.appositives is None:
                self.appositives = find_appositives(self.paragraphs, self.people)
            self._describer = Describer(
                default_register(),
                self.published,
                self.people,
                self.appositives,
                [self._mask(p) for p in self.paragraphs],
            )
        return self._describer

    # -- the walk -------------------------------------------------------------------------

    def run(self) -> None:
        self.style = article_style(self.paragraphs)
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if paragraph[:1].isupper() and ":" in paragraph[:60]:
                label = _transcript_label(paragraph)
                if label is not None:
                    self._labels[number] = label
        if any(label.question for label in self._labels.values()):
            # An interview: "VETTEL: ..." answers too, when the label names someone.
            for number, paragraph in enumerate(self.paragraphs, start=1):
                if number in self._labels or ":" not in paragraph[:60]:
                    continue
                label = _transcript_label(paragraph, interview=True)
                if label is not None and self._label_person(label.text) is not None:
                    self._labels[number] = label
        open_statement: _Statement | None = None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            segments = find_segments(paragraph, self.style)
            masked = self._mask(paragraph)
            info = _Paragraph()
            label = self._labels.get(number)
            if label is not None and not label.quoted:
                self._unquoted_transcript(number, paragraph, label)
                info.kind = "transcript"
                open_statement = None
                if label.answer:  # the interviewee's words: no narration to read
                    self.masked.append(masked[: label.end] + " " * (len(masked) - label.end))
                    self.info.append(info)
                    continue
            self.masked.append(masked)
            self.info.append(info)
            if segments and info.kind == "narrative":
                info.kind = "transcript" if label is not None else "quotes"
                info.quote_only = _only_quotes(paragraph, segments)
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
                    if (
                        attribution.label
                        and setting not in _WRITTEN_SETTINGS
                        and (attribution.cue or "").find('organisation "') != -1
                    ):
                        setting = "statement"  # an organisation speaks in statements
                    statement: _Statement
                    if continuing is not None and j == 0:
                        statement = continuing
                        kind = "direct"
                        if not statement.attributed and attribution.status == "person":
                            statement.decide(attribution)
                            statement.setting = setting
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
                self._note_subject(mentions, masked, a, b, info)
                if not in_sentence:
                    self._reported(number, paragraph, masked, mentions, a, b)
        self._follow_on()

    def _new_statement(self, attribution: _Attribution, setting: str) -> _Statement:
        statement = _Statement(number=len(self.statements) + 1, speaker=None, setting=setting)
        statement.decide(attribution)
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

    # -- stage one: quote -> mention, as ordered sieves -----------------------------------

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
        self._sentence_now = masked[a:b]
        pre_start = max(a, segments[j - 1].span_end if j > 0 else 0)
        pre = masked[pre_start : seg.open_mark]
        post_end = min(b, segments[j + 1].open_mark if j + 1 < len(segments) else b)
        post_start = seg.span_end

        at_start = pre.strip() == ""
        label = self._labels.get(paragraph)
        if label is not None and label.quoted and j == 0 and seg.open_mark == label.end:
            return "direct", self._transcript(paragraph, label)

        pre_attr = self._pre(paragraph, masked, mentions, pre_start, seg.open_mark)
        intro = pre.rstrip().endswith(":") or (
            pre_attr.status != "none" and pre.rstrip()[-1:] in {",", ":"}
        )
        # Only the end of ``pre`` can hold the verb: search from there, not from its start.
        bare_verb = _BARE_VERB.search(pre, max(0, len(pre.rstrip()) - _LONGEST_VERB)) is not None
        kind: QuoteKind = "direct" if at_start or intro or bare_verb else "partial"

        # The sieves, most precise first: a tag after the quote, a tag before it, a tag set
        # off inside the sentence, the subject of the reported speech around a partial
        # quote, a dash credit closing the paragraph. The first that decides wins; the
        # follow-on sieve runs after the walk, on what is still undecided.
        post_attr = self._post(paragraph, masked, mentions, post_start, post_end)
        if post_attr.status != "none":
            return kind, post_attr
        if kind == "direct" and pre_attr.status != "none":
            return kind, pre_attr
        if kind == "partial":
            found = self._parenthetical(paragraph, masked, mentions, a, seg.open_mark)
            if found.status != "none":
                return kind, found
            found = self._clause_subject(paragraph, masked, mentions, a, b, seg.open_mark)
            if found.status != "none":
                return kind, found
        return kind, self._dash_credit(paragraph, masked)

    def _cued(self, found: _Attribution, sieve: str, words: str, paragraph: int) -> _Attribution:
        """Name the sieve and its words on a decision (and how the mention became a person)."""
        words = " ".join(words.split()).strip(" ,.;:!?—–-")
        cue = f'{sieve} "{words}"' if words else sieve
        if found.cue:
            cue = f"{cue}; {found.cue}"
        elif found.status == "blocked":
            cue = f"{cue}; names nobody the article identifies"
        return _Attribution(found.status, found.speaker, found.verb, cue, paragraph, found.label)

    def _post(
        self, paragraph: int, masked: str, mentions: list[Mention], start: int, end: int
    ) -> _Attribution:
        text = masked[start:end]
        m = _POST_STATEMENT.match(text)
        if m:
            subject = m.group("subj") or m.group("by") or m.group("body") or ""
            found = self._organisation(subject, "statement")
            if found is not None:
                return self._cued(found, "statement", m.group(0), paragraph)
        m = _POST_BARE_STATEMENT.match(text) if "tatement" in text else None
        if m:
            found = self._statement_owner(masked, start)
            if found is not None:
                return self._cued(found, "statement", m.group(0), paragraph)
        m = _ACCORDING.match(text)
        if m:
            found = self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
            return (
                self._cued(found, "tag", m.group(0), paragraph) if found.status != "none" else found
            )
        m = _POST_VERDICT.match(text)
        if m:
            s0, s1 = start + m.start("subj"), start + m.end("subj")
            inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
            if inside:
                found = self._speaker_of(inside[-1], masked, mentions)
            else:
                found = self._unmatched_subject(m.group("subj").strip(), mentions)
            return self._cued(found, "tag", m.group(0), paragraph)
        m = _POST_SUBJECT_FIRST.match(text)
        if m:
            subj = m.group("subj")
            words = subj.split()
            if len(words) <= 8 and not any(w.lower() in _CLAUSE_WORDS for w in words):
                s0, s1 = start + m.start("subj"), start + m.end("subj")
                inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
                found = _BLOCKED
                if inside and inside[-1].end == s1 and not inside[-1].possessive:
                    found = self._speaker_of(inside[-1], masked, mentions)
                elif not inside:
                    found = self._unmatched_subject(subj.strip(), mentions)
                found = _Attribution(
                    found.status, found.speaker, m.group("verb"), found.cue, label=found.label
                )
                return self._cued(found, "tag", m.group(0), paragraph)
        m = _POST_VERB_FIRST.match(text)
        if m:
            found = self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
            if found.status == "none":
                found = self._unmatched_subject(m.group("subj").strip(), mentions)
            found = _Attribution(
                found.status, found.speaker, m.group("verb"), found.cue, label=found.label
            )
            return self._cued(found, "tag", m.group(0), paragraph)
        return _NONE

    def _first_in(self, mentions: list[Mention], s0: int, s1: int) -> _Attribution:
        inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
        if not inside:
            return _NONE
        if not inside[0].subject_like:
            return _BLOCKED
        return self._speaker_of(inside[0], self.masked[-1] if self.masked else "", mentions)

    def _pre(
        self, paragraph: int, masked: str, mentions: list[Mention], start: int, end: int
    ) -> _Attribution:
        pre = masked[start:end]
        m = _PRE_STATEMENT.search(pre) if "tatement" in pre or "ruled" in pre else None
        if m:
            subject = m.group("subj") or m.group("by") or m.group("body") or ""
            found = self._organisation(subject, "statement")
            if found is not None:
                return self._cued(found, "statement", m.group(0), paragraph)
        m = _PRE_BARE_STATEMENT.search(pre) if "tatement" in pre else None
        if m:
            found = self._statement_owner(masked, start + m.start())
            if found is not None:
                return self._cued(found, "statement", m.group(0), paragraph)
        m = _PRE_ACCORDING.search(pre)
        if m:
            found = self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
            return (
                self._cued(found, "tag", m.group(0), paragraph) if found.status != "none" else found
            )
        for verb in reversed(list(_PRE_VERB.finditer(pre))):
            tail = pre[verb.end() :]
            if not (_TAG_TAIL.fullmatch(tail) or tail.strip() == ""):
                continue
            if _PASSIVE.search(pre[: verb.start()]):
                return _Attribution("blocked", None, verb.group("verb"), "passive tag", paragraph)
            clause_start = start
            for boundary in _CLAUSE_BOUNDARY.finditer(pre[: verb.start()]):
                clause_start = start + boundary.end()
            before = [
                x
                for x in mentions
                if clause_start <= x.start and x.end <= start + verb.start() and x.subject_like
            ]
            if before:
                found = self._speaker_of(before[-1], masked, mentions)
                words = masked[before[-1].start : start + verb.end()]
            else:
                found = self._first_in(mentions, start + verb.end(), end)
                words = masked[start + verb.start() : end]
                if found.status == "none":
                    subject = pre[: verb.start()].strip().split(",")[-1].strip()
                    found = self._organisation(subject, masked[start:end]) or self._nickname(
                        subject
                    )
            found = _Attribution(
                found.status, found.speaker, verb.group("verb"), found.cue, label=found.label
            )
            return self._cued(found, "tag", words, paragraph)
        if pre.rstrip().endswith(":"):
            found = self._clause_subject(paragraph, masked, mentions, start, end, end)
            return found if found.status != "none" else _NONE
        return _NONE

    def _parenthetical(
        self, paragraph: int, masked: str, mentions: list[Mention], a: int, at: int
    ) -> _Attribution:
        """`Vettel, he added, had driven "a perfect race"`: the words are the tag's subject's."""
        for m in _PARENTHETICAL.finditer(masked, a, at):
            s0, s1 = m.start("subj"), m.end("subj")
            inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
            if len(inside) == 1 and inside[0].end == s1 and inside[0].subject_like:
                found = self._speaker_of(inside[0], masked, mentions)
                return self._cued(found, "tag set off in the sentence", m.group(0), paragraph)
        return _NONE

    def _clause_subject(
        self, paragraph: int, masked: str, mentions: list[Mention], a: int, b: int, at: int
    ) -> _Attribution:
        clause_start, clause_end = a, b
        starts = [a]
        for boundary in _CLAUSE_BOUNDARY.finditer(masked, a, b):
            if boundary.end() <= at:
                clause_start = boundary.end()
                starts.append(clause_start)
            elif boundary.start() >= at:
                clause_end = boundary.start()
                break
        # A clause with no subject of its own shares the one before it: "Cindric called the
        # win "a reward" but warned that the team would not "get carried away"".
        while len(starts) > 1 and _SUBJECTLESS.match(masked, starts[-1]):
            starts.pop()
        clause_start = starts[-1]
        # "As Leclerc lifted the trophy, the crowd chanted "...": a leading subordinate
        # clause never holds the subject of the words that follow it.
        lead = _SUBORDINATE.match(masked, clause_start)
        if lead is not None and lead.end() <= at:
            clause_start = lead.end()
        for mention in mentions:
            if clause_start <= mention.start and mention.end <= clause_end and mention.subject_like:
                found = self._speaker_of(mention, masked, mentions)
                words = masked[mention.start : min(at, mention.end + 40)]
                return self._cued(found, "reported speech", words, paragraph)
        # 'Red Bull called the penalty "harsh"': an organisation's words, no person's.
        m = _ORG_CLAUSE.match(masked, clause_start, at)
        if m is not None and (found := self._organisation(m.group("org"), "")) is not None:
            return self._cued(found, "reported speech", m.group(0), paragraph)
        return _NONE

    def _dash_credit(self, paragraph: int, masked: str) -> _Attribution:
        """`Crash was a "misjudgement" – Kowalski`: a credit closing the paragraph."""
        if "–" not in masked and "—" not in masked and " -" not in masked:
            return _NONE
        m = _DASH_CREDIT.search(masked)
        if m is None:
            return _NONE
        name = self.people.resolve(m.group("name"))
        if name is None:
            return _NONE
        return _Attribution("person", name, None, f'dash credit "{m.group(0).strip()}"', paragraph)

    # -- transcripts ----------------------------------------------------------------------

    def _transcript(self, paragraph: int, label: _Label) -> _Attribution:
        """The speaker a transcript label names: a person, or a role or team kept as a label."""
        cue = f'transcript label "{label.text}:"'
        if label.question:
            return _Attribution("blocked", None, None, cue, paragraph, "Interviewer")
        if label.answer:
            who = self._interviewee()
            if who is None:
                return _Attribution("blocked", None, None, cue + "; interviewee unclear", paragraph)
            return _Attribution("person", who, None, f"{cue}; the interviewee", paragraph)
        text = label.text
        speaker_part = re.split(r"\s+to\s+", text, maxsplit=1)[0]
        name = self._label_person(speaker_part)
        if name is not None:
            return _Attribution("person", name, None, cue, paragraph)
        if _LABEL_ROLES.search(speaker_part):
            who = self._role_holder(speaker_part)
            if who is not None:
                return _Attribution("person", who, None, f"{cue}; the article names its holder",
                                    paragraph, text)  # fmt: skip
        return _Attribution("blocked", None, None, cue + "; a role or team, not a person",
                            paragraph, text)  # fmt: skip

    def _label_person(self, text: str) -> str | None:
        """The person a label names ("Alonso", "SEBASTIAN VETTEL", "Checo"), or None."""
        if text.isupper() and len(text) > 2:
            text = text.title()
        name = self.people.resolve(text)
        if name is None and " " not in text:
            name = self._nickname(text).speaker
        return name

    def _unquoted_transcript(self, number: int, paragraph: str, label: _Label) -> None:
        end = len(paragraph.rstrip())
        seg = Segment(label.end, end, label.end, end)
        statement = self._new_statement(
            self._transcript(number, label),
            self.defaults.spoken_setting or "interview",
        )
        statement.parts.append((number, seg, "direct"))

    def _interviewee(self) -> str | None:
        """The one person the introduction names, before the first question."""
        first_q = min((n for n, lab in self._labels.items() if lab.question), default=None)
        if first_q is None:
            return None
        named = {
            m.person
            for text in self.paragraphs[: first_q - 1]
            for m in self.people.mentions(self._mask(text))
            if m.person is not None and m.kind in ("name", "alias")
        }
        return named.pop() if len(named) == 1 else None

    def _role_holder(self, role: str) -> str | None:
        """The person the article names in this role, if the transcript is about one driver."""
        labelled = {
            name
            for lab in self._labels.values()
            if (name := self.people.resolve(re.split(r"\s+to\s+", lab.text)[0])) is not None
        }
        if len(labelled) != 1:
            return None
        wanted = _LABEL_ROLES.search(role)
        assert wanted is not None
        holders = {
            app.person
            for app in self.describer.appositives
            if app.role and wanted.group(1).lower() in app.role.lower()
        }
        return holders.pop() if len(holders) == 1 else None

    # -- follow-on paragraphs -------------------------------------------------------------

    def _follow_on(self) -> None:
        """Give an untagged quote paragraph to the speaker whose turn is still running.

        A paragraph made only of quotation takes the speaker of the quote before it, as long
        as nothing in between changed the subject: a narrative paragraph about the same
        person keeps the turn, one about someone else ends it (and one that has that person
        saying something hands the turn to them).
        """
        starts: dict[int, list[_Statement]] = {}
        for statement in self.statements:
            starts.setdefault(statement.parts[0][0], []).append(statement)
        last_in: dict[int, _Statement] = {}
        for statement in self.statements:
            for number, _seg, _kind in statement.parts:
                last_in[number] = statement
        turn: str | None = None
        voice: str | None = None  # an organisation whose statement has the turn
        turn_paragraph = 0
        for number, info in enumerate(self.info, start=1):
            if info.kind == "quotes":
                here = starts.get(number, [])
                first = here[0] if here else None
                if (
                    first is not None
                    and turn is not None
                    and info.quote_only
                    and not first.attributed
                    and first.parts[0][1].open_mark
                    == len(self.paragraphs[number - 1]) - len(self.paragraphs[number - 1].lstrip())
                ):
                    first.decide(
                        _Attribution(
                            "person",
                            turn,
                            None,
                            f"follow-on paragraph: continues the quote of paragraph "
                            f"{turn_paragraph}",
                            turn_paragraph,
                        )
                    )
                elif (
                    first is not None
                    and turn is None
                    and voice is not None
                    and turn_paragraph == number - 1
                    and info.quote_only
                    and not first.attributed
                ):
                    # The next paragraph of an organisation's statement: still its words.
                    first.decide(
                        _Attribution(
                            "blocked",
                            None,
                            None,
                            f"follow-on paragraph: continues the statement of paragraph "
                            f'{turn_paragraph}; organisation "{voice}"',
                            turn_paragraph,
                            voice,
                        )
                    )
                    first.setting = "statement"
                last = last_in.get(number)
                turn = last.speaker if last is not None else None
                voice = _voice_of(last)
                turn_paragraph = number
            elif info.kind == "transcript":
                turn = voice = None
            elif info.has_subject and info.subject is not None and info.subject == turn:
                turn_paragraph = number
            elif info.subject is not None and info.subject in info.speaking:
                turn, turn_paragraph = info.subject, number
            else:
                turn = voice = None

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

    def _sentence_subject(
        self, pronoun: Mention, masked: str, mentions: list[Mention]
    ) -> str | None:
        """The one person named as a subject earlier in the pronoun's own sentence.

        "Acosta, who led early, faded with a tyre that he said “gave up”": the reader takes
        "he" from this sentence, not the one before. Only when exactly one person fits and no
        other pronoun or subordinate clause ("After Norris passed him, he said") muddies it.
        """
        start = max(masked.rfind(". ", 0, pronoun.start), masked.rfind("? ", 0, pronoun.start))
        start = max(start, masked.rfind("! ", 0, pronoun.start)) + 1
        if _SUBORDINATE.match(masked, start) or not _PRONOUN_LEAD.search(masked, 0, pronoun.start):
            return None
        names: set[str] = set()
        for x in mentions:
            if x.start < start or x.end > pronoun.start or x is pronoun:
                continue
            if x.kind == "pronoun":
                return None
            if x.person is not None and x.subject_like:
                names.add(x.person)
        if len(names) != 1:
            return None
        (name,) = names
        person = self.people.get(name)
        known = person.pronoun if person else None
        word = pronoun.pronoun or ""
        return name if known == word or (known is None and word != "they") else None

    # -- stage two: mention -> person ------------------------------------------------------

    def _speaker_of(self, mention: Mention, masked: str, mentions: list[Mention]) -> _Attribution:
        """The person a mention stands for; ``cue`` says how, when it was not a plain name."""
        if mention.kind == "pronoun":
            word = mention.pronoun or ""
            name = self._sentence_subject(mention, masked, mentions) or self._resolve_pronoun(word)
            if name is None:
                return _Attribution("blocked", cue=f'pronoun "{word}" with no clear referent')
            return _Attribution("person", name, cue=f'pronoun "{word}" = {name}')
        if mention.person is not None:
            return _Attribution("person", mention.person)
        if mention.kind == "unknown":
            text = " ".join(masked[mention.start : mention.end].split())
            organisation = self._organisation(text, "")
            if organisation is not None:  # "a Mercedes spokesperson": the team's words
                return organisation
            if text[:4].casefold() == "the ":
                return self._epithet(text, mentions)
        return _BLOCKED

    def _epithet(self, text: str, mentions: list[Mention]) -> _Attribution:
        """Resolve "the Dutchman" among the people the article names, or block.

        First the person the reader has in mind (the current speaker or subject), if the
        epithet fits them; then the paragraph's one named person, unless it contradicts
        them; then the one person of the article it fits when it contradicts all others.
        """
        describer = self.describer
        salient = next((n for n in reversed(self.history[-6:]) if n is not None), None)
        if self.history and self.history[-1] is None:
            salient = None
        rival = self._rival(text, salient, mentions)
        if rival is not None:
            # "Alonso passed Sainz. '...,' the Spaniard said": it fits both; never guess.
            return _Attribution("blocked", cue=f'epithet "{text}" fits both {salient} and {rival}')
        if salient is not None and describer.fits(text, salient):
            self._learn_epithet(text, salient)
            return _Attribution("person", salient, cue=f'epithet "{text}" = {salient}, the '
                                "current subject")  # fmt: skip
        if (
            salient is not None
            and _ROLE_EPITHET.fullmatch(text)
            and describer.fits(text, salient) is None
        ):
            # "The veteran grinned.": a role nothing can check is whom the reader has in mind.
            return _Attribution("person", salient, cue=f'epithet "{text}" = {salient}, the '
                                "current subject")  # fmt: skip
        if _EPITHET.fullmatch(text):
            named = {x.person for x in mentions if x.kind != "pronoun" and x.person}
            if len(named) == 1:
                only = named.pop()
                verdict = describer.fits(text, only)
                # An epithet nothing can check ("the Doctor") names the paragraph's one
                # person only when they are a subject there, not "of Marquez", "Rossi's".
                subject = any(x.person == only and x.subject_like for x in mentions)
                if verdict or (verdict is None and subject):
                    self._learn_epithet(text, only)
                    return _Attribution("person", only, cue=f'epithet "{text}" = {only}, the '
                                        "one person the paragraph names")  # fmt: skip
        one = describer.matching(text, self.people.names)
        if one is not None:
            self._learn_epithet(text, one)
            return _Attribution("person", one, cue=f'epithet "{text}" = {one}, the only '
                                "person of the article it fits")  # fmt: skip
        return _Attribution("blocked", cue=f'epithet "{text}" fits no one person')

    def _rival(self, text: str, salient: str | None, mentions: list[Mention]) -> str | None:
        """Someone else named in this paragraph whom the epithet fits as well as the current
        subject ("the Spaniard" after "Alonso passed Sainz")."""
        if salient is None or not self.describer.fits(text, salient):
            return None
        for x in mentions:
            named = x.kind in ("name", "alias") and x.person and x.person != salient
            if named and x.person and self.describer.fits(text, x.person):
                return x.person
        return None

    def _unmatched_subject(self, words: str, mentions: list[Mention]) -> _Attribution:
        """A tag's subject no mention covers: an epithet the register may know ("the South
        African"), or a nickname ("Checo"); otherwise blocked. An organisation ("Red Bull",
        "the stewards") is nobody, but its name is kept as the quote's label."""
        organisation = self._organisation(words, self._sentence_now)
        if organisation is not None:
            return organisation
        if re.fullmatch(r"[Tt]he\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*", words):
            nickname = self._nickname(words)  # "the Honey Badger": a nickname, not a kind
            return nickname if nickname.status == "person" else self._epithet(words, mentions)
        return self._nickname(words)

    def _organisation(self, words: str, context: str) -> _Attribution | None:
        """A tag's subject that is a team or body ("the Ducati Lenovo Team", "Red Bull",
        "a Mercedes spokesperson", "McLaren's statement", "the stewards"): nobody, labelled.

        The words are then the organisation's, never a person's: the quote gets no speaker
        and the organisation as written for its label. A name that is also a person's in
        the register ("Andretti") counts only when the words say it is a statement.
        """
        text = " ".join(words.split()).strip(" ,;")
        text = _ORG_TAIL.sub("", text)
        det = _ORG_DETERMINER.match(text)
        the = False
        if det is not None:
            the = det.group(1) is not None
            text = text[det.end() :]
        voice = _ORG_VOICE.search(text)
        stated = (
            voice is not None
            or context == "statement"
            or _STATEMENT.search(context, context.lower()) is not None
        )
        if voice is not None:
            text = text[: voice.start()]
        elif text[-2:] in ("'s", "’s"):
            text = text[:-2]
        if not text or not (text[:1].isupper() or text[:1].isdigit() or the):
            return None
        register = default_register()
        if not register.organisations(text):
            return None
        if register.find(text) and not stated:
            return None
        label = f"the {text}" if the else text
        return _Attribution("blocked", None, None, f'organisation "{label}"', label=label)

    def _statement_owner(self, masked: str, upto: int) -> _Attribution | None:
        """Whose "the statement" is: the one organisation the sentences speaking of a
        statement name, in this paragraph before ``upto`` or else the paragraph before
        ("Toyota's frustration boiled over when the team issued a statement"). None when
        they name a person (or "he"), several organisations, or none."""
        places = [masked[:upto]]
        if len(self.masked) >= 2:
            places.append(self.masked[-2])
        for text in places:
            labels: set[str] = set()
            spoken = False
            for a, b in sentence_spans(text):
                sentence = text[a:b]
                if "statement" not in sentence.lower():
                    continue
                spoken = True
                if any(x.kind != "unknown" for x in self.people.mentions(sentence)):
                    return None  # "Hamilton issued a statement on Ferrari's pace"
                for run in _CAPITALISED_RUN.finditer(sentence):
                    found = self._organisation(run.group(0), "statement")
                    if found is not None and found.label:
                        labels.add(found.label)
            if spoken:
                if len(labels) != 1:
                    return None
                (label,) = labels
                return _Attribution("blocked", None, None, f'organisation "{label}", whose '
                                    "statement the text speaks of", label=label)  # fmt: skip
        return None

    def _nickname(self, word: str) -> _Attribution:
        """A tag's subject the article never names in full: a nickname the register knows."""
        if not _NICKNAME.fullmatch(word) or word in _NOT_NICKNAMES:
            return _BLOCKED
        name = self.describer.nickname(word)
        if name is None:
            return _BLOCKED
        if self.people.get(name) is None:
            self.nicknamed[name] = word
        return _Attribution("person", name, cue=f'nickname "{word}" = {name}')

    def _note_subject(
        self, mentions: list[Mention], masked: str, a: int, b: int, info: _Paragraph
    ) -> None:
        for k, mention in enumerate(mentions):
            if a <= mention.start < b and mention.subject_like:
                # "Aston Martin team principal Mike Krack": a descriptor, then the name.
                while (
                    k + 1 < len(mentions)
                    and mentions[k + 1].person == mention.person
                    and mention.person is not None
                    and not masked[mention.end : mentions[k + 1].start].strip()
                ):
                    k += 1
                    mention = mentions[k]
                name: str | None
                if mention.kind == "pronoun":
                    name = self._resolve_pronoun(mention.pronoun or "")
                    if name is None:
                        return
                elif mention.kind == "unknown" and masked[mention.start : mention.start + 4] in (
                    "the ",
                    "The ",
                ):
                    name = self._epithet(masked[mention.start : mention.end], mentions).speaker
                else:
                    name = mention.person
                    # "Norris and Piastri collided": two subjects, so "he" is nobody yet.
                    if _COORDINATED.match(masked, mention.end):
                        name = None
                self.history.append(name)
                if not info.has_subject:
                    info.subject, info.has_subject = name, True
                if name is not None and _SPEAKS.match(masked, mention.end):
                    info.speaking.add(name)
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
        social = _SOCIAL.search(sentence, lowered)
        if "comment" in lowered and social:
            return "Instagram comment" if "instagram" in lowered else "social media comment"
        if verb in _WRITE_VERBS or social:
            if social or _SOCIAL.search(context, context.lower()) or _POST.search(context):
                return "social media post"
            if "column" in lowered:
                return "column"
            return "written statement"
        if _RADIO.search(sentence, lowered):
            return "team radio"
        if _REPORTERS.search(sentence, lowered):
            return "remarks to reporters"
        outlet = _OUTLET.search(original) if _OUTLET_WORDS.search(original) else None
        if outlet is not None:
            name = outlet.group("outlet").rstrip(".'’-")
            if self.people.resolve(name) is None and not self.people.mentions(name):
                return f"interview with {name}"
        if _STATEMENT.search(sentence, lowered):
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
        if not _DOUBLE_MARKS.isdisjoint(paragraph[a:b]):
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
            if _QUESTIONED.search(masked, a, subject.start):
                # "was asked whether he thought X": the question, not anything he said.
                continue
            found = self._speaker_of(subject, masked, mentions)
            if found.status != "person" or found.speaker is None:
                continue
            clause = _clause_after(paragraph, verb.end(), b, told=verb.group(0) == "told")
            if clause is not None:
                self.reported.append(ReportedStatement(found.speaker, clause, number))
                return


#: Settings an organisation's words keep; any other becomes "statement".
_WRITTEN_SETTINGS = frozenset({"written statement", "social media post", "statement"})
_DOUBLE_MARKS = frozenset('"“”„«»')
#: A subject right after these is inside a question put to someone, not a statement of theirs.
_QUESTIONED = re.compile(r"\b(?:whether|if)\s+$|\basked\s+(?:\w+\s+)?$", re.IGNORECASE)
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


def _walk(
    paragraphs: Sequence[str],
    people: PeopleIndex,
    defaults: Defaults | None,
    published: date | None = None,
    appositives: Sequence[Appositive] | None = None,
) -> _Walk:
    walk = _Walk(paragraphs, people, defaults or Defaults(), published, appositives)
    walk.run()
    return walk


def extract_quotes(
    paragraphs: Sequence[str],
    people: PeopleIndex,
    defaults: Defaults | None = None,
    published: date | None = None,
) -> list[Quote]:
    """Return every quotation with its speaker (None when unsure), kind and setting.

    A statement that runs over several quotations or paragraphs is several ``Quote`` parts
    sharing a ``statement`` number (from 1), with ``part`` counting from 0.
    """
    return _quotes(_walk(paragraphs, people, defaults, published), paragraphs)


@dataclass(frozen=True, slots=True)
class Speech:
    """Everything one walk through an article finds."""

    quotes: list[Quote]
    reported: list[ReportedStatement]
    #: Epithets the text used for exactly one named person, and the nicknames the register
    #: gives the people it names ("Bez"): aliases, so fans' short names find them.
    epithets: dict[str, str]
    #: Speakers named only by a nickname the register knows ({"Sergio Pérez": "Checo"}).
    nicknamed: dict[str, str] = field(default_factory=dict)


def extract_speech(
    paragraphs: Sequence[str],
    people: PeopleIndex,
    defaults: Defaults | None = None,
    published: date | None = None,
    appositives: Sequence[Appositive] | None = None,
) -> Speech:
    """Return what :func:`extract_quotes` and :func:`extract_reported` do, from one walk.

    Both come out of the same walk through the article; ingesting walks once, not twice.
    """
    walk = _walk(paragraphs, people, defaults, published, appositives)
    learned = {epithet: name for epithet, name in walk.epithets.items() if name is not None}
    for nickname, name in register_nicknames(people).items():
        learned.setdefault(nickname, name)
    return Speech(_quotes(walk, paragraphs), list(walk.reported), learned, dict(walk.nicknamed))


def register_nicknames(people: PeopleIndex) -> dict[str, str]:
    """The nicknames fans and press use for the article's people, from the register.

    Only for a person the register knows as exactly one entry, and only nicknames written
    as words ("Bez", "Checo", "Danny Ric"): an initialism ("JB", "GP") is also an ordinary
    token of a question and would seem to name them.
    """
    register = default_register()
    found: dict[str, str] = {}
    for entry in people.people:
        matches = register.find(entry.name)
        if len(matches) != 1:
            continue
        for nickname in getattr(matches[0], "nicknames", ()):
            if len(nickname) >= 3 and not nickname.isupper() and not _DIGIT.search(nickname):
                found.setdefault(nickname, entry.name)
    return found


_DIGIT = re.compile(r"\d")


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
                cue=statement.cue,
                cue_paragraph=statement.cue_paragraph,
                label=statement.label,
            )
            placed.append((paragraph, seg.start, quote))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [quote for _p, _s, quote in placed]


def extract_reported(
    paragraphs: Sequence[str], people: PeopleIndex, defaults: Defaults | None = None
) -> list[ReportedStatement]:
    """Return paraphrased statements: a named subject, a reporting verb and a that-clause."""
    return list(_walk(paragraphs, people, defaults).reported)
