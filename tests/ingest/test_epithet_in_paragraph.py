"""An epithet two of a story's people share ("the Frenchman": Gasly and Ocon) names the one
the paragraph itself names when it contradicts everyone else there; with both in the
paragraph, or neither, it stays unattributed."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.load import build_article

STORY = "\n\n".join(
    (
        "date 2026-07-02 Verstappen wins as Gasly and Ocon collide",
        "Max Verstappen won the invented race from Lando Norris. Pierre Gasly and Esteban Ocon "
        "collided on lap 3.",
        "Verstappen led from the start. Behind him Gasly and Ocon fought for fifth. "
        '"We touched twice and that was it," said the Frenchman.',
        'Norris passed Ocon on lap 40. "He was slow in the last sector," the Frenchman said.',
    )
)


def test_a_shared_epithet_names_the_one_the_paragraph_names(tmp_path: Path) -> None:
    path = tmp_path / "2026-07-02-invented.txt"
    path.write_text(STORY, encoding="utf-8")
    said = {q.text.rstrip(","): q.speaker for q in build_article(path).quotes}
    assert said["He was slow in the last sector"] == "Esteban Ocon"
    assert said["We touched twice and that was it"] is None
