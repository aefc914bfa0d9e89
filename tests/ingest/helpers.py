"""Small builders the ingest tests share: article files in a temp folder."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ARTICLES", "FICTION", "SEED", "write_article"]

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "2021-04-20-russell-bottas.txt"
#: Invented articles exercising other attribution forms. They live with the tests, never in
#: data/: Pitwall answers from real reporting, and these quotes were never said.
FICTION = Path(__file__).resolve().parent / "articles"


def write_article(
    folder: Path, body: str, *, slug: str = "2024-01-01-test", toml: str | None = None
) -> Path:
    """Write an article (and optionally its annotation) and return the article's path."""
    path = folder / f"{slug}.txt"
    path.write_text(body, encoding="utf-8")
    if toml is not None:
        (folder / f"{slug}.toml").write_text(toml, encoding="utf-8")
    return path
