"""Ranked lists: a results report's classifications and standings, read as rows.

A report often ends with its results as lists, a heading line over numbered rows and a few
labelled lines, with no sentence to say what they mean::

    Sprint race classification (23 laps)
    1. Ana Reyes (Team Vela) 23 laps 39m14.602s
    2. Tom Okoye (Kestrel) +1.914s
    Fastest lap: Okoye, 1m40.881s

Each row tells one thing: who stands where in what its heading names. "who took the
sprint" is the first row under the sprint's heading, "who was 3rd in the feature" its third,
"who leads the teams championship" the first under "Teams' championship", "who set fastest
lap in the feature" the feature's "Fastest lap:" line. Two lists sharing every name (two
races of one weekend) are told apart by their headings' words, never by the rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers._sections import heading_shaped
from bot.answers.text import normalise, wordset
from bot.answers.understand import ORDINAL_WORDS
from bot.models import Passage

__all__ = ["Row", "Table", "asked_row", "asks_row", "tables_of"]

#: A numbered row: "1. Ana Reyes (Team Vela) 23 laps", "3) Kestrel 260".
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")
#: A labelled row: "Fastest lap: Okoye, 1m40.881s", "Retired: Ines Moll (Arc), gearbox".
_LABELLED = re.compile(r"^([A-Z][a-z]+(?:\s+[a-z]+){0,2}):\s+\S")
#: Where a labelled row starts inside a line that ran on into it.
_LABEL_INSIDE = re.compile(r"\s+(?=[A-Z][a-z]+(?:\s+[a-z]+){0,2}:\s)")
#: Most words a row has: a longer line is prose ("1. Colapinto's opening lap was one to
#: forget, and here is why ..." heads a column's section).
ROW_WORDS = 16
#: Numbered rows a list has at least, one after another.
MIN_ROWS = 2

#: What opens a question asking whom a row names.
_WHO = frozenset({"who", "whos", "which"})
#: Words asking for the first row: the winner, the leader.
_FIRST = wordset(
    "won win wins winner took take takes leads lead leading leader top first p1 victory"
)
#: Ordinal words as the question reader writes them ("3rd" -> "third"), to the row asked.
_ORDINALS = {word: n for n, word in ORDINAL_WORDS.items()}
#: Labelled rows asked for by the fans' words for them.
_LABELS = {
    "fastest lap": ("fastest",),
    "pole position": ("pole", "poles", "polesitter"),
    "pole": ("pole", "poles", "polesitter"),
    "retired": ("retired", "retire", "retirement", "dnf", "dnfd"),
}
#: Words of a heading that say only that it is a list: they tell one list from another
#: only where nothing else does.
_LIST_WORDS = wordset("race classification result standing after round lap")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a list, and the paragraph holding it (a report's last rows may share one:
    "10. Ines Moll (Arc) +17.295s" with "Retired: ..." and "Fastest lap: ..." below it)."""

    text: str
    passage: Passage


@dataclass(frozen=True, slots=True)
class Table:
    """A heading line and the rows under it, numbered or labelled, in order."""

    heading: Passage
    rows: tuple[Row, ...]

    def words(self) -> frozenset[str]:
        """The heading's words, folded, without their plural's "s" and without figures."""
        return frozenset(
            w.removesuffix("s") for w in normalise(self.heading.text).split() if not w.isdigit()
        )

    def row(self, number: int | None, label: str | None) -> Row | None:
        """The row numbered ``number``, or the one labelled ``label``."""
        for row in self.rows:
            if number is not None and (m := _NUMBERED.match(row.text)) and int(m[1]) == number:
                return row
            if label is not None and (m := _LABELLED.match(row.text)) and m[1].casefold() == label:
                return row
        return None


def _lines(text: str) -> list[str]:
    """A paragraph's rows: its lines, and a line run on into a labelled one ("10. Ines Moll
    +17.295s Retired: Tom Okoye, gearbox" is two rows, however the lines were joined)."""
    return [
        row.strip()
        for line in text.strip().splitlines()
        for row in _LABEL_INSIDE.split(line)
        if row.strip()
    ]


def _is_row(line: str) -> bool:
    return bool(_NUMBERED.match(line) or _LABELLED.match(line)) and len(line.split()) <= ROW_WORDS


def _all_rows(text: str) -> bool:
    lines = _lines(text)
    return bool(lines) and all(_is_row(line) for line in lines)


def tables_of(story: Sequence[Passage]) -> list[Table]:
    """The lists of one story's paragraphs (in order): a heading-shaped line followed by
    :data:`MIN_ROWS` numbered rows or more, with the labelled lines among or after them."""
    out: list[Table] = []
    i = 0
    while i < len(story):
        head = story[i]
        j = i + 1
        while j < len(story) and _all_rows(story[j].text):
            j += 1
        rows = tuple(Row(line, p) for p in story[i + 1 : j] for line in _lines(p.text))
        numbered = sum(1 for row in rows if _NUMBERED.match(row.text))
        if heading_shaped(head.text) and not _is_row(head.text.strip()) and numbered >= MIN_ROWS:
            out.append(Table(head, rows))
            i = j
        else:
            i += 1
    return out


def _asked(tokens: Sequence[str]) -> tuple[int | None, str | None]:
    """The row a question asks for: its place ("3rd", "who won") or its label ("fastest
    lap", "pole"); (None, None) when it asks for no row."""
    for label, words in _LABELS.items():
        if any(t in words for t in tokens):
            return None, label
    for t in tokens:
        if t in _ORDINALS:
            return _ORDINALS[t], None
        if (m := re.fullmatch(r"p(\d{1,2})", t)) is not None:
            return int(m[1]), None
    if any(t in _FIRST for t in tokens):
        return 1, None
    return None, None


def asks_row(tokens: Sequence[str]) -> bool:
    """Whether a question asks for a row of a list at all: whom ("who", "which team") at a
    place or by a label. "why did X drop to 7th" asks a cause, which no row tells."""
    return bool(tokens) and tokens[0] in _WHO and _asked(tokens) != (None, None)


def _matches(word: str, heading: frozenset[str]) -> bool:
    """A question's word names a heading's word: the same ("sprint"), one without its
    plural ("teams"), or a short form of it ("champ" of "championship")."""
    word = word.removesuffix("s")
    return any(h == word or (len(word) >= 5 and h.startswith(word)) for h in heading)


def asked_row(tables: Sequence[Table], tokens: Sequence[str]) -> tuple[Table, Row] | None:
    """The list and its row a question asks for (``tokens``: its folded words), or None.
    The list is the one whose heading holds most of the question's words, at least one of
    them more than a list's own word ("sprint", "teams"); the first of a tie."""
    number, label = _asked(tokens)
    if number is None and label is None:
        return None
    best: tuple[int, Table] | None = None
    for table in tables:
        heading = table.words()
        named = {t for t in tokens if len(t) > 2 and _matches(t, heading)}
        if not named - _LIST_WORDS:
            continue
        if best is None or len(named) > best[0]:
            best = (len(named), table)
    if best is None:
        return None
    row = best[1].row(number, label)
    return (best[1], row) if row is not None else None
