"""The register of motorsport people: loading, names, nicknames, epithets and validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.errors import IngestError
from bot.ingest.register import Register, Stint, fold, validate

PEOPLE = Path(__file__).resolve().parents[2] / "data" / "people"


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load(PEOPLE)


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


NATIONALITIES = """
[Dutch]
demonyms = ["Dutchman"]
[British]
demonyms = ["Briton"]
[English]
demonyms = ["Englishman"]
part_of = "British"
"""


def test_shipped_register_validates_clean() -> None:
    """The data shipped in data/people/ has no problem validate() can find."""
    assert validate(PEOPLE) == []


def test_shipped_register_loads_people(register: Register) -> None:
    """Loading the real data gives people with their names and teams."""
    assert len(register) > 3
    assert all(p.name for p in register)


def test_load_is_cached_until_a_file_changes(tmp_path: Path) -> None:
    """The same folder loads once; editing a file loads it again."""
    folder = _write(
        tmp_path / "people",
        {"nationalities.toml": NATIONALITIES, "a.toml": '[[person]]\nname = "Ann Example"\n'},
    )
    first = Register.load(folder)
    assert Register.load(folder) is first
    (folder / "a.toml").write_text('[[person]]\nname = "Ann Example"\nborn = 1990\n')
    again = Register.load(folder)
    assert again is not first
    assert again.find("Ann Example")[0].born == 1990


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("Sergio Perez", "Sergio Pérez"),
        ("PÉREZ", "Sergio Pérez"),
        ("perez", "Sergio Pérez"),
        ("Checo", "Sergio Pérez"),
        ("Max Verstappen", "Max Verstappen"),
        ("Max Verstappen's", "Max Verstappen"),
        ("Zhou Guanyu", "Zhou Guanyu"),
        ("Guanyu Zhou", "Zhou Guanyu"),
        ("Jean-Eric Vergne", "Jean-Éric Vergne"),
        ("Pato O’Ward", "Pato O'Ward"),
        ("Nico Hulkenberg", "Nico Hülkenberg"),
        ("Kimi Raikkonen", "Kimi Räikkönen"),
        ("KMag", "Kevin Magnussen"),
    ],
)
def test_find_ignores_case_and_accents(register: Register, written: str, full: str) -> None:
    """Names are found whatever their accents and case, by full name, short form or nickname."""
    assert [p.name for p in register.find(written)] == [full]


def test_find_returns_everyone_sharing_a_surname(register: Register) -> None:
    """A surname two people share finds both: the caller must not pick one."""
    assert {p.name for p in register.find("Verstappen")} >= {"Max Verstappen", "Jos Verstappen"}


def test_find_unknown_name_is_empty(register: Register) -> None:
    """Someone the register does not know is not found."""
    assert register.find("Nobody Imaginary") == ()


def test_by_nickname_names_one_person(register: Register) -> None:
    """A nickname resolves to its one owner; an unknown nickname to nobody."""
    person = register.by_nickname("checo")
    assert person is not None and person.name == "Sergio Pérez"
    assert register.by_nickname("Zorro") is None


def test_shared_nickname_names_nobody(tmp_path: Path) -> None:
    """A nickname two people carry cannot name either of them."""
    folder = _write(
        tmp_path / "people",
        {
            "nationalities.toml": NATIONALITIES,
            "a.toml": '[[person]]\nname = "Ann One"\nnicknames = ["Flash"]\n\n'
            '[[person]]\nname = "Bea Two"\nnicknames = ["Flash"]\n',
        },
    )
    assert Register.load(folder).by_nickname("Flash") is None
    assert any("nickname 'flash'" in p for p in validate(folder))


def test_team_in_reads_stints() -> None:
    """team_in gives the teams of a season; an open stint runs on."""
    from bot.ingest.register import RegisterPerson

    person = RegisterPerson(
        name="X", short=(), nicknames=(), nationality=None, demonyms=(), born=None, roles=(),
        series=(), titles={}, teams=(Stint("A", 2010, 2012), Stint("B", 2012, None)),
    )  # fmt: skip
    assert person.team_in(2011) == ("A",)
    assert person.team_in(2012) == ("A", "B")
    assert person.team_in(2030) == ("B",)
    assert person.team_in(2009) == ()


SPRING_2024 = date(2024, 5, 1)


@pytest.mark.parametrize(
    ("epithet", "name", "on", "expected"),
    [
        # nationality
        ("the Dutchman", "Max Verstappen", SPRING_2024, True),
        ("the Dutch driver", "Max Verstappen", SPRING_2024, True),
        ("the Dutchman", "Sergio Pérez", SPRING_2024, False),
        ("the Briton", "Lewis Hamilton", SPRING_2024, True),
        ("the Englishman", "Lewis Hamilton", SPRING_2024, True),
        ("the Scot", "Lewis Hamilton", SPRING_2024, False),
        ("the Spaniard", "Fernando Alonso", SPRING_2024, True),
        ("the Mexican", "Checo", SPRING_2024, True),
        # team, in the article's season
        ("the Red Bull driver", "Sergio Perez", SPRING_2024, True),
        ("the Red Bull driver", "Sergio Perez", date(2019, 5, 1), False),
        ("the Mercedes driver", "Lewis Hamilton", SPRING_2024, True),
        ("the Ferrari driver", "Lewis Hamilton", SPRING_2024, False),
        ("the Ferrari driver", "Lewis Hamilton", date(2025, 5, 1), True),
        ("the former Mercedes driver", "Lewis Hamilton", date(2025, 5, 1), True),
        ("the former Ferrari driver", "Charles Leclerc", date(2025, 5, 1), False),
        ("the former Red Bull driver", "Liam Lawson", date(2025, 9, 1), None),
        ("the former Red Bull driver", "Liam Lawson", date(2026, 5, 1), True),
        ("the Mercedes boss", "Toto Wolff", SPRING_2024, True),
        ("the Mercedes boss", "Lewis Hamilton", SPRING_2024, False),
        # role
        ("the team principal", "Toto Wolff", SPRING_2024, True),
        ("the team principal", "Max Verstappen", SPRING_2024, False),
        # age from the article's date: birthday unknown, so two birth years fit
        ("the 23-year-old", "Max Verstappen", date(2020, 5, 1), True),
        ("the 23-year-old", "Max Verstappen", date(2021, 5, 1), True),
        ("the twenty-three-year-old Dutchman", "Max Verstappen", date(2020, 5, 1), True),
        ("the 23-year-old", "Max Verstappen", SPRING_2024, False),
        # titles, counted on the article's date
        ("the seven-time world champion", "Lewis Hamilton", SPRING_2024, True),
        ("the seven-time world champion", "Lewis Hamilton", date(2020, 5, 1), False),
        ("the six-time world champion", "Lewis Hamilton", date(2020, 5, 1), True),
        ("the seven time world champion", "Lewis Hamilton", date(2020, 12, 1), True),
        ("the two-time world champion", "Fernando Alonso", SPRING_2024, True),
        ("the four-time world champion", "Fernando Alonso", SPRING_2024, False),
        ("the reigning world champion", "Max Verstappen", date(2022, 3, 1), True),
        ("the reigning world champion", "Lewis Hamilton", date(2022, 3, 1), False),
        ("the world champion", "Sergio Pérez", SPRING_2024, False),
        ("twice world champion", "Fernando Alonso", SPRING_2024, True),
        ("the former world champion", "Fernando Alonso", SPRING_2024, True),
        ("the 2016 world champion", "Nico Rosberg", SPRING_2024, True),
        ("the 2016 world champion", "Lewis Hamilton", SPRING_2024, False),
        # motorcycle classes are world titles too; a series narrows the count
        ("the nine-time world champion", "Valentino Rossi", SPRING_2024, True),
        ("the six-time MotoGP champion", "Valentino Rossi", SPRING_2024, True),
        ("the six-time MotoGP champion", "Marc Márquez", SPRING_2024, True),
        ("the reigning MotoGP champion", "Pecco", SPRING_2024, True),
        ("the two-time MotoGP world champion", "Pecco", SPRING_2024, True),
        ("the six-time IndyCar champion", "Scott Dixon", SPRING_2024, True),
        ("the seven-time Cup champion", "Jimmie Johnson", SPRING_2024, True),
        # series, and team names shared across series
        ("the MotoGP rider", "Francesco Bagnaia", SPRING_2024, True),
        ("the F1 driver", "Francesco Bagnaia", SPRING_2024, False),
        ("the Ducati rider", "Francesco Bagnaia", SPRING_2024, True),
        ("the Ducati rider", "Marc Márquez", date(2023, 5, 1), False),
        ("the Honda rider", "Marc Márquez", date(2023, 5, 1), True),
        ("the Red Bull rider", "Brad Binder", SPRING_2024, True),
        ("the Red Bull driver", "Brad Binder", SPRING_2024, False),
        ("the Ganassi driver", "Álex Palou", SPRING_2024, True),
        ("the Sky Sports pundit", "Martin Brundle", SPRING_2024, True),
        ("the Kiwi", "Liam Lawson", SPRING_2024, True),
        ("the teenager", "Kimi Antonelli", date(2025, 5, 1), True),
        ("the teenager", "Fernando Alonso", date(2025, 5, 1), False),
    ],
)
def test_describes(
    register: Register, epithet: str, name: str, on: date, expected: bool | None
) -> None:
    """Each kind of epithet fits or contradicts a person, on the article's date."""
    assert register.describes(epithet, name, on) is expected


@pytest.mark.parametrize(
    ("epithet", "name"),
    [
        ("the Dutchman", "Nobody Imaginary"),  # unknown person
        ("the man", "Max Verstappen"),  # says nothing
        ("the stewards' favourite", "Max Verstappen"),  # not understood
    ],
)
def test_describes_cannot_tell(register: Register, epithet: str, name: str) -> None:
    """Unknown people and phrases get None, never a guess."""
    assert register.describes(epithet, name, SPRING_2024) is None


def test_describes_shared_surname_agreeing(register: Register) -> None:
    """A surname two people share gets the answer they all give."""
    assert register.describes("the Dutchman", "Verstappen", SPRING_2024) is True


def test_describes_shared_surname_disagreeing_is_none(register: Register) -> None:
    """A surname two people share gets an answer only when both agree."""
    assert register.describes("the reigning world champion", "Verstappen", date(2022, 3, 1)) is None


@pytest.mark.parametrize(
    ("epithet", "kind"),
    [
        ("the Dutchman", "nationality"),
        ("The Briton", "nationality"),
        ("the Red Bull driver", "team"),
        ("the Mercedes boss", "team"),
        ("the team principal", "role"),
        ("the race engineer", "role"),
        ("the 23-year-old", "age"),
        ("the seven-time world champion", "titles"),
        ("the reigning champion", "titles"),
        ("the two-time MotoGP champion", "titles"),
        ("the man", None),
        ("the Ferrari", None),
        ("the weather", None),
        ("a Ferrari driver", None),
        ("the Australian Grand Prix", None),
        ("the Mercedes pair", None),
    ],
)
def test_epithet_kind(register: Register, epithet: str, kind: str | None) -> None:
    """epithet_kind says which phrases the register understands, and what they speak of."""
    assert register.epithet_kind(epithet) == kind


def test_empty_register_knows_nobody() -> None:
    """The empty register finds nobody and cannot tell anything."""
    empty = Register.empty()
    assert empty.find("Max Verstappen") == ()
    assert empty.by_nickname("Checo") is None
    assert empty.describes("the Dutchman", "Max Verstappen", SPRING_2024) is None


def test_fold_removes_accents_case_and_hyphens() -> None:
    """Folding makes written variants of a name compare equal."""
    assert fold("Jean-Éric Vergne") == fold("jean eric vergne")
    assert fold("Räikkönen") == "raikkonen"
    assert fold("Sørensen") == "sorensen"


def test_load_reports_file_and_line_of_bad_data(tmp_path: Path) -> None:
    """Bad data stops load with an IngestError naming the file and line."""
    folder = _write(
        tmp_path / "people",
        {
            "nationalities.toml": NATIONALITIES,
            "a.toml": '[[person]]\nname = "Ann One"\n\n[[person]]\nname = "Bea Two"\n'
            'nationality = "Martian"\n',
        },
    )
    with pytest.raises(IngestError) as caught:
        Register.load(folder)
    assert caught.value.path.name == "a.toml"
    assert caught.value.line == 6


def test_load_reports_toml_syntax_line(tmp_path: Path) -> None:
    """A TOML syntax error carries its line too."""
    folder = _write(
        tmp_path / "people",
        {"nationalities.toml": NATIONALITIES, "a.toml": '[[person]]\nname = "Ann\n'},
    )
    with pytest.raises(IngestError) as caught:
        Register.load(folder)
    assert caught.value.line == 2


BROKEN = """
[[person]]
name = "Ann One"
nationality = "Martian"
born = 3000
roles = ["drivr"]
series = ["Formula Zero"]
teams = [{ team = "Alpha", from = 2015, to = 2012 }]

[[person]]
name = "Bea Two"
nicknames = ["Flash"]
short = ["Cy Three"]

[[person]]
name = "Cy Three"
nicknames = ["Flash"]

[[person]]
name = "Ann One"
titles = { F1 = "many" }
colour = "red"
"""


def test_validate_finds_every_problem_in_a_broken_folder(tmp_path: Path) -> None:
    """validate lists each problem with its file and line instead of stopping at the first."""
    folder = _write(tmp_path / "people", {"nationalities.toml": NATIONALITIES, "b.toml": BROKEN})
    problems = validate(folder)
    text = "\n".join(problems)
    for expected in (
        "b.toml:4: Ann One: unknown nationality 'Martian'",
        "b.toml:5: Ann One: born must be a past year",
        "b.toml:6: Ann One: unknown role 'drivr'",
        "b.toml:7: Ann One: unknown series 'Formula Zero'",
        "b.toml:8: Alpha: from 2015 is after to 2012",
        "nickname 'flash' is shared",
        "short form 'Cy Three' is the full name of Cy Three",
        "b.toml:19: Ann One already listed at b.toml:2",
        "titles: F1 must be a count or a list of years",
        "unknown key(s) colour",
    ):
        assert expected in text, expected


def test_broken_nationalities_file_is_reported_once(tmp_path: Path) -> None:
    """A syntax error in nationalities.toml is one problem, not one per person."""
    folder = _write(
        tmp_path / "people",
        {
            "nationalities.toml": "[Dutch\n",
            "a.toml": '[[person]]\nname = "Ann One"\nnationality = "Dutch"\n',
        },
    )
    problems = validate(folder)
    assert len(problems) == 1
    assert problems[0].startswith("nationalities.toml:1: not valid TOML")


def test_validate_reports_team_named_like_a_nationality(tmp_path: Path) -> None:
    """A team alias that is a nationality word would make epithets unreadable."""
    folder = _write(
        tmp_path / "people",
        {
            "nationalities.toml": NATIONALITIES,
            "teams.toml": '[teams."Oranje Racing"]\naliases = ["Dutch"]\n',
        },
    )
    assert any("team name 'dutch'" in p for p in validate(folder))


def test_validate_allows_namesakes_told_apart_by_birth_year(tmp_path: Path) -> None:
    """Two people of one name are fine when their birth years differ, not when one is missing."""
    twins = (
        '[[person]]\nname = "Ann One"\nborn = 1990\n\n[[person]]\nname = "Ann One"\nborn = 2001\n'
    )
    folder = _write(tmp_path / "a", {"nationalities.toml": NATIONALITIES, "a.toml": twins})
    assert validate(folder) == []
    unknown = twins.replace("born = 2001\n", "")
    folder = _write(tmp_path / "b", {"nationalities.toml": NATIONALITIES, "a.toml": unknown})
    assert any("already listed" in p for p in validate(folder))


def test_validate_reports_unknown_part_of(tmp_path: Path) -> None:
    """A nationality part of one that does not exist is reported."""
    folder = _write(
        tmp_path / "people",
        {"nationalities.toml": '[Scottish]\ndemonyms = ["Scot"]\npart_of = "UK"\n'},
    )
    assert validate(folder) == ["nationalities.toml:1: Scottish: part_of 'UK' unknown"]


def _readme_examples() -> list[tuple[str, str]]:
    """(kind, epithet) for every example in the README's table of epithets."""
    examples = []
    text = (PEOPLE / "README.md").read_text(encoding="utf-8")
    table = text.split("## The epithets Pitwall understands", 1)[1]
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("part", "---"):
            continue
        for example in cells[1].split(", "):
            examples.append((cells[0], example))
    return examples


@pytest.mark.parametrize(("part", "epithet"), _readme_examples())
def test_readme_examples_are_understood(register: Register, part: str, epithet: str) -> None:
    """Every epithet the README promises is understood, as the kind it is listed under."""
    expected = "role" if part == "series" else part
    assert register.epithet_kind(epithet) == expected


def test_register_and_people_are_hashable(register: Register) -> None:
    """Registers and people can key caches and sets (they compare by identity)."""
    assert len({register, Register.empty()}) == 2
    people = set(register.find("Verstappen"))
    assert len(people) == 2
