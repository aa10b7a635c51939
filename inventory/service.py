"""Whole-inventory operations shared by the CLI and the app: read → validate → write."""
from __future__ import annotations

from pathlib import Path

import duckdb

from inventory import backup, sources, store, validation
from inventory.access import Actor


def import_source(conn: duckdb.DuckDBPyConnection, source: str | Path, *, actor: Actor | None = None,
                  beside: Path | None = None) -> dict[str, int]:
    """Replace the inventory from a CSV folder or .xlsx; on any error nothing is written.

    A replace-all can remove a lot, so the current state is backed up first (backups/ beside
    the database, or beside `beside` when `conn` is a working copy of it).
    """
    frames = validation.validate(sources.read_source(source))
    if store.data_version(conn) > 0:  # something to lose: keep it before replacing it
        backup.automatic(conn, "before-import", beside)
    return store.replace_all(conn, frames, actor=actor)
