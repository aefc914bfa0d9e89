"""People's cards: the role, team and aliases each person is shown with, kept by the writer.

``Store.people`` used to rank every article-person row at each start to find everyone's
newest role and team (half a million rows at 100,000 articles, about 6 s before the bot was
READY). The cards (migration ``0008_person_cards``) keep the answer on ``people`` and in
``person_aliases``; :func:`update_person_cards` brings them up to date once per written
batch, from the batch's own rows, so a read of the cards is the same as that ranking.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.store.dialect import Dialect, SyncConnection

__all__ = ["update_person_cards"]

#: Ids per statement: well under SQLite's and psycopg's parameter limits.
_CHUNK = 400


def update_person_cards(conn: SyncConnection, dialect: Dialect, article_ids: Sequence[int]) -> None:
    """Bring the cards of everyone these articles name (or named) up to date.

    Runs on the writer thread inside the batch's transaction, after its rows are written
    (or, for a deleted article, after they are gone). A newer article's role or team
    replaces the card's; one of the same date does not (the earlier stored row wins, as
    before). A card whose value came from one of these articles (edited or deleted) is
    worked out again from all of that person's rows.
    """
    ids = sorted(set(article_ids))
    if not ids or not _has_cards(conn, dialect):
        return
    for at in range(0, len(ids), _CHUNK):
        chunk = ids[at : at + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for column in ("role", "team"):
            _update_column(conn, column, chunk, marks)
        _update_aliases(conn, chunk, marks)


def _update_column(conn: SyncConnection, column: str, chunk: list[int], marks: str) -> None:
    """Newest ``column`` (role or team) of each person these articles name, on their card."""
    stale = [
        int(r[0])
        for r in conn.execute(
            f"SELECT id FROM people WHERE {column}_article IN ({marks})", chunk
        ).fetchall()
    ]
    again = ""
    if stale:
        again = f" OR ap.person_id IN ({', '.join('?' * len(stale))})"
        conn.execute(
            f"UPDATE people SET {column} = NULL, {column}_at = NULL, {column}_article = NULL "
            f"WHERE {column}_article IN ({marks})",
            chunk,
        )
    conn.execute(
        f"UPDATE people SET {column} = c.{column}, {column}_at = c.published, "
        f"{column}_article = c.article_id "
        "FROM ("
        f"  SELECT ap.person_id, ap.{column}, a.published, ap.article_id,"
        "          row_number() OVER (PARTITION BY ap.person_id"
        "                             ORDER BY a.published DESC, ap.rowid) AS n"
        "   FROM article_people ap JOIN articles a ON a.id = ap.article_id"
        f"  WHERE ap.{column} IS NOT NULL AND (ap.article_id IN ({marks}){again})"
        ") AS c "
        f"WHERE c.n = 1 AND c.person_id = people.id "
        f"AND (people.{column}_at IS NULL OR c.published > people.{column}_at)",
        [*chunk, *stale],
    )


def _update_aliases(conn: SyncConnection, chunk: list[int], marks: str) -> None:
    """Aliases these articles give, added; those only they gave (before an edit), gone."""
    conn.execute(
        "UPDATE person_aliases SET article_id = ("
        "  SELECT min(al.article_id) FROM aliases al"
        "  WHERE al.person_id = person_aliases.person_id AND al.alias = person_aliases.alias"
        f") WHERE article_id IN ({marks})",
        chunk,
    )
    conn.execute("DELETE FROM person_aliases WHERE article_id IS NULL")
    conn.execute(
        "INSERT INTO person_aliases(person_id, alias, article_id) "
        f"SELECT person_id, alias, article_id FROM aliases WHERE article_id IN ({marks}) "
        "ORDER BY article_id, alias ON CONFLICT DO NOTHING",
        chunk,
    )


def _has_cards(conn: SyncConnection, dialect: Dialect) -> bool:
    """Whether the store has the cards (a store kept at an older schema, in tests, has not)."""
    conn.execute("SAVEPOINT person_cards")
    try:
        conn.execute("SELECT role_article FROM people WHERE 1 = 0").fetchall()
    except dialect.error:
        conn.execute("ROLLBACK TO person_cards")
        return False
    finally:
        conn.execute("RELEASE person_cards")
    return True
