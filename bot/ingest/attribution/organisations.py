"""Teams' and bodies' words: statements, spokespeople, rulings (no person spoke them)."""

from __future__ import annotations

import re

from bot.hearing_bodies import LOWER_CASE_BODIES
from bot.ingest.attribution.records import _Attribution
from bot.ingest.attribution.settings import _STATEMENT
from bot.ingest.attribution.state import _State
from bot.ingest.resolve import default_register
from bot.ingest.text import sentence_spans

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


#: Bodies the press writes in lower case: "the stewards", "the panel", "the tribunal".
_LOWER_BODIES = "|".join(r"\s+".join(name.split()) for name in LOWER_CASE_BODIES)


def _org_name(group: str) -> str:
    """A team's or body's name as a regex group: capitalised words, or "the stewards"."""
    return (
        rf"(?P<{group}>(?:[Tt]he\s+)?(?:[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){{0,4}}"
        rf"|{_LOWER_BODIES}))"
    )


#: The written forms a team's or body's words come in: a statement, and the documents a
#: body publishes ("the stewards' decision", "the document read", "the verdict said").
_DOCUMENT = r"(?:statement|document|decision|ruling|verdict|bulletin|notice|communiqu[eé]|summons)"
_STATEMENT_NOUN = rf"(?:team\s+|official\s+|written\s+|short\s+)?{_DOCUMENT}"
#: Whether a stretch of text speaks of a statement or a document (a cheap test first).
_SPEAKS_OF_DOCUMENT = re.compile(rf"\b{_DOCUMENT}s?\b", re.IGNORECASE)
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
    r"(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:team['’]s\s+|short\s+|written\s+)?"
    rf"{_DOCUMENT}\s+{_STATEMENT_VERB}"
)
#: "“...,” the statement read": whose, the sentences before must tell.
_POST_BARE_STATEMENT = re.compile(rf"^[\s,.!?…—–-]*{_BARE_STATEMENT}\b")
_PRE_BARE_STATEMENT = re.compile(rf"\b{_BARE_STATEMENT}(?:\s+\w+){{0,2}}?\s*[:,]\s*$")
#: 'The document noted that the penalty was "..."': a document as the subject of reported
#: words, its owner told by the sentences before (as for "the statement read").
_DOCUMENT_CLAUSE = re.compile(
    rf"\s*(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:\w+['’]?\s+)?{_DOCUMENT}\s+"
    r"(?:noted|said|says|stated|read|reads|added|ruled|concluded|found|described|called|"
    r"deemed|judged|explained|wrote)\b"
)
#: A body written in lower case, as the press writes it ("the stewards", "the race
#: stewards"): capitalised runs miss it.
_LOWER_BODY = re.compile(rf"\b[Tt]he\s+(?:race\s+)?(?:{_LOWER_BODIES})\b")
#: A clause whose subject is an organisation and whose verb says something ("Red Bull
#: called the penalty", "the stewards described the move as").
_ORG_CLAUSE = re.compile(
    rf"\s*{_org_name('org')}"
    r"\s+(?:\w+ly\s+)?(?:said|says|called|calls|described|describes|labelled|labeled|"
    r"branded|termed|deemed|insisted|admitted|confirmed|stated|declared|promised|vowed|"
    r"added|wrote|ruled|explained|blamed)\b"
)
#: A body giving its written or ruled words after an opening phrase or a predicate of its
#: own: 'In its written decision the panel said it was "..."', 'The panel accepted the
#: figures, ..., and said the penalty was "..."'. The words are the body's (``tags``).
_BODY_WROTE = re.compile(
    rf"{_org_name('org')}\s+(?:[^\"“”.;:]{{0,160}}?\s+and\s+)?(?:\w+ly\s+)?"
    r"(?:said|says|wrote|writes|found|finds|ruled|rules|concluded|held|decided)\b"
)
#: "the 23XI Racing account shared a photo with the caption "..."": a team's account posts
#: the team's words, never its owner's nor those of the person the sentence before names.
_ACCOUNT_CLAUSE = re.compile(
    r"(?:\b[Tt]he\s+)?(?P<org>[A-Z0-9][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){0,4})['’]?s?"
    r"\s+(?:official\s+)?(?:(?:X|Instagram|social(?:\s+media)?|Twitter)\s+)?"
    r"(?:account|feed|page|channel|handle)\s+(?:\w+ly\s+)?"
    r"(?:shared|posted|tweeted|wrote|published|put\s+out|replied|added|said)\b"
)
#: "the team said in a statement": a team the text has named before.
_TEAM_NOUNS = frozenset({"team", "squad", "outfit"})
#: Capitalised words that may name an organisation ("Toyota's", "the Ducati Lenovo Team").
_CAPITALISED_RUN = re.compile(r"(?:\b[Tt]he\s+)?\b[A-Z][\w&.'’+-]*(?:\s+[A-Z][\w&.'’+-]*){0,4}")


#: A name coordinated with another ("Williams and Haas", "Williams, Haas").
_AND_ANOTHER = re.compile(r"\s*(?:,|&|and\b)")


class _Organisations(_State):
    """Tell a team's or body's words from a person's, and label them."""

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
        if the and stated and text in _TEAM_NOUNS:
            return self._the_team()
        if not text or not (text[:1].isupper() or text[:1].isdigit() or the):
            return None
        register = default_register()
        if not register.organisations(text):
            return None
        if register.find(text) and not stated:
            return None
        label = f"the {text}" if the else text
        return _Attribution("blocked", None, None, f'organisation "{label}"', label=label)

    def _the_team(self) -> _Attribution | None:
        """Whose "the team said in a statement" is: the one team or body the narration so
        far has saying something ("Meyer Shank Racing said on Tuesday"); None when it has
        none or several."""
        labels: set[str] = set()
        for text in self.masked:
            for m in _ORG_CLAUSE.finditer(text):
                found = self._organisation(m.group("org"), "statement")
                if found is not None and found.label:
                    labels.add(found.label)
        if not labels and self.masked:
            return self._team_opening(self.masked[-1])
        if len(labels) != 1:
            return None
        (label,) = labels
        return _Attribution("blocked", None, None, f'organisation "{label}", the team the '
                            "narration has speaking", label=label)  # fmt: skip

    def _team_opening(self, masked: str) -> _Attribution | None:
        """The one team the paragraph's sentences open with ("Andretti were less forgiving.
        '...,' the team said"), when the narration has no team saying anything; None when
        no sentence, or sentences naming several, open with one."""
        labels: set[str] = set()
        for a, b in sentence_spans(masked):
            run = _CAPITALISED_RUN.match(masked, a, b)
            if run is None or self.people.mentions(run.group(0)):
                continue
            if _AND_ANOTHER.match(masked, run.end()):
                return None  # "Williams and Haas both protested": two teams
            found = self._organisation(run.group(0), "statement")
            if found is not None and found.label:
                labels.add(found.label)
        if len(labels) != 1:
            return None
        (label,) = labels
        return _Attribution("blocked", None, None, f'organisation "{label}", the team the '
                            "paragraph opens with", label=label)  # fmt: skip

    def _statement_owner(self, masked: str, upto: int) -> _Attribution | None:
        """Whose "the statement" (or "the document") is: the one organisation the sentences
        speaking of a statement or a document name, in this paragraph before ``upto`` or
        else the paragraph before ("Toyota's frustration boiled over when the team issued a
        statement"). None when they name a person (or "he"), several organisations, or
        none."""
        places = [masked[:upto]]
        if len(self.masked) >= 2:
            places.append(self.masked[-2])
        for text in places:
            labels: set[str] = set()
            spoken = False
            for a, b in sentence_spans(text):
                sentence = text[a:b]
                if _SPEAKS_OF_DOCUMENT.search(sentence) is None:
                    continue
                spoken = True
                if any(x.kind != "unknown" for x in self.people.mentions(sentence)):
                    return None  # "Hamilton issued a statement on Ferrari's pace"
                runs = [run.group(0) for run in _CAPITALISED_RUN.finditer(sentence)]
                runs += [run.group(0) for run in _LOWER_BODY.finditer(sentence)]
                for run in runs:
                    found = self._organisation(run, "statement")
                    if found is not None and found.label:
                        labels.add(found.label)
            if spoken:
                if len(labels) != 1:
                    return None
                (label,) = labels
                return _Attribution("blocked", None, None, f'organisation "{label}", whose '
                                    "statement the text speaks of", label=label)  # fmt: skip
        return None
