"""Follow-on paragraphs: an untagged quote paragraph continues the running turn."""

from __future__ import annotations

from bot.ingest.attribution.records import _Attribution, _Statement, _voice_of
from bot.ingest.attribution.state import _State


class _FollowOn(_State):
    """The follow-on sieve, run after the walk on what is still undecided."""

    # -- follow-on paragraphs -------------------------------------------------------------

    def _follow_on(self) -> None:
        """Give an untagged quote paragraph to the speaker whose turn is still running.

        A paragraph made only of quotation takes the speaker of the quote before it, as long
        as nothing in between changed the subject: a narrative paragraph about the same
        person keeps the turn, one about someone else ends it (and one that has that person
        saying something hands the turn to them).
        """
        starts: dict[int, list[_Statement]] = {}
        for statement in self.statements:
            starts.setdefault(statement.parts[0][0], []).append(statement)
        last_in: dict[int, _Statement] = {}
        for statement in self.statements:
            for number, _seg, _kind in statement.parts:
                last_in[number] = statement
        turn: str | None = None
        voice: str | None = None  # an organisation whose statement has the turn
        turn_paragraph = 0
        for number, info in enumerate(self.info, start=1):
            if info.kind == "quotes":
                here = starts.get(number, [])
                first = here[0] if here else None
                if (
                    first is not None
                    and turn is not None
                    and info.quote_only
                    and not first.attributed
                    and first.parts[0][1].open_mark
                    == len(self.paragraphs[number - 1]) - len(self.paragraphs[number - 1].lstrip())
                ):
                    first.decide(
                        _Attribution(
                            "person",
                            turn,
                            None,
                            f"follow-on paragraph: continues the quote of paragraph "
                            f"{turn_paragraph}",
                            turn_paragraph,
                        )
                    )
                elif (
                    first is not None
                    and turn is None
                    and voice is not None
                    and turn_paragraph == number - 1
                    and info.quote_only
                    and not first.attributed
                ):
                    # The next paragraph of an organisation's statement: still its words.
                    first.decide(
                        _Attribution(
                            "blocked",
                            None,
                            None,
                            f"follow-on paragraph: continues the statement of paragraph "
                            f'{turn_paragraph}; organisation "{voice}"',
                            turn_paragraph,
                            voice,
                        )
                    )
                    first.setting = "statement"
                last = last_in.get(number)
                turn = last.speaker if last is not None else None
                voice = _voice_of(last)
                turn_paragraph = number
            elif info.kind == "transcript":
                turn = voice = None
            elif info.has_subject and info.subject is not None and info.subject == turn:
                turn_paragraph = number
            elif info.subject is not None and info.subject in info.speaking:
                turn, turn_paragraph = info.subject, number
            else:
                turn = voice = None
