"""Stage two: a mention to a person (names, pronouns, epithets, nicknames)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Container
from operator import attrgetter

from bot.ingest.attribution.chain import not_the_speaker, passive_agent, profile_pronoun
from bot.ingest.attribution.organisations import _Organisations
from bot.ingest.attribution.patterns import (
    _COORDINATED,
    _EPITHET,
    _NICKNAME,
    _NOT_NICKNAMES,
    _PRONOUN_LEAD,
    _ROLE_EPITHET,
    _SPEAKS,
    _SUBORDINATE,
)
from bot.ingest.attribution.records import _BLOCKED, _Attribution, _Paragraph
from bot.ingest.people import Mention
from bot.ingest.resolve import default_register

#: A mention's start, for bisecting a paragraph's mentions (in text order).
_start = attrgetter("start")

#: A sentence opening with one capitalised word and a verb ("Carlos had", "Fernando is").
_FIRST_NAME_OPENS = re.compile(
    r"\s*([A-Z][a-z]+)\s+(?:had|has|was|is|did|does|got|gets|made|makes|said|says|told|took|"
    r"brought|finished|drove|went|came|called|asked|kept|won|lost)\b"
)

#: A relative named by their relation to the one before: "his younger brother", "her father".
_KIN = re.compile(
    r"([Hh]is|[Hh]er)\s+(?:(?:younger|older|elder|big|little|twin|kid)\s+)?"
    r"(?:brother|sister|father|mother|son|daughter|dad|mum|mom|cousin|uncle|nephew)"
)
#: The writer meeting someone, right before their name: "When I sat down with ", "I spoke to
#: ", "I caught up with ". The one met is whom the sentence's "he" is ("..., he said").
_WRITER_MET = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:sat\s+down\s+with|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
    r"caught\s+up\s+with|met(?:\s+up\s+with|\s+with)?|interviewed|asked|visited|rang|phoned)\s+$"
)
#: A generation written before or after a surname two people share: "the elder Montoya".
_GENERATION_BEFORE = re.compile(r"\b(elder|older|younger)\s+$", re.IGNORECASE)
_GENERATION_AFTER = re.compile(r",?\s+(Sr|Jr|Senior|Junior)\b\.?")
#: A sentence framed by the one person it is about: "For Alonso, ...", "As for Alonso, ...".
_TOPIC_FRAME = re.compile(r"\s*(?:For|As\s+for)\s+")
#: A team's own role, whose holder may be known only as the team: "the team owner".
_TEAM_ROLE_EPITHET = re.compile(
    r"[Tt]he\s+team(?:'s)?\s+(?:owner|boss|principal|chief|founder|president|chairman)"
)
#: A sentence opening with a name that is no person's mention, speaking ("Joe Gibbs spoke for
#: the team in a statement"): a team's or an unknown's name, and the subject now.
_UNKNOWN_NAME_SPEAKS = re.compile(
    r"\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}\s+(?:spoke|said|says|told|wrote|posted|added|"
    r"issued|released|replied|responded)\b"
)


@functools.lru_cache(maxsize=4)
def _register_first_names(register: object) -> frozenset[str]:
    """The first names of the register's people ("Carlos", "Fernando")."""
    return frozenset(
        str(getattr(p, "name", "")).split()[0]
        for p in getattr(register, "people", ())
        if len(str(getattr(p, "name", "")).split()) >= 2
    )


class _Mentions(_Organisations):
    """Link a mention to a person, or block when a reader could not tell."""

    # -- who "he" is ----------------------------------------------------------------------

    def _resolve_pronoun(self, pronoun: str, barred: Container[str] = ()) -> str | None:
        for name in reversed(self.history[-6:]):
            if name is None:
                return None
            if name not in barred and self._fits(name, pronoun):
                return name
        return None

    def _pronoun_person(
        self, pronoun: Mention, masked: str, mentions: list[Mention], *, tag: bool
    ) -> str | None:
        """Whom a pronoun stands for: the one the writer met, the sentence's one subject (a
        tag's pronoun only), a profile's subject (``chain``), else the history; never one
        the quotation being attributed names, nor one a "told" after the pronoun addresses."""
        barred = not_the_speaker(pronoun, masked, mentions, self._quote_now, self.people)
        name = self._writer_met(pronoun, masked, mentions)
        if tag and (name is None or name in barred):
            name = self._sentence_subject(pronoun, masked, mentions)
        if self.profile is not None and (name is None or name in barred):
            name = profile_pronoun(self.profile, pronoun, mentions, barred)
        if name is None or name in barred:
            name = self._resolve_pronoun(pronoun.pronoun or "", barred)
        return name

    def _fits(self, name: str, pronoun: str) -> bool:
        """Whether ``pronoun`` can stand for ``name``: their known pronoun, or any but
        "they" when the articles never gave one."""
        person = self.people.get(name)
        known = person.pronoun if person else None
        return known == pronoun or (known is None and pronoun != "they")

    def _writer_met(self, pronoun: Mention, masked: str, mentions: list[Mention]) -> str | None:
        """The one person the writer says they met earlier in the pronoun's own sentence.

        "When I sat down with Ostrava in September, he said ...": the reader takes "he" for
        the one the writer sat down with, never the subject of the paragraph before, though
        the name is an object and a subordinate clause opens the sentence. Only when exactly
        one person is met so and the pronoun fits them.
        """
        start = max(masked.rfind(". ", 0, pronoun.start), masked.rfind("? ", 0, pronoun.start))
        start = max(start, masked.rfind("! ", 0, pronoun.start)) + 1
        names = {
            x.person
            for x in mentions
            if start <= x.start
            and x.end <= pronoun.start
            and x.person is not None
            and x.kind != "pronoun"
            and _WRITER_MET.search(masked, start, x.start)
        }
        if len(names) != 1:
            return None
        (name,) = names
        return name if self._fits(name, pronoun.pronoun or "") else None

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
        if _SUBORDINATE.match(masked, start):
            return None
        # "Leclerc, fourth, thought the limit spoilt it: drivers, he said, were ...": a tag
        # set off in a later clause of a sentence whose one named person is its subject.
        lead = _PRONOUN_LEAD.search(masked, 0, pronoun.start) is not None
        set_off = masked[start : pronoun.start].rstrip()[-1:] in {",", ":", ";", "—", "–"}
        if not lead and not (set_off and _SPEAKS.match(masked, pronoun.end)):
            return None
        names: set[str] = set()
        others = 0
        for x in mentions:
            if x.start < start or x.end > pronoun.start or x is pronoun:
                continue
            if x.kind == "pronoun":
                return None
            if x.person is not None and x.subject_like:
                names.add(x.person)
            else:
                others += 1
        if len(names) != 1 or (others and not lead):
            return None  # a set-off tag: only when the sentence names no one else before it
        if not lead:
            # The tag must sit in a later clause than the name: in "Novak, he added, had
            # been "reckless"" Novak is what "he" speaks of, not who speaks.
            last = max(x.end for x in mentions if start <= x.start and x.end <= pronoun.start)
            if not any(mark in masked[last : pronoun.start] for mark in ":;—–"):
                return None
        (name,) = names
        return name if self._fits(name, pronoun.pronoun or "") else None

    # -- stage two: mention -> person ------------------------------------------------------

    def _speaker_of(self, mention: Mention, masked: str, mentions: list[Mention]) -> _Attribution:
        """The person a mention stands for; ``cue`` says how, when it was not a plain name."""
        if mention.kind == "pronoun":
            word = mention.pronoun or ""
            name = self._pronoun_person(mention, masked, mentions, tag=True)
            if name is None:
                return _Attribution("blocked", cue=f'pronoun "{word}" with no clear referent')
            return _Attribution("person", name, cue=f'pronoun "{word}" = {name}')
        if mention.person is not None:
            return _Attribution("person", mention.person)
        if mention.kind == "unknown":
            text = " ".join(masked[mention.start : mention.end].split())
            generation = self._generation(text, masked, mention)
            if generation is not None:
                return generation
            organisation = self._organisation(text, "")
            if organisation is not None:  # "a Mercedes spokesperson": the team's words
                return organisation
            if text[:4].casefold() == "the ":
                return self._epithet(text, mentions, mention.start)
        return _BLOCKED

    def _generation(self, surname: str, masked: str, mention: Mention) -> _Attribution | None:
        """ "the elder Montoya", "the younger Montoya", "Montoya Sr.", "Montoya Jr.": of the
        article's people sharing the surname, the oldest or the youngest, when the article
        (an age after the full name: "Juan Pablo Montoya, 51,") or the register gives each
        one's birth year and the oldest or youngest is one person. Blocked when it cannot
        tell; None when the mention says no generation."""
        before = _GENERATION_BEFORE.search(masked, max(0, mention.start - 20), mention.start)
        after = _GENERATION_AFTER.match(masked, mention.end)
        if before is None and after is None:
            return None
        word = before[1] if before is not None else after[1] if after is not None else ""
        elder = word.casefold() in ("elder", "older", "sr", "senior")
        folded = surname.casefold()
        kin = [n for n in self.people.names if n.split()[-1].casefold() == folded]
        born = {name: self._birth_year(name) for name in kin}
        years = [year for year in born.values() if year is not None]
        cue = f'"{word} {surname}"' if before is not None else f'"{surname} {word}"'
        if len(kin) < 2 or len(years) != len(kin):
            return _Attribution("blocked", cue=f"{cue}: no birth year for each {surname}")
        pick = min(years) if elder else max(years)
        chosen = [name for name, year in born.items() if year == pick]
        if len(chosen) != 1:
            return _Attribution("blocked", cue=f"{cue}: two of the same age")
        return _Attribution("person", chosen[0], cue=f"{cue} = {chosen[0]}, by birth year")

    def _birth_year(self, name: str) -> int | None:
        """The year a person was born: an age the article writes right after the full name
        ("Tomas Varga, 52,"), from the publication year; else the register's one entry."""
        ages = {
            int(m[1])
            for paragraph in self.paragraphs
            for m in re.finditer(re.escape(name) + r",\s+(\d{1,2}),", paragraph)
        }
        if len(ages) == 1 and self.published is not None:
            return self.published.year - ages.pop()
        matches = default_register().find(name)
        if len(matches) == 1:
            return getattr(matches[0], "born", None)
        return None

    def _epithet(self, text: str, mentions: list[Mention], at: int | None = None) -> _Attribution:
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
        if (
            salient is not None
            and self.info
            and salient in self.info[-1].speaking
            and describer.fits(text, salient) is None
            and not any(describer.fits(text, name) for name in self.people.names)
        ):
            # "Evans admitted he was beaten. '...,' the Welshman said.": the sentence before
            # has the current subject speaking, and nothing known fits anyone else: the
            # epithet is the writer's way of not repeating the speaker's name.
            return _Attribution("person", salient, cue=f'epithet "{text}" = {salient}, the '
                                "subject the sentence before has speaking")  # fmt: skip
        if _EPITHET.fullmatch(text[:1].lower() + text[1:]):  # "The Kiwi" opening a sentence
            # Only a person named before it: an epithet looks back ("His manager, Paco
            # Sánchez, later said" after "the Mallorcan told" is someone introduced later).
            named = {
                x.person
                for x in mentions
                if x.kind != "pronoun" and x.person and (at is None or x.start < at)
            }
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
        near = self._in_view(text, mentions)
        if near is not None:
            self._learn_epithet(text, near)
            return _Attribution("person", near, cue=f'epithet "{text}" = {near}, the one '
                                "person in view it fits")  # fmt: skip
        one = describer.matching(text, self.people.names)
        if one is not None:
            self._learn_epithet(text, one)
            return _Attribution("person", one, cue=f'epithet "{text}" = {one}, the only '
                                "person of the article it fits")  # fmt: skip
        if _TEAM_ROLE_EPITHET.fullmatch(text) and self.masked:
            # "Joe Gibbs spoke for the team in a statement. '...,' the team owner said": no
            # person fits; the words are those of the team the paragraph opens with.
            team = self._team_opening(self.masked[-1])
            if team is not None:
                return team
        return _Attribution("blocked", cue=f'epithet "{text}" fits no one person')

    def _in_view(self, text: str, mentions: list[Mention]) -> str | None:
        """The one person in the reader's view the epithet fits, when the others there do not.

        "Stroll held up Antonelli, and Toto Wolff was not impressed." then '"...," said the
        Mercedes boss.': the reader looks at the people named in this paragraph and the
        nearest one before it that names anyone (two back at most). The epithet must fit
        exactly one of them and contradict every other one, and fit nobody else the article
        names: when two people fit, it stays unattributed.
        """
        in_view = {x.person for x in mentions if x.kind in ("name", "alias") and x.person}
        here = self._only_fitting(text, in_view)
        if here is not None:
            return here
        for before in reversed(self.masked[-3:-1]):
            named = {
                x.person
                for x in self.people.mentions(before)
                if x.kind in ("name", "alias") and x.person
            }
            if named:
                in_view |= named
                break
        if not in_view:
            return None
        describer = self.describer
        fitting = [name for name in in_view if describer.fits(text, name)]
        if len(fitting) != 1 or any(
            describer.fits(text, name) is not False for name in in_view if name != fitting[0]
        ):
            return None
        (one,) = fitting
        if any(name != one and describer.fits(text, name) for name in self.people.names):
            return None
        return one

    def _only_fitting(self, text: str, named: set[str]) -> str | None:
        """The one person the paragraph itself names whom the epithet fits, when it
        contradicts everyone else the paragraph names; another of the article's people it
        fits, named elsewhere, does not stop it.

        A story with two Frenchmen: "Norris passed Ocon on lap 40. '...,' the Frenchman
        said." is Ocon's, whom the paragraph names, never Gasly, named paragraphs before.
        """
        describer = self.describer
        fitting = [name for name in named if describer.fits(text, name)]
        if len(fitting) != 1:
            return None
        (one,) = fitting
        if any(name != one and describer.fits(text, name) is not False for name in named):
            return None
        return one

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

    def _unmatched_subject(
        self, words: str, mentions: list[Mention], at: int | None = None
    ) -> _Attribution:
        """A tag's subject no mention covers: an epithet the register may know ("the South
        African"), or a nickname ("Checo"); otherwise blocked. An organisation ("Red Bull",
        "the stewards") is nobody, but its name is kept as the quote's label. In a column,
        "I" is its writer."""
        writer = self._column_writer(words)
        if writer is not None:
            return writer
        if (kin := _KIN.fullmatch(words)) is not None:
            return self._kin(kin.group(1))
        organisation = self._organisation(words, self._sentence_now)
        if organisation is not None:
            return organisation
        if _EPITHET.fullmatch(words[:1].lower() + words[1:]) and not words[4:5].isupper():
            # "the two-time Daytona 500 winner": a description by record, no capital at its head.
            return self._epithet(words, mentions, at)
        if re.fullmatch(r"[Tt]he\s+(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*", words):
            nickname = self._nickname(words)  # "the Honey Badger": a nickname, not a kind
            if nickname.status == "person":
                return nickname
            return self._epithet(words, mentions, at)
        return self._nickname(words)

    def _kin(self, pronoun: str) -> _Attribution:
        """ "his younger brother said": the one other person of the article who shares the
        surname of the one "his" stands for; blocked when none or several do."""
        owner = self._resolve_pronoun(pronoun.lower())
        if owner is None or len(owner.split()) < 2:
            return _Attribution("blocked", cue=f'"{pronoun}" relative with no clear referent')
        surname = owner.split()[-1].casefold()
        kin = [n for n in self.people.names if n != owner and n.split()[-1].casefold() == surname]
        if len(kin) != 1:
            return _Attribution("blocked", cue=f"no one relative of {owner} the article names")
        return _Attribution("person", kin[0], cue=f"relative of {owner} sharing the surname")

    def _column_writer(self, words: str) -> _Attribution | None:
        """A tag's "I" in a newsmaker's column: the writer; None anywhere else."""
        if words != "I" or self._column is None:
            return None
        return _Attribution("person", self._column.speaker, cue="first person in a column")

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
    ) -> str | None:
        """Note the sentence's subject in the history; return them if the sentence has them
        saying something ("Stroll said he had no warning.")."""
        # (The mentions are in text order: from the sentence's first, not the paragraph's.)
        for k in range(bisect_left(mentions, a, key=_start), len(mentions)):
            mention = mentions[k]
            if mention.start >= b:
                break
            if mention.subject_like:
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
                    name = self._pronoun_person(mention, masked, mentions, tag=False)
                    if name is None:
                        return None
                elif mention.kind == "unknown" and masked[mention.start : mention.start + 4] in (
                    "the ",
                    "The ",
                ):
                    epithet = masked[mention.start : mention.end]
                    name = self._epithet(epithet, mentions, mention.start).speaker
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
                    return name
                return None
        topic = _TOPIC_FRAME.match(masked, a, b)
        if topic is not None:
            # "For Alonso, ninth, it was his penultimate race. "One more," he said": the one
            # person the sentence is about, though no subject names them, is whom "he" is.
            named = {x.person for x in mentions if a <= x.start < b and x.kind in ("name", "alias")}
            framed = [x for x in mentions if x.start == topic.end() and x.person is not None]
            if framed and named == {framed[0].person}:
                self.history.append(framed[0].person)
                return None
        if (agent := passive_agent(masked, mentions, a, b)) is not None:
            self.history.append(agent)  # "RFK was represented by Mark Hollis": he is next
            return None
        if self._unknown_first_name_opens(masked[a:b]) or _UNKNOWN_NAME_SPEAKS.match(masked, a, b):
            # "Carlos had a strong race ... he said": "he" is someone the article does not
            # identify, not whoever was named before.
            self.history.append(None)
        return None

    def _unknown_first_name_opens(self, sentence: str) -> bool:
        """Whether a sentence opens with a first name alone that the register gives people
        but the article names no one by ("Carlos had a strong race"), then a verb."""
        m = _FIRST_NAME_OPENS.match(sentence)
        if m is None or self.people.resolve(m.group(1)) is not None:
            return False
        return m.group(1) in _register_first_names(default_register())
