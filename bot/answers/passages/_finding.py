"""The passage search itself (``Finding.find``): candidate paragraphs from the index, the
stories they point at, every sentence scored, credit passed on, and the best picked.
"""

from __future__ import annotations

import dataclasses
import math

from bot.answers._interviews import question_paragraphs
from bot.answers._sections import (
    held_words,
    names_team,
    opens_with_other_team,
    other_teams,
)
from bot.answers._turns import Turns
from bot.answers.passages._asked import credit_asked
from bot.answers.passages._candidates import Candidates
from bot.answers.passages._corrections import body_first, demote_corrections
from bot.answers.passages._credit import (
    _carry_rarest,
    _definitions,
    _lean_on_leads,
    _name_from_next,
)
from bot.answers.passages._our_team import holds_we
from bot.answers.passages._picking import Picking
from bot.answers.passages._places import (
    _asked_places,
    _crowded_stories,
    _names_place,
    tells_place,
)
from bot.answers.passages._reading import SECTION_SHARE, _heading_stems, _without_fillers
from bot.answers.passages._records import Query, Scored, _date, _key
from bot.answers.passages._scoring import Scoring
from bot.answers.passages._shapes import _BACK_REFERENCE, _DEFINITE, _PRONOUN, _SANCTION_FOR
from bot.answers.passages._stories import (
    _asked_forms,
    _asks_it,
    _newest_event,
    _restates,
    _restates_titled,
    _same_ask,
    _story_forms,
    _under_asked,
    headline_subject,
)
from bot.answers.passages._words import (
    _SAME,
    _VERB_FORMS,
    _has,
    _mentions,
    _with_forms,
    forms_of,
    split_sentences,
    stem,
    stems,
)
from bot.answers.understand import is_team
from bot.models import Passage, Person, Quote, ReportedStatement

TEAM_LENT = 0.5
#: What standing under a cause's title that restates the fan's why is worth ("Why Red Bull
#: backed down" for "why did red bull withdraw the appeal"), shared out by depth.
WHY_TITLE_SHARE = 4.0


#: Kinds of question the newest story answers, when tied, whatever the others are about.
_LATEST_KINDS = frozenset({"finish", "won", "points"})


#: Answering sentences, best first, whose paragraphs are checked for an "About" block.
BOILERPLATE_CHECKED = 8


class Finding(Candidates, Scoring, Picking):
    """The search ``Passages`` answers with: its steps are the methods of the classes above."""

    async def find(self, query: Query) -> tuple[list[Scored], list[Scored]]:
        """(answering sentences, best first; the nearest sentences, answering or not)."""
        index = self._index
        if query.groups:
            query = _without_fillers(query)
        if any(w in _VERB_FORMS or w in _SAME for g in query.groups for w in g):
            # "what lap did the 45 blow up": a report writes "blew"; stems never join them.
            groups = [_with_forms(g) for g in query.groups]
            added = {stem(w) for g in groups for w in g} - {
                stem(w) for g in query.groups for w in g
            }
            query = dataclasses.replace(query, groups=groups, own_only=frozenset(added))
        one_team = [i for i, g in enumerate(query.groups) if g and is_team(g[0])]
        query = dataclasses.replace(query, team_group=one_team[0] if len(one_team) == 1 else None)
        people = [index.people.get(n) or Person(n) for n in query.people]
        # "Fabio" names Quartararo only where no other Fabio is in the articles.
        name_forms = [
            {f for f in forms_of(p) if len(index.ambiguous.get(f, ())) < 2} or forms_of(p)
            for p in people
        ]
        team_forms = [forms_of(index.people.get(n) or Person(n)) for n in query.team_people]
        candidates = await self._candidates(query, name_forms, team_forms)
        if candidates is None:
            return [], []
        found, read, group_stems = candidates.found, candidates.read, candidates.group_stems
        total, counts = candidates.total, candidates.counts
        sections, headed = await self._sections(found, read, group_stems)
        unseen_weight = math.log(1 + (total + 1) / 0.5)
        weights = [
            max((math.log(1 + (total + 1) / (counts[s] + 0.5)) for s in g if counts.get(s)),
                default=unseen_weight)
            for g in group_stems
        ]  # fmt: skip
        # The rarest group the articles hold: a word in none of them tells no sentence apart.
        held = [i for i, g in enumerate(group_stems) if any(counts.get(x) for x in g)]
        by_article: dict[str, list[Passage]] = {}
        for p in found:
            assert p.source is not None
            by_article.setdefault(p.source.slug, []).append(p)
        # A story naming many places (a calendar, a season preview) is found for each of
        # them: there, only a sentence naming the place asked is about it.
        places = _asked_places(query)
        crowded = _crowded_stories(read or found, places) if places else frozenset()
        all_quotes, all_reported = await self.store.said_in(list(by_article))
        # From here every sentence found is scored in Python (up to tens of milliseconds):
        # the loop gets turns between the paragraphs.
        turns = Turns()
        quotes: dict[str, list[Quote]] = {slug: [] for slug in by_article}
        reported: dict[str, list[ReportedStatement]] = {slug: [] for slug in by_article}
        for q in all_quotes:
            if q.source:
                quotes[q.source.slug].append(q)
        for r in all_reported:
            if r.source:
                reported[r.source.slug].append(r)
        # The team each speaker's own story gives them, for a "we" of theirs (_our_team).
        teams: dict[str, dict[str, str]] = {}
        speaking = {
            q.source.slug for q in all_quotes if q.source and q.speaker and holds_we(q.text)
        }
        for (slug, name), team in (await self.store.teams_in(sorted(speaking))).items():
            teams.setdefault(slug, {})[name] = team
        cue_stems = {stem(c) for c in query.cues}
        required = {stem(c) for c in query.required}
        # A short word no article holds may be a name's initials ("JGR": Joe Gibbs Racing)
        # or a fan's clipped word ("min": "minimum").
        initialisms = {
            i: frozenset(w for w in g if 2 <= len(w) <= 5 and w.isalpha())
            for i, g in enumerate(query.groups)
            if not any(counts.get(x) for x in group_stems[i])
        }
        initialisms = {i: f for i, f in initialisms.items() if f}
        # How much of the question each story covers anywhere: picks the story ("indycar").
        story_stems: dict[str, set[str]] = {}
        for p in found:
            assert p.source is not None
            story_stems.setdefault(p.source.slug, set()).update(stems(p.text))
        # ... and in the text of the paragraphs found: one only their headline holds ("Big
        # One scrambles Cup playoff picture") is in none of their sentences either.
        texts = set().union(*story_stems.values()) if story_stems else set()
        held = [i for i in held if texts & set(group_stems[i])] or held
        # Groups as rare as each other are each the rarest ("who brought out the caution",
        # each word in one paragraph): the question's order does not tell which is meant.
        rarest = max((weights[i] for i in held), default=0.0)
        rare_group = frozenset(x for i in held if weights[i] == rarest for x in group_stems[i])
        story_cover = {
            slug: sum(w for g, w in zip(group_stems, weights, strict=True) if have & set(g))
            for slug, have in story_stems.items()
        }
        # The story's own words ("the Spa crash" when the headline says Spa) hold for each
        # of its sentences: a sentence never repeats the race it is about.
        headline_stems = {
            slug: stems(p.source.headline) for p in found if p.source for slug in [p.source.slug]
        }
        # Stories naming the people asked about: "who defended Hartley" is answered by a
        # sentence of his story that need not name him.
        named_in = {
            p.source.slug
            for p in found
            if p.source and any(_mentions(p.text, forms) for forms in name_forms)
        }
        scored: list[Scored] = []
        story_forms: dict[str, list[set[str]]] = {}
        # Paragraphs in the article's order, so one opening "The zero leaves him 31 points
        # behind" continues with whom the paragraph before it last named.
        last_named: dict[tuple[str, int], set[str]] = {}
        all_named: dict[tuple[str, int], set[str]] = {}
        in_order = sorted(
            enumerate(found), key=lambda rp: (rp[1].source.slug if rp[1].source else "",
                                              rp[1].paragraph)
        )  # fmt: skip
        question_stems = {x for g in group_stems for x in g} | {stem(w) for w in query.asked}
        heading_stems = {
            (slug, s.heading.paragraph): _heading_stems(held_words(s.heading))
            for (slug, _), s in sections.items()
        }
        other_team = other_teams(sections, heading_stems, question_stems)
        for rank, passage in in_order:
            await turns.take()
            assert passage.source is not None
            slug = passage.source.slug
            if (slug, passage.paragraph) in headed and (
                passage.text.rstrip().endswith("?") or names_team(passage)
            ):
                continue  # a question heading (or a team's name) is no answer: its section is
            section = sections.get((slug, passage.paragraph))
            if section is not None and not section.asks and not names_team(section.heading):
                # A title's words ("The tyres, the track and the weather", "Lap 27: ...")
                # name its section's topic only loosely: tried, they cost more than they
                # gave. Shown, a title brings its section's first sentences instead. A
                # team's name as the heading names its section's subject exactly.
                section = None
            context = headline_stems.get(slug, frozenset())
            heading_weight = 0.0
            asked_heading = False
            under: frozenset[str] = frozenset()
            if section is not None:
                under = heading_stems.get((slug, section.heading.paragraph), frozenset())
                context = context | under
                heading_weight = sum(
                    w for g, w in zip(group_stems, weights, strict=True) if under & set(g)
                ) * (not names_team(section.heading))  # a team's name: its words hold, no more
                # ... asking it the same way, in a story about the rest of it (a word of
                # the question beyond the heading's: what "it" is in "Did it work?").
                restated = (
                    _restates_titled(under, context, question_stems, group_stems)
                    if section.titled_why
                    else _restates(under, question_stems)
                )
                asked_heading = (
                    section.asks
                    and restated
                    and _same_ask(section.heading.text, query)
                    and any(
                        story_stems.get(slug, set()) & set(g) and not under & set(g)
                        for g in group_stems
                    )
                )
            previous: set[str] = set()
            first = passage.text.lstrip()
            spans = split_sentences(passage.text)
            if query.yes_no and spans and _BACK_REFERENCE.search(passage.text, 0, spans[0][1]):
                # "The stewards looked at the incident": whoever the paragraph before named
                # had a part in it, not only the last one named.
                previous.update(all_named.get((slug, passage.paragraph - 1), ()))
            elif _PRONOUN.match(first) or _DEFINITE.match(first):
                # Not a quotation, nor its "..., the Frenchman said": attribution tells those.
                previous.update(last_named.get((slug, passage.paragraph - 1), ()))
            named_last: set[str] = set()
            named_any: set[str] = set()
            items: dict[int, Scored] = {}
            if slug not in story_forms:
                story_forms[slug] = _story_forms(people, name_forms, passage.source.headline,
                                                 index.ambiguous, index.people)  # fmt: skip
            forms_here = story_forms[slug]
            if not previous and (
                told := headline_subject(first, passage.source.headline, query.people, forms_here)
            ):
                previous.add(told)  # a profile's "He was born in ...": its headline's one
            team_heading = (
                section.heading if section is not None and names_team(section.heading) else None
            )
            for i, span in enumerate(spans):
                # "Ferrari tried the same idea" under "McLaren: a floor for the bumps" is
                # Ferrari's: the heading's team holds for no sentence opening with another.
                foreign = team_heading is not None and opens_with_other_team(
                    passage.text[span[0] : span[1]], team_heading
                )
                item = self._score(
                    query, span, passage, rank, i, group_stems, weights, cue_stems, forms_here,
                    quotes[slug], reported[slug], required, team_forms, previous,
                    context - under if foreign else context, rare_group, initialisms,
                    teams.get(slug),
                )  # fmt: skip
                if item is not None and team_heading is not None and not foreign:
                    # The team's name holds for the sentence as its own word would, but
                    # counts for less: a sentence naming it, or a story headed by it,
                    # says it outright.
                    # A sentence holding none of the question's other words, nor naming
                    # whom it asks about, is no answer by its heading alone ("Haas / Kofi
                    # Mensah stays" for Haas' reserve driver).
                    lent = under - stems(item.text) - headline_stems.get(slug, frozenset())
                    weight = sum(
                        w for g, w in zip(group_stems, weights, strict=True) if lent & set(g)
                    )
                    item.score -= TEAM_LENT * weight
                    item.heading_lent = bool(weight)
                    # Under the asked team's heading, a sentence is about that team as
                    # one naming its drivers is ("The aim was to give the car ...").
                    item.team = item.team or (bool(under) and under <= question_stems)
                    if item.own or item.named:
                        item.rarest = item.rarest or bool(under & rare_group)
                    elif weight:
                        item.cover -= weight / sum(weights)
                if item is not None and section is not None and heading_weight:
                    # The heading asked what its section answers: the nearer the heading,
                    # the likelier the answer ("Did it work? / The numbers say yes.").
                    item.score += SECTION_SHARE * heading_weight / (1 + section.depth)
                    item.heading_lent = True
                    item.headed = asked_heading
                    if asked_heading and section.titled_why:
                        # "Why Red Bull backed down": its reasons, nearest it first, over
                        # a cause word elsewhere in the story ("found him to blame").
                        item.score += WHY_TITLE_SHARE / (1 + section.depth)
                    # A question heading asking the fan's question is its first paragraph's
                    # subject ("What happens to the ride-height devices? / They go."): the
                    # rarest word asked, in the heading, is held by that answer as by a
                    # sentence naming it (only there: later paragraphs move on).
                    item.rarest = item.rarest or (
                        section.asks
                        and not section.depth
                        and bool(under & rare_group)
                        and _restates(under, question_stems)
                    )
                if (
                    item is not None
                    and not item.named
                    and query.yes_no
                    and not query.subject
                    and named_last
                    and item.cover >= query.min_cover
                ):
                    # "was it a mechanical failure on Pecco's bike": a statement's later
                    # sentence ("There was no technical failure") is about whom it opened with.
                    item.named = True
                    item.score += 1.5
                named_last = set(previous) or named_last
                named_any |= previous
                key = (slug, section.heading.paragraph) if section is not None else None
                if (
                    item is not None
                    and key in other_team
                    and not any(asked <= stems(item.text) for asked in other_team[key])
                ):
                    item = None  # under another team's heading, naming none asked
                if item is not None:
                    item.score += 0.5 * story_cover.get(slug, 0.0)
                    item.story_named = slug in named_in
                    scored.append(item)
                    items[i] = item
            _name_from_next(query, passage.text, spans, items, forms_here)
            last_named[(slug, passage.paragraph)] = named_last
            all_named[(slug, passage.paragraph)] = named_any
        if query.required_carries:
            told = {(id(s.passage), s.position) for s in scored if s.required and not s.speaker}
            for s in scored:
                if not s.required and (id(s.passage), s.position - 1) in told:
                    s.required = s.cue = True
                    s.score += 6.0  # the required cue's and a cue's worth, as its own would
        credit_asked(query, scored, places, index.people)
        _lean_on_leads(scored, weights)
        _definitions(scored, query, group_stems)
        if query.need_rarest and rare_group:
            _carry_rarest(scored)
        demote_corrections(scored)
        scored.sort(key=lambda s: (-s.score, -_date(s.passage).toordinal(), s.order))
        asks = {slug: question_paragraphs(said) for slug, said in quotes.items()}
        answering = [
            s
            for s in scored
            if self._answers(query, s) or _asks_it(query, s, asks) or _under_asked(query, s)
        ]
        if crowded:
            answering = [
                s
                for s in answering
                if s.passage.source is None
                or s.passage.source.slug not in crowded
                or _names_place(s, places)
            ]
        if query.newest_first and answering:
            latest = max(_date(s.passage) for s in answering)
            answering = [s for s in answering if _date(s.passage) == latest]
        wanted = {stem(c) for c in query.prefer}
        why = query.loose and not query.prefer_quotes
        if query.event and answering:
            # "why did pecco crash": of the stories where he crashed, the newest that gives
            # a cause, not the newest that only says he crashed.
            telling = {
                s.passage.source.slug
                for s in answering
                if why
                and query.prefer
                and s.passage.source
                and s.named
                and (wanted & stems(s.text) or _SANCTION_FOR.search(s.text))
            }
            answering = _newest_event(query, answering, name_forms, index.name_word_keys, telling)
        if query.prefer:
            # "why did Russell crash": a sentence giving a cause, not one saying he crashed.
            giving = [
                s
                for s in answering
                if wanted & stems(s.text)
                # A cause told without a cause word: "did not help: the team missed ...".
                or any(_has(s.text.casefold(), p) for p in query.prefer_phrases)
                or (why and _SANCTION_FOR.search(s.text))
                or s.headed
                # "where was X": a sentence naming a place gives a where as a turn does.
                or (query.place_asked and tells_place(s.text, places))
            ]
            answering = giving or answering
        elif query.prefer_cue and any(s.cue for s in answering):
            # Under a heading asking the fan's question, the section answers in its own words.
            answering = [s for s in answering if s.cue or s.headed]
        if query.prefer_quotes and any(s.speaker for s in answering):
            answering = [s for s in answering if s.speaker]

        # A correction's "earlier version" is never the fact: the body's sentence is.
        answering = body_first(answering, drop=True)
        if about := await self._boilerplate(answering[:BOILERPLATE_CHECKED], query):
            # A press release's "About <the team>" block answers what the team is, not
            # what a question about a race or a person asks ("who won the 6 hours of
            # spa" is no "WRT has won the 24 Hours of Spa five times").
            answering = [s for s in answering if _key(s) not in about]
        every = {(id(s.passage), s.position): s for s in scored}
        asked = _asked_forms(query, name_forms)
        # Where someone finished, who won, the points: the latest race tells them, so a tie
        # there goes to the newest story, whoever else a story is about.
        central = (
            await self._about([answering, scored], group_stems, story_forms, name_forms)
            if not query.kinds & _LATEST_KINDS
            else {}
        )
        return (
            await self._with_answers(
                self._pick(answering, every, query.place_asked, asked, central),
                quotes, reported, headed,
            ),
            await self._with_answers(
                self._pick(scored, every, query.place_asked, asked, central),
                quotes, reported, headed,
            ),
        )  # fmt: skip
