"""Writes to the inventory. Every write validates first and commits in one transaction that
also raises the data version, so cached readers notice."""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory import export, validation
from inventory.tables import BY_NAME, TABLES, Table


def data_version(conn: duckdb.DuckDBPyConnection) -> int:
    return conn.execute("select data_version from inventory_state").fetchall()[0][0]


def _replace(conn: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame | None) -> int:
    conn.execute(f"delete from {table.name}")
    if frame is None or frame.empty:
        return 0
    cols = ", ".join(table.column_names)
    conn.register("incoming", frame[table.column_names])
    try:
        conn.execute(f"insert into {table.name} ({cols}) select {cols} from incoming")
    finally:
        conn.unregister("incoming")
    return len(frame)


def _in_transaction(conn: duckdb.DuckDBPyConnection, work):
    conn.execute("begin transaction")
    try:
        result = work()
        conn.execute("update inventory_state set data_version = data_version + 1, changed_at = now()")
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    return result


def replace_all(conn: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Replace the whole inventory with validated typed frames: all tables or none.

    There are no foreign keys (see migration 0001), so deleting parents and children in the
    same transaction is allowed; references were checked by validation before we got here.
    """
    return _in_transaction(conn, lambda: {t.name: _replace(conn, t, frames.get(t.name)) for t in TABLES})


def save_table(conn: duckdb.DuckDBPyConnection, name: str, rows: pd.DataFrame) -> int:
    """Replace one table with edited text rows, validated against the rest of the inventory.

    The same models as import judge the rows, and references are checked both ways: a
    deleted category that links still name is refused, just as in a file.
    """
    table = BY_NAME[name]
    current = export.text_frames(conn)
    current[name] = rows.reindex(columns=table.column_names).fillna("").astype(str)
    raw = {}
    for n, frame in current.items():
        frame = frame.reset_index(drop=True)
        frame.index = frame.index + 1  # rows numbered as the editor shows them
        raw[n] = validation.RawTable(n, frame)
    frames = validation.validate(raw)
    return _in_transaction(conn, lambda: _replace(conn, table, frames[name]))
