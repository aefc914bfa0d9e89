"""Pages and files to article text: headline, date, author, canonical URL and paragraphs.

Web pages go through trafilatura, a maintained extractor built for exactly this (boilerplate
removal tested on thousands of news sites, JSON-LD and OpenGraph metadata, dates through
htmldate including a date that is only in the byline): no hand-written scraping here. Markdown
and plain-text files are simple enough to read directly. A page with no article text
(a paywall, a consent wall, a video page) is refused with one line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bot.errors import FetchError, UserError

__all__ = [
    "MIN_ARTICLE_CHARS",
    "Extracted",
    "canonical_url",
    "extract_html",
    "extract_text",
    "looks_like_html",
]

log = logging.getLogger(__name__)

#: Less text than this (in paragraphs of real sentences) is not an article: a teaser, a
#: paywall or consent notice, a video page's caption.
MIN_ARTICLE_CHARS = 280
#: A line shorter than this, without sentence punctuation, is a heading or a caption.
_MIN_PARAGRAPH = 25
_MAX_HEADLINE = 300

_WS = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


@dataclass(frozen=True, slots=True)
class Extracted:
    """One article as extracted: what the source file will record."""

    headline: str
    published: date | None  # None: the page does not say; the caller supplies a date
    author: str | None
    url: str | None  # canonical URL, when known
    paragraphs: tuple[str, ...]
    site: str | None = None

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def clean(text: str) -> str:
    """One line: whitespace folded, ends trimmed."""
    return _WS.sub(" ", text).strip()


def canonical_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL without its fragment or tracking parameters, else None."""
    if not url:
        return None
    url = url.strip()
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head


def _parse_date(raw: str | None) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _headline(title: str | None, site: str | None) -> str:
    headline = clean(title or "")
    # "<headline> | Site", "<headline> - Site": the <title> often carries the site's name.
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            tail = f"{sep}{site}"
            if headline.lower().endswith(tail.lower()) and len(headline) > len(tail):
                headline = headline[: -len(tail)].strip()
    if len(headline) > _MAX_HEADLINE:
        headline = headline[: _MAX_HEADLINE - 1].rstrip() + "…"
    return headline


def _paragraphs(lines: list[str], headline: str) -> tuple[str, ...]:
    """The article's lines as paragraphs, without the headline the page repeats on top (the
    <h1> often words it a little differently from the JSON-LD or <title> headline)."""
    from rapidfuzz import fuzz

    kept: list[str] = []
    for line in lines:
        text = clean(line)
        if not text or text.casefold() == headline.casefold():
            continue
        heading = len(text) <= _MAX_HEADLINE and not _SENTENCE_END.search(text)
        if not kept and heading and fuzz.ratio(text.casefold(), headline.casefold()) >= 75:
            continue
        kept.append(text)
    return tuple(kept)


def _prose_chars(paragraphs: tuple[str, ...]) -> int:
    """Characters in paragraphs that read as prose (not headings, captions, buttons)."""
    return sum(len(p) for p in paragraphs if len(p) >= _MIN_PARAGRAPH and _SENTENCE_END.search(p))


def _refuse_thin(found: Extracted, where: str) -> Extracted:
    if not found.paragraphs or _prose_chars(found.paragraphs) < MIN_ARTICLE_CHARS:
        raise FetchError(
            f"no article text at {where} (a paywall, a consent page, a video or an index page?)"
        )
    if not found.headline:
        raise FetchError(f"no headline found at {where}")
    return found


def extract_html(html: str | bytes, url: str | None = None) -> Extracted:
    """Extract the article from a web page; ``url`` is where it was fetched from.

    CPU-bound (tens of milliseconds): callers in the bot run it in a thread.
    """
    import trafilatura
    from trafilatura.settings import Document

    where = url or "the file"
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "max_date": datetime.now(UTC).date().isoformat(),
        },
    )
    if not isinstance(document, Document):  # None; a dict only with as_dict=True, unused
        raise FetchError(f"no article text at {where}")
    site = clean(document.sitename or "") or None
    headline = _headline(document.title, site)
    found = Extracted(
        headline=headline,
        published=_parse_date(document.date),
        author=clean(document.author or "") or None,
        url=canonical_url(document.url, url) or canonical_url(url),
        paragraphs=_paragraphs((document.text or "").split("\n"), headline),
        site=site,
    )
    log.debug(
        "extracted %r from %s: %d paragraphs, date %s", headline, where, len(found.paragraphs),
        found.published,
    )  # fmt: skip
    return _refuse_thin(found, where)


# -- Markdown and plain text ----------------------------------------------------------------

_FRONT = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)
_OWN_HEADER = re.compile(r"\Adate (?P<date>\d{4}-\d{2}-\d{2}) (?P<headline>[^\n]+)(?:\n|\Z)")
_OWN_META = re.compile(r"\A(?P<key>url|author) (?P<value>[^\n]+)(?:\n|\Z)")
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|words by|written by)\s+(?P<who>[^|•·,]+)", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)")


def _find_date(text: str) -> date | None:
    for match in _ISO.finditer(text):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    for pattern, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        match = pattern.search(text)
        if match:
            day, month = (match[1], match[2]) if order == "dmy" else (match[2], match[1])
            try:
                return date(int(match[3]), _MONTHS[month.lower().rstrip(".")], int(day))
            except (ValueError, KeyError):
                continue
    return None


def _markdown_line(line: str) -> str:
    line = _MD_PREFIX.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line)


def extract_text(text: str, name: str, *, markdown: bool = False) -> Extracted:
    """Read a Markdown or plain-text article.

    Pitwall's own format (``date YYYY-MM-DD headline``, then ``url``/``author`` lines), or
    optional front matter (``---`` lines holding ``title:``, ``date:``, ``author:``,
    ``url:``); else the first line (a ``#`` heading in Markdown) is the headline, a byline or
    date line just below it gives the author and date, and blank lines separate paragraphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta: dict[str, str] = {}
    front = _FRONT.match(text)
    if front:
        for line in front["body"].splitlines():
            m = _FRONT_LINE.match(line.strip())
            if m:
                meta[m["key"].lower()] = m["value"].strip().strip("\"'")
        text = text[front.end() :]
    own = _OWN_HEADER.match(text.lstrip("\n"))
    if own:  # Pitwall's own article format: header, then url/author lines
        meta.setdefault("date", own["date"])
        meta.setdefault("title", own["headline"].strip())
        text = text.lstrip("\n")[own.end() :]
        while m := _OWN_META.match(text):
            meta.setdefault(m["key"], m["value"].strip())
            text = text[m.end() :]
    blocks: list[str] = []
    current: list[str] = []
    fenced = False
    for raw in text.split("\n"):
        if markdown and raw.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = _markdown_line(raw) if markdown else raw
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))

    headline = meta.get("title") or meta.get("headline") or ""
    if not headline and blocks and len(blocks[0]) <= _MAX_HEADLINE:
        headline = blocks.pop(0)
    author = meta.get("author")
    published = _parse_date(meta.get("date") or meta.get("published"))
    # A byline or dateline right under the headline is metadata, not a paragraph.
    while blocks and len(blocks[0]) <= 120 and not _SENTENCE_END.search(blocks[0]):
        line = blocks[0]
        byline = _BYLINE.match(line)
        when = _find_date(line)
        if byline is None and when is None:
            break
        author = author or (clean(byline["who"]) if byline else None)
        published = published or when
        blocks.pop(0)
    found = Extracted(
        headline=_headline(headline, None),
        published=published,
        author=author or None,
        url=canonical_url(meta.get("url") or meta.get("canonical")),
        paragraphs=tuple(clean(b) for b in blocks if clean(b)),
    )
    return _refuse_thin(found, name)


def with_fallbacks(
    found: Extracted,
    *,
    published: date | None = None,
    author: str | None = None,
    url: str | None = None,
    headline: str | None = None,
) -> Extracted:
    """Fill what the page did not say from elsewhere (a feed entry), keeping what it did."""
    return replace(
        found,
        published=found.published or published,
        author=found.author or author,
        url=found.url or canonical_url(url),
        headline=found.headline or clean(headline or ""),
    )


def refuse_unreadable(name: str) -> UserError:
    """The error for a file whose type Pitwall cannot read."""
    return UserError(f"{name}: Pitwall reads .html, .htm, .md and .txt files only")
