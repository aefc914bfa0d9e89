"""The walk through an article, in order, and the functions ingest calls."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.ingest.attribution.chain import gesture_then_quote, profile_subject
from bot.ingest.attribution.columns import _Columns
from bot.ingest.attribution.follow_on import _FollowOn
from bot.ingest.attribution.labels import _transcript_label
from bot.ingest.attribution.patterns import (
    _BARE_VERB,
    _ENTRY_STAMP,
    _LONGEST_VERB,
    _only_quotes,
)
from bot.ingest.attribution.records import _NONE, Defaults, _Attribution, _Paragraph, _Statement
from bot.ingest.attribution.reported import _Reported, reported_inside_quotes
from bot.ingest.attribution.settings import _WRITTEN_SETTINGS, _Settings
from bot.ingest.attribution.spoken import _Spoken
from bot.ingest.people import Appositive, Mention, PeopleIndex
from bot.ingest.resolve import default_register
from bot.ingest.text import Segment, article_style, find_segments, sentence_spans
from bot.models import Quote, QuoteKind, ReportedStatement

log = logging.getLogger(__name__)


class _Walk(_Spoken, _FollowOn, _Settings, _Reported, _Columns):
    """One walk through an article: every sieve, in text order."""

    # -- the walk -------------------------------------------------------------------------

    def run(self) -> None:
        self.style = article_style(self.paragraphs)
        self.profile = profile_subject([self._mask(p) for p in self.paragraphs], self.people)
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if (paragraph[:1].isupper() or paragraph[:1].isdigit()) and (
                ":" in paragraph[:60] or paragraph[:3] == "Q. "
            ):
                label = _transcript_label(paragraph)
                if label is not None:
                    self._labels[number] = label
        if any(label.question for label in self._labels.values()):
            # An interview: "VETTEL: ..." answers too, when the label names someone.
            for number, paragraph in enumerate(self.paragraphs, start=1):
                if number in self._labels or (
                    ":" not in paragraph[:60] and paragraph.lstrip()[:3] != "A. "
                ):
                    continue
                label = _transcript_label(paragraph, interview=True)
                if label is not None and (
                    label.answer or self._label_person(label.text) is not None
                ):
                    self._labels[number] = label
        else:
            self._find_named_interview()
        self._find_answers()
        self._find_blocks()
        self._find_spoken()
        self._find_column()
        open_statement: _Statement | None = None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            segments = find_segments(paragraph, self.style)
            masked = self._mask(paragraph)
            info = _Paragraph()
            label = self._labels.get(number)
            answer = self._answers.get(number)
            if answer is not None and label is None:
                # An interview's answer or a press release's paragraph with no quotation
                # marks: the words are the interviewee's (or the heading's speaker's).
                self._unquoted_answer(number, paragraph, answer)
                info.kind = "transcript"
                open_statement = None
                self.masked.append(" " * len(masked))
                self.info.append(info)
                continue
            if label is not None and not label.quoted:
                self._unquoted_transcript(number, paragraph, label)
                info.kind = "transcript"
                open_statement = None
                if label.question:
                    # "Q: (Name - Outlet) Max, you called it "a circus"": the words quoted in
                    # a question are never the questioner's, whom only the bracket names.
                    asker = _ASKER.match(masked, label.end)
                    if asker is not None:
                        masked = (
                            masked[: asker.start()] + " " * len(asker[0]) + masked[asker.end() :]
                        )
                if label.answer or number in self._spoken:  # words only: no narration
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
            # The person whose words the sentence before reported, when it held no quote.
            speaking: str | None = None
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
                    self._quote_now = paragraph[seg.start : seg.end]
                    kind, attribution = self._attribute(number, masked, mentions, segments, j, a, b)
                    self._quote_now = None
                    if (
                        speaking is not None
                        and attribution.status == "none"
                        and kind == "direct"
                        and j == first
                        and not masked[a : seg.open_mark].strip()
                    ):
                        # "Stroll said he had no warning. "I never saw him."": the quote
                        # goes on with what the sentence before has Stroll saying.
                        attribution = _Attribution(
                            "person",
                            speaking,
                            None,
                            f"the sentence before has {speaking} saying it",
                            number,
                        )
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
                noted = self._note_subject(mentions, masked, a, b, info)
                speaking = None
                if not in_sentence:
                    count = len(self.reported)
                    self._reported(number, paragraph, masked, mentions, a, b)
                    # Only what the sentence reports as theirs ("Stroll said he had no
                    # warning"), not any speech verb ("Hamilton said sorry to Russell").
                    if len(self.reported) > count and self.reported[-1].speaker == noted:
                        speaking = noted
                    elif (
                        cursor < len(segments)
                        and not masked[b : segments[cursor].open_mark].strip()
                    ):
                        # A bare quotation next: "He laughs." and "He is also, Wheatley
                        # says, the first ..." tell whose it is.
                        if gesture_then_quote(masked[a:b]) and self.history:
                            speaking = self.history[-1]
                        elif (told := self._parenthetical(number, masked, mentions, a, b)).speaker:
                            speaking = told.speaker
                else:
                    self._reported_around(number, paragraph, masked, mentions, a, b, in_sentence)
        self._follow_on()
        self._column_statements()

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

    def _passive_agent(
        self,
        paragraph: int,
        masked: str,
        mentions: list[Mention],
        pre: str,
        post_start: int,
        post_end: int,
    ) -> _Attribution:
        """'He has been called "the most relaxed man in the paddock" by his own engineer':
        a partial quote after a passive verb of naming is the words of the agent after "by",
        never of the one they describe (the clause's subject). An agent the text names is
        the speaker; one it only describes ("his own engineer", "a rival engineer") names
        nobody, and its words are kept as the quote's label, verbatim."""
        if _PASSIVE_BEFORE.search(pre) is None:
            return _NONE
        by = _BY_AGENT.match(masked, post_start, post_end)
        if by is None or by["agent"].casefold() in _NO_AGENT:
            return _NONE
        s0, s1 = by.start("agent"), by.end("agent")
        inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
        if inside and inside[0].start == s0 and not inside[0].possessive:
            return self._cued(
                self._speaker_of(inside[0], masked, mentions), "passive agent", by[0], paragraph
            )
        described = _Attribution("blocked", label=by["agent"])
        return self._cued(described, "passive agent", by[0], paragraph)

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

        at_start = pre.strip() == "" or (
            pre_start == 0 and len(pre) < 24 and _ENTRY_STAMP.fullmatch(pre) is not None
        )
        label = self._labels.get(paragraph)
        if label is not None and label.quoted and j == 0 and seg.open_mark == label.end:
            return "direct", self._transcript(paragraph, label)

        pre_attr = self._pre(paragraph, masked, mentions, pre_start, seg.open_mark)
        intro = pre.rstrip().endswith(":") or (
            pre_attr.status != "none" and pre.rstrip()[-1:] in {",", ":", "–", "—"}
        )
        # Only the end of ``pre`` can hold the verb: search from there, not from its start.
        bare_verb = _BARE_VERB.search(pre, max(0, len(pre.rstrip()) - _LONGEST_VERB)) is not None
        kind: QuoteKind = "direct" if at_start or intro or bare_verb else "partial"
        if (
            kind == "partial"
            and _TITLE_BEFORE.search(pre) is not None
            and _TITLE_AFTER.match(masked, seg.span_end) is not None
        ):
            # "replied to NASCAR's "Your 2026 champion" post": the words name a post, a
            # banner or a slogan; whoever wrote them, they are not the sentence's subject's.
            return kind, _Attribution("blocked", None, None, "a title: a post's words", paragraph)

        # The sieves, most precise first: a tag after the quote, a tag before it, a tag set
        # off inside the sentence, the subject of the reported speech around a partial
        # quote, a dash credit closing the paragraph. The first that decides wins; the
        # follow-on sieve runs after the walk, on what is still undecided.
        post_attr = self._post(paragraph, masked, mentions, post_start, post_end)
        if post_attr.status != "none":
            return kind, post_attr
        following = segments[j + 1].open_mark if j + 1 < len(segments) else len(masked)
        if "radio" in masked[post_start:following]:
            found = self._radio_credit(paragraph, masked, mentions, post_start, following)
            if found.status != "none":
                return kind, found
        if kind == "direct" and pre_attr.status != "none":
            return kind, pre_attr
        if kind == "partial":
            found = self._passive_agent(paragraph, masked, mentions, pre, post_start, post_end)
            if found.status != "none":
                return kind, found
            found = self._parenthetical(paragraph, masked, mentions, a, seg.open_mark)
            if found.status != "none":
                return kind, found
            found = self._clause_subject(paragraph, masked, mentions, a, b, seg.open_mark)
            if found.status != "none":
                return kind, found
        block = self._block_speaker.get(paragraph)
        if block is not None:
            return kind, block
        return kind, self._dash_credit(paragraph, masked)


#: A passive verb of naming right before a partial quote: 'He has been called "the most
#: relaxed man in the paddock" by his own engineer'.
_PASSIVE_BEFORE = re.compile(
    r"\b(?:been|was|were|is|are|being|be|gets?|got)\s+(?:\w+ly\s+)?"
    r"(?:called|described\s+as|labell?ed(?:\s+as)?|dubbed|branded|hailed\s+as|named)\s*$",
    re.IGNORECASE,
)
#: Its agent after the quote: "by his own engineer this week", "by Stella,", "by one rival".
_BY_AGENT = re.compile(
    r"\s*,?\s*by\s+(?P<agent>[\w'’-]+(?:\s+[\w'’-]+){0,5}?)"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:this|last|on|in|at|after|before|during|earlier|who|when|"
    r"which|because|as|and|but|for)\b)"
)
#: What follows "by" and is no agent: 'called "a farce" by the time he spoke'.
_NO_AGENT = frozenset({"the time", "then", "now", "far", "the end", "the way", "contrast"})


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
    quotes = _quotes(walk, paragraphs)
    told = reported_inside_quotes(quotes, people, paragraphs, default_register())
    return Speech(quotes, [*walk.reported, *told], learned, dict(walk.nicknamed))


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
#: A quotation naming a thing, not words said: determiner or possessive before, noun after.
_TITLE_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her)|['’]s)\s*$", re.IGNORECASE)
_TITLE_AFTER = re.compile(
    r"\s*(?:post|tweet|message|caption|headline|banner|slogan|graphic|video|campaign|hashtag"
    r"|sign|t-shirt|shirt|billboard|poster|motto|tagline|advert|livery|song|chant)s?\b",
    re.IGNORECASE,
)
#: The asker a press-conference question names in brackets: "(Anna Kerr - Racing Weekly)".
_ASKER = re.compile(r"\s*\([^()\n]{2,80}\)")


#: What a name someone is called follows: "known (throughout the paddock) as", "calling
#: him" or "calling Varga", "nicknamed", "dubbed". The words after it in quotation marks
#: name, never speak.
_CALLED = re.compile(
    r"(?:\bknown\s+(?:[\w'’-]+\s+){0,5}?as|\b(?:call(?:s|ed|ing)?|nicknam(?:e[sd]?|ing)|"
    r"dub(?:s|bed|bing)|christen(?:s|ed|ing)|nam(?:es|ed|ing))\s+"
    r"(?:him|her|them|me|us|(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))"
    r"|\b(?:nicknamed|dubbed|christened|also\s+called|so-called))\s*$",
    re.IGNORECASE,
)
#: A name's words: capitalised, with an article or particle between ("the Hulk", "El Profe").
_NAME_WORDS = re.compile(
    r"(?:(?:the|The|El|Il|La|Le|Lo|Los|el|il|la|le|lo)\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:(?:of|de|del|da|the)\s+)?[A-Z][\w'’.-]*){0,3}"
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _name_called(before: str, words: str) -> bool:
    """Whether a quotation is only a name someone is called: 'known throughout the paddock
    as "the Hulk"', 'the mechanics started calling him "El Profe"'. Words called by a
    lower-case characterisation ('called it "a circus"') stay a quotation."""
    return _NAME_WORDS.fullmatch(words) is not None and _CALLED.search(before[-80:]) is not None


def _quotes(walk: _Walk, paragraphs: Sequence[str]) -> list[Quote]:
    placed: list[tuple[int, int, Quote]] = []
    # A quotation that is only someone's nickname ('Tomas Varga, "the Bull of Brno", will
    # retire'; 'known as "Big Karel"') names them: it is no one's words.
    nicknames = {a.casefold() for p in walk.people.people for a in p.aliases}
    for statement in walk.statements:
        for part, (paragraph, seg, kind) in enumerate(statement.parts):
            text = paragraphs[paragraph - 1][seg.start : seg.end]
            bare = text.strip(" ,.;:!?")
            if nicknames and {bare.casefold(), _LEADING_THE.sub("", bare).casefold()} & nicknames:
                continue  # "the Hulk" when the alias learned is "Hulk"
            if _name_called(paragraphs[paragraph - 1][: seg.open_mark], bare):
                continue
            quote = Quote(
                speaker=statement.speaker,
                text=text,
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
