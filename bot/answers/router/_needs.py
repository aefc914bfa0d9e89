"""The sentences that answer a kind of question: a date, a clock time, the standings, a
title won, a duration, a count, a speed, a sum of money; with the words in a question
that ask for them."""

from __future__ import annotations

import re

_DATE = re.compile(
    r"\b(?:lap \d+|opening lap|first lap|january|february|march|april|may \d+|june|july|august|"
    r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.? \d{1,2}\b|"
    r"sunday|yesterday|\d{4}-\d\d-\d\d|"
    # a year told as when something happened: "made his debut with Williams in 2010"
    r"(?:in|since|until|back\s+in)\s+(?:19[5-9]|20[0-4])\d)\b"
)
#: A race told as the time something happened: "introduced at the Spanish Grand Prix",
#: "since the 2025 Qatar GP", "before the Monaco E-Prix" (folded text).
_RACE_TIME = re.compile(
    r"\b(?:at|in|since|from|before|after|until|by)\s+(?:the\s+)?(?:\d{4}\s+)?"
    r"(?:[a-z][\w'-]+\s+){1,3}(?:grand\s+prix|gp|e-prix)\b"
)
#: "when did X bring the wing", "when was the kerb moved": a time in the past, which a
#: report gives as a date or as the race it happened at.
_PAST_WHEN = re.compile(r"^when\s+(?:did|was|were|had)\b")
_WHEN_TOLD = re.compile(f"{_DATE.pattern}|{_RACE_TIME.pattern}")
#: "what time does the race start": a time of day asked, which a schedule line gives as a
#: clock time ("starts at 3pm local time", "at 10.45am", "14:00 CET"), not a date.
_CLOCK_ASKED = re.compile(r"\bwhat\s+time\b|\bat\s+what\s+time\b")
_CLOCK_TEXT = re.compile(
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}[:.h]\d\d\s*"
    r"(?:local|cet|cest|bst|gmt|utc|et|pt|ct|jst|aest|hrs|hours)\b|\bnoon\b|\bmidday\b"
)
#: A part of an event named in a sentence: "SS9", "stage 9", "the 17th hour", "in Q2".
_UNIT_IN_TEXT = re.compile(
    r"\bss\s?\d+|\b(?:special\s+)?stage\s+\d+|\b\d+(?:st|nd|rd|th)\s+(?:stage|hour)\b|"
    r"\bhour\s+\d+|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"final|last|opening)\s+(?:stage|hour)\b|\bq[123]\b|\b(?:practice|qualifying|sprint)\b"
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: A report's closing line on the next race: the series moving on ("heads to", "moves on
#: to", "returns at", "Next up:", "the next round is") and when it runs, a calendar date
#: ("on Oct. 26", "3–5 July") or a day counted from this one ("next Sunday"). A round-up's
#: "the Japanese round ... on May 15" or "fit for the season opener ... next month" holds a
#: cue word and a date, but moves no series on.
_NEXT_TEXT = (
    r"\bnext\s+(?:race|round|up|stop|event|rally|outing|meeting)\b|\bheads?\s+(?:next\s+)?"
    r"(?:to|for)\b|\bmoves?\s+(?:straight\s+|directly\s+|swiftly\s+)?on\b|\b(?:returns?|resumes?|continues?)\s+(?:at|in|on|with)\b|"
    r"\bresumes\b|\btravels?\s+to\b|\b(?:fortnight|weeks?)\s+off\b|\bbreak\s+before\b|"
    r"\bgoes\s+to\b"
)
_WHEN_TEXT = (
    rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:\s*[–-]\s*\d{{1,2}})?\s+(?:{_MONTHS})\b|"
    r"\bnext\s+(?:sunday|saturday|weekend|week|month)\b|\bin\s+(?:two|three|\d)\s+weeks\b|"
    r"\bfortnight\b"
)
_RACE_DATE = re.compile(rf"^(?=.*?(?:{_NEXT_TEXT}))(?=.*?(?:{_WHEN_TEXT}))", re.S)
#: A question about the series' next race, not about someone's next move ("where is Pecco
#: heading"): it names the race, round or event, or asks what comes after a race.
_NEXT_RACE = re.compile(
    r"\bnext\s+(?:\w+\s+){0,2}?(?:race|round|gp|grand\s+prix|e-?prix|event|rally|stop|"
    r"weekend|one)\b|\b(?:race|round|go|goes|going|head|heads|off)\s+(?:to\s+)?after\b|"
    r"\b(?:go|goes|head|heads|racing|race)\s+next\b"
)
#: How a standings sentence tells who is ahead of whom in the table ("leads the standings
#: by 18 points", "on 348 points, 16 ahead of Piastri"): a points or table word and a word
#: ranking the contenders. A points figure alone ("24 points this season, eighth in the
#: constructors' championship") ranks nobody, nor does a race's margin ("2.1 seconds ahead"),
#: and "leading the championship" alone gives no standings: a figure is asked for.
_STANDING_TEXT = re.compile(
    # A rally's or a rally-raid's table is its overall classification, told without points:
    # "moved into the overall lead", "leads the general classification by 6 minutes".
    r"^(?:(?=.*?\b(?:(?:overall|rally)\s+lead|leads?\s+overall|(?:lead|leads|leader)\s+(?:of|in)\s+"
    r"the\s+(?:general\s+classification|overall\s+(?:standings|classification)))\b)|"
    r"(?=.*?\b(?:points?|pts|standings|championship|title|table|cutline)\b)"
    r"(?=.*?(?<!seconds\s)(?<!second\s)(?<!tenths\s)(?<!laps\s)(?<!lap\s)"
    r"\b(?:leads?|leading|leader|ahead|behind|clear|trails?|trailing|top|advantage|"
    r"margin|deficit|gap|above|below)\b)"
    r"(?=.*?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty)\b)))",
    re.S,
)
#: A title other than the drivers' (riders') one: "the constructors' championship", "the
#: manufacturers' standings", "the teams' title". A fan asking who leads "the championship"
#: means the drivers' table unless the question names the other.
_OTHER_TABLE = (
    r"\b(?:constructors|manufacturers|teams|team|makes|owners)['’]?\s+"
    r"(?:championship|standings|title|table|points|fight|race)\b"
)
_OTHER_TABLE_ASKED = re.compile(r"\b(?:constructors?|manufacturers?|teams?|makes|owners?)\b")
#: A standings sentence about the drivers' table: one that ranks contenders without being
#: about another title.
_DRIVER_STANDING_TEXT = re.compile(rf"^(?!.*?{_OTHER_TABLE}){_STANDING_TEXT.pattern[1:]}", re.S)
#: "when is Sebring", "when's Mandalika", "when does Le Mans start": a race still to come,
#: asked in the present or future. The answer is a report's schedule line ("The championship
#: moves on to Sebring on March 21"), not a sentence recalling last year's race there.
_WHEN_AHEAD = re.compile(r"^(?:whens|when\s+(?:is|are|does|do|will))\b")
#: "who won the title", "who is the motogp champion", "who clinched the championship": a
#: title decided, not a race won (a reigning or defending champion is a person's epithet).
_TITLE_ASKED = re.compile(
    r"\b(?:won|win|wins|winning|take|takes|took|clinch\w*|seal\w*)\s+(?:the\s+)?"
    r"(?:\w+\s+){0,3}?(?:title|championship|crown)\b|"
    r"^(?:who|whos)\s+(?:is|was|became|becomes|s)?\s*(?:the\s+)?(?:new\s+)?"
    r"(?!reigning|defending|former|current)(?:\w+\s+){0,2}?champion\b"
)
#: A sentence telling a title decided: "X is the 2026 MotoGP world champion", "he takes the
#: title by a single point", "clinched the championship", "was crowned champion".
_TITLE_WON = re.compile(
    r"\b(?:is|was|became|becomes|crowned|new)\s+(?:the\s+)?(?:\w+\s+){0,3}?champions?\b|"
    # "to become a NASCAR Cup Series champion": a title won, however long its series' name
    r"\b(?:become|became)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?champion\b|"
    # "won his fifth British Touring Car Championship title", "wrapped up the crown",
    # "retained her title", "successfully defended his championship"
    r"\b(?:takes?|took|taken|won|wins|clinch\w*|seal\w*|secur\w*|claim\w*|retain\w*|"
    r"defended|lift\w*|wrap\w*\s+up|snatch\w*|land\w*)\s+(?:the|his|her|their|a|its)\s+"
    # ("clinching a place in the Championship 4": a place in a title fight, no title)
    r"(?!(?:place|spot|berth|seat|ticket|slot)\b)"
    r"(?:[\w'’-]+\s+){0,5}?(?:title|championship|crown)\b"
    r"(?!\s+(?:lead|fight|battle|race|standings|hopes?|chase|contenders?|points|\d))|"
    # "Second place was enough for Lietz and Pera to win the drivers' championship": a title
    # won by a result told before it (never "would be enough", a preview's sum)
    r"\b(?:was|were|proved)\s+enough\s+(?:for\s+[^.;]{1,80}?\s+)?to\s+win\s+"
    r"(?:the|his|her|their|a|its)\s+(?:[\w'’-]+\s+){0,5}?(?:title|championship|crown)\b|"
    # "champion by four points", "champion for a third time", "the title is his", "that was
    # the title", "title winner", "crowned"
    r"\bchampions?\s+(?:by|for\s+(?:the|a)\s+\w+\s+time)\b|"
    r"\b(?:title|crown|championship)\s+(?:is|was|went\s+to|goes\s+to)\s+(?:his|hers|theirs)\b|"
    r"\bthat\s+was\s+the\s+(?:title|championship)\b|"
    r"\b(?:title|championship)\s+(?:winner|decider)\b|\b(?:was|were|is|been)\s+crowned\b"
)
#: A title still to be decided, asked as a condition or a chance: "what does Piastri need to
#: win the title", "can Norris win the championship", "who will win the title". The
#: standings and the sums answer it, never the champion another series crowned.
_TITLE_AHEAD = re.compile(
    r"\b(?:to|can|could|will|would|gonna|might|may|need\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:win|take|clinch|seal|get)\b"
)
#: A title decided that is the drivers' (riders'): "Ford also won the manufacturers' title"
#: does not tell who won "the btcc title".
_DRIVER_TITLE_WON = re.compile(
    rf"^(?!.*?\b(?:won|took|takes|clinch\w*|seal\w*)\s+(?:the\s+)?{_OTHER_TABLE[2:]})"
    rf"(?=.*?(?:{_TITLE_WON.pattern}))",
    re.S,
)
#: A spell of time or when it ends, as a report tells it: "six to eight weeks", "the last two
#: races of the season", "a contract to the end of 2028", "until the end of next year".
_NUMBER_WORD = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several)"
)
_DURATION_TEXT = re.compile(
    rf"\b{_NUMBER_WORD}(?:\s+(?:to|or)\s+{_NUMBER_WORD})?(?:\s+more|\s+further)?"
    r"\s+(?:weeks?|months?|years?|seasons?|races?|rounds?|days?|events?)\b|"
    r"\b(?:until|till|through|to|runs?\s+to|expires?\s+(?:at|in))\s+(?:the\s+)?"
    r"(?:end\s+of|\d{4}|next\s+(?:year|season)|this\s+(?:year|season))\b|"
    r"\bend\s+of\s+(?:the\s+|next\s+|this\s+)?(?:year|season|\d{4})\b|"
    r"\brest\s+of\s+the\s+(?:season|year|championship)\b"
)
_LAP_IN_TEXT = re.compile(r"\blap \d+|\b(?:opening|first) lap\b|\blaps? later\b")
_AGE = re.compile(r"\b\d+-year-old\b|\baged \d+\b")
#: "who was on pole", "who got pole at X": pole asked, not any place on the grid.
_POLE_ASKED = re.compile(r"\bpole\b(?!\s+(?:to|by)\b)|\bfastest\s+in\s+qualifying\b")
#: A sentence telling who had pole: "took pole", "from pole", "the pole-sitter", "started
#: first", "qualified fastest" (never "ninth on the grid").
_POLE_TEXT = re.compile(
    r"\bpole\b|\bstart(?:ed|s)?\s+(?:first|from\s+the\s+front)\b|"
    r"\bqualified\s+(?:first|fastest|on\s+top)\b|\bfastest\s+in\s+qualifying\b"
)
#: "where did X qualify", "what did X qualify": the place they qualified in, past, which a
#: report tells as "qualified seventh", "took pole" (folded text); never a sum of what
#: qualifying would bring ("qualifying seventh would put him 12th") nor a grid after a penalty.
_QUALIFIED_ASKED = re.compile(r"^(?:where|what|wat)\s+(?:\w+\s+)?did\s+.+\bqualify\b")
_QUALIFIED_TEXT = re.compile(
    r"\bqualified\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|on\s+pole|fastest|last|p\d+)\b|"
    r"\b(?:took|takes|claimed|claims|won|wins|grabbed|snatched|on|from)\s+pole\b"
)
_BORN = re.compile(r"\bborn\b")
_LAP_COUNT = re.compile(r"\b\d+[- ]laps?\b(?! \d)")
#: The race's own length in laps ("the 312-lap race", "stretching to 506 laps"), never the
#: laps someone led ("led a race-high 142 laps") or those left ("with 20 laps to go").
_RACE_LAP_COUNT = re.compile(
    r"(?<!\bled )(?<!\bled a )(?<!race-high )(?<!leading )\b\d+[- ]laps?\b(?! \d)"
    r"(?!\s+(?:to\s+go|left|remaining|later|from\s+the\s+end))",
    re.I,
)
#: "who defended X", "who blamed X": the one asked for is the subject, X the object.
_WHO_DID = re.compile(
    r"^who\s+(?!is\b|was\b|are\b|were\b|did\b|does\b|do\b|has\b|had\b|s\b)\w+"
    # "did anyone stick up for X": X is the object too, whoever did it.
    r"|^(?:did|has|have|had|does|do)\s+(?:anyone|anybody|someone|somebody)\s+\w+"
)
_CAR_NUMBER = re.compile(
    r"\b(?:no\.?|#|number|car)\s*(\d{1,3})\b(?!\s*(?:laps?|points|th|st|nd|rd))"
)
_POSITION_TEXT = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"leads?|top)\b"
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|"
    r"thirty|forty|fifty|hundred|thousand|half|tenths?|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth)\b"
)
#: "how fast", "what speed", "top speed": a speed asked, which a figure with its unit gives
#: ("at 347 km/h"), never "the fastest man".
_SPEED_ASKED = re.compile(r"\bhow\s+(?:fast|quick)\b|\b(?:what|top)\s+speed\b")
_SPEED_TEXT = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:km/h|kmh|kph|mph|miles\s+per\s+hour)(?!\w)")
#: "what was X's pole time", "hamiltons lap time in q2", "fastest lap time": a lap's time
#: asked, which a report gives as its figure ("a final lap of 1:15.918"), never a sentence
#: that only places them ("12th, two tenths from the cut"): no figure there, no answer.
#: A session's or a race's time without "lap" is no lap ("the qualifying time" is when it
#: starts, "his final time" the race's).
_LAP_TIME_ASKED = re.compile(r"\b(?:pole|q[123])\s+(?:lap\s+)?times?\b|\blaps?\s*times?\b")
_LAP_TIME_TEXT = re.compile(r"(?<![\d:.])\d{1,2}:\d\d[.,]\d{1,3}\b")
#: The words a lap-time question uses only to ask for the time, which the figure answers.
LAP_TIME_WORDS = frozenset({"time", "times", "laptime", "laptimes"})
#: "how much did the wing cost", "how much were they fined": a sum of money asked, which a
#: figure with its currency gives ("$11 million", "€50,000"), never "the last three races".
_MONEY_ASKED = re.compile(
    r"\bhow\s+much\b.*\b(?:cost|costs|costing|spen[dt]|spending|pay|paid|fine|fined|worth|"
    r"budget|price|charge[ds]?|earn\w*)\b"
)
_MONEY_TEXT = re.compile(
    r"[$£€]\s?\d|\b\d[\d,.]*\s*(?:million|billion|bn|m|k|dollars|euros|pounds|francs)\b|"
    r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+"
    r"(?:million|billion)\b"
)
