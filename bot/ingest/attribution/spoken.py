"""Spoken transcripts: lines printed under their speaker's label, with no quotation marks.

Three forms print someone's words after a label and a colon, the writer's notes between:

- team radio, the label in capitals (``HAMILTON: He just drove into me.``), the engineer by
  role (``ENGINEER: Box this lap.``) or by role and name (``ENGINEER (Carlo Santi): ...``),
  under ``Lap N:`` subheads;
- a press conference's answers (``LANDO NORRIS: Yeah, ...``) between journalists' questions
  (``Q: (Anna Kerr - Racing Weekly) ...``), which stay the interviewer's;
- a team's press release, one line per driver (``Charles Leclerc (P4): I had the pace ...``).

A line is read only when the article has at least two of them and each label names a person
the article knows or a role; then a person's label makes the words theirs, a role with a name
in brackets makes them that person's, and a bare role is kept as a label (``Sergio Pérez's
race engineer``), the driver being the one whose line is next to it, never a guessed name.
A role's line, or most lines speaking as speech does (in the first person, to someone, asking
or exclaiming), is needed besides, so driver ratings (``NORRIS: Took pole ...``) stay the
writer's.
"""

from __future__ import annotations

import re

from bot.ingest.attribution.interviews import _Interviews
from bot.ingest.attribution.labels import _LABEL_ROLES, _Label, _spoken_label
from bot.ingest.attribution.records import _Attribution
from bot.ingest.people.headings import FIRST_PERSON as _FIRST_PERSON
from bot.ingest.text import Segment
from bot.models import TRANSCRIPT_CUE

#: A subhead placing the lines under it on a lap: "Lap 27: ...", "LAP 1", "Final lap: ...".
_LAP_SUBHEAD = re.compile(
    r"\s*(?:(?:Lap|LAP)\s+(?P<lap>\d{1,3})|(?P<last>Final|Last|FINAL|LAST)\s+(?:lap|LAP))\b"
)
#: How long a subhead may be: a line, never a paragraph of narration.
_SUBHEAD_LENGTH = 90
#: Words only speech has: someone addressed, a question, an exclamation.
_ADDRESS = re.compile(r"\b(?:you|your|you're|you've)\b|[?!]", re.IGNORECASE)
_RADIO = re.compile(r"\bradio\b", re.IGNORECASE)
_PRESS_CONFERENCE = re.compile(r"\bpress conference\b", re.IGNORECASE)


class _Spoken(_Interviews):
    """Lines of a radio transcript, a press conference or a release, under their labels."""

    def _find_spoken(self) -> None:
        """Take the article's labelled, unquoted lines as its speakers' words, or none."""
        if self._labels and self.defaults.spoken_setting is None:
            # An interview's labelled answers were given at a press conference when the
            # writer says so ("spoke to the media in the press conference").
            narration = (p for n, p in enumerate(self.paragraphs, 1) if n not in self._labels)
            self._conference = any(_PRESS_CONFERENCE.search(p) for p in narration)
        lines: dict[int, _Label] = {}
        people = roles = spoken = 0
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if (
                number in self._labels
                or number in self._answers
                or number in self._block_speaker
                or ":" not in paragraph[:70]
            ):
                continue
            label = _spoken_label(paragraph)
            if label is None:
                continue
            if self._label_person(label.text) is not None:
                people += 1
            elif _LABEL_ROLES.search(label.text):
                roles += 1
            else:
                continue
            lines[number] = label
            words = paragraph[label.end :]
            spoken += _FIRST_PERSON.search(words) is not None or _ADDRESS.search(words) is not None
        if len(lines) < 2 or not people:
            return
        if not roles and 2 * spoken < len(lines):
            return
        setting = self._spoken_setting(lines)
        lap: str | None = None
        for number, paragraph in enumerate(self.paragraphs, start=1):
            subhead = _LAP_SUBHEAD.match(paragraph)
            if subhead is not None and len(paragraph) <= _SUBHEAD_LENGTH:
                lap = f"lap {subhead.group('lap')}" if subhead.group("lap") else "final lap"
            if number in lines:
                self._labels[number] = lines[number]
                self._spoken[number] = f"{setting}, {lap}" if lap and setting else setting

    def _spoken_setting(self, lines: dict[int, _Label]) -> str:
        """Where the lines were said, from the writer's own words around them."""
        narration = " ".join(p for n, p in enumerate(self.paragraphs, start=1) if n not in lines)
        if _RADIO.search(narration):
            return "team radio"
        if _PRESS_CONFERENCE.search(narration):
            return "press conference"
        return self.defaults.spoken_setting or "remarks"

    def _unquoted_transcript(self, number: int, paragraph: str, label: _Label) -> None:
        setting = self._spoken.get(number)
        if setting is None:
            super()._unquoted_transcript(number, paragraph, label)
            if self._conference and not label.question:
                self.statements[-1].setting = "press conference"
            return
        end = len(paragraph.rstrip())
        statement = self._new_statement(self._spoken_speaker(number, label), setting)
        statement.parts.append((number, Segment(label.end, end, label.end, end), "direct"))

    def _spoken_speaker(self, number: int, label: _Label) -> _Attribution:
        """The person a spoken line's label names, or the role it keeps as a label."""
        shown = f"{label.text} ({label.named})" if label.named else label.text
        cue = f'{TRANSCRIPT_CUE} "{shown}:"'
        who = self._label_person(label.text)
        if who is not None:
            return _Attribution("person", who, None, cue, number)
        if label.named:
            who = self._label_person(label.named)
            if who is not None:
                return _Attribution("person", who, None, f"{cue}; the name in brackets", number)
        role = label.text.lower()
        if role == "engineer":
            role = "race engineer"
        if label.named:
            return _Attribution("blocked", None, None, cue, number, f"{role} {label.named}")
        driver = self._beside(number)
        if driver is None:
            return _Attribution("blocked", None, None, cue + "; whose, unclear", number, role)
        return _Attribution("blocked", None, None, f"{cue}; {driver}'s, the line beside it",
                            number, f"{driver}'s {role}")  # fmt: skip

    def _beside(self, number: int) -> str | None:
        """The person whose line is next to a role's line (before it, else after it)."""
        for other in (number - 1, number + 1):
            label = self._labels.get(other)
            if label is not None and other in self._spoken:
                who = self._label_person(label.text)
                if who is not None:
                    return who
        return None
