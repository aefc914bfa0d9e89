"""Stage one: a quote to a mention through tags (after, before, set off, reported, dash)."""

from __future__ import annotations

import re

from bot.ingest.attribution.mentions import _Mentions
from bot.ingest.attribution.organisations import (
    _ACCOUNT_CLAUSE,
    _BODY_WROTE,
    _DOCUMENT_CLAUSE,
    _ORG_CLAUSE,
    _POST_BARE_STATEMENT,
    _POST_STATEMENT,
    _PRE_BARE_STATEMENT,
    _PRE_STATEMENT,
    _SPEAKS_OF_DOCUMENT,
)
from bot.ingest.attribution.patterns import (
    _ACCORDING,
    _CLAUSE_BOUNDARY,
    _CLAUSE_WORDS,
    _DASH_CREDIT,
    _NOUN_CLAUSE,
    _PARENTHETICAL,
    _PASSIVE,
    _POST_APPOSED,
    _POST_RADIO,
    _POST_SUBJECT_FIRST,
    _POST_VERB_FIRST,
    _POST_VERDICT,
    _PRE_ACCORDING,
    _PRE_VERB,
    _REPORTED_BY,
    _SPEAKS,
    _SUBJECTLESS,
    _SUBORDINATE,
    _TAG_TAIL,
)
from bot.ingest.attribution.records import _BLOCKED, _NONE, _Attribution
from bot.ingest.attribution.reported import _REPORT_VERB, _subject_of
from bot.ingest.people import Mention

#: A generation closing a tag's subject: "Montoya Sr.", "Montoya Jr".
_GENERATION_END = re.compile(r",?\s+(?:Sr|Jr)\.?$")
#: An unnamed subject the article only describes: "a rival engineer", "one team boss".
_DESCRIBED = re.compile(r"(?:an?|one|another|his|her|their)\s+\w", re.IGNORECASE)
#: A verb of naming before the person named, its object: 'His own engineer called Hamilton
#: "the calmest man in the garage"': the words are the subject's, not the object's.
_CALLED_BY = re.compile(r"\b(?:called|calls|described|describes|labelled|labeled|dubbed)\b")
#: A comma, colon or semicolon between a reporting verb and a name: the verb is another
#: clause's, so the name is not inside what it reported.
_CLAUSE_BREAK = re.compile(r"[,;:]")
#: A relative clause reporting speech, right after the name it hangs on: ", who said".
_WHO_SAID = re.compile(
    r",\s+who\s+(?:\w+ly\s+|later\s+|then\s+)?(?:said|says|called|described|told|added|"
    r"admitted|insisted|claimed|replied|complained|joked|warned|reckoned)\b"
)

#: A verdict in a clause of its own right before the quoted words: "Hadjar starts fifth after
#: the stewards in Qatar found him "wholly to blame"". The words are the verdict's, its
#: subject's, never those of the sentence's subject it was passed on.
_JUDGED_BY = re.compile(
    r"\b(?:after|when|because|since|once|before|until|as)\s+"
    r"(?P<subj>(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:in|at|of|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
    r"\s+(?:\w+ly\s+)?(?:had\s+)?(?:found|ruled|judged|deemed|called|described|labelled|"
    r"labeled|branded|declared|termed)\b(?:\s+[\w'’-]+){0,3}\s*$"
)


class _Tags(_Mentions):
    """The tag sieves of stage one, most precise first."""

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
        m = _POST_BARE_STATEMENT.match(text) if _SPEAKS_OF_DOCUMENT.search(text) else None
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
                found = self._unmatched_subject(m.group("subj").strip(), mentions, s0)
            return self._cued(found, "tag", m.group(0), paragraph)
        m = _POST_SUBJECT_FIRST.match(text)
        if m:
            subj = m.group("subj")
            words = subj.split()
            if len(words) <= 8 and not any(w.lower() in _CLAUSE_WORDS for w in words):
                s0, s1 = start + m.start("subj"), start + m.end("subj")
                if (generation := _GENERATION_END.search(subj)) is not None:
                    s1 -= len(generation[0])  # "Montoya Sr. said": the name ends before it
                inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
                found = _BLOCKED
                if inside and inside[-1].end == s1 and not inside[-1].possessive:
                    found = self._speaker_of(inside[-1], masked, mentions)
                elif not inside:
                    found = self._unmatched_subject(subj.strip(), mentions, s0)
                found = _Attribution(
                    found.status, found.speaker, m.group("verb"), found.cue, label=found.label
                )
                return self._cued(found, "tag", m.group(0), paragraph)
        m = _POST_APPOSED.match(text)
        if m:
            s0, s1 = start + m.start("subj"), start + m.end("subj")
            inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
            if (
                len(inside) == 1
                and (inside[0].start, inside[0].end) == (s0, s1)
                and inside[0].kind in ("name", "alias")
                and inside[0].subject_like
            ):
                found = self._speaker_of(inside[0], masked, mentions)
                found = _Attribution(
                    found.status, found.speaker, m.group("verb"), found.cue, label=found.label
                )
                return self._cued(found, "tag", m.group(0), paragraph)
        m = _POST_VERB_FIRST.match(text)
        if m:
            found = self._first_in(mentions, start + m.start("subj"), start + m.end("subj"))
            if found.status == "none":
                at = start + m.start("subj")
                found = self._unmatched_subject(m.group("subj").strip(), mentions, at)
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
        documented = _SPEAKS_OF_DOCUMENT.search(pre) is not None
        m = _PRE_STATEMENT.search(pre) if documented or "ruled" in pre else None
        if m:
            subject = m.group("subj") or m.group("by") or m.group("body") or ""
            found = self._organisation(subject, "statement")
            if found is not None:
                return self._cued(found, "statement", m.group(0), paragraph)
        m = _PRE_BARE_STATEMENT.search(pre) if documented else None
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
                subject = before[-1]
                if (
                    len(before) > 1
                    and subject.kind == "unknown"
                    and before[-2].kind in ("name", "alias")
                    and masked[before[-2].end : subject.start].strip() == ","
                ):
                    # "Shane van Gisbergen, the New Zealander who drives for Trackhouse,
                    # replied": the description is set off after the name it describes.
                    subject = before[-2]
                found = self._speaker_of(subject, masked, mentions)
                words = masked[subject.start : start + verb.end()]
            else:
                found = self._first_in(mentions, start + verb.end(), end)
                words = masked[start + verb.start() : end]
                if found.status == "none":
                    subject = pre[: verb.start()].strip().split(",")[-1].strip()
                    found = (
                        self._column_writer(subject)
                        or self._organisation(subject, masked[start:end])
                        or self._nickname(subject)
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
            if inside and _NOUN_CLAUSE.search(masked, s0, inside[0].start):
                # "Kirkwood, told what Newgarden had said, replied ...": what was said is the
                # object of "told"; the words that follow are the sentence's subject's.
                continue
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
        m = _DOCUMENT_CLAUSE.match(masked, clause_start, at)
        if m is not None:
            # 'The document noted that he had "ignored the flags"': a document's words, its
            # issuer's if the text says who issued it, never the person it speaks of.
            found = self._statement_owner(masked, clause_start) or _BLOCKED
            return self._cued(found, "reported speech", m.group(0), paragraph)
        account = _ACCOUNT_CLAUSE.search(masked, clause_start, at)
        if account is not None:
            # 'the 23XI Racing account shared a photo with the caption "..."': the team's.
            found = self._organisation(account.group("org"), "statement")
            if found is not None:
                return self._cued(found, "reported speech", account.group(0), paragraph)
        who = None
        for found_who in _WHO_SAID.finditer(masked, clause_start, at):
            who = found_who  # the last before the quote
        if who is not None:
            # "Albon apologised to Lawson, who said it "hurt"": the relative clause's words
            # are the one it hangs on, never the sentence's subject.
            antecedent = [x for x in mentions if x.end == who.start() and x.kind != "pronoun"]
            if antecedent and antecedent[0].person is not None:
                found = self._speaker_of(antecedent[0], masked, mentions)
                words = masked[antecedent[0].start : who.end()]
                return self._cued(found, "reported speech", words, paragraph)
        judged = _JUDGED_BY.search(masked, clause_start, at)
        if judged is not None:
            found = self._verdict_of(judged, masked, mentions)
            return self._cued(found, "verdict", judged.group(0).strip(), paragraph)
        ordered = self._reporting_subject_first(masked, mentions, clause_start, at, clause_end)
        for mention in ordered:
            if clause_start <= mention.start and mention.end <= clause_end and mention.subject_like:
                said = _REPORTED_BY.search(masked, clause_start, mention.start) or (
                    _CALLED_BY.search(masked, clause_start, mention.start)
                )
                if (
                    said is not None
                    and _SPEAKS.match(masked, mention.end)
                    and _CLAUSE_BREAK.search(masked, said.end(), mention.start)
                ):
                    # "..., which Red Bull has said it will make after Abu Dhabi, Mekies
                    # said it had "...": a name with a speech verb of its own says the
                    # words; the verb before it is another clause's, not his reporter's.
                    # With no break between ("His engineer said Larsen felt "..."") the
                    # name is inside what the engineer reported, and the words stay his.
                    said = None
                if said is not None:
                    # "His management said he was "looking at several options"", "His own
                    # engineer called Hamilton "the calmest man in the garage"": the words are
                    # the verb's subject's, and that names nobody here; a short description
                    # ("his own engineer") is kept as the quote's label, verbatim.
                    words = masked[clause_start : said.end()]
                    subject = masked[clause_start : said.start()].strip(" ,")
                    unnamed = _Attribution(
                        "blocked", label=subject if 0 < len(subject.split()) <= 5 else None
                    )
                    return self._cued(unnamed, "reported speech", words, paragraph)
                found = self._speaker_of(mention, masked, mentions)
                described = " ".join(masked[mention.start : mention.end].split())
                if (
                    found.status == "blocked"
                    and found.label is None
                    and _DESCRIBED.match(described)
                ):
                    # 'A rival engineer called Kerr "..."': no one named; the article's
                    # description of whose words they are is kept, verbatim.
                    found = _Attribution("blocked", cue=found.cue, label=described)
                words = masked[mention.start : min(at, mention.end + 40)]
                return self._cued(found, "reported speech", words, paragraph)
        # 'Red Bull called the penalty "harsh"': an organisation's words, no person's.
        m = _ORG_CLAUSE.match(masked, clause_start, at)
        if m is not None and (found := self._organisation(m.group("org"), "")) is not None:
            return self._cued(found, "reported speech", m.group(0), paragraph)
        # 'In its written decision the panel said it was "..."': the body the clause has
        # writing, ruling or finding, after an opening phrase or a predicate of its own.
        for m in _BODY_WROTE.finditer(masked, clause_start, at):
            if (found := self._organisation(m.group("org"), "")) is not None:
                return self._cued(found, "reported speech", m.group(0), paragraph)
        return _NONE

    def _verdict_of(
        self, judged: re.Match[str], masked: str, mentions: list[Mention]
    ) -> _Attribution:
        """Whose a verdict clause's words are (``_JUDGED_BY``): the person it names as its
        subject, else the body it names ("the stewards"), else nobody, its subject kept as
        the label when short ("the judges")."""
        s0, s1 = judged.start("subj"), judged.end("subj")
        # "after" opens the clause as a conjunction here, not as a preposition governing the
        # name: the name is the clause's subject, whatever the mention reader marked it.
        inside = [x for x in mentions if s0 <= x.start and x.end <= s1 and not x.possessive]
        if len(inside) == 1 and inside[0].kind != "pronoun":
            return self._speaker_of(inside[0], masked, mentions)
        subject = " ".join(judged.group("subj").split())
        found = self._organisation(subject, "statement")
        if found is not None:
            return found
        return _Attribution("blocked", label=subject if len(subject.split()) <= 5 else None)

    @staticmethod
    def _reporting_subject_first(
        masked: str, mentions: list[Mention], a: int, at: int, b: int
    ) -> list[Mention]:
        """The clause's mentions, the subject of its reporting verb first: "On his podcast,
        Actions Detrimental, Hamlin said it was "fine"": the podcast's name opens the clause,
        but the words are those of the one who "said" them."""
        inside = [x for x in mentions if a <= x.start and x.end <= b and x.subject_like]
        for verb in _REPORT_VERB.finditer(masked, a, at):
            before = [x for x in inside if x.end <= verb.start()]
            subject = _subject_of(masked, before, verb.start())
            if subject is not None and before and subject is not before[0]:
                return [subject, *(x for x in mentions if x is not subject)]
            if before:
                break
        return mentions

    def _radio_credit(
        self, paragraph: int, masked: str, mentions: list[Mention], start: int, end: int
    ) -> _Attribution:
        """'"He just sent it!" Hamilton on the team radio.': a verbless credit after the quote.

        Live blogs and radio round-ups write it as a fragment of its own, past the quote's
        sentence; only a name standing alone before "on the radio" counts.
        """
        m = _POST_RADIO.match(masked, start, end)
        if m is None:
            return _NONE
        s0, s1 = m.start("subj"), m.end("subj")
        inside = [x for x in mentions if s0 <= x.start and x.end <= s1]
        if len(inside) != 1 or (inside[0].start, inside[0].end) != (s0, s1):
            return _NONE
        if inside[0].kind not in ("name", "alias") or not inside[0].subject_like:
            return _NONE
        found = self._speaker_of(inside[0], masked, mentions)
        found = _Attribution(found.status, found.speaker, "radioed", found.cue, label=found.label)
        return self._cued(found, "radio credit", masked[s0 : m.end()], paragraph)

    def _dash_credit(self, paragraph: int, masked: str) -> _Attribution:
        """`Crash was a "misjudgement" – Kowalski`: a credit closing the paragraph."""
        # The credit is the paragraph's, whichever of its quotes asks: look for it once (a
        # paragraph of thousands of short quotes searched whole for each cost quadratic time).
        if paragraph not in self._dash_credits:
            dashed = "–" in masked or "—" in masked or " -" in masked
            self._dash_credits[paragraph] = _DASH_CREDIT.search(masked) if dashed else None
        m = self._dash_credits[paragraph]
        if m is None:
            return _NONE
        name = self.people.resolve(m.group("name"))
        if name is None:
            return _NONE
        return _Attribution("person", name, None, f'dash credit "{m.group(0).strip()}"', paragraph)
