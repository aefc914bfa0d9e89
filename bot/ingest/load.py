"""Files to stored articles: build each one fully, then hand the good ones to the store."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple, Protocol

from bot.errors import IngestError
from bot.ingest.annotations import Annotations, annotation_path, load_annotations
from bot.ingest.attribute import Defaults, extract_speech
from bot.ingest.cars import car_numbers, with_car_numbers
from bot.ingest.evidence import evidence_paragraph, normal
from bot.ingest.facts import derive_facts
from bot.ingest.laps import extract_lap_events
from bot.ingest.parse import ParsedText, parse_article
from bot.ingest.people import (
    ROLE_NOUN,
    Appositive,
    PeopleIndex,
    PersonEntry,
    discover_people,
    find_appositives,
)
from bot.ingest.pool import iter_in_processes
from bot.models import Article, LapEvent, Person, Quote, ReportedStatement

__all__ = [
    "ArticleStore",
    "IngestReport",
    "build_article",
    "content_hash",
    "discover",
    "ingest",
]

log = logging.getLogger(__name__)


class ArticleStore(Protocol):
    """The one store call ingestion needs (``bot.store.Store`` provides it)."""

    async def replace_articles(self, articles: Sequence[Article]) -> list[bool]: ...


@dataclass
class IngestReport:
    """What one ingest run did: slugs stored, slugs already up to date, files refused."""

    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def content_hash(article_bytes: bytes, annotation_bytes: bytes | None) -> str:
    """Hash the article and its annotation together, so editing either re-ingests, and the
    code that reads them (``reader_digest``), so an upgraded Pitwall reads again what an older
    one stored: the next ``ingest`` stores its better speakers and paragraphs instead of
    calling the old rows unchanged."""
    digest = hashlib.sha256()
    digest.update(reader_digest())
    digest.update(len(article_bytes).to_bytes(8, "big"))
    digest.update(article_bytes)
    if annotation_bytes is not None:
        digest.update(annotation_bytes)
    return digest.hexdigest()


@functools.cache
def reader_digest() -> bytes:
    """A digest of the code that turns a file into an article (this package and the
    records it builds), read once a process. Every article is built in full on each ingest
    anyway; only the store's write of the unchanged ones is skipped, so what an upgrade
    costs is one write of each article on its next ingest."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), root.parent / "models.py"]):
        digest.update(path.relative_to(root.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _people_index(parsed: ParsedText, notes: Annotations | None) -> PeopleIndex:
    known = [
        PersonEntry(p.name, p.role, p.team, p.aliases, p.pronoun)
        for p in (notes.people if notes else ())
    ]
    return discover_people(parsed.paragraphs, known, headline=parsed.headline)


def _apply_overrides(quotes: list[Quote], notes: Annotations) -> list[Quote]:
    changes: dict[int, dict[str, object]] = {}
    for override in notes.quotes:
        wanted = normal(override.starts)
        hit = next((q for q in quotes if normal(q.text).startswith(wanted)), None)
        if hit is None:
            raise IngestError(
                notes.path,
                override.line,
                f"no quote in the article starts with {override.starts!r}",
            )
        change = changes.setdefault(hit.statement, {})
        if override.unattributed:
            change["speaker"] = None
        if override.speaker is not None:
            change["speaker"] = override.speaker
        if override.setting is not None:
            change["setting"] = override.setting
    return [replace(q, **changes[q.statement]) if q.statement in changes else q for q in quotes]  # type: ignore[arg-type]


def _events(parsed: ParsedText, index: PeopleIndex, notes: Annotations | None) -> list[LapEvent]:
    found = extract_lap_events(parsed.paragraphs, index)
    if notes is None or not notes.events:
        return found
    annotated: list[LapEvent] = []
    for note in notes.events:
        if note.evidence:
            paragraph: int | None = evidence_paragraph(
                parsed.paragraphs, note.evidence, notes.path, note.line
            )
        else:
            paragraph = next((e.paragraph for e in found if e.lap == note.lap), None)
        annotated.append(LapEvent(note.lap, note.what, note.who, note.outcome, paragraph))
    laps = {e.lap for e in annotated}
    merged = annotated + [e for e in found if e.lap not in laps]
    return sorted(merged, key=lambda e: (e.lap, e.paragraph or 0))


def _reported(
    parsed: ParsedText, found: list[ReportedStatement], notes: Annotations | None
) -> list[ReportedStatement]:
    reported = list(found)
    if notes is None:
        return reported
    for note in notes.reported:
        phrase = note.evidence or note.text
        paragraph = evidence_paragraph(parsed.paragraphs, phrase, notes.path, note.line)
        reported.append(ReportedStatement(note.speaker, note.text, paragraph))
    return sorted(reported, key=lambda r: r.paragraph)


#: Descriptors that relate a person to someone else rather than say what they do.
_RELATIONAL_ROLES = frozenset({"team-mate", "teammate", "rival", "friend"})


def _bare_role(epithet: str) -> bool:
    """Whether an epithet is "the" and role words alone ("the team owner", "the driver")."""
    words = epithet.split()
    return (
        len(words) > 1
        and words[0].casefold() == "the"
        and all(ROLE_NOUN.match(w) or w.casefold() in ("team", "race", "crew") for w in words[1:])
    )


def _with_described_roles(
    parsed: ParsedText,
    index: PeopleIndex,
    epithets: dict[str, str],
    appositives: Sequence[Appositive] | None = None,
) -> tuple[Person, ...]:
    """People with role and team; where the annotation gives neither, the article's own
    descriptor ("Ferrari boss Fred Vasseur", "Russell, a driver racing for Williams") does.
    Epithets the text used for them as speakers ("the Mexican told reporters") join their
    aliases, so /who and /quote find them by it too.
    """
    described: dict[str, tuple[str | None, str | None]] = {}
    if appositives is None:
        appositives = find_appositives(parsed.paragraphs, index)
    for found in appositives:
        if found.role and found.role.split()[-1].casefold() not in _RELATIONAL_ROLES:
            described.setdefault(found.person, (found.role, found.team))
    people = []
    for p in index.people:
        role, team = p.role, p.team
        if role is None and team is None:
            role, team = described.get(p.name, (None, None))
        known = {a.casefold() for a in p.aliases}
        mine = [e for e, name in epithets.items() if name == p.name]
        # "the team owner": a role any story's person may have, never this one's alias (a
        # fan's "what did the team owner say" would name this person across the store).
        roles = [e for e in mine if _bare_role(e)]
        if role is None and team is None and roles:
            role = roles[0].split(maxsplit=1)[1]
        learned = [e for e in mine if e.casefold() not in known and not _bare_role(e)]
        people.append(Person(p.name, role, team, (*p.aliases, *sorted(learned))))
    return tuple(people)


def build_article(path: Path) -> Article:
    """Parse an article and its annotation into a complete ``Article``, or raise IngestError."""
    parsed = parse_article(path)
    notes = load_annotations(annotation_path(path))
    index = _people_index(parsed, notes)
    defaults = Defaults(
        notes.spoken_setting if notes else None, writer=parsed.author, headline=parsed.headline
    )
    appositives = find_appositives(parsed.paragraphs, index)
    speech = extract_speech(parsed.paragraphs, index, defaults, parsed.published, appositives)
    quotes, found_reported = speech.quotes, speech.reported
    if notes is not None:
        quotes = _apply_overrides(quotes, notes)
    events = _events(parsed, index, notes)
    people = _with_described_roles(parsed, index, speech.epithets, appositives)
    # A speaker the article calls only by a nickname the register knows ("Checo").
    people += tuple(Person(name, aliases=(nick,)) for name, nick in speech.nicknamed.items())
    # The car number the article ties to each driver ("No. 45"), for "who drove the 45".
    people = with_car_numbers(people, car_numbers(parsed.paragraphs, index))
    article = Article(
        slug=parsed.slug,
        published=parsed.published,
        headline=parsed.headline,
        paragraphs=parsed.paragraphs,
        content_hash=content_hash(parsed.raw, notes.raw if notes else None),
        source_path=str(path),
        people=people,
        quotes=tuple(quotes),
        reported=tuple(_reported(parsed, found_reported, notes)),
        events=tuple(events),
        facts=tuple(derive_facts(parsed, events, notes, people)),
        notes=notes.notes if notes else (),
        url=parsed.url,
    )
    log.info(
        "built %s: %d people, %d quotes, %d reported, %d lap events",
        article.slug,
        len(article.people),
        len(article.quotes),
        len(article.reported),
        len(article.events),
    )
    return article


def discover(paths: Sequence[Path] | None, articles_dir: Path) -> list[Path]:
    """Expand the command line into article files: none means every ``*.txt`` in the folder."""
    if not paths:
        if not articles_dir.is_dir():
            raise IngestError(articles_dir, None, "articles folder does not exist")
        return sorted(articles_dir.glob("*.txt"))
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.glob("*.txt")))
        elif not path.exists():
            raise IngestError(path, None, "no such file or folder")
        elif path.suffix == ".toml":
            raise IngestError(path, None, "this is an annotation; ingest its .txt article")
        else:
            found.append(path)
    return list(dict.fromkeys(found))


#: From this many files on, articles are built in worker processes, one per core: building is
#: CPU-bound Python, and for fewer files starting the workers costs more than it saves.
PARALLEL_FROM = 200
#: Files per task handed to a worker: big enough that sending them costs little.
CHUNK = 50
#: Articles stored per transaction (see ``Store.replace_articles``). Each batch also indexes
#: its articles and updates its people's cards once: 500 a batch instead of 100 took an eighth
#: off the main process's CPU an article (bench.ingest at 10,000). Only bulk loads (the CLI,
#: the benches) come here; a running bot's new articles go through intake, one at a time.
WRITE_BATCH = 500


class _Failure(NamedTuple):
    """An IngestError as a worker sends it back (the exception itself does not pickle)."""

    path: str
    line: int | None
    message: str


def _build_one(path: Path) -> Article | IngestError:
    try:
        return build_article(path)
    except IngestError as exc:
        log.warning("not ingested: %s", exc)
        return exc
    except Exception as exc:  # a bug must not hide the other files' results
        log.exception("unexpected failure building %s", path)
        return IngestError(path, None, f"internal error: {exc!r}")


def _build_chunk(paths: Sequence[Path]) -> list[Article | _Failure]:
    """Build some articles in a worker process."""
    out: list[Article | _Failure] = []
    for path in paths:
        built = _build_one(path)
        out.append(
            _Failure(str(built.path), built.line, built.message)
            if isinstance(built, IngestError)
            else built
        )
    return out


class _Collector:
    """Take build outcomes in path order: the articles to store, and the files refused.

    A file that failed to build is refused; so is one whose slug an earlier file took.
    """

    def __init__(self, report: IngestReport) -> None:
        self._report = report
        self._slugs: dict[str, Path] = {}

    def take(self, path: Path, built: Article | IngestError) -> Article | None:
        if isinstance(built, IngestError):
            self._report.failed.append(built)
            return None
        if built.slug in self._slugs:
            self._report.failed.append(
                IngestError(
                    path, None, f"slug {built.slug!r} is also used by {self._slugs[built.slug]}"
                )
            )
            return None
        self._slugs[built.slug] = path
        return built


def _built_chunks(
    paths: Sequence[Path], parallel: bool
) -> Generator[list[Article | IngestError], None, None]:
    """Build the files in order, a chunk at a time (all at once without worker processes)."""
    if not parallel:
        yield [_build_one(path) for path in paths]
        return
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    workers = min(os.cpu_count() or 1, len(chunks))
    for chunk in iter_in_processes(_build_chunk, chunks, workers):
        yield [
            IngestError(built.path, built.line, built.message)
            if isinstance(built, _Failure)
            else built
            for built in chunk
        ]


async def ingest(store: ArticleStore, paths: Sequence[Path]) -> IngestReport:
    """Build every article, and store the good ones; a bad file loads nothing.

    With worker processes, what they have built is stored while they build the rest: the
    store's writing and the building overlap instead of taking turns.
    """
    paths = list(paths)
    parallel = len(paths) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    report = IngestReport()
    collector = _Collector(report)
    batch: list[Article] = []

    async def write(articles: list[Article]) -> None:
        for article, stored in zip(articles, await store.replace_articles(articles), strict=True):
            if stored:
                report.loaded.append(article.slug)
            else:
                report.unchanged.append(article.slug)

    chunks = _built_chunks(paths, parallel)
    done = 0
    try:
        while (chunk := await asyncio.to_thread(next, chunks, None)) is not None:
            for path, built in zip(paths[done : done + len(chunk)], chunk, strict=True):
                article = collector.take(path, built)
                if article is not None:
                    batch.append(article)
                if len(batch) == WRITE_BATCH:
                    await write(batch)
                    batch = []
            done += len(chunk)
        if batch:
            await write(batch)
    finally:
        # Stop the workers if storing failed before they finished. After a cancellation the
        # generator may still be running in its thread: it then finishes, and closes, alone.
        with contextlib.suppress(ValueError):
            await asyncio.to_thread(chunks.close)
    log.info(
        "ingest: %d loaded, %d unchanged, %d failed",
        len(report.loaded),
        len(report.unchanged),
        len(report.failed),
    )
    return report
