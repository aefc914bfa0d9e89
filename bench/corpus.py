"""A generated article corpus for the benchmarks: realistic text, reproducible from a seed.

The articles are written in Pitwall's article format (``date YYYY-MM-DD headline``, then
paragraphs) and read the way race reports do: several people per story, named in full first
and by surname after, quotes attributed every way the ingester understands (``"...," X
said.``, ``X said: "..."``, ``he added``, ``according to``, ``told reporters``, a quote that
runs over paragraphs, a partial quote in reported speech), lap mentions, a race name and the
odd apology. Nothing here is committed: the benchmarks write it into a temporary folder, so
the store they measure is built by the real ingester from text, exactly as in production.

About ten quote parts per article, so 10,000 articles make about 100,000 stored quotes.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["Corpus", "QuoteSample", "generate", "generated"]

#: Written beside the articles: what ``generated`` reads back instead of writing them again.
MANIFEST = "corpus.json"


def _words(text: str) -> list[str]:
    """Read a whitespace-separated word list (long lists stay readable as prose)."""
    return text.split()


_FIRST = _words("""
Lewis George Max Charles Lando Oscar Carlos Fernando Sergio Valtteri Pierre Esteban Daniel
Kevin Nico Yuki Alexander Logan Zhou Guanyu Oliver Franco Liam Kimi Sebastian Mick Nikita
Antonio Romain Marcus Felipe Jenson Mark Rubens Juan Jarno Heikki Kamui Adrian Vitaly Timo
Paul Jean Jacques Robert Christian Toto Fred Andrea Zak Mattia Guenther Otmar Laurent Mike
Jonathan Claire Susie Tatiana Jamie Bianca Abbi Lilou Hannah Frederik Gabriel Isack Jack
Theo Victor Arvid Dennis Zane Ayumu Enzo Ollie Pato Richard Dino Jos Mika Gerhard Helmut
""")
_SURNAMES = _words("""
Hamilton Russell Verstappen Leclerc Norris Piastri Sainz Alonso Perez Bottas Gasly Ocon
Ricciardo Magnussen Hulkenberg Tsunoda Albon Sargeant Bearman Colapinto Lawson Raikkonen
Vettel Schumacher Mazepin Giovinazzi Grosjean Ericsson Massa Button Webber Barrichello
Montoya Trulli Kovalainen Kobayashi Sutil Petrov Glock Resta Vergne Villeneuve Kubica
Horner Wolff Vasseur Stella Brown Binotto Steiner Szafnauer Mekies Marko Wheatley Kravitz
Rowlands Chadwick Frijns Bortoleto Hadjar Doohan Antonelli Pourchaire Martins Hauger
Fittipaldi Iwasa Drugovich Vesti Crawford Stanek Maloney Leonard Kolb Tramnitz Mansell
Prost Senna Lauda Hakkinen Coulthard Berger Alesi Irvine Frentzen Herbert Brundle Hill
Fisichella Wurz Salo Panis Zonta Liuzzi Speed Bourdais Buemi Alguersuari Maldonado
Chilton Bianchi Stevens Merhi Nasr Haryanto Wehrlein Palmer Kvyat Hartley Sirotkin
""")
# Teams and races the ingester knows are not people (see _STOP in bot/ingest/people/lexicon.py).
_TEAMS = ["Mercedes", "Ferrari", "McLaren", "Alpine", "Renault", "Haas", "Sauber",
          "Red Bull", "AlphaTauri", "Honda", "Audi", "Cadillac"]  # fmt: skip
_RACES = ["Italian", "British", "Hungarian", "Belgian", "Austrian", "Spanish", "Japanese",
          "Canadian", "Brazilian", "Mexican", "Australian", "Dutch", "French", "German",
          "Portuguese", "Monaco", "Bahrain", "Singapore", "Azerbaijan", "Chinese"]  # fmt: skip
_ROLES = ["team principal", "technical director", "sporting director", "chief executive",
          "race engineer", "team boss"]  # fmt: skip

# Sentence fragments speakers are quoted saying; {slots} are filled per quote.
_SAYINGS = [
    "We had the pace in the {ord} stint but the {part} let us down",
    "I was pushing hard into turn {turn} and the rear just stepped out on me",
    "The guys in the garage did a fantastic job with the strategy today",
    "It is frustrating because we lost {tenths} tenths in the {sector} sector alone",
    "Honestly I don't think he left me enough room on the exit of turn {turn}",
    "We will look at the data tonight and come back stronger in {place}",
    "There was nothing I could do when he moved under braking",
    "The car felt {feel} all weekend and that gives us a lot of confidence",
    "We gambled on the {compound} tyres and it simply did not pay off",
    "I think we maximised what we had, {pos} was the best we could do",
    "The balance was all over the place once the wind picked up",
    "You have to give credit to {team}, they were just quicker than us",
    "The safety car came at the worst possible moment for our strategy",
    "My engineer told me to save fuel and I lost touch with the cars ahead",
    "I saw the gap, I went for it and I would do the same again",
    "We need to understand why the {part} overheated so badly",
    "It was a proper fight, hard but fair, and I enjoyed every lap of it",
    "The track was {feel} and the grip kept changing from lap to lap",
    "We are not where we want to be yet but the trend is positive",
    "I made a small mistake at turn {turn} and that cost me the position",
    "The championship is long and there are {count} races still to go",
    "Our pit stop was slow and that is something we have to fix",
    "I braked a fraction too late and locked the front left",
    "The upgrade package worked exactly as the simulator said it would",
    "We knew {place} would suit us and the result proves it",
    "Every point matters at this stage of the season",
    "The blue flags were a disaster and I lost almost {tenths} seconds",
    "He closed the door and there was contact, it is as simple as that",
    "I don't want to blame anybody, these things happen in racing",
    "The stewards made their decision and we have to respect it",
    "Starting from {pos} always makes the first corner a lottery",
    "I felt comfortable in the car from the very first lap",
]
# A small grammar for the rest: subject, what happened, where or why. Its combinations make
# most sentences unique, as real quotes are, while the words stay a racing vocabulary.
_SUBJECTS = _words("""I we the_car the_team my_engineer the_rear the_front the_balance
    the_tyres the_strategy our_pace the_gap the_guys the_crew the_wind the_track""")
_VERBS = [
    "struggled with",
    "never really switched on",
    "came alive on",
    "suffered with",
    "found a bit of time in",
    "lost everything in",
    "got on top of",
    "could not cope with",
    "was caught out by",
    "recovered well after",
    "paid the price for",
    "gained a lot from",
    "went backwards on",
    "felt much happier with",
    "fell away badly on",
    "had no answer to",
    "made the difference in",
    "saved the race with",
    "threw away points with",
    "learned a lot from",
    "wanted more from",
    "was unbeatable on",
    "ran out of grip on",
    "kept fighting through",
    "hung on through",
    "picked up speed in",
    "lost patience with",
]
_OBJECTS = [
    "the {ord} stint",
    "the long run",
    "the restart",
    "the opening laps",
    "the out-lap",
    "the undercut",
    "the overcut",
    "the late safety car",
    "the {compound} tyres",
    "the kerbs",
    "the bumps at {corner}",
    "the run to {corner}",
    "the exit of {corner}",
    "the traffic",
    "the {noun}",
    "the {component} setting",
    "the pit entry",
    "the final sector",
    "the tow on the straight",
    "the crosswind at {corner}",
    "the blue flags",
    "the rain",
    "the tyre warm-up",
    "the fuel saving",
    "the engine mode",
    "the {adj} rear end",
]
_TAILS = [
    "",
    "",
    "",
    " today",
    " this weekend",
    " from lap {turn}",
    " all afternoon",
    " like never before",
    " more than I expected",
    " in the end",
    " once again",
    " right from {session}",
    " until the last lap",
    " for the first time this year",
]
_APOLOGIES = [
    "I apologise to the team, it was my mistake and I take full responsibility",
    "That one is on me and I'm sorry to everyone in the garage",
    "I have to take responsibility for what happened today",
    "It was my fault, I misjudged the braking point completely",
    "I want to say sorry to {other}, I never meant to take him out",
]
_FILL: dict[str, list[str]] = {
    "ord": ["first", "second", "third", "final", "middle"],
    "part": ["rear tyres", "front wing", "brakes", "gearbox", "power unit", "floor"],
    "turn": [str(n) for n in range(1, 19)],
    "tenths": ["two", "three", "four", "five", "six"],
    "sector": ["first", "second", "third"],
    "feel": ["nervous", "planted", "on rails", "twitchy", "slippery", "strong", "heavy"],
    "compound": ["hard", "medium", "soft", "intermediate"],
    "pos": ["sixth", "seventh", "fourth", "tenth", "P8", "P5"],
    "count": [str(n) for n in range(4, 19)],
}
# Details that make each quote its own: corners, parts, sessions, sponsors and the odd rarer
# word, so the vocabulary has a long tail as real reporting does, not just the cliches.
_DETAILS = [
    "especially through {corner}",
    "after the {component} change before {session}",
    "which {rival} warned us about in {session}",
    "and the people at {sponsor} deserve that",
    "with the {adj} {component} we brought here",
    "because the {component} felt {adj} in {session}",
    "even with the {noun} issue we had",
    "and {rival} knows exactly what I mean",
    "so credit to everyone back at {sponsor}",
    "despite the {noun} problem at {corner}",
    "on a day when the {noun} was {adj}",
    "and I told {rival} as much after {session}",
]
_DETAIL_FILL: dict[str, list[str]] = {
    "corner": _words("""Copse Maggotts Becketts Stowe Club Luffield Abbey Village Parabolica Ascari
        Lesmo Roggia Rettifilo Raidillon Pouhon Blanchimont Stavelot Malmedy Rivage Bruxelles
        Casino Mirabeau Portier Tabac Rascasse Piscine Degner Spoon Dunlop Hairpin Senna
        Juncao Ferradura Curvone Tamburello Acque Rivazza Tosa Piratella Tarzan Hugenholtz
        Scheivlak Arie"""),
    "component": _words("""floor diffuser beam-wing sidepod halo steering rack pedal box clutch
        differential turbo MGU-K battery radiator cooling front-wing rear-wing endplate
        bargeboard suspension pushrod damper brake-duct gearbox hydraulics sensor"""),
    "adj": _words("""twitchy lazy peaky snappy numb edgy lively nervous stiff soft compliant loose
        pointy understeery oversteery gripless fragile robust sluggish responsive
        inconsistent predictable brutal forgiving marginal"""),
    "noun": _words("""hydraulic throttle telemetry sensor brake-by-wire vibration porpoising
        bouncing graining blistering overheating misfire wheelnut jack lollipop
        crosswind kerb debris gravel puncture flat-spot drizzle humidity headwind
        tailwind tow dirty-air marbles pickup degradation"""),
    "session": [
        "FP1",
        "FP2",
        "FP3",
        "qualifying",
        "Q1",
        "Q2",
        "Q3",
        "the sprint",
        "the warm-up",
        "the parade",
        "the briefing",
        "Thursday",
        "Friday",
        "Saturday",
    ],
}
_SYLLABLES = _words("ka ve lo tri zon mar qui dex ro sa nel fio bra tek vor lux ami gen pol har")


@dataclass(frozen=True, slots=True)
class QuoteSample:
    """A quote as the generator wrote it, with who it attributed it to."""

    speaker: str
    text: str


@dataclass
class Corpus:
    """Where the generated articles are, and samples of what they hold, for the queries."""

    folder: Path
    articles: int
    people: list[str]
    samples: list[QuoteSample] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)


def _people(rng: random.Random, count: int) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(_FIRST)} {rng.choice(_SURNAMES)}")
    return sorted(names)


class _Writer:
    """Writes one article; keeps the quotes it wrote so the benchmark can look them up."""

    def __init__(self, rng: random.Random, everyone: list[str]) -> None:
        self.rng = rng
        self.everyone = everyone
        self.surnames = sorted({n.split()[-1] for n in everyone})
        # Invented sponsor names: the long tail of proper nouns real quotes carry.
        self.sponsors = sorted(
            {"".join(rng.choice(_SYLLABLES) for _ in range(3)).title() for _ in range(400)}
        )

    def _sentence(self) -> str:
        rng = self.rng
        subject = rng.choice(_SUBJECTS).replace("_", " ")
        text = f"{subject} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{rng.choice(_TAILS)}"
        for key, values in (*_FILL.items(), *_DETAIL_FILL.items()):
            text = text.replace("{" + key + "}", rng.choice(values))
        return text[0].upper() + text[1:]

    def _detail(self) -> str:
        rng = self.rng
        out = rng.choice(_DETAILS)
        for key, values in _DETAIL_FILL.items():
            out = out.replace("{" + key + "}", rng.choice(values))
        out = out.replace("{rival}", rng.choice(self.surnames))
        return out.replace("{sponsor}", rng.choice(self.sponsors))

    def _fill(self, template: str, place: str, team: str, other: str) -> str:
        rng = self.rng
        out = template
        for key, values in _FILL.items():
            out = out.replace("{" + key + "}", rng.choice(values))
        return out.replace("{place}", place).replace("{team}", team).replace("{other}", other)

    def saying(self, place: str, team: str, other: str, sentences: int = 0) -> str:
        rng = self.rng
        n = sentences or rng.choice((1, 1, 2, 2, 3))
        parts = [
            self._fill(rng.choice(_SAYINGS), place, team, other)
            if rng.random() < 0.4
            else self._sentence()
            for _ in range(n)
        ]
        parts = [f"{p}, {self._detail()}" if rng.random() < 0.6 else p for p in parts]
        return ". ".join(parts) + "."

    def apology(self, place: str, team: str, other: str) -> str:
        return self._fill(self.rng.choice(_APOLOGIES), place, team, other) + "."

    def article(self, day: date, number: int) -> tuple[str, str, list[QuoteSample]]:
        rng = self.rng
        cast: list[str] = []
        surnames: set[str] = set()
        while len(cast) < rng.choice((4, 5, 6)):
            name = rng.choice(self.everyone)
            if name.split()[-1] not in surnames:
                cast.append(name)
                surnames.add(name.split()[-1])
        a, b, c, d, *rest = cast
        sur = {n: n.split()[-1] for n in cast}
        team_a, team_b, team_c = rng.sample(_TEAMS, 3)
        race = rng.choice(_RACES)
        place = rng.choice(_RACES) + " Grand Prix"
        lap = rng.randint(1, 70)
        samples: list[QuoteSample] = []

        def q(speaker: str, text: str) -> str:
            samples.append(QuoteSample(speaker, text))
            return text

        def said(text: str) -> str:
            # "...," X said. A quote ending in a full stop takes a comma before the tag.
            return text[:-1] + "," if text.endswith(".") else text

        apologetic = rng.random() < 0.08
        headline = f"{sur[a]} and {sur[b]} clash at the {race} Grand Prix"
        paras = [
            f"{a} has criticised {b} after the pair collided during the {race} Grand Prix "
            f"on {day:%A}.",
            f"{sur[a]}, who drives for {team_a}, and {team_b} driver {sur[b]} touched on lap "
            f"{lap}, with both cars losing several places.",
        ]
        first = q(a, self.saying(place, team_b, b))
        second = q(a, self.saying(place, team_b, b))
        paras.append(f'"{said(first)}" {sur[a]} said. "{second}"')
        # A quote over three paragraphs: no closing mark until the last one.
        opening = q(b, self.saying(place, team_a, a, 1))
        middle = q(b, self.saying(place, team_a, a, 2))
        closing = q(b, self.saying(place, team_a, a, 1))
        paras += [
            f'"{said(opening)}" {sur[b]} told reporters. "{middle}',
            f'"{closing}"',
        ]
        role = rng.choice(_ROLES)
        paras.append(f'{team_c} {role} {c} said: "{q(c, self.saying(place, team_a, a))}"')
        paras.append(f'"{said(q(c, self.saying(place, team_b, b, 1)))}" he added.')
        feel = rng.choice(_FILL["feel"])
        paras.append(f'According to {d}, the car "{q(d, "felt " + feel)}" all afternoon.')
        if apologetic:
            sorry = q(a, self.apology(place, team_b, sur[b]))
            paras.append(f'{sur[a]} later wrote on Instagram: "{sorry}"')
        paras.append(f"{sur[d]} said the team had expected a difficult weekend after the upgrades.")
        if rng.random() < 0.9:
            paras.append(f'{sur[b]} told Sky Sports F1: "{q(b, self.saying(place, team_c, c))}"')
        for extra in rest:
            paras.append(f'"{said(q(extra, self.saying(place, team_c, c)))}" said {extra}.')
        if rng.random() < 0.3:
            lap2 = rng.randint(1, 70)
            paras.append(f"A safety car was deployed on lap {lap2} after debris at turn 4.")
        paras.append(f"The next race is the {place}.")
        slug = f"{day.isoformat()}-{sur[a].lower()}-{sur[b].lower()}-{number:05d}"
        text = f"date {day.isoformat()} {headline}\n\n" + "\n\n".join(paras) + "\n"
        return slug, text, samples


def generate(
    folder: Path, articles: int, *, seed: int = 1, people: int = 1500, write: bool = True
) -> Corpus:
    """Write ``articles`` generated articles into ``folder`` and return what was written.

    The same seed and sizes always give the same files, so runs compare like with like.
    ``write=False`` only computes what would be written (the samples and slugs).
    """
    rng = random.Random(seed)
    everyone = _people(rng, people)
    writer = _Writer(rng, everyone)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder, articles, everyone)
    start = date(2000, 3, 1)
    for number in range(articles):
        day = start + timedelta(days=number * 9131 // max(articles, 1))
        slug, text, samples = writer.article(day, number)
        if write:
            (folder / f"{slug}.txt").write_text(text, encoding="utf-8")
        corpus.slugs.append(slug)
        # Keep a bounded, even sample: enough to draw query phrases from.
        if number % max(1, articles // 500) == 0:
            corpus.samples.extend(samples)
    return corpus


def generated(folder: Path, articles: int, *, seed: int = 1, people: int = 1500) -> Corpus:
    """The corpus in ``folder``: read back from its manifest when one of this size and seed is
    there (a kept store's articles are not written again), else generated and written.

    At 100,000 articles writing costs about a minute; reading the manifest, well under one.
    """
    manifest = folder / MANIFEST
    key = {"articles": articles, "seed": seed, "people": people}
    if manifest.is_file():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("key") == key:
            return Corpus(
                folder,
                articles,
                data["people"],
                [QuoteSample(**s) for s in data["samples"]],
                data["slugs"],
            )
    # Articles written before manifests existed: the same seed writes the same files, so
    # only what they hold is worked out again, not written.
    written = folder.is_dir() and sum(1 for _ in folder.glob("*.txt")) == articles
    corpus = generate(folder, articles, seed=seed, people=people, write=not written)
    body = {"key": key, "people": corpus.people, "slugs": corpus.slugs,
            "samples": [asdict(s) for s in corpus.samples]}  # fmt: skip
    manifest.write_text(json.dumps(body), encoding="utf-8")
    return corpus
