"""Each kind of answer laid out as a header and blocks: the one layout both outputs share.

Discord's pages (pages.py) and the offline ``ask``'s text read the same layout, so the two
never differ in what they say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

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
from bot.models import Fact, LapEvent, Person
from bot.render.blocks import (
    _apology_blocks,
    _Block,
    _event_lines,
    _fact_line,
    _organisation_voice,
    _reported_block,
    _source_url,
    _speaker,
    _statement_block,
    _Style,
    cite,
)


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
