"""Shared fixtures: every test gets real DuckDB files in its own temp dir, never the dev database."""
from __future__ import annotations

from pathlib import Path

import pytest

from inventory import backup, db
from inventory.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "demo"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An empty inventory database at the current schema version."""
    path = tmp_path / "inventory.duckdb"
    db.connect(path, create=True).close()
    return path


@pytest.fixture
def conn(db_path: Path):
    """An open connection to the empty inventory of `db_path`, closed after the test."""
    connection = db.connect(db_path)
    yield connection
    connection.close()


def content(path: Path) -> str:
    """A fingerprint of the inventory a database file holds (accounts and audit trail aside)."""
    conn = db.connect(path, read_only=True)
    try:
        return backup.digest(conn, tables=[t.name for t in TABLES])
    finally:
        conn.close()
