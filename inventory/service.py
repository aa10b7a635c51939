"""Whole-inventory operations shared by the CLI and the app: read → validate → write."""
from __future__ import annotations

from pathlib import Path

import duckdb

from inventory import sources, store, validation


def import_source(conn: duckdb.DuckDBPyConnection, source: str | Path) -> dict[str, int]:
    """Replace the inventory from a CSV folder or .xlsx; on any error nothing is written."""
    frames = validation.validate(sources.read_source(source))
    return store.replace_all(conn, frames)
