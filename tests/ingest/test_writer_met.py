"""A first-person writer's meeting ("When I sat down with Ostrava in September, he said ...",
"I spoke to Lind at the test") makes the one met the sentence's "he": the quotation and the
reported words after it are theirs, never the subject of the paragraph before."""

from __future__ import annotations

from datetime import date

from bot.ingest.attribute import extract_quotes, extract_speech
from bot.ingest.people import discover_people

PARAGRAPHS = [
    "Tomas Varga won the invented Brno round by four seconds from Lukas Ostrava.",
    "Varga told me at Misano that he was ready to win again. "
    '"I have never felt stronger in the car," he said.',
    "When I sat down with Ostrava in September, he said the title was still open. "
    '"Nobody has won anything yet," he told me.',
    'I spoke to Varga after the podium, and he was calm. "One race at a time," he said.',
]


def _said() -> dict[str, str | None]:
    quotes = extract_quotes(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2026, 6, 1))
    return {q.text.rstrip(","): q.speaker for q in quotes}


def test_the_quote_after_the_writer_met_someone_is_theirs() -> None:
    said = _said()
    assert said["Nobody has won anything yet"] == "Lukas Ostrava"
    assert said["I have never felt stronger in the car"] == "Tomas Varga"
    assert said["One race at a time"] == "Tomas Varga"


def test_the_reported_words_after_the_writer_met_someone_are_theirs() -> None:
    speech = extract_speech(PARAGRAPHS, discover_people(PARAGRAPHS), published=date(2026, 6, 1))
    reported = {r.speaker: r.text for r in speech.reported}
    assert "title was still open" in reported.get("Lukas Ostrava", "")
    assert "title was still open" not in reported.get("Tomas Varga", "")


def test_the_writers_own_interview_is_the_setting_with_its_place() -> None:
    """ "Varga told me at Misano" sets the words in the writer's interview there; words
    after "When I sat down with Ostrava in September" in that one; plain tags keep theirs."""
    paragraphs = [
        *PARAGRAPHS,
        '"I have never felt stronger," Varga told me at Misano in September.',
        'When we met again at Aragon, the mood had changed. "I am not sleeping," he said.',
        '"Tomas is the man to beat," Ostrava said.',
    ]
    quotes = extract_quotes(paragraphs, discover_people(paragraphs), published=date(2026, 6, 1))
    setting = {q.text.rstrip(","): q.setting for q in quotes}
    assert setting["I have never felt stronger"] == (
        "interview with the writer at Misano in September"
    )
    assert setting["I am not sleeping"] == "interview with the writer at Aragon"
    assert setting["Nobody has won anything yet"] == "interview with the writer in September"
    assert setting["Tomas is the man to beat"] == "remarks"
