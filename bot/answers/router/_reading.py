"""The words of a question: the patterns that tell its kind, the words it asks about,
the names of places and series in it."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from bot.answers.passages import (
    forms_of,
    stem,
    words_of,
)
from bot.answers.places import place_book
from bot.answers.router._needs import _CAR_NUMBER, _CLOCK_ASKED
from bot.answers.router._shapes import _TEAM_ROLE
from bot.answers.text import normalise, wordset
from bot.answers.understand import (
    CARDINAL_WORDS,
    COUNTED_UNITS,
    CUES,
    QUESTION_WORDS,
    SERIES,
    Reading,
    names_series,
)

if TYPE_CHECKING:
    from bot.ingest.register import Register

#: Paragraphs read to tell which of several people sharing a name a question means.
CONTEXT_PASSAGES = 40
#: Told apart by context only when this few share the name; more are asked which.
CONTEXT_PEOPLE = 4
#: The newest stories whose people are read for their series ("the next f1 race").
PEOPLE_SCAN = 30
#: The register's series -> the router's.
_REGISTER_SERIES = {
    "F1": "f1", "MotoGP": "motogp", "IndyCar": "indycar", "NASCAR": "nascar", "WEC": "wec",
    "Formula E": "fe", "Supercars": "supercars", "F1 Academy": "f1academy", "IMSA": "imsa",
    "WorldSBK": "worldsbk", "WRC": "wrc",
}  # fmt: skip
#: Unrouted text is tried as a /whosaid phrase only when it has at least this many words.
FALLBACK_WORDS = 3

#: The kinds a question can ask for, each with the words that say it (checked in order).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("born", re.compile(r"\bborn\b|\bbirthday\b")),
    ("age", re.compile(r"\bhow\s+old\b|\bage\b")),
    ("admit", re.compile(r"\badmit\w*|\bown\s+up\b|\bconfess\w*")),
    ("next", re.compile(r"\bnext\b|\brace\s+after\b|\bafter\s+(?:this|that)\b|\bheading\b|"
                        r"\b(?:go|goes|going|head|heads|off)\s+(?:to\s+)?after\b|"
                        r"^where(?:s)?\s+(?:\w+\s+){0,2}after\b")),
    ("blame", re.compile(r"\bbeef\b|\bmad\s+at\b|\bblam\w*|\bfault\w*|\bresponsib\w*|"
                         r"\bculprit\b|(?<!what )\bcaused?\s+the\b")),
    ("criticise", re.compile(r"\bcriti\w*|\bslam\w*|\battack\w*|\bhit\s+out\b|\bgo\s+after\b")),
    ("defend", re.compile(r"\bdefen\w*|\bstick\w*\s+up|\bstand\w*\s+up|\bstood\s+up|\bback\w*\s+"
                          r"(?:him|her|them|up|\w+)\b|\bsupport\w*|\bside\s+with\b|\bforgiv\w*")),
    ("thank", re.compile(r"\bthank\w*|\bgrateful\b|\bcredit\w*")),
    ("accept", re.compile(r"\baccept\w*|\bagree\w*|\bdisagree\w*")),
    # "what caused the late caution": its cause, as "why" asks (whom to blame is "who caused")
    ("why", re.compile(r"^(?:why|how\s+come)\b|\bwhy\b|\breason\b|\bcause\b|\bwent\s+wrong\b|"
                       r"^what(?:s|\s+(?:is|was))?\s+caus\w*\b|"
                       r"^how\s+did\s+.+\s+(?:get(?!\s+on\s*$)|end|go|lose|crash)\b")),
    # ("win", "winner", "winning", never "wing" or "winter": "the new rear wing" is a part)
    ("won", re.compile(r"\bwon\b|\bwin(?:s|ner|ners|ning|nings)?\b|\bvictor\w*|\bp1\b")),
    ("penalty", re.compile(r"\bpen\b|\bdrive\s*thr\w*|\bpenal\w*|\bpunish\w*|\bsanction\w*|"
                           r"\bstewards?\b")),
    ("retire", re.compile(r"\bretir\w*|\bdnf\w*|\bfinish\s+the\s+race\b|\bdrop\w*\s+out\b|"
                          r"\bout\s+of\s+the\s+race\b")),
    ("did_finish", re.compile(r"^(?:did|does)\s+.+\s+finish\b(?!\s+(?:on|in)\s+the\s+podium)")),
    ("points", re.compile(r"\bpoints?\b|\bstandings?\b|\bleads?\b|\bleader\b|\bahead\b|"
                          r"\bbehind\b|\bchampionship\b|"
                          # "whos leading indycar now": the standings, not a lap's leader
                          rf"\bleading\s+(?:the\s+)?(?:{'|'.join(map(re.escape, SERIES))}|"
                          r"championship|standings|points|title|table|series)\b")),
    ("finish", re.compile(r"\bp[2-9]\b|\bp1\d\b|\bfinish\w*|\bcame\s+\w+|\bplace[ds]?\b|"
                          r"\b(?:end|ended|ending|wind|wound)\s+up\b|"
                          r"\bposition\b|\b(?:second|third|fourth|fifth|sixth|podium)\b|"
                          # "how did sainz get on": his result, no cause asked
                          r"^how\s+did\s+.+\s+(?:get\s+on|fare)$")),
    ("lap", re.compile(r"\b(?:which|what)\s+lap\b|\bon\s+which\s+lap\b")),
    # "what stage did X roll on", "which hour", "which session": the part, as "which lap"
    ("unit", re.compile(r"\b(?:which|what)\s+(?:stage|hour|session)\b")),
    ("when", re.compile(r"^whens?\b|\bwhat\s+(?:date|day|time)\b")),
    ("where", re.compile(r"^wheres?\b|\bwhat\s+(?:track|circuit|corner|turn)\b|\bwhich\s+"
                         r"(?:track|circuit|corner|turn|race)\b")),
    ("start", re.compile(r"\bstart(?:ed|ing)?\s+(?:from|on|in)\b|\bgrid\b|\bpole\b|"
                         r"\bqualif\w*")),
    ("count_laps", re.compile(r"\bhow\s+many\s+laps\b|\bhow\s+long\s+was\b")),
    # "how long is Rosenqvist out for", "when is Albon's contract up", "how long is Sainz
    # signed for": a spell of time or its end, not a date on a calendar.
    ("duration", re.compile(r"^how\s+long\s+(?:is|are|will|does|do|has|have)\b|"
                            r"\bcontract\s+(?:up|end|ends|expire\w*|run|runs)\b|"
                            r"\b(?:signed|contracted)\s+(?:for|until|till|through)\b")),
    ("count", re.compile(r"\bhow\s+(?:many|much|far|big|large)\b")),
    ("crash", re.compile(r"\b(?:took|take|taken)\s+out\b|\bbin(?:ned)?\b|\bdive\w*|\bknock\w*|"
                         r"\bcrash\w*|\bcollid\w*|\bclash\w*|"
                         r"\bhit\b|\btouch\w*|\bcontact\b|\bspin\w*|\bspun\b")),
    ("react", re.compile(r"\breact\w*|\bresponse\b|\brespond\w*")),
    ("nickname", re.compile(r"\bnickname\w*|\bknown\s+as\b|\bcalled\s*$|\bcalled\s+(?:by|in)\b")),
)  # fmt: skip
#: Kinds whose answer must hold one of their cue words.
_NEED_CUE = (
    "born",
    "age",
    "start",
    "next",
    "admit",
    "blame",
    "criticise",
    "defend",
    "thank",
    "accept",
    "won",
    "penalty",
    "retire",
    "points",
    "finish",
)  # fmt: skip, in priority order: the first a question asks is the one its answer must meet
#: Kinds whose other kinds only help: "when did Legge retire" needs a time, not "retired".
_OPEN = frozenset({"when", "where", "lap", "unit", "why", "duration"})
#: Kinds whose answer is best told by a cue word when some sentence has one.
_PREFER_ORDER = ("why", "where", "react", "nickname", "crash", "did_finish")
_PREFER_CUE = frozenset(_PREFER_ORDER)
#: Kinds about the story's own race: a race named for them must be that story's own.
_OWN_RACE = frozenset({"won", "penalty", "retire", "finish", "crash", "points", "why", "blame"})
#: Kinds a person answers by what they said: failing the cue, their own words answer.
_SPOKEN = frozenset({"blame", "criticise", "defend", "thank", "accept", "react", "admit"})
_AUX = wordset("did does do was is were has had will would")
_SHE = re.compile(r"\b(?:she|her|woman|women|female|lady)\b")
_YES_NO = re.compile(r"^(?:did|does|do|is|was|were|has|have|had|will|can|could)\b\s*", re.I)
#: A yes/no question whether a thing exists, its verb before "there" ("is there", "will there
#: be"): the verb goes after "there" when the question is told as "whether ...".
_THERE_ASKED = re.compile(r"^(is|are|was|were|will|can|could|would)\s+there\b\s*", re.I)
_WH = re.compile(r"^(?:who|what|when|where|why|which|how|whose|whom)\b", re.I)
#: A question word as fans type it without the apostrophe too ("whos in the Championship 4",
#: "wheres the next round"): a question, never a remembered phrase to look up.
_WH_TYPED = re.compile(r"^(?:who|what|when|where|why|which|how)s?\b|^whose\b|^whom\b", re.I)


#: "who was on the podium", "top 3": the whole podium asked for, not one place.
_PODIUM_ASKED = re.compile(
    r"\b(?:podium|top\s+(?:3|three)|rostrum)\b(?!\s+(?:finish|finisher)s?\b)"
)
_ACCEPTS = re.compile(r"\b(?:accept\w*|forgiv\w*|forgave|buy|bought|believe\w*)\b", re.I)
_SORRY = ("sorry", "apologise", "apologised", "apologize", "apologized", "apology", "apologies",
          "apologising", "apologizing")  # fmt: skip
#: How reports tell an apology or blame taken without the word: "Gragson owned it", "the
#: Argentine held his hands up", "That's on me", "my fault".
_OWNED = ("owned it", "owned up", "owning it", "hands up", "on me", "my fault", "our fault",
          "took responsibility", "took the blame", "take the blame", "hate it for")  # fmt: skip

#: Titles of the one in charge of a team, as fans and articles write them.
_BOSS_TITLES = wordset("boss principal chief director manager owner head")

#: Words that ask for someone's team or role, and nothing more.
_TEAM_WORDS = wordset(
    "team teams role job position title drive drives driving drove ride rides riding rode "
    "race races racing raced work works do does for who what which is are now currently "
    "these days"
)
#: How a sentence gives someone's team or car: "for Tech3", "Chastain's Trackhouse Racing
#: Chevrolet", "the No 83 Ferrari", "on the Gresini Ducati".
_TEAMISH = re.compile(
    r"^The\s+(?:[A-Z0-9][\w-]*\s+)+(?:driver|rider|racer|man|woman)\b|"
    r"\b(?:for|with|driving|riding|on|in)\s+(?:the\s+|his\s+|her\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:No\.?\s*\d+\s+)?[A-Z0-9][\w-]*[A-Z0-9]?|\b[A-Z]\w*['’]s\s+(?:No\.?\s*\d+\s+)?"
    r"[A-Z][\w-]+\s+[A-Z]|\bNo\.?\s*\d+\b"
)

#: Words that say someone spoke, as reports write it.
_SPEECH = (
    "said", "says", "told", "added", "admitted", "insisted", "called", "praised", "wrote",
    "explained", "conceded", "warned", "described", "claimed", "argued", "accepted", "blamed",
)  # fmt: skip

#: Words that name a story's incident whatever the article calls it.
_EVENT = wordset("crash crashes collision incident accident clash contact race it that")

#: Words of a facts request that never name a story.
_FACT_WORDS = wordset("key facts fact details story points summary main important")

_SERIES = SERIES

#: Words too common to tell which quote or sentence was meant.
_WEAK = wordset(
    "a an the and or but of on in at to for with it its is was be i you he she we they my "
    "me his her our their that this there not no so as by"
)


def the_register() -> Register | None:
    """The register of motorsport people, when it is the real one (it is optional)."""
    from bot.ingest.register import Register
    from bot.ingest.resolve import default_register

    register = default_register()
    return register if isinstance(register, Register) else None


def _register_teams(name: str) -> list[tuple[str, ...]]:
    """The teams the register gives a person, newest first, each with the other names
    articles use for it; none when the register does not know them as one person."""
    register = the_register()
    found = register.find(name) if register is not None else ()
    if register is None or len(found) != 1:
        return []
    teams = dict.fromkeys(s.team for s in reversed(found[0].teams))
    return [tuple(dict.fromkeys((t, *register.team_names(t)))) for t in teams]


def _series_named(tokens: list[str]) -> list[str]:
    """The series a question names, a two-word name ("f1 academy") before its halves."""
    found: list[str] = []
    skip: set[int] = set()
    for i, pair in enumerate(a + b for a, b in itertools.pairwise(tokens)):
        if pair in _SERIES:
            found.append(_SERIES[pair])
            skip.update((i, i + 1))
    found += [_SERIES[t] for i, t in enumerate(tokens) if i not in skip and names_series(tokens, i)]
    return list(dict.fromkeys(found))


def _after_place(reading: Reading, place: str) -> bool:
    """Whether the question asks what comes after a place ("the next race after baku",
    "where do they go after mugello"): that place's own story tells its next round."""
    first = place.split()[0] if place.split() else ""
    return (
        bool(first)
        and re.search(rf"\bafter\s+(?:the\s+)?{re.escape(first)}\b", reading.low) is not None
    )


def _before_place(reading: Reading, place: str) -> bool:
    """Whether the question asks how things stood before a place's race ("the gap before
    valencia", "going into Valencia"): a story written ahead of it tells that, never the
    race's own report."""
    first = place.split()[0] if place.split() else ""
    return (
        bool(first)
        and re.search(
            rf"\b(?:before|going\s+into|heading\s+into|ahead\s+of)\s+(?:the\s+)?"
            rf"{re.escape(first)}\b",
            reading.low,
        )
        is not None
    )


def _kinds(reading: Reading) -> set[str]:
    kinds = {kind for kind, pattern in _KINDS if pattern.search(reading.low)}
    if "finish" in kinds and not reading.people and _EVENT_EDGE.search(reading.low):
        kinds.discard("finish")  # "where does the dakar finish": a place, not a position
    if "finish" in kinds:
        kinds.discard("where")  # "where did Checo finish": a position, not a place
    if "did_finish" in kinds and "retire" not in kinds:
        kinds.discard("finish")  # "did Bagnaia finish": retired or crashed out answers it too
    if "count_laps" in kinds:
        kinds.discard("duration")  # "how long was the race": its laps
        kinds.discard("points")  # "how many laps did Larson lead": laps, not the standings
    if "next" in kinds:
        kinds.discard("criticise")  # "where do they go after vegas": no one goes after anyone
    if _RACE_LEAD.search(reading.low) and not _TABLE_ASKED.search(reading.low):
        kinds.discard("points")  # "why did the porsche lose the lead": the race's lead
    return kinds


#: The lead of a race changing hands ("lose the lead", "took the lead"): where the cars ran,
#: not the standings, unless the question names the table too.
_RACE_LEAD = re.compile(
    r"\b(?:lose|loses|lost|losing|take|takes|took|taken|taking|regain\w*|inherit\w*|"
    r"retake\w*|retook|swap\w*|hand\w*|gave|give|gives|giving|into|back)\s+(?:the\s+)?lead\b"
)
_TABLE_ASKED = re.compile(r"\b(?:points?|standings?|championship|title|table)\b")


#: Kinds that name an event a "why" question can ask the cause of.
_EVENTS = ("crash", "retire", "penalty", "did_finish")
#: The words that say the event happened, where its cues are wider ("ending his race" is
#: no retirement of the one who ended it).
_EVENT_WORDS = {"retire": ("retired", "retire", "retirement", "retires", "dnf")}


def _event_stems(
    reading: Reading, kinds: set[str], groups: list[tuple[str, ...]], slugs: list[str] | None
) -> tuple[str, ...]:
    """Stems telling the event of "why did X crash" / "why wasn't X racing", when the
    question names someone and no race or date: its kind's cues and its own words."""
    # "where did Colapinto crash": his latest crash too, not the first story telling one
    # (with another named, "what turn did X hit Y", the one they shared is asked).
    where = "where" in kinds and len(reading.people) == 1
    if not ("why" in kinds or where) or not reading.people or slugs is not None or reading.newest:
        return ()
    words = [w for k in _EVENTS if k in kinds for w in _EVENT_WORDS.get(k, CUES[k])]
    words += [w for g in groups for w in g]
    return tuple(dict.fromkeys(stem(w) for w in words))


def _groups(reading: Reading, kinds: set[str]) -> list[tuple[str, ...]]:
    """The question's content words, each with what articles call it."""
    from bot.answers.understand import SYNONYMS

    needed_words = {w for k in kinds & set(_NEED_CUE) for w in CUES.get(k, ())}
    patterns = [p for k, p in _KINDS if k in kinds]
    groups = []
    team_question = bool(_TEAM_ROLE.search(reading.low) or _CAR_NUMBER.search(reading.low))
    edge = not reading.people and _EVENT_EDGE.search(reading.low) is not None
    opener = ("when" in kinds or "where" in kinds) and _OPENER_ASKED.search(reading.low)
    closer = ("when" in kinds or "where" in kinds) and _CLOSER_ASKED.search(reading.low)
    for word in reading.words:
        if opener and word in ("first", "opening"):
            groups.append((word, "opens", "opener", "starts", "begins"))  # "the season opens"
            continue
        if word in ("opener", "openers") and kinds & {"when", "where"}:
            # "wheres the 2027 opener": the season's first round, "starting in Melbourne"
            groups.append((word, "opens", "opening", "starts", "starting", "begins"))
            continue
        if closer and word in ("last", "final"):
            groups.append((word, *_CLOSER_WORDS))  # "one race is left, at Yas Marina"
            continue
        if edge and word in _SEASON_EDGE:
            groups.append((word, *_SEASON_EDGE[word]))  # "the rally ends in Yanbu"
            continue
        if word.isdecimal() or _counted_unit(word, reading):
            # "this 25 lap rule", "a 5 second penalty": the figure a sentence must give,
            # and its unit (never "second" place); a small figure also as reports spell it
            # ("a 3 stop race": "three stops")
            spelt = CARDINAL_WORDS.get(int(word)) if word.isdecimal() else None
            groups.append((word, spelt) if spelt else (word,))
            continue
        if word in QUESTION_WORDS or word in _GROUP_SKIP:
            continue
        if team_question and word in _DRIVE_WORDS:
            continue
        if word in ("number", "numbers") and _BEYOND_TEAM.search(reading.low):
            continue  # "his car number": the number the sentence must give, not the word
        if word in _CAR_WORDS and _CAR_NUMBER.search(reading.low):
            continue  # "the 60 car": the number names the car, which the phrase asks for
        if "finish" in kinds and re.search(rf"\b{re.escape(word)}\s+up\b", reading.low):
            continue  # "where did X end up": the finish asked for, not the word "end"
        group = (word, *SYNONYMS.get(word, ()))
        if word in _SEASON_EDGE and _SEASON_ASKED.search(reading.low):
            group = (*group, *_SEASON_EDGE[word])
        if word in _POSITIONS and "points" not in kinds:
            groups.append(group)  # "who was third": the position asked is what must show
            continue
        if word == "long" and "duration" in kinds:
            continue  # "how long is X out": the spell asked, which the answer's need holds
        if word == "time" and _CLOCK_ASKED.search(reading.low):
            continue  # "what time is the race": the clock time asked, which the need holds
        if word in _SIZE_WORDS and re.search(rf"\bhow\s+{word}\b", reading.low):
            continue  # "how big is X's lead": a size asked, which the figure tells
        if word in needed_words:
            # the kind's cue already asks for it; a word only a looser kind cues is the
            # question's own ("why did they take the engine penalty": the engine's, not any
            # cause's)
            continue
        if any(p.search(word) for p in patterns):
            continue  # "divebombed" only says the kind (a crash), which its cue asks for
        groups.append(group)
    return groups


def _counted_unit(word: str, reading: Reading) -> bool:
    """Whether ``word`` is the unit of a figure the question gives ("25 lap": the limit's
    laps, no lap the question is scoped to)."""
    tokens = reading.tokens
    return word in COUNTED_UNITS and any(
        t == word and i > 0 and tokens[i - 1].isdigit() and tokens[i - 1] in reading.words
        for i, t in enumerate(tokens)
    )


#: A season or an event starting or ending, as a schedule line words it ("The 2027 season
#: opens at Donington", "the rally ends in Yanbu"): only when the question asks about a
#: season or an event as a whole ("what tyres did X start on" is a grid, not an opening).
_SEASON_ASKED = re.compile(r"\b(?:season|year|championship|series|rally|calendar|campaign)\b")
_SEASON_EDGE: dict[str, tuple[str, ...]] = {
    "start": ("opens", "begins"), "starts": ("opens", "begins"),
    "begin": ("opens", "starts"), "kick": ("opens", "begins"),
    "end": ("ends", "finale", "concludes", "finishes"),
    "finish": ("ends", "finale", "concludes", "finishes"),
}  # fmt: skip
#: "when is the first race", "where is the season opener": the season's opening round, which
#: a schedule line tells as the season opening ("when the season opens in Melbourne").
_OPENER_ASKED = re.compile(r"\b(?:first|opening)\s+(?:race|round|grand\s+prix|gp|event)\b")
#: "when is the last race", "where's the final round": the season's closing round still to
#: come (never "when was the last race", the newest one run), which a schedule line tells as
#: the finale or the one race left.
_CLOSER_ASKED = re.compile(
    r"^(?:when|where)(?:s|\s+is|\s+will)\b.*\b(?:last|final)\s+(?:race|round|grand\s+prix|gp|event)\b"
)
_CLOSER_WORDS = ("final", "finale", "left", "remaining", "remains", "ends", "closes")
#: "where does the dakar finish", "when does the season end": an event's own start or end,
#: never someone's finishing position.
_EVENT_EDGE = re.compile(
    r"^(?:where|wheres|when|whens)\s+(?:does|do|will|did|is)?\s*the\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:finish|end|start|begin)\b"
)
#: Positions: the one a question asks is the answer's content, not only its kind.
_POSITIONS = wordset("second third fourth fifth sixth seventh eighth ninth tenth podium")

#: Words that only say which kind of answer is wanted, never what it is about.
_GROUP_SKIP = wordset(
    "according blame blamed fault faults whose culprit why reason cause react reaction "
    "reacted respond response did anyone defend defended stick stuck stand stood support "
    "supported criticise criticize criticised criticized thank thanked thanks accept "
    "accepted admit admitted finish finished come came place placed position win won "
    "winner first lap turn next when where much many far old age went wrong track circuit "
    "corner position times stage hour session"
)
#: Words that only ask a size after "how" ("how big is the gap"): a number answers it.
_SIZE_WORDS = wordset("big large")
#: Words that only say a number is a car's ("the 60 car", "car number 8").
_CAR_WORDS = wordset("car cars entry no number")
#: Words that only say "whose team" in a question about a team ("who drives for 23XI").
_DRIVE_WORDS = wordset("drive drives driving drove ride rides riding rode")


#: "the title race", "his title hopes": the championship, never a job title; "his car
#: number": the number on the car, which no card of the person gives.
_BEYOND_TEAM = re.compile(
    r"\btitle\s+(?:race|fight|battle|hopes?|chances?|bid|run|contention|picture|decider)\b|"
    r"\b(?:car|bike|race)\s+numbers?\b"
)


def beyond_team(reading: Reading) -> bool:
    """Whether a question the role words match ("car", "title") asks one fact about the
    person that is no team or role: the title race ("is max out of the title race"), the car's
    number ("whats nico's car number"). A passage question about them, never their card.
    (Any other word beyond the role is no sign: "what is X's role at Y", "which team is X with
    next year" ask the card's fact.)"""
    return _BEYOND_TEAM.search(reading.low) is not None


def _named_at(reading: Reading, name: str, at: int) -> bool:
    """Whether the question names ``name`` starting at word ``at`` (a typo aside)."""

    tokens = reading.tokens[at:]
    if tokens[:1] == ["the"]:
        tokens = tokens[1:]
    if not tokens:
        return False
    person = reading.index_people.get(name)
    forms = forms_of(person) if person else {name.casefold()}
    for form in forms:
        words = normalise(form).split()
        if words and words[0] == "the":
            words = words[1:]
        if words and tokens[: len(words)] == words:
            return True
    first = tokens[0].removesuffix("s")
    singles = {normalise(f) for f in forms if " " not in normalise(f)}
    return len(first) >= 4 and any(w.startswith(first[:4]) for w in singles)


#: Words of place names that say nothing of which place ("grand prix", "circuit").
_PLACE_FILLER = wordset(
    "grand prix e of the de la di del circuit international street raceway speedway motor "
    "park hours race"
)


def _place_forms(place: str) -> list[list[str]]:
    """A place's words, then the words of every other name the places file gives it."""
    words = [w for w in words_of(place) if w not in ("grand", "prix")] or words_of(place)
    book = place_book()
    forms = book.forms(" ".join(words)) | book.forms(normalise(place))
    found = [words]
    for form in sorted(forms):
        other = words_of(form)
        if other and other != words and other != words_of(place):
            found.append(other)
    return found


def _any_of(forms: list[list[str]]) -> str:
    """A phrase pattern (for ``_has``) matching any of several names, as whole words."""
    names = sorted({r"\W+".join(map(re.escape, f)) for f in forms if f}, key=len, reverse=True)
    return "re:(?:" + "|".join(names) + r")(?!\w)"


def _lap_phrases(number: int) -> tuple[str, ...]:
    if number == 1:
        return ("lap 1", "opening lap", "first lap")
    return (f"lap {number}",)


def _indirect(bare: str) -> str:
    """A question as the object of "don't say": "who won at Imola" / "whether X ...".

    The fan's own words are kept, so the line names exactly what is missing.
    """
    text = re.sub(r"\s+", " ", bare).strip().rstrip("?")
    if _WH_TYPED.match(text):
        return text
    if m := _THERE_ASKED.match(text):
        # "is there a sprint at yas" -> "whether there is a sprint at yas", "will there be
        # a shootout" -> "whether there will be a shootout": "there" is the subject.
        return f"whether there {m[1]} {text[m.end() :]}".rstrip()
    if m := _YES_NO.match(text):
        return "whether " + text[m.end() :]
    return "anything about “" + text + "”"
