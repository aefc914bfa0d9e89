"""The schema's numbered migrations: one numbering, the SQL of each for both databases.

``bot/migrations/NNNN_name.sql`` is a migration's SQLite text; where PostgreSQL needs other
SQL (FTS5 tables, ``INTEGER PRIMARY KEY``, ``COLLATE NOCASE``...) the file of the same name
under ``bot/migrations/postgresql/`` holds it. The numbers are 1..n with no gap; each
database records the last one it applied and applies the newer ones in order, each in its
own transaction (:meth:`bot.store.dialect.Dialect.apply_migration`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from bot.errors import StoreError

__all__ = ["MIGRATIONS", "Migration", "load_migrations"]

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str  # SQLite
    #: PostgreSQL's text of the same step; None where none is written (PostgreSQL refuses it).
    postgresql: str | None = None


def load_migrations() -> tuple[Migration, ...]:
    """Read every migration in ``bot/migrations``, checking the numbering has no gap."""
    root = resources.files("bot.migrations")
    pg_root = root / "postgresql"
    found = []
    for entry in root.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            pg = pg_root / entry.name
            pg_sql = pg.read_text("utf-8") if pg.is_file() else None
            found.append(Migration(int(match[1]), entry.name, entry.read_text("utf-8"), pg_sql))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return tuple(found)


#: Every schema migration, in order; append-only.
MIGRATIONS: tuple[Migration, ...] = load_migrations()
