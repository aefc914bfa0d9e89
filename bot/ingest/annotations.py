"""Annotation files: what a moderator adds that the article text cannot tell, checked strictly.

The schema is documented in ANNOTATIONS.md beside this module. Every schema error names the
key and, where it can be found in the file, its line.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import IngestError
from bot.ingest.laps import MAX_LAP
from bot.models import Note

__all__ = [
    "Annotations",
    "EventNote",
    "FactNote",
    "PersonNote",
    "QuoteOverride",
    "ReportedNote",
    "annotation_path",
    "load_annotations",
]

#: Annotations hold only what the text cannot tell: far smaller than the article itself.
MAX_ANNOTATION_BYTES = 256_000

log = logging.getLogger(__name__)

PRONOUNS = frozenset({"he", "she", "they"})


@dataclass(frozen=True, slots=True)
class PersonNote:
    """A person as the moderator describes them; authoritative over anything guessed."""

    name: str
    role: str | None = None
    team: str | None = None
    aliases: tuple[str, ...] = ()
    pronoun: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class QuoteOverride:
    """A correction for the statement whose quote starts with ``starts``."""

    starts: str
    speaker: str | None = None
    setting: str | None = None
    unattributed: bool = False
    line: int | None = None


@dataclass(frozen=True, slots=True)
class EventNote:
    """What happened on a lap, in the moderator's words; ``evidence`` finds the paragraph."""

    lap: int
    what: str
    who: tuple[str, ...] = ()
    outcome: str | None = None
    evidence: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class FactNote:
    """A key fact; ``evidence`` (or the value itself) locates its paragraph."""

    key: str
    value: str
    evidence: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ReportedNote:
    """Paraphrase the extractor missed."""

    speaker: str
    text: str
    evidence: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Annotations:
    """Everything one annotation file says, validated."""

    path: Path
    raw: bytes
    people: tuple[PersonNote, ...] = ()
    spoken_setting: str | None = None
    quotes: tuple[QuoteOverride, ...] = ()
    events: tuple[EventNote, ...] = ()
    facts: tuple[FactNote, ...] = ()
    notes: tuple[Note, ...] = ()
    reported: tuple[ReportedNote, ...] = ()

    def line_of(self, section: str, index: int | None = None, key: str | None = None) -> int | None:
        """Find the line of a section's key in the file text, for error messages."""
        return _find_line(self.raw.decode("utf-8", "replace"), section, index, key)


_TOP = {"people", "defaults", "quotes", "events", "facts", "notes", "reported"}
_KEYS = {
    "people": {"name", "role", "team", "aliases", "pronoun"},
    "defaults": {"spoken_setting"},
    "quotes": {"starts", "speaker", "setting", "unattributed"},
    "events": {"lap", "what", "who", "outcome", "evidence"},
    "notes": {"about", "text"},
    "reported": {"speaker", "text", "evidence"},
}
_FACT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def annotation_path(article: Path) -> Path:
    """The annotation file that belongs to an article: same folder, same stem, ``.toml``."""
    return article.with_suffix(".toml")


def _find_line(text: str, section: str, index: int | None, key: str | None) -> int | None:
    lines = text.split("\n")
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(section)}\s*\]\]?\s*(#.*)?$")
    headers = [i for i, line in enumerate(lines) if header.match(line)]
    any_header = re.compile(r"^\s*\[")
    if headers:
        at = headers[min(index or 0, len(headers) - 1)]
        if key is None:
            return at + 1
        key_line = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for i in range(at + 1, len(lines)):
            if any_header.match(lines[i]):
                break
            if key_line.match(lines[i]):
                return i + 1
        return at + 1
    # Inline tables or dotted keys: fall back to the first line naming the key.
    needle = re.compile(rf"\b{re.escape(key or section)}\b")
    for i, line in enumerate(lines):
        if needle.search(line):
            return i + 1
    return None


class _Checker:
    """Validate the decoded TOML, raising IngestError at the first problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, message: str, section: str, index: int | None = None, key: str | None = None):
        raise IngestError(self.path, _find_line(self.text, section, index, key), message)

    def table(self, value: Any, section: str, index: int | None = None) -> dict[str, Any]:
        where = f"[[{section}]] entry {index + 1}" if index is not None else f"[{section}]"
        if not isinstance(value, dict):
            self.fail(f"{where} must be a table", section, index)
        unknown = sorted(set(value) - _KEYS[section]) if section in _KEYS else []
        if unknown:
            allowed = ", ".join(sorted(_KEYS[section]))
            self.fail(
                f"unknown key {unknown[0]!r} in {where} (allowed: {allowed})",
                section,
                index,
                unknown[0],
            )
        return value

    def array(self, doc: dict[str, Any], section: str) -> list[dict[str, Any]]:
        value = doc.get(section, [])
        if not isinstance(value, list):
            self.fail(f"{section!r} must be written as [[{section}]] entries", section)
        return [self.table(item, section, i) for i, item in enumerate(value)]

    def string(
        self, table: dict[str, Any], key: str, section: str, index: int | None, *, required: bool
    ) -> str | None:
        if key not in table:
            if required:
                where = f"[[{section}]] entry {index + 1}" if index is not None else section
                self.fail(f"{where} needs {key!r}", section, index)
            return None
        value = table[key]
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(f"{section}.{key} must be a non-empty string", section, index, key)
        return value.strip()

    def strings(self, table: dict[str, Any], key: str, section: str, index: int) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{section}.{key} must be a list of strings", section, index, key)
        return tuple(v.strip() for v in value)


def _parse_people(check: _Checker, doc: dict[str, Any]) -> tuple[PersonNote, ...]:
    people: list[PersonNote] = []
    seen: set[str] = set()
    for i, table in enumerate(check.array(doc, "people")):
        name = check.string(table, "name", "people", i, required=True)
        assert name is not None
        if name.casefold() in seen:
            check.fail(f"people.name {name!r} is listed twice", "people", i, "name")
        seen.add(name.casefold())
        pronoun = check.string(table, "pronoun", "people", i, required=False)
        if pronoun is not None and pronoun.lower() not in PRONOUNS:
            check.fail("people.pronoun must be one of he, she, they", "people", i, "pronoun")
        people.append(
            PersonNote(
                name=name,
                role=check.string(table, "role", "people", i, required=False) or None,
                team=check.string(table, "team", "people", i, required=False) or None,
                aliases=check.strings(table, "aliases", "people", i),
                pronoun=pronoun.lower() if pronoun else None,
                line=_find_line(check.text, "people", i, None),
            )
        )
    return tuple(people)


def _name_in(people: tuple[PersonNote, ...], value: str) -> str | None:
    """Resolve a name or alias the annotation uses to a listed person's full name."""
    wanted = re.sub(r"^the\s+", "", value.strip(), flags=re.IGNORECASE).casefold()
    for person in people:
        names = [person.name, *person.aliases, person.name.split()[-1]]
        if any(re.sub(r"^the\s+", "", n, flags=re.I).casefold() == wanted for n in names):
            return person.name
    return None


def _person(
    check: _Checker, people: tuple[PersonNote, ...], value: str, section: str, i: int, key: str
) -> str:
    name = _name_in(people, value)
    if name is None:
        check.fail(
            f"{section}.{key} names {value!r}, who is not listed in [[people]]", section, i, key
        )
    assert name is not None
    return name


def _parse_quotes(
    check: _Checker, doc: dict[str, Any], people: tuple[PersonNote, ...]
) -> tuple[QuoteOverride, ...]:
    out: list[QuoteOverride] = []
    for i, table in enumerate(check.array(doc, "quotes")):
        starts = check.string(table, "starts", "quotes", i, required=True)
        speaker = check.string(table, "speaker", "quotes", i, required=False)
        setting = check.string(table, "setting", "quotes", i, required=False)
        unattributed = table.get("unattributed", False)
        if not isinstance(unattributed, bool):
            check.fail("quotes.unattributed must be true or false", "quotes", i, "unattributed")
        if speaker is not None:
            speaker = _person(check, people, speaker, "quotes", i, "speaker")
        if speaker is None and setting is None and not unattributed:
            check.fail(
                "a [[quotes]] override needs speaker, setting or unattributed = true", "quotes", i
            )
        if speaker is not None and unattributed:
            check.fail("quotes.unattributed contradicts quotes.speaker", "quotes", i, "speaker")
        assert starts is not None
        out.append(
            QuoteOverride(
                starts,
                speaker,
                setting,
                unattributed,
                _find_line(check.text, "quotes", i, "starts"),
            )
        )
    return tuple(out)


def _parse_events(
    check: _Checker, doc: dict[str, Any], people: tuple[PersonNote, ...]
) -> tuple[EventNote, ...]:
    out: list[EventNote] = []
    for i, table in enumerate(check.array(doc, "events")):
        lap = table.get("lap")
        if isinstance(lap, bool) or not isinstance(lap, int) or not 1 <= lap <= MAX_LAP:
            check.fail(f"events.lap must be a whole number from 1 to {MAX_LAP}", "events", i, "lap")
        what = check.string(table, "what", "events", i, required=True)
        who = tuple(
            _person(check, people, w, "events", i, "who")
            for w in check.strings(table, "who", "events", i)
        )
        assert what is not None
        out.append(
            EventNote(
                lap=lap,
                what=what,
                who=who,
                outcome=check.string(table, "outcome", "events", i, required=False),
                evidence=check.string(table, "evidence", "events", i, required=False),
                line=_find_line(
                    check.text, "events", i, "evidence" if "evidence" in table else "lap"
                ),
            )
        )
    return tuple(out)


def _parse_facts(check: _Checker, doc: dict[str, Any]) -> tuple[FactNote, ...]:
    raw = doc.get("facts", {})
    if not isinstance(raw, dict):
        check.fail("facts must be a [facts] table", "facts")
    out: list[FactNote] = []
    for key, value in raw.items():
        line = _find_line(check.text, "facts", None, key)
        if not _FACT_KEY.match(key):
            check.fail(f"facts key {key!r} must be lower_case_with_underscores", "facts", None, key)
        evidence: str | None = None
        if isinstance(value, dict):
            unknown = sorted(set(value) - {"value", "evidence"})
            if unknown:
                check.fail(
                    f"unknown key {unknown[0]!r} in facts.{key} (allowed: value, evidence)",
                    "facts",
                    None,
                    key,
                )
            evidence = value.get("evidence")
            if evidence is not None and (not isinstance(evidence, str) or not evidence.strip()):
                check.fail(f"facts.{key}.evidence must be a non-empty string", "facts", None, key)
            value = value.get("value")
        if isinstance(value, bool) or not isinstance(value, str | int) or not str(value).strip():
            check.fail(
                f"facts.{key} must be a string, or {{value = ..., evidence = ...}}",
                "facts",
                None,
                key,
            )
        if key == "lap" and isinstance(value, int) and not 1 <= value <= MAX_LAP:
            check.fail(f"facts.lap must be from 1 to {MAX_LAP}", "facts", None, key)
        out.append(FactNote(key, str(value).strip(), evidence.strip() if evidence else None, line))
    return tuple(out)


def _parse_reported(
    check: _Checker, doc: dict[str, Any], people: tuple[PersonNote, ...]
) -> tuple[ReportedNote, ...]:
    out: list[ReportedNote] = []
    for i, table in enumerate(check.array(doc, "reported")):
        speaker = check.string(table, "speaker", "reported", i, required=True)
        text = check.string(table, "text", "reported", i, required=True)
        assert speaker is not None and text is not None
        out.append(
            ReportedNote(
                _person(check, people, speaker, "reported", i, "speaker"),
                text,
                check.string(table, "evidence", "reported", i, required=False),
                _find_line(
                    check.text, "reported", i, "evidence" if "evidence" in table else "text"
                ),
            )
        )
    return tuple(out)


def parse_annotations(path: Path, raw: bytes) -> Annotations:
    """Decode and validate annotation bytes (split out so drafts can be checked in memory)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise IngestError(path, line, "annotation file is not UTF-8 text") from None
    try:
        doc = tomllib.loads(text)
    except RecursionError:
        # tomllib recurses per nesting level: absurd nesting is malformed, not a crash.
        raise IngestError(path, None, "invalid TOML: nested too deeply") from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            m = re.search(r"line (\d+)", str(exc))
            line = int(m.group(1)) if m else None
        message = getattr(exc, "msg", None) or re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise IngestError(path, line, f"invalid TOML: {message}") from None
    check = _Checker(path, text)
    unknown = sorted(set(doc) - _TOP)
    if unknown:
        allowed = ", ".join(sorted(_TOP))
        check.fail(f"unknown top-level key {unknown[0]!r} (allowed: {allowed})", unknown[0])
    defaults = check.table(doc.get("defaults", {}), "defaults")
    people = _parse_people(check, doc)
    notes = tuple(
        Note(
            about=check.string(t, "about", "notes", i, required=True) or "",
            text=check.string(t, "text", "notes", i, required=True) or "",
        )
        for i, t in enumerate(check.array(doc, "notes"))
    )
    return Annotations(
        path=path,
        raw=raw,
        people=people,
        spoken_setting=check.string(defaults, "spoken_setting", "defaults", None, required=False),
        quotes=_parse_quotes(check, doc, people),
        events=_parse_events(check, doc, people),
        facts=_parse_facts(check, doc),
        notes=notes,
        reported=_parse_reported(check, doc, people),
    )


def load_annotations(path: Path) -> Annotations | None:
    """Load an annotation file; None when there is none.

    ``path`` is the ``.toml`` file or the article it belongs to (``<slug>.txt``).
    """
    if path.suffix != ".toml":
        path = annotation_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ANNOTATION_BYTES:
            raise IngestError(
                path,
                None,
                f"annotation file is too large ({size:,} bytes; the limit is "
                f"{MAX_ANNOTATION_BYTES:,}): it should hold only what the article cannot tell",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IngestError(path, None, f"cannot read the annotation file: {exc.strerror}") from None
    annotations = parse_annotations(path, raw)
    log.debug("loaded annotations %s: %d people", path.name, len(annotations.people))
    return annotations
