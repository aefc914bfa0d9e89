"""Transcripts and interviews: the label says who speaks."""

from __future__ import annotations

import re

from bot.ingest.attribution.labels import _LABEL_ROLES, _Label
from bot.ingest.attribution.records import _Attribution
from bot.ingest.attribution.tags import _Tags
from bot.ingest.resolve import fold
from bot.ingest.text import Segment
from bot.models import INTERVIEWER, TRANSCRIPT_CUE


class _Transcripts(_Tags):
    """Speakers named by transcript labels and interviews."""

    # -- transcripts ----------------------------------------------------------------------

    def _transcript(self, paragraph: int, label: _Label) -> _Attribution:
        """The speaker a transcript label names: a person, or a role or team kept as a label."""
        cue = f'{TRANSCRIPT_CUE} "{label.text}:"'
        if label.question:
            return _Attribution("blocked", None, None, cue, paragraph, INTERVIEWER)
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
        if name is None:
            name = self._folded_person(text)
        return name

    def _folded_person(self, text: str) -> str | None:
        """The one person whose name, or last name, the label spells without its accents
        ("HULKENBERG" for Nico Hülkenberg): labels in capitals often drop them."""
        if self._folded_names is None:
            self._folded_names = {}
            for entry in self.people.people:
                for key in {fold(entry.name), fold(entry.name.split()[-1])}:
                    known = self._folded_names.get(key, entry.name)
                    self._folded_names[key] = entry.name if known == entry.name else None
        return self._folded_names.get(fold(text))

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
