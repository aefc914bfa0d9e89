"""The passage search's words come in an order that never depends on string hashing.

A person's forms are a set; when the search is capped, equally common words are kept in the
order they come, so reading the set as it iterates gave one question two answers in two
processes (PYTHONHASHSEED). The forms are read sorted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.answers.passages import Query
from bot.answers.passages._candidates import search_terms
from tests.answers.scoring import stories_store

ROOT = Path(__file__).resolve().parents[2]


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


#: Asks one question over the store given and prints the cue words of every passage query
#: it makes, in order: run in processes hashing strings differently.
_CUES_OF = """
import asyncio, json, sys
from pathlib import Path
from bot.answers.passages import _finding
from tests.answers.scoring import ask, engine_over

seen = []
find = _finding.Finding.find

async def recording(self, query):
    seen.append(list(query.cues))
    return await find(self, query)

_finding.Finding.find = recording

async def main():
    async with engine_over(Path(sys.argv[1])) as engine:
        await ask(engine, sys.argv[2])

asyncio.run(main())
print(json.dumps(seen))
"""


def test_a_question_of_two_kinds_searches_its_cues_in_one_order_in_every_process(
    tmp_path: Path,
) -> None:
    """A question of two kinds ("why" and a grid "start") gathered its cue words kind by kind
    in the order a set of kinds iterated, which follows string hashing: the capped search
    then kept different words, and one question got two answers in two processes."""
    db = stories_store(tmp_path, [("2026-03-01-larsen-grid", _GRID_STORY)])
    runs: set[str] = set()
    for seed in ("0", "6"):
        done = subprocess.run(
            [sys.executable, "-c", _CUES_OF, str(db), "why did larsen get a grid drop"],
            capture_output=True, text=True, check=True, cwd=ROOT, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        runs.add(done.stdout.strip().splitlines()[-1])
    assert len(runs) == 1
    assert json.loads(runs.pop())  # the question did reach the passage search


_GRID_STORY = """date 2026-03-01 Larsen drops five places on the Dunmere grid

Jon Larsen will start Sunday's race five places lower than he qualified after the stewards
found he had impeded Kai Moreau in the second session.

The usual penalty is a fine, but the stewards said a grid drop was needed because the
impeding was repeated at Turn 4.
"""
