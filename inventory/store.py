"""Writes to the inventory. Every write validates first and commits in one transaction."""
from __future__ import annotations

import duckdb
import pandas as pd

from inventory.tables import TABLES


def replace_all(conn: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Replace the whole inventory with validated typed frames: all tables or none.

    There are no foreign keys (see migration 0001), so deleting parents and children in the
    same transaction is allowed; references were checked by validation before we got here.
    """
    counts = {}
    conn.execute("begin transaction")
    try:
        for table in TABLES:
            conn.execute(f"delete from {table.name}")
        for table in TABLES:
            frame = frames.get(table.name)
            if frame is None or frame.empty:
                counts[table.name] = 0
                continue
            cols = ", ".join(table.column_names)
            conn.register("incoming", frame[table.column_names])
            conn.execute(f"insert into {table.name} ({cols}) select {cols} from incoming")
            conn.unregister("incoming")
            counts[table.name] = len(frame)
        conn.execute("commit")
    except Exception:
        conn.execute("rollback")
        raise
    return counts
