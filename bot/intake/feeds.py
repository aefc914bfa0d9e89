"""News feeds: RSS 2.0, Atom and JSON Feed documents to entries, and when to poll next.

RSS and Atom are parsed by feedparser, the long-kept library that copes with the many ways
feeds bend the specs. feedparser does not read JSON Feed, which is plain JSON with a short
spec: that is read here with ``json``. A document that is not well-formed (or not a feed at
all) is refused whole, with one line: a half-read feed must not look like a feed whose other
items were deleted.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import random
import xml.sax
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from bot.errors import FetchError
from bot.intake.extract import MIN_ARTICLE_CHARS, canonical_url, clean

__all__ = [
    "FULL_TEXT_CHARS",
    "MAX_ENTRIES",
    "PAUSE_AFTER",
    "Entry",
    "ParsedFeed",
    "backoff",
    "next_poll",
    "parse_feed",
    "scan_feed",
]

log = logging.getLogger(__name__)

#: Entries read from one document, newest (first listed) first.
MAX_ENTRIES = 100
#: Failed polls in a row after which a feed is paused until a moderator adds it again.
PAUSE_AFTER = 5
#: An entry whose content has this much text (or three paragraphs of an article's length) is
#: the article itself; less, it is a summary and the article is fetched from its link.
FULL_TEXT_CHARS = 1000
#: Longest wait between polls of a failing feed.
MAX_BACKOFF = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as listed."""

    key: str  # the item's id, else its link, else a hash of its title and text
    link: str | None
    title: str | None
    published: date | None
    author: str | None
    content: str | None  # the entry's content as listed (maybe the article, maybe a teaser)
    summary: str | None
    fingerprint: str  # changes when the item is edited at the source

    @property
    def url(self) -> str | None:
        return canonical_url(self.link)

    @property
    def content_html(self) -> str | None:
        """The whole article when the feed carries it, else None (fetch the link).

        Worked out only for entries being taken: an unchanged entry costs no HTML parsing.
        """
        return _full_content(self.content, self.summary)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: tuple[Entry, ...]
    kind: str  # 'rss', 'atom' or 'json'


def _fingerprint(*parts: str | None) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update((part or "").encode("utf-8", "replace"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _measure(html: str | None) -> tuple[int, int]:
    """(characters of text, paragraphs) of an HTML fragment."""
    if not html:
        return 0, 0
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent=True)  # a <div>
    except Exception:  # lxml raises several types for odd fragments; this is a hint only
        return len(html), html.count("<p")
    text = " ".join(root.text_content().split())
    return len(text), sum(1 for _ in root.iter("p"))


def _full_content(*candidates: str | None) -> str | None:
    """The candidate that is the whole article (not a teaser), if one is."""
    for html in sorted((c for c in candidates if c), key=len, reverse=True):
        chars, paragraphs = _measure(html)
        if chars >= FULL_TEXT_CHARS or (paragraphs >= 3 and chars >= MIN_ARTICLE_CHARS):
            return html
    return None


def _make_entry(
    *,
    ident: str | None,
    link: str | None,
    title: str | None,
    published: date | None,
    updated: str | None,
    author: str | None,
    content: str | None,
    summary: str | None,
    listed: tuple[str, str] | None = None,
) -> Entry:
    """An entry; ``listed`` is its (key, fingerprint) from ``scan_feed``, when known."""
    title = clean(title) if title else None
    key = (ident or "").strip() or (link or "").strip() or "h:" + _fingerprint(title, summary)
    fingerprint = _fingerprint(title, link, updated, summary, content)
    if listed is not None:
        key, fingerprint = listed
    return Entry(
        key=key[:500],
        link=link.strip() if link else None,
        title=title,
        published=published,
        author=clean(author) if author else None,
        content=content,
        summary=summary,
        fingerprint=fingerprint,
    )


def _struct_date(value: Any) -> date | None:
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday) if value else None
    except (AttributeError, ValueError):
        return None


def _iso_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def _raw(item: Any, key: str) -> Any:
    """A value as parsed, without feedparser's deprecated updated/published fallback."""
    return dict.get(item, key)


def _parse_xml(body: bytes, content_type: str, url: str, scan: Scan) -> ParsedFeed:
    import feedparser

    # A byte stream, never a string: feedparser treats a string as a URL or path to open.
    parsed = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-type": content_type or "application/xml",
                          "content-location": url},
        # The HTML is only ever read for its text (never shown or run), and relative links do
        # not matter to an article's text: skipping both makes parsing several times cheaper.
        sanitize_html=False,
        resolve_relative_uris=False,
    )  # fmt: skip
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXException):
        where = ""
        if isinstance(problem, xml.sax.SAXParseException):
            where = f" (line {problem.getLineNumber()})"
        raise FetchError(f"the feed at {_host(url)} is not well-formed XML{where}: refused whole")
    version = parsed.get("version") or ""
    if not version:
        raise FetchError(f"{_host(url)} did not send an RSS, Atom or JSON feed")
    entries = []
    # Keys and fingerprints come from the scan, item for item (both read the same
    # well-formed document in order), so a poll can compare without this parse.
    listed: list[tuple[str, str] | None] = list(scan.items)
    if len(parsed.entries[:MAX_ENTRIES]) != len(listed):
        log.warning("feed %s: the scan and feedparser disagree on its items", url)
        listed = [None] * len(parsed.entries)
    for item, keyed in zip(parsed.entries[:MAX_ENTRIES], listed, strict=False):
        contents = item.get("content") or []
        content = max((c.get("value") or "" for c in contents), key=len, default="") or None
        entries.append(
            _make_entry(
                ident=item.get("id"),
                link=item.get("link"),
                title=item.get("title"),
                published=_struct_date(
                    _raw(item, "published_parsed") or _raw(item, "updated_parsed")
                ),
                updated=_raw(item, "updated") or _raw(item, "published"),
                author=item.get("author"),
                content=content,
                summary=item.get("summary"),
                listed=keyed,
            )
        )
    kind = "atom" if version.startswith("atom") else "rss"
    return ParsedFeed(clean(parsed.feed.get("title") or "") or None, tuple(entries), kind)


def _json_doc(body: bytes, url: str) -> tuple[Mapping[str, Any], list[Mapping[str, Any]]]:
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FetchError(f"the feed at {_host(url)} is not valid JSON: refused whole") from exc
    if not isinstance(doc, Mapping) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FetchError(f"{_host(url)} did not send an RSS, Atom or JSON feed")
    items = doc.get("items")
    if not isinstance(items, list):
        raise FetchError(f"the JSON feed at {_host(url)} has no items list: refused whole")
    return doc, [i for i in items[:MAX_ENTRIES] if isinstance(i, Mapping)]


def _json_key(item: Mapping[str, Any]) -> tuple[str, str]:
    fingerprint = _fingerprint(json.dumps(item, sort_keys=True, default=str))
    ident = item.get("id")
    key = str(ident).strip() if ident is not None else ""
    link = item.get("url") or item.get("external_url")
    key = key or (str(link).strip() if link else "") or f"h:{fingerprint}"
    return key[:500], fingerprint


def _parse_json(body: bytes, url: str) -> ParsedFeed:
    doc, items = _json_doc(body, url)
    entries = []
    for item in items:
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [str(a["name"]) for a in authors if isinstance(a, Mapping) and a.get("name")]
        text = item.get("content_text")
        content = item.get("content_html") or (
            "".join(f"<p>{_escape(p)}</p>" for p in str(text).split("\n\n")) if text else None
        )
        entries.append(
            _make_entry(
                ident=str(item["id"]) if item.get("id") is not None else None,
                link=item.get("url") or item.get("external_url"),
                title=item.get("title"),
                published=_iso_date(item.get("date_published") or item.get("date_modified")),
                updated=item.get("date_modified") or item.get("date_published"),
                author=", ".join(names) or None,
                content=content if isinstance(content, str) else None,
                summary=item.get("summary") if isinstance(item.get("summary"), str) else None,
                listed=_json_key(item),
            )
        )
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    return ParsedFeed(clean(title or "") or None, tuple(entries), "json")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


@dataclass(frozen=True, slots=True)
class Scan:
    """A feed document read cheaply: each item's (key, fingerprint), in document order."""

    items: tuple[tuple[str, str], ...]
    kind: str  # 'xml' or 'json'


def _is_json(body: bytes, content_type: str) -> bool:
    return "json" in content_type or body.lstrip()[:1] == b"{"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _scan_xml(body: bytes, url: str) -> Scan:
    from lxml import etree  # pyright: ignore[reportAttributeAccessIssue]  # compiled, no stubs

    # No entities resolved, nothing fetched, no huge trees: a feed is data from a stranger.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if exc.lineno else ""
        raise FetchError(
            f"the feed at {_host(url)} is not well-formed XML{line}: refused whole"
        ) from None
    if _local(root.tag) not in ("rss", "feed", "RDF"):
        raise FetchError(f"{_host(url)} did not send an RSS, Atom or JSON feed")
    items = []
    for element in root.iter("{*}item", "{*}entry"):
        if len(items) >= MAX_ENTRIES:
            break
        ident = link = ""
        for child in element:
            name = _local(child.tag)
            if name in ("guid", "id") and not ident:
                ident = (child.text or "").strip()
            elif name == "link" and not link:
                rel = child.get("rel", "alternate")
                link = (child.get("href") or child.text or "").strip() if rel == "alternate" else ""
        fingerprint = _fingerprint(etree.tostring(element).decode("utf-8", "replace"))
        items.append(((ident or link or f"h:{fingerprint}")[:500], fingerprint))
    return Scan(tuple(items), "xml")


def scan_feed(body: bytes, content_type: str, url: str) -> Scan:
    """Check the document is a feed and list its items' keys and fingerprints, quickly.

    A poll compares these with the items already taken and parses the feed in full only
    when something is new or changed: most polls of most feeds change nothing.
    """
    if _is_json(body, content_type):
        return Scan(tuple(_json_key(i) for i in _json_doc(body, url)[1]), "json")
    start = body.lstrip()[:300].lower()
    if start.startswith((b"<!doctype html", b"<html")):
        raise FetchError(f"{_host(url)} sent a web page, not an RSS, Atom or JSON feed")
    return _scan_xml(body, url)


def parse_feed(body: bytes, content_type: str, url: str, scan: Scan | None = None) -> ParsedFeed:
    """Parse an RSS, Atom or JSON feed document; refuse anything else whole, in one line."""
    scan = scan or scan_feed(body, content_type, url)
    if scan.kind == "json":
        return _parse_json(body, url)
    return _parse_xml(body, content_type, url, scan)


def unique(entries: Iterable[Entry]) -> list[Entry]:
    """Entries with a key seen before in the same document dropped (the first listed wins)."""
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            out.append(entry)
    return out


def next_poll(now: datetime, interval: timedelta, rng: random.Random | None = None) -> datetime:
    """The next poll after a good one: the interval, give or take 10 %, so feeds spread out."""
    factor = (rng or random).uniform(0.9, 1.1)
    return now + interval * factor


def backoff(
    now: datetime, interval: timedelta, failures: int, rng: random.Random | None = None
) -> datetime:
    """The next poll after ``failures`` failed polls in a row: doubling, at most 12 hours."""
    wait = min(interval * (2 ** min(failures, 10)), MAX_BACKOFF)
    return now + wait * (rng or random).uniform(0.9, 1.1)
