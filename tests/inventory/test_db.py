"""Opening the database: migrations, version checks, clear refusals."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from inventory import db
from inventory.errors import InventoryError
from inventory.tables import TABLES

ROOT = Path(__file__).resolve().parents[2]


def test_new_database_has_every_table_at_the_latest_version(conn):
    assert db.schema_version(conn) == db.latest_version()
    names = {r[0] for r in conn.execute("select table_name from duckdb_tables()").fetchall()}
    assert {t.name for t in TABLES} | {"schema_version"} <= names


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_schema_columns_match_the_interchange_format(conn, table):
    described = [r[0] for r in conn.execute(f"describe {table.name}").fetchall()]
    assert described == table.column_names


def test_an_older_file_is_upgraded_on_open(tmp_path: Path):
    path = tmp_path / "old.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute("create table schema_version (version integer not null, applied_at timestamp not null)")
    raw.execute(db.migrations()[0][1].read_text())
    raw.execute("insert into schema_version values (1, now())")
    raw.execute("insert into purposes (purpose_id, description) values ('keep', 'kept through upgrades')")
    raw.close()
    conn = db.connect(path)
    assert db.schema_version(conn) == db.latest_version()
    assert conn.execute("select purpose_id from purposes").fetchall() == [("keep",)]
    conn.close()


def test_version_5_rebuilds_the_keyed_tables_without_primary_keys_and_keeps_their_rows(tmp_path: Path):
    """Uniqueness belongs to validation (models); the rebuilt tables keep rows, NOT NULL keys and checks."""
    path = tmp_path / "v4.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute("create table schema_version (version integer not null, applied_at timestamp not null)")
    for number, file in db.migrations()[:4]:
        raw.execute(file.read_text())
        raw.execute("insert into schema_version values (?, now())", [number])
    raw.execute("insert into categories (category_id, name, persons) values ('c1', 'Customers', 10)")
    raw.execute("insert into category_systems values ('c1', 's1'), ('c1', 's2')")
    raw.execute("insert into controls (control_id, measure, title, scope, status) values ('k1', 'ORG-1', 'T', 'org', 'planned')")
    assert raw.execute("select count(*) from duckdb_constraints() where constraint_type = 'PRIMARY KEY' "
                       "and table_name = 'category_systems'").fetchall()[0][0] == 1
    raw.close()
    conn = db.connect(path)
    assert db.schema_version(conn) >= 5
    assert conn.execute("select category_id, name, persons from categories").fetchall() == [("c1", "Customers", 10)]
    assert conn.execute("select * from category_systems order by system_id").fetchall() == [("c1", "s1"), ("c1", "s2")]
    assert conn.execute("select review_months from controls").fetchall() == [(12,)]  # defaults kept
    keyed = [t.name for t in TABLES if t.key]
    assert conn.execute("select count(*) from duckdb_constraints() where constraint_type = 'PRIMARY KEY' "
                        "and table_name in (select unnest(?))", [keyed]).fetchall()[0][0] == 0
    conn.execute("begin transaction")
    with pytest.raises(duckdb.ConstraintException):
        conn.execute("insert into category_systems values (null, 's3')")
    conn.execute("rollback")
    conn.execute("begin transaction")
    with pytest.raises(duckdb.ConstraintException):
        conn.execute("insert into categories (category_id, name, persons) values ('c2', 'X', -1)")
    conn.execute("rollback")
    conn.close()


def test_a_newer_file_is_refused(db_path: Path):
    raw = duckdb.connect(str(db_path))
    raw.execute("insert into schema_version values (?, now())", [db.latest_version() + 1])
    raw.close()
    with pytest.raises(InventoryError, match="newer than this program"):
        db.connect(db_path)


def test_a_foreign_duckdb_file_is_refused(tmp_path: Path):
    path = tmp_path / "other.duckdb"
    raw = duckdb.connect(str(path))
    raw.execute("create table something (x int)")
    raw.close()
    with pytest.raises(InventoryError, match="not an inventory database"):
        db.connect(path)


def test_init_never_overwrites(db_path: Path):
    with pytest.raises(InventoryError, match="already exists"):
        db.connect(db_path, create=True)


def test_a_missing_file_is_not_created_by_open(tmp_path: Path):
    with pytest.raises(InventoryError, match="init"):
        db.connect(tmp_path / "absent.duckdb")
    assert not (tmp_path / "absent.duckdb").exists()


def test_a_second_process_gets_a_clear_message_while_the_file_is_in_use(db_path: Path):
    holder = db.connect(db_path)
    try:
        done = subprocess.run([sys.executable, "-m", "inventory", "export", "--db", str(db_path), str(db_path.parent / "out")],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        holder.close()
    assert done.returncode == 2
    assert "in use by another process" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_file_is_named_with_the_backup_that_can_take_its_place(tmp_path: Path):
    path = tmp_path / "inv.duckdb"
    db.connect(path, create=True).close()
    (tmp_path / "backups").mkdir()
    for stamp in ("20261201T000000000000", "20261202T000000000000"):
        db.connect(tmp_path / "backups" / f"inv-{stamp}-before-import.duckdb", create=True).close()
    with path.open("r+b") as f:  # a torn write of the first metadata block: its checksum no longer holds
        f.seek(12288 + 64)
        f.write(b"\xff" * 64)
    with pytest.raises(InventoryError, match="damaged") as refused:
        db.connect(path, read_only=True)
    assert "inv-20261202T000000000000-before-import.duckdb" in str(refused.value)
    (tmp_path / "damaged.duckdb").write_bytes(path.read_bytes())
    path.write_bytes((tmp_path / "backups" / "inv-20261202T000000000000-before-import.duckdb").read_bytes())
    db.connect(path).close()  # the advice works
