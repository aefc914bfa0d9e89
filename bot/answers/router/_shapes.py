"""The shapes of a question the router dispatches on: "who said ...", "what happened on
lap N", "who is X", "what did X say", "recap", "facts", a quote asked for, an apology."""

from __future__ import annotations

import re

_WHO_SAID = re.compile(
    r"^(?:so\s+)?who\s+(?:said|says|wrote|writes|tweeted|posted)\b\W*(.*)$", re.I
)
_WHO_SAID_ANY = re.compile(
    r"^(?:(?:gimme|give\s+me|show\s+me|find)?\s*(?:the\s+)?(?:quote|bit|line|part)\s+"
    r"(?:where|when|in\s+which)\s+(?:someone|somebody|anyone|he|she|they)\s+(?:says|said)|"
    r"who(?:['’]?s|\s+is|\s+was)?\s+(?:the\s+(?:one|guy|person|driver|rider)\s+)?"
    r"(?:that\s+|who\s+)?(?:said|says|called|told|wrote|goes|tweeted)|"
    r"(?:did|has)\s+(?:anyone|anybody|someone|somebody)\s+(?:say|said|call|write)|"
    r"which\s+\w+\s+said)\b\W*(.*)$",
    re.I,
)
#: "who asked about the safety car", "who asked max about the title": an interviewer's
#: question asked for, whose asker a transcript names ("Q: (Jane Roe - Daily Paper) ...").
#: "who asked for team orders" is a request, which the passages tell.
_WHO_ASKED = re.compile(
    r"^(?:so\s+)?who\s+(?:asked|asks|questioned)\b(?!\s+for\b)(?:\s+(?:about|on|regarding|if|whether|"
    r"the\s+question\s+(?:about|on)))?\b\W*(.+)$",
    re.I,
)
_LAP_NUMBER = re.compile(r"\blap\s*(?:no\.?|number|#)?\s*(\d{1,6})\b", re.I)
_NTH_LAP = re.compile(r"\b(\d{1,6})\s*(?:st|nd|rd|th)?\s+lap\b", re.I)
_LAP_ONLY = re.compile(
    r"^(?:(?:what|wat|wot)\s*(?:happened|happend|hapened|happen|went\s+on)\s+(?:on|in|during)\s+"
    r"(?:the\s+)?|tell\s+me\s+about\s+(?:the\s+)?|about\s+(?:the\s+)?)?"
    r"(?:lap\s*(?:no\.?|number|#)?\s*\d{1,6}|\d{1,6}\s*(?:st|nd|rd|th)?\s+lap)\W*$",
    re.I,
)
_APOLOGY_WORDS = re.compile(r"\b(?:apolog\w*|sorry|regret\w*)\b", re.I)
_ADMIT = re.compile(
    r"\b(?:admit\w*|own\s+up|blame\s+(?:him|her|them)sel(?:f|ves)|take\s+responsibility)\b", re.I
)
_WHO_IS = re.compile(
    r"^(?:who\s+(?:is|was|are|s)|who['’]s|whos|tell\s+me\s+about|profile\s+(?:of\s+)?|about)\s+"
    r"(.+)$",
    re.I,
)
#: ... "hows X feel about", "whats X think of": the question word with its verb run in.
_WHAT_SAID = re.compile(
    r"^(?:(?:what|how|wat)\s+(?:did|does|do|has|had|was|is)|(?:what|how|wat)(?:s|'s|’s))\s+"
    r"(.+?)\s+"
    r"(?:say|said|think|thought|write|wrote|tweet|tweeted|post|posted|react|reacted|respond|"
    r"responded|reply|replied|feel|felt|saying|make\s+of"
    # "what did rast tell nico about stints": what one told another about something (the
    # one told is no topic); "what did X's engineer tell him" is left to the passages
    r"|tell\s+\S+(?=\s+(?:about|on|regarding|over|before|after|when|during)\b))\b(.*)$",
    re.I,
)
#: "what did gustafson tell him", "what did vosse tell hulk": what a named person told
#: someone, no topic given (a role, "X's crew chief", is left to the passages).
_TOLD = re.compile(
    r"^(?:what|wat)\s+(?:did|does|has|had)\s+(.+?)\s+tell(\s+\S+|\s+the(?:\s+\S+){1,2})$", re.I
)
#: "why does rivola reckon aprilia lose out", "why did X think it was over": the reasons an
#: opinion has are its holder's own words, asked as "what did X say about it".
_WHY_THINK = re.compile(
    r"^why\s+(?:does|did|do|would)\s+(.+?)\s+(?:think|thinks|reckon|reckons|believe|believes)"
    r"\b(.*)$",
    re.I,
)
_REACTION = re.compile(
    r"^(?:what\s+(?:was|is)\s+|whats\s+)?(.+?)(?:['’]s|s)?\s+(?:reaction|response|verdict|"
    r"take|view|thoughts|pov|side|version|opinion)\b(.*)$",
    re.I,
)
#: "sainz on his p8", "leonie on the hadjar penalty": a headline's shorthand for what someone
#: said about something (the name is checked to be a person's before it is read so).
_PERSON_ON = re.compile(r"^(.+?)\s+(on\s+\S.*)$", re.I)
_TOPIC = re.compile(r"^\W*(?:about|on|regarding|to|after|of|over|when|re)\b\s*(.*)$", re.I)
_QUOTE_FROM = re.compile(
    r"^(?:(?:a|random)\s+)?quotes?(?:\s+(?:from|by|of))?\s*(.*)$|^(.+?)\s+quotes?$", re.I
)
_RECAP = re.compile(r"\b(?:recap|summary|summari[sz]e|catch\s+me\s+up|tl;?dr)\b", re.I)
_FACTS = re.compile(
    r"\b(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|key\s+points)\b", re.I
)
_FACTS_ONLY = re.compile(
    r"^(?:the\s+)?(?:key\s+)?(?:facts?|what\s+happened|what\s+went\s+on|the\s+story|details|"
    r"key\s+points)$",
    re.I,
)
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{2,})[\"“”«»„]|(?<!\w)'([^']{2,})'(?!\w)")
_LEAD_IN = re.compile(
    r"^(?:hey|hi|please|pitwall|ok|okay|so|and|but|lol|lmao|yo|bro|mate|guys|ngl|wait|hmm+|can\s+you\s+tell\s+me|tell\s+me|"
    r"do\s+you\s+know|i\s+wonder|any\s+idea)\b[\s,!:]*",
    re.I,
)
_TRAILING = re.compile(r"[\s?!.,;:…]+$")
_HELP = re.compile(
    r"^(?:help|commands|\?+|what\s+can\s+you\s+do|how\s+do\s+(?:i|you)\s+use\s+(?:this|you))$",
    re.I,
)
_LATEST = re.compile(r"^(?:what(?:'|’)?s|what\s+is|whats)?\s*(?:the\s+)?(?:latest|news|new)$", re.I)
_REACTING = re.compile(r"\b(?:react\w*|respond\w*|think|thought|feel|felt|make\s+of)\b", re.I)
#: "did Hadjar agree with his penalty", "did Petrucci think the penalty was fair": a yes/no
#: asking someone's view of a thing, which their own words on it answer ("I don't agree with
#: it"). Agreeing to something (a contract) is an act, not a view.
_VIEW_ASKED = re.compile(
    r"^(?:did|does|do)\s+(.+?)\s+(?:think|reckon|believe|agree|disagree)\s+"
    r"(?!to\b)(?:(?:with|about|on|that)\s+)?(.+)$",
    re.I,
)
#: "how did Browning take the DNF", "how is X taking the news": X's reaction to it, asked as
#: "how did X react to it". What is taken is news or a setback (it, the news, a verdict, their
#: own weekend), never a place won ("how did X take the lead", "take pole": an event).
_TAKING = re.compile(
    r"^how\s+(?:did|does|do|has|is|was)\s+(.+?)\s+(?:take|taking|taken|took)\s+("
    r"(?:it|that|this|the\s+news)\b.*|(?:his|her|their)\s+(?!first\b|maiden\b|pole\b)\w+.*|"
    r"the\s+(?:dnf|retirement|defeat|loss|result|penalty|decision|verdict|ruling|exclusion|"
    r"disqualification|dsq|crash|criticism|setback|demotion)\b.*)$",
    re.I,
)
_TEAM_ROLE = re.compile(
    r"\b(?:team|teams|role|job|position|title|drives?\s+for|races?\s+for|rides?\s+for|"
    r"driving\s+for|racing\s+for|riding\s+for|bike|car|works?\s+for|do\s+for|does\s+\w+\s+do|"
    r"(?:a|an)\s+\w+\s+(?:driver|rider))\b",
    re.I,
)
_WHAT_HAPPENED = re.compile(
    r"\b(?:what|wat|wot)\s*(?:s\s+)?(?:happened|happend|hapened|happen|went\s+on|went\s+down|"
    r"was\s+the\s+story)\b|\bhow\s+did\s+.+\s+go\b",
    re.I,
)
