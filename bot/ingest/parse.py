"""Article files to text: the header line, the headline and the paragraphs, strictly checked."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.errors import IngestError

__all__ = ["HEADER_FORMAT", "MAX_ARTICLE_BYTES", "ParsedText", "parse_article"]

log = logging.getLogger(__name__)

# News articles are a few kilobytes; anything near this is the wrong file, not a long read.
MAX_ARTICLE_BYTES = 1_000_000
HEADER_FORMAT = "date YYYY-MM-DD headline"

_HEADER = re.compile(r"^date(?:\s+(?P<date>\S+))?(?:\s+(?P<headline>.*))?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Lines right after the header that record where an article came from (bot/intake writes
#: them): ``url https://...`` and ``author Name``. Only lowercase, and only before the first
#: blank line, so no paragraph of a typed-in article is ever mistaken for one.
_META = re.compile(r"^(?P<key>url|author) (?P<value>\S.*)$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True, slots=True)
class ParsedText:
    """An article file split into its parts; ``raw`` is hashed so any byte change re-ingests."""

    slug: str
    published: date
    headline: str
    paragraphs: tuple[str, ...]
    paragraph_lines: tuple[int, ...]
    raw: bytes
    url: str | None = None
    author: str | None = None


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise IngestError(
                path, None, f"file too large ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})"
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat(). Asked for
            # what stat() gave first: a read of the limit allocates the whole limit for a
            # few kilobytes (that was a tenth of parsing).
            raw = handle.read(size + 1)
            if len(raw) > size:  # it grew: the rest, up to one byte past the limit
                raw += handle.read(MAX_ARTICLE_BYTES + 1 - len(raw))
    except FileNotFoundError:
        raise IngestError(path, None, "no such file") from None
    except IsADirectoryError:
        raise IngestError(path, None, "is a directory, not an article file") from None
    except OSError as exc:
        raise IngestError(path, None, f"cannot read the file: {exc.strerror}") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise IngestError(path, None, f"file too large (over {MAX_ARTICLE_BYTES:,} bytes)")
    return raw


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _decode(path: Path, raw: bytes) -> str:
    nul = raw.find(b"\x00")
    if nul != -1:
        raise IngestError(path, _line_at(raw, nul), "binary file (NUL byte): expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            path, _line_at(raw, exc.start), f"not UTF-8 text (bad byte at offset {exc.start})"
        ) from None


def _header(path: Path, line_no: int, line: str) -> tuple[date, str]:
    text = line.strip().lstrip("\ufeff").strip()
    expected = f"expected the header `{HEADER_FORMAT}`"
    m = _HEADER.match(text)
    if m is None:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise IngestError(path, line_no, f"{expected}, got {shown!r}")
    raw_date, headline = m.group("date"), (m.group("headline") or "").strip()
    if raw_date is None:
        raise IngestError(path, line_no, f"{expected}: the date is missing")
    if not _ISO_DATE.match(raw_date):
        raise IngestError(path, line_no, f"{expected}: {raw_date!r} is not a YYYY-MM-DD date")
    try:
        published = date.fromisoformat(raw_date)
    except ValueError as exc:
        raise IngestError(path, line_no, f"invalid date {raw_date!r}: {exc}") from None
    if not headline:
        raise IngestError(path, line_no, f"{expected}: the headline after the date is missing")
    return published, headline


#: A line opening a list's item: "1. Australian Grand Prix, Melbourne, March 14", "2) ...",
#: "- Monza", "• Baku".
_ITEM = re.compile(r"^(?:\d{1,3}[.)]|[-*•–])\s+\S")


def _block_paragraphs(block: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs of one block of lines between blank ones: (first line, text).

    A block is one paragraph, its lines joined, unless two or more of its lines open a list's
    items (a calendar, a results table typed as a list): then each item is a paragraph of its
    own, as are the lines before the first item, so no item is read as a run-on sentence
    with the next item's number glued to its end.
    """
    items = [i for i, (_, line) in enumerate(block) if _ITEM.match(line)]
    if len(items) < 2:
        return [(block[0][0], " ".join(line for _, line in block))]
    cuts = [0, *items] if items[0] else items
    ends = [*cuts[1:], len(block)]
    return [
        (block[a][0], " ".join(line for _, line in block[a:b]))
        for a, b in zip(cuts, ends, strict=True)
    ]


def parse_article(path: Path) -> ParsedText:
    """Read and check one article file; every problem is an ``IngestError`` with its line."""
    raw = _read(path)
    text = _decode(path, raw)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise IngestError(path, 1, f"file is empty: expected the header `{HEADER_FORMAT}`")
    published, headline = _header(path, first + 1, lines[first])
    meta: dict[str, str] = {}
    end = first + 1
    while end < len(lines) and (m := _META.match(lines[end].strip())):
        meta.setdefault(m["key"], m["value"].strip())
        end += 1
    if meta and (end == len(lines) or not lines[end].strip()):
        if "url" in meta and not _URL.match(meta["url"]):
            raise IngestError(path, first + 2, "the url line needs an http:// or https:// URL")
        first = end - 1
    else:
        meta = {}  # no blank line after them: the first paragraph, not source lines

    paragraphs: list[str] = []
    starts: list[int] = []
    block: list[tuple[int, str]] = []  # (line number, text) of the lines since a blank one
    for i in range(first + 1, len(lines) + 1):
        line = lines[i].strip() if i < len(lines) else ""
        if line:
            block.append((i + 1, line))
        elif block:
            for start, joined in _block_paragraphs(block):
                starts.append(start)
                paragraphs.append(joined)
            block = []
    if not paragraphs:
        raise IngestError(path, first + 1, "no paragraphs after the header line")
    log.debug("parsed %s: %d paragraphs", path.name, len(paragraphs))
    return ParsedText(
        slug=path.stem,
        published=published,
        headline=headline,
        paragraphs=tuple(paragraphs),
        paragraph_lines=tuple(starts),
        raw=raw,
        url=meta.get("url"),
        author=meta.get("author"),
    )
