"""Answers -> Discord messages (embeds, pages) and plain text, within Discord's limits.

One layout serves both outputs: each answer becomes a list of blocks (title, body, citation);
Discord gets them as embeds split at paragraph, sentence or word boundaries and packed into
pages, the offline ``ask`` gets the same blocks as text. Quotes are never cut short: a quote
longer than an embed continues in the next one, on the next page if need be.

Sizes are measured in UTF-16 code units, which is never less than the character count
Discord checks, so a page that fits here fits there whatever it counts.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import discord

from bot.answers import (
    Answer,
    ApologyAnswer,
    FactsAnswer,
    HelpAnswer,
    LapAnswer,
    NotFound,
    PassageAnswer,
    PersonAnswer,
    QuotesAnswer,
    RecapAnswer,
    RecapStory,
    WhoSaidAnswer,
    group_statements,
)
from bot.models import ArticleSummary, Fact, LapEvent, Person, Quote, ReportedStatement, Source

__all__ = [
    "ALLOWED_MENTIONS",
    "LIMITS",
    "OWNER_ONLY",
    "Page",
    "Paginator",
    "Rendered",
    "cite",
    "clip",
    "error_page",
    "first_page",
    "neutralise",
    "pack_pages",
    "render",
    "render_text",
    "reported_line",
    "send_rendered",
    "size",
    "split_text",
]

log = logging.getLogger(__name__)

#: Nothing Pitwall sends may ping: article and user text can contain any mention syntax.
ALLOWED_MENTIONS: discord.AllowedMentions = discord.AllowedMentions.none()


@dataclass(frozen=True, slots=True)
class _Limits:
    content: int = 2000
    embeds: int = 10
    title: int = 256
    description: int = 4096
    fields: int = 25
    field_name: int = 256
    field_value: int = 1024
    footer: int = 2048
    author: int = 256
    total: int = 6000


LIMITS = _Limits()
# What this module aims for, below the limits: room for "(continued)" and markers.
_DESCRIPTION = 3900
_TITLE = 200
_FOOTER = 400
#: Longest article URL an embed links to; a longer one is left out rather than cut.
_MAX_URL = 2000
_CONTENT = 1900
_ZWSP = "\u200b"
_COLOURS = {
    "quote": discord.Colour.blurple(),
    "reported": discord.Colour.light_grey(),
    "apology": discord.Colour.gold(),
    "lap": discord.Colour.red(),
    "facts": discord.Colour.teal(),
    "person": discord.Colour.green(),
    "recap": discord.Colour.dark_teal(),
}


@dataclass(frozen=True, slots=True)
class Page:
    """One message's worth: optional content and at most ten embeds within the limits."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()


@dataclass(frozen=True, slots=True)
class Rendered:
    """An answer as pages; more than one page is sent with a :class:`Paginator`."""

    pages: tuple[Page, ...]
    ephemeral: bool = False


def size(text: str | None) -> int:
    """Length in UTF-16 code units: at least what Discord counts, whichever way it counts."""
    return len(text.encode("utf-16-le")) // 2 if text else 0


# -- text safety -----------------------------------------------------------------------------

_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_ID_MENTION = re.compile(r"<(@[!&]?|#|/)")


def neutralise(text: str) -> str:
    """Break mention syntax with a zero-width space so it neither pings nor looks like a ping.

    ``AllowedMentions.none()`` is the real guarantee; this keeps "@everyone" from even
    rendering as one, and "<@123>" from turning into a user pill inside an embed.
    """
    if "@" not in text and "<" not in text:  # most text: neither pattern can match
        return text
    return _ID_MENTION.sub(
        lambda m: "<" + _ZWSP + m[1], _MASS_MENTION.sub("@" + _ZWSP + r"\1", text)
    )


@functools.lru_cache(maxsize=4096)
def _escape(text: str) -> str:
    # Kept per text: names, teams and headlines recur in every answer (a lap lists 200
    # events), and escaping was a fifth of a command's time on the loop in a burst.
    # Discord hides the backslashes escape_markdown adds, so a quote still reads verbatim.
    return discord.utils.escape_markdown(neutralise(text))


def _cut(text: str, limit: int) -> str:
    """Shorten a label (title, footer, headline) to ``limit`` units, marking the cut with …."""
    if size(text) <= limit:
        return text
    out = text[: max(limit - 1, 0)]
    while size(out) > limit - 1:
        out = out[:-1]
    if out.endswith("\\"):
        out = out[:-1]
    return out.rstrip() + "…"


def clip(text: str, limit: int = _CONTENT) -> str:
    """Shorten text to fit one message's content (or ``limit`` units), marking the cut with …."""
    return _cut(text, limit)


def _prefix_within(text: str, limit: int) -> int:
    """The longest prefix of ``text`` (in code points) that is at most ``limit`` units."""
    if size(text) <= limit:
        return len(text)
    total = 0
    for i, ch in enumerate(text):
        total += 2 if ord(ch) > 0xFFFF else 1
        if total > limit:
            return i
    return len(text)


_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_SENTENCE = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+")
_WORD = re.compile(r"\s+")


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into chunks of at most ``limit`` units at the best boundary available.

    Prefers a paragraph break, then a line, a sentence end, a space; only a single word
    longer than ``limit`` is cut mid-word (never between a backslash and what it escapes).
    Only the whitespace at a boundary is dropped, so the chunks rejoined read as the text.
    """
    chunks: list[str] = []
    rest = text.strip()
    while size(rest) > limit:
        end = _prefix_within(rest, limit)
        window = rest[:end]
        cut = None
        for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _WORD):
            found = [m for m in pattern.finditer(window) if m.start() >= end // 4]
            if found:
                cut = (found[-1].start(), found[-1].end())
                break
        if cut is None:
            position = end
            while position > 1 and rest[position - 1] == "\\":
                position -= 1
            # Keep a combining mark or joiner with the character before it.
            while position > 1 and _joins(rest[position]):
                position -= 1
            cut = (position, position)
        head = rest[: cut[0]].rstrip()
        if head:
            chunks.append(head)
        rest = rest[cut[1] :].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def _joins(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc") or ch in "\u200d\ufe0f"


# -- blocks: the layout shared by embeds and text ----------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    """How text is marked up: Discord markdown (escaped) or plain text for the CLI."""

    discord: bool

    def esc(self, text: str) -> str:
        return _escape(text) if self.discord else text

    def bold(self, text: str) -> str:
        return f"**{text}**" if self.discord else text

    def italic(self, text: str) -> str:
        return f"*{text}*" if self.discord else text


@dataclass(frozen=True, slots=True)
class _Block:
    """A titled piece of an answer: body already marked up, title and footer raw."""

    title: str
    body: str
    footer: str = ""
    kind: str = "quote"
    url: str | None = None  # the original article: the embed's title links to it


def _source_url(source: Source | ArticleSummary | None) -> str | None:
    """The article's own URL when it is a plain http(s) link Discord will accept, else None."""
    url = source.url if source is not None else None
    if not url or len(url) > _MAX_URL or not url.lower().startswith(("http://", "https://")):
        return None
    if any(ch.isspace() for ch in url):
        return None
    return url


def _paragraphs(numbers: Iterable[int | None]) -> str:
    found = sorted({n for n in numbers if n is not None})
    if not found:
        return ""
    if len(found) == 1:
        return f"¶{found[0]}"
    if found == list(range(found[0], found[-1] + 1)):
        return f"¶{found[0]}–{found[-1]}"
    return "¶" + ", ¶".join(str(n) for n in found)


def cite(source: Source | None, paragraphs: Iterable[int | None] = ()) -> str:
    """ "Headline — YYYY-MM-DD, ¶N": where a quote or fact stands."""
    if source is None:
        return ""
    numbers = list(paragraphs) or [source.paragraph]
    where = _paragraphs(numbers)
    headline = _cut(source.headline, _FOOTER - 40)
    text = f"{headline} — {source.published.isoformat()}"
    return f"{text}, {where}" if where else text


def _speaker(quote: Quote) -> str:
    voice = _organisation_voice(quote)
    if quote.speaker is None and voice:
        return voice[:1].upper() + voice[1:]
    return quote.speaker or "Speaker not named in the article"


# -- an organisation's statement (issue 9): words with no person, its label the team ------
#: How an organisation's words came out, by the quote's setting.
_VOICE_SETTINGS = {
    "statement": "a statement from",
    "written statement": "a statement from",
    "social media post": "a social media post from",
}


def _organisation_voice(quote: Quote) -> str | None:
    """ "a statement from the Ducati Lenovo Team" for an organisation's words, else None.

    Attribution stores a team's or body's statement with no speaker and the organisation
    as the label; a transcript's role label ("Race engineer") is no statement.
    """
    if quote.speaker is not None or not quote.label:
        return None
    lead = _VOICE_SETTINGS.get(quote.setting)
    return f"{lead} {quote.label}" if lead else None


# ---------------------------------------------------------------------------------------


#: Settings that add nothing after a name ("— X (said)"); anything richer is shown.
_BARE_SETTINGS = frozenset({"said", "says", "say", "told", "added", "quote", "quoted"})


def _statement_body(parts: Sequence[Quote], style: _Style) -> str:
    """Every part in typographic quotes, one paragraph per article paragraph, then who/how."""
    paragraphs: list[list[str]] = []
    last: int | None = None
    for part in parts:
        quoted = f"“{style.esc(part.text.strip())}”"
        if paragraphs and part.paragraph == last:
            paragraphs[-1].append(quoted)
        else:
            paragraphs.append([quoted])
        last = part.paragraph
    first = parts[0]
    voice = _organisation_voice(first)
    who = first.speaker or voice or "the article does not say who said this"
    line = f"— {who}"
    setting = first.setting.strip() if first.speaker and first.setting else ""
    if setting and setting.casefold() not in _BARE_SETTINGS:
        line += f" ({setting})"
    if any(p.kind == "partial" for p in parts):
        line += " (partial quote)"
    # Segments of one paragraph were split by the reporter's words ("..., Russell said."):
    # an ellipsis marks the gap instead of running two quotations together.
    body = "\n\n".join(" … ".join(p) for p in paragraphs)
    return f"{body}\n\n{style.italic(style.esc(line))}"


def _statement_block(parts: Sequence[Quote], style: _Style, title: str | None = None) -> _Block:
    return _Block(
        title or _speaker(parts[0]),
        _statement_body(parts, style),
        cite(parts[0].source, [p.paragraph for p in parts]),
        "quote",
        _source_url(parts[0].source),
    )


def reported_line(statement: ReportedStatement) -> str:
    """ "Reported: X said ...": a paraphrase, never in quotation marks."""
    text = statement.text.strip()
    surname = statement.speaker.split()[-1].casefold() if statement.speaker.split() else ""
    if surname and surname in text[:80].casefold():
        return f"Reported: {text}"
    return f"Reported: {statement.speaker} said {text}"


def _reported_block(statement: ReportedStatement, style: _Style) -> _Block:
    return _Block(
        f"{statement.speaker} (reported, not quoted)",
        style.esc(reported_line(statement)),
        cite(statement.source, [statement.paragraph]),
        "reported",
        _source_url(statement.source),
    )


def _event_lines(
    event: LapEvent, style: _Style, *, with_lap: bool, with_paragraph: bool = True
) -> str:
    head = style.bold(f"Lap {event.lap}:") + " " if with_lap else ""
    lines = [head + style.esc(event.description)]
    if event.who:
        lines.append(f"Involved: {style.esc(', '.join(event.who))}")
    if event.outcome:
        lines.append(f"Outcome: {style.esc(event.outcome)}")
    if with_paragraph and event.paragraph is not None:
        lines.append(f"(¶{event.paragraph})")
    return "\n".join(lines)


def _fact_line(fact: Fact, style: _Style) -> str:
    key = fact.key.replace("_", " ").strip().capitalize()
    where = f" (¶{fact.paragraph})" if fact.paragraph is not None else ""
    return f"{style.bold(style.esc(key) + ':')} {style.esc(fact.value)}{where}"


def _apology_blocks(answer: ApologyAnswer, style: _Style) -> list[_Block]:
    blocks = [
        _Block(
            f"Apology: {_speaker(answer.apology_parts[0])}",
            _statement_body(answer.apology_parts, style),
            cite(answer.apology_parts[0].source, [p.paragraph for p in answer.apology_parts]),
            "apology",
            _source_url(answer.apology_parts[0].source),
        )
    ]
    # Reactions in the order the article tells them: quotes and reported speech interleaved.
    after: list[tuple[int, int, _Block]] = []
    for parts in group_statements(answer.reactions):
        block = _statement_block(parts, style, f"Reaction: {_speaker(parts[0])}")
        after.append((parts[0].paragraph, 1, block))
    for statement in answer.reported:
        after.append((statement.paragraph, 0, _reported_block(statement, style)))
    after.sort(key=lambda item: (item[0], item[1]))
    return blocks + [block for _, _, block in after]


def _duration(delta: timedelta) -> str:
    minutes = max(int(delta.total_seconds() // 60), 0)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{days} d"] if days else []
    if hours:
        parts.append(f"{hours} h")
    if minutes or not parts:
        parts.append(f"{minutes} min")
    return " ".join(parts)


def _recap_header(answer: RecapAnswer) -> str:
    lines = []
    if answer.late_by is not None:
        due = answer.due_at or (datetime.now(UTC) - answer.late_by)
        due = due.astimezone(UTC) if due.tzinfo else due.replace(tzinfo=UTC)
        lines.append(
            f"Posted late: this recap was due at {due:%H:%M} UTC "
            f"({_duration(answer.late_by)} late)."
        )
    lines.append("Recap, from the archive" if answer.archive else "Recap")
    return "\n".join(lines)


def _story_blocks(story: RecapStory, style: _Style) -> list[_Block]:
    article = story.article
    lines = []
    for item in story.what_happened:
        if isinstance(item, LapEvent):
            lines.append(_event_lines(item, style, with_lap=True))
        else:
            lines.append(_fact_line(item, style))
    body = "\n\n".join(lines) or "The article records no lap events or key facts."
    title = f"{article.headline} ({article.published.isoformat()})"
    footer = f"{article.headline} — {article.published}"
    blocks = [_Block(title, body, footer, "recap", _source_url(article))]
    if story.key_quote is not None:
        blocks.append(_statement_block((story.key_quote,), style, "Key quote"))
    aftermath = story.apology_or_aftermath
    if isinstance(aftermath, ApologyAnswer):
        blocks += _apology_blocks(aftermath, style)
    elif isinstance(aftermath, Fact):
        blocks.append(
            _Block(
                "Aftermath",
                _fact_line(aftermath, style),
                cite(aftermath.source),
                "recap",
                _source_url(aftermath.source),
            )
        )
    return blocks


def _layout(answer: Answer, style: _Style) -> tuple[str | None, list[_Block], bool]:
    """(header, blocks, ephemeral) for an answer: the one layout both outputs share."""
    esc = style.esc
    if isinstance(answer, QuotesAnswer):
        blocks = [_statement_block(parts, style) for parts in answer.statements]
        blocks += [_reported_block(r, style) for r in answer.reported]
        return esc(answer.title), blocks, False
    if isinstance(answer, WhoSaidAnswer):
        parts = answer.statement_parts or (answer.quote,)
        voice = _organisation_voice(answer.quote)
        title = (
            f"{answer.quote.speaker} said it"
            if answer.quote.speaker
            else voice[:1].upper() + voice[1:]
            if voice
            # 'called "..." by his own engineer': whom the article says, as it says it
            else f"The article does not say who said it, only: {answer.quote.label}"
            if answer.quote.label
            else "The article does not say who said it"
        )
        header = f"Who said “{esc(answer.phrase)}”?" if answer.phrase else None
        blocks = [_statement_block(parts, style, title)]
        blocks += [
            _statement_block((other,), style, f"Also close: {_speaker(other)}")
            for other in answer.others
        ]
        return header, blocks, False
    if isinstance(answer, LapAnswer):
        if not answer.events:
            laps = ", ".join(str(n) for n in answer.laps_with_events)
            text = f"No event is recorded on lap {answer.lap}."
            text += f" Laps with events: {laps}." if laps else " No lap events are recorded yet."
            return text, [], True
        blocks = [
            _Block(
                f"Lap {answer.lap}",
                _event_lines(e, style, with_lap=False, with_paragraph=False),
                cite(e.source, [e.paragraph]),
                "lap",
                _source_url(e.source),
            )
            for e in answer.events
        ]
        return None, blocks, False
    if isinstance(answer, ApologyAnswer):
        header = esc(f"{answer.speaker}'s apology — {answer.article.headline}")
        return header, _apology_blocks(answer, style), False
    if isinstance(answer, PersonAnswer):
        person = answer.person
        lines = []
        if person.role:
            lines.append(f"{style.bold('Role:')} {esc(person.role)}")
        if person.team:
            lines.append(f"{style.bold('Team:')} {esc(person.team)}")
        if person.aliases:
            lines.append(f"{style.bold('Also called:')} {esc(', '.join(person.aliases))}")
        if answer.articles:
            lines.append(style.bold("In the articles:"))
            lines += [f"{a.published.isoformat()} {esc(a.headline)}" for a in answer.articles]
        if not answer.quotes and not answer.reported:
            lines.append("The articles name them but neither quote nor report them.")
        blocks = [_Block(person.name, "\n".join(lines) or esc(person.name), "", "person")]
        blocks += [  # the sentences giving their role, verbatim, under the card
            _Block(
                "From the article", esc(f.text), cite(f.source), "passage", _source_url(f.source)
            )
            for f in answer.role_told
        ]
        blocks += [_statement_block(parts, style) for parts in group_statements(answer.quotes)]
        blocks += [_reported_block(r, style) for r in answer.reported]
        return (esc(answer.role_line) if answer.role_line else None), blocks, False
    if isinstance(answer, FactsAnswer):
        article = answer.article
        # The title and footer carry the headline and date: the facts do not repeat them.
        shown = [f for f in answer.facts if f.key not in ("headline", "date")]
        lines = [_fact_line(_with_teams(f, answer.people), style) for f in shown]
        if not lines:
            lines.append("No key facts are recorded for this article.")
        for event in answer.events:
            lines.append(_event_lines(event, style, with_lap=True))
        about = {f.key: f.paragraph for f in answer.facts}
        for note in answer.notes:
            where = about.get(note.about)
            cited = f" (on {note.about}, ¶{where})" if where is not None else f" (on {note.about})"
            lines.append(style.italic("Editor's note:") + " " + esc(note.text + cited))
        title = f"Key facts: {article.headline}"
        footer = article.published.isoformat()
        block = _Block(title, "\n\n".join(lines), footer, "facts", _source_url(article))
        return None, [block], False
    if isinstance(answer, RecapAnswer):
        blocks = [b for story in answer.stories for b in _story_blocks(story, style)]
        return esc(_recap_header(answer)), blocks, False
    if isinstance(answer, PassageAnswer):
        return _passage_layout(answer, style)
    if isinstance(answer, NotFound):
        return esc(_not_found_text(answer)), [], True
    if isinstance(answer, HelpAnswer):
        lines = [answer.message, "", "Try:"] + [f"• {e}" for e in answer.examples]
        return esc("\n".join(lines)), [], True
    raise TypeError(f"cannot render {type(answer).__name__}")


def _with_teams(fact: Fact, people: Sequence[Person]) -> Fact:
    """A "who" fact with each person's team from the article: "George Russell (Williams)"."""
    if fact.key.casefold() not in ("who", "people", "drivers", "riders") or not people:
        return fact
    value = fact.value
    for person in people:
        if person.team and person.name in value and f"{person.name} (" not in value:
            value = re.sub(
                rf"(?<!\w){re.escape(person.name)}(?!\w)", f"{person.name} ({person.team})", value
            )
    return Fact(fact.key, value, fact.paragraph, fact.source)


def _passage_layout(answer: PassageAnswer, style: _Style) -> tuple[str | None, list[_Block], bool]:
    """The articles' sentences, verbatim and cited; a missing answer is said first."""
    blocks = []
    for found in answer.passages:
        if found.quoted and found.speaker:
            title = found.speaker
            body = f"“{style.esc(found.text)}”\n\n" + style.italic(style.esc(f"— {found.speaker}"))
        elif found.reported and found.speaker:
            title = f"{found.speaker} (reported, not quoted)"
            body = style.esc(f"Reported: {found.text}")
        else:
            title = "From the article"
            body = style.esc(found.text)
            if found.speaker:
                body += "\n\n" + style.italic(style.esc(f"— quoting {found.speaker}"))
        blocks.append(_Block(title, body, cite(found.source), "passage", _source_url(found.source)))
    if answer.missing:
        header = answer.missing
        if blocks:
            header += " The nearest the articles come:"
        return style.esc(header), blocks, not blocks
    if answer.race is not None and blocks:
        return _fact_line(answer.race, style), blocks, False
    return None, blocks, False


def _not_found_text(answer: NotFound) -> str:
    text = answer.message
    if answer.suggestions:
        text += "\nDid you mean: " + ", ".join(answer.suggestions) + "?"
    return text


# -- embeds and pages -------------------------------------------------------------------------


def _embed_size(embed: discord.Embed) -> int:
    total = size(embed.title) + size(embed.description) + size(embed.footer.text)
    total += size(embed.author.name)
    total += sum(size(f.name) + size(f.value) for f in embed.fields)
    return total


def _embeds(block: _Block) -> list[discord.Embed]:
    title = _cut(_escape(block.title), _TITLE)
    footer = _cut(block.footer, _FOOTER)
    chunks = split_text(block.body, _DESCRIPTION) or [_ZWSP]
    colour = _COLOURS.get(block.kind)
    embeds = []
    for i, chunk in enumerate(chunks):
        more = i < len(chunks) - 1
        embed = discord.Embed(
            title=title if i == 0 else _cut(f"{title} (continued)", LIMITS.title),
            description=chunk,
            colour=colour,
            url=block.url,  # the title links to the original article
        )
        note = f"{footer} · continues…" if more and footer else ("continues…" if more else footer)
        if note:
            embed.set_footer(text=_cut(note, LIMITS.footer))
        embeds.append(embed)
    return embeds


def _content_pages(text: str | None) -> list[str]:
    return split_text(text, _CONTENT) if text else []


def _paginate(header: str | None, blocks: Sequence[_Block]) -> tuple[Page, ...]:
    headers = _content_pages(header)
    pages: list[Page] = []
    # A header longer than one message gets text-only pages of its own first.
    for extra in headers[:-1]:
        pages.append(Page(extra))
    content = headers[-1] if headers else None
    current: list[discord.Embed] = []
    total = 0
    for block in blocks:
        for embed in _embeds(block):
            grown = _embed_size(embed)
            if current and (len(current) >= LIMITS.embeds or total + grown > LIMITS.total):
                pages.append(Page(content, tuple(current)))
                content, current, total = None, [], 0
            current.append(embed)
            total += grown
    if current or content is not None:
        pages.append(Page(content, tuple(current)))
    if not pages:
        pages.append(Page("Nothing to show."))
    return tuple(pages)


def render(answer: Answer) -> Rendered:
    """Render an answer as Discord pages, every page within Discord's limits."""
    header, blocks, ephemeral = _layout(answer, _Style(discord=True))
    pages = _paginate(header, blocks)
    if isinstance(answer, RecapAnswer) and len(pages) > 1:
        # Every page of a late or archived recap says so, not just the first.
        label = _cut(header or "", 300)
        pages = tuple(
            p if i == 0 else Page(label + f" ({i + 1}/{len(pages)})", p.embeds)
            for i, p in enumerate(pages)
        )
    return Rendered(pages, ephemeral)


def render_text(answer: Answer) -> str:
    """Render an answer as plain text for the offline ``ask``: the same information, whole."""
    header, blocks, _ = _layout(answer, _Style(discord=False))
    sections = [header] if header else []
    for block in blocks:
        section = f"{block.title}\n{block.body}"
        if block.footer:
            section += f"\n({block.footer})"
        if block.url:
            section += f"\n{block.url}"
        sections.append(section)
    return "\n\n".join(sections).strip() + "\n"


def error_page(message: str) -> Rendered:
    """A short ephemeral message for a UserError or NotFound."""
    text = _cut(_escape(message.strip() or "Something went wrong."), _CONTENT)
    return Rendered((Page(text),), ephemeral=True)


# -- pagination ---------------------------------------------------------------------------------

OWNER_ONLY = "Only the person who asked can turn these pages."


class Paginator(discord.ui.View):
    """Previous/Next buttons with a page counter; only the asker may turn the pages.

    After ``timeout`` seconds the buttons are disabled on the message (set ``message`` after
    sending); a message deleted meanwhile is ignored.
    """

    owner_id: int
    index: int
    message: discord.Message | discord.InteractionMessage | None
    #: The interaction whose own response shows the pages (set instead of ``message`` by
    #: send_rendered): its original response is edited on timeout, so no message is fetched
    #: for it (a request per paginated answer) nor held for ``timeout`` seconds.
    interaction: discord.Interaction[Any] | None = None
    #: Each page packed (see _pack_page): a paginator lives for ``timeout`` seconds, and a
    #: long answer's embeds as objects held 3 MB at 100,000 articles (a lap's events): a
    #: burst of answers kept hundreds of megabytes alive (issue 12: memory).
    _packed: tuple[bytes, ...]

    def __init__(
        self,
        pages: Sequence[Page],
        owner_id: int,
        *,
        timeout: float = 180,
        packed: tuple[bytes, ...] | None = None,
    ) -> None:
        super().__init__(timeout=timeout)
        if not pages and not packed:
            raise ValueError("a paginator needs at least one page")
        # ``packed``: the pages already packed (pack_pages), e.g. on a worker thread.
        self._packed = packed if packed else tuple(_pack_page(page) for page in pages)
        self.owner_id = owner_id
        self.index = 0
        self.message = None
        self._sync()

    @property
    def pages(self) -> tuple[Page, ...]:
        """Every page, unpacked."""
        return tuple(_unpack_page(packed) for packed in self._packed)

    @property
    def page(self) -> Page:
        return _unpack_page(self._packed[self.index])

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self._packed) - 1
        self.counter.label = f"{self.index + 1}/{len(self._packed)}"

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            OWNER_ONLY, ephemeral=True, allowed_mentions=ALLOWED_MENTIONS
        )
        return False

    async def show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = min(max(index, 0), len(self._packed) - 1)
        self._sync()
        await interaction.response.edit_message(
            content=self.page.content,
            embeds=list(self.page.embeds),
            view=self,
            allowed_mentions=ALLOWED_MENTIONS,
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self.show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        """The page counter; disabled, so never pressed."""

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Paginator]
    ) -> None:
        await self.show(interaction, self.index + 1)

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        try:
            if self.message is not None:
                await self.message.edit(view=self)
            elif self.interaction is not None:
                await self.interaction.edit_original_response(view=self)
        except discord.NotFound:
            log.debug("paginated message was deleted before its buttons timed out")


def _pack_page(page: Page) -> bytes:
    """A page as compressed JSON: its content and its embeds as Discord receives them."""
    data = [page.content, [embed.to_dict() for embed in page.embeds]]
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _unpack_page(packed: bytes) -> Page:
    """The page :func:`_pack_page` packed (its embeds equal, sent as the same JSON)."""
    content, embeds = json.loads(zlib.decompress(packed))
    return Page(content, tuple(discord.Embed.from_dict(data) for data in embeds))


# -- long answers rendered once, off the loop (issue 12) --------------------------------------


def pack_pages(pages: Sequence[Page]) -> tuple[bytes, ...]:
    """Every page packed as a :class:`Paginator` keeps them (pass as ``packed=``)."""
    return tuple(_pack_page(page) for page in pages)


def first_page(packed: tuple[bytes, ...], ephemeral: bool = False) -> Rendered:
    """The first of packed pages, to send with ``send_rendered(..., packed=packed)``."""
    return Rendered((_unpack_page(packed[0]),), ephemeral)


async def send_rendered(
    interaction: discord.Interaction[Any],
    rendered: Rendered,
    *,
    packed: tuple[bytes, ...] | None = None,
) -> None:
    """Send rendered pages as the interaction's reply (or follow-up once deferred).

    One page goes as is; several get a :class:`Paginator` owned by the asker. With
    ``packed`` (every page, see :func:`pack_pages`), ``rendered`` need hold only the first.
    """
    first = rendered.pages[0]
    many = len(packed) > 1 if packed else len(rendered.pages) > 1
    view = Paginator(rendered.pages, interaction.user.id, packed=packed) if many else None
    kwargs: dict[str, Any] = {
        "embeds": list(first.embeds),
        "ephemeral": rendered.ephemeral,
        "allowed_mentions": ALLOWED_MENTIONS,
    }
    if first.content is not None:
        kwargs["content"] = first.content
    if view is not None:
        kwargs["view"] = view
    if interaction.response.is_done():
        message = await interaction.followup.send(wait=view is not None, **kwargs)
        if view is not None:
            view.message = message
    else:
        await interaction.response.send_message(**kwargs)
        # Only a paginator needs to reach its message again (to disable the buttons on
        # timeout), through the interaction: fetching the message would add a request to
        # every paginated answer, and holding it its embeds, for the paginator's lifetime.
        if view is not None:
            view.interaction = interaction


# -- articles and feeds (cogs/articles.py, bot/feed_runner.py) --------------------------------
# Headlines and links here come from other people's web pages: escaped, shortened, never a ping.

#: Lines per page of ``/articles list``.
ARTICLES_PER_PAGE = 10
_LINK = 500


def _web_link(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) link that fits, made safe inside Markdown; else None."""
    if not url or size(url) > _LINK or not url.lower().startswith(("http://", "https://")):
        return None
    if any(ch.isspace() or ch in "<>" for ch in url):
        return None
    return url.replace("(", "%28").replace(")", "%29")


def story_link(article: ArticleSummary) -> str:
    """The headline in bold, linked to the original article (without a preview) when known."""
    headline = _cut(_escape(article.headline), _TITLE)
    link = _web_link(article.url)
    return f"[**{headline}**](<{link}>)" if link else f"**{headline}**"


def article_added(
    article: ArticleSummary, *, quotes: int, replaced: bool = False, unchanged: bool = False
) -> str:
    """What ``/articles add`` answers: the headline, its date, the quotes found and the link."""
    verb = "Already known" if unchanged else ("Updated" if replaced else "Added")
    count = f"{quotes} quote{'' if quotes == 1 else 's'}"
    return (
        f"{verb}: {story_link(article)}\n"
        f"{article.published:%d %B %Y} · {count} · `{neutralise(article.slug)}`"
    )


def article_list(articles: Sequence[ArticleSummary], total: int) -> Rendered:
    """``/articles list``: newest first, ``ARTICLES_PER_PAGE`` a page, privately."""
    if not articles:
        return Rendered((Page("No articles yet. Add one with `/articles add`."),), ephemeral=True)
    lines = [
        f"`{a.published.isoformat()}` {story_link(a)} · `{neutralise(a.slug)[:80]}`"
        for a in articles
    ]
    chunks = [lines[i : i + ARTICLES_PER_PAGE] for i in range(0, len(lines), ARTICLES_PER_PAGE)]
    shown = "" if total <= len(articles) else f" (the newest {len(articles)} shown)"
    pages = []
    for chunk in chunks:
        embed = discord.Embed(
            title=f"Articles: {total}{shown}",
            description="\n".join(chunk),
            colour=_COLOURS["recap"],
        )
        embed.set_footer(text="Newest first · /articles remove takes one out")
        pages.append(Page(None, (embed,)))
    return Rendered(tuple(pages), ephemeral=True)


def announcement_page(
    article: ArticleSummary, feed_title: str | None = None, *, quotes: int | None = None
) -> Page:
    """A new story from a news feed, as posted in the feed's channel: one embed, no ping."""
    embed = discord.Embed(
        title=_cut(_escape(article.headline), LIMITS.title - 8),
        url=_web_link(article.url),
        colour=_COLOURS["recap"],
    )
    when = f"{article.published:%d %B %Y}"
    source = f" · {_cut(_escape(feed_title), _TITLE)}" if feed_title else ""
    said = f" · {quotes} quote{'' if quotes == 1 else 's'}" if quotes else ""
    embed.description = f"{when}{source}{said}\nAsk about it: `/recap`, `/whosaid`, `/quote`."
    embed.set_footer(text="New story")
    return Page(None, (embed,))
