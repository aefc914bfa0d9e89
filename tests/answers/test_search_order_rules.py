"""The passage search's words come in an order that never depends on string hashing.

A person's forms are a set; when the search is capped, equally common words are kept in the
order they come, so reading the set as it iterates gave one question two answers in two
processes (PYTHONHASHSEED). The forms are read sorted.
"""

from __future__ import annotations

from bot.answers.passages import Query
from bot.answers.passages._candidates import search_terms


def test_a_persons_forms_give_the_same_search_whatever_order_they_come_in() -> None:
    query = Query(groups=[("review",)], cues=("because",))
    forms = ["toto wolff", "wolff", "toto", "the austrian"]
    team = ["lewis hamilton", "hamilton", "lewis", "seven-time world champion"]
    first = search_terms(query, [forms], [team])
    again = search_terms(query, [forms[::-1]], [team[::-1]])
    assert first == again
    own, more = first
    assert own[0] == "review"  # the question's own words still come first
    assert {"toto", "wolff", "austrian"} <= set(own)
    assert more[0] == "because" and "hamilton" in more
