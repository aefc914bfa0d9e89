"""Extracted articles to source files under data/articles/, then into the store.

data/ stays the source of truth: an article from a link is written as an ordinary article file
(``date YYYY-MM-DD headline``, then ``url`` and ``author`` lines, a blank line, paragraphs),
so ``pitwall ingest`` rebuilds the store from data/ alone. The file is built and checked in a
scratch folder first with the same loader ``ingest`` uses; only a good article is moved into
place and stored, and if storing fails the file is put back as it was: nothing partial.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bot.errors import IngestError, UserError
from bot.ingest.annotations import annotation_path
from bot.ingest.load import build_article
from bot.intake.extract import Extracted
from bot.models import Article, ArticleSummary
from bot.store import Store, StoredArticle, text_hash

__all__ = ["Taken", "move_out", "render_source", "slugify", "take"]

log = logging.getLogger(__name__)

_SLUG_WORDS = 8
_SLUG_CHARS = 60
#: Scratch folder inside articles/ (same file system, so the final move is atomic; ingest
#: reads only ``articles/*.txt``, never inside it).
SCRATCH = ".intake"
REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class Taken:
    """What taking one extracted article did."""

    article: ArticleSummary
    quotes: int
    replaced: bool
    unchanged: bool
    path: Path


def slugify(text: str) -> str:
    """A file-name slug from a headline: ASCII words joined by hyphens, short."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded)[:_SLUG_WORDS]
    slug = "-".join(words)[:_SLUG_CHARS].strip("-")
    return slug or "article"


def render_source(found: Extracted, published: date) -> str:
    """The article file's text, in the format ``bot/ingest/parse.py`` reads."""
    lines = [f"date {published.isoformat()} {_one_line(found.headline)}"]
    if found.url:
        lines.append(f"url {found.url}")
    if found.author:
        lines.append(f"author {_one_line(found.author)}")
    lines.append("")
    for paragraph in found.paragraphs:
        lines.append(_one_line(paragraph))
        lines.append("")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _paragraph_hash(found: Extracted) -> str:
    return text_hash(_one_line(p) for p in found.paragraphs)


async def _unique_slug(store: Store, folder: Path, base: str) -> str:
    slug, n = base, 1
    while (folder / f"{slug}.txt").exists() or await store.article(slug) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _source_file(articles_dir: Path, known: StoredArticle) -> Path:
    """Where a stored article's file is: its recorded path when that is in the folder."""
    slug = known.summary.slug
    recorded = Path(known.source_path) if known.source_path else None
    if recorded and recorded.stem == slug and recorded.parent.resolve() == articles_dir.resolve():
        return recorded
    return articles_dir / f"{slug}.txt"


def _build(text: str, slug: str, folder: Path, annotation: Path | None) -> Article:
    """Write the file in a scratch folder and build it exactly as ``ingest`` would."""
    scratch = folder / SCRATCH
    scratch.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=scratch))
    try:
        path = work / f"{slug}.txt"
        path.write_text(text, encoding="utf-8")
        if annotation is not None and annotation.exists():
            shutil.copyfile(annotation, annotation_path(path))
        return build_article(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _install(final: Path, text: str) -> bytes | None:
    """Put ``text`` at ``final`` atomically; return what was there before (None: nothing)."""
    old = final.read_bytes() if final.exists() else None
    scratch = final.parent / SCRATCH
    scratch.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=scratch, suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return old


def _restore(final: Path, old: bytes | None) -> None:
    if old is None:
        final.unlink(missing_ok=True)
    else:
        final.write_bytes(old)


async def _existing(store: Store, found: Extracted) -> tuple[StoredArticle | None, bool]:
    """The stored article this one is a version of, and whether it is the very same text.

    Same canonical URL: the same story (maybe edited). Otherwise the same text under another
    URL (an AMP copy, a syndicated copy, a typed-in file): the same story, unchanged.
    """
    digest = _paragraph_hash(found)
    if found.url:
        for known in await store.articles_with_url(found.url):
            return known, known.text_hash == digest
    for known in await store.articles_with_text(digest):
        return known, True
    return None, False


async def take(store: Store, articles_dir: Path, found: Extracted, published: date) -> Taken:
    """Store one extracted article: unchanged, a new version of a known one, or new.

    ``published`` is the date to record when the page gave none.
    """
    published = found.published or published
    found = replace(found, published=published)
    known, same = await _existing(store, found)
    if known is not None and same:
        # The story is already here (by URL with this text, or by text). A stored copy
        # without a URL learns it the next time it is written; nothing is written now.
        stored = await store.article(known.summary.slug)
        summary = stored or known.summary
        return Taken(summary, len(await store.quotes(article=summary.slug, limit=10_000)),
                     replaced=False, unchanged=True, path=Path(known.source_path))  # fmt: skip
    await asyncio.to_thread(articles_dir.mkdir, parents=True, exist_ok=True)
    if known is not None:
        slug = known.summary.slug
        final = await asyncio.to_thread(_source_file, articles_dir, known)
    else:
        slug = await _unique_slug(store, articles_dir, f"{published.isoformat()}-"
                                  f"{slugify(found.headline)}")  # fmt: skip
        final = articles_dir / f"{slug}.txt"
    text = render_source(found, published)
    try:
        article = await asyncio.to_thread(_build, text, slug, articles_dir, annotation_path(final))
    except IngestError as exc:
        raise UserError(f"the article could not be read: {exc.message}") from None
    article = replace(article, source_path=str(final))
    old = await asyncio.to_thread(_install, final, text)
    try:
        await store.replace_articles([article])
    except BaseException:
        await asyncio.to_thread(_restore, final, old)
        raise
    log.info("%s article %s from %s", "replaced" if known else "added", slug, found.url or "file")
    stored = await store.article(slug)
    assert stored is not None
    return Taken(stored, len(article.quotes), replaced=known is not None, unchanged=False,
                 path=final)  # fmt: skip


def move_out(articles_dir: Path, source_path: str, slug: str) -> Path | None:
    """Move an article's file (and annotation) to data/removed/, so ingest no longer sees it."""
    path = Path(source_path) if source_path else articles_dir / f"{slug}.txt"
    if not path.exists():
        path = articles_dir / f"{slug}.txt"
        if not path.exists():
            return None
    target_dir = articles_dir.parent / REMOVED
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / path.name
    os.replace(path, target)
    note = annotation_path(path)
    if note.exists():
        os.replace(note, target_dir / note.name)
    return target
