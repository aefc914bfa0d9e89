"""Each unseen round scored over its own articles alone: ``python -m tests.answers.per_round``.

``test_unseen.py`` asks every round's questions over ONE store holding every round's articles,
so a question about one Qatar weekend meets five other rounds' stories of the same weekend.
A fan's store, and the judge's ("over the seed and unseen articles"), holds a handful of
stories; this script measures that setting too: each round over the seed (data/articles) and
that round's own articles only, through the same ``build`` and ``score``.

It prints what ``test_unseen.py -s`` prints per question file (so the same tally reads both),
then the totals. Held-out rounds are measured, never shown: only their counts are printed.
Not a test (pytest collects ``test_*.py`` only): it is run by hand, under the tests' lock.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from tests.answers.scoring import (
    Question,
    answer_all,
    articles,
    build,
    headlines,
    load_questions,
    score,
)
from tests.answers.test_unseen import ROUNDS

#: Rounds kept for measuring only: their questions and failures are never printed. The
#: newest round stays here, sealed, until a lead measures it again and opens it.
HELD_OUT = frozenset(
    {"unseen2", "unseen4", "unseen6", "unseen8", "unseen10", "unseen12", "unseen14", "unseen27"}
)


async def answer_round(folder: Path, questions: list[Question], work: Path) -> dict[str, str]:
    """One round's questions, asked over a store of the seed and the round's own articles."""
    db = work / f"{folder.name}.db"
    await build(db, articles(folder / "articles"))
    return await answer_all(db, questions)


def score_round(folder: Path, work: Path) -> list[tuple[str, int, int]]:
    """Every question file of one round scored alone: (file, passed, asked) each, its
    report printed unless the round is held out (then only its counts)."""
    sets = {f: load_questions(f) for f in sorted(folder.glob("*.toml"))}
    asked = [q for questions in sets.values() for q in questions]
    answers = asyncio.run(answer_round(folder, asked, work))
    cited = headlines(articles(folder / "articles"))
    counts = []
    for file, questions in sets.items():
        share, report = score(questions, {q.ask: answers[q.ask] for q in questions}, cited)
        name = f"{folder.name}/{file.name}"
        shown = report.rsplit("\n", 1)[-1] if folder.name in HELD_OUT else report
        print(f"\n== {name}: {share:.1%}\n{shown}")
        counts.append((name, round(share * len(questions)), len(questions)))
    return counts


def main() -> None:
    """Score every round alone; print each file, then all / dev / held-out totals."""
    totals = {"all": [0, 0], "dev": [0, 0], "held out": [0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ROUNDS:
            for _, passed, asked in score_round(folder, Path(tmp)):
                part = "held out" if folder.name in HELD_OUT else "dev"
                for key in ("all", part):
                    totals[key][0] += passed
                    totals[key][1] += asked
    print("\neach round alone: " + ", ".join(f"{k} {p}/{a}" for k, (p, a) in totals.items()))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
