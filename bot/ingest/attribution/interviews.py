"""Interviews and press releases: words with no quotation marks whose speaker a reader knows.

Three forms print someone's words bare:

- an interview whose questions stand apart (``**Do you hold him responsible?**``, ``Q: ...``,
  ``Q. ...``) and whose answers carry no name: the answers are the interviewee's, when the
  question calls them by name (``**Toprak, where does this one rank?**``) or the paragraph
  leading in names exactly one person (``We spoke to Bassani in the Bimota hospitality``);
- an interview printed under the two people's names (``Brightwater: ...?`` /
  ``Norris: ...``), the one asking and the one answering;
- a press release's or a team's quotes sheet's block: a heading naming the speaker
  (``Oscar Piastri:``, ``Andrea Stella, Team Principal:``, ``**Charles Leclerc**``,
  ``JANE DOE – Team Director``, ``JOHN ROE – Sprint: DNF. Race: 3rd``, a name line alone;
  the forms ``bot.ingest.people.headings`` reads), then that speaker's paragraphs, quoted
  or in the first person, until the next heading or a paragraph plainly not theirs.

Each is read only where exactly one speaker is established; otherwise the words are kept as
quotes with no speaker, never guessed.
"""

from __future__ import annotations

import re

from bot.ingest.attribution.labels import _Label
from bot.ingest.attribution.records import _Attribution
from bot.ingest.attribution.transcripts import _Transcripts
from bot.ingest.people.headings import FIRST_PERSON as _FIRST_PERSON
from bot.ingest.people.headings import HEADING_LONGEST, opens_in_first_person, speaker_heading
from bot.ingest.text import Segment, find_segments

#: A question standing as its own paragraph in bold or italics: ``**Are you hurt?**``.
_MARKED_QUESTION = re.compile(r"\s*(?P<mark>\*{1,2}|_{1,2})(?P<text>[^*_\n]+?\?)\s*(?P=mark)\s*")
#: A question opening with the name of the one it is put to: ``Toprak, where ...``.
_VOCATIVE = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),\s")
#: A paragraph leading into an interview ("we spoke to", "sat down with"): narration.
_LEAD_IN = re.compile(
    r"\b(?:spoke|speaks|speaking|talked|talks|talking|sat\s+down|sits\s+down|caught\s+up|"
    r"catches\s+up|met|meets|interviewed|chatted|asked)\b"
)
#: The one a lead-in says was interviewed: the person right after "sat down with", "spoke to",
#: "interviewed" (a role may stand between: "caught up with Williams boss James Vowles").
#: "asked" is left out: "Vowles asked Sainz to stay" names the asker first.
_INTERVIEWED = re.compile(
    r"\b(?:(?:spoke|speaks|speaking|talked|talks|talking|chatted|chats|sat\s+down|sits\s+down|"
    r"caught\s+up|catches\s+up)\s+(?:with|to)|met\s+with|interviewed|interviewing)"
    r"\s+(?:(?:the\s+)?[A-Za-z][\w'’-]*\s+){0,4}?$"
)
#: Narration telling of the interview itself ("Later we caught up with the runner-up"): the
#: lead-in verbs in their interview sense only, so an answer's "he asked the right questions"
#: stays an answer.
_INTERVIEW_NARRATION = re.compile(
    r"\b(?:(?:spoke|speaks|talked|talks|chatted|chats|sat\s+down|sits\s+down|caught\s+up|"
    r"catches\s+up|met)\s+(?:with|to)|interviewed|met\s+the\s+(?:press|media))\b"
)
#: How far into a paragraph a name still opens it ("A. J. Foyt watched").
_OPENING = 12
#: A person coordinated with someone else ("Bulega and his crew chief"): two voices.
_WITH_ANOTHER = re.compile(r"(?:['’]s?)?\s+(?:and|&)\s+")


class _Interviews(_Transcripts):
    """Interviews' unmarked answers and press releases' blocks under a speaker's heading."""

    # -- interviews -----------------------------------------------------------------------

    def _question_text(self, number: int) -> str | None:
        """The words of a question paragraph (marked, or labelled Q), or None."""
        paragraph = self.paragraphs[number - 1]
        label = self._labels.get(number)
        if label is not None:
            return paragraph[label.end :] if label.question else None
        m = _MARKED_QUESTION.fullmatch(paragraph)
        return m.group("text") if m is not None else None

    def _find_answers(self) -> None:
        """Find the paragraphs answering an interview's questions, and whose they are.

        A run starts at a question and goes on through the unquoted paragraphs after it; the
        first paragraph after a question is its answer unless it names the interviewee (then
        it is narration), and each further one only while it speaks in the first person.
        """
        if not self._labels and "?" not in "".join(p[-4:] for p in self.paragraphs):
            return
        speaker: _Attribution | None = None
        after_question = 0  # paragraphs since the last question, 0 when not in a run
        for number, paragraph in enumerate(self.paragraphs, start=1):
            question = self._question_text(number)
            if question is not None:
                # A question right after an answer the run did not take keeps the interviewee:
                # that answer is no lead-in ("Carlos wanted a plan" does not make it Carlos's).
                if after_question == 0 and not (
                    speaker is not None
                    and speaker.speaker is not None
                    and number > 2
                    and self._question_text(number - 2) is not None
                ):
                    speaker = self._lead_in(number)
                vocative = self._vocative(number, question)
                if vocative is not None:
                    speaker = vocative
                after_question = 1
                continue
            if after_question == 0 or speaker is None:
                continue
            if number in self._labels or not self._unmarked_answer(
                paragraph, speaker.speaker, first=after_question == 1
            ):
                after_question = 0
                continue
            after_question += 1
            self._answers[number] = speaker

    def _unmarked_answer(self, paragraph: str, interviewee: str | None, *, first: bool) -> bool:
        """Whether a paragraph after a question reads as (more of) the answer."""
        text = paragraph.strip()
        if not text or find_segments(paragraph, self.style) or _is_heading(text):
            return False
        if _INTERVIEW_NARRATION.search(text) and not _FIRST_PERSON.match(text):
            return False
        masked = self._mask(paragraph)
        named = [m for m in self.people.mentions(masked) if m.kind in ("name", "alias")]
        if interviewee is not None and any(m.person == interviewee for m in named):
            return False  # "Petrucci came to the Bimota box": the interviewee in narration
        if _FIRST_PERSON.search(text) is not None:
            return True
        # An answer may skip the first person ("In the middle stint, maybe."), when it is
        # the first paragraph after the question and whose it is is known; a paragraph
        # opening with someone's name and never saying "I" is narration ("Foyt watched").
        opening = len(paragraph) - len(paragraph.lstrip()) + _OPENING
        return first and interviewee is not None and not any(m.start < opening for m in named)

    def _lead_in(self, question: int) -> _Attribution:
        """Who the paragraph before a run of questions says is interviewed: exactly one
        person, named and not coordinated with anyone; blocked otherwise."""
        number = question - 1
        cue = "interview answer; interviewee unclear"
        if number < 1:
            return _Attribution("blocked", None, None, cue, question)
        masked = self._mask(self.paragraphs[number - 1])
        named: set[str] = set()
        for m in self.people.mentions(masked):
            if m.kind in ("name", "alias") and m.person is not None:
                if _WITH_ANOTHER.match(masked, m.end):
                    return _Attribution("blocked", None, None, cue, number)
                named.add(m.person)
        if len(named) > 1:
            interviewed = self._interviewed(masked)
            if interviewed is not None:
                return _Attribution(
                    "person", interviewed, None,
                    "interview answer; the one the lead-in says was interviewed", number,
                )  # fmt: skip
        if len(named) != 1:
            return _Attribution("blocked", None, None, cue, number)
        (who,) = named
        return _Attribution(
            "person", who, None, "interview answer; the interviewee named in the lead-in", number
        )

    def _interviewed(self, masked: str) -> str | None:
        """The one person a lead-in naming several says was interviewed ("We sat down with
        Vowles"), or None: the object of "spoke to", "sat down with", "interviewed"."""
        found = {
            m.person
            for m in self.people.mentions(masked)
            if m.kind in ("name", "alias")
            and m.person is not None
            and _INTERVIEWED.search(masked, max(0, m.start - 80), m.start)
        }
        return found.pop() if len(found) == 1 else None

    def _vocative(self, number: int, question: str) -> _Attribution | None:
        """The person a question opens by addressing (``Axel, what happened?``), or None."""
        m = _VOCATIVE.match(question)
        if m is None:
            return None
        who = self.people.resolve(m.group("name"))
        if who is None:
            return None
        return _Attribution(
            "person", who, None, f'interview answer; the question addresses "{m.group("name")}"',
            number,
        )  # fmt: skip

    def _unquoted_answer(self, number: int, paragraph: str, answer: _Attribution) -> None:
        """Keep a paragraph of unmarked words as one quotation, its speaker the answer's."""
        start = len(paragraph) - len(paragraph.lstrip())
        end = len(paragraph.rstrip())
        seg = Segment(start, end, start, end)
        setting = self.defaults.spoken_setting or (
            "interview" if (answer.cue or "").startswith("interview") else "remarks"
        )
        statement = self._new_statement(answer, setting)
        statement.parts.append((number, seg, "direct"))

    def _find_named_interview(self) -> None:
        """Read ``Brightwater: ...?`` / ``Norris: ...`` lines as an interview's transcript.

        Only when two people take turns under their names, one of them only asking and the
        other speaking in the first person: driver ratings ("Norris: A solid weekend...")
        and subheadings stay narration.
        """
        lines: dict[int, tuple[str, str]] = {}
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if number in self._labels or not paragraph[:1].isupper() or ":" not in paragraph[:40]:
                continue
            label = _name_label(paragraph)
            if label is None:
                continue
            who = self._label_person(label.text)
            if who is not None:
                lines[number] = (who, paragraph[label.end :])
        people = {who for who, _ in lines.values()}
        if len(people) < 2:
            return
        askers = {
            who for who in people if all("?" in text for w, text in lines.values() if w == who)
        }
        answerers = {
            who
            for who in people - askers
            if any(_FIRST_PERSON.search(text) for w, text in lines.values() if w == who)
        }
        if len(askers) != 1 or not answerers or askers | answerers != people:
            return
        for number in lines:
            found = _name_label(self.paragraphs[number - 1])
            if found is not None:
                self._labels[number] = found

    # -- press releases -------------------------------------------------------------------

    def _heading_speaker(self, number: int) -> _Attribution | None:
        """The speaker a press release's (or a quotes sheet's) heading paragraph names, or None.

        The heading's name must be a person of the article (a name only a sheet's heading
        gives is one: ``discover_people`` reads it there). A bare name line, with no colon,
        bold or role after it, is a heading only when the paragraph after it is that
        speaker's words (quotation only, or opening in the first person singular and never
        naming him), never a sub-heading or a column's section named for whom it is about.
        """
        paragraph = self.paragraphs[number - 1]
        if number in self._labels:
            return None
        heading = speaker_heading(paragraph)
        if heading is None:
            return None
        who = self._label_person(heading.name)
        if who is None or not (heading.marked or self._words_follow(number, who)):
            return None
        shown = " ".join(paragraph.strip(" *_").split())
        return _Attribution("person", who, None, f'press release heading "{shown}"', number)

    def _words_follow(self, number: int, who: str) -> bool:
        """Whether the paragraph after a bare name line reads as ``who``'s own words: a
        quotation alone, or unquoted words whose first sentence says "I" (a writer's "we saw
        Brandt crash" or "the surprise of the year for us" is his own)."""
        if number >= len(self.paragraphs) or number + 1 in self._labels:
            return False
        after = self.paragraphs[number]
        words = self._block_words(after, who)
        return words == "quotes" or (
            words == "unquoted" and opens_in_first_person(self._mask(after))
        )

    def _block_words(self, paragraph: str, who: str | None) -> str | None:
        """How a paragraph under ``who``'s heading is his: "quotes" (nothing but quotation),
        "unquoted" (first-person words without quotation marks), or None (narration).

        A paragraph naming him outside quotation marks is about him, not his words
        ("Larsen won six races", "We saw Brandt crash out").
        """
        segments = find_segments(paragraph, self.style)
        if segments:
            return "quotes" if _quote_only(paragraph, segments) else None
        if not _FIRST_PERSON.search(paragraph) or _LEAD_IN.search(paragraph):
            return None
        if who is not None and any(
            m.person == who and m.kind in ("name", "alias")
            for m in self.people.mentions(self._mask(paragraph))
        ):
            return None
        return "unquoted"

    def _find_blocks(self) -> None:
        """Give each paragraph under a speaker's heading to that speaker, until the block ends.

        A block holds paragraphs of quotation only, and unquoted paragraphs in the first
        person; any other paragraph (narration, a tag, "ENDS", "Next round: ...") or a new
        heading ends it.
        """
        speaker: _Attribution | None = None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if len(paragraph) <= HEADING_LONGEST + 8:
                heading = self._heading_speaker(number)
                if heading is not None:
                    speaker = heading
                    continue
            if speaker is None or number in self._answers or number in self._labels:
                speaker = None
                continue
            words = self._block_words(paragraph, speaker.speaker)
            if words == "quotes":
                self._block_speaker[number] = speaker
            elif words == "unquoted":
                self._answers[number] = speaker
            else:
                speaker = None


def _is_heading(text: str) -> bool:
    """Whether a paragraph is a marked heading: a name with a colon, bold, a role or result."""
    heading = speaker_heading(text)
    return heading is not None and heading.marked


def _quote_only(paragraph: str, segments: list[Segment]) -> bool:
    """Whether a paragraph is nothing but its quotations (and the marks around them)."""
    last = 0
    for seg in segments:
        if paragraph[last : seg.open_mark].strip():
            return False
        last = seg.span_end
    return not paragraph[last:].strip(" .,")


#: ``Name: words``: a name of one to four capitalised words, a colon, then the words.
_NAME_LABEL = re.compile(r"\s*(?P<label>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*:\s+(?=\S)")


def _name_label(paragraph: str) -> _Label | None:
    """The label of an unquoted ``Name: words`` line (quoted lines are read already)."""
    m = _NAME_LABEL.match(paragraph)
    if m is None or paragraph[m.end() : m.end() + 1] in "\"“‘'`":
        return None
    return _Label(m.group("label"), m.end(), False)
