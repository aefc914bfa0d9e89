"""Score quote attribution against the hand-read corpus: ``python -m bench.truth [--verbose]``.

Every invented article in ``tests/ingest/articles/`` has a gold file beside it
(``<slug>.gold``, format below) naming the speaker a careful reader gives each quotation, or
``-`` where no careful reader could tell. The article is built exactly as ``pitwall ingest``
builds it, each gold line is matched to the extracted quote it names, and the scores are:

- precision: of the quotes Pitwall gives a speaker, the share given the right one (a name on
  a quote the gold leaves unattributed is wrong);
- recall: of the quotes the gold gives a speaker, the share Pitwall gives that speaker.

Both are printed overall and by *form* (the way the article attributes the quote: a plain
tag, a follow-on paragraph, a transcript label, an epithet, a pronoun, a quotation style, a
partial quote in reported speech, a speaker change inside a paragraph, a dash credit, a
nickname, an interview's answer under a question with no name on it, a press release's
block under a heading naming its speaker, a wire tag (``said X, who ...``, ``X, 31,
said``, ``X told NBC:``), or none at all).

Gold format, one line per quotation (each quoted span), ``#`` starts a comment::

    # paragraph | speaker (full name as the article writes it, or -) | form | first words
    3 | Fernando Alonso | tag | We were just missing
    7 | - | none | Fernando! Fernando!
    9 | @the Ducati Lenovo Team | statement | There was no technical failure

``@`` marks an organisation's words (a team's or body's statement): no person spoke them,
and the quote's label must name the organisation as written. Labels are scored apart
(``labels`` row): a label is never a speaker, so precision and recall stay the people's.

The paragraph counts from 1, the first paragraph after the header line. The first words are
matched to the start of an extracted quote in that paragraph, forgiving quote marks, spacing
and case. Every quote Pitwall extracts must have a gold line, so a gold file cannot silently
leave quotes out.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/truth.py`: import bench from the repo
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench._common import REPO_ROOT

__all__ = [
    "CORPUS",
    "FORMS",
    "GoldLine",
    "Score",
    "Tally",
    "main",
    "read_gold",
    "score_corpus",
]

CORPUS = REPO_ROOT / "tests" / "ingest" / "articles"
FORMS = (
    "tag",
    "follow-on",
    "transcript",
    "epithet",
    "pronoun",
    "style",
    "partial",
    "change",
    "dash",
    "nickname",
    "statement",
    "interview",
    "block",
    "wire",
    "none",
)


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One quotation as a careful reader attributes it."""

    paragraph: int
    speaker: str | None
    form: str
    starts: str
    line: int
    #: The organisation whose statement this is (``@`` in the speaker column), or None.
    label: str | None = None


class GoldError(ValueError):
    """A gold file that cannot be read: names the file and line."""


def read_gold(path: Path) -> list[GoldLine]:
    """Read a gold file; a malformed line raises ``GoldError`` naming the file and line."""
    lines: list[GoldLine] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        parts = [p.strip() for p in text.split("|", 3)]
        if len(parts) != 4 or not parts[0].isdigit() or not parts[3]:
            raise GoldError(f"{path}:{number}: expected `paragraph | speaker | form | words`")
        if parts[2] not in FORMS:
            raise GoldError(f"{path}:{number}: unknown form {parts[2]!r} (one of {FORMS})")
        speaker = None if parts[1] == "-" or parts[1].startswith("@") else parts[1]
        label = parts[1][1:].strip() or None if parts[1].startswith("@") else None
        lines.append(GoldLine(int(parts[0]), speaker, parts[2], parts[3], number, label))
    return lines


def fold(text: str) -> str:
    """Fold case, accents, quote marks and spacing, so names and words compare as read."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in "\"'“”‘’`„«»":
        bare = bare.replace(mark, "")
    return " ".join(bare.split())


@dataclass
class Tally:
    """Counts behind precision and recall, for the corpus or one form."""

    gold_named: int = 0  # quotes the gold gives a speaker
    named: int = 0  # quotes Pitwall gives a speaker
    correct: int = 0  # quotes Pitwall gives the gold's speaker
    quotes: int = 0  # gold lines in all
    articles: set[str] = field(default_factory=set)

    @property
    def precision(self) -> float:
        return self.correct / self.named if self.named else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_named if self.gold_named else 1.0


@dataclass
class Score:
    """The corpus score, and every disagreement with the gold for a reader to look at."""

    overall: Tally = field(default_factory=Tally)
    by_form: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    articles: int = 0
    wrong: list[str] = field(default_factory=list)  # a name the gold does not give
    missed: list[str] = field(default_factory=list)  # no name where the gold gives one
    unmatched: list[str] = field(default_factory=list)  # gold line with no such quote
    ungolded: list[str] = field(default_factory=list)  # extracted quote with no gold line
    #: Organisations' statements: gold_named = gold labels, named = labels given on those
    #: lines, correct = the gold's label.
    labels: Tally = field(default_factory=Tally)
    wrong_labels: list[str] = field(default_factory=list)


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".gold").exists())


def score_corpus(folder: Path = CORPUS, only: Iterable[str] = ()) -> Score:
    """Build every article that has a gold file and score its quotes against the gold."""
    from bot.ingest.load import build_article

    wanted = set(only)
    score = Score()
    for path in _articles(folder):
        if wanted and path.stem not in wanted:
            continue
        score.articles += 1
        article = build_article(path)
        gold = read_gold(path.with_suffix(".gold"))
        used: set[int] = set()
        for g in gold:
            where = f"{path.stem}:{g.line} (paragraph {g.paragraph}, {g.form}) {g.starts!r}"
            hit = next(
                (
                    i
                    for i, q in enumerate(article.quotes)
                    if i not in used
                    and q.paragraph == g.paragraph
                    and fold(q.text).startswith(fold(g.starts))
                ),
                None,
            )
            tallies = (score.overall, score.by_form[g.form])
            for tally in tallies:
                tally.quotes += 1
                tally.articles.add(path.stem)
                tally.gold_named += g.speaker is not None
            if hit is None:
                score.unmatched.append(where)
                continue
            used.add(hit)
            if g.label is not None:
                _score_label(score, g, article.quotes[hit].label, where)
            got = article.quotes[hit].speaker
            if got is None:
                if g.speaker is not None:
                    score.missed.append(f"{where}: unattributed, gold {g.speaker}")
                continue
            right = g.speaker is not None and fold(got) == fold(g.speaker)
            for tally in tallies:
                tally.named += 1
                tally.correct += right
            if not right:
                score.wrong.append(f"{where}: {got}, gold {g.speaker or 'unattributed'}")
        for i, q in enumerate(article.quotes):
            if i not in used:
                score.ungolded.append(f"{path.stem}: paragraph {q.paragraph} {q.text[:40]!r}")
    return score


def _score_label(score: Score, g: GoldLine, got: str | None, where: str) -> None:
    """Tally one organisation's statement: the label given against the gold's."""
    tally = score.labels
    tally.quotes += 1
    tally.articles.add(where.split(":", 1)[0])
    tally.gold_named += 1
    if got is None:
        score.wrong_labels.append(f"{where}: no label, gold {g.label}")
        return
    tally.named += 1
    if fold(got) == fold(g.label or ""):
        tally.correct += 1
    else:
        score.wrong_labels.append(f"{where}: label {got}, gold {g.label}")


def _row(name: str, tally: Tally) -> str:
    return (
        f"{name:<11} {len(tally.articles):>8} {tally.quotes:>6} {tally.gold_named:>6} "
        f"{tally.named:>6} {tally.correct:>7} {tally.precision:>9.3f} {tally.recall:>6.3f}"
    )


def report(score: Score, *, verbose: bool) -> str:
    """The score as a table by form, then (with ``verbose``) every disagreement."""
    lines = [
        f"{score.articles} articles in {CORPUS.relative_to(REPO_ROOT)}",
        f"{'form':<11} {'articles':>8} {'quotes':>6} {'gold':>6} {'named':>6} "
        f"{'correct':>7} {'precision':>9} {'recall':>6}",
    ]
    lines += [_row(form, score.by_form[form]) for form in FORMS if form in score.by_form]
    lines.append(_row("overall", score.overall))
    if score.labels.quotes:
        lines.append(_row("labels", score.labels) + "  (organisations' statements)")
    problems: Sequence[tuple[str, list[str]]] = (
        ("WRONG", score.wrong),
        ("missed", score.missed),
        ("gold line without a quote", score.unmatched),
        ("quote without a gold line", score.ungolded),
        ("label", score.wrong_labels),
    )
    for title, items in problems:
        if items:
            lines.append(f"{title}: {len(items)}")
            if verbose:
                lines += [f"  {item}" for item in items]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Print precision and recall overall and by form; exit 1 if a gold file is malformed."""
    parser = argparse.ArgumentParser(prog="python -m bench.truth", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("slugs", nargs="*", help="score only these articles")
    args = parser.parse_args(argv)
    try:
        score = score_corpus(CORPUS, args.slugs)
    except GoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(report(score, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
