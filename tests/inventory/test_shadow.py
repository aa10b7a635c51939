"""The command line's writes work on a copy of the database and rename it in (inventory/shadow.py)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from inventory import accounts, db, shadow
from inventory.cli import main
from inventory.errors import InventoryError
from tests.conftest import content

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "demo"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "inventory.duckdb"
    assert main(["init", "--db", str(path), "--sample"]) == 0
    return path


@pytest.mark.parametrize("command", ["import", "restore"])
def test_the_original_file_is_only_read_and_the_new_one_renamed_in(sample_db: Path, tmp_path: Path, command: str):
    made = tmp_path / "made.duckdb"
    assert main(["backup", "--db", str(sample_db), str(made)]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "--db", str(sample_db), str(empty)]) == 0
    old = content(sample_db)
    kept = tmp_path / "kept.duckdb"
    os.link(sample_db, kept)  # a second name for the file as it is now
    before = kept.read_bytes()
    assert main([command, "--db", str(sample_db), str(made if command == "restore" else SAMPLE)]) == 0
    assert kept.read_bytes() == before, "the command wrote into the original file"
    assert content(kept) == old != content(sample_db) == content(made)
    assert leftovers(tmp_path) == []


def test_a_refused_import_leaves_the_file_as_it_was_and_no_copy(sample_db: Path, tmp_path: Path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "categories.csv").write_text("category_id,name\nx,\n", encoding="utf-8")
    before = sample_db.read_bytes()
    assert main(["import", "--db", str(sample_db), str(bad)]) == 2
    assert sample_db.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_the_database_stays_locked_while_its_copy_is_worked_on(sample_db: Path):
    other = [sys.executable, "-m", "inventory", "check", "--db", str(sample_db), "--fail-on", "none"]
    with shadow.replacing(sample_db):
        refused = subprocess.run(other, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2 and "in use" in refused.stderr
    assert subprocess.run(other, cwd=ROOT, capture_output=True, timeout=120).returncode == 0


def test_an_error_inside_discards_the_copy(sample_db: Path):
    old = content(sample_db)
    with pytest.raises(RuntimeError), shadow.replacing(sample_db) as conn:
        conn.execute("delete from categories")
        raise RuntimeError("stop")
    assert content(sample_db) == old
    assert leftovers(sample_db.parent) == []


def test_init_appears_whole_or_not_at_all(tmp_path: Path):
    path = tmp_path / "new.duckdb"
    with pytest.raises(RuntimeError), shadow.creating(path):
        raise RuntimeError("stop")
    assert not path.exists() and leftovers(tmp_path) == []
    with pytest.raises(InventoryError, match="already exists"), shadow.creating(path):
        path.write_bytes(b"someone else's file")  # appears while init works
    assert path.read_bytes() == b"someone else's file" and leftovers(tmp_path) == []


def test_a_database_whose_name_needs_quoting_can_be_imported_into(tmp_path: Path):
    path = tmp_path / "my-inventory.duckdb"  # its catalog name, `my-inventory`, is no bare identifier
    assert main(["init", "--db", str(path), "--sample"]) == 0
    assert main(["import", "--db", str(path), str(SAMPLE)]) == 0
    assert [p.name.startswith("my-inventory-") for p in (tmp_path / "backups").iterdir()] == [True]


def test_the_copy_a_killed_command_left_is_removed_by_the_next_one(sample_db: Path):
    left = sample_db.parent / ".inventory-k1ll3d00.duckdb"
    left.write_bytes(sample_db.read_bytes())
    Path(f"{left}.wal").write_bytes(b"")
    other = sample_db.parent / ".inventory-2-k1ll3d00.duckdb"  # inventory-2.duckdb's copy is not ours to remove
    other.write_bytes(b"")
    assert main(["import", "--db", str(sample_db), str(SAMPLE)]) == 0
    assert leftovers(sample_db.parent) == [other.name]


def test_an_account_change_is_made_on_a_copy_too(sample_db: Path, tmp_path: Path, monkeypatch):
    kept = tmp_path / "kept.duckdb"
    os.link(sample_db, kept)
    before = kept.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long passphrase\n"))
    assert main(["user", "add", "alice", "--role", "viewer", "--password-stdin", "--db", str(sample_db)]) == 0
    assert kept.read_bytes() == before
    conn = db.connect(sample_db, read_only=True)
    try:
        assert accounts.listing(conn)[["username", "role"]].values.tolist() == [["alice", "viewer"]]
    finally:
        conn.close()
