"""Where words were said: radio, reporters, a statement, a post, an interview."""

from __future__ import annotations

import re

from bot.ingest.attribution.records import DEFAULT_SETTING
from bot.ingest.attribution.state import _State
from bot.ingest.text import Needled

_WRITE_VERBS = frozenset({"wrote", "writes", "posted", "tweeted", "writing", "posting"})
_SOCIAL = Needled(
    re.compile(
        r"\b(?:instagram|twitter|facebook|tiktok|threads|social[ -]media|on x|x account)\b", re.I
    ),
    ("instagram", "twitter", "facebook", "tiktok", "threads", "social", "on x", "x account"),
)
_POST = re.compile(r"\bpost\b")
#: "replied to Hamlin's post with ...": a reply under a post is a post too.
_REPLY_VERBS = frozenset({"replied", "responded", "answered"})
_REPORTERS = Needled(
    re.compile(
        r"\b(?:told|telling|speaking to|said to)\s+(?:the\s+)?(?:reporters|journalists|media|press"
        r"|assembled media)\b|\bpress conference\b|\bmedia (?:session|pen|day)\b"
        r"|\bpress briefing\b",
        re.I,
    ),
    ("told", "telling", "speaking to", "said to", "press", "media"),
)
#: An outlet's name: capitalised words, "F1", numbers, particles between capitals ("Auto Motor
#: und Sport").
_OUTLET_NAME = (
    r"[A-Z][\w.&'’+-]*(?:\s+(?:[A-Z][\w.&'’+-]*|F1|\d+|"
    r"(?:und|de|del|della|dello|delle|dei|di|der|des|du|la|le|of)\s+[A-Z][\w.&'’+-]*))*"
)
#: "told Sky Sports", "told German magazine Auto Motor und Sport", "told Italian television":
#: the outlet's name, after what kind of outlet it is when the text says so.
_OUTLET = re.compile(
    r"\b(?:told|telling|speaking to|spoke to|in an interview with|interview with|said to)\s+"
    r"(?:the\s+)?(?:(?P<kind>(?:[A-Z][\w'’-]*\s+)?(?:broadcaster|magazine|newspaper|daily|"
    r"website|channel|network|television|TV|radio|podcast|station|paper|outlet))\b\s*)?"
    rf"(?P<outlet>{_OUTLET_NAME})?"
)
#: A word every ``_OUTLET`` match holds (case-sensitive, as it is): most sentences have none.
#: "said" counts only as the pattern writes it, "said to": a bare "said" is in most sentences
#: with a quote, and ran the whole pattern for nothing.
_OUTLET_WORDS = re.compile(r"told|telling|speaking|spoke|interview|said to")
_RADIO = Needled(
    re.compile(r"\bteam radio\b|\bover the radio\b|\bon the radio\b|\bradioed\b", re.I),
    ("radio",),
)
_STATEMENT = Needled(
    re.compile(r"\bin a (?:team )?statement\b|\bstatement (?:released|issued)\b", re.I),
    ("statement",),
)


#: The writer's own interview: "Varga told me", "told us", "when I sat down with Ostrava",
#: "when we met at Aragon", "I spoke to him".
_WRITER_INTERVIEW = re.compile(
    r"\b(?:told|tells|telling)\s+(?:me|us)\b"
    r"|\b(?:[Ww]hen|[Aa]s|[Aa]fter)\s+(?:I|we)\s+(?:\w+\s+)?(?:met|sat\s+down|spoke|talked|caught\s+up)\b"
    r"|\bI\s+(?:sat\s+down\s+with|spoke\s+(?:to|with)|caught\s+up\s+with|met)\b"
)
#: Where and when right after the interview's words: "at Misano in September", "in Doha".
_AT_PLACE = re.compile(
    r"(?:\s+(?:with|to)\s+(?:[A-Z][\w'’-]*\s*)+?)?"
    r"(?P<where>(?:\s+(?:again\s+)?(?:at|in|on)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)+)"
)


#: Words without which no writer's interview is told (a quick test before the pattern).
_WRITER_WORDS = ("told", "tell", " I ", "we ")


def _writer_words_end(masked: str) -> int:
    """Where the first of the writer's words ends in a paragraph (past its end: none), so a
    sentence ending before it needs no search: in a paragraph of thousands of short quotes,
    looking for them in the text before each quote cost quadratic time."""
    ends = [i + len(word) for word in _WRITER_WORDS if (i := masked.find(word)) >= 0]
    return min(ends, default=len(masked) + 1)


def _writer_interview(before: str) -> str | None:
    """The setting of words the writer heard themselves ("Varga told me at Misano in
    September"): "interview with the writer", with the place and time the text puts right
    after, so "what did Varga tell her at Misano" finds these words. None when not so."""
    if not any(word in before for word in _WRITER_WORDS):
        return None
    found = False
    place = ""
    for m in _WRITER_INTERVIEW.finditer(before):
        found = True
        if where := _AT_PLACE.match(before, m.end()):  # the last one the text places
            place = " ".join(where["where"].split()).removeprefix("again ")
    if not found:
        return None
    return f"interview with the writer {place}".strip()


#: Settings an organisation's words keep; any other becomes "statement".
_WRITTEN_SETTINGS = frozenset({"written statement", "social media post", "statement"})


class _Settings(_State):
    """The setting of a statement's words, worked out once per sentence."""

    # -- settings -------------------------------------------------------------------------

    def _setting(self, paragraph: int, masked: str, a: int, b: int, verb: str | None) -> str:
        # Every quote of one sentence shares its setting: work it out once per sentence, or a
        # paragraph of many short quotes costs quadratic time.
        key = (paragraph, a, b, verb)
        if key not in self._settings:
            self._settings[key] = self._setting_of(paragraph, masked, a, b, verb)
        return self._settings[key]

    def _setting_of(self, paragraph: int, masked: str, a: int, b: int, verb: str | None) -> str:
        sentence = masked[a:b]
        original = self.paragraphs[paragraph - 1][a:b]
        context = " ".join(self.masked[max(0, paragraph - 3) : paragraph])
        lowered = sentence.lower()
        social = _SOCIAL.search(sentence, lowered)
        if "comment" in lowered and social:
            return "Instagram comment" if "instagram" in lowered else "social media comment"
        replied = verb in _REPLY_VERBS and _POST.search(lowered) is not None
        if verb in _WRITE_VERBS or social or replied:
            if social or _SOCIAL.search(context, context.lower()) or _POST.search(context):
                return "social media post"
            if "column" in lowered:
                return "column"
            return "written statement"
        if "podcast" in lowered:
            # "said on his podcast", "told the Happy Hour podcast": a show, not the radio.
            return "podcast"
        if verb == "radioed" or _RADIO.search(sentence, lowered):
            return "team radio"
        if _REPORTERS.search(sentence, lowered):
            return "remarks to reporters"
        outlet = _OUTLET.search(original) if _OUTLET_WORDS.search(original) else None
        if outlet is not None:
            name = (outlet.group("outlet") or outlet.group("kind") or "").rstrip(".'’-")
            # After "magazine", "broadcaster", the name is the outlet's even if a run of
            # its words was taken for a person's ("Auto Motor").
            named = outlet.group("kind") is None and bool(self.people.mentions(name))
            if name and self.people.resolve(name) is None and not named:
                return f"interview with {name}"
        if _STATEMENT.search(sentence, lowered):
            return "statement"
        # The writer's own interview, said in this sentence or earlier in the paragraph.
        if paragraph not in self._writer_words:
            self._writer_words[paragraph] = _writer_words_end(masked)
        if self._writer_words[paragraph] <= b and (interview := _writer_interview(masked[:b])):
            return interview
        return self.defaults.spoken_setting or DEFAULT_SETTING
