"""Draft annotation files: the extractor's guesses written out for a moderator to review."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path

from bot.ingest.attribute import extract_quotes
from bot.ingest.facts import find_race
from bot.ingest.laps import extract_lap_events
from bot.ingest.parse import parse_article
from bot.ingest.people import (
    NATIONALITY_NOUNS,
    Appositive,
    discover_people,
    find_appositives,
)
from bot.ingest.text import find_segments, mask_quotes

__all__ = ["draft_annotation", "toml_string"]

log = logging.getLogger(__name__)

_CANDIDATE = re.compile(
    r"\b[Tt]he\s+(?:\d{1,2}-year-old\b"
    r"|(?:[\w-]+\s+){0,2}(?:star|driver|young gun|youngster|veteran|rookie|champion|boss)\b"
    rf"|(?:{NATIONALITY_NOUNS})\b)"
)


def toml_string(value: str) -> str:
    """Quote ``value`` as a TOML basic string, escaping what TOML forbids raw."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or 0x200B <= code <= 0x200F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _starts(text: str, words: int = 7) -> str:
    return " ".join(text.split()[:words])


def _alias_candidates(paragraphs: Iterable[str], known: set[str]) -> list[str]:
    found: list[str] = []
    for paragraph in paragraphs:
        masked = mask_quotes(paragraph, find_segments(paragraph))
        for m in _CANDIDATE.finditer(masked):
            phrase = "the " + m.group(0).split(None, 1)[1]
            if phrase.casefold() not in known and phrase not in found:
                found.append(phrase)
    return found


def _person_lines(name: str, apps: list[Appositive]) -> list[str]:
    lines = ["[[people]]", f"name = {toml_string(name)}"]
    role = next((a for a in apps if a.role), None)
    team = next((a for a in apps if a.team), None)
    if role is not None:
        lines.append(
            f"role = {toml_string(role.role or '')}  # guessed from paragraph {role.paragraph}"
        )
    else:
        lines.append('# role = ""')
    if team is not None:
        lines.append(
            f"team = {toml_string(team.team or '')}  # guessed from paragraph {team.paragraph}"
        )
    else:
        lines.append('# team = ""')
    aliases = list(dict.fromkeys(a.descriptor for a in apps if a.before_name and a.role))
    lines.append("aliases = [" + ", ".join(toml_string(a) for a in aliases) + "]")
    lines.append('# pronoun = "he"  # he, she or they: helps resolve "he said"')
    return lines


def draft_annotation(path: Path) -> str:
    """Return a TOML draft of ``path``'s annotation: people, quotes and laps as guessed.

    The draft is valid as it stands: guesses that need no correction are commented out,
    so a moderator only edits what is wrong.
    """
    parsed = parse_article(path)
    index = discover_people(parsed.paragraphs, headline=parsed.headline, learn_aliases=False)
    appositives = find_appositives(parsed.paragraphs, index)
    quotes = extract_quotes(parsed.paragraphs, index)
    events = extract_lap_events(parsed.paragraphs, index)

    out = [
        f"# Draft annotation for {path.name}: every value below is a guess. Review it,",
        "# correct what is wrong, delete what is not needed, then save as " + f"{path.stem}.toml.",
        "",
        "[defaults]",
        '# spoken_setting = "remarks after the race"  # setting of plain "said" quotes',
        "",
    ]
    known = {a.descriptor.casefold() for a in appositives}
    candidates = _alias_candidates(parsed.paragraphs, known)
    if candidates:
        out.append("# Alias candidates the text uses without a name; add each to the right person:")
        out.extend(f"#   {toml_string(c)}" for c in candidates)
        out.append("")
    for person in index.people:
        out.extend(_person_lines(person.name, [a for a in appositives if a.person == person.name]))
        out.append("")

    out.append("# Quotes as attributed by the extractor. Uncomment an entry only to correct it.")
    for quote in quotes:
        if quote.part != 0:
            continue
        verdict = quote.speaker or "NO SPEAKER FOUND: name one only if the text makes it clear"
        out.append(f"# [[quotes]]  # paragraph {quote.paragraph}, {quote.kind}: {verdict}")
        out.append(f"# starts = {toml_string(_starts(quote.text))}")
        speaker = toml_string(quote.speaker) if quote.speaker else '""'
        out.append(f"# speaker = {speaker}")
        out.append(f"# setting = {toml_string(quote.setting)}")
        out.append("")

    for event in events:
        out.append("[[events]]")
        out.append(f"lap = {event.lap}")
        out.append(f"what = {toml_string(event.description)}")
        out.append("who = [" + ", ".join(toml_string(w) for w in event.who) + "]")
        out.append('# outcome = ""')
        out.append(f"evidence = {toml_string(_starts(event.description, 10))}")
        out.append("")

    out.append("[facts]")
    if events:
        out.append(
            f'lap = {{ value = "{events[0].lap}", evidence = '
            f"{toml_string(_starts(events[0].description, 10))} }}"
        )
    race = find_race(parsed.paragraphs, parsed.headline)
    if race is not None:
        out.append(
            f"race = {{ value = {toml_string(race.value)}, evidence = {toml_string(race.value)} }}"
        )
    else:
        out.append('# race = { value = "", evidence = "" }')
    out.append('# outcome = ""')
    out.append("")
    out.append("# [[notes]]")
    out.append('# about = "race"')
    out.append('# text = "where the article is loose with a fact, say what is right"')
    log.debug("drafted annotation for %s", path.name)
    return "\n".join(out) + "\n"
