"""Reading a fan's question: the kind of answer it asks for, the people, story and words in it.

Fans type in lower case, with typos, slang and no question mark. This module turns such text
into a :class:`Reading`: the question's kind, the people it names (through names, surnames,
first names, aliases and nicknames the articles give, typos tolerated), the story it points at
(a race or circuit, a year, "the last race") and its content words, with fans' words mapped to
the words articles use ("penalised" -> penalty, "angry" -> furious). Nothing here reads the
store; the router decides what to do with a reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from bot.answers._fan_forms import NEXT_YEAR, out_of_a_seat, spelt_out
from bot.answers._years import spoken_years
from bot.answers.lookup import Lookup
from bot.answers.places import place_book
from bot.answers.text import normalise, wordset
from bot.models import Person

__all__ = [
    "COUNTED_UNITS",
    "CUES",
    "QUESTION_WORDS",
    "Reading",
    "counted",
    "is_team",
    "names_series",
    "read",
]

#: Words that carry no topic: question words, pronouns, auxiliaries, fillers, fan slang.
_STOP = wordset(
    """
    a an the and or but of on in at to for with about after before by from into onto off up out
    did does do doing done is was were be been being are am has have had having will would can
    could should shall may might must what who whom whose which how why when where whats whos
    wheres whens hows tell me please it its that this these those he she they his her their
    him them i you we us our your my mine theirs hers there here then than so very really
    actually just ever any anyone anybody someone somebody everyone everybody one ones also
    thing things stuff get got getting go going went say said says saying think thought
    know knew like mean means pitwall hey hi ok okay yeah yes no not dont doesnt didnt wasnt
    isnt arent werent hasnt havent wat wot abt bout u ur im ive id hed shed whats thats
    theres all some many much more most other others own same such only both each few again
    once kind sort lot lots bit way anyway guys guy mate race happen happened happening
    happend hapened anything something news info update updates latest between lol lmao
    gimme pls plz tho btw ngl bro total exactly literally even yo take took taken taking
    make made give gave given put come came stop stopped keep kept let see saw seen look
    looked looking happen woman women female lady girl yet still already da di de van von
    now currently wtf wth tf omg smh fr idk jr sr """
)
#: Days fans date a session by ("on sunday", "yesterday"): they point to the session, and a
#: sentence naming the day ranks higher, but one that does not ("Bortoleto was eighth")
#: still answers.
_DAY_WORDS = wordset(
    "monday tuesday wednesday thursday friday saturday sunday sundays saturdays today "
    "tonight yesterday"
)

#: Fans' words -> the words race reports use for the same thing (folded forms).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "penalised": ("penalty",), "penalized": ("penalty",), "penalise": ("penalty",),
    "penalties": ("penalty",), "punished": ("penalty",), "sanction": ("penalty",),
    "crash": ("crashed", "collided", "clash", "collision"), "crashed": ("crash", "collided"),
    "crashes": ("crash", "collided"), "crashing": ("crash", "crashed"),
    "collide": ("collided", "crash"), "hit": ("collided", "contact", "slid"),
    "touch": ("touched", "contact"), "clash": ("collided", "contact"),
    "angry": ("furious", "fuming", "red", "attack"), "mad": ("furious", "fuming"),
    "upset": ("furious", "fuming"), "furious": ("fuming",),
    "win": ("won", "victory", "winner"), "won": ("win", "victory"), "winner": ("won",),
    "lose": ("lost",), "retire": ("retired", "finish"), "retired": ("retire",),
    "dnf": ("retired", "finish"), "quit": ("retired",),
    "sorry": ("apologise", "apology"), "apologize": ("apologise",),
    "apologized": ("apologised",), "criticize": ("criticise",), "criticized": ("criticised",),
    "defend": ("defended", "backed"), "thank": ("thanks", "thanked"), "blame": ("blamed",),
    "fault": ("blame", "mistake", "wrong"), "mistake": ("fault",),
    "bike": ("ducati", "ktm", "honda", "yamaha", "aprilia"),
    "standings": ("championship", "leads", "points"), "championship": ("standings",),
    # "the title race": the standings, however a report words them ("63 behind the leader").
    "title": ("championship", "standings", "points", "leader", "leads", "behind", "ahead",
              "champion"),
    "mechanical": ("technical",), "technical": ("mechanical",),
    "drop": ("dropped", "faded", "fell", "slipped"), "dropped": ("faded", "fell", "slipped"),
    "boss": ("principal", "chief", "director", "manager", "owner", "head"),
    "leads": ("lead",), "leader": ("leads", "lead"), "lead": ("led", "leading", "leads"),
    "orders": ("told", "instructed", "hold"),
    "gp": ("grand", "prix"), "teammate": ("team", "shares", "sister", "teammates"),
    "teammates": ("team", "shares", "sister", "teammate"), "mate": ("shares", "sister"),
    "mates": ("shares", "sister"), "car": ("no", "entered", "driving", "shares"),
    "gap": ("seconds", "ahead", "behind", "tenths", "clear"),
    "margin": ("seconds", "tenths", "ahead", "clear", "gap"),
    "podium": ("won", "second", "third"), "runner": ("second",),
    "third": ("podium", "3rd"), "second": ("runner", "2nd", "beating"),
    "hurt": ("injured", "injury", "injuries", "hospital", "released", "medical", "care",
             "unhurt", "uninjured"),
    "injured": ("hurt", "injury", "hospital", "released", "medical", "care", "unhurt",
                "uninjured"),
    "ok": ("unhurt", "uninjured", "fine"), "okay": ("unhurt", "uninjured", "fine"),
    "binned": ("crashed", "crash"), "bin": ("crashed", "crash"),
    "dnfd": ("retired",), "p1": ("won",), "p2": ("second",), "p3": ("third",),
    "pen": ("penalty",), "thru": ("through",), "divebombed": ("dive",), "divebomb": ("dive",),
    "knocked": ("pushed", "wide"), "beef": ("blamed", "fault"),
    "push": ("pushed", "forcing", "forced", "squeezed"),
    "pushed": ("forcing", "forced", "squeezed"),
    "force": ("forcing", "forced", "pushed"), "forced": ("forcing", "pushed"),
    "yellow": ("caution",), "caution": ("yellow",),
    # A driver programme, however a report names it ("McLaren development driver").
    "academy": ("junior", "development", "programme", "protege"),
    "junior": ("academy", "development", "programme", "protege"),
    # Disqualified, however fans shorten it ("dq'd", "dsq").
    "dq": ("disqualified", "disqualification", "excluded"),
    "dqd": ("disqualified", "disqualification", "excluded"),
    "dsq": ("disqualified", "disqualification", "excluded"),
    "dsqd": ("disqualified", "disqualification", "excluded"),
    "disqualified": ("disqualification", "excluded"),
    # "thrown out", "kicked out": a car excluded, an appeal or a review rejected.
    "thrown": ("excluded", "disqualified", "disqualification", "rejected", "dismissed"),
    "kicked": ("excluded", "disqualified", "disqualification"),
    # NASCAR's playoff "cut": "above the cut" is "14 points above the line" in a report.
    "cut": ("line", "cutline", "cutoff"),
    # Fans' short names of a team.
    "merc": ("mercedes",), "mercs": ("mercedes",),
    # "podiums in a row": a run, as a report counts it ("eight consecutive podiums").
    "row": ("consecutive", "straight", "successive", "run"),
    # "whats the weather gonna be like": a forecast, as a preview words it ("The forecast is
    # dry", "about 24 degrees for the race").
    "weather": ("forecast", "rain", "dry", "wet", "temperatures", "degrees"),
    # "whats X aiming for", "whats their target": an aim however it is worded.
    "aiming": ("aim", "target", "goal", "want"), "aim": ("target", "goal", "aiming", "want"),
    "target": ("aim", "goal", "aiming"), "goal": ("target", "aim"),
    # "is X out": dropped, as a market report says it ("would not be renewed", "replace him").
    "out": ("renewed", "dropped", "replace", "replaced", "axed"),
    # "why did X miss Sepang": kept out of it, ruled out, as a report says it.
    "miss": ("missed", "out", "absent", "absence", "skip", "skipped", "without"),
    "missed": ("miss", "out", "absent", "absence", "skip", "skipped", "without"),
}  # fmt: skip

#: Series fans name (a word, or two written together: "f1academy", "cupseries") -> the
#: series. They pick the story, never the words a sentence must hold.
SERIES = {
    "eprix": "fe", "e-prix": "fe", "fe": "fe", "formulae": "fe", "indycar": "indycar",
    "indy": "indycar", "motogp": "motogp", "motogps": "motogp", "motogp's": "motogp",
    "mgp": "motogp", "f1": "f1", "formula1": "f1", "nascar": "nascar", "cup": "nascar",
    "cupseries": "nascar", "wec": "wec", "hypercar": "wec",
    "academy": "f1academy", "f1academy": "f1academy", "supercars": "supercars",
    "v8": "supercars", "v8s": "supercars", "imsa": "imsa", "weathertech": "imsa",
    "wsbk": "worldsbk", "worldsbk": "worldsbk", "sbk": "worldsbk", "superbike": "worldsbk",
    "superbikes": "worldsbk", "wrc": "wrc", "f2": "f2", "formula2": "f2", "f3": "f3",
    "formula3": "f3",
    # Series with no F1-style grand prix: touring cars, rally-raids, the German and
    # Japanese championships ("who won the btcc title", "who leads the dakar").
    "btcc": "btcc", "touringcars": "btcc", "dakar": "dakar", "dtm": "dtm",
    "superformula": "superformula",
}  # fmt: skip
#: How a story of each series shows it when it never names the series: the words its
#: reports use ("rider", "pit road", "Six Hours of"), and the series whose stories share
#: them and must be told apart ("grand prix" is MotoGP's word too). "re:" marks a pattern.
SERIES_TEXT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "fe": (("e-prix", "formula e"), ()),
    "indycar": (("indycar", "indy 500", "indianapolis 500"), ()),
    "motogp": (("motogp", "moto2", "rider", "riders"), ("worldsbk",)),
    "worldsbk": (("worldsbk", "world superbike", "superbike", "wsbk"), ()),
    "wrc": (("wrc", "world rally", "power stage", "special stage"), ()),
    "nascar": (("nascar", "cup series", "pit road", "xfinity"), ()),
    "wec": (("wec", "world endurance", "re:(?:six|6|eight|8|24) hours of", "hypercar",
             "endurance", "le mans"), ("imsa",)),
    "f1academy": (("f1 academy",), ()),
    "supercars": (("supercars", "supercar", "v8 supercars"), ()),
    # F1's feeder series: their own stories, named so ("Formula 2 returns at Spa").
    "f2": (("formula 2", "formula two", "re:\\bf2\\b"), ()),
    "f3": (("formula 3", "formula three", "re:\\bf3\\b"), ()),
    "imsa": (("imsa", "weathertech", "rolex 24"), ()),
    "btcc": (("btcc", "british touring car", "touring car", "touring cars"), ()),
    "dakar": (("dakar", "rally-raid", "rally raid"), ()),
    "dtm": (("dtm",), ()),
    "superformula": (("super formula",), ()),
    "f1": (("formula 1", "formula one", "re:f1(?! academy)", "grand prix"),
           ("motogp", "f1academy")),
}  # fmt: skip

#: Words that signal each kind of answer, as a sentence of a race report says it.
CUES: dict[str, tuple[str, ...]] = {
    "why": ("because", "blamed", "blame", "caused", "due", "failure", "mistake", "fault",
            "locked", "pushed", "damaged", "broken", "bent", "lost", "wrong", "movement",
            "jolted", "slowed", "contact", "slid", "spin", "barrier", "wall", "gravel",
            "speeding", "touched", "loss", "problem", "traced", "failed", "broke", "issue",
            "spun", "tyre", "tyres", "temperature", "grip", "injury", "injured",
            "engine", "gearbox", "puncture"),
    "start": ("grid", "pole", "qualified", "qualifying"),
    "crash": ("crash", "crashed", "crashing", "collided", "collision", "clash", "contact",
              "touched", "spin", "wall", "barrier", "gravel", "tangled", "slid", "hit", "banged"),
    "won": ("won", "win", "wins", "victory", "winner"),
    "retire": ("retired", "retire", "retirement", "pulled", "ended"),
    "penalty": ("penalty", "penalties", "penalised", "stewards", "drive-through"),
    "points": ("points", "leads", "lead", "standings", "championship", "ahead", "behind"),
    "finish": ("finished", "finishing", "finish", "won", "third", "second", "fourth", "fifth",
               "sixth", "seventh", "ninth", "11th", "14th", "17th", "beating", "runner"),
    "next": ("next", "heads", "moves", "focus", "round", "travels", "returns", "resumes",
             "continues",
             "fortnight", "break", "until"),
    "date": ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december", "sunday", "saturday",
             "yesterday", "weekend"),
    "where": ("turn", "corner", "hairpin", "circuit", "track", "speedway", "chicane"),
    "apology": ("sorry", "apologise", "apologised", "apology", "mistake"),
    "thank": ("thank", "thanks", "thanked", "grateful"),
    "defend": ("defended", "defend", "forgive", "stood", "stick", "stuck", "support",
               "supported", "sympathised", "sympathise", "backed", "defence", "defense"),
    "criticise": ("criticise", "criticised", "wrong", "blame", "blamed", "fault", "attack",
                  "accusing", "accused", "pattern", "forgiving", "right"),
    "blame": ("blame", "blamed", "fault", "wrong", "mistake", "responsible", "accusing"),
    "accept": ("accept", "accepted", "disagreed", "agreed", "decision", "respect", "rejected"),
    "react": ("said", "reacted", "told", "wrote"),
    "age": ("year", "old", "aged"),
    "nickname": ("nickname", "nicknamed", "known", "called"),
    "born": ("born",),
    "did_finish": ("retired", "retire", "finished", "wall", "crashed", "out", "gravel", "dnf",
                   "barrier", "pulled"),
    "admit": ("mistake", "fault", "wrong", "responsibility", "sorry", "admitted"),
}  # fmt: skip


_ISE = re.compile(r"(?<=\w\w\w)i([sz])(e|es|ed|ing|ation|ations)$")


def both_spellings(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with each -ise word's -ize twin and back ("penalised", "penalized"):
    British and American reports spell them apart, and a stem does not join them."""
    out = list(words)
    for w in words:
        if m := _ISE.search(w):
            twin = w[: m.start()] + "i" + ("z" if m[1] == "s" else "s") + m[2]
            if twin not in out:
                out.append(twin)
    return tuple(out)


CUES = {kind: both_spellings(words) for kind, words in CUES.items()}
SYNONYMS = {word: both_spellings(words) for word, words in SYNONYMS.items()}

#: Multi-word cues matched as phrases.
CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "retire": ("failed to finish", "out of the race", "pulled off", "ended the"),
    "blame": ("no right", "no further action", "no action", "on me", "wholly to blame"),
    "penalty": ("no further action", "no action", "long lap", "time penalty"),
    "admit": ("on me", "my mistake", "my fault", "take responsibility", "own it"),
    "start": (r"re:start(?:ed|ing) (?:\d+|from|on)",),
    "criticise": ("less forgiving", "no right", "in the wrong"),
    "defend": (
        "stood up for",
        "stick up for",
        "stuck up for",
        "re:came to (?:his|her|their) defen[cs]e",
        "ready to forgive",
        "re:backed (?!down)",
        "stood by",
        "stand by",
        "stands by",
        "came to the defence",
    ),
    "next": (
        "moves on",
        "heads next",
        "next round",
        "next race",
        "season continues",
        "heads to",
        "next up",
    ),
    "finish": ("ahead of", r"re:\d+(?:st|nd|rd|th)\b"),
    "accept": ("buying it", "wasn't having", "not having it", "no excuse"),
}

QUESTION_WORDS = wordset(
    "who whom whose what which how why when where whats whos wheres did does do is was were "
    "has have had can could will would should are wat wot"
)

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-9]\d)\b")
_LAST_YEAR = re.compile(r"\s*\b(?:last\s+(?:year|season)|a\s+year\s+ago)\b")
#: "this year", "this season": the stories as they stand, newest first; no word a sentence
#: must hold ("Toyota won the 24 Hours of Le Mans on Sunday" says no "year").
_THIS_YEAR = re.compile(r"\s*\b(?:this|the\s+current)\s+(?:year|season)(?:['’]s)?\b")
_LAP = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,3})\b|\b(\d{1,3})(?:st|nd|rd|th)\s+lap\b")
_FIRST_LAP = re.compile(r"\b(?:first|opening)\s+lap\b")
#: Numbers fans write as words, cardinal and ordinal: "lap twelve", "the twelfth lap".
_NUMBER_NAMES = (
    "",
    "one first",
    "two second",
    "three third",
    "four fourth",
    "five fifth",
    "six sixth",
    "seven seventh",
    "eight eighth",
    "nine ninth",
    "ten tenth",
    "eleven eleventh",
    "twelve twelfth",
    "thirteen thirteenth",
    "fourteen fourteenth",
    "fifteen fifteenth",
    "sixteen sixteenth",
    "seventeen seventeenth",
    "eighteen eighteenth",
    "nineteen nineteenth",
    "twenty twentieth",
)
_NUMBER_WORDS = {w: n for n, words in enumerate(_NUMBER_NAMES) for w in words.split()} | {
    "thirty": 30, "thirtieth": 30, "forty": 40, "fortieth": 40, "fifty": 50, "fiftieth": 50,
}  # fmt: skip
#: Ordinal words by number, 1 to 20 ("twelfth"): how reports write a lap, an hour, a stage.
ORDINAL_WORDS = {n: words.split()[1] for n, words in enumerate(_NUMBER_NAMES) if words}
_WORD_LAP = re.compile(
    rf"\blap\s+({'|'.join(_NUMBER_WORDS)})\b|\b({'|'.join(_NUMBER_WORDS)})\s+lap\b"
)  # fmt: skip
_TURN = re.compile(r"\b(?:turn|t)\s*(\d{1,2})\b")
#: A turn as fans shorten it, one token ("t1"): the corner asked, never a word to find.
_TURN_SHORT = re.compile(r"t\d{1,2}")
#: An hour of an endurance race, as fans write it ("hour 17", "the 17th hour"); the word
#: forms ("the seventeenth hour") are made digits first.
_HOUR = re.compile(r"\bhour\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+hour\b")
#: A rally's special stage: "ss14", "ss 14", "stage 14", "special stage 14", "the 14th stage".
_STAGE = re.compile(
    r"\b(?:ss|special\s+stage|stage)\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+stage\b"
)
_POWER_STAGE = re.compile(r"\bpower\s*stage\b")
#: One race of a meeting that runs several ("race two" of a BTCC triple-header, "race 1"
#: of a WorldSBK weekend): read as a part of the event, the way a stage is.
_HEAT = re.compile(r"\brace\s*([1-4])\b(?!\s*(?:laps?|points|th|st|nd|rd)\b)")
_WORD_HEAT = re.compile(r"\brace\s+(one|two|three|four)\b")
#: "hour seventeen", "the ninth hour", "stage two": as digits, the way they are read.
_WORD_UNIT = re.compile(
    rf"\b(hour|stage)\s+({'|'.join(_NUMBER_WORDS)})\b|\b({'|'.join(_NUMBER_WORDS)})\s+(hour|stage)\b"
)  # fmt: skip
#: The sessions of a race weekend as fans name them -> one name each. Q1/Q2/Q3 are the
#: parts of qualifying; "quali" is fans' word for it, never a place.
SESSIONS: dict[str, str] = {
    "q1": "q1", "q2": "q2", "q3": "q3", "quali": "qualifying", "qualy": "qualifying",
    "qualifying": "qualifying", "sprint": "sprint", "shootout": "shootout",
    "practice": "practice", "fp1": "fp1", "fp2": "fp2", "fp3": "fp3", "warmup": "warmup",
}  # fmt: skip
_RACE_NAME = re.compile(r"\b((?:[a-z]+\s+){0,2}?[a-z]+)\s+(?:gp|grand\s+prix|e-?prix|500)\b")
#: (each word whole: "f2" of "in qatar f2" or "in the f2 feature" is a series, no place "f")
_PLACE = re.compile(
    r"(?=\b(at|in|during|after|from)\s+(?:the\s+)?"
    r"([a-z][a-z'-]*(?![\w'-])(?:\s+[a-z][a-z'-]*(?![\w'-]))?))"
)
#: A clause after "after" ("after he lost the title", "after they crashed"): an event told,
#: its subject a pronoun, never a place.
_CLAUSE_SUBJECT = wordset("he she they i we you it")
#: A verb's -ing or past form opening the words after "after", "during" or "from" ("after
#: winning baku", "after losing the lead"): the event, and only its object may be a place.
#: A place so spelt (Sebring) is one the places file knows.
_VERB_FORM = re.compile(r"[a-z]{3,}(?:ing|ed)")
_EVENT_AFTER = frozenset({"after", "during", "from"})
#: A place named only to compare with ("like in qatar", "as at monza", "unlike in 2025").
_COMPARED = re.compile(r"\b(like|unlike|as|than)\s+$")
#: "what's X like", "how is X like": "like" asks for a description, comparing nothing.
_DESCRIBES = re.compile(r"^(?:what|whats|what's|wat|how|hows|how's)\b")
#: A yes/no question whether a thing exists ("is there a sprint at yas", "are there any
#: tyre limits", "will there be a shootout"): the thing (group 1) is what a sentence must
#: tell of, even a session's name, which elsewhere only scopes the answer ("who won the
#: sprint"); "There is no sprint this weekend" answers it.
_EXISTS = re.compile(
    r"^(?:is|are|was|were|will|would|wont|isnt|arent)\s+there\s+(?:be\s+|been\s+)?"
    r"(?:(?:a|an|any|some|no|another|still|even)\s+)*(\S+)"
)
#: "the last race", "this weekend": the newest story's race; never "the last race of 2027",
#: that year's closing round (a calendar tells it).
_NEWEST = re.compile(
    r"\b(?:last|latest|most\s+recent|this)\s+(?:race|round|weekend|story|gp)\b"
    r"(?!\s+(?:of|in)\s+(?:the\s+)?\d{4}\b)"
)
_INTENT_WORDS = sorted(
    {w for words in CUES.values() for w in words}
    | set(SYNONYMS)
    | {"happened", "penalty", "apologise", "criticise", "reaction", "react", "finish", "team",
       "role", "drive", "ride", "next", "lap", "turn", "crash", "retire", "blame", "defend"}
)  # fmt: skip


_INTENT_SET = frozenset(_INTENT_WORDS)


@dataclass(slots=True)
class Reading:
    """What a question asks, as far as the words tell.

    ``people`` are full names in the order the question names them; ``words`` the content
    words left once names, places and stop words are set aside (typos mended where they
    are close to a word fans use for a kind of answer), ``extra`` what those words are
    called in articles; ``places`` race or circuit words; ``race_named`` whether they came
    as "<x> GP"; ``lap``/``turn`` numbers asked about.
    """

    text: str
    low: str
    tokens: list[str]
    people: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    year: int | None = None
    newest: bool = False
    lap: int | None = None
    turn: int | None = None
    #: A part of the weekend or event asked about, read the way laps are: an hour of an
    #: endurance race ("hour 17", "the 17th hour"), a rally stage ("SS14", "stage 14"),
    #: the power stage, a session ("q2", "quali", "the sprint", "fp1"; see SESSIONS).
    hour: int | None = None
    stage: int | None = None
    power_stage: bool = False
    session: str | None = None
    #: Which race of a meeting of several ("race two"), as a stage is.
    heat: int | None = None
    team_people: list[str] = field(default_factory=list)
    index_people: dict[str, Person] = field(default_factory=dict)
    #: What the question dates itself by ("on sunday", "this year"): hints for the
    #: sentence, never words it must hold.
    dated_by: list[str] = field(default_factory=list)
    #: Words taken for a name only as a typo of it ("verstapen"): the router checks they
    #: are no ordinary word of the articles ("lane" is not Lance, "drives" not Dries).
    guessed: list[tuple[str, str]] = field(default_factory=list)  # (word, name)
    #: A year no story was written in ("who drives for Audi in 2028"): one a sentence must
    #: say, where ``year`` limits the stories to those written in it.
    told_year: str | None = None

    @property
    def asks(self) -> bool:
        """Whether it is phrased as a question at all."""
        return bool(self.tokens) and (self.tokens[0] in QUESTION_WORDS or "?" in self.text)

    @property
    def content(self) -> list[str]:
        """Every word that is not a function word, including those read as a scope ("gp",
        "race", a session): what tells a real question from one with nothing in it."""
        return [t for t in self.tokens if len(t) > 1 and t not in _STOP and not t.isdigit()]


def _mend(word: str) -> str:
    """A typo of a word fans use for a kind of answer, mended ("penalsed" -> "penalised")."""
    if len(word) < 5 or word in _STOP:
        return word
    found = process.extractOne(word, _INTENT_WORDS, scorer=fuzz.ratio, score_cutoff=84)
    return found[0] if found else word


#: A car asked about by its number: "#45", "no 45", "number 45", "car 45" ...
_CAR_SAID = re.compile(
    r"(?:#|\bno\.?\s*|\bnumber\s+|\bcar\s+(?:no\.?\s*|number\s+|#)?)(\d{1,3})\b", re.I
)
#: ... "the 45 car" ...
_CAR_AFTER = re.compile(r"\b(\d{1,3})\s+(car|entry)\b", re.I)
#: ... and "the 45" alone, a number no unit follows ("the 12 laps", "the 24 hours" are not cars).
_THE_NUMBER = re.compile(
    r"\bthe\s+(\d{1,2})\b(?![-:%.,]?\d|\s*(?:laps?|points?|pts|hours?|h|seconds?|secs?|s|"
    r"minutes?|mins?|years?|races?|rounds?|stages?|drivers?|riders?|teams?|st|nd|rd|th|"
    r"percent|%|km|miles?|mph|kph|places?|positions?|spots?|cars?|entries|of)\b)",
    re.I,
)


def car_numbers(text: str) -> str:
    """Cars written the way fans write them ("the 45", "#45", "45 car", "car 45") as the
    articles' people carry them: "No. 45" (the alias ingest gives a car's driver)."""
    text = _CAR_SAID.sub(r"No. \1", text)
    text = _CAR_AFTER.sub(r"No. \1 \2", text)
    return _THE_NUMBER.sub(r"the No. \1", text)


def read(text: str, lookup: Lookup, words_not_names: frozenset[str] = frozenset()) -> Reading:
    """Read a cleaned question; ``words_not_names`` are never taken as a typo of a name."""
    # "who won in 84", "back in '07": a year typed in two digits, before a car's number is.
    articles = lookup.index.articles
    newest = articles[0].published.year if articles else date.today().year
    spoken = spoken_years(text, newest, place_book().nouns)
    low = normalise(car_numbers(spoken).replace("-", " - ")).replace(" - ", "-")
    low = re.sub(r"\b(\w+) s\b", r"\1s", low)  # "russell s" (from "russell's") -> "russells"
    low = _ORDINAL.sub(lambda m: ORDINAL_WORDS[int(m[1] or m[2])], low)
    # "lap twelve", "the twelfth lap": lap 12, as reports write it ("first lap" stays).
    low = _WORD_LAP.sub(
        lambda m: f"lap {n}" if (n := _NUMBER_WORDS[m[1] or m[2]]) > 1 else m[0], low
    )
    low = _WORD_UNIT.sub(lambda m: f"{m[1] or m[4]} {_NUMBER_WORDS[m[2] or m[3]]}", low)
    low = re.sub(r"\bwarm\s+up\b", "warmup", low)
    low = spelt_out(low)  # "next yr", "penalty pts"
    low = _WORD_HEAT.sub(lambda m: f"race {_NUMBER_WORDS[m[1]]}", low)
    last_year = None
    if (last := _LAST_YEAR.search(low)) and lookup.index.articles and not _YEAR.search(low):
        # "who won mugello last year": the year before the newest story's.
        last_year = lookup.index.articles[0].published.year - 1
        low = low[: last.start()] + low[last.end() :]
    this_year = [m[0].strip() for m in _THIS_YEAR.finditer(low)]
    low = _THIS_YEAR.sub("", low)
    tokens = low.split()
    reading = Reading(text, low, tokens, index_people=lookup.index.people)
    reading.dated_by += [re.sub(r"['’]s$", "", w) for w in this_year]
    if m := _YEAR.search(low):
        reading.year = int(m[1])
        if (
            articles
            and not articles[-1].published.year <= reading.year <= articles[0].published.year
        ):
            # "when does the 2027 season start", "where is Fourmaux driving in 2027": a year
            # no story was written in is what a sentence tells ("for Hyundai in 2027"),
            # never the date of a story; the sentence must say it, whichever story it is in.
            reading.told_year = m[1]
            reading.year = None
    elif last_year is not None:
        reading.year = last_year
    elif (m := NEXT_YEAR.search(low)) and articles:
        # "next year": the year after the newest story's, a hint (see NEXT_YEAR)
        reading.dated_by.append(str(articles[0].published.year + 1))
        rest = low[: m.start()] + low[m.end() :]
        if any(t not in _STOP for t in rest.split()):
            # Its words go when others are left to ask with ("what does it mean for next
            # season" keeps them: a question is never left with none).
            low = rest
            reading.low, reading.tokens = low, low.split()
            tokens = reading.tokens
    reading.newest = bool(_NEWEST.search(low))
    if m := _LAP.search(low):
        reading.lap = int(m[1] or m[2])
    elif _FIRST_LAP.search(low):
        reading.lap = 1
    if m := _TURN.search(low):
        reading.turn = int(m[1])
    if m := _HOUR.search(low):
        reading.hour = int(m[1] or m[2])
    if m := _STAGE.search(low):
        reading.stage = int(m[1] or m[2])
    reading.power_stage = bool(_POWER_STAGE.search(low))
    if m := _HEAT.search(low):
        reading.heat = int(m[1])
    exists = _EXISTS.match(low)
    # "is there a sprint": the session asked to exist is no part of the weekend to read.
    asked = len(low[: exists.start(1)].split()) if exists else None
    reading.session = next(
        (SESSIONS[t] for i, t in enumerate(tokens) if t in SESSIONS and i != asked), None
    )
    # A race's own name ("the italian gp") is a story, never a person's epithet.
    race_words = {w for m in _RACE_NAME.finditer(low) for w in m[0].split()}
    blocked = {i for i, t in enumerate(tokens) if t in race_words}
    # "the italian race", "the aussie round": a race, never "the Italian" rider.
    adjectives = place_book().adjectives
    races = {
        i for i, t in enumerate(tokens[:-1]) if t in adjectives and tokens[i + 1] in _RACE_WORDS
    }
    # "hour 17", "the power stage", "q2": the part of the event asked, never a name
    # ("Twelve Hours" of Sebring, Will Power).
    units = {i for i, t in enumerate(tokens) if t in SESSIONS or _unit_word(t, reading)}
    people, spans = _people_in(
        tokens,
        lookup,
        blocked | races | units | _won_places(tokens) | lookup.team_name_words(tokens),
        words_not_names,
        reading.guessed,
    )
    reading.people = people
    used = set(spans)
    reading.team_people = _team_people(low, lookup, people)
    places: list[str] = []
    for m in _RACE_NAME.finditer(low):
        words = []  # the race's own words: "who won the italian gp" -> "italian"
        for w in reversed(m[1].split()):
            if w in _STOP or w in _NOT_PLACES or w in _INTENT_SET:
                break
            words.insert(0, w)
        if words:
            places.append(" ".join(words) + " grand prix")
    name_words = {tokens[i] for i in spans}
    nouns = place_book().nouns
    # "what was the weather like in qatar": "like" asks what it was, comparing nothing.
    describes = _DESCRIBES.match(low) is not None
    for m in _PLACE.finditer(low):
        words = m[2].split()
        if words[0] in _CLAUSE_SUBJECT:
            continue
        if (c := _COMPARED.search(low, 0, m.start())) and not (c[1] == "like" and describes):
            # "is there a stint limit like in qatar": the place compared with, not the
            # one asked about (that is the story the question's words find).
            continue
        if m[1] in _EVENT_AFTER and _VERB_FORM.fullmatch(words[0]) and words[0] not in nouns:
            words = words[1:]
        words = [w for w in words if w not in _STOP and not w.isdigit() and w not in SERIES]
        words = [w for w in words if w not in name_words]
        words = [w for w in words if w not in _NOT_PLACES]
        if m[1] in _EVENT_AFTER and words and not _known_place(words):
            # "how many times did albon score after the new wing": after a thing or an
            # event, not a place, unless the places file knows the words as one ("after
            # monza", "during the austrian round"); "at" and "in" name places it lacks too.
            continue
        if words and not any(words[0] in p for p in places):
            places.append(" ".join(words))
    compared = _compared(tokens, describes)
    places += _places_named(tokens, set(used) | blocked | compared, places)
    reading.places = places
    place_words = {w for p in places for w in p.split()} | {"gp", "eprix", "e-prix", "prix"}
    words: list[str] = []
    for i, token in enumerate(tokens):
        if token.isdigit() and i not in used and counted(tokens, i):
            words.append(token)  # "this 25 lap rule": the figure is what a sentence gives
            continue
        if reading.turn is not None and _TURN_SHORT.fullmatch(token):
            token = "turn"  # "the t1 crash" reads as "the turn 1 crash" does
        possessed = i - 1 in used and tokens[i - 1].endswith("s") and token in _POSSESSED
        possessed = possessed or out_of_a_seat(tokens, i, used)  # "is X out at Y"
        if i in used or (token in _STOP and not possessed) or token.isdigit() or len(token) < 2:
            continue
        if (token in SESSIONS or _unit_word(token, reading)) and i != asked:
            continue  # the part of the weekend asked is a scope, not a word to find
        if token in place_words or names_series(tokens, i) or _series_pair(tokens, i):
            continue
        if token in _DAY_WORDS:
            reading.dated_by.append(token.removesuffix("s"))
            continue
        # A word a headline uses is the articles' own ("rolex"), no typo of "role".
        mended = token if token in lookup.index.article_words else _mend(token)
        words.append(mended)
    reading.words = list(dict.fromkeys(words))
    extra: list[str] = []
    for w in reading.words:
        extra += SYNONYMS.get(w, ())
    reading.extra = [w for w in dict.fromkeys(extra) if w not in reading.words]
    return reading


#: Units a figure counts ("a 25 lap limit", "a 5-second penalty"): the figure with its unit
#: is content a sentence must give, where a bare number is none.
COUNTED_UNITS = wordset(
    "lap laps second seconds sec secs minute minutes point points place places position "
    "positions km kilometres kilometers mile miles kph mph"
)
#: Words otherwise taken for verbs ("stop", "take") that a possessive name makes a noun
#: ("oscars stop": Piastri's pit stop, "max's take"), content the sentence must hold.
_POSSESSED = wordset("stop stops take look")


def counted(tokens: list[str], i: int) -> bool:
    """Whether the number at ``i`` counts a unit that follows it ("25 lap", "5 second")."""
    return i + 1 < len(tokens) and tokens[i + 1] in COUNTED_UNITS


_UNIT_TOKEN = re.compile(r"(?:ss)?\d+(?:st|nd|rd|th)?")


def _unit_word(token: str, reading: Reading) -> bool:
    """Whether ``token`` is part of an hour or stage the question names ("ss14", "hour")."""
    if reading.hour is not None and (token == "hour" or _UNIT_TOKEN.fullmatch(token)):
        return True
    if reading.stage is not None and (token in ("stage", "ss") or _UNIT_TOKEN.fullmatch(token)):
        return True
    if reading.heat is not None and (token == "race" or token == str(reading.heat)):
        return True
    return reading.power_stage and token in ("power", "stage")


#: "3rd", "p3", "2nd place": the position as reports write it ("third"); "the 32nd lap" stays.
_ORDINAL = re.compile(r"\b(?:p([2-9]|10)|([1-9]|10)(?:st|nd|rd|th))\b(?!\s+(?:lap|hour|stage)\b)")


def _compared(tokens: list[str], describes: bool) -> set[int]:
    """The words naming what a question compares with ("like in qatar", "unlike monza",
    "as at spa"): up to three after the comparing word, never the place asked about.
    ``describes``: the question asks what something is like, and "like" compares nothing."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token == "like" and describes:
            continue
        if token not in ("like", "unlike", "than") and not (
            token == "as" and i + 1 < len(tokens) and tokens[i + 1] in ("in", "at")
        ):
            continue
        at = i + 1
        while at < len(tokens) and tokens[at] in ("in", "at", "the"):
            at += 1
        found.update(range(at, min(at + 3, len(tokens))))
    return found


def _known_place(words: list[str]) -> bool:
    """Whether the places file knows ``words`` (or one of them) as a place's name."""
    same = place_book().same
    return " ".join(words) in same or any(w in same for w in words)


def _places_named(tokens: list[str], used: set[int], places: list[str]) -> list[str]:
    """Places the question names without "at" or "in" ("who won bathurst", "monza winner"),
    as the places file knows them; words already read as a name or a place are passed over."""
    book = place_book()
    nouns = book.nouns
    if not nouns:
        return []
    have = {w for p in places for w in p.split()}
    found: list[str] = []
    taken = set(used)
    for size in (3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            if span & taken:
                continue
            words = tokens[start : start + size]
            key = " ".join(words)
            after = tokens[start + size] if start + size < len(tokens) else ""
            race = key in book.adjectives and after in _RACE_WORDS  # "the aussie round"
            if (key not in nouns and not race) or (size == 1 and key in _STOP):
                continue
            if set(words) <= have:
                continue
            found.append(key)
            taken |= span
    return found


_RACE_WORDS = wordset("race round weekend event")
#: Verbs whose object is a race: "who won austin", "who took monaco", "winning at sebring".
_WON = wordset("won win wins winning winner take took takes")


def _won_places(tokens: list[str]) -> set[int]:
    """Place words right after a verb of winning ("who won austin", "who won at sebring"):
    one wins a race, never a person, so a place that is also someone's name ("Austin"
    Cindric) is the place there."""
    nouns = place_book().nouns
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token in ("winner", "winners") and i > 0 and tokens[i - 1] in nouns:
            found.add(i - 1)  # "austin winner"
        if token not in _WON:
            continue
        at = i + 1
        while at < len(tokens) and tokens[at] in ("at", "in", "the"):
            at += 1
        for size in (3, 2, 1):
            if " ".join(tokens[at : at + size]) in nouns:
                found.update(range(at, at + size))
                break
    return found


#: What may stand before "academy" when it names the F1 Academy series ("the academy race",
#: "who leads f1 academy"); any other word makes it a driver programme ("which academy",
#: "the Ferrari academy", "an Alpine academy driver").
_ACADEMY_SERIES_BEFORE = wordset("the f1 formula in at of")


def names_series(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i`` names a series on its own ("indycar", "the academy"): a
    team's academy ("which academy is Mini in") is a word a sentence must hold."""
    if tokens[i] not in SERIES:
        return False
    if tokens[i] == "academy" and i > 0:
        return tokens[i - 1] in _ACADEMY_SERIES_BEFORE
    return True


def _series_pair(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i`` is half of a series written as two ("f1 academy")."""
    before = tokens[i - 1] + tokens[i] if i > 0 else ""
    after = tokens[i] + tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in SERIES or after in SERIES or tokens[i] == "series"


#: Words after "at"/"in" that are not a race or a place.
_NOT_PLACES = wordset(
    "lap laps turn turns pits pit lane wet dry rain end start first last race races time "
    "points standings championship constructors drivers riders team crash penalty lead "
    "front back gravel wall media social fault order total all next this that podium pole "
    "season year weekend home manufacturers manufacturer constructor teams class classes "
    "category title fight "
    # a position, a time of day or a phase of the race ("in second", "in the morning", "during
    # the safety car", "in traffic"), never a place
    "second third fourth fifth sixth seventh eighth ninth tenth morning afternoon evening "
    "night day dark darkness daylight traffic stint stints safety virtual restart restarts "
    "car press conference presser interview "
    # a class of the event, never a place ("who won in the trucks", "in lmp2", "in gt3")
    "trucks truck bikes cars quads quad challenger challengers ssv ssvs lmp2 lmp3 gt3 gte gtd "
    "lmgt3 pro rookies rookie juniors independents independent privateers amateurs "
    # the parts of a weekend or an event, read as such ("in q2", "after quali", "in hour 17")
    "q quali qualy qualifying sprint shootout practice fp1 fp2 fp3 warmup hour hours stage "
    "stages ss power session "
    # an idiom after "in" ("three wins in a row", "in total", "in charge"), never a place
    "row charge general particular fact case"
)


def _people_in(
    tokens: list[str],
    lookup: Lookup,
    blocked: set[int] | None = None,
    not_names: frozenset[str] = frozenset(),
    guessed: list[tuple[str, str]] | None = None,
) -> tuple[list[str], list[int]]:
    """People a question names, longest names first, typos tolerated; and where they stand.

    Words at ``blocked`` positions are not names (they name a race).
    """
    index = lookup.index
    found: list[tuple[int, str]] = []
    used: list[int] = []
    taken: set[int] = set(blocked or ())
    for size in (5, 4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if any(i in taken for i in span):
                continue
            key = " ".join(tokens[start : start + size])
            name = index.exact.get(key)
            if name is None and key.startswith("the ") and size > 1:
                name = index.exact.get(key[4:])
            if name is None and size == 1 and key.endswith("s") and len(key) > 4:
                # "russells"; never a team's own name ("williams" is not William's)
                name = None if is_team(key) else index.exact.get(key[:-1])
            if name is None and size <= 2 and key not in _STOP:
                name = _nickname(key, lookup)  # "bez": fans' word the article never uses
            if name is None and size == 1 and key.endswith("s") and key[:-1] not in _STOP:
                name = _nickname(key[:-1], lookup)  # "bezs lead": the nickname's possessive
            if name is None and size == 1 and len(key) >= 3:
                initials = _by_initials(lookup)  # "afc": Antonio Felix da Costa
                name = initials.get(key) or initials.get(key[:-1] if key.endswith("s") else "")
            if name is None or (size == 1 and (key in _STOP or key in _NOT_NAMES)):
                continue
            if _eventlike(name):
                continue
            if size == 1 and key not in normalise(name).split():
                name = _nickname_of_series(key, name, tokens, lookup)  # "ham": which one?
            found.append((start, name))
            taken.update(span)
    for i, token in enumerate(tokens):
        if i in taken or token in _STOP or len(token) < 4 or token in _NOT_NAMES:
            continue
        if token in lookup.index.name_words or token in place_book().nouns:
            continue  # "australia" is a place, however close to "the Australian"
        if token in not_names:
            continue
        if is_team(token):
            continue  # "williams" is the team, never a typo of William Byron
        name = lookup.resolve_person(token)
        if name is None and token.endswith("s") and len(token) > 5:
            name = lookup.resolve_person(token[:-1])
        if name is not None and not _eventlike(name):
            found.append((i, name))
            taken.add(i)
            if guessed is not None:
                guessed.append((token, name))
    found.sort()
    people = list(dict.fromkeys(name for _, name in found if not _eventlike(name)))
    used.extend(sorted(taken - set(blocked or ())))
    return people, used


#: The last index's people by their initials: (index, initials -> the one name).
_INITIALS: list[tuple[object, dict[str, str]]] = []


def _by_initials(lookup: Lookup) -> dict[str, str]:
    """Three-or-more-letter initials that stand for one stored person ("afc"), per index."""
    from bot.answers.passages import initials_of

    index = lookup.index
    if _INITIALS and _INITIALS[0][0] is index:
        return _INITIALS[0][1]
    seen: dict[str, list[str]] = {}
    for name in index.people:
        key = initials_of(name)
        if len(key) >= 3 and key not in _STOP:
            seen.setdefault(key, []).append(name)
    found = {k: names[0] for k, names in seen.items() if len(names) == 1}
    _INITIALS[:] = [(index, found)]
    return found


def is_team(word: str) -> bool:
    """Whether the register knows ``word`` as a team's or a body's name."""
    from bot.ingest.resolve import default_register

    return bool(default_register().organisations(word))


def _nickname(key: str, lookup: Lookup) -> str | None:
    """The stored person a register nickname names ("bez" -> Marco Bezzecchi), when the
    articles name them at all; the register alone never adds anyone."""
    from bot.ingest.resolve import default_register

    found = default_register().by_nickname(key)
    if found is None:
        return None
    # The register's protocol types its people loosely: read the two fields they all have.
    forms: tuple[str, ...] = (getattr(found, "name", ""), *getattr(found, "short", ()))
    for form in forms:
        name = lookup.index.exact.get(normalise(form))
        if name is not None:
            return name
    return None


#: Register series -> the question's series names (SERIES values).
_REGISTER_SERIES = {
    "F1": "f1", "MotoGP": "motogp", "IndyCar": "indycar", "NASCAR": "nascar", "WEC": "wec",
    "Formula E": "fe", "Supercars": "supercars", "F1 Academy": "f1academy", "IMSA": "imsa",
    "WorldSBK": "worldsbk", "WRC": "wrc",
}  # fmt: skip


def _nickname_of_series(key: str, name: str, tokens: list[str], lookup: Lookup) -> str:
    """The one a short nickname means when it also starts another stored person's surname
    ("ham": Hamilton in F1, Hamlin in NASCAR): whoever races in the series the question
    names, by the series' name or one of its places; the register's own choice otherwise."""
    if len(key) > 4:
        return name
    rivals = [
        n
        for n in lookup.index.people
        if n != name and any(w.startswith(key) for w in normalise(n).split()[1:])
    ]
    if not rivals:
        return name
    book = place_book()
    asked = {SERIES[t] for i, t in enumerate(tokens) if names_series(tokens, i)}
    text = " ".join(tokens)
    # Its places, by any of their names ("darlington" for Darlington Raceway).
    places = {f for t in tokens if t not in _STOP for f in book.forms(t)}
    for series in _REGISTER_SERIES.values():
        names = book.series_names(series)
        if places & names or any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names):
            asked.add(series)
    if not asked:
        return name
    from bot.ingest.resolve import default_register

    register = default_register()
    fitting = []
    for candidate in [name, *rivals]:
        found = register.find(candidate) if hasattr(register, "find") else ()
        races = {_REGISTER_SERIES.get(s) for p in found[:1] for s in getattr(p, "series", ())}
        if races & asked:
            fitting.append(candidate)
    return fitting[0] if len(fitting) == 1 else name


def _team_people(low: str, lookup: Lookup, named: list[str]) -> list[str]:
    """People of a team the question names ("how did Mercedes react?")."""
    found: list[str] = []
    teams = _teams(lookup)
    words = set(low.split())
    for team, people in teams.items():
        first = team.split()[0]
        if first in words and re.search(rf"(?<!\w){re.escape(team)}(?!\w)", low):
            found += [p for p in people if p not in named]
    return sorted(set(found))


#: The last index's teams: (index, team -> people); an index is replaced whole on refresh.
_TEAMS: list[tuple[object, dict[str, list[str]]]] = []


def _teams(lookup: Lookup) -> dict[str, list[str]]:
    """Team (normalised) -> its people, built once per index."""
    index = lookup.index
    if _TEAMS and _TEAMS[0][0] is index:
        return _TEAMS[0][1]
    found: dict[str, list[str]] = {}
    for person in index.people.values():
        team = normalise(person.team or "")
        if team:
            found.setdefault(team, []).append(person.name)
    _TEAMS[:] = [(index, found)]
    return found


def _eventlike(name: str) -> bool:
    """A "person" the attribution took from a race's name ("Berlin E-Prix")."""
    last = name.split()[-1].casefold() if name.split() else ""
    return last in ("prix", "e-prix", "gp", "grand", "500") or "grand prix" in name.casefold()


#: Words that must never be read as a name even when an alias holds them.
_NOT_NAMES = wordset(
    "star driver drivers rider boss team champion crash race lap turn penalty points win "
    "won next red bull man old year young gun world mercedes ferrari"
)


def stop_words() -> frozenset[str]:
    """The words that carry no topic (question words, pronouns, fillers)."""
    return _STOP
