"""The kinds a question asks for ("why", "won", "crash" ...): the patterns that tell them,
which of them an answer must meet by a cue word, and the event a "why" asks the cause of."""

from __future__ import annotations

import re

from bot.answers.passages import stem
from bot.answers.router._spans import timed_asked
from bot.answers.understand import CUES, SERIES, Reading

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
    if timed_asked(reading.low):
        kinds -= {"count_laps", "count"}  # "how long was X's stop": a spell of time, not laps
        kinds.add("duration")
    if "next" in kinds:
        kinds.discard("criticise")  # "where do they go after vegas": no one goes after anyone
    if _RACE_LEAD.search(reading.low) and not _TABLE_ASKED.search(reading.low):
        kinds.discard("points")  # "why did the porsche lose the lead": the race's lead
    return kinds


#: The lead of a race changing hands ("lose the lead", "took the lead", "get past X for the
#: lead", "battle for the lead"): where the cars ran, not the standings, unless the question
#: names the table too.
_RACE_LEAD = re.compile(
    r"\b(?:lose|loses|lost|losing|take|takes|took|taken|taking|regain\w*|inherit\w*|"
    r"retake\w*|retook|swap\w*|hand\w*|gave|give|gives|giving|into|back|for)\s+(?:the\s+)?"
    r"lead\b"
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


#: "where does the dakar finish", "when does the season end": an event's own start or end,
#: never someone's finishing position.
_EVENT_EDGE = re.compile(
    r"^(?:where|wheres|when|whens)\s+(?:does|do|will|did|is)?\s*the\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:finish|end|start|begin)\b"
)
