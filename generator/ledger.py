"""The embedded SQLite ledger that `huifang qa` and `huifang plan` / `report` share.

One file per team (default `huifang.sqlite` beside `huifang.yaml`, gitignored). Each user of the
ledger declares its tables as `SCHEMA[name] = [statements]`; `connect` creates what is missing, so a
ledger written by an older huifang gains the newer tables on first use. A statement may also be a function of
the connection, for a change that SQL's IF NOT EXISTS cannot say (a table of an older huifang becoming a view).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

DEFAULT_NAME = "huifang.sqlite"
# name -> CREATE statements (idempotent: IF NOT EXISTS). Filled by the modules that own the tables.
Statement = str | Callable[[sqlite3.Connection], None]
SCHEMA: dict[str, list[Statement]] = {}


def default_path(root: Path) -> Path:
    return Path(root) / DEFAULT_NAME


def register(name: str, statements: list[Statement]) -> None:
    SCHEMA[name] = statements


def connect(root: Path, path: Path | None = None) -> sqlite3.Connection:
    """Open (creating if needed) the ledger, with every registered table present."""
    target = Path(path) if path else default_path(root)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    with connection:
        for statements in SCHEMA.values():
            for statement in statements:
                if isinstance(statement, str):
                    connection.execute(statement)
                else:
                    statement(connection)
    return connection
