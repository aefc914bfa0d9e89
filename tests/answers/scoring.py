"""Scoring fans' questions: the question file, what a right answer shows, and asking them all.

Shared by the question set and the unseen set, so both are judged by the same rules.
"""

from __future__ import annotations

import asyncio
import os
import re
import tomllib
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.answers import AnswerEngine
from bot.ingest import ingest
from bot.ingest.pool import map_in_processes
from bot.render import render_text
from bot.store import Store

__all__ = [
    "ARTICLES",
    "DENIAL",
    "HELP",
    "KINDS",
    "SEED",
    "Question",
    "answer_all",
    "article_text",
    "articles",
    "build",
    "comparable",
    "headlines",
    "invented",
    "load_questions",
    "misses",
    "score",
]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = ROOT / "data" / "articles" / "2021-04-20-russell-bottas.txt"
ARTICLES = HERE / "articles"
QUESTIONS = HERE / "questions.toml"

#: From how many questions ``answer_all`` spreads them over worker processes: below it, a
#: worker's start (imports, the engine's indexes, about 1.5 s) costs more than it saves.
PARALLEL_FROM = 300
#: At most this many workers: each holds its own engine, and the test machines have two cores.
MAX_WORKERS = 2

#: The opening of the help text: right for empty or meaningless input, never for a question.
HELP = "I answer from the stored articles"
#: An answer opening with this says the articles cannot answer: wrong for a question they
#: do answer, even when the passages offered after it happen to hold the answer.
DENIAL = "The articles don't say"
KINDS = frozenset(
    {
        "who_said",
        "what_said",
        "reaction",
        "did_x_y",
        "blame",
        "who_is",
        "team_role",
        "why",
        "what_happened",
        "when",
        "where",
        "outcome",
        "negative",
        "other",
    }
)


@dataclass(frozen=True)
class Question:
    """One fan question and what its answer must, and must not, show."""

    ask: str
    kind: str
    #: Each item must show; an item of several strings is met by any one of them.
    expect: tuple[tuple[str, ...], ...]
    reject: tuple[str, ...] = ()
    #: May show, but only after the expected content: what a relevance ranking puts lower.
    after: tuple[str, ...] = ()


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """Read the question file; a malformed entry fails loudly rather than being skipped."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    questions = []
    for entry in raw["question"]:
        unknown = set(entry) - {"ask", "kind", "expect", "reject", "after"}
        assert not unknown, f"unknown keys {unknown} in {entry}"
        questions.append(
            Question(
                entry["ask"],
                entry["kind"],
                tuple((e,) if isinstance(e, str) else tuple(e) for e in entry["expect"]),
                tuple(entry.get("reject", ())),
                tuple(entry.get("after", ())),
            )
        )
    return questions


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u200b": " "})
_SPACE = re.compile(r"\s+")
_NOT = re.compile(r"n't\b")


def comparable(text: str) -> str:
    """Case, typographic quotes, spacing and contractions set aside ("don't" = "do not"),
    so an expectation checks content, not one wording or typography."""
    text = text.translate(_QUOTES).casefold()
    text = _NOT.sub(" not", text).replace("cannot", "can not")
    return _SPACE.sub(" ", text).strip()


def articles(*folders: Path) -> list[Path]:
    """The seed and every article in ``folders`` (the question set's own by default)."""
    return [SEED, *(p for folder in folders or (ARTICLES,) for p in sorted(folder.glob("*.txt")))]


def headlines(paths: Sequence[Path] = ()) -> list[str]:
    """Every loaded article's headline (the rest of its ``date YYYY-MM-DD`` first line)."""
    found = []
    for path in paths or articles():
        first = path.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0]
        found.append(first.split(maxsplit=2)[2])
    return found


def misses(question: Question, shown: str, cited: Sequence[str] = ()) -> list[str]:
    """What is wrong with an answer: each expected item missing, each rejected string shown,
    each ``after`` string shown ahead of the expected content.

    The headlines in ``cited`` are set aside first: an answer citing the right article would
    otherwise "contain" every name in its headline, right or wrong.
    """
    seen = comparable(shown)
    for headline in cited:
        seen = seen.replace(comparable(headline), " ")
    wrong: list[str] = []
    last = -1  # where the last expected item is first shown
    for item in question.expect:
        found = [i for i in (seen.find(comparable(one)) for one in item) if i >= 0]
        if found:
            last = max(last, min(found))
        else:
            wrong.append(f"missing {' or '.join(map(repr, item))}")
    rejected = [*question.reject, HELP]
    if question.kind != "negative" and not any(
        comparable(one) in comparable(DENIAL) for item in question.expect for one in item
    ):
        rejected.append(DENIAL)
    wrong += [f"shows {r!r}" for r in rejected if comparable(r) in seen]
    for later in question.after:
        at = seen.find(comparable(later))
        if 0 <= at < last:
            wrong.append(f"shows {later!r} before the expected content")
    return wrong


_CURLY = re.compile(r"“([^”]*)”")


def invented(question: str, shown: str, corpus: str) -> list[str]:
    """Every piece of text the answer shows in quotation marks that no article contains.

    The question's own words may be echoed in quotation marks ("Who said “kill us both”?");
    an ellipsis marks a cut, so the pieces either side are checked on their own.
    """
    asked = comparable(question)
    found = []
    for quoted in _CURLY.findall(shown):
        for piece in quoted.split("…"):
            piece = comparable(piece).strip(" ,.")
            if piece and piece not in asked and piece not in corpus:
                found.append(piece)
    return found


def article_text(paths: Sequence[Path] = ()) -> str:
    """The text of every loaded article, comparable, for checking that quotes are verbatim."""
    return comparable("\n".join(p.read_text(encoding="utf-8") for p in paths or articles()))


async def build(path: Path, paths: Sequence[Path]) -> None:
    """Ingest the articles into a fresh store at ``path`` through the real ingester."""
    async with await Store.open(path) as store:
        report = await ingest(store, list(paths))
        assert report.ok, report.failed


def stories_store(folder: Path, stories: Sequence[tuple[str, str]]) -> Path:
    """A store at ``folder`` holding the invented stories (slug, text), ingested for real:
    the rule tests' stories, each written where the ingester reads articles from."""
    paths = []
    for slug, text in stories:
        path = folder / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    db = folder / "pitwall.db"
    asyncio.run(build(db, paths))
    return db


@asynccontextmanager
async def engine_over(path: Path | str) -> AsyncIterator[AnswerEngine]:
    """An answer engine over the store at ``path``, its indexes built, as the bot starts one:
    what every rule test asks its questions of."""
    async with await Store.open(path) as store:
        engine = AnswerEngine(store)
        await engine.refresh()
        yield engine


async def answer_all(path: Path | str, questions: Sequence[Question]) -> dict[str, str]:
    """Ask every question once through ``AnswerEngine.ask``; the answers rendered as text.

    Answering is pure Python, one core's work (about 25 ms a question): a long list (the
    unseen rounds' 1,950 questions, 45 s) is shared out over worker processes, one per core,
    each with its own engine over the same store. An answer depends on its question and the
    store alone, so the answers are the ones one engine gives, in the questions' order.
    """
    asks = list(dict.fromkeys(q.ask for q in questions))
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(asks) < PARALLEL_FROM or workers < 2:
        return await _answer_asks(path, asks)
    parts = [(path, asks[i::workers]) for i in range(workers)]  # dealt out: even loads
    found: dict[str, str] = {}
    for part in await asyncio.to_thread(map_in_processes, _answer_part, parts, workers):
        found.update(part)
    return {ask: found[ask] for ask in asks}


async def _answer_asks(path: Path | str, asks: Sequence[str]) -> dict[str, str]:
    """The questions asked one after another of one engine over the store at ``path``."""
    async with engine_over(path) as engine:
        return {ask: render_text(await engine.ask(ask)) for ask in asks}


def _answer_part(part: tuple[Path | str, Sequence[str]]) -> dict[str, str]:
    """One worker's share of :func:`answer_all` (module-level: a spawned process runs it)."""
    path, asks = part
    return asyncio.run(_answer_asks(path, asks))


def score(
    questions: Sequence[Question], answers: dict[str, str], cited: Sequence[str]
) -> tuple[float, str]:
    """The share of questions answered right, and a report: every miss, then a table by kind."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: list[str] = []
    for q in questions:
        shown = answers[q.ask]
        wrong = misses(q, shown, cited)
        total[q.kind] += 1
        if wrong:
            got = shown.strip().replace("\n", "\n      ")
            failures.append(f"[{q.kind}] {q.ask!r}: {'; '.join(wrong)}\n  got: {got}")
        else:
            passed[q.kind] += 1
    share = sum(passed.values()) / len(questions)
    table = [f"{'kind':<14}{'passed':>8}{'asked':>7}{'score':>8}"]
    for kind in sorted(total):
        table.append(
            f"{kind:<14}{passed[kind]:>8}{total[kind]:>7}{passed[kind] / total[kind]:>8.0%}"
        )
    table.append(f"{'overall':<14}{sum(passed.values()):>8}{len(questions):>7}{share:>8.1%}")
    report = f"\n{len(failures)} of {len(questions)} questions failed:\n\n"
    report += "\n\n".join(failures) + "\n\n" + "\n".join(table)
    return share, report


async def ask(engine: AnswerEngine, question: str) -> str:
    """One question through ``AnswerEngine.ask``, rendered as the fan reads it."""
    return render_text(await engine.ask(question))
