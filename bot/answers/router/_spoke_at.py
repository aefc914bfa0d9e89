"""Where someone was when they spoke: "where was Verstappen when he talked about the appeal",
"where did Norris say that".

The place a remark was made is told beside its speaker, not beside its topic: "Verstappen,
speaking at a sponsor event in Dubai on Tuesday, backed his team-mate's decision" names
neither "appeal" nor "talked". So the sentence that answers is one of the speaker's telling
where they spoke ("speaking at", "told reporters in", "said at a launch"); the question's
topic only helps pick among them, and a turn or a circuit (the "where" of a race) is no
answer to it.
"""

from __future__ import annotations

import dataclasses
import re

from bot.answers.passages import Query, stem

__all__ = ["SPOKE_AT_TEXT", "spoke_at", "spoke_at_asked"]

#: The fan's verbs of speaking, asked after "where": the remark, not what it is about.
_SPOKE = (
    r"said|say|says|saying|talked|talk|talks|talking|spoke|speak|speaks|speaking|told|tell|"
    r"commented|comment|comments|made\s+(?:the|that|those|his|her)\s+(?:comments?|remarks?)"
)
#: "where was X when he said ...", "where did X say that", "where was X speaking", "where did
#: X talk about ...": the remark's place. A "say"/"tell" with a clause of its own ("where did
#: X say he lost time") asks the clause's where, and "where was X told to serve ..." the order's.
_ASKED = re.compile(
    rf"^where(?:s)?\s+(?:was|were|is|did|does|had)\b(?:.*?\bwhen\b.*?\b(?:{_SPOKE})\b|"
    r".*?\b(?:talked|talk|talks|talking|spoke|speak|speaks|speaking|commented|comment|comments|"
    r"made\s+(?:the|that|those|his|her)\s+(?:comments?|remarks?))\b|"
    r".*?\b(?:said|say|says|told|tell)(?:\s+(?:reporters|journalists|the\s+media))?"
    r"(?:\s+(?:that|this|it|so))?\s*[?.!]*$)"
)
#: A sentence telling where a remark was made (text folded): "speaking at a sponsor event",
#: "talking in the paddock", "told reporters in Dubai", "said at the team's launch".
SPOKE_AT_TEXT = re.compile(
    r"\b(?:speaking|talking|interviewed|appearing|addressing\s+\w+)\s+"
    r"(?:at|in|from|on|during|before|after|outside|inside)\b|"
    r"\b(?:said|says|told|tells|added)\s+(?:\w+\s+){0,3}?(?:at|in|from|during)\s+(?:a|an|the|his|"
    r"her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:event|conference|launch|briefing|gathering|dinner|"
    r"ceremony|show|meeting|appearance|paddock|podcast|interview)\b"
)


def spoke_at_asked(low: str, kinds: set[str]) -> bool:
    """Whether a "where" question asks where someone was when they spoke."""
    return "where" in kinds and _ASKED.search(low) is not None


def spoke_at(query: Query) -> Query:
    """The query for where its subject spoke: a sentence telling the place of a remark, of
    whom it asks; the topic's words (the groups) only help, as hints do."""
    speech = re.compile(rf"^(?:{_SPOKE})$")
    topic = [w for g in query.groups for w in g if not speech.match(w)]
    return dataclasses.replace(
        query,
        need=SPOKE_AT_TEXT,
        groups=[],
        hints=(*query.hints, *topic),
        asked=tuple(a for a in query.asked if not speech.match(a) and a != stem("talk")),
        cues=(),
        prefer=(),
        place_asked=False,
        min_cover=0.0,
        # (the pattern is no search word: its verbs find the few sentences telling it)
        search_more=(*query.search_more, "speaking", "talking", "interviewed"),
    )
