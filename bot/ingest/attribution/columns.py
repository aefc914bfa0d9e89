"""Columns: a newsmaker's own first-person piece, whose narration is what they say.

A driver's column, a team principal's diary, a guest blog, an "as told to" piece: the byline
names the one who writes (``By Alex Albon``, ``Alex Albon, as told to Jane Doe``, or the
file's ``author`` line), and the body speaks as "I". What such a writer writes is what they
say, so each run of the body's narration becomes one of their statements (setting
``column``), while the quotations inside it keep their own speakers (a race engineer on the
radio, a rival to the media). A staff journalist's byline makes no one a speaker: the
writer must be someone the news is about, which the register says (a driver, a team
principal, a pundit; not a reporter or journalist only) or the "as told to" form does, and
the body must speak in the first person outside its quotations.
"""

from __future__ import annotations

import re

from bot.ingest.attribution.records import _Attribution
from bot.ingest.attribution.state import _State
from bot.ingest.resolve import default_register
from bot.ingest.text import Segment, find_segments, sentence_spans

#: Where a byline may stand: within the first paragraphs, before the story proper.
_BYLINE_WITHIN = 3
#: A byline is a line, not a sentence.
_BYLINE_LONGEST = 90
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|der|di|le|la)){0,3}"
#: ``By Alex Albon``, ``Written by ...``, ``Words by ...``, ``By Alex Albon, as told to ...``,
#: ``Alex Albon, as told to Jane Doe``, ``Alex Albon (as told to Jane Doe)``.
_BYLINE = re.compile(
    rf"\s*(?:(?:by|written\s+by|words\s+by|words:)\s+(?P<by>{_NAME})"
    rf"(?:\s*[,(]?\s*(?P<told>as\s+told\s+to|with)\s+{_NAME}\)?)?"
    rf"|(?P<teller>{_NAME})\s*[,(]?\s*as\s+told\s+to\s+{_NAME}\)?"
    rf"|(?P<ghost>as\s+told\s+to)\s+{_NAME})\s*\.?\s*",
    re.IGNORECASE,
)
#: Roles that make a byline a journalist's: their "I" is the reporter's, not news.
_JOURNALISTS = frozenset({"reporter", "journalist"})
#: How many body paragraphs must speak as "I" outside quotation marks: one stray "I" in a
#: reporter's piece ("I asked him afterwards") does not make it a column.
_FIRST_PERSON_PARAGRAPHS = 2
#: "I" and "my" only: "we" and "us" are as often a team's as a writer's.
_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]yself)\b")
#: A heading: a short line closed by no stop ("Friday, November 27", "The night").
_HEADING = re.compile(r"[^.!?:;\"“”'’\n]{1,60}(?<![,\s])")


#: What follows the one who keeps the piece, in an editor's introduction: "Kai Moreau kept
#: a diary for us", "Moreau writes his column", "Moreau's diary", "Moreau tells us".
_TELLS = re.compile(
    r"(?:['’]s?)?\s*(?:has\s+|have\s+|will\s+|agreed\s+to\s+)?"
    r"(?:(?:kept|keeps?|writes?|wrote|tells?|told)\b[^.,;:]{0,40}?\b(?:diary|column|blog|us)\b"
    r"|(?:diary|column|blog)\b)",
    re.IGNORECASE,
)


class _Columns(_State):
    """The writer of a first-person column, and their narration as their statements."""

    def _find_column(self) -> None:
        """Decide whether the article is a newsmaker's own column, and whose."""
        writer: str | None = None
        told = False
        for number, paragraph in enumerate(self.paragraphs[:_BYLINE_WITHIN], start=1):
            if len(paragraph) > _BYLINE_LONGEST or number in self._labels:
                continue
            m = _BYLINE.fullmatch(paragraph)
            if m is None:
                continue
            writer = m.group("by") or m.group("teller") or self._teller_unnamed(number)
            told = bool(m.group("teller") or m.group("told") or m.group("ghost"))
            self._column_byline = number
            cue = f'column byline "{" ".join(paragraph.split())}"'
            break
        else:
            writer = self.defaults.writer
            cue = f'column by the author "{writer}"'
        if writer is None:
            return
        who = self.people.resolve(writer.strip())
        if who is None or not (told or self._newsmaker(writer, who)):
            return
        if self._first_person_paragraphs() < _FIRST_PERSON_PARAGRAPHS:
            return
        self._column = _Attribution("person", who, None, cue, self._column_byline or None)

    def _teller_unnamed(self, byline: int) -> str | None:
        """Whose "I" a bare "As told to Jane Doe" byline leaves unnamed: the one person the
        headline names ("Nico Hulkenberg's diary: ..."), else the one person the paragraph
        after the byline names ("For his last fortnight, Nico Hulkenberg kept a diary for
        us"), or, when it names several, the one who keeps the diary there ("After Jon Larsen
        beat him, Kai Moreau kept a diary for us": Moreau). Never the journalist the byline
        names: they only wrote it down; and no one when neither text settles who."""
        texts = [(self.defaults.headline, False), (self._paragraph_after(byline), True)]
        for text, introduction in texts:
            if not text:
                continue
            masked = self._mask(text)
            mentions = [m for m in self.people.mentions(masked) if m.person]
            named = list(dict.fromkeys(m.person for m in mentions))
            if len(named) == 1:
                return named[0]
            if introduction:
                tellers = {m.person for m in mentions if _TELLS.match(masked, m.end)}
                if len(tellers) == 1:
                    return tellers.pop()
        return None

    def _paragraph_after(self, byline: int) -> str | None:
        return self.paragraphs[byline] if byline < len(self.paragraphs) else None

    @staticmethod
    def _newsmaker(written: str, who: str) -> bool:
        """Whether the register knows the writer as someone the news is about."""
        register = default_register()
        found = register.find(who) or register.find(written)
        if len(found) != 1:
            return False
        return bool(set(getattr(found[0], "roles", ())) - _JOURNALISTS)

    def _first_person_paragraphs(self) -> int:
        count = 0
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if number <= self._column_byline or number in self._answers:
                continue
            if _SINGULAR.search(self._mask(paragraph)):
                count += 1
        return count

    def _column_statements(self) -> None:
        """Give each run of the body's narration (sentences holding no quotation) to the
        writer, as one statement; the quotations and their tags stay as the walk read them."""
        if self._column is None:
            return
        opening = True
        for number, paragraph in enumerate(self.paragraphs, start=1):
            if number <= self._column_byline or number in self._answers:
                continue
            if number in self._labels or number in self._block_speaker:
                continue
            # The editor's introduction before the first "I" ("For his last fortnight, Nico
            # Hulkenberg kept a diary for us") is not the writer's; nor is a diary's dated
            # heading ("Friday, November 27"), a line that says nothing.
            opening = opening and not _SINGULAR.search(self._mask(paragraph))
            if opening or _HEADING.fullmatch(paragraph.strip()):
                continue
            segments = find_segments(paragraph, self.style)
            masked = self._mask(paragraph)
            runs: list[tuple[int, int]] = []
            for a, b in sentence_spans(masked):
                if any(s.open_mark < b and s.span_end > a for s in segments):
                    continue
                start = a + len(masked[a:b]) - len(masked[a:b].lstrip())
                end = a + len(masked[a:b].rstrip())
                if end <= start:
                    continue
                if runs and not paragraph[runs[-1][1] : start].strip():
                    runs[-1] = (runs[-1][0], end)
                else:
                    runs.append((start, end))
            for start, end in runs:
                statement = self._new_statement(self._column, "column")
                statement.parts.append((number, Segment(start, end, start, end), "direct"))
