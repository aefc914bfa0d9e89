"""Explain an article's attributions: each quote, its speaker, and the cue that found it.

``pitwall ingest --explain PATH`` prints this so a moderator can review a new article in a
minute: nothing is hidden, a quote without a speaker is listed as unattributed with the
reason (no cue at all, or a cue naming nobody the article identifies).
"""

from __future__ import annotations

from bot.models import Article, Quote

__all__ = ["attributed_by", "explain_article"]

_SHOWN = 70  # characters of each quote shown


def attributed_by(quote: Quote) -> str:
    """One line saying how the speaker was found: the cue and the paragraph it stands in."""
    if quote.cue is None:
        return "no cue: nothing in the text says who spoke"
    where = f" (paragraph {quote.cue_paragraph})" if quote.cue_paragraph is not None else ""
    return f"{quote.cue}{where}"


def _shown(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"


def explain_article(article: Article) -> str:
    """Every quote of the article in order, with speaker (or "unattributed") and reason."""
    named = sum(1 for q in article.quotes if q.speaker)
    lines = [
        f"{article.slug}: {len(article.quotes)} quotes, {named} attributed, "
        f"{len(article.quotes) - named} unattributed"
    ]
    for q in article.quotes:
        who = q.speaker or "unattributed"
        if q.label:
            who = f"{who} [{q.label}]"
        lines.append(f'  ¶{q.paragraph:<3} {who}: "{_shown(q.text)}" ({q.kind})')
        lines.append(f"         by {attributed_by(q)}")
    return "\n".join(lines)
