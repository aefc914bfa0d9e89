"""Transcript labels: "Alonso: ...", "Race engineer: ...", "Q: ... / A: ..."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ingest.attribution.patterns import _STAMP

# -- transcripts -------------------------------------------------------------------------

#: A transcript line: a short label, a colon, then the words ("Alonso: ...", "Race engineer:
#: ...", "Q: ...", "Driver to team: ..."). Lower-case words are allowed only from the small
#: vocabulary of roles, so "Verstappen said: ..." is a tag, not a label. A live blog entry's
#: stamp may come first ("14:55 Race engineer: ...").
_LABEL = re.compile(
    rf"^\s*(?:{_STAMP}\s*[–—-]?\s*)?"
    r"(?P<label>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|to|the|of|and|race|team|engineer|"
    r"principal|boss|wall|manager|chief|director|radio|strategist|spokesperson|owner|crew|"
    r"spotter|driver|rider|pit|performance))*?)\s*:\s+(?=\S)"
)
#: "Q. ..." and "A. ...": the letter and a full stop (never "A. J. Foyt", an initial).
_DOT_LABEL = re.compile(r"^\s*(?P<label>[QA])\.\s+(?![A-Z]\.)(?=\S)")
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
    #: The person a role label names in brackets ("ENGINEER (Carlo Santi):"), if any.
    named: str | None = None

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
    m = _LABEL.match(paragraph) or _DOT_LABEL.match(paragraph)
    if m is None:
        return None
    label = m.group("label")
    if label == "A" and m.re is _DOT_LABEL and not interview:
        return None  # "A. ..." answers only where "Q." lines make an interview
    if len(label.split()) > 5:
        return None
    rest = paragraph[m.end() :]
    quoted = rest[:1] in "\"“‘'`" or rest[:2] == "''"
    if not quoted and not interview and label.casefold() not in _QUESTION | _ANSWER:
        return None
    return _Label(label, m.end(), quoted)


#: A spoken transcript's line, its label unquoted: ``HAMILTON:``, ``LANDO NORRIS:``,
#: ``ENGINEER (Carlo Santi):``, ``Race engineer (Will Joseph):``, ``Jane Doe, Team Principal:``:
#: one to four capitalised words, perhaps a name in brackets or a role after a comma, a colon,
#: then the words.
_SPOKEN_LABEL = re.compile(
    r"\s*(?P<label>[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|race|team|engineer|principal|boss|"
    r"manager|chief|director|wall|crew|spotter)){0,3})"
    r"(?:\s*\((?P<named>[A-Z][^()\n:]{1,40})\)|,(?:\s+[A-Z][\w'’.&-]*){1,4})?\s*:\s+(?=\S)"
)


def _spoken_label(paragraph: str) -> _Label | None:
    """The label of a spoken transcript's unquoted line (``NORRIS: Are you serious?``)."""
    m = _SPOKEN_LABEL.match(paragraph)
    if m is None or paragraph[m.end() : m.end() + 1] in "\"“‘'`":
        return None
    named = m.group("named")
    return _Label(m.group("label"), m.end(), False, named.strip() if named else None)
