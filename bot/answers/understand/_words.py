"""The words a question is read with: stop words, fans' words mapped to the articles' words,
series names, the cues of each kind of answer, question words.

Data only (and ``both_spellings``, which every list here is put through): shared by the
reading, its places and people, and the router.
"""

from __future__ import annotations

import re

from bot.answers.text import wordset

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
    "win": ("won", "victory", "winner"), "won": ("win", "victory"), "winner": ("won",),
    "lose": ("lost",), "finale": ("last", "final"),
    # A car's new parts, as the FIA's list and a technical analysis count them.
    "parts": ("components",), "components": ("parts",),
    # "the biggest loser": a verdict column's own word ("Loser: Ferrari"), no typo of "lose".
    "loser": ("lost", "losers"), "losers": ("loser", "lost"), "winners": ("winner", "won"),
    "retire": ("retired", "finish"), "retired": ("retire",),
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
    "binning": ("crashed", "crash"), "bins": ("crashed", "crash"),
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
    # Strategy as fans type it and reports write it: the "vsc" is the virtual safety car,
    # to "pit" is to stop, and time lost in a stop is what it "costs".
    "vsc": ("virtual",),
    # "overtake" (and "get past", read as it: _fan_forms): a pass, however a report words
    # it ("passed the Porsche"). Never the bare "past": "in the past" is no pass.
    "overtake": ("passed", "pass", "overtook"), "overtook": ("passed", "pass"),
    # The real safety car and the full-course yellow, as fans shorten them ("the sc thing").
    "sc": ("safety",), "fcy": ("yellow",),
    "pit": ("stop", "stopped", "stops"), "pits": ("stop", "stops"),
    "pitting": ("stop", "stopped", "stopping"), "pitted": ("stopped",),
    # "where did X hold up Y" (read as "impede": _fan_forms): one car in another's way on a
    # fast lap, as the stewards and reports say it ("impeded Y at Turn 4", "caught in traffic
    # behind X"). Never the bare "hold"/"held": "hold the lead", "held off Y" are no hold-up.
    "impede": ("impeded", "blocked", "traffic", "held"),
    "blocked": ("impeded", "traffic", "held"), "blocking": ("blocked", "impeded", "traffic"),
    # A case "heard" by stewards, a panel or a court is told as its "hearing" ("after a
    # hearing of five hours at the Federation's offices"): stems never join the two.
    "heard": ("hearing",), "hear": ("hearing",),
}  # fmt: skip

#: Ordinary words a letter or two from a word fans use for a kind of answer, which the
#: typo mending (``_reading._mend``) must leave as typed: "his new contract" is no
#: "contact", "depended" no "defended", "tanked" no "thanked".
NOT_TYPOS = wordset("contract contracts contracted depended depends tanked tanks baked spine")

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

#: Phrases that tell a kind's answer as its cue words do, kept out of the words searched
#: (they are common words): a cause told without "because" ("did not help: the team missed
#: the test", "was therefore not new", "that meant two stops", "so nobody could").
PREFER_PHRASES: dict[str, tuple[str, ...]] = {
    "why": (
        "did not help",
        "didn't help",
        "therefore",
        "which meant",
        "that meant",
        "meant that",
        "which is why",
        "that is why",
        "the reason",
        # A rule is a cause: "under the rules, out of the top nine", "his grid place decided
        # by Saturday's Superpole" tell why someone started where they did.
        "under the rules",
        "by the rules",
        "decided by",
        # "second thanks to the undercut" is a cause; "Thanks to the team" opening a
        # sentence or a quotation is gratitude.
        r"re:(?<=[\w,] )thanks to\b",
        # "so nobody could" is a consequence wherever it stands; "so the/he/it" only after
        # a comma ("the tyres were gone, so he pitted"): "So it was a tough day" is no cause.
        r"re:(?:so (?:that|nobody|no one|none|everyone|everybody)"
        r"|(?<=, )so (?:the|he|she|they|we|it))\b",
    ),
}

#: A choice's cause is its purpose: "why did they bring a new wing" is answered by "The aim
#: was to give the car more front end", "designed to reduce ...". An event's is not: "why did
#: X retire" is never answered by "The goal was to test the new floor" (router._query adds
#: these to "why" only when the question asks of no crash, retirement or penalty).
PURPOSE_PHRASES: tuple[str, ...] = (
    "the aim",
    "aimed at",
    "designed to",
    "intended to",
    "meant to",
    "in order to",
    "the idea was",
    "the goal",
    "the purpose",
)

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


def stop_words() -> frozenset[str]:
    """The words that carry no topic (question words, pronouns, fillers)."""
    return _STOP
