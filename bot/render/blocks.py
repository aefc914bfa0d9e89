"""Blocks: the layout shared by embeds and text (title, marked-up body, citation, link).

A quote, a reported statement, a lap event or a fact becomes a block the same way whichever
output shows it; the statement's who and how, and its paragraph citation, are written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answers import ApologyAnswer, group_statements
from bot.models import ArticleSummary, Fact, LapEvent, Quote, ReportedStatement, Source
from bot.render.text import _FOOTER, _MAX_URL, _cut, _escape


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
