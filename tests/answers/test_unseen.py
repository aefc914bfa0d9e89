"""Unseen questions: written after the engine was tuned on ``questions.toml``, to show how it
meets questions nobody tuned it on, over articles it had not met (``unseen/articles``).

Each question file in ``unseen/`` is one held-out set (``questions.toml``: F1 Academy at
Zandvoort; ``mugello.toml``, ``darlington.toml``, ``spa.toml``: a MotoGP, a NASCAR and a WEC
story with no annotation file, as an article added from a link arrives). All are asked over
one store holding every article, so each story's neighbours are there to be confused with.
``unseen2/`` is a second round (an F1 story in Hungary and a Supercars story at Bathurst),
written after the engine was changed for the first and measured once before any change
for it. ``unseen3/`` is a third round (an F1 wire report in Singapore, an IndyCar feature at
Portland, a MotoGP press-conference piece at Phillip Island), written blind, without reading
the engine, and measured once (``unseen3/BLIND.md``). ``unseen4/`` is a fourth blind round
in forms the first three lacked (an F1 live blog at Las Vegas, newest update first; an IMSA
24-hour report at Daytona with shared-car crews; a Formula E comment column on the Mexico
City penalty row), measured once (``unseen4/BLIND.md``). ``unseen5/`` is a fifth round (an F1
"five things we learned" column at Suzuka, a WorldSBK weekend report at Assen in part interview,
a NASCAR Cup wire report at Talladega), written blind, sealed from the fixes of its session and
measured once before and once after them (``unseen5/BLIND.md``). ``unseen6/`` is a sixth blind
round (a WRC report at Rally Finland, a McLaren race-review press release, a driver-market
story), measured once (``unseen6/BLIND.md``). ``unseen7/`` is a seventh
blind, sealed round (an F1 qualifying report at Monaco in British style, an Indianapolis 500
report in American style, a MotoGP preview of Mugello written before the race), measured once
(``unseen7/BLIND.md``). ``unseen8/`` is an eighth blind, sealed round (an F1 sprint weekend
at Interlagos, sprint and Grand Prix in one report; a Le Mans 24 Hours report told through the
hours; a news-in-brief round-up across six series), measured once before and once after the
session's fixes (``unseen8/BLIND.md``). ``unseen9/`` is a ninth blind round, open to the fixers
once merged (an F1 stewards' decision at Baku with a right of review, a long Q&A interview with
Williams' team principal, a WRC Safari Rally Kenya report told by stages, Alonso's retirement
feature), measured once (``unseen9/BLIND.md``). ``unseen10/`` is a tenth blind, sealed round (a
Formula E race report at Monaco with a post-race exclusion, a driver's first-person column after
Qatar, an IndyCar injury update, a MotoGP title decided at Valencia), measured once before and
once after the session's fixes (``unseen10/BLIND.md``). ``unseen11/`` is an eleventh blind round,
open to the fixers once merged (a MotoGP Sunday report at Motegi that covers the sprint too, an
F2 weekend at Silverstone with a reversed-grid sprint, a NASCAR playoff cut-off race at
Martinsville decided in overtime, Cadillac's F1 car launch), measured once
(``unseen11/BLIND.md``). ``unseen12/`` is a twelfth blind, sealed round (a Dakar Rally stage
report, a BTCC triple-header with a reverse grid at Brands Hatch, a team-radio transcript piece from
Austin, a MotoGP silly-season rumour story with anonymous sources and translated denials), measured
once (``unseen12/BLIND.md``). ``unseen13/`` is a thirteenth blind, sealed round (an FIA
post-race press-conference transcript from Las Vegas with journalists' named questions, a
social-media reaction round-up after a NASCAR title, a tribute to a team founder at Le Mans,
MotoGP rider ratings out of 10 at Portimao), measured once (``unseen13/BLIND.md``).
``unseen14/`` is a fourteenth blind, sealed round (an Isle of Man Senior TT report with a red flag
and a shortened restart, an IndyCar season review told in dated moments, a readers' mailbag column
across F1, MotoGP and WEC, an F1 cost-cap breach ruling against McLaren), measured once
(``unseen14/BLIND.md``).
``unseen15/`` is a fifteenth blind, sealed round (a "five things we learned" column after the Qatar
Grand Prix, the 2027 F1 calendar announcement, a rookie driver's profile, a WEC team's press release
signing a driver), measured once (``unseen15/BLIND.md``). ``unseen16/`` is a sixteenth blind,
sealed round (a preview of the Abu Dhabi title decider, a team's technical explainer under question
sub-headings with an engineer's quotes), measured once (``unseen16/BLIND.md``).
``unseen17/`` is a seventeenth blind, sealed round (a stewards' decision written up as news, a grid
penalty carried to the next race with a notice of appeal, and a 2027 driver-market roundup told team
by team with sourced rumours and denials), measured once (``unseen17/BLIND.md``).
``unseen18/`` is an eighteenth blind, sealed round (a Formula 2 results report from Lusail whose
classifications and standings come as numbered lists, and a retrospective on McLaren's earlier
team-mate title fights from 1984 to 2007), measured once (``unseen18/BLIND.md``).
``unseen19/`` is a nineteenth blind, sealed round (a tyre and strategy analysis of the Qatar Grand
Prix told in stints, laps and stop times with a stint table, and a podcast transcript in which a
host and two pundits argue under first-name speaker labels), measured once
(``unseen19/BLIND.md``). ``unseen20/`` is a twentieth blind, sealed round (a "winners and
losers" column after the Qatar Grand Prix, and a rules FAQ on MotoGP's 2027 regulations),
measured once (``unseen20/BLIND.md``). ``unseen21/`` is a twenty-first blind, sealed round (a WEC
endurance report of the Bahrain 8 Hours told by the clock, with a title swung by a safety-car queue,
and a driver's ghost-written diary in dated entries in which "I" is Nico Hülkenberg), measured once
(``unseen21/BLIND.md``). ``unseen22/`` is a twenty-second blind, sealed round (a Formula E
race report from Shanghai told through energy, Attack Mode and a stalled Pit Boost charge, and an F1
qualifying report from Mexico City told session by session, Q1 to Q3, with a deleted lap and a grid
penalty applied after the session), measured once (``unseen22/BLIND.md``). ``unseen23/`` is a
twenty-third blind, sealed round (a MotoGP team's post-race quotes sheet from Sepang, each speaker
under a header with his role and results line, his words without quotation marks, and an F1
technical upgrades analysis of the Singapore Grand Prix told team by team, with who said each new
part worked), measured once (``unseen23/BLIND.md``). ``unseen24/`` is a twenty-fourth blind,
sealed round (a NASCAR appeals-panel hearing report, each side's submissions and the panel's
reasons, and an F1 magazine long-read profile in the present tense, "he says" for paragraphs at a
time, with flashbacks dated by season), measured once (``unseen24/BLIND.md``). ``unseen25/`` is a
twenty-fifth blind, sealed round (a NASCAR Truck Series title race at Phoenix told by stages and
cautions with the fuel window that decided it, and an F1 news story on a dropped appeal with a
correction at its foot, "An earlier version of this story said ..."), measured once
(``unseen25/BLIND.md``). ``unseen26/`` is a twenty-sixth blind, sealed round (a WorldSBK weekend
at Aragon told by its four sessions, Superpole, Race 1, the Superpole Race that sets Race 2's
first rows, and Race 2, and an F1 team-mate head-to-head of Cadillac's Bottas and Perez told by
counts, "qualifying 14-9", with a nested "he told him"), measured once (``unseen26/BLIND.md``).
``unseen27/`` is a twenty-seventh blind, sealed round (a "weekend in numbers" piece on the Macau
Grand Prix, each item leading with a number across four races, and an F1 interview translated from
the Italian press with the translator's square brackets and answers in reported speech), measured
once (``unseen27/BLIND.md``).
Their scores are printed, not asserted: the sets are kept for the next round's measurement.
What holds for every question is asserted: never the help text, nothing invented.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.answers.scoring import (
    ARTICLES,
    HELP,
    answer_all,
    article_text,
    articles,
    build,
    comparable,
    headlines,
    invented,
    load_questions,
    score,
)

HERE = Path(__file__).resolve().parent
UNSEEN = HERE / "unseen"
#: Held-out rounds: each folder's question files, and its articles under ``articles/``.
ROUNDS = (
    UNSEEN,
    HERE / "unseen2",
    HERE / "unseen3",
    HERE / "unseen4",
    HERE / "unseen5",
    HERE / "unseen6",
    HERE / "unseen7",
    HERE / "unseen8",
    HERE / "unseen9",
    HERE / "unseen10",
    HERE / "unseen11",
    HERE / "unseen12",
    HERE / "unseen13",
    HERE / "unseen14",
    HERE / "unseen15",
    HERE / "unseen16",
    HERE / "unseen17",
    HERE / "unseen18",
    HERE / "unseen19",
    HERE / "unseen20",
    HERE / "unseen21",
    HERE / "unseen22",
    HERE / "unseen23",
    HERE / "unseen24",
    HERE / "unseen25",
    HERE / "unseen26",
    HERE / "unseen27",
)
SETS = sorted(str(p.relative_to(HERE)) for r in ROUNDS for p in r.glob("*.toml"))
PATHS = articles(ARTICLES, *(r / "articles" for r in ROUNDS))


@pytest.fixture(scope="module")
def unseen_answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every unseen question, asked once over the seed, the question-set articles and the
    unseen articles."""
    path = tmp_path_factory.mktemp("unseen") / "pitwall.db"
    asyncio.run(build(path, PATHS))
    questions = [q for name in SETS for q in load_questions(HERE / name)]
    return asyncio.run(answer_all(path, questions))


@pytest.mark.parametrize("name", SETS)
def test_unseen_questions_never_get_the_help_text_or_invented_quotes(
    unseen_answers: dict[str, str], name: str
) -> None:
    """Every unseen question gets a real answer or an honest negative, nothing made up; the
    score and every miss are printed for the record."""
    questions = load_questions(HERE / name)
    asked = {q.ask: unseen_answers[q.ask] for q in questions}
    share, report = score(questions, asked, headlines(PATHS))
    print(f"\n== {name}: {share:.1%}{report}")
    corpus = article_text(PATHS)
    helped = [ask for ask, shown in asked.items() if comparable(HELP) in comparable(shown)]
    made_up = {ask: bad for ask, shown in asked.items() if (bad := invented(ask, shown, corpus))}
    assert not helped, helped
    assert not made_up, made_up
